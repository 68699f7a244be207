"""Writes for the applicant's side: start, fill, upload, submit. Each raises the errors defined here."""

from dataclasses import dataclass

from django.conf import settings
from django.db import transaction
from django.db.models import Sum
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.roles import Role
from workflow.calendar import office_calendar
from workflow.effects import after_transition
from workflow.routes import first_stage
from workflow.runner import transition_run

from .field_schema import to_storable
from .forms.application_data import ApplicationDataForm
from .models import Application, ApplicationDocument, ApplicationStatus, PermitType, Requirement
from .uploads import CheckedUpload, UploadRejected, check_upload


class ApplicationNotEditable(Exception):
    """The application is no longer a draft the applicant may change."""


class SubmissionIncomplete(Exception):
    """Something required is missing or invalid; `items` lists each in plain Indonesian."""

    def __init__(self, items: list[str]):
        super().__init__("; ".join(items))
        self.items = items


@dataclass(frozen=True)
class MissingItem:
    message: str
    anchor: str  # the id of the form element to jump to


def application_start(*, permit_type: PermitType, applicant) -> Application:
    return Application.objects.create(permit_type=permit_type, applicant=applicant)


def _ensure_editable(application: Application, by) -> None:
    if application.applicant_id != by.pk or application.status != ApplicationStatus.DRAFT:
        raise ApplicationNotEditable


@transaction.atomic
def application_data_save(*, application: Application, by, cleaned_data: dict) -> Application:
    """Stores the (possibly partial) data fields of a draft. Raises ApplicationNotEditable."""
    _ensure_editable(application, by)
    application.data = {
        name: to_storable(value) for name, value in cleaned_data.items() if value not in (None, "")
    }
    application.save(update_fields=["data", "updated_at"])
    return application


def application_upload_total(*, application: Application, excluding: Requirement | None = None) -> int:
    documents = application.documents.filter(superseded_at__isnull=True)
    if excluding is not None:
        documents = documents.exclude(requirement=excluding)
    return documents.aggregate(total=Sum("size"))["total"] or 0


@transaction.atomic
def document_upload(
    *, application: Application, requirement: Requirement, uploaded_file, by, now=None
) -> ApplicationDocument:
    """Validates and stores one file for one requirement, replacing the draft's earlier file.

    Raises ApplicationNotEditable, UploadRejected (with an Indonesian message; nothing is stored)."""
    _ensure_editable(application, by)
    if requirement.permit_type_id != application.permit_type_id:
        raise ApplicationNotEditable
    checked: CheckedUpload = check_upload(
        uploaded_file=uploaded_file, accepted_kinds=requirement.kinds, max_bytes=requirement.max_bytes
    )
    limit_mb = settings.PINTU_MAX_APPLICATION_UPLOAD_MB
    if (
        application_upload_total(application=application, excluding=requirement) + checked.size
        > limit_mb * 2**20
    ):
        raise UploadRejected(
            _("Total ukuran semua dokumen permohonan melebihi batas %(limit)s MB. Perkecil berkas Anda.")
            % {"limit": limit_mb},
            code="application_total",
        )
    for previous in application.documents.filter(requirement=requirement, superseded_at__isnull=True):
        # A draft's earlier upload was never seen by an officer: remove it, file and all.
        _document_delete_after_commit(previous)
    document = ApplicationDocument(
        application=application,
        requirement=requirement,
        display_name=checked.display_name,
        content_type=checked.content_type,
        extension=checked.extension,
        size=checked.size,
        sha256=checked.sha256,
        uploaded_at=now or timezone.now(),
        uploaded_by=by,
    )
    document.file.save("upload", uploaded_file, save=False)
    try:
        document.save()
    except Exception:
        # Do not leave an orphan file behind when the row cannot be written.
        document.file.delete(save=False)
        raise
    return document


def _document_delete_after_commit(document: ApplicationDocument) -> None:
    name, storage = document.file.name, document.file.storage
    document.delete()
    transaction.on_commit(lambda: storage.delete(name))


@transaction.atomic
def document_remove(*, application: Application, document: ApplicationDocument, by) -> None:
    """Raises ApplicationNotEditable."""
    _ensure_editable(application, by)
    if document.application_id != application.pk:
        raise ApplicationNotEditable
    _document_delete_after_commit(document)


def application_missing_items(*, application: Application) -> list[MissingItem]:
    """Everything that stops submission, in form order: data fields first, then documents."""
    missing: list[MissingItem] = []
    field_specs = list(application.permit_type.fields.all())
    form = ApplicationDataForm(data=application.data, field_specs=field_specs, for_submission=True)
    if not form.is_valid():
        for spec in field_specs:
            for error in form.errors.get(spec.name, []):
                missing.append(MissingItem(f"{spec.label}: {error}", f"id_{spec.name}"))
    have = set(
        application.documents.filter(superseded_at__isnull=True).values_list("requirement_id", flat=True)
    )
    for requirement in application.permit_type.requirements.all():
        if requirement.is_required and requirement.pk not in have:
            missing.append(
                MissingItem(
                    _("Dokumen belum diunggah: %(label)s") % {"label": requirement.label},
                    f"req-{requirement.pk}",
                )
            )
    return missing


def application_submit(*, application: Application, by, now=None) -> Application:
    """Submits a complete draft: gives it its number and due date and hands it to the first office stage.

    Raises SubmissionIncomplete (with every missing item), ApplicationNotEditable, workflow's
    AlreadyProcessed (it was submitted meanwhile)."""
    _ensure_editable(application, by)
    missing = application_missing_items(application=application)
    if missing:
        raise SubmissionIncomplete([item.message for item in missing])
    now = now or timezone.now()
    permit_type = application.permit_type
    due_date = office_calendar().add_working_days(timezone.localdate(now), permit_type.sla_working_days)
    return transition_run(
        application_id=application.pk,
        transition="submit",
        actor=by,
        actor_role=Role.PEMOHON.value,
        expected_status=ApplicationStatus.DRAFT,
        permission="permits.submit_application",
        arguments={
            "number": _unique_application_number(permit_type=permit_type, now=now),
            "now": now,
            "due_date": due_date,
            "first_stage": first_stage(permit_type),
        },
        on_commit=[after_transition],
        now=now,
    )


def _unique_application_number(*, permit_type: PermitType, now) -> str:
    local_now = timezone.localtime(now)
    while True:
        number = Application.new_number(permit_code=permit_type.code, now=local_now)
        if not Application.objects.filter(number=number).exists():
            return number
