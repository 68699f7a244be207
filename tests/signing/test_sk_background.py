"""The SK's background steps: tries counted on the SkDocument, a task delivered twice changes nothing, and the
sweep that queues a stranded draft or final SK again (DESIGN §5: a worker killed as a whole must not strand a
file). In-process; tests/test_worker_kill.py kills a real worker."""

import itertools
import os
import threading
from datetime import timedelta
from types import SimpleNamespace

import pytest
from celery.exceptions import Retry
from django.db import connection
from django.urls import reverse
from django.utils import timezone, translation

from accounts.roles import Role
from permits.models import Application, ApplicationStatus
from signing import background, issuance, tasks
from signing.background import ISSUE_TASK, RENDER_TASK, sk_overdue_requeue, sk_overdue_work
from signing.models import SkDocument
from tests.factories import PermitTypeFactory, UserFactory
from workflow import outbox
from workflow.models import OutboxMessage, TransitionLog

from .test_issuance import numbered  # noqa: F401 — the fixture: an application at PENERBITAN

S = ApplicationStatus
_numbers = itertools.count(1)


@pytest.fixture(autouse=True)
def _overdue_after_five_minutes(settings):
    settings.PINTU_TASK_OVERDUE_MINUTES = 5
    settings.PINTU_SK_ISSUE_MAX_RETRIES = 5


@pytest.fixture
def now():
    return timezone.now()


@pytest.fixture
def waiting(db, now):
    """An application in `status` since `entered` minutes, with an SkDocument of `sk_fields` (or none)."""
    permit_type, applicant = PermitTypeFactory(), UserFactory()

    def make(status, *, entered: float, sk: bool = True, **sk_fields) -> Application:
        application = Application.objects.create(
            permit_type=permit_type,
            applicant=applicant,
            status=status,  # a protected FSM field: given in the constructor only
            number=f"UJI-2612-S{next(_numbers):05d}",
            stage_entered_at=now - timedelta(minutes=entered),
        )
        if sk:
            SkDocument.objects.create(application=application, **sk_fields)
        return application

    return make


def queued() -> set[tuple[str, int]]:
    return {(m.task_name, m.kwargs["application_id"]) for m in OutboxMessage.objects.all()}


@pytest.mark.django_db
def test_sweep_queues_overdue_steps_again_and_nothing_else(waiting, now):
    minutes = lambda n: now - timedelta(minutes=n)  # noqa: E731
    overdue_final = waiting(S.PENERBITAN, entered=10)
    worker_died = waiting(S.PENERBITAN, entered=60, attempts=1, task_due_at=minutes(6))
    no_draft = waiting(S.MENUNGGU_TTE, entered=10, sk=False)
    stale_draft = waiting(
        S.MENUNGGU_TTE, entered=10, draft_pdf="sk/draft/old.pdf", draft_rendered_at=minutes(60 * 24)
    )
    # Not overdue: just arrived, running now, waiting for its retry, failed for good, done, already queued.
    waiting(S.PENERBITAN, entered=2)
    waiting(S.MENUNGGU_TTE, entered=2, sk=False)
    waiting(S.PENERBITAN, entered=60, attempts=1, task_due_at=minutes(1))
    waiting(S.PENERBITAN, entered=60, attempts=2, task_due_at=now + timedelta(minutes=2))
    waiting(S.PENERBITAN, entered=60, attempts=6, failure="ImproperlyConfigured: no seal")
    waiting(S.MENUNGGU_TTE, entered=60, attempts=4, failure="OSError: fonts")
    waiting(S.TERBIT, entered=60, final_pdf="sk/final/done.pdf")
    waiting(S.MENUNGGU_TTE, entered=10, draft_pdf="sk/draft/new.pdf", draft_rendered_at=minutes(9))
    waiting(S.PENOMORAN, entered=60)
    in_outbox = waiting(S.PENERBITAN, entered=10)
    OutboxMessage.objects.create(task_name=ISSUE_TASK, kwargs={"application_id": in_outbox.pk})

    assert sk_overdue_requeue(now=now) == 4
    assert queued() == {
        (ISSUE_TASK, overdue_final.pk),
        (ISSUE_TASK, worker_died.pk),
        (RENDER_TASK, no_draft.pk),
        (RENDER_TASK, stale_draft.pk),
        (ISSUE_TASK, in_outbox.pk),
    }
    assert SkDocument.objects.get(application=overdue_final).task_due_at == now
    assert SkDocument.objects.filter(application=no_draft).exists(), "the sweep keeps its clock on a new row"

    # The next sweep leaves them alone: their messages are queued (and then, just relayed).
    assert sk_overdue_requeue(now=now + timedelta(minutes=1)) == 0
    OutboxMessage.objects.update(relayed_at=now + timedelta(minutes=1))
    assert sk_overdue_requeue(now=now + timedelta(minutes=2)) == 0
    # Lost again (nobody started them within the period): due again.
    later = {work.application_id for work in sk_overdue_work(now=now + timedelta(minutes=7))}
    assert {overdue_final.pk, worker_died.pk, no_draft.pk, stale_draft.pk, in_outbox.pk} <= later


@pytest.mark.django_db
def test_sweep_marks_a_step_failed_when_every_try_died_without_an_outcome(waiting, now, settings):
    settings.PINTU_SK_ISSUE_MAX_RETRIES = 2
    application = waiting(S.PENERBITAN, entered=60, attempts=3, task_due_at=now - timedelta(minutes=10))
    assert [w.application_id for w in sk_overdue_work(now=now)] == [application.pk]
    assert sk_overdue_requeue(now=now) == 0
    sk = SkDocument.objects.get(application=application)
    assert sk.failure.startswith("WorkerLost") and not OutboxMessage.objects.exists()
    assert sk_overdue_work(now=now + timedelta(hours=1)) == [], "failed: the administrator retries"


@pytest.mark.django_db
def test_sweep_task_runs_the_sweep(waiting):
    application = waiting(S.PENERBITAN, entered=10)
    assert tasks.requeue_overdue_sk_work.apply().get() == 1
    assert queued() == {(ISSUE_TASK, application.pk)}


@pytest.mark.django_db
def test_retry_countdown_is_capped_inside_the_visibility_timeout(settings):
    assert [background.retry_countdown(t) for t in range(1, 7)] == [30, 60, 120, 240, 300, 300]
    import complaints.tasks
    import workflow.tasks
    from config.celery import app

    assert complaints.tasks and workflow.tasks  # registered with the app, like a worker does
    longest = max(
        task.time_limit or settings.CELERY_TASK_TIME_LIMIT
        for name, task in app.tasks.items()
        if name.split(".")[0] in {"signing", "workflow", "complaints"}
    )
    timeout = settings.CELERY_BROKER_TRANSPORT_OPTIONS["visibility_timeout"]
    assert timeout > longest + settings.PINTU_TASK_MAX_COUNTDOWN, "a waiting retry is never redelivered"
    assert tasks.issue_sk.time_limit < settings.PINTU_TASK_OVERDUE_MINUTES * 60, (
        "a running task is not overdue"
    )


# --- a task delivered twice ------------------------------------------------------------------------------


@pytest.mark.django_db
def test_issue_task_delivered_twice_issues_one_sk(numbered):  # noqa: F811
    application = numbered["application"]
    tasks.issue_sk.apply(kwargs={"application_id": application.pk})
    sk = SkDocument.objects.get(application=application)
    digest = sk.final_sha256
    tasks.issue_sk.apply(kwargs={"application_id": application.pk})
    sk.refresh_from_db()
    application.refresh_from_db()
    assert application.status == S.TERBIT and sk.final_sha256 == digest
    assert TransitionLog.objects.filter(application=application, transition="publish").count() == 1
    assert sk.attempts == 1, "the second delivery found the SK issued and did not count a try"


@pytest.fixture
def no_relay(monkeypatch):
    """Committed work stays in the outbox: no broker takes part (and none is left with messages)."""
    monkeypatch.setattr(outbox, "_relay_after_commit", lambda **kwargs: None)


@pytest.mark.services
@pytest.mark.skipif(
    connection.vendor != "postgresql" and os.environ.get("PINTU_REQUIRE_SERVICES") != "1",
    reason="needs PostgreSQL's row locks (make test-services)",
)
@pytest.mark.django_db(transaction=True)
def test_two_deliveries_at_once_issue_one_sk(no_relay, numbered):  # noqa: F811
    application = numbered["application"]
    barrier = threading.Barrier(2)
    digests, errors = [], []

    def deliver():
        try:
            barrier.wait(timeout=10)
            digests.append(issuance.sk_issue(application_id=application.pk).final_sha256)
        except BaseException as exc:
            errors.append(exc)
        finally:
            connection.close()

    threads = [threading.Thread(target=deliver) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    assert errors == [] and len(digests) == 2 and digests[0] == digests[1]
    assert TransitionLog.objects.filter(application=application, transition="publish").count() == 1
    assert SkDocument.objects.get(application=application).final_sha256 == digests[0]


class TaskStandIn:
    """What `_retry_or_give_up` uses of a bound task: its request's retries and `retry`."""

    def __init__(self, retries: int = 0):
        self.request = SimpleNamespace(retries=retries)
        self.countdowns: list[int] = []

    def retry(self, *, exc, countdown):
        self.countdowns.append(countdown)
        return Retry(exc=exc)


@pytest.mark.django_db
def test_a_failed_try_records_when_its_retry_is_due_and_the_sweep_waits_for_it(waiting, now):
    application = waiting(S.PENERBITAN, entered=60, attempts=3)
    task = TaskStandIn(retries=0)
    with pytest.raises(Retry):
        tasks._retry_or_give_up(
            task, application_id=application.pk, status=S.PENERBITAN, exc=OSError(), tries=3, step="SK"
        )
    sk = SkDocument.objects.get(application=application)
    assert task.countdowns == [120] and sk.failure == ""
    assert sk.task_due_at > timezone.now() + timedelta(seconds=110)
    assert sk_overdue_work(now=now + timedelta(minutes=6)) == [], "waits for the retry plus the period"
    assert len(sk_overdue_work(now=now + timedelta(minutes=8))) == 1, "the retry never came"
    # The last try: no retry, a failure the officers and the administrator see.
    tasks._retry_or_give_up(
        task, application_id=application.pk, status=S.PENERBITAN, exc=OSError(), tries=6, step="SK"
    )
    sk.refresh_from_db()
    assert task.countdowns == [120] and sk.failure == "OSError: "


@pytest.mark.django_db
def test_tries_count_across_messages_so_the_sweep_cannot_retry_forever(numbered, settings):  # noqa: F811
    """A message queued again by the sweep starts with retries=0; the count on the SkDocument still ends
    the tries."""
    settings.PINTU_SEAL_PKCS12_PATH = "/nonexistent/segel.p12"
    settings.PINTU_SK_ISSUE_MAX_RETRIES = 2
    application = numbered["application"]
    SkDocument.objects.filter(application=application).update(attempts=2)
    assert tasks.issue_sk.apply(kwargs={"application_id": application.pk}).successful()
    sk = SkDocument.objects.get(application=application)
    assert sk.attempts == 3 and "ImproperlyConfigured" in sk.failure


@pytest.mark.django_db
def test_render_task_delivered_twice_keeps_the_draft_the_kepala_dinas_sees(tmp_path, settings):
    from .signing_fixtures import signing_setup

    setup = signing_setup(tmp_path=tmp_path, settings=settings)
    application = setup["application"]
    tasks.render_draft_sk.apply(kwargs={"application_id": application.pk}, throw=True)
    sk = SkDocument.objects.get(application=application)
    assert sk.draft_rendered_at and sk.attempts == 0, "rendered; the draft step's count starts over"
    shown = (sk.draft_sha256, sk.draft_pdf.name)
    tasks.render_draft_sk.apply(kwargs={"application_id": application.pk}, throw=True)
    sk.refresh_from_db()
    assert (sk.draft_sha256, sk.draft_pdf.name) == shown
    assert sk.attempts == 0, "the issuance will count its own tries from zero"


@pytest.mark.django_db
def test_administrator_retry_queues_the_step_the_application_waits_for(waiting):
    draft = waiting(S.MENUNGGU_TTE, entered=60, attempts=4, failure="OSError: fonts")
    final = waiting(S.PENERBITAN, entered=60, attempts=6, failure="ImproperlyConfigured: no seal")
    issuance.sk_issue_retry(application_id=draft.pk)
    issuance.sk_issue_retry(application_id=final.pk)
    assert queued() == {(RENDER_TASK, draft.pk), (ISSUE_TASK, final.pk)}
    for sk in SkDocument.objects.all():
        assert sk.failure == "" and sk.attempts == 0 and sk.task_due_at is not None


# --- what the officers see ------------------------------------------------------------------------------


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("status", "indonesian", "english"),
    [
        (
            S.PENERBITAN,
            "Penerbitan SK gagal setelah beberapa percobaan. Administrator dapat mengulanginya",
            "SK issuance failed after several attempts.",
        ),
        (
            S.MENUNGGU_TTE,
            "Penyusunan draf SK gagal setelah beberapa percobaan. Administrator dapat mengulanginya",
            "Preparing the draft SK failed after several attempts.",
        ),
    ],
)
def test_officer_page_shows_a_failed_step(waiting, client, settings, status, indonesian, english):
    application = waiting(status, entered=60, attempts=6, failure="ImproperlyConfigured: no seal")
    client.force_login(UserFactory(roles=[Role.SEKRETARIAT]))
    url = reverse("workflow:staff_application_detail", kwargs={"pk": application.pk})
    page = client.get(url).content.decode()
    assert indonesian in page and "ImproperlyConfigured" not in page
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    with translation.override("id"):  # the request activates English; what follows this test must not see it
        assert english in client.get(url).content.decode()
