"""What the Kepala Dinas and the Kepala Bidang look at: what is open where, how much was issued and how
much of it within the service standard, where files wait longest, which are late, and a glance at complaints
and the IKM survey. Reads only. Each function makes a fixed number of queries whatever the number of
applications; where working days are needed, the rows come in one `values_list` query and one calendar
counts them."""

import statistics
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from decimal import ROUND_HALF_UP, Decimal
from itertools import groupby
from operator import itemgetter

import rules
from django.db.models import Count, Window
from django.db.models.functions import TruncMonth
from django.utils import dateformat, timezone

from accounts.roles import Role
from core.exports import percent
from core.periods import year_range
from permits.models import Application, ApplicationStatus

from .calendar import WorkingCalendar, office_calendar
from .models import TransitionLog
from .routes import OFFICE_STAGES

S = ApplicationStatus

DASHBOARD_ROLES = frozenset({Role.KEPALA_DINAS, Role.KEPALA_BIDANG, Role.SEKRETARIS, Role.ADMINISTRATOR})
# Submitted and not finished: the office's stages plus the applicant's correction, in route order.
OPEN_STAGES = (*OFFICE_STAGES, S.PERBAIKAN)
OVERDUE_LIMIT = 50
ONE_DECIMAL = Decimal("0.1")


@rules.predicate
def can_view_dashboard(user) -> bool:
    return bool(user.is_authenticated and user.role_names() & {role.value for role in DASHBOARD_ROLES})


# --- periods --------------------------------------------------------------------------------------------


def _resolve_period(start: date | None, end: date | None, today: date | None) -> tuple[date, date]:
    """The period asked for; a missing bound falls back to the current year's."""
    if start is None or end is None:
        year_start, year_end = year_range(year=(today or timezone.localdate()).year)
        start, end = start or year_start, end or year_end
    return start, end


def _aware_range(start: date, end: date) -> tuple[datetime, datetime]:
    """[local midnight of start, local midnight after end): whole local days, index-friendly."""
    return (
        timezone.make_aware(datetime.combine(start, time.min)),
        timezone.make_aware(datetime.combine(end + timedelta(days=1), time.min)),
    )


# --- open applications by stage and permit type ---------------------------------------------------------


@dataclass(frozen=True)
class StageTypeRow:
    status: str
    label: str
    counts: list[int]  # aligned with StageTypeCounts.permit_types
    total: int


@dataclass(frozen=True)
class StageTypeCounts:
    permit_types: list[tuple[int, str]]  # (id, name) of the types with open applications, by name
    rows: list[StageTypeRow]  # every open stage in route order, zeros included
    column_totals: list[int]
    total: int


def applications_by_stage_and_type(*, permit_type_id: int | None = None) -> StageTypeCounts:
    """Open applications (submitted, not yet issued, rejected or cancelled) per stage × permit type, now."""
    applications = Application.objects.filter(status__in=OPEN_STAGES)
    if permit_type_id:
        applications = applications.filter(permit_type_id=permit_type_id)
    grouped = (
        applications.values_list("status", "permit_type_id", "permit_type__name")
        .annotate(count=Count("pk"))
        # The model's default ordering would otherwise join the GROUP BY and split the counts.
        .order_by()
    )
    counts: dict[tuple[str, int], int] = {}
    names: dict[int, str] = {}
    for status, type_id, type_name, count in grouped:
        counts[status, type_id] = count
        names[type_id] = type_name
    permit_types = sorted(names.items(), key=lambda item: (item[1], item[0]))
    rows = []
    for status in OPEN_STAGES:
        row_counts = [counts.get((status, type_id), 0) for type_id, _ in permit_types]
        rows.append(StageTypeRow(status, S(status).label, row_counts, sum(row_counts)))
    column_totals = [sum(row.counts[i] for row in rows) for i in range(len(permit_types))]
    return StageTypeCounts(permit_types, rows, column_totals, sum(column_totals))


# --- histories from the transition log ------------------------------------------------------------------


def _history_rows(
    *, application_ids, until: datetime | None = None, extra: Iterable[str] = ()
) -> list[tuple]:
    """(application_id, to_status, created_at, *extra) of every logged step of these applications, ordered by
    application then time: ONE query (the ids may be a subquery)."""
    logs = TransitionLog.objects.filter(application_id__in=application_ids)
    if until is not None:
        logs = logs.filter(created_at__lt=until)
    return list(
        logs.order_by("application_id", "created_at", "pk").values_list(
            "application_id", "to_status", "created_at", *extra
        )
    )


def _stays(steps: list[tuple]) -> Iterable[tuple[str, datetime, datetime]]:
    """(status, entered_at, left_at) for each stay of one application, from its ordered log rows; the stay in
    its current status has no end yet and is not given."""
    for here, after in zip(steps, steps[1:], strict=False):
        yield here[1], here[2], after[2]


def _working_days(calendar: WorkingCalendar, entered_at: datetime, left_at: datetime) -> int:
    # (entered, left] as the SLA clock counts it: the day a file arrives is not a day it was held.
    return calendar.working_days_between(timezone.localdate(entered_at), timezone.localdate(left_at))


def _office_working_days(steps: list[tuple], calendar: WorkingCalendar) -> int:
    """Working days the office held the file until it was issued; PERBAIKAN is the applicant's time."""
    issued_at = next((step[2] for step in steps if step[1] == S.TERBIT), None)
    return sum(
        _working_days(calendar, entered_at, left_at)
        for status, entered_at, left_at in _stays(steps)
        if status in OFFICE_STAGES and (issued_at is None or left_at <= issued_at)
    )


# --- issued on time ---------------------------------------------------------------------------------------


@dataclass(frozen=True)
class OnTimeRow:
    label: str
    issued: int
    on_time: int
    sla_working_days: int | None = None

    @property
    def late(self) -> int:
        return self.issued - self.on_time

    @property
    def percent(self) -> Decimal | None:
        """Share issued within the SLA, in percent with one decimal; None when nothing was issued."""
        return percent(self.on_time, self.issued)


@dataclass(frozen=True)
class OnTimeRate:
    total: OnTimeRow
    by_type: list[OnTimeRow]  # by permit type name
    office_days: dict[int, int]  # application id → office working days used

    @property
    def issued(self) -> int:
        return self.total.issued

    @property
    def on_time(self) -> int:
        return self.total.on_time

    @property
    def late(self) -> int:
        return self.total.late

    @property
    def percent(self) -> Decimal | None:
        return self.total.percent


def _issued_logs(*, start: date, end: date, permit_type_id: int | None):
    low, high = _aware_range(start, end)
    logs = TransitionLog.objects.filter(to_status=S.TERBIT, created_at__gte=low, created_at__lt=high)
    if permit_type_id:
        logs = logs.filter(application__permit_type_id=permit_type_id)
    return logs


def on_time_rate(
    *,
    start: date | None = None,
    end: date | None = None,
    today: date | None = None,
    permit_type_id: int | None = None,
    calendar: WorkingCalendar | None = None,
) -> OnTimeRate:
    """Of the SKs issued in the period (the TERBIT step logged in it), how many within their permit type's
    SLA: office working days used ≤ SLA. One query for every step of those applications."""
    start, end = _resolve_period(start, end, today)
    issued_ids = _issued_logs(start=start, end=end, permit_type_id=permit_type_id).values("application_id")
    rows = _history_rows(
        application_ids=issued_ids,
        extra=(
            "application__permit_type_id",
            "application__permit_type__name",
            "application__permit_type__sla_working_days",
        ),
    )
    calendar = calendar or office_calendar()
    office_days: dict[int, int] = {}
    per_type: dict[int, list] = {}  # id → [name, sla, issued, on_time]
    for application_id, steps in groupby(rows, key=itemgetter(0)):
        steps = list(steps)
        _, _, _, type_id, type_name, sla = steps[0]
        days = office_days[application_id] = _office_working_days(steps, calendar)
        tally = per_type.setdefault(type_id, [type_name, sla, 0, 0])
        tally[2] += 1
        tally[3] += int(days <= sla)
    by_type = sorted(
        (
            OnTimeRow(label=name, issued=issued, on_time=on_time, sla_working_days=sla)
            for name, sla, issued, on_time in per_type.values()
        ),
        key=lambda row: row.label,
    )
    total = OnTimeRow(
        label="", issued=sum(row.issued for row in by_type), on_time=sum(row.on_time for row in by_type)
    )
    return OnTimeRate(total=total, by_type=by_type, office_days=office_days)


# --- where files wait -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class StageMedian:
    status: str
    label: str
    stays: int  # how many times a file left this stage in the period
    median: Decimal | None  # working days, one decimal
    is_bottleneck: bool = False


def median_days_per_stage(
    *,
    start: date | None = None,
    end: date | None = None,
    today: date | None = None,
    permit_type_id: int | None = None,
    calendar: WorkingCalendar | None = None,
) -> list[StageMedian]:
    """For each office stage in route order, the median working days of the stays that ended in the period
    (a file entering, then leaving by any step: approval, return, rejection). A stage visited twice after a
    correction counts twice. The stage with the largest median (above zero) is the bottleneck."""
    start, end = _resolve_period(start, end, today)
    low, high = _aware_range(start, end)
    moved = TransitionLog.objects.filter(created_at__gte=low, created_at__lt=high)
    if permit_type_id:
        moved = moved.filter(application__permit_type_id=permit_type_id)
    # A stay that ended in the period may have begun before it, so the history is read from the start.
    rows = _history_rows(application_ids=moved.values("application_id"), until=high)
    calendar = calendar or office_calendar()
    durations: dict[str, list[int]] = defaultdict(list)
    for _, steps in groupby(rows, key=itemgetter(0)):
        for status, entered_at, left_at in _stays(list(steps)):
            if status in OFFICE_STAGES and left_at >= low:
                durations[status].append(_working_days(calendar, entered_at, left_at))
    medians = {
        status: Decimal(str(statistics.median(days))).quantize(ONE_DECIMAL, rounding=ROUND_HALF_UP)
        for status, days in durations.items()
    }
    slowest = max(medians, key=lambda status: medians[status], default=None)
    if slowest is not None and not medians[slowest]:
        slowest = None  # everything moves on the day it arrives: nothing to single out
    return [
        StageMedian(
            status=status,
            label=S(status).label,
            stays=len(durations.get(status, ())),
            median=medians.get(status),
            is_bottleneck=status == slowest,
        )
        for status in OFFICE_STAGES
    ]


# --- late files -------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class OverdueRow:
    application: Application
    stage_label: str
    due_date: date
    days_late: int  # working days past the due date, at least one


@dataclass(frozen=True)
class OverdueList:
    rows: list[OverdueRow]  # the most late first, at most `limit`
    total: int  # all overdue files, not only the rows shown


def overdue_list(
    *,
    today: date,
    permit_type_id: int | None = None,
    limit: int = OVERDUE_LIMIT,
    calendar: WorkingCalendar | None = None,
) -> OverdueList:
    """Files the office holds past their due date, the earliest due date (most late) first. One query."""
    overdue = Application.objects.filter(status__in=OFFICE_STAGES, due_date__lt=today)
    if permit_type_id:
        overdue = overdue.filter(permit_type_id=permit_type_id)
    applications = list(
        overdue.select_related("permit_type")
        # COUNT(*) OVER () is taken before the LIMIT: the total of all late files comes in the same query.
        .annotate(overdue_total=Window(Count("pk")))
        .order_by("due_date", "pk")[:limit]
    )
    total = applications[0].overdue_total if applications else 0
    calendar = calendar or office_calendar()
    rows = [
        OverdueRow(
            application=application,
            stage_label=application.get_status_display(),
            due_date=application.due_date,
            # Past the due date on a weekend is already late: count it as the first late working day.
            days_late=max(1, calendar.working_days_between(application.due_date, today)),
        )
        for application in applications
    ]
    return OverdueList(rows=rows, total=total)


# --- issued per month -------------------------------------------------------------------------------------


@dataclass(frozen=True)
class MonthCount:
    month: int
    label: str  # short month name in the active language
    count: int


def issued_per_month(*, year: int, permit_type_id: int | None = None) -> list[MonthCount]:
    """SKs issued (TERBIT steps) in each month of the year, local time, zeros included: one query."""
    logs = _issued_logs(start=date(year, 1, 1), end=date(year, 12, 31), permit_type_id=permit_type_id)
    counts = {
        timezone.localtime(month).month if timezone.is_aware(month) else month.month: count
        for month, count in logs.annotate(month=TruncMonth("created_at"))
        .values_list("month")
        .annotate(count=Count("application_id", distinct=True))
        .order_by()
    }
    return [
        MonthCount(
            month=month, label=dateformat.format(date(year, month, 1), "M"), count=counts.get(month, 0)
        )
        for month in range(1, 13)
    ]
