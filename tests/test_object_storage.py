"""The private files in an S3-compatible bucket (moto's server, started here from PyPI's `moto[server]`),
configured only through the environment: a document, the SK through all its stages and a complaint attachment
are stored in the bucket, streamed through Pintu's permission-checked views, never written to the local
private folder, and the bucket holds nothing that no row points at (make test-services)."""

import hashlib
import json
import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test import override_settings
from django.urls import reverse

from accounts.roles import Role
from complaints import services as complaint_services
from complaints.models import ComplaintAttachment, ComplaintKind
from core.stored_files import private_files, stored_files_atomic
from permits import services as permit_services
from permits.models import ApplicationDocument, ApplicationStatus, ReviewStatus
from signing.models import NumberSeries, Signer, SkDocument
from signing.numbering import application_assign_number
from signing.services import sk_sign
from tests.factories import ApplicationFieldFactory, PermitTypeFactory, RequirementFactory, UserFactory
from tests.files import pdf_bytes, pdf_upload
from tests.signing.signing_fixtures import PASSPHRASE, signer_and_seal
from workflow import services as workflow_services
from workflow.models import TechnicalReviewDocument
from workflow.routes import role_for_stage

ROOT = Path(__file__).resolve().parents[1]
BUCKET = "pintu-uji"
S = ApplicationStatus
pytestmark = [
    pytest.mark.services,
    pytest.mark.skipif(
        os.environ.get("PINTU_REQUIRE_SERVICES") != "1",
        reason="needs PostgreSQL, Redis and an S3-compatible server (make test-services)",
    ),
]


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture(scope="module")
def s3_endpoint(tmp_path_factory):
    """moto's S3-compatible server on a free loopback port, for this module only."""
    port = _free_port()
    log = (tmp_path_factory.mktemp("moto") / "server.log").open("w")
    process = subprocess.Popen(
        [sys.executable, "-m", "moto.server", "-H", "127.0.0.1", "-p", str(port)],
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    endpoint = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                with urllib.request.urlopen(f"{endpoint}/moto-api/", timeout=2):  # noqa: S310 — loopback
                    break
            except OSError:
                if process.poll() is not None or time.monotonic() > deadline:
                    raise RuntimeError("the S3 server did not start") from None
                time.sleep(0.3)
        yield endpoint
    finally:
        process.terminate()
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
        log.close()


def _environment(endpoint: str) -> dict[str, str]:
    return {
        "PINTU_STORAGE_BACKEND": "s3",
        "PINTU_S3_BUCKET": BUCKET,
        "PINTU_S3_ENDPOINT_URL": endpoint,
        "PINTU_S3_REGION": "us-east-1",
        "PINTU_S3_ACCESS_KEY_ID": "pintu-uji",
        "PINTU_S3_SECRET_ACCESS_KEY": "rahasia-uji",
    }


def _private_storage_from_environment(environment: dict[str, str]) -> dict:
    """STORAGES["private"] exactly as config/settings/base.py builds it from these variables alone."""
    env = {"PATH": os.environ.get("PATH", ""), "DJANGO_SECRET_KEY": "x", "DATABASE_URL": "sqlite://:memory:"}
    code = "import json; from config.settings import base; print(json.dumps(base.STORAGES['private']))"
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, env={**env, **environment}, capture_output=True, text=True
    )
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


@pytest.fixture
def bucket(s3_endpoint):
    """A fresh bucket, and STORAGES["private"] pointing at it; tasks run in-process (the embedded default's
    path through the outbox) so that the SK's background steps happen inside the test."""
    import boto3

    environment = _environment(s3_endpoint)
    client = boto3.client(
        "s3",
        endpoint_url=s3_endpoint,
        region_name=environment["PINTU_S3_REGION"],
        aws_access_key_id=environment["PINTU_S3_ACCESS_KEY_ID"],
        aws_secret_access_key=environment["PINTU_S3_SECRET_ACCESS_KEY"],
    )
    client.create_bucket(Bucket=BUCKET)
    private = _private_storage_from_environment(environment)
    assert private["BACKEND"] == "storages.backends.s3.S3Storage"
    with override_settings(
        STORAGES={**settings.STORAGES, "private": private},
        PINTU_STORAGE_BACKEND="s3",
        CELERY_TASK_ALWAYS_EAGER=True,
        **{name: value for name, value in environment.items() if name.startswith("PINTU_S3_")},
    ):
        yield client
    for key in _keys(client):
        client.delete_object(Bucket=BUCKET, Key=key)
    client.delete_bucket(Bucket=BUCKET)


def _keys(client) -> set[str]:
    keys = set()
    for page in client.get_paginator("list_objects_v2").paginate(Bucket=BUCKET):
        keys |= {item["Key"] for item in page.get("Contents", [])}
    return keys


def _object(client, key: str) -> bytes:
    return client.get_object(Bucket=BUCKET, Key=key)["Body"].read()


def _local_private_files() -> set[Path]:
    root = Path(settings.PRIVATE_MEDIA_ROOT)
    return {p for p in root.rglob("*") if p.is_file()} if root.exists() else set()


def _streamed(response) -> bytes:
    assert response.status_code == 200
    try:
        return b"".join(response.streaming_content)
    finally:
        response.close()


def _referenced_names() -> set[str]:
    """Every stored name a row points at."""
    names = set(ApplicationDocument.objects.values_list("file", flat=True))
    names |= set(TechnicalReviewDocument.objects.values_list("file", flat=True))
    names |= set(ComplaintAttachment.objects.values_list("file", flat=True))
    names |= set(Signer.objects.values_list("pkcs12", flat=True))
    for field in ("draft_pdf", "signed_pdf", "final_pdf"):
        names |= set(SkDocument.objects.values_list(field, flat=True))
    return names - {""}


@pytest.mark.django_db(transaction=True)
def test_documents_sk_and_attachments_live_only_in_the_bucket(bucket, client, tmp_path, settings):
    assert connection.vendor == "postgresql"
    assert private_files.__class__.__name__ == "S3Storage"
    local_before = _local_private_files()
    _root, kadis, _signer = signer_and_seal(
        tmp_path=tmp_path, settings=settings, organization="DPMPTSP Uji S3"
    )
    officers = {
        role: UserFactory(roles=[role]) for role in Role if role not in (Role.PEMOHON, Role.KEPALA_DINAS)
    }

    # The applicant uploads a document through the upload page.
    applicant = UserFactory(full_name="Budi Santoso")
    permit_type = PermitTypeFactory()
    ApplicationFieldFactory(permit_type=permit_type, name="nomor_str", label="Nomor STR")
    requirement = RequirementFactory(permit_type=permit_type, label="KTP")
    series = NumberSeries.objects.create(
        name="Uji S3", kka="500.16.7.2", permit_code=permit_type.code, unit_code="DPMPTSP"
    )
    series.permit_types.add(permit_type)
    application = permit_services.application_start(permit_type=permit_type, applicant=applicant)
    permit_services.application_data_save(
        application=application, by=applicant, cleaned_data={"nomor_str": "STR-S3-1"}
    )
    uploaded = pdf_bytes(2)
    client.force_login(applicant)
    upload_url = reverse(
        "permits:document_upload", kwargs={"pk": application.pk, "requirement_pk": requirement.pk}
    )
    upload = SimpleUploadedFile("ktp-budi.pdf", uploaded, content_type="application/pdf")
    response = client.post(upload_url, {f"req{requirement.pk}-file": upload})
    assert response.status_code in (200, 302)
    document = ApplicationDocument.objects.get(application=application)
    assert _object(bucket, document.file.name) == uploaded
    application = permit_services.application_submit(application=application, by=applicant)

    # The officer opens it through the officer's view: the same bytes, streamed from the bucket.
    back_office = officers[Role.BACK_OFFICE]
    client.force_login(back_office)
    staff_url = reverse("workflow:staff_document", kwargs={"pk": application.pk, "doc_pk": document.pk})
    assert _streamed(client.get(staff_url)) == uploaded

    # Through the stages to the Kepala Dinas: the draft SK is rendered (in-process task) into the bucket.
    workflow_services.documents_review(
        application_id=application.pk,
        expected_status=application.status,
        by=back_office,
        judgements=[workflow_services.DocumentJudgement(document_id=document.pk, status=ReviewStatus.SESUAI)],
    )
    while application.status != S.MENUNGGU_TTE:
        application = workflow_services.application_approve(
            application_id=application.pk,
            expected_status=application.status,
            by=officers[role_for_stage(application.status)],
            note="Lengkap.",
        )
    sk = SkDocument.objects.get(application=application)
    assert sk.draft_pdf and _object(bucket, sk.draft_pdf.name).startswith(b"%PDF")

    # Signed by the Kepala Dinas (the PKCS#12 and the draft are read from the bucket).
    sk_sign(
        application_id=application.pk,
        expected_status=S.MENUNGGU_TTE,
        by=kadis,
        passphrase=PASSPHRASE,
        shown_sha256=sk.draft_sha256,
    )
    # Numbered by the Sekretariat; the final SK is sealed and issued by the in-process task.
    application = application_assign_number(
        application_id=application.pk, expected_status=S.PENOMORAN, by=officers[Role.SEKRETARIAT]
    )
    application.refresh_from_db()
    sk.refresh_from_db()
    assert application.status == S.TERBIT, sk.failure
    assert sk.signed_pdf and sk.final_pdf

    # The applicant downloads the final SK: streamed from the bucket, identical to the stored object.
    client.force_login(applicant)
    final = _streamed(client.get(reverse("signing:sk_download", kwargs={"pk": application.pk})))
    assert final.startswith(b"%PDF")
    assert final == _object(bucket, sk.final_pdf.name)
    assert hashlib.sha256(final).hexdigest() == sk.final_sha256

    # A complaint with an attachment, read by the operator through the staff view.
    attachment_bytes = pdf_bytes(3)
    complaint = complaint_services.complaint_submit(
        intake=complaint_services.Intake(
            kind=ComplaintKind.PENGADUAN,
            description="Petugas meminta biaya tambahan yang tidak tercantum dalam standar pelayanan.",
            permit_type=permit_type,
            name="Siti Rahmawati",
            email="siti@contoh.test",
            phone="081234567890",
        ),
        attachments=[SimpleUploadedFile("kuitansi.pdf", attachment_bytes, content_type="application/pdf")],
    )
    attachment = complaint.attachments.get()
    assert _object(bucket, attachment.file.name) == attachment_bytes
    client.force_login(officers[Role.OPERATOR_PENGADUAN])
    attachment_url = reverse(
        "complaints:staff_attachment", kwargs={"pk": complaint.pk, "attachment_pk": attachment.pk}
    )
    assert _streamed(client.get(attachment_url)) == attachment_bytes

    # The bucket holds exactly what the rows point at; nothing reached the local private folder.
    names = _referenced_names()
    assert {document.file.name, sk.draft_pdf.name, sk.signed_pdf.name, sk.final_pdf.name} <= names
    assert _keys(bucket) == names
    # (Earlier tests of the same run may have left local files of the same deterministic names, such as a
    # signer's PKCS#12: what counts is that this test wrote none.)
    assert _local_private_files() == local_before


@pytest.mark.django_db(transaction=True)
def test_a_rolled_back_upload_leaves_nothing_in_the_bucket(bucket):
    applicant = UserFactory()
    permit_type = PermitTypeFactory()
    requirement = RequirementFactory(permit_type=permit_type)
    application = permit_services.application_start(permit_type=permit_type, applicant=applicant)

    class Rollback(Exception):
        pass

    with pytest.raises(Rollback), stored_files_atomic():
        document = permit_services.document_upload(
            application=application, requirement=requirement, uploaded_file=pdf_upload(), by=applicant
        )
        assert _keys(bucket) == {document.file.name}
        raise Rollback
    assert _keys(bucket) == set()
