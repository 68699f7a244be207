import os
import shutil

import pytest
from django.conf import settings
from django.utils import translation


@pytest.fixture(scope="session", autouse=True)
def _remove_test_root():
    """Test settings put everything a run writes under one temporary folder; remove it when the run ends."""
    yield
    shutil.rmtree(settings.TEST_ROOT, ignore_errors=True)


@pytest.fixture(autouse=True)
def _clear_cache():
    from django.core.cache import cache

    cache.clear()
    yield


@pytest.fixture(autouse=True)
def _indonesian_again():
    """A request in English leaves English active in this thread; the next test starts in Indonesian."""
    yield
    translation.activate(settings.LANGUAGE_CODE)


def pytest_report_header(config):
    engine = settings.DATABASES["default"]["ENGINE"].rsplit(".", 1)[-1]
    broker = settings.CELERY_BROKER_URL or "in-process (eager)"
    required = os.environ.get("PINTU_REQUIRE_SERVICES", "0")
    return f"pintu: database={engine} broker={broker} require_services={required}"
