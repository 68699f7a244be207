"""Reads for the pengaduan staff: the queue of each role, one complaint (and its attachments) with access
checked, and who may see a complainant's identity. The access rules are complaints/rules.py's."""

from dataclasses import dataclass
from datetime import date

from django.db.models import Count, Prefetch, Q, QuerySet, prefetch_related_objects
from django.utils.translation import gettext_lazy as _

from accounts.roles import Role
from core.errors import NotFound  # one 'not found, or not yours' for every app
from permits.rules import may
from workflow.calendar import WorkingCalendar
from workflow.models import TransitionLog

from .models import Complaint, ComplaintAttachment
from .models import ComplaintStatus as CS
from .rules import complaints_visible_q

# Where the office still owes the complainant an answer (DISAMPAIKAN and SELESAI are answered).
OPEN_STATUSES = (CS.DITERIMA, CS.DIKLASIFIKASI, CS.DIDISPOSISI, CS.DIJAWAB)
# What each pengaduan role works on (DESIGN §6; seeds 002 and 003).
ROLE_STATUSES: dict[Role, tuple[str, ...]] = {
    Role.OPERATOR_PENGADUAN: (CS.DITERIMA, CS.DIKLASIFIKASI),
    Role.KEPALA_BIDANG_PENGADUAN: (CS.DIKLASIFIKASI, CS.DIJAWAB),
    Role.BIDANG_TERKAIT: (CS.DIDISPOSISI,),
}
PENGADUAN_ROLES = tuple(ROLE_STATUSES)
# Who may look over every complaint, whatever its status.
OVERSIGHT_ROLES = (Role.KEPALA_BIDANG_PENGADUAN,)
SCOPE_MINE, SCOPE_ALL = "saya", "semua"

ACTION_LABELS = {
    "receive": _("Diterima"),
    "classify": _("Diklasifikasi"),
    "answer_directly": _("Dijawab langsung oleh operator"),
    "dispose": _("Didisposisikan"),
    "submit_answer": _("Jawaban bidang/OPD dikirim"),
    "validate": _("Jawaban divalidasi dan disampaikan"),
    "invalidate": _("Jawaban belum valid, dikembalikan ke bidang/OPD"),
    "close": _("Ditutup"),
    "reopen": _("Dibuka kembali oleh pelapor"),
}

# Every ordering ends on the primary key so that pages never repeat or skip a row.
QUEUE_SORTS: dict[str, tuple] = {
    "due": ("answer_due", "received_at", "pk"),
    "received": ("received_at", "pk"),
    "-received": ("-received_at", "-pk"),
    "ticket": ("ticket", "pk"),
}
DEFAULT_SORT = "due"


@dataclass(frozen=True)
class ComplaintQueueFilters:
    status: str = ""
    kind: str = ""
    channel: str = ""
    permit_type_id: int | None = None
    overdue_only: bool = False
    q: str = ""
    scope: str = SCOPE_MINE
    sort: str = DEFAULT_SORT


def overdue_q(*, today: date) -> Q:
    """Open and past the answer deadline, or not yet acknowledged past the acknowledgement deadline."""
    return Q(status__in=OPEN_STATUSES, answer_due__lt=today) | Q(
        status=CS.DITERIMA, acknowledge_due__lt=today
    )


def statuses_for_user(user, *, scope: str = SCOPE_MINE) -> list[str]:
    """The statuses this user's queue holds, in lifecycle order; every status for oversight."""
    if not user.is_authenticated:
        return []
    if scope == SCOPE_ALL and any(user.has_role(role) for role in OVERSIGHT_ROLES):
        return list(CS.values)
    mine = {status for role, statuses in ROLE_STATUSES.items() if user.has_role(role) for status in statuses}
    return [status for status in CS.values if status in mine]


def may_oversee(user) -> bool:
    return bool(user.is_authenticated) and any(user.has_role(role) for role in OVERSIGHT_ROLES)


def complaint_queue_for_user(*, user, filters: ComplaintQueueFilters, today: date) -> QuerySet[Complaint]:
    """Complaints waiting for the user's role(s) that the user may see (a Bidang Terkait: those disposed to
    its units), filtered and sorted; an empty queryset for anyone else or a status outside the user's queue.
    The view paginates."""
    statuses = statuses_for_user(user, scope=filters.scope)
    if filters.status:
        statuses = [status for status in statuses if status == filters.status]
    complaints = Complaint.objects.filter(complaints_visible_q(user), status__in=statuses).select_related(
        "permit_type", "application"
    )
    if filters.kind:
        complaints = complaints.filter(handled_as=filters.kind)
    if filters.channel:
        complaints = complaints.filter(channel=filters.channel)
    if filters.permit_type_id:
        complaints = complaints.filter(permit_type_id=filters.permit_type_id)
    if filters.overdue_only:
        complaints = complaints.filter(overdue_q(today=today))
    query = "".join(filters.q.split())
    if query:
        # Tickets are upper case without spaces; a LAPOR! id is matched as typed, less its spaces.
        complaints = complaints.filter(Q(ticket__icontains=query) | Q(lapor_id__icontains=query))
    return complaints.order_by(*QUEUE_SORTS.get(filters.sort, QUEUE_SORTS[DEFAULT_SORT]))


def status_counts_for_user(*, user, scope: str = SCOPE_MINE) -> list[tuple[str, str, int]]:
    """(status, label, count) for each status of the user's queue, zeros included; one query."""
    statuses = statuses_for_user(user, scope=scope)
    if not statuses:
        return []
    counts = dict(
        Complaint.objects.filter(complaints_visible_q(user), status__in=statuses)
        .values_list("status")
        .annotate(count=Count("pk"))
        .order_by()  # the default ordering would join the GROUP BY
    )
    return [(status, CS(status).label, counts.get(status, 0)) for status in statuses]


@dataclass(frozen=True)
class Deadline:
    due_date: date | None
    overdue: bool = False
    due_today: bool = False
    days_left: int | None = None
    days_late: int | None = None
    met: bool = False  # the step was done (acknowledged / answered)


@dataclass(frozen=True)
class ComplaintQueueRow:
    complaint: Complaint
    acknowledge: Deadline
    answer: Deadline
    overdue: bool
    detail_url: str = ""


def deadline_state(*, due: date, done: bool, calendar: WorkingCalendar, today: date) -> Deadline:
    if done:
        return Deadline(due_date=due, met=True)
    if due > today:
        return Deadline(due_date=due, days_left=calendar.working_days_between(today, due))
    if due == today:
        return Deadline(due_date=due, due_today=True)
    # Past the due date on a weekend is already late: count it as the first late working day.
    return Deadline(due_date=due, overdue=True, days_late=max(1, calendar.working_days_between(due, today)))


def complaint_deadlines(
    *, complaint: Complaint, calendar: WorkingCalendar, today: date
) -> tuple[Deadline, Deadline]:
    """(acknowledgement, answer) deadline states of one complaint."""
    acknowledge = deadline_state(
        due=complaint.acknowledge_due, done=complaint.status != CS.DITERIMA, calendar=calendar, today=today
    )
    answer = deadline_state(
        due=complaint.answer_due, done=complaint.status not in OPEN_STATUSES, calendar=calendar, today=today
    )
    return acknowledge, answer


def complaint_queue_rows(*, complaints, calendar: WorkingCalendar, today: date) -> list[ComplaintQueueRow]:
    rows = []
    for complaint in complaints:
        acknowledge, answer = complaint_deadlines(complaint=complaint, calendar=calendar, today=today)
        rows.append(
            ComplaintQueueRow(
                complaint=complaint,
                acknowledge=acknowledge,
                answer=answer,
                overdue=acknowledge.overdue or answer.overdue,
            )
        )
    return rows


def complaint_get_for_staff(*, user, pk) -> Complaint:
    """One complaint with what its staff page shows, for those who may see it (complaints.view_complaint: the
    Operator and the Kepala Bidang Pengaduan; a Bidang Terkait when disposed to its unit). Raises NotFound for
    a missing complaint and for anybody else alike."""
    try:
        complaint = Complaint.objects.select_related(
            "permit_type", "application__permit_type", "recorded_by", "disposed_unit"
        ).get(pk=pk)
    except (Complaint.DoesNotExist, ValueError, TypeError) as exc:
        raise NotFound from exc
    if not may(user, "complaints.view_complaint", complaint):
        raise NotFound
    prefetch_related_objects(
        [complaint],
        "attachments",
        Prefetch(
            "transitions",
            queryset=TransitionLog.objects.select_related("actor").order_by("created_at", "pk"),
        ),
    )
    return complaint


def attachment_get_for_staff(*, user, complaint_pk, attachment_pk) -> ComplaintAttachment:
    """An attachment of a complaint the user may see the attachments of (complaints.view_attachments). Raises
    NotFound otherwise, as for a missing one."""
    try:
        attachment = ComplaintAttachment.objects.select_related("complaint").get(
            pk=attachment_pk, complaint_id=complaint_pk
        )
    except (ComplaintAttachment.DoesNotExist, ValueError, TypeError) as exc:
        raise NotFound from exc
    complaint = attachment.complaint
    if not (
        may(user, "complaints.view_complaint", complaint)
        and may(user, "complaints.view_attachments", complaint)
    ):
        raise NotFound
    return attachment


def identity_visible(*, user, complaint: Complaint) -> bool:
    """Whether `user` may see who complained (complaints.see_identity): a confidential complainant only to the
    Operator and the Kepala Bidang Pengaduan ("Dirahasiakan" to everyone else); one who did not ask for
    confidentiality also to the unit it was disposed to and the officers of a linked application, never to
    applicants or the public."""
    return may(user, "complaints.see_identity", complaint)


def action_label(log: TransitionLog) -> str:
    return str(ACTION_LABELS.get(log.transition, log.transition))


def latest_invalidation(complaint: Complaint) -> TransitionLog | None:
    """The Kepala Bidang Pengaduan's last "not valid" note, while the bidang is answering again (uses the
    prefetched timeline)."""
    if complaint.status != CS.DIDISPOSISI:
        return None
    logs = list(complaint.transitions.all())
    if logs and logs[-1].transition == "invalidate":
        return logs[-1]
    return None
