"""Where an application stands against its service-level promise, in working days."""

from dataclasses import dataclass
from datetime import date

from permits.models import Application

from .calendar import WorkingCalendar, office_calendar
from .routes import OFFICE_STAGES, stage_route


@dataclass(frozen=True)
class SlaStatus:
    due_date: date | None
    estimated_completion: date | None
    working_days_used: int
    working_days_left: int
    overdue: bool
    clock_running: bool


def sla_status(
    *, application: Application, today: date, calendar: WorkingCalendar | None = None
) -> SlaStatus:
    calendar = calendar or office_calendar()
    used = application.working_days_used
    running = application.status in OFFICE_STAGES and application.clock_started_on is not None
    if running:
        used += calendar.working_days_between(application.clock_started_on, today)
    left = application.permit_type.sla_working_days - used
    return SlaStatus(
        due_date=application.due_date,
        estimated_completion=_estimate(application, today, calendar) if running else None,
        working_days_used=used,
        working_days_left=left,
        overdue=running and application.due_date is not None and today > application.due_date,
        clock_running=running,
    )


def _estimate(application: Application, today: date, calendar: WorkingCalendar) -> date:
    """The remaining stages at the pace the SLA allows per stage (at least one working day each); never
    earlier than the due date would suggest for a file that is on track."""
    route = stage_route(application.permit_type)
    remaining_stages = len(route) - route.index(application.status) if application.status in route else 1
    per_stage = max(application.permit_type.sla_working_days / len(route), 1)
    estimate = calendar.add_working_days(today, max(round(remaining_stages * per_stage), 1))
    if application.due_date and estimate > application.due_date and today <= application.due_date:
        return application.due_date
    return estimate
