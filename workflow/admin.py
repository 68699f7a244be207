from django.contrib import admin

from .models import ClosedDay, TransitionLog


@admin.register(ClosedDay)
class ClosedDayAdmin(admin.ModelAdmin):
    list_display = ("date", "kind", "name")
    list_filter = ("kind",)
    date_hierarchy = "date"


@admin.register(TransitionLog)
class TransitionLogAdmin(admin.ModelAdmin):
    list_display = (
        "created_at",
        "application",
        "transition",
        "from_status",
        "to_status",
        "actor",
        "actor_role",
    )
    list_select_related = ("application", "actor")
    search_fields = ("application__number",)

    # Append-only: the audit trail is never edited through the admin.
    def has_add_permission(self, request) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False

    def has_delete_permission(self, request, obj=None) -> bool:
        return False
