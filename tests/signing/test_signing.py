import io
import logging
from datetime import timedelta

import pytest
from django.apps import apps
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from permits.models import ApplicationStatus
from signing import services
from signing.models import SigningEvent
from workflow.models import OutboxMessage, TransitionLog

from .signing_fixtures import PASSPHRASE, signing_setup

S = ApplicationStatus


@pytest.fixture
def setup(db, tmp_path, settings):
    return signing_setup(tmp_path=tmp_path, settings=settings)


def sign(setup, passphrase, **kwargs):
    return services.sk_sign(
        application_id=setup["application"].pk,
        expected_status=S.MENUNGGU_TTE,
        by=setup["kadis"],
        passphrase=passphrase,
        shown_sha256=kwargs.pop("sha", setup["sk"].draft_sha256),
        **kwargs,
    )


@pytest.mark.django_db
def test_right_passphrase_certifies_and_moves_to_numbering(setup):
    from pyhanko.pdf_utils.reader import PdfFileReader
    from pyhanko.sign.validation import validate_pdf_signature
    from pyhanko_certvalidator import ValidationContext

    application = sign(setup, PASSPHRASE)
    assert application.status == S.PENOMORAN
    setup["sk"].refresh_from_db()
    signed = setup["sk"].signed_pdf.open("rb").read()
    reader = PdfFileReader(io.BytesIO(signed))
    (signature,) = reader.embedded_signatures
    from asn1crypto import pem
    from asn1crypto import x509 as asn1_x509

    from signing.pki import certificate_pem

    root = asn1_x509.Certificate.load(pem.unarmor(certificate_pem(setup["root"]))[2])
    status = validate_pdf_signature(signature, ValidationContext(trust_roots=[root], allow_fetching=False))
    assert status.intact and status.valid and status.trusted
    assert signature.field_name == "ttd_kepala_dinas"
    assert SigningEvent.objects.filter(kind=SigningEvent.Kind.SIGNED).count() == 1
    assert TransitionLog.objects.get(application=application, transition="sign").actor == setup["kadis"]


@pytest.mark.django_db
def test_wrong_passphrase_leaves_the_application_untouched(setup):
    with pytest.raises(services.PassphraseRejected) as exc:
        sign(setup, "salah")
    assert exc.value.attempts_left == 4 and "Sisa percobaan: 4" in exc.value.message
    setup["application"].refresh_from_db()
    assert setup["application"].status == S.MENUNGGU_TTE
    setup["sk"].refresh_from_db()
    assert not setup["sk"].signed_pdf
    assert not TransitionLog.objects.filter(application=setup["application"]).exists()


@pytest.mark.django_db
def test_five_failures_lock_the_signer_for_thirty_minutes(setup):
    now = timezone.now()
    for _ in range(4):
        with pytest.raises(services.PassphraseRejected):
            sign(setup, "salah", now=now)
    with pytest.raises(services.PassphraseRejected) as exc:
        sign(setup, "salah", now=now)
    assert exc.value.attempts_left == 0 and "dikunci selama 30 menit" in exc.value.message
    setup["signer"].refresh_from_db()
    assert setup["signer"].locked_until == now + timedelta(minutes=30)
    # Even the right passphrase is refused while locked; the lock lives in the database.
    with pytest.raises(services.SigningRefused, match="dikunci"):
        sign(setup, PASSPHRASE, now=now + timedelta(minutes=29))
    kinds = list(SigningEvent.objects.order_by("pk").values_list("kind", flat=True))
    assert kinds == ["WRONG_PASSPHRASE"] * 5 + ["LOCKED", "REFUSED_LOCKED"]
    assert sign(setup, PASSPHRASE, now=now + timedelta(minutes=31)).status == S.PENOMORAN


@pytest.mark.django_db
def test_a_draft_that_differs_from_the_one_shown_is_refused(setup):
    with pytest.raises(services.SigningRefused, match="berubah"):
        sign(setup, PASSPHRASE, sha="0" * 64)
    assert SigningEvent.objects.filter(kind=SigningEvent.Kind.DOCUMENT_CHANGED).count() == 1


@pytest.mark.django_db
def test_only_a_registered_signer_may_sign(setup):
    from tests.factories import UserFactory

    with pytest.raises(services.SigningRefused, match="belum terdaftar"):
        services.sk_sign(
            application_id=setup["application"].pk,
            expected_status=S.MENUNGGU_TTE,
            by=UserFactory(),
            passphrase=PASSPHRASE,
            shown_sha256=setup["sk"].draft_sha256,
        )


@pytest.mark.django_db(transaction=True)
def test_canary_passphrase_appears_nowhere(tmp_path, settings, client, caplog, monkeypatch):
    """The passphrase must not reach any log, queue message, database row, session or error report."""
    canary = "KANARI-7f3a-rahasia-TTE"
    setup = signing_setup(tmp_path=tmp_path, settings=settings, passphrase=canary)
    from django.utils.log import AdminEmailHandler

    settings.ADMINS = [("Admin", "admin@example.test")]
    handler = AdminEmailHandler(include_html=True)
    request_logger = logging.getLogger("django.request")
    request_logger.addHandler(handler)
    client.raise_request_exception = False
    client.force_login(setup["kadis"])
    url = reverse("signing:sk_sign", kwargs={"pk": setup["application"].pk})
    form = {"expected_status": S.MENUNGGU_TTE, "draft_sha256": setup["sk"].draft_sha256}
    try:
        with caplog.at_level(logging.DEBUG):
            # 1. a wrong passphrase that contains the canary
            client.post(url, {**form, "passphrase": canary + "-salah"})
            # 2. a crash after the key was opened: Django's error report goes to the admins by e-mail
            import signing.services as signing_services

            def explode(**kwargs):
                raise RuntimeError("render failure")

            monkeypatch.setattr(signing_services, "draft_certify", explode)
            response = client.post(url, {**form, "passphrase": canary})
            assert response.status_code == 500
            monkeypatch.undo()
            # 3. the real signature
            client.post(url, {**form, "passphrase": canary})
    finally:
        request_logger.removeHandler(handler)
    setup["application"].refresh_from_db()
    assert setup["application"].status == S.PENOMORAN
    assert len(mail.outbox) >= 1 and any("render failure" in m.body for m in mail.outbox), (
        "an error report was sent"
    )

    assert canary not in caplog.text
    for message in mail.outbox:
        assert canary not in message.body
        assert all(canary not in str(content) for content, _mime in message.alternatives)
    for outbox in OutboxMessage.objects.all():
        assert canary not in str(outbox.kwargs)
    for model in apps.get_models():
        for row in model.objects.all().values():
            assert canary not in str(row), f"{model.__name__} holds the passphrase"
    from django.contrib.sessions.models import Session

    for session in Session.objects.all():
        assert canary not in str(session.get_decoded())


@pytest.mark.django_db
def test_kepala_dinas_page_shows_the_preview_and_the_passphrase_form(setup, client):
    client.force_login(setup["kadis"])
    page = client.get(
        reverse("workflow:staff_application_detail", kwargs={"pk": setup["application"].pk})
    ).content.decode()
    assert reverse("signing:sk_draft_preview", kwargs={"pk": setup["application"].pk}) in page
    assert 'name="passphrase"' in page and setup["sk"].draft_sha256 in page
    preview = client.get(reverse("signing:sk_draft_preview", kwargs={"pk": setup["application"].pk}))
    assert preview["Content-Type"] == "application/pdf" and b"".join(preview.streaming_content).startswith(
        b"%PDF"
    )


@pytest.mark.django_db
def test_wrong_passphrase_through_the_page_shows_a_clear_message(setup, client):
    client.force_login(setup["kadis"])
    response = client.post(
        reverse("signing:sk_sign", kwargs={"pk": setup["application"].pk}),
        {"passphrase": "salah", "expected_status": S.MENUNGGU_TTE, "draft_sha256": setup["sk"].draft_sha256},
        follow=True,
    )
    assert "Passphrase salah. Sisa percobaan: 4." in response.content.decode()
