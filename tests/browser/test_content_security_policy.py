"""The Content-Security-Policy in a real Chromium: the pages that had inline scripts behave as before with
those scripts served as files, Bootstrap and the server-drawn charts need nothing inline, the draft SK is
still shown in its iframe, and the browser reports no violation anywhere on the way."""

import re
import time

import pytest
from django.urls import reverse
from playwright.sync_api import expect

from accounts.demo import demo_accounts_create
from complaints.demo import demo_survey_create
from permits import services as permit_services
from permits.catalog_loader import office_load, permit_type_load
from permits.catalog_seed import OFFICE, PERMIT_TYPES
from permits.models import ApplicationStatus, Office
from signing.demo_pki import demo_pki_create
from signing.seed import number_series_seed

from .test_signing_journey import to_kepala_dinas
from .test_verification_journey import submit

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PUBLIC_PAGES = [
    "/",
    "/layanan/sip-dokter-umum/",
    "/lacak/",
    "/pengaduan/",
    "/pengaduan/lacak/",
    "/survei/",
    "/verifikasi/",
    "/akun/login/",
    "/akun/signup/",
    "/aksesibilitas/",
]
INJECT_INLINE_SCRIPT = """() => {
  const script = document.createElement("script");
  script.textContent = "window.inlineScriptRan = true";
  document.body.append(script);
}"""


class Reports:
    """What the browser reports about the policy, and any uncaught script error, on the pages watched."""

    def __init__(self):
        self.violations: list[str] = []
        self.errors: list[str] = []

    def watch(self, page):
        page.on("console", self._console)
        page.on("pageerror", lambda error: self.errors.append(f"{page.url}: {error}"))
        return page

    def _console(self, message):
        if "Content Security Policy" in message.text:
            self.violations.append(f"{message.location.get('url')}: {message.text}")


@pytest.fixture
def reports():
    return Reports()


@pytest.fixture
def sip_dokter_umum(db):
    data = next(p for p in PERMIT_TYPES if p["slug"] == "sip-dokter-umum")
    return permit_type_load(data=data, office=office_load(data=OFFICE), render_forms=False)


def wait_until(condition, *, seconds: float = 15) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.2)
    return condition()


def test_public_pages_and_bootstrap_run_without_violations(live_server, page, reports, sip_dokter_umum):
    reports.watch(page)
    for path in PUBLIC_PAGES:
        response = page.goto(live_server.url + path)
        assert response.status == 200, path
        policy = response.headers["content-security-policy"]
        assert "script-src 'self'" in policy and "unsafe-inline" not in policy, path
        page.wait_for_load_state("load")

    # The language switch is a plain form: no script, and the cookie need not be readable by one.
    page.goto(live_server.url + "/")
    page.locator("#pilih-bahasa").select_option("en")
    with page.expect_navigation():
        page.get_by_role("button", name="Ganti bahasa").click()
    expect(page.locator("html")).to_have_attribute("lang", "en")
    # Bootstrap's bundle under the policy: the collapsed menu opens (and finishes its transition, which
    # Bootstrap drives through element.style) on a phone-sized screen.
    page.set_viewport_size({"width": 390, "height": 844})
    page.get_by_role("button", name="Open menu").click()
    expect(page.locator("#nav-utama")).to_have_class(re.compile(r"^(?!.*collapsing).*\bshow\b"))
    expect(page.locator("#nav-utama")).to_be_visible()
    assert reports.violations == [] and reports.errors == []

    # The policy is enforced, and a violation would not go unnoticed: an inline script is refused.
    with page.expect_console_message(lambda message: "Content Security Policy" in message.text):
        page.evaluate(INJECT_INLINE_SCRIPT)
    assert page.evaluate("() => window.inlineScriptRan") is None
    assert len(reports.violations) == 1


def test_complaint_form_errors_take_the_focus(live_server, page, reports):
    reports.watch(page)
    page.goto(live_server.url + "/pengaduan/")
    page.locator("main form button[type=submit]").last.click()
    expect(page.locator("#ringkasan-kesalahan")).to_be_focused()
    assert reports.violations == [] and reports.errors == []


def test_application_page_focuses_the_summary_or_scrolls_to_the_upload_error(
    live_server, as_user, reports, sip_dokter_umum, tmp_path
):
    users = {user.username: user for user in demo_accounts_create()}
    application = permit_services.application_start(permit_type=sip_dokter_umum, applicant=users["pemohon"])
    page = reports.watch(as_user("pemohon"))
    page.goto(f"{live_server.url}/permohonan/{application.pk}/ubah/")
    expect(page.locator("progress.pintu-progress")).to_have_attribute("max", "14")

    page.get_by_role("button", name="Ajukan permohonan").click()
    expect(page.locator("#ringkasan-kesalahan")).to_be_focused()

    # A refused upload on the last row: no summary, so the row's error is brought into view.
    fake = tmp_path / "ktp.pdf"
    fake.write_bytes(b"<html><body>bukan pdf</body></html>")
    last = page.locator("li.requirement-row").last
    last.locator("input[type=file]").set_input_files(str(fake))
    last.get_by_role("button", name="Unggah").click()
    error = page.locator(".invalid-feedback[role=alert]")
    expect(error).to_be_visible()
    expect(page.locator("#ringkasan-kesalahan")).to_have_count(0)
    expect(error).to_be_in_viewport()
    assert page.evaluate("() => window.scrollY") > 0
    assert reports.violations == [] and reports.errors == []


def test_officer_marks_every_unjudged_document_sesuai(live_server, as_user, reports):
    users = {user.username: user for user in demo_accounts_create()}
    application = submit("sip-dokter-umum", users["pemohon"])
    documents = list(application.documents.filter(superseded_at__isnull=True).order_by("requirement__order"))
    page = reports.watch(as_user("backoffice"))
    page.goto(f"{live_server.url}/petugas/permohonan/{application.pk}/")
    wrong = page.locator(f"input[name=doc-{documents[0].pk}-status][value=TIDAK_SESUAI]")
    wrong.check()
    page.get_by_role("button", name="Tandai semua yang belum diperiksa sesuai").click()
    expect(wrong).to_be_checked()
    for document in documents[1:]:
        expect(page.locator(f"input[name=doc-{document.pk}-status][value=SESUAI]")).to_be_checked()
    assert reports.violations == [] and reports.errors == []


def test_draft_sk_is_framed_and_the_charts_draw_without_inline_style(
    live_server, as_user, reports, settings, tmp_path
):
    settings.PINTU_SITE_URL = live_server.url
    settings.PINTU_SEAL_PKCS12_PATH = str(tmp_path / "segel.p12")
    settings.PINTU_SEAL_PASSPHRASE_FILE = str(tmp_path / "segel.passphrase")
    users = {user.username: user for user in demo_accounts_create()}
    application = submit("sip-dokter-umum", users["pemohon"])
    demo_pki_create(organization=Office.current().short_name)
    number_series_seed()
    application = to_kepala_dinas(application, users)
    assert application.status == ApplicationStatus.MENUNGGU_TTE and application.sk.draft_pdf
    demo_survey_create()
    preview_path = reverse("signing:sk_draft_preview", kwargs={"pk": application.pk})

    kadis = reports.watch(as_user("kadis"))
    with kadis.expect_response(lambda response: preview_path in response.url) as preview_info:
        kadis.goto(f"{live_server.url}/petugas/permohonan/{application.pk}/")
    preview = preview_info.value
    assert preview.status == 200
    assert "frame-ancestors 'self'" in preview.headers["content-security-policy"]
    assert preview.headers["x-frame-options"] == "SAMEORIGIN"
    expect(kadis.locator("iframe[title='Pratinjau draf SK']")).to_be_visible()
    # The frame holds the PDF in Chromium's viewer, not the "refused to connect" error page.
    assert wait_until(lambda: any(preview_path in frame.url for frame in kadis.frames[1:]))
    assert not any(frame.url.startswith("chrome-error:") for frame in kadis.frames)
    assert kadis.locator(".ratio").evaluate("e => getComputedStyle(e).maxHeight") == "720px"  # 80vh of 900

    kadis.goto(f"{live_server.url}/petugas/dasbor/")
    for chart, widest in (("columns", 480), ("rows", 400)):
        box = kadis.locator(f"svg.pintu-chart-{chart}").bounding_box()
        assert 0 < box["width"] <= widest + 0.5 and box["height"] > 0
    kadis.goto(f"{live_server.url}/petugas/ikm/")
    box = kadis.locator("figure svg.max-w-40rem").bounding_box()
    assert 0 < box["width"] <= 640.5
    assert reports.violations == [] and reports.errors == []
