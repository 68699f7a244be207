"""Complaints at a glance for the office dashboard (workflow.dashboard imports `complaints_glance`)."""

from datetime import date

from django.db.models import Count, Q
from django.utils import timezone

from core.exports import percent

from .models import Complaint
from .recap import ON_TIME_Q, published_between_q, received_between_q
from .selectors import OPEN_STATUSES, overdue_q


def complaints_glance(*, start: date, end: date, today: date | None = None) -> dict:
    """One query. `open` and `overdue` are today's, whenever received; `received` and `on_time_rate`
    (percent of the answers delivered in the period that met their deadline; None without answers) belong
    to the period."""
    today = today or timezone.localdate()
    published_q = published_between_q(start=start, end=end)
    counts = Complaint.objects.aggregate(
        open=Count("pk", filter=Q(status__in=OPEN_STATUSES)),
        overdue=Count("pk", filter=overdue_q(today=today)),
        received=Count("pk", filter=received_between_q(start=start, end=end)),
        published=Count("pk", filter=published_q),
        on_time=Count("pk", filter=published_q & ON_TIME_Q),
    )
    return {
        "open": counts["open"],
        "overdue": counts["overdue"],
        "received": counts["received"],
        "on_time_rate": percent(counts["on_time"], counts["published"]),
    }
