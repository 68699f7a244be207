import io
import subprocess

import pytest
from django.utils import timezone

from permits.models import ApplicationStatus
from signing import issuance, services
from signing.models import IssuedNumber, NumberSeries, SkDocument
from workflow.models import TransitionLog

from .signing_fixtures import PASSPHRASE, signing_setup

S = ApplicationStatus
NUMBER = "500.16.7.2/0001/SIP-DU/DPMPTSP/XI/2026"


@pytest.fixture
def numbered(db, tmp_path, settings):
    setup = signing_setup(tmp_path=tmp_path, settings=settings)
    services.sk_sign(
        application_id=setup["application"].pk,
        expected_status=S.MENUNGGU_TTE,
        by=setup["kadis"],
        passphrase=PASSPHRASE,
        shown_sha256=setup["sk"].draft_sha256,
    )
    series = NumberSeries.objects.create(name="SIP", kka="500.16.7.2", permit_code="SIP-DU")
    application = setup["application"]
    IssuedNumber.objects.create(
        series=series,
        year=2026,
        sequence=1,
        number=NUMBER,
        application=application,
        issued_at=timezone.now(),
        issued_by=setup["kadis"],
    )
    from workflow.runner import transition_run

    transition_run(
        application_id=application.pk,
        transition="assign_number",
        actor=setup["kadis"],
        actor_role="Sekretariat",
        expected_status=S.PENOMORAN,
        permission=None,
        arguments={"now": timezone.now()},
    )
    return setup


def validate(pdf: bytes, root):
    from asn1crypto import pem
    from asn1crypto import x509 as asn1_x509
    from pyhanko.pdf_utils.reader import PdfFileReader
    from pyhanko.sign.validation import validate_pdf_signature
    from pyhanko_certvalidator import ValidationContext

    from signing.pki import certificate_pem

    trust = asn1_x509.Certificate.load(pem.unarmor(certificate_pem(root))[2])
    reader = PdfFileReader(io.BytesIO(pdf))
    return {
        sig.field_name: validate_pdf_signature(
            sig, ValidationContext(trust_roots=[trust], allow_fetching=False)
        )
        for sig in reader.embedded_signatures
    }


@pytest.mark.django_db
def test_final_sk_keeps_the_certification_valid_and_is_sealed(numbered, tmp_path):
    sk = issuance.sk_issue(application_id=numbered["application"].pk)
    numbered["application"].refresh_from_db()
    assert numbered["application"].status == S.TERBIT
    final = sk.final_pdf.open("rb").read()
    import hashlib

    assert sk.final_sha256 == hashlib.sha256(final).hexdigest()
    statuses = validate(final, numbered["root"])
    certification, seal = statuses["ttd_kepala_dinas"], statuses["segel"]
    assert certification.intact and certification.valid and certification.trusted
    assert certification.modification_level.name == "FORM_FILLING"
    assert seal.intact and seal.valid and seal.trusted and seal.coverage.name == "ENTIRE_FILE"
    path = tmp_path / "final.pdf"
    path.write_bytes(final)
    pdfsig = subprocess.run(["pdfsig", str(path)], capture_output=True, text=True).stdout
    assert pdfsig.count("Signature is Valid.") == 2
    text = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True).stdout
    assert NUMBER in text
    log = TransitionLog.objects.get(application=numbered["application"], transition="publish")
    assert log.actor is None and log.actor_role == "Sistem"


@pytest.mark.django_db
def test_issuing_twice_changes_nothing(numbered):
    first = issuance.sk_issue(application_id=numbered["application"].pk)
    digest = first.final_sha256
    second = issuance.sk_issue(application_id=numbered["application"].pk)
    assert second.final_sha256 == digest
    assert (
        TransitionLog.objects.filter(application=numbered["application"], transition="publish").count() == 1
    )


@pytest.mark.django_db
def test_task_gives_up_after_bounded_retries_with_a_visible_error(numbered, settings, monkeypatch):
    from signing import tasks

    settings.PINTU_SEAL_PKCS12_PATH = "/nonexistent/segel.p12"
    settings.PINTU_SK_ISSUE_MAX_RETRIES = 2
    result = tasks.issue_sk.apply(kwargs={"application_id": numbered["application"].pk}, retries=2)
    assert result.successful()
    sk = SkDocument.objects.get(application=numbered["application"])
    assert "ImproperlyConfigured" in sk.failure
    numbered["application"].refresh_from_db()
    assert numbered["application"].status == S.PENERBITAN
    issuance.sk_issue_retry(application_id=numbered["application"].pk)
    sk.refresh_from_db()
    assert sk.failure == "" and sk.attempts == 0
    from workflow.models import OutboxMessage

    assert OutboxMessage.objects.filter(
        task_name="signing.tasks.issue_sk", kwargs={"application_id": numbered["application"].pk}
    ).exists(), "the administrator's retry queues the issuance again"


@pytest.mark.django_db
def test_sekretariat_sends_the_sk_by_email_with_the_pdf_attached(
    numbered, client, settings, django_capture_on_commit_callbacks
):
    from django.core import mail
    from django.urls import reverse

    from accounts.roles import Role
    from tests.factories import UserFactory

    settings.CELERY_TASK_ALWAYS_EAGER = (
        True  # the task runs in-process here; the worker test covers the broker
    )
    issuance.sk_issue(application_id=numbered["application"].pk)
    url = reverse("signing:sk_email", kwargs={"pk": numbered["application"].pk})
    client.force_login(UserFactory(roles=[Role.KEPALA_SEKSI]))
    assert client.post(url).status_code == 404, "only the Sekretariat sends SKs"
    client.force_login(UserFactory(roles=[Role.SEKRETARIAT]))
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url)
    assert response.status_code == 302
    sent = [m for m in mail.outbox if "SK TTE" in m.subject]
    assert len(sent) == 1 and sent[0].to == [numbered["application"].applicant.email]
    (name, content, mimetype) = sent[0].attachments[0]
    assert name.endswith(".pdf") and mimetype == "application/pdf" and content.startswith(b"%PDF")
