"""The SK's background steps (rendering the draft at MENUNGGU_TTE, issuing the final SK at PENERBITAN): their
count of tries and their clock on the SkDocument, and the sweep that queues a step again when a worker died
with it (DESIGN §5: a worker killed as a whole must not strand a file).

Each try of a step counts in `SkDocument.attempts` and sets `task_due_at` to its start; a retry sets it to
when the retry is due. The sweep (every PINTU_TASK_SWEEP_SECONDS, `signing.tasks.requeue_overdue_sk_work`)
looks for applications waiting for a step that has neither finished nor failed:

- at MENUNGGU_TTE without a draft rendered since the application got there, or at PENERBITAN without a
  final PDF (and with its SkDocument),
- without a recorded failure (the bounded retries ran out; the administrator retries from the admin),
- and quiet for PINTU_TASK_OVERDUE_MINUTES: since entering the state, and since `task_due_at`,
- with no message for the step still waiting in the outbox or relayed to the broker within that time.

Each is queued again through the outbox (so a broker outage loses nothing), at most once per period; a
step whose tries are all used up without an outcome (each worker died, or the time limit killed it) is
marked failed instead, so the sweep never loops. The steps are idempotent: a second delivery changes
nothing (signing.services.sk_draft_prepare, signing.issuance.sk_issue).
"""

import logging
from dataclasses import dataclass
from datetime import timedelta

from django.conf import settings
from django.db import connection, transaction
from django.db.models import F, Q
from django.db.models.functions import Coalesce
from django.utils import timezone

from permits.models import Application, ApplicationStatus
from workflow.models import OutboxMessage
from workflow.outbox import outbox_enqueue

from .models import SkDocument

logger = logging.getLogger("pintu.background")
S = ApplicationStatus

RENDER_TASK = "signing.tasks.render_draft_sk"
ISSUE_TASK = "signing.tasks.issue_sk"
PHASE_TASKS = {S.MENUNGGU_TTE: RENDER_TASK, S.PENERBITAN: ISSUE_TASK}
# Retries of the draft rendering after its first try (the issuance's are PINTU_SK_ISSUE_MAX_RETRIES).
RENDER_MAX_RETRIES = 3


def max_retries(status: str) -> int:
    return RENDER_MAX_RETRIES if status == S.MENUNGGU_TTE else settings.PINTU_SK_ISSUE_MAX_RETRIES


def retry_countdown(tries: int) -> int:
    """Seconds before the next try: 30, 60, 120 … capped so that a waiting retry stays well inside the
    broker's visibility timeout (settings: PINTU_TASK_MAX_COUNTDOWN)."""
    return min(30 * 2 ** max(tries - 1, 0), settings.PINTU_TASK_MAX_COUNTDOWN)


def sk_try_start(*, application_id: int, status: str, now=None) -> int | None:
    """Counts a try of the step `status` waits for; returns the tries so far, or None when the application
    is not (or no longer) in `status`: the step is done, or not due."""
    now = now or timezone.now()
    with transaction.atomic():
        if not Application.objects.filter(pk=application_id, status=status).exists():
            return None
        sk, _created = SkDocument.objects.get_or_create(application_id=application_id)
        SkDocument.objects.filter(pk=sk.pk).update(attempts=F("attempts") + 1, task_due_at=now)
        return SkDocument.objects.filter(pk=sk.pk).values_list("attempts", flat=True).get()


def sk_step_done(*, application_id: int) -> None:
    """The draft is there (rendered now, or by an earlier delivery): the issuance counts its own tries."""
    SkDocument.objects.filter(application_id=application_id).update(attempts=0)


def sk_retry_due(*, application_id: int, due_at) -> None:
    """The step's next try is scheduled for `due_at`: the sweep waits for it."""
    SkDocument.objects.filter(application_id=application_id).update(task_due_at=due_at)


def sk_work_failed(*, application_id: int, error: str) -> None:
    """The bounded tries are used up: the officers' page and the admin show it; the administrator retries
    (signing.issuance.sk_issue_retry)."""
    SkDocument.objects.filter(application_id=application_id).update(failure=error[:300])


@dataclass(frozen=True)
class OverdueWork:
    application_id: int
    status: str
    task_name: str


def _cutoff(now):
    return now - timedelta(minutes=settings.PINTU_TASK_OVERDUE_MINUTES)


def sk_overdue_work(*, now=None) -> list[OverdueWork]:
    """The applications whose draft or final SK is overdue (the rules in this module's docstring)."""
    now = now or timezone.now()
    cutoff = _cutoff(now)
    quiet = Q(sk__failure="") & (Q(sk__task_due_at__isnull=True) | Q(sk__task_due_at__lt=cutoff))
    no_draft = Q(sk__draft_rendered_at__isnull=True) | Q(sk__draft_rendered_at__lt=F("stage_entered_at"))
    waiting_for_draft = Q(status=S.MENUNGGU_TTE) & (Q(sk__isnull=True) | (no_draft & quiet))
    waiting_for_final = Q(status=S.PENERBITAN, sk__isnull=False, sk__final_pdf="") & quiet
    candidates = list(
        Application.objects.annotate(entered=Coalesce("stage_entered_at", "updated_at"))
        .filter(entered__lt=cutoff)
        .filter(waiting_for_draft | waiting_for_final)
        .order_by("pk")
        .values_list("pk", "status")
    )
    if not candidates:
        return []
    # A message for the step still in the outbox, or handed to the broker within the period, is on its way.
    on_its_way = set(
        OutboxMessage.objects.filter(
            Q(relayed_at__isnull=True) | Q(relayed_at__gte=cutoff),
            task_name__in=PHASE_TASKS.values(),
            kwargs__application_id__in=[pk for pk, _status in candidates],
        ).values_list("task_name", "kwargs__application_id")
    )
    return [
        OverdueWork(application_id=pk, status=status, task_name=PHASE_TASKS[status])
        for pk, status in candidates
        if (PHASE_TASKS[status], pk) not in on_its_way
    ]


def sk_overdue_requeue(*, now=None) -> int:
    """Queues every overdue step again (or marks it failed when its tries are used up); returns how many
    were queued."""
    now = now or timezone.now()
    requeued = 0
    for work in sk_overdue_work(now=now):
        requeued += int(_requeue(work=work, now=now))
    return requeued


def _locked(queryset):
    # PostgreSQL: a row a running task holds is skipped (the step is not overdue). SQLite has no row locks.
    if connection.features.has_select_for_update_skip_locked:
        return queryset.select_for_update(skip_locked=True)
    return queryset.select_for_update()


def _requeue(*, work: OverdueWork, now) -> bool:
    cutoff = _cutoff(now)
    with transaction.atomic():
        SkDocument.objects.get_or_create(application_id=work.application_id)
        sk = _locked(SkDocument.objects.filter(application_id=work.application_id)).first()
        # Checked again under the lock: the step may have finished, failed or started since the selection.
        if sk is None or sk.failure or (sk.task_due_at is not None and sk.task_due_at >= cutoff):
            return False
        if not Application.objects.filter(pk=work.application_id, status=work.status).exists():
            return False
        if sk.attempts > max_retries(work.status):
            sk.failure = f"WorkerLost: no outcome after {sk.attempts} tries (worker stopped or time limit)"
            sk.save(update_fields=["failure"])
            logger.error(
                "SK step %s of application %s gave up: %s", work.task_name, work.application_id, sk.failure
            )
            return False
        sk.task_due_at = now
        sk.save(update_fields=["task_due_at"])
        outbox_enqueue(task_name=work.task_name, kwargs={"application_id": work.application_id})
    logger.warning(
        "SK step %s of application %s was overdue: queued again", work.task_name, work.application_id
    )
    return True
