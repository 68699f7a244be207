"""Public tracking by application number: where it stands, never who it is about."""

from dataclasses import dataclass
from datetime import date, datetime

from django.utils import timezone

from permits.models import Application, ApplicationStatus


@dataclass(frozen=True)
class TrackingStep:
    label: str
    at: datetime


@dataclass(frozen=True)
class TrackingResult:
    number: str
    permit_name: str
    status_label: str
    submitted_at: datetime
    due_date: date | None
    on_time: bool
    steps: list[TrackingStep]


def tracking_lookup(*, number: str, today: date | None = None) -> TrackingResult | None:
    number = number.strip().upper()
    if not number:
        return None
    try:
        application = (
            Application.objects.select_related("permit_type")
            .prefetch_related("transitions")
            .exclude(status=ApplicationStatus.DRAFT)
            .get(number=number)
        )
    except Application.DoesNotExist:
        return None
    today = today or timezone.localdate()
    steps = [
        TrackingStep(label=ApplicationStatus(t.to_status).label, at=t.created_at)
        for t in application.transitions.all()
    ]
    return TrackingResult(
        number=application.number,
        permit_name=application.permit_type.name,
        status_label=application.get_status_display(),
        submitted_at=application.submitted_at,
        due_date=application.due_date,
        on_time=application.due_date is None or today <= application.due_date,
        steps=steps,
    )
