import shutil
import tempfile
from pathlib import Path

import pytest

from tests.browser.conftest import CHROMIUM, CHROMIUM_ARGS, SCREENSHOTS, shoot  # noqa: F401 — a fixture

from .stack import ProductionStack


def pytest_configure(config):
    from playwright.sync_api import expect

    # Signing, sealing and rendering go through gunicorn and the workers of a busy 2-core machine.
    expect.set_options(timeout=30000)


@pytest.fixture(scope="session")
def stack():
    root = Path(tempfile.mkdtemp(prefix="pintu-production-"))
    production = ProductionStack(root=root)
    try:
        production.start()
        yield production
    finally:
        production.stop()
        logs = SCREENSHOTS.parent / "production-logs"
        shutil.rmtree(logs, ignore_errors=True)
        if (root / "logs").exists():
            shutil.copytree(root / "logs", logs)
        shutil.rmtree(root, ignore_errors=True)


@pytest.fixture(scope="session")
def chromium():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()
