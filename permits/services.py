"""Writes for the applicant's side: start, fill, upload, submit. Each raises the errors defined here."""

from dataclasses import dataclass

from django.conf import settings
from django.db import transaction
from django.db.models import Sum
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.roles import Role
from core.stored_files import stored_file_discard_on_commit, stored_file_save, stored_files_atomic
from workflow.calendar import office_calendar
from workflow.effects import after_transition
from workflow.routes import first_stage
from workflow.runner import transition_run

from .field_schema import to_storable
from .forms.application_data import ApplicationDataForm
from .models import Application, ApplicationDocument, ApplicationStatus, PermitType, Requirement, ReviewStatus
from .upload_rejections import UploadRejected
from .uploads import CheckedUpload, check_upload


class ApplicationNotEditable(Exception):
    """The application is no longer a draft the applicant may change."""


class SubmissionIncomplete(Exception):
    """Something required is missing or invalid: `missing` has each item with the form element to jump to,
    `items` their plain-Indonesian messages."""

    def __init__(self, missing: list["MissingItem"]):
        self.missing = missing
        self.items = [item.message for item in missing]
        super().__init__("; ".join(self.items))


@dataclass(frozen=True)
class MissingItem:
    message: str
    anchor: str  # the id of the form element to jump to


def application_start(*, permit_type: PermitType, applicant) -> Application:
    return Application.objects.create(permit_type=permit_type, applicant=applicant)


def _ensure_editable(application: Application, by) -> None:
    editable = (ApplicationStatus.DRAFT, ApplicationStatus.PERBAIKAN)
    if application.applicant_id != by.pk or application.status not in editable:
        raise ApplicationNotEditable


def correction_requirement_ids(*, application: Application) -> set[int]:
    """In PERBAIKAN: the requirements the applicant may upload for — those whose document an officer
    marked tidak sesuai, and required ones still missing."""
    current = {d.requirement_id: d for d in application.documents.filter(superseded_at__isnull=True)}
    allowed = {rid for rid, doc in current.items() if doc.review_status == ReviewStatus.TIDAK_SESUAI}
    for requirement in application.permit_type.requirements.all():
        if requirement.is_required and requirement.pk not in current:
            allowed.add(requirement.pk)
    return allowed


@transaction.atomic
def application_data_save(*, application: Application, by, cleaned_data: dict) -> Application:
    """Stores the (possibly partial) data fields of a draft. Raises ApplicationNotEditable."""
    _ensure_editable(application, by)
    values = {name: to_storable(value) for name, value in cleaned_data.items()}
    if application.status == ApplicationStatus.PERBAIKAN:
        # Only the fields the officer flagged may change while the file is back with the applicant.
        values = {name: value for name, value in values.items() if name in application.correction_fields}
        data = dict(application.data)
    else:
        data = {}
    data.update(values)
    application.data = {name: value for name, value in data.items() if value not in (None, "")}
    application.save(update_fields=["data", "updated_at"])
    return application


def application_upload_total(*, application: Application, excluding: Requirement | None = None) -> int:
    documents = application.documents.filter(superseded_at__isnull=True)
    if excluding is not None:
        documents = documents.exclude(requirement=excluding)
    return documents.aggregate(total=Sum("size"))["total"] or 0


@stored_files_atomic
def document_upload(
    *, application: Application, requirement: Requirement, uploaded_file, by, now=None
) -> ApplicationDocument:
    """Validates and stores one file for one requirement, replacing the draft's earlier file.

    Raises ApplicationNotEditable, UploadRejected (with an Indonesian message; nothing is stored)."""
    _ensure_editable(application, by)
    if requirement.permit_type_id != application.permit_type_id:
        raise ApplicationNotEditable
    in_correction = application.status == ApplicationStatus.PERBAIKAN
    if in_correction and requirement.pk not in correction_requirement_ids(application=application):
        raise ApplicationNotEditable
    now = now or timezone.now()
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
        if in_correction:
            # An officer has seen it: keep it as history, marked superseded.
            previous.superseded_at = now
            previous.save(update_fields=["superseded_at"])
        else:
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
        uploaded_at=now,
        uploaded_by=by,
    )
    # Stored before the row is written; a rollback (the row cannot be written, or a caller's block fails)
    # deletes the file again.
    stored_file_save(document.file, "upload", uploaded_file)
    document.save()
    return document


def _document_delete_after_commit(document: ApplicationDocument) -> None:
    stored_file_discard_on_commit(document.file)
    document.delete()


@transaction.atomic
def document_remove(*, application: Application, document: ApplicationDocument, by) -> None:
    """Raises ApplicationNotEditable."""
    _ensure_editable(application, by)
    if document.application_id != application.pk or application.status != ApplicationStatus.DRAFT:
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


def correction_missing_items(*, application: Application) -> list[MissingItem]:
    """What stops a resubmission: the usual checks plus every document still marked tidak sesuai."""
    missing = application_missing_items(application=application)
    for document in application.documents.filter(
        superseded_at__isnull=True, review_status=ReviewStatus.TIDAK_SESUAI
    ).select_related("requirement"):
        missing.append(
            MissingItem(
                _("Dokumen belum diganti: %(label)s") % {"label": document.requirement.label},
                f"req-{document.requirement_id}",
            )
        )
    return missing


def application_resubmit(*, application: Application, by, now=None) -> Application:
    """Sends the corrected application back to the stage that returned it; the SLA clock resumes with the
    working days the office had left.

    Raises SubmissionIncomplete, ApplicationNotEditable, AlreadyProcessed."""
    if application.applicant_id != by.pk or application.status != ApplicationStatus.PERBAIKAN:
        raise ApplicationNotEditable
    missing = correction_missing_items(application=application)
    if missing:
        raise SubmissionIncomplete(missing)
    now = now or timezone.now()
    remaining = max(application.permit_type.sla_working_days - application.working_days_used, 0)
    today = timezone.localdate(now)
    due_date = office_calendar().add_working_days(today, remaining) if remaining else today
    replaced = list(
        application.documents.filter(
            superseded_at__isnull=True, uploaded_at__gte=application.stage_entered_at
        ).values_list("pk", flat=True)
    )
    before = application.data_before_correction
    changed = sorted(
        k for k in set(before) | set(application.data) if before.get(k) != application.data.get(k)
    )
    return transition_run(
        application_id=application.pk,
        transition="resubmit",
        actor=by,
        actor_role=Role.PEMOHON.value,
        expected_status=ApplicationStatus.PERBAIKAN,
        permission="permits.resubmit_application",
        details={"replaced_documents": replaced, "changed_fields": changed},
        arguments={"now": now, "due_date": due_date},
        effects=[after_transition],
        now=now,
    )


def application_submit(*, application: Application, by, now=None) -> Application:
    """Submits a complete draft: gives it its number and due date and hands it to the first office stage.

    Raises SubmissionIncomplete (with every missing item), ApplicationNotEditable, workflow's
    AlreadyProcessed (it was submitted meanwhile)."""
    if application.applicant_id != by.pk or application.status != ApplicationStatus.DRAFT:
        raise ApplicationNotEditable
    missing = application_missing_items(application=application)
    if missing:
        raise SubmissionIncomplete(missing)
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
        effects=[after_transition],
        now=now,
    )


def _unique_application_number(*, permit_type: PermitType, now) -> str:
    local_now = timezone.localtime(now)
    while True:
        number = Application.new_number(permit_code=permit_type.code, now=local_now)
        if not Application.objects.filter(number=number).exists():
            return number
