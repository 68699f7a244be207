"""Stored files and their rows never disagree: a rollback deletes what was stored in it, a replaced file goes
only after the commit that replaces it, the private storage follows STORAGES, and its configuration is
checked."""

import json
import os
import subprocess
import sys
from datetime import timedelta
from pathlib import Path

import pytest
from django.conf import settings
from django.core.files.base import ContentFile
from django.db import IntegrityError, transaction
from django.test import override_settings
from django.utils import timezone

from core.stored_files import (
    private_files,
    stored_file_discard_on_commit,
    stored_file_read,
    stored_file_save,
    stored_files_atomic,
)
from permits import services
from permits.checks import private_storage_check, private_storage_transport_check
from permits.models import Application, ApplicationDocument, ApplicationStatus
from signing.models import SkDocument
from tests.factories import PermitTypeFactory, RequirementFactory, UserFactory
from tests.files import pdf_bytes, pdf_upload

ROOT = Path(__file__).resolve().parents[2]
NEXT_DAY = timezone.now() + timedelta(days=1)


class Boom(Exception):
    pass


def stored_names(storage=private_files, folder: str = "") -> set[str]:
    """Every file in the storage, through the Storage API only (a folder or a bucket alike)."""
    if not storage.exists(folder):
        return set()
    directories, files = storage.listdir(folder)
    names = {f"{folder}{name}" for name in files}
    for directory in directories:
        names |= stored_names(storage, f"{folder}{directory}/")
    return names


@pytest.fixture
def draft(db):
    applicant = UserFactory()
    permit_type = PermitTypeFactory()
    requirement = RequirementFactory(permit_type=permit_type)
    application = services.application_start(permit_type=permit_type, applicant=applicant)
    return {"applicant": applicant, "requirement": requirement, "application": application}


def upload(draft, content: bytes | None = None) -> ApplicationDocument:
    file = pdf_upload() if content is None else ContentFile(content, name="dokumen.pdf")
    return services.document_upload(
        application=draft["application"],
        requirement=draft["requirement"],
        uploaded_file=file,
        by=draft["applicant"],
    )


# --- rollback ----------------------------------------------------------------------------------------------


@pytest.mark.django_db
def test_a_rollback_after_an_upload_leaves_no_file(draft):
    before = stored_names()
    with pytest.raises(Boom), stored_files_atomic():
        document = upload(draft)
        assert private_files.exists(document.file.name)
        raise Boom
    assert stored_names() == before
    assert not ApplicationDocument.objects.filter(application=draft["application"]).exists()


@pytest.mark.django_db
def test_an_upload_whose_row_cannot_be_written_leaves_no_file(draft, monkeypatch):
    before = stored_names()

    def refuse(self, *args, **kwargs):
        raise IntegrityError("simulated")

    monkeypatch.setattr(ApplicationDocument, "save", refuse)
    with pytest.raises(IntegrityError):
        upload(draft)
    assert stored_names() == before


@pytest.mark.django_db
def test_a_rollback_that_an_inner_block_asked_for_deletes_the_files_too(draft):
    before = stored_names()
    with stored_files_atomic():
        upload(draft)
        try:
            with transaction.atomic(savepoint=False):
                raise Boom
        except Boom:
            pass  # the whole block is now marked for rollback, without an exception reaching it
    assert stored_names() == before


@pytest.mark.django_db
def test_files_of_a_block_that_committed_inside_a_rolled_back_one_are_deleted(draft):
    before = stored_names()
    with pytest.raises(Boom), stored_files_atomic():
        with stored_files_atomic():
            upload(draft)
        assert len(stored_names() - before) == 1
        raise Boom
    assert stored_names() == before


@pytest.mark.django_db
def test_storing_outside_a_stored_files_block_is_refused(draft):
    document = ApplicationDocument(application=draft["application"])
    with pytest.raises(RuntimeError):
        stored_file_save(document.file, "x.pdf", ContentFile(b"%PDF-"))


# --- replacing ---------------------------------------------------------------------------------------------


@pytest.mark.django_db(transaction=True)
def test_replacing_a_draft_document_keeps_the_old_file_until_the_replacement_commits(draft):
    first = upload(draft, pdf_bytes(1))
    before = stored_names()
    with pytest.raises(Boom), stored_files_atomic():
        upload(draft, pdf_bytes(2))
        raise Boom
    # The committed row still points at the first file, which is still there; the second one is gone.
    assert stored_names() == before
    assert stored_file_read(ApplicationDocument.objects.get().file) == pdf_bytes(1)
    second = upload(draft, pdf_bytes(2))
    assert stored_names() == (before - {first.file.name}) | {second.file.name}
    assert stored_file_read(second.file) == pdf_bytes(2)


@pytest.fixture
def awaiting_signature(db, monkeypatch):
    """An application waiting for the Kepala Dinas, with a committed draft SK; rendering is stubbed. A draft
    is rendered again when it is from an earlier day: the tests render again on NEXT_DAY."""
    from signing import sk_render

    rendered = iter(range(1, 100))
    monkeypatch.setattr(sk_render, "sk_draft_render", lambda **kwargs: pdf_bytes(next(rendered)))
    application = Application.objects.create(
        permit_type=PermitTypeFactory(),
        applicant=UserFactory(),
        status=ApplicationStatus.MENUNGGU_TTE,
        number="UJI-2611-STORE1",
    )
    from signing.services import sk_draft_prepare

    sk = sk_draft_prepare(application_id=application.pk)
    return application, sk


@pytest.mark.django_db(transaction=True)
def test_a_rolled_back_draft_sk_rendering_leaves_no_file_and_keeps_the_committed_draft(
    awaiting_signature, monkeypatch
):
    from signing.services import sk_draft_prepare

    application, sk = awaiting_signature
    committed = sk.draft_pdf.name
    before = stored_names()

    def refuse(self, *args, **kwargs):
        raise IntegrityError("simulated")

    with monkeypatch.context() as patch:
        patch.setattr(SkDocument, "save", refuse)
        with pytest.raises(IntegrityError):
            sk_draft_prepare(application_id=application.pk, now=NEXT_DAY)
    assert stored_names() == before
    assert SkDocument.objects.get(pk=sk.pk).draft_pdf.name == committed
    assert private_files.exists(committed)


@pytest.mark.django_db(transaction=True)
def test_a_re_rendered_draft_sk_replaces_the_old_file_after_commit(awaiting_signature):
    from signing.services import sk_draft_prepare

    application, sk = awaiting_signature
    old = sk.draft_pdf.name
    before = stored_names()
    renewed = sk_draft_prepare(application_id=application.pk, now=NEXT_DAY)
    assert renewed.draft_pdf.name != old
    assert stored_names() == (before - {old}) | {renewed.draft_pdf.name}
    assert stored_file_read(SkDocument.objects.get(pk=sk.pk).draft_pdf) == pdf_bytes(2)


# --- the storage follows the settings ---------------------------------------------------------------------


def test_the_file_fields_resolve_the_private_storage_at_use(tmp_path):
    field = ApplicationDocument._meta.get_field("file")
    private = {
        "BACKEND": "django.core.files.storage.FileSystemStorage",
        "OPTIONS": {"location": str(tmp_path)},
    }
    with override_settings(STORAGES={**settings.STORAGES, "private": private}):
        assert Path(field.storage.location) == tmp_path
    assert Path(field.storage.location) != tmp_path


def _settings_from_environment(**environment) -> dict:
    """STORAGES["private"] as config/settings/base.py builds it from these environment variables alone."""
    env = {
        "PATH": os.environ.get("PATH", ""),
        "DJANGO_SECRET_KEY": "x",
        "DATABASE_URL": "sqlite:///:memory:",
        **environment,
    }
    code = "import json; from config.settings import base; print(json.dumps(base.STORAGES['private']))"
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True, check=True
    )
    return json.loads(result.stdout)


def test_local_is_the_default_backend():
    private = _settings_from_environment()
    assert private["BACKEND"] == "django.core.files.storage.FileSystemStorage"


def test_s3_is_configured_from_the_environment_with_private_objects():
    private = _settings_from_environment(
        PINTU_STORAGE_BACKEND="s3",
        PINTU_S3_BUCKET="pintu-dokumen",
        PINTU_S3_ENDPOINT_URL="https://s3.example.go.id",
        PINTU_S3_REGION="id-jkt-1",
        PINTU_S3_ACCESS_KEY_ID="kunci",
        PINTU_S3_SECRET_ACCESS_KEY="rahasia",
    )
    assert private["BACKEND"] == "storages.backends.s3.S3Storage"
    options = private["OPTIONS"]
    assert options["bucket_name"] == "pintu-dokumen"
    assert options["endpoint_url"] == "https://s3.example.go.id"
    assert options["region_name"] == "id-jkt-1"
    assert (options["access_key"], options["secret_key"]) == ("kunci", "rahasia")
    assert options["default_acl"] is None and options["querystring_auth"] is True
    assert options["file_overwrite"] is False and not options.get("custom_domain")


# --- system checks -----------------------------------------------------------------------------------------


def _ids(messages) -> list[str]:
    return [m.id for m in messages]


def test_local_storage_passes_the_checks(settings):
    settings.PINTU_STORAGE_BACKEND = "local"
    assert private_storage_check(None) == []
    assert private_storage_transport_check(None) == []


def test_an_unknown_backend_is_named(settings):
    settings.PINTU_STORAGE_BACKEND = "nfs"
    messages = private_storage_check(None)
    assert _ids(messages) == ["pintu.E030"] and "'nfs'" in messages[0].msg


def test_each_missing_s3_setting_is_named(settings):
    settings.PINTU_STORAGE_BACKEND = "s3"
    settings.PINTU_S3_BUCKET = "pintu-dokumen"
    settings.PINTU_S3_ENDPOINT_URL = ""
    settings.PINTU_S3_ACCESS_KEY_ID = ""
    settings.PINTU_S3_SECRET_ACCESS_KEY = ""
    messages = private_storage_check(None)
    assert _ids(messages) == ["pintu.E031"] * 3
    named = " ".join(m.msg for m in messages)
    for name in ("PINTU_S3_ENDPOINT_URL", "PINTU_S3_ACCESS_KEY_ID", "PINTU_S3_SECRET_ACCESS_KEY"):
        assert name in named
    assert "PINTU_S3_BUCKET" not in named


def test_a_complete_s3_configuration_passes_and_plain_http_is_a_deploy_warning(settings):
    settings.PINTU_STORAGE_BACKEND = "s3"
    settings.PINTU_S3_BUCKET = "pintu-dokumen"
    settings.PINTU_S3_ACCESS_KEY_ID = "kunci"
    settings.PINTU_S3_SECRET_ACCESS_KEY = "rahasia"
    settings.PINTU_S3_ENDPOINT_URL = "https://s3.example.go.id"
    assert private_storage_check(None) == []
    assert private_storage_transport_check(None) == []
    settings.PINTU_S3_ENDPOINT_URL = "http://10.0.0.5:9000"
    assert _ids(private_storage_transport_check(None)) == ["pintu.W033"]
    settings.PINTU_S3_ENDPOINT_URL = "http://127.0.0.1:9000"
    assert private_storage_transport_check(None) == []


@pytest.mark.django_db(transaction=True)
def test_discarding_outside_a_transaction_is_refused(draft):
    document = upload(draft)
    with pytest.raises(RuntimeError):
        stored_file_discard_on_commit(document.file)
    assert private_files.exists(document.file.name)
