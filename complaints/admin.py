from django.contrib import admin
from django.db.models import Count
from django.utils.translation import gettext_lazy as _

from accounts.roles import Role

from .models import ComplaintUnit


@admin.register(ComplaintUnit)
class ComplaintUnitAdmin(admin.ModelAdmin):
    """The bidang and OPD complaints are disposed to, and who in each answers them: a Bidang Terkait account
    sees only the complaints disposed to its units."""

    list_display = ("name", "member_count", "is_active")
    list_filter = ("is_active",)
    search_fields = ("name",)
    filter_horizontal = ("members",)

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(member_total=Count("members"))

    @admin.display(description=_("anggota"), ordering="member_total")
    def member_count(self, unit) -> int:
        return unit.member_total

    def formfield_for_manytomany(self, db_field, request, **kwargs):
        if db_field.name == "members":
            kwargs["queryset"] = (
                db_field.related_model.objects.filter(groups__name=Role.BIDANG_TERKAIT.value)
                .distinct()
                .order_by("full_name", "username")
            )
        return super().formfield_for_manytomany(db_field, request, **kwargs)
