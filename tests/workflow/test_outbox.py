"""The outbox: tasks leave only after commit, a broker outage keeps them, a later relay sends them."""

import logging
import smtplib
from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
from django.core import mail
from django.core.mail import EmailMultiAlternatives
from django.core.management import call_command
from django.db import transaction
from kombu.exceptions import OperationalError

from accounts.roles import Role
from config.celery import app as celery_app
from permits import services as permit_services
from tests.factories import PermitTypeFactory, RequirementFactory, UserFactory
from tests.files import pdf_upload
from workflow import outbox
from workflow.models import Notification, OutboxMessage
from workflow.outbox import outbox_enqueue, outbox_relay
from workflow.tasks import outbox_relay_pending

PROBE = "tests.workflow.outbox_probe"
FAILING_PROBE = "tests.workflow.outbox_failing_probe"
SECRET = "s3cret-broker-password"
calls: list = []


@celery_app.task(name=PROBE)
def outbox_probe(value):
    calls.append(value)


@celery_app.task(name=FAILING_PROBE)
def outbox_failing_probe(value):
    raise ValueError(f"personal data {value}")


@pytest.fixture(autouse=True)
def _eager(settings):
    settings.CELERY_TASK_ALWAYS_EAGER = True
    calls.clear()


class Broker:
    """Stands in for Celery's send_task: down (raises what kombu raises) or up (records what it was given)."""

    def __init__(self, monkeypatch, settings):
        settings.CELERY_TASK_ALWAYS_EAGER = False
        self.up = False
        self.sent: list[tuple[str, dict]] = []
        monkeypatch.setattr(celery_app, "send_task", self.send_task)

    def send_task(self, name, kwargs=None, **options):
        if not self.up:
            raise OperationalError(
                f"Error 111 connecting to redis://:{SECRET}@redis:6379/0. Connection refused."
            )
        self.sent.append((name, kwargs))


@pytest.fixture
def broker(monkeypatch, settings):
    return Broker(monkeypatch, settings)


@pytest.mark.django_db
def test_enqueued_task_runs_only_after_commit(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True), transaction.atomic():
        message = outbox_enqueue(task_name=PROBE, kwargs={"value": 1})
        assert calls == []
    assert calls == [1]
    message.refresh_from_db()
    assert message.relayed_at is not None and message.attempts == 0


@pytest.mark.django_db
def test_rolled_back_work_enqueues_nothing(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True), pytest.raises(RuntimeError), transaction.atomic():
        outbox_enqueue(task_name=PROBE, kwargs={"value": 1})
        raise RuntimeError("the change failed")
    assert calls == [] and not OutboxMessage.objects.exists()


@pytest.mark.django_db
def test_broker_outage_keeps_the_message_and_a_later_relay_sends_it(
    broker, caplog, django_capture_on_commit_callbacks
):
    caplog.set_level(logging.WARNING, logger="pintu.outbox")
    with django_capture_on_commit_callbacks(execute=True):
        message = outbox_enqueue(task_name=PROBE, kwargs={"value": 7})  # must not raise
    message.refresh_from_db()
    assert message.relayed_at is None and message.attempts == 1
    assert message.last_error == "kombu.exceptions.OperationalError"
    assert "not delivered" in caplog.text
    assert SECRET not in caplog.text and SECRET not in message.last_error

    assert outbox_relay() == 0, "still down"
    message.refresh_from_db()
    assert message.attempts == 2

    broker.up = True
    assert outbox_relay() == 1
    message.refresh_from_db()
    assert message.relayed_at is not None
    assert broker.sent == [(PROBE, {"value": 7})]
    assert outbox_relay() == 0, "a relayed message is not sent twice"


@pytest.mark.django_db
def test_one_broker_error_ends_the_pass(broker):
    first, second, third = (
        OutboxMessage.objects.create(task_name=PROBE, kwargs={"value": i}) for i in range(3)
    )
    assert outbox_relay() == 0
    attempts = list(OutboxMessage.objects.order_by("pk").values_list("attempts", flat=True))
    assert attempts == [1, 0, 0]
    broker.up = True
    assert outbox_relay(ids=[third.pk, second.pk]) == 2
    assert outbox_relay(limit=5) == 1
    assert [kwargs["value"] for _, kwargs in broker.sent] == [1, 2, 0]


@pytest.mark.django_db
def test_submission_during_an_outage_loses_no_email(broker, settings, django_capture_on_commit_callbacks):
    permit_type = PermitTypeFactory()
    RequirementFactory(permit_type=permit_type, label="KTP")
    applicant = UserFactory()
    officer = UserFactory(roles=[Role.BACK_OFFICE])
    application = permit_services.application_start(permit_type=permit_type, applicant=applicant)
    permit_services.document_upload(
        application=application,
        requirement=permit_type.requirements.get(),
        uploaded_file=pdf_upload(),
        by=applicant,
    )
    with django_capture_on_commit_callbacks(execute=True):
        application = permit_services.application_submit(
            application=application,
            by=applicant,
            now=datetime(2026, 3, 13, 10, tzinfo=ZoneInfo("Asia/Jakarta")),
        )
    assert Notification.objects.filter(recipient__in=[applicant, officer]).count() == 2
    assert OutboxMessage.objects.filter(relayed_at__isnull=True).count() == 2
    assert mail.outbox == []

    # The broker is back; here, in-process, the relay runs the e-mail tasks themselves.
    settings.CELERY_TASK_ALWAYS_EAGER = True
    call_command("pintu_outbox_relay")
    assert sorted(m.to[0] for m in mail.outbox) == sorted([applicant.email, officer.email])
    assert all(application.number in m.subject for m in mail.outbox)
    assert not OutboxMessage.objects.filter(relayed_at__isnull=True).exists()
    assert outbox_relay_pending.apply().get() == 0


@pytest.mark.django_db
def test_periodic_task_relays_what_is_left(broker):
    OutboxMessage.objects.create(task_name=PROBE, kwargs={"value": 3})
    broker.up = True
    assert outbox_relay_pending.apply().get() == 1
    assert broker.sent == [(PROBE, {"value": 3})]


@pytest.mark.django_db
def test_a_failing_task_in_process_is_recorded_without_personal_data_and_not_rerun():
    failing = OutboxMessage.objects.create(task_name=FAILING_PROBE, kwargs={"value": "Budi"})
    fine = OutboxMessage.objects.create(task_name=PROBE, kwargs={"value": 5})
    assert outbox_relay() == 1
    failing.refresh_from_db()
    assert failing.relayed_at is not None and failing.attempts == 1
    assert failing.last_error == "builtins.ValueError" and "Budi" not in failing.last_error
    fine.refresh_from_db()
    assert fine.relayed_at is not None and calls == [5]


@pytest.mark.django_db
def test_mail_server_down_in_process_keeps_the_email_for_the_next_relay(
    monkeypatch, django_capture_on_commit_callbacks
):
    applicant = UserFactory()
    permit_type = PermitTypeFactory()
    RequirementFactory(permit_type=permit_type)
    application = permit_services.application_start(permit_type=permit_type, applicant=applicant)
    permit_services.document_upload(
        application=application,
        requirement=permit_type.requirements.get(),
        uploaded_file=pdf_upload(),
        by=applicant,
    )
    original = EmailMultiAlternatives.send

    def refused(self, *args, **kwargs):
        raise smtplib.SMTPConnectError(421, b"try later")

    monkeypatch.setattr(EmailMultiAlternatives, "send", refused)
    with django_capture_on_commit_callbacks(execute=True):
        permit_services.application_submit(application=application, by=applicant)  # must not raise
    (message,) = OutboxMessage.objects.all()
    assert message.relayed_at is None and message.last_error == "smtplib.SMTPConnectError"
    monkeypatch.setattr(EmailMultiAlternatives, "send", original)
    assert outbox_relay() == 1
    assert [m.to for m in mail.outbox] == [[applicant.email]]


@pytest.mark.django_db
def test_the_after_commit_hook_never_raises(monkeypatch, caplog, django_capture_on_commit_callbacks):
    def broken(**kwargs):
        raise RuntimeError("database gone")

    monkeypatch.setattr(outbox, "outbox_relay", broken)
    caplog.set_level(logging.WARNING, logger="pintu.outbox")
    with django_capture_on_commit_callbacks(execute=True):
        outbox_enqueue(task_name=PROBE, kwargs={"value": 1})
    assert "relay after commit failed" in caplog.text
    assert OutboxMessage.objects.get().relayed_at is None


def test_error_labels_keep_type_and_errno_only():
    assert outbox.error_label(ConnectionRefusedError(111, f"redis://:{SECRET}@redis")) == (
        "builtins.ConnectionRefusedError (errno 111)"
    )


# --- queues -------------------------------------------------------------------------------------------------

PINTU_APPS = ("accounts.", "signing.", "workflow.", "complaints.")


def test_every_task_of_ours_has_a_queue_and_pdf_work_is_apart_from_mail(settings):
    import complaints.tasks
    import signing.tasks
    import workflow.tasks

    assert complaints.tasks and signing.tasks and workflow.tasks  # registered, as in a worker
    ours = {name for name in celery_app.tasks if name.startswith(PINTU_APPS)}
    assert ours <= set(settings.CELERY_TASK_ROUTES), "a new task needs a route (pdf, mail or celery)"
    queue = {name: route["queue"] for name, route in settings.CELERY_TASK_ROUTES.items()}
    assert {n for n, q in queue.items() if q == "pdf"} == {
        "signing.tasks.render_draft_sk",
        "signing.tasks.issue_sk",
    }
    assert queue["workflow.tasks.send_transition_email"] == queue["signing.tasks.email_sk"] == "mail"
    assert queue["workflow.tasks.outbox_relay_pending"] == settings.CELERY_TASK_DEFAULT_QUEUE == "celery"


@pytest.mark.django_db
def test_the_relays_send_task_puts_each_task_on_its_queue(monkeypatch, settings):
    """send_task is given a name only; Celery still routes it by CELERY_TASK_ROUTES (an in-memory broker)."""
    from celery import Celery

    monkeypatch.delenv("CELERY_BROKER_URL", raising=False)  # Celery would prefer it to any configuration
    memory = Celery("pintu-routes", broker="memory://", set_as_current=False)
    memory.config_from_object("django.conf:settings", namespace="CELERY")
    assert memory.connection_for_write().transport_cls == "memory"
    monkeypatch.setattr(outbox, "celery_app", memory)
    settings.CELERY_TASK_ALWAYS_EAGER = False
    sent = {
        "signing.tasks.issue_sk": "pdf",
        "signing.tasks.render_draft_sk": "pdf",
        "workflow.tasks.send_transition_email": "mail",
        "workflow.tasks.outbox_relay_pending": "celery",
    }
    for name in sent:
        OutboxMessage.objects.create(task_name=name, kwargs={})
    assert outbox_relay() == len(sent)
    found = {}
    with memory.connection_for_read() as connection:
        for queue in ("pdf", "mail", "celery"):
            simple = connection.SimpleQueue(queue)
            while simple.qsize():
                message = simple.get(timeout=1)
                found[message.headers["task"]] = queue
                message.ack()
            simple.close()
    memory.close()
    assert found == sent
