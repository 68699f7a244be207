"""A cache outage is not an outage: with Redis gone, the public pages and sign-in keep answering, rate limits
fail open, and each failed cache operation leaves one warning in the log (DESIGN.md §5).

The backend's own tests need no server (a closed port, a silent one); the outage of a real redis-server,
started and stopped here on a port of its own, runs in `make test-services`."""

import logging
import os
import shutil
import socket
import subprocess
import time

import environ
import pytest
from django.conf import settings
from django.core.cache import cache, caches
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import override_settings
from django.urls import reverse

from accounts.demo import DEMO_PASSWORD, demo_applicant_create
from complaints.models import ComplaintKind
from complaints.public_forms import CHALLENGE_FIELD, challenge_sign
from complaints.survey_models import SurveyElement
from config.fail_soft_cache import FailSoftRedisCache, fail_soft_cache_config
from tests.factories import PermitTypeFactory
from tests.files import pdf_bytes

BACKEND = "config.fail_soft_cache.FailSoftRedisCache"
LOGGER = "config.fail_soft_cache"

requires_services = pytest.mark.skipif(
    os.environ.get("PINTU_REQUIRE_SERVICES") != "1" or not shutil.which("redis-server"),
    reason="starts and stops its own redis-server (make test-services)",
)


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def redis_caches(port: int) -> dict:
    return {"default": {"BACKEND": BACKEND, "LOCATION": f"redis://127.0.0.1:{port}/0"}}


def cache_warnings(caplog) -> list[logging.LogRecord]:
    return [r for r in caplog.records if r.name == LOGGER and r.levelno == logging.WARNING]


# --- the backend, without a server ---------------------------------------------------------------------


def test_redis_urls_get_the_fail_soft_backend_and_others_stay_as_they_are():
    url = environ.Env.cache_url_config
    for scheme in ("redis", "rediscache", "rediss"):
        config = fail_soft_cache_config(url(f"{scheme}://127.0.0.1:6379/1"))
        assert config["BACKEND"] == BACKEND and config["LOCATION"].endswith("://127.0.0.1:6379/1")
    for other in ("locmemcache://pintu", "dummycache://"):
        assert fail_soft_cache_config(url(other)) == url(other)
    assert settings.CACHES["default"]["BACKEND"] in {BACKEND, "django.core.cache.backends.locmem.LocMemCache"}


def test_short_socket_timeouts_unless_the_url_says_otherwise():
    backend = FailSoftRedisCache("redis://127.0.0.1:6379/1", {})
    assert backend._options == {"socket_connect_timeout": 0.25, "socket_timeout": 0.5}
    config = fail_soft_cache_config(environ.Env.cache_url_config("redis://127.0.0.1:6379/1?socket_timeout=2"))
    backend = FailSoftRedisCache(config["LOCATION"], config)
    assert backend._options == {"socket_connect_timeout": 0.25, "socket_timeout": 2}


def test_a_closed_port_answers_like_an_empty_cache_with_one_warning_per_operation(caplog):
    backend = FailSoftRedisCache(f"redis://127.0.0.1:{free_port()}/0", {})
    caplog.set_level(logging.WARNING, logger=LOGGER)
    started = time.monotonic()

    assert backend.get("k") is None
    assert backend.get("k", "standard") == "standard"
    assert backend.add("k", 1) is True  # "stored": locks and first-time markers go ahead
    assert backend.set("k", 1) is None
    assert backend.touch("k") is False
    assert backend.delete("k") is False
    assert backend.has_key("k") is False
    assert backend.incr("k") is None
    assert backend.decr("k") is None
    assert backend.get_many(["a", "b"]) == {}
    assert backend.set_many({"a": 1, "b": 2}) == ["a", "b"]
    assert backend.delete_many(["a", "b"]) is None
    assert backend.clear() is False

    assert time.monotonic() - started < 2
    warnings = cache_warnings(caplog)
    operations = ["get", "get", "add", "set", "touch", "delete", "has_key", "incr", "incr", "get_many"]
    operations += ["set_many", "delete_many", "clear"]
    assert [r.getMessage().split()[1] for r in warnings] == operations
    assert all(r.exc_info is None for r in warnings), "a warning, not a traceback"
    assert "connect" in warnings[0].getMessage().lower()


def test_a_silent_server_costs_the_read_timeout_not_seconds(caplog):
    """Something accepts the connection but never answers (a hung Redis, a half-open link)."""
    with socket.socket() as silent:
        silent.bind(("127.0.0.1", 0))
        silent.listen(8)
        backend = FailSoftRedisCache(f"redis://127.0.0.1:{silent.getsockname()[1]}/0", {})
        started = time.monotonic()
        assert backend.get("k", "standard") == "standard"
        assert time.monotonic() - started < 1.5
    assert len(cache_warnings(caplog)) == 1


# --- the pages --------------------------------------------------------------------------------------------


@pytest.fixture
def public_data(db):
    demo_applicant_create(username="ayu", full_name="dr. Ayu Lestari")
    return PermitTypeFactory(name="Izin Praktik Bidan")


def signup_data(suffix: str) -> dict:
    return {
        "full_name": "dr. Budi Santoso",
        "nik": f"36030112038500{suffix:0>2}",
        "phone": "081234567890",
        "email": f"budi{suffix}@example.test",
        "username": f"budi{suffix}",
        "password1": "Sangat-Rahasia-2026",
        "password2": "Sangat-Rahasia-2026",
    }


def complaint_data(permit_type) -> dict:
    return {
        "kind": ComplaintKind.PENGADUAN,
        "permit_type": str(permit_type.pk),
        "application_number": "",
        "component": "4",
        "description": "Petugas meminta biaya tambahan yang tidak tercantum dalam standar pelayanan.",
        "service_received_on": "",
        "name": "Siti Rahmawati Kusuma",
        "email": "siti.pelapor@contoh.test",
        "phone": "081234567890",
        CHALLENGE_FIELD: challenge_sign(3, 4),
        "challenge_answer": "7",
        "situs_web": "",
    }


def survey_data() -> dict:
    return {
        **{key: "4" for key in SurveyElement.values},
        "age_group": "30_39",
        "sex": "P",
        "education": "D4_S1",
        "occupation": "TENAGA_KESEHATAN",
        "suggestion": "",
        "website": "",
    }


def visit_public_pages(client, permit_type, *, suffix: str) -> dict[str, int]:
    """Every page a citizen reaches without an account, and signing in and up: name → status."""
    client.logout()
    statuses = {
        "login": client.get(reverse("account_login")).status_code,
        "login POST": client.post(
            reverse("account_login"), {"login": "ayu", "password": DEMO_PASSWORD}
        ).status_code,
    }
    client.logout()
    pdf = SimpleUploadedFile("sk.pdf", pdf_bytes(), content_type="application/pdf")
    statuses |= {
        "signup": client.get(reverse("account_signup")).status_code,
        "signup POST": client.post(reverse("account_signup"), signup_data(suffix)).status_code,
        "tracking": client.get(reverse("workflow:tracking"), {"nomor": "SIPDU-2611-ZZZZZZ"}).status_code,
        "complaint": client.get(reverse("complaints:complaint_new")).status_code,
        "complaint POST": client.post(
            reverse("complaints:complaint_new"), complaint_data(permit_type)
        ).status_code,
        "survey": client.get(reverse("complaints:survey_kiosk")).status_code,
        "survey POST": client.post(reverse("complaints:survey_kiosk"), survey_data()).status_code,
        "verification": client.get(reverse("signing:verify_upload")).status_code,
        "verification POST": client.post(reverse("signing:verify_upload"), {"berkas": pdf}).status_code,
    }
    return statuses


EXPECTED = {
    "login": 200,
    "login POST": 302,
    "signup": 200,
    "signup POST": 302,
    "tracking": 200,
    "complaint": 200,
    "complaint POST": 302,
    "survey": 200,
    "survey POST": 302,
    "verification": 200,
    "verification POST": 200,
}


def test_pages_answer_when_the_cache_port_is_closed(client, public_data, caplog):
    with override_settings(CACHES=redis_caches(free_port())):
        assert visit_public_pages(client, public_data, suffix="1") == EXPECTED
    assert cache_warnings(caplog)
    assert not [r for r in caplog.records if r.levelno >= logging.ERROR]


# --- a real outage ----------------------------------------------------------------------------------------


class RedisServer:
    """A throw-away redis-server on its own port: never the machine's shared one."""

    def __init__(self):
        self.port = free_port()
        self.process = None

    def start(self):
        self.process = subprocess.Popen(
            ["redis-server", "--port", str(self.port), "--bind", "127.0.0.1", "--save", ""]
            + ["--appendonly", "no", "--daemonize", "no"],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        deadline = time.monotonic() + 10
        while True:
            try:
                with socket.create_connection(("127.0.0.1", self.port), timeout=0.5) as connection:
                    connection.sendall(b"PING\r\n")
                    if connection.recv(16).startswith(b"+PONG"):
                        return
            except OSError:
                pass
            if time.monotonic() > deadline or self.process.poll() is not None:
                raise RuntimeError(f"redis-server did not start on port {self.port}")
            time.sleep(0.05)

    def stop(self):
        if self.process is not None and self.process.poll() is None:
            self.process.terminate()
            self.process.wait(timeout=10)
        self.process = None


@pytest.fixture
def redis_server():
    server = RedisServer()
    server.start()
    yield server
    server.stop()


def counters_in(server: RedisServer) -> int:
    import redis

    return redis.Redis(port=server.port, socket_timeout=1).dbsize()


@pytest.mark.services
@requires_services
@pytest.mark.django_db
def test_a_redis_outage_degrades_rate_limits_never_the_pages(client, public_data, redis_server, caplog):
    with override_settings(CACHES=redis_caches(redis_server.port)):
        assert caches["default"].__class__ is FailSoftRedisCache
        assert visit_public_pages(client, public_data, suffix="1") == EXPECTED
        assert counters_in(redis_server) > 0, "the rate limits counted in this Redis"
        assert not cache_warnings(caplog)

        redis_server.stop()
        assert visit_public_pages(client, public_data, suffix="2") == EXPECTED
        warnings = cache_warnings(caplog)
        assert warnings and all(r.exc_info is None for r in warnings)
        assert not [r for r in caplog.records if r.levelno >= logging.ERROR]

        redis_server.start()
        cache.set("pintu:probe", "kembali", 30)
        assert cache.get("pintu:probe") == "kembali"
        assert visit_public_pages(client, public_data, suffix="3") == EXPECTED
        assert counters_in(redis_server) > 1
