from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest

from permits import services
from permits.models import Application, ApplicationStatus
from permits.upload_rejections import UploadRejected
from tests.files import pdf_upload, png_upload
from workflow.models import TransitionLog
from workflow.runner import AlreadyProcessed

from .conftest import VALID_DATA

JAKARTA = ZoneInfo("Asia/Jakarta")


def _complete(application, applicant):
    services.application_data_save(application=application, by=applicant, cleaned_data=VALID_DATA)
    reqs = list(application.permit_type.requirements.all())
    services.document_upload(
        application=application, requirement=reqs[0], uploaded_file=pdf_upload(), by=applicant
    )
    services.document_upload(
        application=application, requirement=reqs[1], uploaded_file=png_upload(), by=applicant
    )


@pytest.mark.django_db
def test_submission_lists_every_missing_field_and_required_document(permit_type, applicant):
    application = services.application_start(permit_type=permit_type, applicant=applicant)
    with pytest.raises(services.SubmissionIncomplete) as exc:
        services.application_submit(application=application, by=applicant)
    items = exc.value.items
    assert any("Nomor STR" in item for item in items)
    assert any("NIB" in item for item in items)
    assert any("KTP" in item for item in items)
    assert any("Pas foto" in item for item in items)
    assert not any("SIP lama" in item for item in items), "optional documents are not demanded"
    application.refresh_from_db()
    assert application.status == ApplicationStatus.DRAFT and application.number is None


@pytest.mark.django_db
def test_invalid_stored_value_blocks_submission(permit_type, applicant):
    application = services.application_start(permit_type=permit_type, applicant=applicant)
    _complete(application, applicant)
    application.data["nib"] = "12345"
    application.save()
    with pytest.raises(services.SubmissionIncomplete) as exc:
        services.application_submit(application=application, by=applicant)
    assert exc.value.items == ["NIB: Harus terdiri dari tepat 13 digit angka."] or any(
        "13" in item for item in exc.value.items
    )


@pytest.mark.django_db
def test_submit_numbers_dates_and_logs_through_the_runner(permit_type, applicant):
    application = services.application_start(permit_type=permit_type, applicant=applicant)
    _complete(application, applicant)
    # Friday 13 March 2026, before Nyepi and the Idul Fitri cuti bersama.
    now = datetime(2026, 3, 13, 10, 0, tzinfo=JAKARTA)
    submitted = services.application_submit(application=application, by=applicant, now=now)
    assert submitted.status == ApplicationStatus.VERIFIKASI_BERKAS
    assert submitted.number.startswith("SIPUJ-2603-")
    assert len(submitted.number.split("-")[-1]) == 6
    assert set(submitted.number.split("-")[-1]) <= set("23456789ABCDEFGHJKMNPQRSTUVWXYZ")
    # 14 working days counted after 13 March: 16,17 (2), then 18–24 closed, 25–27 (5), 30,31,1,2 (9),
    # 3 April Good Friday closed, 6–10 (14).
    assert submitted.due_date == date(2026, 4, 10)
    log = TransitionLog.objects.get(application=submitted)
    assert (log.from_status, log.to_status, log.actor, log.actor_role) == (
        "DRAFT",
        "VERIFIKASI_BERKAS",
        applicant,
        "Pemohon",
    )


@pytest.mark.django_db
def test_front_office_permit_types_start_at_front_office(permit_type, applicant):
    permit_type.uses_front_office = True
    permit_type.save()
    application = services.application_start(permit_type=permit_type, applicant=applicant)
    _complete(application, applicant)
    assert services.application_submit(application=application, by=applicant).status == (
        ApplicationStatus.VERIFIKASI_FRONT_OFFICE
    )


@pytest.mark.django_db
def test_second_submit_of_a_stale_copy_is_refused_without_a_second_log(permit_type, applicant):
    application = services.application_start(permit_type=permit_type, applicant=applicant)
    _complete(application, applicant)
    stale = Application.objects.get(pk=application.pk)
    services.application_submit(application=application, by=applicant)
    with pytest.raises((AlreadyProcessed, services.ApplicationNotEditable)):
        services.application_submit(application=stale, by=applicant)
    assert TransitionLog.objects.filter(application=application).count() == 1


@pytest.mark.django_db
def test_status_cannot_be_assigned_directly(permit_type, applicant):
    application = services.application_start(permit_type=permit_type, applicant=applicant)
    with pytest.raises(AttributeError):
        application.status = ApplicationStatus.TERBIT


@pytest.mark.django_db
def test_another_applicant_cannot_edit_upload_or_submit(permit_type, applicant, other_applicant):
    application = services.application_start(permit_type=permit_type, applicant=applicant)
    requirement = permit_type.requirements.first()
    with pytest.raises(services.ApplicationNotEditable):
        services.document_upload(
            application=application, requirement=requirement, uploaded_file=pdf_upload(), by=other_applicant
        )
    with pytest.raises(services.ApplicationNotEditable):
        services.application_data_save(application=application, by=other_applicant, cleaned_data=VALID_DATA)
    with pytest.raises(services.ApplicationNotEditable):
        services.application_submit(application=application, by=other_applicant)


@pytest.mark.django_db
def test_replacing_a_draft_document_removes_the_old_file(
    permit_type, applicant, django_capture_on_commit_callbacks
):
    application = services.application_start(permit_type=permit_type, applicant=applicant)
    requirement = permit_type.requirements.first()
    first = services.document_upload(
        application=application, requirement=requirement, uploaded_file=pdf_upload("a.pdf"), by=applicant
    )
    storage, old_name = first.file.storage, first.file.name
    assert storage.exists(old_name)
    with django_capture_on_commit_callbacks(execute=True):
        second = services.document_upload(
            application=application, requirement=requirement, uploaded_file=pdf_upload("b.pdf"), by=applicant
        )
    assert application.documents.count() == 1 and second.display_name == "b.pdf"
    assert not storage.exists(old_name)


@pytest.mark.django_db
def test_stored_name_is_random_and_outside_public_media(permit_type, applicant, settings):
    application = services.application_start(permit_type=permit_type, applicant=applicant)
    document = services.document_upload(
        application=application,
        requirement=permit_type.requirements.first(),
        uploaded_file=pdf_upload("../../etc/passwd.pdf"),
        by=applicant,
    )
    assert "passwd" not in document.file.name and ".." not in document.file.name
    assert document.display_name == "passwd.pdf"
    path = document.file.path
    assert path.startswith(str(settings.PRIVATE_MEDIA_ROOT))
    assert not path.startswith(str(settings.MEDIA_ROOT))
    assert not any(path.startswith(str(d)) for d in [*settings.STATICFILES_DIRS, settings.STATIC_ROOT])


@pytest.mark.django_db
def test_total_size_per_application_is_enforced(permit_type, applicant, settings):
    settings.PINTU_MAX_APPLICATION_UPLOAD_MB = 0
    application = services.application_start(permit_type=permit_type, applicant=applicant)
    with pytest.raises(UploadRejected) as exc:
        services.document_upload(
            application=application,
            requirement=permit_type.requirements.first(),
            uploaded_file=pdf_upload(),
            by=applicant,
        )
    assert exc.value.code == "application_total"
    assert application.documents.count() == 0


@pytest.mark.django_db
def test_photo_requirement_refuses_pdf(permit_type, applicant):
    application = services.application_start(permit_type=permit_type, applicant=applicant)
    photo = permit_type.requirements.get(label="Pas foto")
    with pytest.raises(UploadRejected) as exc:
        services.document_upload(
            application=application, requirement=photo, uploaded_file=pdf_upload(), by=applicant
        )
    assert exc.value.code == "extension"
