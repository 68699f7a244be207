import os
import shutil

import pytest
from django.conf import settings


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


def pytest_report_header(config):
    engine = settings.DATABASES["default"]["ENGINE"].rsplit(".", 1)[-1]
    broker = settings.CELERY_BROKER_URL or "in-process (eager)"
    required = os.environ.get("PINTU_REQUIRE_SERVICES", "0")
    return f"pintu: database={engine} broker={broker} require_services={required}"
