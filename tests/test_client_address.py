"""PINTU_PROXY_COUNT: rate limits (django-ratelimit, allauth) and lockouts (axes) all see the address the
outermost proxy of ours saw, and nothing a client writes into X-Forwarded-For left of it."""

import time

import pytest
from allauth.account.models import EmailAddress
from django.forms.forms import NON_FIELD_ERRORS
from django.test import RequestFactory, override_settings
from django.urls import reverse

from accounts.adapters import PintuAccountAdapter
from accounts.models import User
from config.client_address import client_address

PROXY = "10.0.0.1"  # the innermost proxy: REMOTE_ADDR of every request below
PASSWORD = "Benar-Sekali-2026"


def request_from(forwarded_for: str | None = None, remote_addr: str = PROXY):
    headers = {} if forwarded_for is None else {"x-forwarded-for": forwarded_for}
    return RequestFactory().get("/", headers=headers, REMOTE_ADDR=remote_addr)


@pytest.mark.parametrize(
    ("proxies", "forwarded_for", "expected"),
    [
        (0, "203.0.113.7", PROXY),  # no proxy trusted: the header is the client's word, ignored
        (0, None, PROXY),
        (1, "203.0.113.7", "203.0.113.7"),
        (1, "6.6.6.6, 7.7.7.7, 203.0.113.7", "203.0.113.7"),  # the client's own entries come first
        (2, "6.6.6.6, 203.0.113.7, 10.0.0.2", "203.0.113.7"),
        (2, "203.0.113.7", PROXY),  # fewer entries than proxies: not through all of ours
        (1, None, PROXY),
        (1, "", PROXY),
        (1, "203.0.113.7, ", PROXY),
        (1, "not-an-address", PROXY),
        (1, "203.0.113.7:4321", PROXY),
        (1, "203.0.113.999", PROXY),
        (1, "<script>", PROXY),
        (1, "2001:DB8::1", "2001:db8::1"),
        (1, "::ffff:203.0.113.7", "203.0.113.7"),
        (1, "fe80::1%eth0", PROXY),
    ],
)
def test_client_address_takes_the_entry_the_outermost_proxy_wrote(settings, proxies, forwarded_for, expected):
    settings.PINTU_PROXY_COUNT = proxies
    assert client_address(request_from(forwarded_for)) == expected


def test_client_address_normalizes_remote_addr_and_keeps_what_is_not_an_address(settings):
    settings.PINTU_PROXY_COUNT = 0
    assert client_address(request_from(remote_addr="::ffff:10.0.0.5")) == "10.0.0.5"
    settings.PINTU_PROXY_COUNT = 1
    assert client_address(request_from("garbage", remote_addr="")) == ""


def test_allauth_uses_the_same_address(settings):
    from allauth.core.internal.ratelimit import get_ip

    adapter = PintuAccountAdapter()
    settings.PINTU_PROXY_COUNT = 1
    request = request_from("6.6.6.6, 203.0.113.7")
    assert adapter.get_client_ip(request) == "203.0.113.7" == get_ip(request)
    assert adapter.get_client_ip(request_from("garbage")) == PROXY
    assert adapter.get_client_ip(request_from()) == PROXY
    settings.PINTU_PROXY_COUNT = 0
    assert adapter.get_client_ip(request) == PROXY


@pytest.fixture(autouse=True)
def _one_rate_window(monkeypatch):
    """django-ratelimit counts in fixed windows: on a slow machine 40 requests may straddle the end of one,
    and the count starts again. The clock stands still for these tests."""
    import types

    import django_ratelimit.core

    now = time.time()
    monkeypatch.setattr(django_ratelimit.core, "time", types.SimpleNamespace(time=lambda: now))


def lookups(client, forwarded_for) -> list[int]:
    """40 tracking look-ups (the limit is 30 a minute); forwarded_for(i) is the header of the i-th."""
    url = reverse("workflow:tracking")
    return [
        client.get(
            url, {"nomor": f"X-{i}"}, headers={"x-forwarded-for": forwarded_for(i)}, REMOTE_ADDR=PROXY
        ).status_code
        for i in range(40)
    ]


@pytest.mark.django_db
@override_settings(PINTU_PROXY_COUNT=1)
def test_behind_one_proxy_tracking_is_limited_per_forwarded_address(client):
    assert lookups(client, lambda i: f"203.0.113.{i + 1}") == [200] * 40
    assert lookups(client, lambda i: "198.51.100.7") == [200] * 30 + [429] * 10
    # A client that writes its own X-Forwarded-For entries is still counted as itself.
    assert lookups(client, lambda i: f"192.0.2.{i + 1}, 198.51.100.8") == [200] * 30 + [429] * 10


@pytest.mark.django_db
@override_settings(PINTU_PROXY_COUNT=1)
def test_ipv6_clients_are_limited_per_64_network(client):
    """django-ratelimit masks IPv6 addresses to their /64 (RATELIMIT_IPV6_MASK): one home's network."""
    assert lookups(client, lambda i: f"2001:db8:0:1::{i + 1:x}") == [200] * 30 + [429] * 10
    assert lookups(client, lambda i: f"2001:db8:0:{i + 2:x}::1") == [200] * 40


@pytest.mark.django_db
@override_settings(PINTU_PROXY_COUNT=0)
def test_without_a_trusted_proxy_the_header_changes_nothing(client):
    assert lookups(client, lambda i: f"203.0.113.{i + 1}") == [200] * 30 + [429] * 10


@pytest.fixture
def siti(db):
    user = User.objects.create_user(username="siti", email="siti@example.test", password=PASSWORD)
    EmailAddress.objects.create(user=user, email=user.email, verified=True, primary=True)
    return user


def login(client, password, forwarded_for):
    return client.post(
        reverse("account_login"),
        {"login": "siti", "password": password},
        headers={"x-forwarded-for": forwarded_for},
        REMOTE_ADDR=PROXY,
    )


# allauth also limits failed sign-ins per account (5 in 5 minutes, whatever the address); three failures
# lock axes' username+address pair well before that.
@pytest.mark.django_db
@override_settings(PINTU_PROXY_COUNT=1, AXES_FAILURE_LIMIT=3)
def test_behind_one_proxy_axes_locks_only_the_forwarded_address(client, siti):
    from axes.models import AccessAttempt

    assert [login(client, "salah", "203.0.113.7").status_code for _ in range(3)][-1] == 429
    assert login(client, PASSWORD, "203.0.113.7").status_code == 429
    assert AccessAttempt.objects.get(username="siti").ip_address == "203.0.113.7"

    response = login(client, PASSWORD, "198.51.100.7")
    assert response.status_code == 302 and response.url == reverse("account_after_login")


@pytest.mark.django_db
@override_settings(PINTU_PROXY_COUNT=0, AXES_FAILURE_LIMIT=3)
def test_without_a_trusted_proxy_axes_locks_the_socket_address(client, siti):
    from axes.models import AccessAttempt

    assert [login(client, "salah", "203.0.113.7").status_code for _ in range(3)][-1] == 429
    assert login(client, PASSWORD, "198.51.100.7").status_code == 429
    assert AccessAttempt.objects.get(username="siti").ip_address == PROXY


@pytest.mark.django_db
@override_settings(PINTU_PROXY_COUNT=1)
def test_behind_one_proxy_allauth_limits_failed_sign_ins_per_forwarded_address(client):
    """allauth allows 10 failed sign-ins a minute per address, whichever the account."""

    def attempt(username, forwarded_for):
        response = client.post(
            reverse("account_login"),
            {"login": username, "password": "salah"},
            headers={"x-forwarded-for": forwarded_for},
            REMOTE_ADDR=PROXY,
        )
        return response.context["form"].has_error(NON_FIELD_ERRORS, "too_many_login_attempts")

    assert [attempt(f"tamu{i}", "203.0.113.7") for i in range(11)] == [False] * 10 + [True]
    assert attempt("tamu99", "198.51.100.7") is False
