import os
import shutil

import pytest
from django.conf import settings


@pytest.fixture(scope="session", autouse=True)
def _remove_test_media():
    """Test settings put uploads under var/test-media/<pid>/; remove them when the session ends."""
    yield
    shutil.rmtree(settings.PRIVATE_MEDIA_ROOT.parent, ignore_errors=True)


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
