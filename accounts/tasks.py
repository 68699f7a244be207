"""Celery interfaces of accounts: load by id, call one service."""

from datetime import datetime

from celery import shared_task

from workflow.tasks import EMAIL_TASK, MAIL_ERRORS

from .services import nik_signup_attempt_email_send


@shared_task(**EMAIL_TASK)
def send_nik_signup_attempt_email(self, user_id: int, attempted_at: str) -> bool:
    try:
        return nik_signup_attempt_email_send(
            user_id=user_id, attempted_at=datetime.fromisoformat(attempted_at)
        )
    except MAIL_ERRORS as exc:
        raise self.retry(exc=exc) from exc
