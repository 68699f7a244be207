import pytest
from django.urls import reverse

from accounts.roles import Role
from permits.models import ReviewStatus
from workflow import services
from workflow.services import DocumentJudgement

from .conftest import make_permit_type, submitted_application


@pytest.fixture
def tracked(db, applicant, officers):
    applicant.full_name, applicant.nik = "dr. Rahasia Pribadi", "3603010101010001"
    applicant.save()
    application = submitted_application(permit_type=make_permit_type(), applicant=applicant)
    services.documents_review(
        application_id=application.pk,
        expected_status=application.status,
        by=officers[Role.BACK_OFFICE],
        judgements=[
            DocumentJudgement(document_id=d.pk, status=ReviewStatus.SESUAI)
            for d in application.documents.all()
        ],
    )
    services.application_approve(
        application_id=application.pk, expected_status=application.status, by=officers[Role.BACK_OFFICE]
    )
    return application


@pytest.mark.django_db
def test_tracking_shows_stages_and_due_date_but_nothing_personal(client, tracked):
    body = client.get(reverse("workflow:tracking"), {"nomor": tracked.number.lower()}).content.decode()
    assert tracked.number in body
    assert "Verifikasi Kepala Seksi" in body and "Verifikasi berkas (Back Office)" in body
    assert tracked.due_date.strftime("%d-%m-%Y") in body
    for secret in ("Rahasia Pribadi", "3603010101010001", "STR-1", ".pdf", tracked.applicant.email):
        assert secret not in body


@pytest.mark.django_db
def test_unknown_and_draft_numbers_get_the_same_neutral_answer(client, tracked, applicant):
    from permits import services as permit_services

    draft = permit_services.application_start(permit_type=tracked.permit_type, applicant=applicant)
    assert draft.number is None
    unknown = client.get(reverse("workflow:tracking"), {"nomor": "SIPDU-2611-ZZZZZZ"}).content.decode()
    assert "Nomor permohonan tidak ditemukan" in unknown


@pytest.mark.django_db
def test_tracking_is_rate_limited_per_address(client, tracked):
    url = reverse("workflow:tracking")
    statuses = [client.get(url, {"nomor": f"X-{i}"}).status_code for i in range(31)]
    assert statuses[:30] == [200] * 30 and statuses[30] == 429
    limited = client.get(url, {"nomor": tracked.number})
    assert limited.status_code == 429 and tracked.number not in limited.content.decode().split("</form>")[-1]
    other = client.get(url, {"nomor": tracked.number}, REMOTE_ADDR="10.0.0.9")
    assert other.status_code == 200
