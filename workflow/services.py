"""The officers' decisions. Each loads by id, goes through the runner (lock, permission, log, effects) and
raises the errors defined here or the runner's AlreadyProcessed / TransitionRefused."""

from dataclasses import dataclass

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from core.stored_files import stored_file_discard_on_commit, stored_file_save, stored_files_atomic
from permits.models import Application, ApplicationStatus, ReviewStatus
from permits.rules import may
from permits.uploads import check_upload

from .calendar import office_calendar
from .effects import after_transition
from .models import TechnicalReviewDocument
from .routes import next_stage, role_for_stage
from .runner import AlreadyProcessed, TransitionRefused, transition_run

S = ApplicationStatus
TECHNICAL_MAX_BYTES = 10 * 1024 * 1024


class DecisionInvalid(Exception):
    """The decision cannot be taken as asked; `message` says why in plain Indonesian."""

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


@dataclass(frozen=True)
class DocumentJudgement:
    document_id: int
    status: str  # ReviewStatus value
    note: str = ""


def _role_name(application: Application) -> str:
    role = role_for_stage(application.status)
    return role.value if role else ""


def _document_check_stage(application: Application) -> bool:
    # The stages where documents are judged one by one: the completeness checks.
    return application.status in (S.VERIFIKASI_FRONT_OFFICE, S.VERIFIKASI_BERKAS)


@transaction.atomic
def documents_review(
    *, application_id: int, expected_status: str, by, judgements: list[DocumentJudgement], now=None
):
    """Records sesuai / tidak sesuai (+ note) per current document. Raises DecisionInvalid,
    AlreadyProcessed, TransitionRefused."""
    now = now or timezone.now()
    application = Application.objects.select_for_update().get(pk=application_id)
    if application.status != expected_status:
        raise AlreadyProcessed(application.status)
    if not may(by, "workflow.review_documents", application):
        raise TransitionRefused("workflow.review_documents")
    documents = {d.pk: d for d in application.documents.filter(superseded_at__isnull=True)}
    for judgement in judgements:
        document = documents.get(judgement.document_id)
        if document is None:
            raise DecisionInvalid(_("Dokumen tidak ditemukan pada permohonan ini."))
        if judgement.status == ReviewStatus.TIDAK_SESUAI and not judgement.note.strip():
            raise DecisionInvalid(
                _("Tuliskan catatan untuk dokumen yang tidak sesuai: %(label)s")
                % {"label": document.requirement.label}
            )
        document.review_status = judgement.status
        document.review_note = judgement.note.strip()
        document.reviewed_by, document.reviewed_at = by, now
        document.save(update_fields=["review_status", "review_note", "reviewed_by", "reviewed_at"])
    return application


def application_approve(
    *, application_id: int, expected_status: str, by, note: str = "", now=None
) -> Application:
    """Setujui: moves the application to its next stage. Raises DecisionInvalid when the stage's own
    conditions are not met (documents not all sesuai; Tim Teknis documents missing)."""
    now = now or timezone.now()
    application = Application.objects.select_related("permit_type").get(pk=application_id)
    if application.status == expected_status:
        _check_ready_to_approve(application)
    return transition_run(
        application_id=application_id,
        transition="approve",
        actor=by,
        actor_role=_role_name(application),
        expected_status=expected_status,
        permission="workflow.approve_application",
        reason=note.strip(),
        arguments={"next_status": _next_or_refuse(application, expected_status), "now": now},
        effects=[after_transition],
        now=now,
    )


def _next_or_refuse(application: Application, expected_status: str) -> str:
    try:
        return next_stage(application.permit_type, expected_status)
    except (ValueError, IndexError) as exc:
        raise TransitionRefused("approve") from exc


def _check_ready_to_approve(application: Application) -> None:
    if _document_check_stage(application):
        documents = list(
            application.documents.filter(superseded_at__isnull=True).select_related("requirement")
        )
        unchecked = [d.requirement.label for d in documents if d.review_status != ReviewStatus.SESUAI]
        if unchecked:
            raise DecisionInvalid(
                _("Semua dokumen harus dinyatakan sesuai sebelum disetujui. Belum sesuai: %(labels)s")
                % {"labels": "; ".join(unchecked)}
            )
    if application.status == S.TINJAUAN_TEKNIS:
        kinds = set(application.technical_documents.values_list("kind", flat=True))
        missing = [k.label for k in TechnicalReviewDocument.Kind if k.value not in kinds]
        if missing:
            raise DecisionInvalid(
                _("Unggah dulu dokumen Tim Teknis: %(labels)s")
                % {"labels": "; ".join(str(m) for m in missing)}
            )


def application_return(
    *, application_id: int, expected_status: str, by, reason: str, fields: list[str] | None = None, now=None
) -> Application:
    """Tolak → kembalikan untuk perbaikan. The SLA clock stops. Raises DecisionInvalid without a reason."""
    now = now or timezone.now()
    reason = reason.strip()
    if not reason:
        raise DecisionInvalid(_("Alasan pengembalian wajib diisi."))
    application = Application.objects.select_related("permit_type").get(pk=application_id)
    field_names = {f.name for f in application.permit_type.fields.all()}
    fields = [name for name in (fields or []) if name in field_names]
    returned_documents = list(
        application.documents.filter(
            superseded_at__isnull=True, review_status=ReviewStatus.TIDAK_SESUAI
        ).values_list("pk", flat=True)
    )
    return transition_run(
        application_id=application_id,
        transition="return_for_correction",
        actor=by,
        actor_role=_role_name(application),
        expected_status=expected_status,
        permission="workflow.return_application",
        reason=reason,
        details={"returned_documents": returned_documents, "fields": fields},
        arguments={"now": now, "working_days_used": _office_days_used(application, now), "fields": fields},
        effects=[after_transition],
        now=now,
    )


def _office_days_used(application: Application, now) -> int:
    if application.clock_started_on is None:
        return application.working_days_used
    elapsed = office_calendar().working_days_between(application.clock_started_on, timezone.localdate(now))
    return application.working_days_used + elapsed


def application_reject(
    *, application_id: int, expected_status: str, by, reason: str, now=None
) -> Application:
    """Tolak permohonan (final). Raises DecisionInvalid without a reason."""
    now = now or timezone.now()
    reason = reason.strip()
    if not reason:
        raise DecisionInvalid(_("Alasan penolakan wajib diisi."))
    application = Application.objects.get(pk=application_id)
    return transition_run(
        application_id=application_id,
        transition="reject",
        actor=by,
        actor_role=_role_name(application),
        expected_status=expected_status,
        permission="workflow.reject_application",
        reason=reason,
        arguments={"now": now},
        effects=[after_transition],
        now=now,
    )


@stored_files_atomic
def technical_document_upload(
    *, application_id: int, kind: str, uploaded_file, by, now=None
) -> TechnicalReviewDocument:
    """Stores (or replaces) the Berita Acara or the recommendation.

    Raises UploadRejected, TransitionRefused."""
    now = now or timezone.now()
    application = Application.objects.select_for_update().get(pk=application_id)
    if application.status != S.TINJAUAN_TEKNIS or not may(by, "workflow.approve_application", application):
        raise TransitionRefused("technical_document_upload")
    checked = check_upload(
        uploaded_file=uploaded_file, accepted_kinds=["pdf", "jpg", "png"], max_bytes=TECHNICAL_MAX_BYTES
    )
    for previous in TechnicalReviewDocument.objects.filter(application=application, kind=kind):
        # The replaced file goes once the new one's row has committed, never before.
        stored_file_discard_on_commit(previous.file)
        previous.delete()
    document = TechnicalReviewDocument(
        application=application,
        kind=kind,
        display_name=checked.display_name,
        content_type=checked.content_type,
        size=checked.size,
        sha256=checked.sha256,
        uploaded_by=by,
        uploaded_at=now,
    )
    stored_file_save(document.file, f"upload{checked.extension}", uploaded_file)
    document.save()
    return document
