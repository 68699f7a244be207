"""Celery interfaces of signing: each loads by id and calls one service. No secrets travel here."""

import logging

from celery import shared_task
from django.conf import settings

from .issuance import sk_issue, sk_issue_failed
from .models import SkDocument
from .services import sk_draft_prepare

log = logging.getLogger(__name__)


@shared_task(
    bind=True, acks_late=True, max_retries=3, default_retry_delay=30, time_limit=120, soft_time_limit=100
)
def render_draft_sk(self, application_id: int) -> None:
    try:
        sk_draft_prepare(application_id=application_id)
    except Exception as exc:
        log.warning("draft SK rendering failed for application %s: %s", application_id, type(exc).__name__)
        raise self.retry(exc=exc) from exc


@shared_task(
    bind=True, acks_late=True, max_retries=None, default_retry_delay=30, time_limit=120, soft_time_limit=100
)
def issue_sk(self, application_id: int) -> None:
    SkDocument.objects.filter(application_id=application_id).update(attempts=self.request.retries + 1)
    try:
        sk_issue(application_id=application_id)
    except Exception as exc:
        if self.request.retries >= settings.PINTU_SK_ISSUE_MAX_RETRIES:
            sk_issue_failed(application_id=application_id, error=f"{type(exc).__name__}: {exc}"[:300])
            log.error(
                "SK issuance gave up for application %s after %s tries",
                application_id,
                self.request.retries + 1,
            )
            return
        raise self.retry(exc=exc, countdown=min(30 * 2**self.request.retries, 600)) from exc


@shared_task(
    bind=True, acks_late=True, max_retries=5, default_retry_delay=60, time_limit=60, soft_time_limit=50
)
def email_sk(self, application_id: int) -> None:
    from .delivery import sk_email_send

    try:
        sk_email_send(application_id=application_id)
    except OSError as exc:  # the mail server is unreachable: try again later
        raise self.retry(exc=exc) from exc
