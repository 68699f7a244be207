"""Issue 8, headers: a Content-Security-Policy without inline script on every page, templates that need
none, Pintu's own framed PDF as the one response that may be framed, and a language cookie that production
sends only over HTTPS and never with another site's form."""

import ast
import re
from io import BytesIO
from pathlib import Path

import pytest
from django.conf import settings
from django.http import HttpResponse
from django.test import RequestFactory, override_settings

from core.downloads import SANDBOX_POLICY, private_file_response
from workflow.charts import Bar, horizontal_bar_chart, vertical_bar_chart

ROOT = Path(__file__).resolve().parents[1]
TEMPLATES = ROOT / "templates"
PRODUCTION_SETTINGS = ROOT / "config" / "settings" / "production.py"
PUBLIC_PAGES = ["/", "/lacak/", "/pengaduan/", "/survei/", "/verifikasi/", "/akun/login/"]

# Rendered by WeasyPrint or read in a mail client, never under the site's policy in a browser.
NOT_BROWSER_PAGES = ("pdf", "email")


def directives(header: str) -> dict[str, list[str]]:
    parsed = {}
    for part in header.split(";"):
        name, *sources = part.split()
        assert name not in parsed, f"{name} appears twice in {header!r}"
        parsed[name] = sources
    return parsed


def template_files(*, browser_pages_only: bool = False) -> list[Path]:
    files = sorted(TEMPLATES.rglob("*.html"))
    assert files, "no templates found"
    if browser_pages_only:
        files = [f for f in files if not set(f.relative_to(TEMPLATES).parts) & set(NOT_BROWSER_PAGES)]
    return files


# --- the policy -------------------------------------------------------------------------------------------


@pytest.mark.django_db
@pytest.mark.parametrize("url", PUBLIC_PAGES)
def test_every_public_page_sends_a_policy_without_inline_script(client, url):
    response = client.get(url)
    assert response.status_code == 200
    policy = directives(response["Content-Security-Policy"])
    assert policy["script-src"] == ["'self'"]
    assert "'unsafe-inline'" not in policy["script-src"] and "'unsafe-eval'" not in policy["script-src"]
    assert policy["default-src"] == ["'self'"]
    assert policy["style-src"] == ["'self'"]
    assert policy["object-src"] == ["'none'"]
    assert policy["frame-ancestors"] == ["'none'"]
    assert policy["base-uri"] == ["'self'"]
    assert policy["form-action"] == ["'self'"]
    assert response["X-Frame-Options"] == "DENY"


def test_the_policy_is_set_once_for_every_mode():
    """base.py holds the only policy; local, test and production inherit it unchanged."""
    for module in ("local", "test", "production"):
        source = (ROOT / "config" / "settings" / f"{module}.py").read_text()
        assert "CONTENT_SECURITY_POLICY" not in source, f"{module}.py changes the policy"
    assert settings.CONTENT_SECURITY_POLICY["DIRECTIVES"]["script-src"] == ["'self'"]
    assert not hasattr(settings, "CONTENT_SECURITY_POLICY_REPORT_ONLY")


# --- templates and generated markup -----------------------------------------------------------------------

SCRIPT_TAG = re.compile(r"<script\b([^>]*)>", re.IGNORECASE)
HTML_TAG = re.compile(r"<[a-zA-Z][^<>]*>")
EVENT_HANDLER = re.compile(r"\son[a-z]+\s*=", re.IGNORECASE)
JAVASCRIPT_URL = re.compile(r"""\b(?:href|src|action|formaction)\s*=\s*["']?\s*javascript:""", re.IGNORECASE)
STYLE_ATTRIBUTE = re.compile(r"\sstyle\s*=", re.IGNORECASE)


def test_no_template_has_an_inline_script_or_event_handler():
    problems = []
    for path in template_files():
        text = path.read_text()
        name = path.relative_to(TEMPLATES)
        problems += [f"{name}: <script{a}>" for a in SCRIPT_TAG.findall(text) if "src=" not in a]
        for tag in HTML_TAG.findall(text):
            if EVENT_HANDLER.search(tag):
                problems.append(f"{name}: event handler in {tag}")
        problems += [f"{name}: javascript: URL" for _ in JAVASCRIPT_URL.findall(text)]
    assert problems == []


def test_no_page_template_has_inline_style():
    """style-src 'self' refuses style attributes and <style> elements, so they would silently not apply."""
    problems = []
    for path in template_files(browser_pages_only=True):
        text = path.read_text()
        name = path.relative_to(TEMPLATES)
        problems += [f"{name}: {tag}" for tag in HTML_TAG.findall(text) if STYLE_ATTRIBUTE.search(tag)]
        if re.search(r"<style\b", text, re.IGNORECASE):
            problems.append(f"{name}: <style>")
    assert problems == []


def test_the_moved_scripts_exist_and_are_loaded_from_static_files():
    for template, script in (
        ("permits/applicant/application_edit.html", "js/error-summary.js"),
        ("complaints/public/complaint_form.html", "js/error-summary.js"),
        ("workflow/staff/application_detail.html", "js/document-review.js"),
    ):
        assert f"{{% static '{script}' %}}" in (TEMPLATES / template).read_text()
        assert (ROOT / "static" / script).is_file()


def test_dashboard_charts_carry_no_style_attribute():
    bars = [Bar("Jan", 3, "3"), Bar("Feb", 5, "5", highlight=True)]
    for chart in (
        vertical_bar_chart(chart_id="a", title="t", desc="d", bars=bars),
        horizontal_bar_chart(chart_id="b", title="t", desc="d", bars=bars),
    ):
        assert not STYLE_ATTRIBUTE.search(chart)
        assert 'class="pintu-chart pintu-chart-' in chart


# --- framing: only Pintu's own PDF, only by Pintu's own page ---------------------------------------------


class _StoredFile:
    def __init__(self, content: bytes):
        self.content = content

    def open(self, mode="rb"):
        return BytesIO(self.content)


def through_middleware(response: HttpResponse) -> HttpResponse:
    """The response as the browser gets it, after django-csp's and Django's framing middleware."""
    from csp.middleware import CSPMiddleware
    from django.middleware.clickjacking import XFrameOptionsMiddleware

    request = RequestFactory().get("/berkas/")
    return XFrameOptionsMiddleware(CSPMiddleware(lambda _: response))(request)


def response_for_site_policy() -> HttpResponse:
    return through_middleware(HttpResponse("<p>halaman</p>"))


def test_pintus_own_pdf_shown_inline_may_be_framed_by_pintu_only():
    response = through_middleware(
        private_file_response(
            _StoredFile(b"%PDF-1.7"),
            filename="draf.pdf",
            content_type="application/pdf",
            inline=True,
            sandbox=False,
        )
    )
    policy = directives(response["Content-Security-Policy"])
    assert policy["frame-ancestors"] == ["'self'"]
    assert response["X-Frame-Options"] == "SAMEORIGIN"
    # Everything else is the site's policy.
    site = directives(response_for_site_policy()["Content-Security-Policy"])
    assert {k: v for k, v in policy.items() if k != "frame-ancestors"} == {
        k: v for k, v in site.items() if k != "frame-ancestors"
    }


def test_pintus_own_pdf_as_a_download_keeps_the_site_policy():
    response = through_middleware(
        private_file_response(
            _StoredFile(b"%PDF-1.7"), filename="sk.pdf", content_type="application/pdf", sandbox=False
        )
    )
    assert directives(response["Content-Security-Policy"])["frame-ancestors"] == ["'none'"]
    assert response["X-Frame-Options"] == "DENY"


def test_an_uploaded_document_keeps_only_its_sandbox_policy():
    response = through_middleware(
        private_file_response(
            _StoredFile(b"%PDF-1.7"), filename="ktp.pdf", content_type="application/pdf", inline=True
        )
    )
    assert response["Content-Security-Policy"] == SANDBOX_POLICY


# --- cookies ----------------------------------------------------------------------------------------------


def production_cookie_settings() -> dict:
    """The cookie settings that config/settings/production.py assigns, read from its source: importing it
    needs the whole production environment (database, Redis, the seal)."""
    values = {}
    for node in ast.parse(PRODUCTION_SETTINGS.read_text()).body:
        if isinstance(node, ast.Assign) and len(node.targets) == 1 and isinstance(node.targets[0], ast.Name):
            name = node.targets[0].id
            if name.startswith(("LANGUAGE_COOKIE_", "SESSION_COOKIE_", "CSRF_COOKIE_")):
                values[name] = ast.literal_eval(node.value)
    return values


def test_cookies_are_same_site_lax_in_every_mode():
    assert settings.SESSION_COOKIE_SAMESITE == "Lax"
    assert settings.CSRF_COOKIE_SAMESITE == "Lax"
    assert settings.LANGUAGE_COOKIE_SAMESITE == "Lax"


@pytest.mark.django_db
def test_language_cookie_with_production_settings_is_secure_lax_and_http_only(client):
    production = production_cookie_settings()
    assert production["LANGUAGE_COOKIE_SECURE"] is True
    assert production["LANGUAGE_COOKIE_SAMESITE"] == "Lax"
    assert production["LANGUAGE_COOKIE_HTTPONLY"] is True
    with override_settings(**production):
        response = client.post("/i18n/setlang/", {"language": "en", "next": "/"})
    assert response.status_code == 302
    cookie = response.cookies[settings.LANGUAGE_COOKIE_NAME]
    assert cookie.value == "en"
    assert cookie["secure"] is True
    assert cookie["samesite"] == "Lax"
    assert cookie["httponly"] is True


@pytest.mark.django_db
def test_language_cookie_outside_production_is_lax_but_not_secure(client):
    """Local development runs on plain http://127.0.0.1, where a Secure cookie would never come back."""
    response = client.post("/i18n/setlang/", {"language": "en", "next": "/"})
    cookie = response.cookies[settings.LANGUAGE_COOKIE_NAME]
    assert cookie["samesite"] == "Lax"
    assert not cookie["secure"]
