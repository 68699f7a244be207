"""allauth's own 429 (ACCOUNT_RATE_LIMITS) is a page of the site, in the visitor's language (issue 9)."""

import pytest
from django.urls import reverse

from .test_accounts import SIGNUP


def sign_up_until_limited(client) -> list:
    return [client.post(reverse("account_signup"), {**SIGNUP, "nik": "123"}) for _ in range(2)]


@pytest.fixture
def one_sign_up_a_minute(settings):
    settings.ACCOUNT_RATE_LIMITS = {"signup": "1/m/ip"}


@pytest.mark.django_db
def test_a_rate_limited_sign_up_is_a_429_inside_the_site_layout(client, one_sign_up_a_minute):
    first, limited = sign_up_until_limited(client)
    assert first.status_code == 200
    assert limited.status_code == 429
    assert [t.name for t in limited.templates][:2] == ["429.html", "base.html"]
    body = limited.content.decode()
    assert 'lang="id"' in body and "Terlalu banyak permintaan" in body
    assert "Langsung ke konten" in body, "the site's layout, with its skip link"
    assert "Too Many Requests" not in body


@pytest.mark.django_db
def test_the_429_page_in_english(client, one_sign_up_a_minute, english_then_back):
    client.post(reverse("set_language"), {"language": "en", "next": "/"})
    _first, limited = sign_up_until_limited(client)
    assert limited.status_code == 429
    body = limited.content.decode()
    assert 'lang="en"' in body and "Too many requests" in body
    assert "Terlalu banyak permintaan" not in body


@pytest.mark.django_db
def test_a_rate_limited_login_page_is_the_same_page(client, settings):
    settings.ACCOUNT_RATE_LIMITS = {"login": "1/m/ip"}
    client.post(reverse("account_login"), {"login": "siapa", "password": "x"})
    limited = client.post(reverse("account_login"), {"login": "siapa", "password": "x"})
    assert limited.status_code == 429
    assert "Terlalu banyak permintaan" in limited.content.decode()
