"""A Celery worker killed as a whole (SIGKILL to its process group, mid-issuance) strands no file (DESIGN §5).

Real processes on the real PostgreSQL: a prefork worker (concurrency 2, the pdf, mail and celery queues) and
beat, with a Redis of this test's own so that purging and killing touch nobody else's queues. Six signed
SKs are numbered; their issuance tasks are routed to the `pdf` queue; the worker is killed while it seals,
started again, and every application must reach TERBIT with exactly one final SK within five minutes, with
no manual step. The tasks the kill interrupted stay unacknowledged in Redis until the visibility timeout
(20 minutes); the sweep (beat, every 5 s here; overdue after 20 s here) queues them again much sooner."""

import hashlib
import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest
from django.core.files.base import ContentFile
from django.db import connection

from accounts.roles import Role
from permits.models import Application, ApplicationStatus
from signing import services
from signing.models import IssuedNumber, SkDocument
from signing.numbering import application_assign_number
from tests.factories import UserFactory
from tests.signing.conftest import make_series
from tests.signing.signing_fixtures import PASSPHRASE, draft_pdf, signing_setup
from workflow import outbox
from workflow.models import TransitionLog

ROOT = Path(__file__).resolve().parents[1]
S = ApplicationStatus
APPLICATIONS = 6
SWEEP_SECONDS = 5
OVERDUE_SECONDS = 20
RECOVERY_LIMIT_SECONDS = 300

pytestmark = [
    pytest.mark.services,
    pytest.mark.skipif(
        os.environ.get("PINTU_REQUIRE_SERVICES") != "1",
        reason="needs PostgreSQL, Redis and real worker processes (make test-services)",
    ),
]


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _stop(process: subprocess.Popen, *, group: bool) -> None:
    if process.poll() is not None:
        return
    try:
        if group:
            os.killpg(process.pid, signal.SIGTERM)
        else:
            process.terminate()
        process.wait(timeout=20)
    except subprocess.TimeoutExpired:
        if group:
            os.killpg(process.pid, signal.SIGKILL)
        else:
            process.kill()
        process.wait(timeout=10)
    except ProcessLookupError:
        pass


@pytest.fixture
def broker(tmp_path, monkeypatch):
    """A redis-server of this test's own; this process's outbox relays to it as well."""
    import redis
    from celery import Celery

    port = _free_port()
    server = subprocess.Popen(
        ["redis-server", "--port", str(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"],
        cwd=tmp_path,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    client = redis.Redis(host="127.0.0.1", port=port)
    try:
        deadline = time.monotonic() + 10
        while True:
            try:
                client.ping()
                break
            except redis.ConnectionError:
                if time.monotonic() > deadline:
                    raise
                time.sleep(0.05)
        url = f"redis://127.0.0.1:{port}/0"
        # Celery prefers the CELERY_BROKER_URL environment variable to any configuration.
        monkeypatch.setenv("CELERY_BROKER_URL", url)
        app = Celery("pintu-worker-kill", set_as_current=False)
        app.config_from_object("django.conf:settings", namespace="CELERY")
        assert app.connection_for_write().port == port
        monkeypatch.setattr(outbox, "celery_app", app)
        yield url, client
        app.close()
    finally:
        client.close()
        _stop(server, group=False)


class Processes:
    """The worker (each start in a new process group) and beat, with their logs under tmp_path."""

    def __init__(self, tmp_path: Path, env: dict):
        self.tmp_path, self.env = tmp_path, env
        self.workers: list[subprocess.Popen] = []
        self.beat: subprocess.Popen | None = None
        self.log_files: list = []

    def _start(self, name: str, args: list[str]) -> subprocess.Popen:
        log = (self.tmp_path / f"{name}.log").open("w")
        self.log_files.append(log)
        return subprocess.Popen(
            [sys.executable, "-m", "celery", "-A", "config", *args],
            cwd=ROOT,
            env=self.env,
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,  # its own process group: killpg reaches the pool's children too
        )

    def start_worker(self) -> subprocess.Popen:
        number = len(self.workers) + 1
        worker = self._start(
            f"worker-{number}",
            [
                "worker",
                "--pool",
                "prefork",
                "--concurrency",
                "2",
                "--queues",
                "pdf,mail,celery",
                "--hostname",
                f"kill{number}@%h",
                "--loglevel",
                "INFO",
                "--without-heartbeat",
                "--without-mingle",
                "--without-gossip",
            ],
        )
        self.workers.append(worker)
        return worker

    def start_beat(self) -> None:
        self.beat = self._start(
            "beat", ["beat", "--schedule", str(self.tmp_path / "beat-schedule"), "--loglevel", "INFO"]
        )

    def logs(self) -> str:
        return "\n".join(
            f"--- {path.name}\n{path.read_text(errors='replace')[-4000:]}"
            for path in sorted(self.tmp_path.glob("*.log"))
        )

    def stop(self) -> None:
        for worker in self.workers:
            _stop(worker, group=True)
        if self.beat is not None:
            _stop(self.beat, group=True)
        for log in self.log_files:
            log.close()


@pytest.fixture
def processes(tmp_path, broker):
    url, _client = broker
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "config.settings.test",
        # The test database pytest-django created, not the one named in DATABASE_URL.
        "DATABASE_URL": os.environ["DATABASE_URL"].rsplit("/", 1)[0] + "/" + connection.settings_dict["NAME"],
        "CELERY_BROKER_URL": url,
        # signing_setup put the office seal in tmp_path (the settings fixture); the worker needs it too.
        "PINTU_SEAL_PKCS12_PATH": str(tmp_path / "segel.p12"),
        "PINTU_SEAL_PASSPHRASE_FILE": str(tmp_path / "segel.pass"),
        "PINTU_TASK_SWEEP_SECONDS": str(SWEEP_SECONDS),
        "PINTU_TASK_OVERDUE_MINUTES": str(OVERDUE_SECONDS / 60),
    }
    assert env.get("PINTU_TEST_ROOT"), "the worker shares this run's storage (config/settings/test.py)"
    running = Processes(tmp_path, env)
    yield running
    running.stop()


def signed_applications(*, tmp_path, settings) -> tuple[list[Application], object]:
    """APPLICATIONS applications at PENOMORAN, each with an SK the Kepala Dinas certified."""
    setup = signing_setup(tmp_path=tmp_path, settings=settings)
    first = setup["application"]
    pdf = draft_pdf()
    applications = [first]
    for index in range(APPLICATIONS - 1):
        application = Application.objects.create(
            permit_type=first.permit_type,
            applicant=first.applicant,
            status=S.MENUNGGU_TTE,  # a protected FSM field: given in the constructor only
            number=f"UJI-2612-KILL{index:02d}",
        )
        sk = SkDocument(application=application, draft_sha256=hashlib.sha256(pdf).hexdigest())
        sk.draft_pdf.save("draft.pdf", ContentFile(pdf), save=False)
        sk.save()
        applications.append(application)
    for application in applications:
        services.sk_sign(
            application_id=application.pk,
            expected_status=S.MENUNGGU_TTE,
            by=setup["kadis"],
            passphrase=PASSPHRASE,
            shown_sha256=SkDocument.objects.get(application=application).draft_sha256,
        )
    make_series(permit_types=[first.permit_type])
    return applications, UserFactory(roles=[Role.SEKRETARIAT])


def progress(ids: list[int]) -> tuple[int, int]:
    """(applications issued, applications whose issuance has started but not finished)."""
    issued = Application.objects.filter(pk__in=ids, status=S.TERBIT).count()
    started = SkDocument.objects.filter(application_id__in=ids, attempts__gte=1, final_pdf="").count()
    return issued, started


@pytest.mark.django_db(transaction=True)
def test_a_worker_killed_mid_issuance_strands_no_sk(processes, broker, tmp_path, settings):
    assert connection.vendor == "postgresql" and not settings.CELERY_TASK_ALWAYS_EAGER
    _url, redis_client = broker
    applications, sekretariat = signed_applications(tmp_path=tmp_path, settings=settings)
    ids = [application.pk for application in applications]
    for application in applications:
        application_assign_number(application_id=application.pk, expected_status=S.PENOMORAN, by=sekretariat)
    # The outbox relayed each issuance after its commit with send_task, which routed it to the pdf queue.
    assert redis_client.llen("pdf") == APPLICATIONS
    assert redis_client.llen("mail") > 0, "the notification e-mails went to the mail queue"

    processes.start_beat()
    first = processes.start_worker()
    deadline = time.monotonic() + 120
    while progress(ids)[1] == 0:
        assert first.poll() is None, processes.logs()
        assert time.monotonic() < deadline, "the worker never started an issuance\n" + processes.logs()
        time.sleep(0.02)
    os.killpg(first.pid, signal.SIGKILL)
    killed_at = time.monotonic()
    first.wait(timeout=10)
    issued_at_kill, interrupted = progress(ids)
    print(f"\nkilled the worker with {issued_at_kill} of {APPLICATIONS} issued, {interrupted} being issued")
    assert issued_at_kill < APPLICATIONS and interrupted >= 1, "the kill came in the middle of the work"

    processes.start_worker()
    while progress(ids)[0] < APPLICATIONS:
        assert processes.workers[-1].poll() is None, processes.logs()
        assert time.monotonic() - killed_at < RECOVERY_LIMIT_SECONDS, (
            f"not all issued: {progress(ids)}\n" + processes.logs()
        )
        time.sleep(0.5)
    recovery = time.monotonic() - killed_at
    print(f"recovered: all {APPLICATIONS} SKs issued {recovery:.1f} s after the kill")

    time.sleep(SWEEP_SECONDS + 1)  # one more sweep: nothing is issued twice afterwards either
    for application in Application.objects.filter(pk__in=ids).select_related("sk", "issued_number"):
        sk = application.sk
        assert application.status == S.TERBIT and sk.final_pdf and not sk.failure
        final = sk.final_pdf.open("rb").read()
        assert hashlib.sha256(final).hexdigest() == sk.final_sha256 and final.startswith(b"%PDF")
        assert TransitionLog.objects.filter(application=application, transition="publish").count() == 1
    assert SkDocument.objects.filter(application_id__in=ids).count() == APPLICATIONS
    numbers = list(IssuedNumber.objects.filter(application_id__in=ids).values_list("number", flat=True))
    assert len(numbers) == len(set(numbers)) == APPLICATIONS
    retried = SkDocument.objects.filter(application_id__in=ids, attempts__gte=2).count()
    assert retried >= interrupted, "the interrupted issuances were queued again and done"
