import pytest
from django.urls import reverse

from accounts.roles import Role
from permits.models import ApplicationStatus, ReviewStatus
from tests.factories import UserFactory
from workflow.models import TransitionLog

from .conftest import make_permit_type, submitted_application

S = ApplicationStatus


def detail_url(application):
    return reverse("workflow:staff_application_detail", kwargs={"pk": application.pk})


def decide_url(application):
    return reverse("workflow:staff_decision", kwargs={"pk": application.pk})


def judgements(application, status=ReviewStatus.SESUAI, note=""):
    data = {}
    for document in application.documents.filter(superseded_at__isnull=True):
        data[f"doc-{document.pk}-status"] = status
        data[f"doc-{document.pk}-note"] = note
    return data


@pytest.fixture
def application(db, applicant):
    return submitted_application(permit_type=make_permit_type(), applicant=applicant)


@pytest.mark.django_db
def test_applicants_get_404_on_officer_pages(client, application, applicant):
    client.force_login(applicant)
    assert client.get(detail_url(application)).status_code == 404
    assert client.post(decide_url(application), {"decision": "approve"}).status_code == 404
    document = application.documents.first()
    url = reverse("workflow:staff_document", kwargs={"pk": application.pk, "doc_pk": document.pk})
    assert client.get(url).status_code == 404


@pytest.mark.django_db
def test_back_office_judges_documents_and_approves_in_one_form(client, application, officers):
    client.force_login(officers[Role.BACK_OFFICE])
    page = client.get(detail_url(application)).content.decode()
    assert "Setujui — teruskan ke tahap berikutnya" in page and 'name="doc-' in page
    response = client.post(
        decide_url(application),
        {"decision": "approve", "expected_status": S.VERIFIKASI_BERKAS, **judgements(application)},
    )
    assert response.status_code == 302
    application.refresh_from_db()
    assert application.status == S.VERIFIKASI_KASI


@pytest.mark.django_db
def test_tidak_sesuai_without_note_is_a_form_error(client, application, officers):
    client.force_login(officers[Role.BACK_OFFICE])
    response = client.post(
        decide_url(application),
        {
            "decision": "return_for_correction",
            "reason": "x",
            "expected_status": S.VERIFIKASI_BERKAS,
            **judgements(application, ReviewStatus.TIDAK_SESUAI),
        },
    )
    assert response.status_code == 400
    assert "Tuliskan catatan mengapa dokumen tidak sesuai" in response.content.decode()
    application.refresh_from_db()
    assert application.status == S.VERIFIKASI_BERKAS


@pytest.mark.django_db
def test_tolak_without_reason_is_refused_with_a_message(client, application, officers):
    client.force_login(officers[Role.BACK_OFFICE])
    response = client.post(
        decide_url(application), {"decision": "reject", "reason": "", "expected_status": S.VERIFIKASI_BERKAS}
    )
    assert response.status_code == 400 and "Tuliskan alasan" in response.content.decode()


@pytest.mark.django_db
def test_officer_of_another_stage_is_refused_and_logged(client, application, officers, caplog):
    client.force_login(officers[Role.KEPALA_BIDANG])
    page = client.get(detail_url(application)).content.decode()
    assert "Setujui" not in page, "no buttons for another stage"
    with caplog.at_level("WARNING", logger="pintu.security"):
        response = client.post(
            decide_url(application), {"decision": "approve", "expected_status": S.VERIFIKASI_BERKAS}
        )
    assert response.status_code == 302
    assert "transition refused: not_permitted" in caplog.text
    application.refresh_from_db()
    assert application.status == S.VERIFIKASI_BERKAS


@pytest.mark.django_db
def test_replayed_form_says_already_processed(client, application, officers):
    client.force_login(officers[Role.BACK_OFFICE])
    form = {"decision": "approve", "expected_status": S.VERIFIKASI_BERKAS, **judgements(application)}
    client.post(decide_url(application), form)
    response = client.post(decide_url(application), form, follow=True)
    assert "sudah diproses oleh petugas lain" in response.content.decode()
    assert TransitionLog.objects.filter(application=application, transition="approve").count() == 1


@pytest.mark.django_db
def test_officer_views_documents_inline_with_sandbox(client, application, officers):
    client.force_login(officers[Role.KEPALA_SEKSI])
    document = application.documents.first()
    url = reverse("workflow:staff_document", kwargs={"pk": application.pk, "doc_pk": document.pk})
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("inline")
    assert response["X-Content-Type-Options"] == "nosniff"
    assert "sandbox" in response["Content-Security-Policy"]
    assert client.get(url + "?unduh=1")["Content-Disposition"].startswith("attachment")


@pytest.mark.django_db
def test_return_shows_the_reason_and_notes_to_the_applicant(client, application, officers, applicant):
    client.force_login(officers[Role.BACK_OFFICE])
    ktp = application.documents.order_by("requirement__order").first()
    data = {
        "decision": "return_for_correction",
        "reason": "KTP tidak terbaca.",
        "fields": ["nomor_str"],
        "expected_status": S.VERIFIKASI_BERKAS,
        f"doc-{ktp.pk}-status": ReviewStatus.TIDAK_SESUAI,
        f"doc-{ktp.pk}-note": "Foto KTP buram.",
    }
    assert client.post(decide_url(application), data).status_code == 302
    client.force_login(applicant)
    detail = client.get(reverse("permits:application_detail", kwargs={"pk": application.pk})).content.decode()
    assert "Permohonan dikembalikan untuk perbaikan." in detail and "KTP tidak terbaca." in detail
    edit = client.get(reverse("permits:application_edit", kwargs={"pk": application.pk})).content.decode()
    assert "Foto KTP buram." in edit and "Kirim perbaikan" in edit
    assert edit.count('type="file"') == 1, "only the returned document can be replaced"


@pytest.mark.django_db
def test_applicant_timeline_shows_public_reasons_but_not_internal_notes(
    client, application, officers, applicant
):
    from workflow import services
    from workflow.services import DocumentJudgement

    bo = officers[Role.BACK_OFFICE]
    services.documents_review(
        application_id=application.pk,
        expected_status=S.VERIFIKASI_BERKAS,
        by=bo,
        judgements=[
            DocumentJudgement(document_id=d.pk, status=ReviewStatus.SESUAI)
            for d in application.documents.all()
        ],
    )
    services.application_approve(
        application_id=application.pk,
        expected_status=S.VERIFIKASI_BERKAS,
        by=bo,
        note="Catatan internal petugas.",
    )
    services.application_return(
        application_id=application.pk,
        expected_status=S.VERIFIKASI_KASI,
        by=officers[Role.KEPALA_SEKSI],
        reason="Jadwal praktik bertabrakan.",
    )
    client.force_login(applicant)
    page = client.get(reverse("permits:application_detail", kwargs={"pk": application.pk})).content.decode()
    assert "Jadwal praktik bertabrakan." in page
    assert "Catatan internal petugas." not in page
    assert bo.full_name not in page, "officers' names are not shown to applicants"


@pytest.mark.django_db
def test_linked_complaint_appears_for_officers_with_confidential_identity_hidden(
    client, application, officers
):
    from complaints.services import Intake, complaint_submit

    complaint_submit(
        intake=Intake(
            kind="PENGADUAN",
            description="Petugas meminta biaya tambahan di loket.",
            application_number=application.number,
            name="Budi Pelapor",
            email="budi@example.test",
            is_confidential=True,
        )
    )
    client.force_login(officers[Role.BACK_OFFICE])
    page = client.get(detail_url(application)).content.decode()
    assert "Pengaduan terkait" in page and "Petugas meminta biaya tambahan" in page
    assert "Budi Pelapor" not in page and "Identitas dirahasiakan" in page
    # The Operator Pengaduan does not work on applications: the application's page is not theirs (issue 9)...
    client.force_login(officers[Role.OPERATOR_PENGADUAN])
    assert client.get(detail_url(application)).status_code == 404
    # ...but an officer who also holds an application role sees there who complained.
    client.force_login(UserFactory(roles=[Role.BACK_OFFICE, Role.OPERATOR_PENGADUAN]))
    assert "Budi Pelapor" in client.get(detail_url(application)).content.decode()
