"""Sign-up does not tell whether a NIK is registered: it answers as for a registered e-mail address (allauth's
ACCOUNT_PREVENT_ENUMERATION), creates nothing, and tells the NIK's owner by e-mail (issue 9)."""

import pytest
from django.contrib.messages import get_messages
from django.core import mail
from django.test import Client
from django.urls import reverse

from accounts.models import User
from workflow.models import OutboxMessage

from .test_accounts import SIGNUP

OWNER_NIK = "3603011203850009"


@pytest.fixture(autouse=True)
def _tasks_in_process(settings):
    """The owner's notice is a task; here it runs in-process in both runs (no worker reads the broker)."""
    settings.CELERY_TASK_ALWAYS_EAGER = True


def owner(**fields) -> User:
    values = {"username": "pemilik", "email": "pemilik@example.test", "nik": OWNER_NIK, "password": "x"}
    return User.objects.create_user(**{**values, **fields})


def sign_up(data: dict, *, capture) -> dict:
    """What a visitor can see of a sign-up: the answer, the page it leads to and the messages on it."""
    client = Client()
    with capture(execute=True):
        response = client.post(reverse("account_signup"), data)
    page = client.get(response["Location"]) if response.status_code == 302 else response
    return {
        "status": response.status_code,
        "location": response.get("Location"),
        "page_status": page.status_code,
        "templates": [t.name for t in page.templates],
        "messages": [str(m).replace(data["email"], "<e-mail>") for m in get_messages(page.wsgi_request)],
        "form_errors": dict(response.context["form"].errors) if response.status_code == 200 else {},
        "body": page.content.decode().replace(data["email"], "<e-mail>"),
    }


def without_csrf(body: str) -> str:
    import re

    return re.sub(r'name="csrfmiddlewaretoken" value="[^"]+"', "", body)


@pytest.mark.django_db
def test_a_taken_nik_looks_exactly_like_a_fresh_sign_up_and_a_taken_email(django_capture_on_commit_callbacks):
    owner()
    fresh = sign_up(
        {**SIGNUP, "nik": "3603011203850001", "email": "baru@example.test", "username": "baru"},
        capture=django_capture_on_commit_callbacks,
    )
    taken_nik = sign_up(
        {**SIGNUP, "nik": OWNER_NIK, "email": "lain@example.test", "username": "lain"},
        capture=django_capture_on_commit_callbacks,
    )
    taken_email = sign_up(
        {**SIGNUP, "nik": "3603011203850002", "email": "pemilik@example.test", "username": "lain2"},
        capture=django_capture_on_commit_callbacks,
    )
    assert fresh["status"] == 302 and fresh["location"] == reverse("account_email_verification_sent")
    assert fresh["messages"] and fresh["form_errors"] == {}
    for other in (taken_nik, taken_email):
        for key in ("status", "location", "page_status", "templates", "messages", "form_errors"):
            assert other[key] == fresh[key], key
        assert without_csrf(other["body"]) == without_csrf(fresh["body"])
    assert "NIK" not in " ".join(taken_nik["messages"])


@pytest.mark.django_db
def test_a_taken_nik_creates_no_account_and_tells_the_owner_in_indonesian(
    client, django_capture_on_commit_callbacks
):
    existing = owner()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("account_signup"), {**SIGNUP, "nik": OWNER_NIK})
    assert response.status_code == 302
    assert list(User.objects.values_list("username", flat=True)) == ["pemilik"]
    assert User.objects.filter(nik=OWNER_NIK).get() == existing
    (notice,) = mail.outbox  # nothing to the address typed: it has no account to be told about
    assert notice.to == ["pemilik@example.test"]
    assert notice.subject == "[Pintu] Percobaan pendaftaran dengan NIK Anda"
    assert "dengan NIK yang sudah terdaftar pada akun Anda" in notice.body
    assert "Tidak ada akun baru yang dibuat" in notice.body
    assert "/akun/password/reset/" in notice.body
    html = notice.alternatives[0][0]
    assert 'lang="id"' in html and "Tidak ada akun baru yang dibuat" in html
    # Neither the NIK nor what the newcomer typed is written to the outbox or the e-mail.
    (message,) = OutboxMessage.objects.filter(task_name="accounts.tasks.send_nik_signup_attempt_email")
    assert set(message.kwargs) == {"user_id", "attempted_at"}
    assert OWNER_NIK not in notice.body and SIGNUP["email"] not in notice.body


@pytest.mark.django_db
def test_the_owner_who_chose_english_is_told_in_english(client, django_capture_on_commit_callbacks):
    owner(preferred_language="en")
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("account_signup"), {**SIGNUP, "nik": OWNER_NIK})
    (notice,) = mail.outbox
    assert notice.subject == "[Pintu] An attempt to sign up with your NIK"
    assert "No new account was created" in notice.body
    assert 'lang="en"' in notice.alternatives[0][0]


@pytest.mark.django_db
def test_repeated_attempts_send_the_owner_one_notice_an_hour(django_capture_on_commit_callbacks):
    owner()
    for number in range(3):
        data = {
            **SIGNUP,
            "nik": OWNER_NIK,
            "email": f"coba{number}@example.test",
            "username": f"coba{number}",
        }
        with django_capture_on_commit_callbacks(execute=True):
            assert Client().post(reverse("account_signup"), data).status_code == 302
    assert [m.to for m in mail.outbox] == [["pemilik@example.test"]]
    assert User.objects.count() == 1


@pytest.mark.django_db
def test_the_owner_signing_up_again_with_their_own_address_gets_allauths_notice_only(
    client, django_capture_on_commit_callbacks
):
    owner(email=SIGNUP["email"])
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("account_signup"), {**SIGNUP, "nik": OWNER_NIK, "username": "lagi"})
    assert response.status_code == 302
    (notice,) = mail.outbox
    assert notice.to == [SIGNUP["email"]]
    assert "NIK" not in notice.subject, "allauth's 'you already have an account' e-mail, not ours as well"
    assert User.objects.count() == 1


@pytest.mark.django_db
def test_a_taken_nik_with_other_errors_shows_only_those_errors(client):
    owner()
    response = client.post(reverse("account_signup"), {**SIGNUP, "nik": OWNER_NIK, "password2": "lain"})
    assert response.status_code == 200
    assert set(response.context["form"].errors) == {"password2"}
    assert "terdaftar" not in response.content.decode()
