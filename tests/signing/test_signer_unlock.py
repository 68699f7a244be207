"""An administrator unlocks a signer locked after wrong passphrases, giving a reason that is audited."""

from datetime import timedelta

import pytest
from django.conf import settings
from django.contrib.auth.models import Permission
from django.urls import reverse
from django.utils import timezone, translation

from accounts.roles import Role
from permits.models import ApplicationStatus
from signing import services
from signing.models import Signer, SigningEvent
from tests.factories import UserFactory

from .signing_fixtures import PASSPHRASE, signing_setup

S = ApplicationStatus
K = SigningEvent.Kind


@pytest.fixture
def setup(db, tmp_path, settings):
    return signing_setup(tmp_path=tmp_path, settings=settings)


@pytest.fixture
def english_then_back():
    """A request in English leaves English active in this thread; later tests expect Indonesian."""
    yield
    translation.activate(settings.LANGUAGE_CODE)


@pytest.fixture
def administrator(db):
    return UserFactory(roles=[Role.ADMINISTRATOR], is_staff=True, is_superuser=True, full_name="Admin Pintu")


def sign(setup, passphrase, *, now):
    return services.sk_sign(
        application_id=setup["application"].pk,
        expected_status=S.MENUNGGU_TTE,
        by=setup["kadis"],
        passphrase=passphrase,
        shown_sha256=setup["sk"].draft_sha256,
        now=now,
    )


def lock(setup, *, now) -> Signer:
    for _ in range(5):
        with pytest.raises(services.PassphraseRejected):
            sign(setup, "salah", now=now)
    signer = Signer.objects.get(pk=setup["signer"].pk)
    assert signer.locked_until == now + timedelta(minutes=30)
    return signer


def unlock_url(signer) -> str:
    return reverse("admin:signing_signer_unlock", args=[signer.pk])


@pytest.mark.django_db
def test_after_an_unlock_with_a_reason_the_kepala_dinas_signs_at_once(setup, administrator, client):
    now = timezone.now()
    signer = lock(setup, now=now)
    client.force_login(administrator)
    page = client.get(unlock_url(signer))
    assert page.status_code == 200
    body = page.content.decode()
    assert "Buka kunci penanda tangan" in body and 'name="reason"' in body and 'maxlength="500"' in body

    response = client.post(
        unlock_url(signer), {"reason": "  Dikonfirmasi lewat telepon; passphrase diingat.  "}
    )
    assert response.status_code == 302
    assert response["Location"] == reverse("admin:signing_signer_change", args=[signer.pk])
    signer.refresh_from_db()
    assert (signer.failed_attempts, signer.locked_until) == (0, None)
    event = SigningEvent.objects.get(kind=K.UNLOCKED)
    assert (event.signer, event.actor, event.application) == (signer, administrator, None)
    assert event.reason == "Dikonfirmasi lewat telepon; passphrase diingat."

    # Within the thirty minutes the lock would have lasted.
    assert sign(setup, PASSPHRASE, now=now + timedelta(minutes=1)).status == S.PENOMORAN
    kinds = list(SigningEvent.objects.order_by("pk").values_list("kind", flat=True))
    assert kinds == [K.WRONG_PASSPHRASE] * 5 + [K.LOCKED, K.UNLOCKED, K.SIGNED]


@pytest.mark.django_db
@pytest.mark.parametrize("reason", ["", "   ", "x" * 501])
def test_an_unlock_needs_a_reason_of_bounded_length(setup, administrator, client, reason):
    signer = lock(setup, now=timezone.now())
    client.force_login(administrator)
    response = client.post(unlock_url(signer), {"reason": reason})
    assert response.status_code == 200
    assert response.context["form"].errors["reason"]
    signer.refresh_from_db()
    assert signer.locked_until is not None
    assert not SigningEvent.objects.filter(kind=K.UNLOCKED).exists()


@pytest.mark.django_db
def test_the_service_refuses_without_reason_permission_or_lock(setup, administrator):
    signer = lock(setup, now=timezone.now())
    with pytest.raises(services.SignerUnlockRefused, match="alasan"):
        services.signer_unlock(signer_id=signer.pk, by=administrator, reason=" ")
    with pytest.raises(services.SignerUnlockRefused, match="terlalu panjang"):
        services.signer_unlock(signer_id=signer.pk, by=administrator, reason="x" * 501)
    with pytest.raises(services.SignerUnlockRefused, match="tidak berwenang"):
        services.signer_unlock(signer_id=signer.pk, by=setup["kadis"], reason="Saya sendiri")
    services.signer_unlock(signer_id=signer.pk, by=administrator, reason="Sudah dipastikan")
    with pytest.raises(services.SignerUnlockRefused, match="tidak sedang dikunci"):
        services.signer_unlock(signer_id=signer.pk, by=administrator, reason="Sekali lagi")
    assert SigningEvent.objects.filter(kind=K.UNLOCKED).count() == 1


@pytest.mark.django_db
def test_an_unlock_page_for_a_signer_who_is_not_locked_says_so(setup, administrator, client):
    client.force_login(administrator)
    response = client.post(unlock_url(setup["signer"]), {"reason": "Coba"})
    assert response.status_code == 200
    assert "tidak sedang dikunci" in response.content.decode()
    assert not SigningEvent.objects.filter(kind=K.UNLOCKED).exists()


@pytest.mark.django_db
@pytest.mark.parametrize("can_view", [False, True])
def test_staff_without_the_change_permission_cannot_unlock(setup, client, can_view):
    signer = lock(setup, now=timezone.now())
    staff = UserFactory(roles=[Role.SEKRETARIAT], is_staff=True)
    if can_view:
        staff.user_permissions.add(Permission.objects.get(codename="view_signer"))
    client.force_login(staff)
    assert client.get(unlock_url(signer)).status_code == 403
    assert client.post(unlock_url(signer), {"reason": "Tolong"}).status_code == 403
    # Nor through the list's action, which such a user is not offered: the list is shown again, or refused.
    changelist = reverse("admin:signing_signer_changelist")
    response = client.post(changelist, {"action": "unlock", "_selected_action": [signer.pk]})
    assert response.status_code == (200 if can_view else 403)
    if can_view:
        assert "Buka kunci" not in client.get(changelist).content.decode()
    signer.refresh_from_db()
    assert signer.locked_until is not None
    assert not SigningEvent.objects.filter(kind=K.UNLOCKED).exists()


@pytest.mark.django_db
def test_the_list_action_leads_to_the_unlock_page_of_one_signer(setup, administrator, client):
    signer = lock(setup, now=timezone.now())
    other = Signer.objects.create(
        user=UserFactory(), name="Plt. Kepala", position="Kepala Dinas", pkcs12="x.p12"
    )
    client.force_login(administrator)
    changelist = reverse("admin:signing_signer_changelist")
    response = client.post(changelist, {"action": "unlock", "_selected_action": [signer.pk]})
    assert response.status_code == 302 and response["Location"] == unlock_url(signer)
    both = client.post(
        changelist, {"action": "unlock", "_selected_action": [signer.pk, other.pk]}, follow=True
    )
    assert "Pilih satu penanda tangan" in both.content.decode()
    signer.refresh_from_db()
    assert signer.locked_until is not None


@pytest.mark.django_db
def test_the_signer_page_shows_the_attempt_history_read_only_and_the_unlock_link(
    setup, administrator, client
):
    signer = lock(setup, now=timezone.now())
    client.force_login(administrator)
    body = client.get(reverse("admin:signing_signer_change", args=[signer.pk])).content.decode()
    assert "Riwayat percobaan" in body
    assert body.count("<td>Passphrase salah</td>") == 5 and "<td>Penandatangan dikunci</td>" in body
    assert setup["kadis"].full_name in body and setup["application"].number in body
    assert unlock_url(signer) in body
    assert 'name="attempt_history"' not in body and 'name="failed_attempts"' not in body

    services.signer_unlock(signer_id=signer.pk, by=administrator, reason="Sudah dipastikan")
    body = client.get(reverse("admin:signing_signer_change", args=[signer.pk])).content.decode()
    assert "<td>Kunci dibuka administrator</td>" in body and "Sudah dipastikan" in body
    assert unlock_url(signer) not in body, "nothing left to unlock"


@pytest.mark.django_db
def test_the_unlock_page_in_english(setup, administrator, client, english_then_back):
    signer = lock(setup, now=timezone.now())
    administrator.preferred_language = "en"
    client.force_login(administrator)
    client.post(reverse("set_language"), {"language": "en", "next": "/"})
    body = client.get(unlock_url(signer)).content.decode()
    assert "Unlock signer" in body and "Reason for unlocking" in body
