import re

import pytest
from django.contrib.auth.models import Group
from django.core import mail
from django.core.management import call_command
from django.core.management.base import CommandError
from django.urls import reverse

from accounts.models import User
from accounts.roles import Role

SIGNUP = {
    "full_name": "dr. Budi Santoso",
    "nik": "3603011203850001",
    "phone": "081234567890",
    "email": "budi@example.test",
    "username": "budi",
    "password1": "Sangat-Rahasia-2026",
    "password2": "Sangat-Rahasia-2026",
}


@pytest.mark.django_db
def test_roles_exist_as_groups_from_the_data_migration():
    assert set(Group.objects.values_list("name", flat=True)) >= {role.value for role in Role}
    assert len(Role) == 13


@pytest.mark.django_db
def test_signup_requires_email_verification_then_logs_in(client):
    response = client.post(reverse("account_signup"), SIGNUP)
    assert response.status_code == 302
    user = User.objects.get(username="budi")
    assert (user.full_name, user.nik, user.phone) == ("dr. Budi Santoso", "3603011203850001", "081234567890")
    assert user.has_role(Role.PEMOHON)
    # Not signed in until the e-mail is verified.
    assert client.get(reverse("permits:application_list")).status_code == 302
    response = client.post(reverse("account_login"), {"login": "budi", "password": SIGNUP["password1"]})
    assert client.get(reverse("permits:application_list")).status_code == 302

    assert len(mail.outbox) >= 1
    link = re.search(r"https?://[^\s]+/akun/confirm-email/[^\s]+/", mail.outbox[-1].body).group(0)
    path = link.split("testserver", 1)[-1] if "testserver" in link else "/" + link.split("/", 3)[3]
    assert client.get(path).status_code == 200
    response = client.post(path)
    assert response.status_code == 302
    assert client.get(reverse("permits:application_list")).status_code == 200


@pytest.mark.django_db
@pytest.mark.parametrize("nik", ["123", "36030112038500011", "36030112038500AB", ""])
def test_signup_rejects_invalid_nik(client, nik):
    response = client.post(reverse("account_signup"), {**SIGNUP, "nik": nik})
    assert response.status_code == 200
    assert not User.objects.filter(username="budi").exists()
    assert "NIK" in response.content.decode()


# A NIK that already has an account: tests/accounts/test_signup_nik.py.


@pytest.mark.django_db
def test_login_is_locked_after_repeated_failures(client):
    from allauth.account.models import EmailAddress

    user = User.objects.create_user(username="siti", email="siti@example.test", password="Benar-Sekali-2026")
    EmailAddress.objects.create(user=user, email=user.email, verified=True, primary=True)
    from axes.models import AccessAttempt

    statuses = [
        client.post(reverse("account_login"), {"login": "siti", "password": "salah"}).status_code
        for _ in range(5)
    ]
    assert statuses[-1] == 429, "axes locks out on the fifth failure"
    assert (
        "Terlalu banyak percobaan masuk"
        in client.post(reverse("account_login"), {"login": "siti", "password": "salah"}).content.decode()
    )
    # Even the right password is refused while locked.
    response = client.post(reverse("account_login"), {"login": "siti", "password": "Benar-Sekali-2026"})
    assert "Terlalu banyak percobaan masuk" in response.content.decode()
    assert client.get(reverse("permits:application_list")).status_code == 302
    assert AccessAttempt.objects.get(username="siti").failures_since_start == 5


@pytest.mark.django_db
def test_demo_accounts_one_per_role_and_refused_in_production(settings):
    call_command("pintu_demo")
    for role in Role:
        assert User.objects.filter(groups__name=role.value).count() >= 1
    assert User.objects.get(username="kadis").check_password("pintu-demo-2026")
    settings.PINTU_DEMO_DATA_ALLOWED = False
    with pytest.raises(CommandError):
        call_command("pintu_demo")


@pytest.mark.django_db
def test_language_switch_remembers_the_choice_for_signed_in_users(client):
    user = User.objects.create_user(username="eka", email="eka@example.test", password="x")
    client.force_login(user)
    response = client.post(reverse("set_language"), {"language": "en", "next": "/"})
    assert response.status_code == 302
    user.refresh_from_db()
    assert user.preferred_language == "en"
    assert client.cookies["django_language"].value == "en"
    client.post(reverse("set_language"), {"language": "xx", "next": "/"})
    user.refresh_from_db()
    assert user.preferred_language == "en", "unknown languages are ignored"


@pytest.mark.django_db
def test_pages_are_indonesian_by_default_and_english_on_request(client):
    body = client.get(reverse("permits:home"), HTTP_ACCEPT_LANGUAGE="en-US").content.decode()
    assert 'lang="id"' in body and "Lacak permohonan" in body
    client.post(reverse("set_language"), {"language": "en", "next": "/"})
    english = client.get(reverse("permits:home")).content.decode()
    assert 'lang="en"' in english
    assert "Track an application" in english


@pytest.mark.django_db
def test_password_reset_by_email_sets_a_new_password(client):
    from allauth.account.models import EmailAddress

    user = User.objects.create_user(username="rina", email="rina@example.test", password="Lama-Sekali-2026")
    EmailAddress.objects.create(user=user, email=user.email, verified=True, primary=True)
    assert client.post(reverse("account_reset_password"), {"email": "rina@example.test"}).status_code == 302
    link = re.search(r"https?://\S+/akun/password/reset/key/\S+/", mail.outbox[-1].body).group(0)
    path = "/akun/" + link.split("/akun/", 1)[1]
    form_page = client.get(path, follow=True)
    action = form_page.redirect_chain[-1][0] if form_page.redirect_chain else path
    response = client.post(action, {"password1": "Baru-Sekali-2026", "password2": "Baru-Sekali-2026"})
    assert response.status_code == 302
    user.refresh_from_db()
    assert user.check_password("Baru-Sekali-2026")
