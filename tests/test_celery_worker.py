"""A real Celery worker on the real Redis and PostgreSQL: a submission's notification e-mail leaves
through the outbox, crosses the broker and is sent by the worker process (make test-services)."""

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest
from django.conf import settings
from django.db import connection

from permits import services
from tests.factories import PermitTypeFactory, RequirementFactory, UserFactory
from tests.files import pdf_upload
from workflow.models import OutboxMessage

ROOT = Path(__file__).resolve().parents[1]
pytestmark = [
    pytest.mark.services,
    pytest.mark.skipif(
        os.environ.get("PINTU_REQUIRE_SERVICES") != "1",
        reason="needs PostgreSQL, Redis and a worker (make test-services)",
    ),
]


@pytest.fixture
def worker(tmp_path):
    from config.celery import app

    app.control.purge()  # messages left by earlier tests point at rows that no longer exist
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "config.settings.test",
        "DATABASE_URL": os.environ["DATABASE_URL"].rsplit("/", 1)[0] + "/" + connection.settings_dict["NAME"],
        "DJANGO_EMAIL_BACKEND": "django.core.mail.backends.filebased.EmailBackend",
        "DJANGO_EMAIL_FILE_PATH": str(tmp_path / "mail"),
    }
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "celery",
            "-A",
            "config",
            "worker",
            "--pool",
            "solo",
            # As docker-compose's worker-mail: the e-mail must have been routed to these queues.
            "--queues",
            "mail,celery",
            "--loglevel",
            "WARNING",
            "--without-heartbeat",
            "--without-mingle",
            "--without-gossip",
        ],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    yield tmp_path / "mail"
    process.terminate()
    try:
        process.wait(timeout=20)
    except subprocess.TimeoutExpired:
        process.kill()


@pytest.mark.django_db(transaction=True)
def test_submission_email_goes_through_the_outbox_broker_and_worker(worker):
    assert connection.vendor == "postgresql" and not settings.CELERY_TASK_ALWAYS_EAGER
    applicant = UserFactory(email="penerima@example.test")
    permit_type = PermitTypeFactory()
    requirement = RequirementFactory(permit_type=permit_type)
    application = services.application_start(permit_type=permit_type, applicant=applicant)
    services.document_upload(
        application=application, requirement=requirement, uploaded_file=pdf_upload(), by=applicant
    )
    submitted = services.application_submit(application=application, by=applicant)

    assert OutboxMessage.objects.filter(relayed_at__isnull=False).exists(), (
        "relayed to the broker after commit"
    )
    deadline = time.monotonic() + 60
    sent = ""
    while time.monotonic() < deadline:
        files = list(worker.glob("*.log")) if worker.exists() else []
        sent = "".join(f.read_text(errors="replace") for f in files)
        if submitted.number in sent and "penerima@example.test" in sent:
            break
        time.sleep(0.5)
    assert submitted.number in sent and "penerima@example.test" in sent, (
        "the worker sent the applicant's e-mail"
    )
