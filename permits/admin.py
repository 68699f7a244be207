from django.contrib import admin

from .models import (
    Application,
    ApplicationDocument,
    ApplicationField,
    BlankForm,
    Office,
    PermitType,
    ProcedureStep,
    Requirement,
    ServiceStandardEntry,
)


class ApplicationFieldInline(admin.TabularInline):
    model = ApplicationField
    extra = 0
    fields = ("order", "name", "label", "kind", "required", "help_text", "max_length", "digits", "choices")


class RequirementInline(admin.TabularInline):
    model = Requirement
    extra = 0
    fields = ("order", "label", "help_text", "is_required", "accepted_kinds", "max_size_mb", "bring_original")


class ProcedureStepInline(admin.TabularInline):
    model = ProcedureStep
    extra = 0


class ServiceStandardEntryInline(admin.StackedInline):
    model = ServiceStandardEntry
    extra = 0


class BlankFormInline(admin.TabularInline):
    model = BlankForm
    extra = 0


@admin.register(PermitType)
class PermitTypeAdmin(admin.ModelAdmin):
    list_display = ("name", "code", "category", "sla_working_days", "fee_rupiah", "is_published")
    list_filter = ("category", "is_published", "uses_front_office", "uses_technical_review")
    search_fields = ("name", "code")
    prepopulated_fields = {"slug": ("name",)}
    inlines = [
        ApplicationFieldInline,
        RequirementInline,
        ProcedureStepInline,
        ServiceStandardEntryInline,
        BlankFormInline,
    ]


@admin.register(Office)
class OfficeAdmin(admin.ModelAdmin):
    list_display = ("name", "government_name", "saturday_service")

    def has_add_permission(self, request) -> bool:
        return not Office.objects.exists()


class ApplicationDocumentInline(admin.TabularInline):
    model = ApplicationDocument
    extra = 0
    fields = ("requirement", "display_name", "size", "uploaded_at", "superseded_at")
    readonly_fields = fields
    can_delete = False


@admin.register(Application)
class ApplicationAdmin(admin.ModelAdmin):
    list_display = ("number", "permit_type", "applicant", "status", "submitted_at", "due_date")
    list_filter = ("status", "permit_type")
    list_select_related = ("permit_type", "applicant")
    search_fields = ("number", "applicant__full_name", "applicant__email")
    readonly_fields = ("number", "permit_type", "applicant", "status", "submitted_at", "due_date", "data")
    inlines = [ApplicationDocumentInline]

    def has_add_permission(self, request) -> bool:
        # Applications are made by applicants and moved only by the workflow runner.
        return False
