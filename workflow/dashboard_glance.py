"""The dashboard's complaints and IKM cards, read from the complaints app."""

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from django.utils import timezone

from .dashboard import _resolve_period


@dataclass(frozen=True)
class ComplaintsGlance:
    open: int  # now, whenever received
    overdue: int  # now
    received: int  # in the period


@dataclass(frozen=True)
class IkmGlance:
    index: Decimal | None  # None without respondents
    grade: str  # the letter (A–D)
    grade_label: str  # Sangat Baik, Baik, ...
    respondents: int


def complaints_glance(
    *, start: date | None = None, end: date | None = None, today: date | None = None
) -> ComplaintsGlance:
    from complaints.dashboard_glance import complaints_glance as read

    start, end = _resolve_period(start, end, today)
    counts = read(start=start, end=end, today=today or timezone.localdate())
    return ComplaintsGlance(open=counts["open"], overdue=counts["overdue"], received=counts["received"])


def ikm_glance(
    *, start: date | None = None, end: date | None = None, today: date | None = None, permit_type=None
) -> IkmGlance:
    from complaints.ikm import ikm_report

    start, end = _resolve_period(start, end, today)
    report = ikm_report(start=start, end=end, permit_type=permit_type)
    return IkmGlance(
        index=report.index,
        grade=report.grade.letter if report.grade else "",
        grade_label=str(report.grade.label) if report.grade else "",
        respondents=report.respondents,
    )
