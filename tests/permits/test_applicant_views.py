import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from permits import services
from permits.models import ApplicationStatus
from tests.files import pdf_bytes, pdf_upload, png_upload

from .conftest import VALID_DATA


@pytest.fixture
def draft(permit_type, applicant):
    return services.application_start(permit_type=permit_type, applicant=applicant)


def _upload_url(application, requirement):
    return reverse("permits:document_upload", kwargs={"pk": application.pk, "requirement_pk": requirement.pk})


def _post_upload(client, application, requirement, uploaded):
    return client.post(_upload_url(application, requirement), {f"req{requirement.pk}-file": uploaded})


@pytest.mark.django_db
def test_start_requires_login_and_creates_a_draft(client, permit_type, applicant):
    url = reverse("permits:application_start", kwargs={"slug": permit_type.slug})
    assert client.post(url).status_code == 302 and permit_type.applications.count() == 0
    client.force_login(applicant)
    response = client.post(url)
    application = permit_type.applications.get()
    assert response.url == reverse("permits:application_edit", kwargs={"pk": application.pk})
    assert application.status == ApplicationStatus.DRAFT and application.applicant == applicant


@pytest.mark.django_db
def test_draft_data_is_saved_partially_but_formats_are_checked(client, draft, applicant):
    client.force_login(applicant)
    url = reverse("permits:application_edit", kwargs={"pk": draft.pk})
    response = client.post(url, {"nomor_str": "STR-9", "nib": "", "sip_ke": ""})
    assert response.status_code == 302
    draft.refresh_from_db()
    assert draft.data == {"nomor_str": "STR-9"}
    response = client.post(url, {"nomor_str": "STR-9", "nib": "12AB", "sip_ke": "1"})
    assert response.status_code == 400
    assert "13 digit" in response.content.decode()
    draft.refresh_from_db()
    assert draft.data == {"nomor_str": "STR-9"}, "an invalid form changes nothing"


@pytest.mark.django_db
def test_bad_upload_gets_a_message_on_the_form_and_stores_nothing(client, draft, applicant):
    client.force_login(applicant)
    requirement = draft.permit_type.requirements.first()
    html = SimpleUploadedFile(
        "ktp.pdf", b"<html><script>alert(1)</script></html>", content_type="application/pdf"
    )
    response = _post_upload(client, draft, requirement, html)
    assert response.status_code == 400
    body = response.content.decode()
    assert "Isi berkas tidak sesuai dengan jenisnya" in body
    assert f'id="err-{requirement.pk}"' in body
    assert draft.documents.count() == 0


@pytest.mark.django_db
def test_upload_download_has_attachment_and_nosniff(client, draft, applicant):
    client.force_login(applicant)
    requirement = draft.permit_type.requirements.first()
    assert _post_upload(client, draft, requirement, pdf_upload("KTP saya.pdf")).status_code == 302
    document = draft.documents.get()
    response = client.get(document.get_download_url())
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment;")
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Content-Type"] == "application/pdf"
    assert b"".join(response.streaming_content) == pdf_bytes()


@pytest.mark.django_db
def test_another_applicant_gets_the_same_404_as_for_a_missing_file(
    client, draft, applicant, other_applicant, caplog
):
    client.force_login(applicant)
    _post_upload(client, draft, draft.permit_type.requirements.first(), pdf_upload())
    document = draft.documents.get()
    client.force_login(other_applicant)
    theirs = client.get(document.get_download_url())
    missing = client.get(
        reverse("permits:document_download", kwargs={"pk": draft.pk, "doc_pk": document.pk + 999})
    )
    assert theirs.status_code == missing.status_code == 404
    assert theirs.content == missing.content
    with caplog.at_level("WARNING", logger="pintu.security"):
        for name in ("application_edit", "application_detail", "receipt_pdf"):
            assert client.get(reverse(f"permits:{name}", kwargs={"pk": draft.pk})).status_code == 404
    assert f"foreign application access: user={other_applicant.pk} application={draft.pk}" in caplog.text
    assert client.post(reverse("permits:application_submit", kwargs={"pk": draft.pk})).status_code == 404
    assert (
        _post_upload(client, draft, draft.permit_type.requirements.first(), pdf_upload()).status_code == 404
    )


@pytest.mark.django_db
def test_anonymous_download_redirects_to_login(client, draft, applicant):
    client.force_login(applicant)
    _post_upload(client, draft, draft.permit_type.requirements.first(), pdf_upload())
    document = draft.documents.get()
    client.logout()
    response = client.get(document.get_download_url())
    assert response.status_code == 302 and "/akun/login/" in response.url


@pytest.mark.django_db
def test_submit_refused_with_a_clear_list_then_accepted_with_receipt(client, draft, applicant):
    client.force_login(applicant)
    submit_url = reverse("permits:application_submit", kwargs={"pk": draft.pk})
    response = client.post(submit_url)
    assert response.status_code == 400
    body = response.content.decode()
    assert "Permohonan belum dapat diajukan" in body
    assert "Dokumen belum diunggah: KTP" in body and "Nomor STR" in body

    client.post(reverse("permits:application_edit", kwargs={"pk": draft.pk}), VALID_DATA)
    requirements = list(draft.permit_type.requirements.all())
    _post_upload(client, draft, requirements[0], pdf_upload())
    _post_upload(client, draft, requirements[1], png_upload())
    response = client.post(submit_url)
    draft.refresh_from_db()
    assert draft.status == ApplicationStatus.VERIFIKASI_BERKAS
    assert response.url == draft.get_absolute_url()
    page = client.get(response.url).content.decode()
    assert draft.number in page and "Tanda terima permohonan" in page

    receipt = client.get(reverse("permits:receipt_pdf", kwargs={"pk": draft.pk}))
    assert receipt["Content-Type"] == "application/pdf" and receipt.content.startswith(b"%PDF-")

    # A submitted application can no longer be edited, uploaded to or submitted again.
    assert client.get(reverse("permits:application_edit", kwargs={"pk": draft.pk})).status_code == 302
    assert _post_upload(client, draft, requirements[0], pdf_upload("lain.pdf")).status_code == 302
    assert draft.documents.get(requirement=requirements[0]).display_name == "dokumen.pdf"


@pytest.mark.django_db
def test_application_list_query_count_is_constant(
    client, permit_type, applicant, django_assert_max_num_queries
):
    client.force_login(applicant)
    for _ in range(3):
        services.application_start(permit_type=permit_type, applicant=applicant)
    with django_assert_max_num_queries(8) as small:
        client.get(reverse("permits:application_list"))
    small_count = len(small.captured_queries)  # read now: the next request resets the query log
    for _ in range(30):
        services.application_start(permit_type=permit_type, applicant=applicant)
    with django_assert_max_num_queries(small_count):
        response = client.get(reverse("permits:application_list"))
    assert response.content.decode().count("Lanjutkan") == 33


@pytest.mark.django_db
def test_edit_page_query_count_does_not_grow_with_documents(
    client, draft, applicant, django_assert_max_num_queries
):
    client.force_login(applicant)
    url = reverse("permits:application_edit", kwargs={"pk": draft.pk})
    with django_assert_max_num_queries(20) as before:
        client.get(url)
    before_count = len(before.captured_queries)  # read now: the next request resets the query log
    requirements = list(draft.permit_type.requirements.all())
    _post_upload(client, draft, requirements[0], pdf_upload())
    _post_upload(client, draft, requirements[2], pdf_upload())
    with django_assert_max_num_queries(before_count):
        client.get(url)
