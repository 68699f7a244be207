import os
import shutil
import subprocess
from pathlib import Path

import pytest

from accounts.demo import DEMO_PASSWORD

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
SCREENSHOTS = Path(__file__).resolve().parents[2] / "test-output" / "screenshots"


def pytest_configure(config):
    from playwright.sync_api import expect

    # The same patience as actions (15 s): a 2-core machine rendering and signing PDFs can be slow to answer.
    expect.set_options(timeout=15000)


# Playwright's sync API runs an event loop in this thread; the Django calls the tests make between page
# actions are ordinary synchronous ones.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


# Module scope: Playwright's sync API keeps an event loop running in this thread while it is open, and
# pyHanko's sync API (used by other tests) calls asyncio.run(), which refuses to run inside one.
@pytest.fixture(scope="module")
def browser():
    if not shutil.which(CHROMIUM):
        pytest.fail("Debian's chromium is missing: `make test` installs it (apt-get install chromium).")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="id-ID")
    page = context.new_page()
    page.set_default_timeout(15000)
    yield page
    context.close()


@pytest.fixture
def shoot(request):
    folder = SCREENSHOTS / request.node.name
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True, exist_ok=True)
    counter = {"n": 0}

    def take(page, name: str) -> Path:
        counter["n"] += 1
        path = folder / f"{counter['n']:02d}-{name}.png"
        page.screenshot(path=str(path), full_page=True)
        return path

    def save_pdf_page(pdf: bytes, name: str) -> Path:
        """Keeps the PDF and a PNG of its first page (pdftoppm) beside the screenshots."""
        counter["n"] += 1
        stem = folder / f"{counter['n']:02d}-{name}"
        stem.with_suffix(".pdf").write_bytes(pdf)
        subprocess.run(
            [
                "pdftoppm",
                "-png",
                "-r",
                "80",
                "-f",
                "1",
                "-l",
                "1",
                "-singlefile",
                str(stem.with_suffix(".pdf")),
                str(stem),
            ],
            check=True,
        )
        return stem.with_suffix(".png")

    take.save_pdf_page = save_pdf_page
    return take


@pytest.fixture
def as_user(browser, live_server):
    contexts = []

    def login(username: str):
        context = browser.new_context(viewport={"width": 1280, "height": 900})
        contexts.append(context)
        page = context.new_page()
        page.set_default_timeout(15000)
        page.goto(live_server.url + "/akun/login/")
        page.locator("#id_login").fill(username)
        page.locator("#id_password").fill(DEMO_PASSWORD)
        page.locator("form button[type=submit]").last.click()
        page.wait_for_load_state()
        return page

    yield login
    for context in contexts:
        context.close()
