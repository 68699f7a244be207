"""Complaint handling: intake from every channel, the lifecycle through the shared runner, the
complainant's rating and reopening. Each public function raises the errors defined here or the runner's."""

from dataclasses import dataclass
from datetime import date, timedelta

from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.roles import Role
from core.stored_files import stored_file_save, stored_files_atomic
from permits.models import Application, ApplicationStatus, PermitType
from permits.uploads import check_upload
from workflow.calendar import office_calendar
from workflow.models import TransitionLog
from workflow.runner import transition_run

from .models import (
    Channel,
    Complaint,
    ComplaintAttachment,
    ComplaintKind,
    ComplaintPolicy,
    ComplaintUnit,
    ticket_new,
)
from .models import ComplaintStatus as CS

MAX_ATTACHMENTS = 3
ATTACHMENT_MAX_BYTES = 5 * 1024 * 1024
EFFECTS = "complaints.effects.after_complaint_transition"


class ComplaintInvalid(Exception):
    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


@dataclass(frozen=True)
class Intake:
    kind: str
    description: str
    permit_type: PermitType | None = None
    application_number: str = ""
    component: int | None = None
    service_received_on: date | None = None
    name: str = ""
    email: str = ""
    phone: str = ""
    is_confidential: bool = False
    channel: str = Channel.WEB
    lapor_id: str = ""


def handling_for(*, intake: Intake, application: Application | None, policy: ComplaintPolicy, today: date):
    """How a submission is handled: a complaint without identity or object, or about a service received
    longer ago than the office's window, is handled as a suggestion (DOMAIN.md, local policy)."""
    if intake.kind != ComplaintKind.PENGADUAN:
        return intake.kind, ""
    has_identity = bool(intake.name.strip() and (intake.email or intake.phone))
    if policy.anonymous_as_suggestion and not has_identity:
        return ComplaintKind.ASPIRASI, _("Tanpa identitas pelapor: ditangani sebagai saran.")
    if intake.permit_type is None and application is None:
        return ComplaintKind.ASPIRASI, _("Tanpa objek layanan yang diadukan: ditangani sebagai saran.")
    received_on = intake.service_received_on or _service_date(application)
    if received_on and (today - received_on).days > policy.complaint_window_days:
        return ComplaintKind.ASPIRASI, _(
            "Disampaikan lebih dari %(days)s hari sejak layanan diterima: ditangani sebagai saran."
        ) % {"days": policy.complaint_window_days}
    return ComplaintKind.PENGADUAN, ""


def _service_date(application: Application | None) -> date | None:
    if application is None:
        return None
    finished = (
        TransitionLog.objects.filter(application=application, to_status__in=["TERBIT", "DITOLAK"])
        .order_by("-created_at")
        .values_list("created_at", flat=True)
        .first()
    )
    return timezone.localdate(finished) if finished else None


def _application_by_number(number: str) -> Application | None:
    number = number.strip().upper()
    if not number:
        return None
    application = Application.objects.exclude(status=ApplicationStatus.DRAFT).filter(number=number).first()
    if application is None:
        raise ComplaintInvalid(
            _("Nomor permohonan tidak ditemukan. Periksa kembali nomor pada tanda terima.")
        )
    return application


def complaint_submit(*, intake: Intake, attachments=(), recorded_by=None, now=None) -> Complaint:
    """Registers a complaint, consultation or suggestion from any channel and gives it a ticket.
    Raises ComplaintInvalid and permits.upload_rejections.UploadRejected (nothing is stored then)."""
    now = now or timezone.now()
    today = timezone.localdate(now)
    if len(attachments) > MAX_ATTACHMENTS:
        raise ComplaintInvalid(_("Lampiran paling banyak %(n)s berkas.") % {"n": MAX_ATTACHMENTS})
    checked = [
        (
            upload,
            check_upload(
                uploaded_file=upload, accepted_kinds=["pdf", "jpg", "png"], max_bytes=ATTACHMENT_MAX_BYTES
            ),
        )
        for upload in attachments
    ]
    application = _application_by_number(intake.application_number)
    policy = ComplaintPolicy.current()
    handled_as, note = handling_for(intake=intake, application=application, policy=policy, today=today)
    calendar = office_calendar()
    # A rollback deletes the attachments stored so far: no file without its row.
    with stored_files_atomic():
        complaint = Complaint.objects.create(
            ticket=_unique_ticket(now),
            kind=intake.kind,
            handled_as=handled_as,
            handling_note=note,
            channel=intake.channel,
            lapor_id=intake.lapor_id.strip(),
            permit_type=intake.permit_type or (application.permit_type if application else None),
            application=application,
            component=intake.component,
            description=intake.description.strip(),
            service_received_on=intake.service_received_on,
            name=intake.name.strip(),
            email=intake.email.strip(),
            phone=intake.phone.strip(),
            is_confidential=intake.is_confidential,
            received_at=now,
            acknowledge_due=calendar.add_working_days(today, policy.acknowledge_working_days),
            answer_due=calendar.add_working_days(today, policy.answer_working_days),
            recorded_by=recorded_by,
        )
        for upload, result in checked:
            attachment = ComplaintAttachment(
                complaint=complaint,
                display_name=result.display_name,
                content_type=result.content_type,
                extension=result.extension,
                size=result.size,
                sha256=result.sha256,
                uploaded_at=now,
            )
            stored_file_save(attachment.file, "lampiran", upload)
            attachment.save()
        log = TransitionLog.objects.create(
            complaint=complaint,
            transition="receive",
            from_status="",
            to_status=CS.DITERIMA,
            actor=recorded_by,
            actor_role=_complaint_role(recorded_by) if recorded_by else "Pelapor",
            reason=note,
            details={"channel": intake.channel},
            created_at=now,
        )
        _after(complaint, log)
    return complaint


def _complaint_role(user) -> str:
    """The pengaduan role the user acts in, for the log."""
    for role in (Role.KEPALA_BIDANG_PENGADUAN, Role.OPERATOR_PENGADUAN, Role.BIDANG_TERKAIT):
        if user.has_role(role):
            return role.value
    return ""


def _after(complaint, log) -> None:
    from .effects import after_complaint_transition

    after_complaint_transition(complaint, log)


def _unique_ticket(now) -> str:
    while True:
        ticket = ticket_new(now=timezone.localtime(now))
        if not Complaint.objects.filter(ticket=ticket).exists():
            return ticket


def _run(
    complaint_id: int,
    transition: str,
    *,
    by,
    expected_status: str,
    role: str,
    reason="",
    arguments=None,
    by_complainant: bool = False,
    now=None,
) -> Complaint:
    now = now or timezone.now()
    return transition_run(
        complaint_id=complaint_id,
        transition=transition,
        actor=by,
        actor_role=role,
        expected_status=expected_status,
        # The complainant has no account: the ticket is their key, checked by the caller.
        permission=None if by_complainant else f"complaints.{transition}",
        reason=reason,
        arguments={"now": now, **(arguments or {})},
        effects=[_after],
        now=now,
    )


def complaint_classify(
    *, complaint_id: int, expected_status: str, by, kind: str, component, permit_type, note="", now=None
) -> Complaint:
    complaint = Complaint.objects.get(pk=complaint_id)
    handled_as = complaint.handled_as if kind == complaint.kind else kind
    return _run(
        complaint_id,
        "classify",
        by=by,
        expected_status=expected_status,
        role=Role.OPERATOR_PENGADUAN.value,
        reason=note,
        now=now,
        arguments={
            "kind": kind,
            "handled_as": handled_as,
            "component": component,
            "permit_type": permit_type,
        },
    )


def complaint_answer_directly(
    *, complaint_id: int, expected_status: str, by, answer: str, now=None
) -> Complaint:
    if not answer.strip():
        raise ComplaintInvalid(_("Tuliskan jawaban untuk pelapor."))
    return _run(
        complaint_id,
        "answer_directly",
        by=by,
        expected_status=expected_status,
        role=Role.OPERATOR_PENGADUAN.value,
        arguments={"answer": answer.strip(), "outcome": "INTERNAL"},
        now=now,
    )


def complaint_dispose(
    *, complaint_id: int, expected_status: str, by, unit: ComplaintUnit, outcome: str, note="", now=None
) -> Complaint:
    """Disposes the complaint to one of the office's units: only its members (Bidang Terkait) see it from now
    on. Raises ComplaintInvalid for a unit that is no longer active, and the runner's errors."""
    if unit is None or not unit.is_active:
        raise ComplaintInvalid(_("Pilih bidang atau OPD tujuan disposisi."))
    return _run(
        complaint_id,
        "dispose",
        by=by,
        expected_status=expected_status,
        role=Role.KEPALA_BIDANG_PENGADUAN.value,
        reason=note,
        arguments={"unit": unit, "outcome": outcome},
        now=now,
    )


def complaint_submit_answer(
    *, complaint_id: int, expected_status: str, by, answer: str, now=None
) -> Complaint:
    if not answer.strip():
        raise ComplaintInvalid(_("Tuliskan jawaban atas pengaduan."))
    return _run(
        complaint_id,
        "submit_answer",
        by=by,
        expected_status=expected_status,
        role=Role.BIDANG_TERKAIT.value,
        arguments={"answer": answer.strip()},
        now=now,
    )


def complaint_validate(*, complaint_id: int, expected_status: str, by, now=None) -> Complaint:
    return _run(
        complaint_id,
        "validate",
        by=by,
        expected_status=expected_status,
        role=Role.KEPALA_BIDANG_PENGADUAN.value,
        now=now,
    )


def complaint_invalidate(*, complaint_id: int, expected_status: str, by, note: str, now=None) -> Complaint:
    """Not valid: back to the bidang with a note. Raises ComplaintInvalid without a note."""
    if not note.strip():
        raise ComplaintInvalid(_("Tuliskan catatan mengapa jawaban belum valid."))
    return _run(
        complaint_id,
        "invalidate",
        by=by,
        expected_status=expected_status,
        role=Role.KEPALA_BIDANG_PENGADUAN.value,
        reason=note.strip(),
        now=now,
    )


def complaint_close(*, complaint_id: int, expected_status: str, by, now=None) -> Complaint:
    return _run(
        complaint_id,
        "close",
        by=by,
        expected_status=expected_status,
        role=_complaint_role(by),
        now=now,
    )


def complaint_by_ticket(*, ticket: str) -> Complaint | None:
    return Complaint.objects.filter(ticket=ticket.strip().upper()).first()


def complaint_rate(*, ticket: str, rating: int, comment: str = "", now=None) -> Complaint:
    """The complainant rates the published answer; that closes the complaint. Raises ComplaintInvalid."""
    complaint = complaint_by_ticket(ticket=ticket)
    if complaint is None or complaint.status != CS.DISAMPAIKAN:
        raise ComplaintInvalid(_("Jawaban untuk tiket ini belum dapat dinilai."))
    if rating not in range(1, 6):
        raise ComplaintInvalid(_("Pilih penilaian 1 sampai 5."))
    return _run(
        complaint.pk,
        "close",
        by=None,
        expected_status=CS.DISAMPAIKAN,
        role="Pelapor",
        by_complainant=True,
        arguments={"rating": rating, "comment": comment.strip()[:500]},
        now=now,
    )


def complaint_reopen(*, ticket: str, reason: str, now=None) -> Complaint:
    """The complainant reopens within the office's window. Raises ComplaintInvalid."""
    now = now or timezone.now()
    complaint = complaint_by_ticket(ticket=ticket)
    if (
        complaint is None
        or complaint.status not in (CS.DISAMPAIKAN, CS.SELESAI)
        or complaint.published_at is None
    ):
        raise ComplaintInvalid(_("Tiket ini tidak dapat dibuka kembali."))
    if not reason.strip():
        raise ComplaintInvalid(_("Tuliskan alasan membuka kembali pengaduan."))
    window = ComplaintPolicy.current().reopen_days
    if now - complaint.published_at > timedelta(days=window):
        raise ComplaintInvalid(
            _("Batas membuka kembali (%(days)s hari sejak jawaban disampaikan) sudah lewat.")
            % {"days": window}
        )
    return _run(
        complaint.pk,
        "reopen",
        by=None,
        expected_status=complaint.status,
        role="Pelapor",
        by_complainant=True,
        reason=reason.strip()[:1000],
        now=now,
    )
