"""The transactional outbox: tasks are written as rows in the transaction that causes them and handed to
Celery only after commit, so a broker outage at commit time loses nothing (DESIGN §5).

`outbox_enqueue` writes the row and asks for a relay right after commit; whatever that relay cannot send
(the broker is down) stays in the table for the periodic `workflow.tasks.outbox_relay_pending` or the
`pintu_outbox_relay` management command. Delivery is at least once: tasks are idempotent.
"""

import importlib
import logging

from celery.exceptions import Retry
from django.conf import settings
from django.db import connection, transaction
from django.utils import timezone
from kombu.exceptions import OperationalError as BrokerOperationalError

from config.celery import app as celery_app

from .models import OutboxMessage

logger = logging.getLogger("pintu.outbox")

# What a broker (or, in-process, the mail server) that is down looks like. These leave the row pending.
BROKER_ERRORS: tuple[type[BaseException], ...] = (BrokerOperationalError, ConnectionError, OSError)
# PositiveSmallIntegerField: a long outage with a relay every minute must not overflow the counter.
MAX_ATTEMPTS_COUNTED = 32767


def outbox_enqueue(*, task_name: str, kwargs: dict) -> OutboxMessage:
    """Writes the message in the current transaction; it is relayed right after commit. `kwargs` holds ids
    and other JSON values, never secrets."""
    message = OutboxMessage.objects.create(task_name=task_name, kwargs=kwargs)
    transaction.on_commit(lambda: _relay_after_commit(message_id=message.pk))
    return message


def _relay_after_commit(*, message_id: int) -> None:
    # Runs after the caller's commit: an error here must never reach the user whose change is already saved.
    try:
        outbox_relay(ids=[message_id])
    except Exception as exc:
        logger.warning("outbox: relay after commit failed for message %s: %s", message_id, error_label(exc))


def outbox_relay(*, ids: list[int] | None = None, limit: int = 100) -> int:
    """Hands pending messages (all of them, oldest first, or only `ids`) to Celery; returns how many went.

    With a broker each goes through `send_task`; without one (CELERY_TASK_ALWAYS_EAGER) the task runs here,
    in-process. A broker error (in-process: a task asking to be retried) is recorded on the message, which
    stays pending for the next relay; a broker error also ends this pass. Never raises for a message's
    delivery."""
    pending = OutboxMessage.objects.filter(relayed_at__isnull=True)
    if ids is not None:
        pending = pending.filter(pk__in=ids)
    candidate_ids = list(pending.order_by("pk").values_list("pk", flat=True)[:limit])
    relayed = 0
    for message_id in candidate_ids:
        outcome = _relay_one(message_id=message_id)
        if outcome == "relayed":
            relayed += 1
        elif outcome == "broker_down":
            break
    return relayed


def _locked(queryset):
    # PostgreSQL: concurrent relays skip each other's rows. SQLite has no row locks (one writer anyway).
    if connection.features.has_select_for_update_skip_locked:
        return queryset.select_for_update(skip_locked=True)
    return queryset.select_for_update()


def _relay_one(*, message_id: int) -> str:
    with transaction.atomic():
        message = _locked(OutboxMessage.objects.filter(pk=message_id, relayed_at__isnull=True)).first()
        if message is None:
            return "skipped"  # relayed meanwhile, or another relay holds it
        try:
            _deliver(message)
        except BROKER_ERRORS as exc:
            _record_failure(message, exc, relayed=False)
            return "broker_down"
        except Retry as retry:
            # In-process, a task asking to be retried (the mail server is down) waits for the next relay.
            cause = retry.exc if retry.exc is not None else retry
            _record_failure(message, cause, relayed=False)
            return "broker_down" if isinstance(cause, BROKER_ERRORS) else "retry_later"
        except Exception as exc:
            # In-process only: the task ran (with its own bounded retries) and failed. Re-running a
            # failing task every minute helps nobody; the error stays on the row for the administrator.
            _record_failure(message, exc, relayed=bool(settings.CELERY_TASK_ALWAYS_EAGER))
            return "failed"
        message.relayed_at = timezone.now()
        message.save(update_fields=["relayed_at"])
        return "relayed"


def _deliver(message: OutboxMessage) -> None:
    if not settings.CELERY_TASK_ALWAYS_EAGER:
        celery_app.send_task(message.task_name, kwargs=message.kwargs)
        return
    task = _registered_task(message.task_name)
    # A savepoint: a database error inside the task must not break the relay's own transaction.
    with transaction.atomic():
        result = task.apply(kwargs=message.kwargs, throw=True)
    if result.failed():
        raise RuntimeError(f"task {message.task_name} failed")


def _registered_task(task_name: str):
    if task_name not in celery_app.tasks:
        # Outside a worker nothing has imported the apps' tasks modules yet.
        module_name = task_name.rpartition(".")[0]
        if module_name:
            importlib.import_module(module_name)
    return celery_app.tasks[task_name]


def _record_failure(message: OutboxMessage, exc: BaseException, *, relayed: bool) -> None:
    label = error_label(exc)
    logger.warning(
        "outbox: message %s (%s) not delivered, attempt %s: %s",
        message.pk,
        message.task_name,
        message.attempts + 1,
        label,
    )
    message.attempts = min(message.attempts + 1, MAX_ATTEMPTS_COUNTED)
    message.last_error = label
    fields = ["attempts", "last_error"]
    if relayed:
        message.relayed_at = timezone.now()
        fields.append("relayed_at")
    message.save(update_fields=fields)


def error_label(exc: BaseException) -> str:
    """The exception's type and errno only: messages of broker and mail errors can carry URLs with
    passwords or recipients' addresses, and neither belongs in a table or a log."""
    label = f"{type(exc).__module__}.{type(exc).__qualname__}"
    errno = getattr(exc, "errno", None)
    if errno is not None:
        label += f" (errno {errno})"
    return label[:300]
