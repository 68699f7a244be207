"""Reads for officers: the verification queue of their stage(s) and the office-wide lookup by number."""

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from django.db.models import Count, F, Q, QuerySet
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from permits.models import Application, ApplicationStatus
from permits.rules import SUBMITTED

from .calendar import WorkingCalendar
from .routes import STAGE_ROLE, stages_for_user

S = ApplicationStatus

# Every ordering ends on the primary key so that pages never repeat or skip a row.
QUEUE_SORTS: dict[str, tuple] = {
    "due": (F("due_date").asc(nulls_last=True), "submitted_at", "pk"),
    "-due": (F("due_date").desc(nulls_last=True), "submitted_at", "pk"),
    "submitted": ("submitted_at", "pk"),
    "-submitted": (F("submitted_at").desc(nulls_last=True), "-pk"),
    "waiting": (F("stage_entered_at").asc(nulls_last=True), "pk"),
    "number": ("number", "pk"),
}
DEFAULT_SORT = "due"


@dataclass(frozen=True)
class QueueFilters:
    permit_type_id: int | None = None
    submitted_from: date | None = None
    submitted_to: date | None = None
    overdue_only: bool = False
    q: str = ""
    sort: str = DEFAULT_SORT
    stage: str | None = None


def _local_midnight(day: date) -> datetime:
    return timezone.make_aware(datetime.combine(day, time.min))


def queue_for_user(*, user, filters: QueueFilters, today: date) -> QuerySet[Application]:
    """Applications waiting at the stage(s) the user's roles act at, filtered and sorted.

    A stage outside the user's own gives an empty queue; an unknown sort key falls back to the default.
    """
    stages = stages_for_user(user)
    if filters.stage:
        stages = [stage for stage in stages if stage == filters.stage]
    applications = Application.objects.filter(status__in=stages).select_related("permit_type", "applicant")
    if filters.permit_type_id:
        applications = applications.filter(permit_type_id=filters.permit_type_id)
    # Bounds as aware datetimes (local midnights) keep the submitted_at index usable, unlike __date.
    if filters.submitted_from:
        applications = applications.filter(submitted_at__gte=_local_midnight(filters.submitted_from))
    if filters.submitted_to:
        applications = applications.filter(
            submitted_at__lt=_local_midnight(filters.submitted_to + timedelta(days=1))
        )
    if filters.overdue_only:
        applications = applications.filter(due_date__lt=today)
    query = filters.q.strip()
    if query:
        # Numbers have no spaces; "SIPUJ 2603" typed from a paper receipt still finds SIPUJ-2603-….
        compact = "".join(query.split())
        applications = applications.filter(
            Q(number__icontains=compact) | Q(applicant__full_name__icontains=query)
        )
    return applications.order_by(*QUEUE_SORTS.get(filters.sort, QUEUE_SORTS[DEFAULT_SORT]))


def stage_counts_for_user(*, user) -> list[tuple[str, str, int]]:
    """(status, label, count) for each of the user's stages, in route order, zeros included; one query."""
    stages = stages_for_user(user)
    if not stages:
        return []
    counts = dict(
        Application.objects.filter(status__in=stages)
        .values_list("status")
        .annotate(count=Count("pk"))
        # The model's default ordering would otherwise join the GROUP BY and split the counts.
        .order_by()
    )
    return [(stage, S(stage).label, counts.get(stage, 0)) for stage in stages]


@dataclass(frozen=True)
class QueueRow:
    application: Application
    stage_label: str
    due_date: date | None
    waiting_days: int
    overdue: bool
    due_today: bool
    days_left: int | None
    days_late: int | None
    detail_url: str = ""


def queue_rows(*, applications, calendar: WorkingCalendar, today: date) -> list[QueueRow]:
    """What a queue row shows beside the application: working days waiting here, and its deadline state."""
    rows = []
    for application in applications:
        entered_on = (
            timezone.localdate(application.stage_entered_at) if application.stage_entered_at else today
        )
        due = application.due_date
        overdue = due is not None and due < today
        days_left = days_late = None
        if due is not None and due > today:
            days_left = calendar.working_days_between(today, due)
        elif overdue:
            # Past the due date on a weekend is already late: count it as the first late working day.
            days_late = max(1, calendar.working_days_between(due, today))
        rows.append(
            QueueRow(
                application=application,
                stage_label=application.get_status_display(),
                due_date=due,
                waiting_days=calendar.working_days_between(entered_on, today),
                overdue=overdue,
                due_today=due == today,
                days_left=days_left,
                days_late=days_late,
            )
        )
    return rows


def _normalise_number(number: str) -> str:
    return "".join(number.split()).upper()


def application_find_by_number(*, number: str) -> Application | None:
    """Any submitted application by its exact number, ignoring case and spaces (officers only: the caller
    checks the permission). Numbers are issued in upper case, so an exact match keeps the unique index."""
    number = _normalise_number(number)
    if not number:
        return None
    return (
        Application.objects.filter(SUBMITTED)
        .select_related("permit_type", "applicant")
        .filter(number=number)
        .first()
    )


def applications_recently_moved(*, limit: int = 10) -> QuerySet[Application]:
    return (
        Application.objects.filter(SUBMITTED)
        .filter(stage_entered_at__isnull=False)
        .select_related("permit_type", "applicant")
        .order_by("-stage_entered_at", "-pk")[:limit]
    )


_HOLDER_OUTSIDE_OFFICE = {
    S.DRAFT: _("Pemohon (draf)"),
    S.PERBAIKAN: _("Pemohon (sedang memperbaiki)"),
    S.PENERBITAN: _("Sistem (penerbitan dokumen)"),
}


def holder_label(status: str) -> str:
    """Who holds an application in this status: the officer role of its stage, the applicant, or nobody."""
    if status in STAGE_ROLE:
        return STAGE_ROLE[status].label
    return _HOLDER_OUTSIDE_OFFICE.get(status, _("Tidak ada — proses selesai"))
