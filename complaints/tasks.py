"""Celery interfaces of complaints: load by id, call one service."""

from celery import shared_task
from django.conf import settings
from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.http import urlencode

from permits.models import Office
from workflow.markers import marker_claim, marker_done, marker_release
from workflow.models import TransitionLog

from .models import Complaint
from .staff_tasks import remind_overdue_complaints  # noqa: F401 — registered with the worker through tasks.py


@shared_task(
    bind=True, acks_late=True, max_retries=5, default_retry_delay=60, time_limit=60, soft_time_limit=50
)
def send_complaint_update(self, complaint_id: int, log_id: int) -> None:
    complaint = Complaint.objects.get(pk=complaint_id)
    log = TransitionLog.objects.get(pk=log_id, complaint=complaint)
    context = {
        "complaint": complaint,
        "log": log,
        "office": Office.current(),
        "url": settings.PINTU_SITE_URL
        + reverse("complaints:track")
        + "?"
        + urlencode({"tiket": complaint.ticket}),
    }
    subject = render_to_string("complaints/email/update_subject.txt", context).strip()
    body = render_to_string("complaints/email/update.txt", context)
    # At most once per update, whatever the number of deliveries (workflow/markers.py).
    marker = f"pintu:mail:complaint:{log_id}"
    if not marker_claim(marker=marker):
        return
    try:
        send_mail(subject=subject, message=body, from_email=None, recipient_list=[complaint.email])
    except BaseException as exc:
        marker_release(marker=marker)
        if isinstance(exc, OSError):
            raise self.retry(exc=exc) from exc
        raise
    marker_done(marker=marker)
