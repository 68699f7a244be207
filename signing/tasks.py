"""Celery interfaces of signing: each loads by id and calls one service. No secrets travel here.

The PDF steps count their tries on the SkDocument (signing/background.py) rather than only in the message:
a message queued again by the sweep after a worker died starts with retries=0, yet the tries stay bounded.
A retry's countdown is capped (settings.PINTU_TASK_MAX_COUNTDOWN) to stay inside the broker's visibility
timeout."""

import logging
from datetime import timedelta

from celery import shared_task
from django.utils import timezone

from permits.models import ApplicationStatus

from .background import (
    max_retries,
    retry_countdown,
    sk_overdue_requeue,
    sk_retry_due,
    sk_step_done,
    sk_try_start,
    sk_work_failed,
)
from .issuance import sk_issue
from .services import sk_draft_prepare

log = logging.getLogger(__name__)
S = ApplicationStatus


def _retry_or_give_up(task, *, application_id: int, status: str, exc: Exception, tries: int, step: str):
    # The message's own count matters too: eager runs (the embedded mode) and tests set it.
    tries = max(task.request.retries + 1, tries)
    if tries > max_retries(status):
        sk_work_failed(application_id=application_id, error=f"{type(exc).__name__}: {exc}")
        log.error("%s gave up for application %s after %s tries", step, application_id, tries)
        return
    countdown = retry_countdown(tries)
    sk_retry_due(application_id=application_id, due_at=timezone.now() + timedelta(seconds=countdown))
    log.warning(
        "%s failed for application %s (%s): retry in %ss", step, application_id, type(exc).__name__, countdown
    )
    raise task.retry(exc=exc, countdown=countdown)


@shared_task(bind=True, acks_late=True, max_retries=None, time_limit=120, soft_time_limit=100)
def render_draft_sk(self, application_id: int) -> None:
    tries = sk_try_start(application_id=application_id, status=S.MENUNGGU_TTE)
    if tries is None:
        return  # signed, returned or rejected meanwhile: no draft to render
    try:
        sk_draft_prepare(application_id=application_id)
    except Exception as exc:
        _retry_or_give_up(
            self,
            application_id=application_id,
            status=S.MENUNGGU_TTE,
            exc=exc,
            tries=tries,
            step="draft SK rendering",
        )
    else:
        sk_step_done(application_id=application_id)


@shared_task(bind=True, acks_late=True, max_retries=None, time_limit=120, soft_time_limit=100)
def issue_sk(self, application_id: int) -> None:
    tries = sk_try_start(application_id=application_id, status=S.PENERBITAN)
    if tries is None:
        return  # issued already (a second delivery), or not numbered: nothing to do
    try:
        sk_issue(application_id=application_id)
    except Exception as exc:
        _retry_or_give_up(
            self,
            application_id=application_id,
            status=S.PENERBITAN,
            exc=exc,
            tries=tries,
            step="SK issuance",
        )


@shared_task(acks_late=True, time_limit=60, soft_time_limit=50)
def requeue_overdue_sk_work() -> int:
    return sk_overdue_requeue()


@shared_task(
    bind=True, acks_late=True, max_retries=5, default_retry_delay=60, time_limit=60, soft_time_limit=50
)
def email_sk(self, application_id: int) -> None:
    from .delivery import sk_email_send

    try:
        sk_email_send(application_id=application_id)
    except OSError as exc:  # the mail server is unreachable: try again later
        raise self.retry(exc=exc) from exc
