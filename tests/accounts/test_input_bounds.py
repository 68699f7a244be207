"""Every free-text field of the account pages has a length the server enforces: huge input is a form error in
the visitor's language, never a 500 (issue 9)."""

import pytest
from allauth.account.models import EmailAddress
from django.test import Client
from django.urls import reverse

from accounts.axes import IDENTIFIER_MAX_LENGTH, login_identifier
from accounts.models import User

from .test_accounts import SIGNUP

HUGE = 50_000
PASSWORD = "Benar-Sekali-2026"


@pytest.fixture
def siti(db):
    # A row to compare with: on an empty table SQLite never evaluates the LIKE that failed.
    user = User.objects.create_user(username="siti", email="siti@example.test", password=PASSWORD)
    EmailAddress.objects.create(user=user, email=user.email, verified=True, primary=True)
    return user


def english_client() -> Client:
    client = Client()
    client.post(reverse("set_language"), {"language": "en", "next": "/"})
    return client


@pytest.mark.django_db
@pytest.mark.parametrize("login", ["a" * HUGE, "a" * HUGE + "@example.test", "a" * 151, "a" * 250 + "@x.id"])
def test_a_huge_login_is_a_form_error_in_indonesian(client, siti, login):
    response = client.post(reverse("account_login"), {"login": login, "password": PASSWORD})
    assert response.status_code == 200
    errors = response.context["form"].errors["login"]
    assert errors and "terlalu panjang" in errors[0]
    assert "terlalu panjang" in response.content.decode()
    assert "_auth_user_id" not in client.session


@pytest.mark.django_db
def test_a_huge_login_is_a_form_error_in_english(siti, english_then_back):
    client = english_client()
    response = client.post(reverse("account_login"), {"login": "a" * HUGE, "password": PASSWORD})
    assert response.status_code == 200
    assert "The username or e-mail is too long: at most 254 characters." in response.content.decode()


@pytest.mark.django_db
def test_usernames_and_addresses_of_the_longest_allowed_length_still_sign_in(client):
    for username, email in [("u" * 150, "panjang@example.test"), ("pendek", "e" * 241 + "@example.test")]:
        user = User.objects.create_user(username=username, email=email, password=PASSWORD)
        EmailAddress.objects.create(user=user, email=email, verified=True, primary=True)
        for login in (username, email):
            client.logout()
            response = client.post(reverse("account_login"), {"login": login, "password": PASSWORD})
            assert response.status_code == 302, response.context and response.context["form"].errors
    assert len("e" * 241 + "@example.test") == 254


@pytest.mark.django_db
def test_the_login_field_tells_the_browser_its_limit(client):
    body = client.get(reverse("account_login")).content.decode()
    assert 'maxlength="254"' in body and 'maxlength="256"' in body


@pytest.mark.django_db
def test_a_huge_password_is_a_form_error_not_an_attempt(client, siti):
    from axes.models import AccessAttempt

    response = client.post(reverse("account_login"), {"login": "siti", "password": "x" * HUGE})
    assert response.status_code == 200
    assert "Kata sandi terlalu panjang" in response.content.decode()
    assert not AccessAttempt.objects.exists(), "nothing was authenticated, so nothing was counted"


@pytest.mark.django_db
def test_sign_up_bounds_email_and_passwords_server_side(client):
    data = {**SIGNUP, "email": "b" * HUGE + "@example.test", "password1": "p" * HUGE, "password2": "p" * HUGE}
    response = client.post(reverse("account_signup"), data)
    assert response.status_code == 200
    errors = response.context["form"].errors
    assert "Alamat e-mail terlalu panjang: paling banyak 254 karakter." in errors["email"]
    assert "Kata sandi terlalu panjang: paling banyak 256 karakter." in errors["password1"]
    assert "Kata sandi terlalu panjang: paling banyak 256 karakter." in errors["password2"]
    assert not User.objects.exists()
    long_username = client.post(reverse("account_signup"), {**SIGNUP, "username": "u" * HUGE})
    assert long_username.status_code == 200 and "username" in long_username.context["form"].errors
    assert not User.objects.exists()


@pytest.mark.django_db
def test_password_reset_bounds_the_address(client, siti):
    response = client.post(reverse("account_reset_password"), {"email": "a" * HUGE + "@example.test"})
    assert response.status_code == 200
    assert "Alamat e-mail terlalu panjang" in response.content.decode()


@pytest.mark.django_db
def test_password_change_bounds_every_password(client, siti):
    client.force_login(siti)
    response = client.post(
        reverse("account_change_password"),
        {"oldpassword": "x" * HUGE, "password1": "y" * HUGE, "password2": "y" * HUGE},
    )
    assert response.status_code == 200
    errors = response.context["form"].errors
    assert {"oldpassword", "password1", "password2"} <= set(errors)
    siti.refresh_from_db()
    assert siti.check_password(PASSWORD)


def test_the_axes_identifier_is_bounded():
    assert len(login_identifier(None, {"login": "A" * HUGE})) == IDENTIFIER_MAX_LENGTH
    assert login_identifier(None, {"login": "  Siti@Example.TEST "}) == "siti@example.test"


@pytest.mark.django_db
def test_the_admin_login_and_any_other_way_in_refuse_a_huge_name_without_a_500(client, siti):
    from axes.models import AccessAttempt
    from django.contrib.auth import authenticate
    from django.test import RequestFactory

    request = RequestFactory().post("/")
    for username in ("a" * HUGE, "a" * HUGE + "@example.test"):
        response = client.post(reverse("admin:login"), {"username": username, "password": PASSWORD})
        assert response.status_code == 200
        assert authenticate(request, username=username, password=PASSWORD) is None
        assert authenticate(request, email=username, password=PASSWORD) is None
    assert all(len(a.username) <= IDENTIFIER_MAX_LENGTH for a in AccessAttempt.objects.all())
    assert authenticate(request, username="siti", password=PASSWORD) == siti
    assert authenticate(request, username="siti@example.test", password=PASSWORD) == siti


def test_the_bounds_match_the_user_model():
    from accounts.validators import EMAIL_MAX_LENGTH, USERNAME_MAX_LENGTH

    assert User._meta.get_field("username").max_length == USERNAME_MAX_LENGTH
    assert User._meta.get_field("email").max_length == EMAIL_MAX_LENGTH
    assert EmailAddress._meta.get_field("email").max_length == EMAIL_MAX_LENGTH
