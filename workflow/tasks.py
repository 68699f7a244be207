"""Celery interfaces of the workflow: each loads by id and calls one service. They take ids, never secrets,
are idempotent and run with time limits and a bounded number of retries (DESIGN §5)."""

from datetime import date

from celery import shared_task

from .notifications import transition_email_send
from .outbox import outbox_relay
from .reminders import overdue_email_send, overdue_reminders_send

# Every e-mail task: idempotent, acknowledged after it ran, a minute at most, five retries a minute apart.
EMAIL_TASK = {
    "bind": True,
    "acks_late": True,
    "max_retries": 5,
    "default_retry_delay": 60,
    "time_limit": 60,
    "soft_time_limit": 50,
}
# What a mail server that is down or refuses for now looks like (smtplib's errors are OSErrors).
MAIL_ERRORS = (OSError,)


@shared_task(**EMAIL_TASK)
def send_transition_email(self, log_id: int, recipient_id: int) -> bool:
    try:
        return transition_email_send(log_id=log_id, recipient_id=recipient_id)
    except MAIL_ERRORS as exc:
        raise self.retry(exc=exc) from exc


@shared_task(**EMAIL_TASK)
def send_overdue_reminder(
    self, application_id: int, recipient_id: int, reminder_date: str | None = None
) -> bool:
    today = date.fromisoformat(reminder_date) if reminder_date else None
    try:
        return overdue_email_send(application_id=application_id, recipient_id=recipient_id, today=today)
    except MAIL_ERRORS as exc:
        raise self.retry(exc=exc) from exc


@shared_task(acks_late=True, time_limit=240, soft_time_limit=200)
def outbox_relay_pending() -> int:
    return outbox_relay()


@shared_task(acks_late=True, time_limit=600, soft_time_limit=540)
def remind_overdue_applications() -> int:
    return overdue_reminders_send()
