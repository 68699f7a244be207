"""Officers work real applications through the chain as the demo accounts of each role, with one document
returned to the applicant, fixed and resubmitted; public tracking is checked along the way."""

import re

import pytest
from playwright.sync_api import expect

from accounts.demo import demo_accounts_create
from permits import services as permit_services
from permits.catalog_loader import office_load, permit_type_load
from permits.catalog_seed import OFFICE, PERMIT_TYPES
from permits.models import Application, ApplicationStatus
from tests.files import image_bytes, pdf_bytes, pdf_upload, png_upload
from workflow.demo import _sample_value

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
S = ApplicationStatus


def submit(slug: str, applicant) -> Application:
    permit_type = permit_type_load(
        data=next(p for p in PERMIT_TYPES if p["slug"] == slug),
        office=office_load(data=OFFICE),
        render_forms=False,
    )
    application = permit_services.application_start(permit_type=permit_type, applicant=applicant)
    permit_services.application_data_save(
        application=application,
        by=applicant,
        cleaned_data={spec.name: _sample_value(spec) for spec in permit_type.fields.all()},
    )
    for requirement in permit_type.requirements.all():
        upload = pdf_upload() if "pdf" in requirement.kinds else png_upload()
        permit_services.document_upload(
            application=application, requirement=requirement, uploaded_file=upload, by=applicant
        )
    return permit_services.application_submit(application=application, by=applicant)


def open_from_queue(page, application):
    page.goto(page.url.split("/petugas")[0].split("/permohonan")[0].split("/akun")[0] + "/petugas/")
    page.get_by_role("link", name=application.number).click()
    page.wait_for_url(re.compile(rf"/petugas/permohonan/{application.pk}/"))


def decide(page, decision: str, reason: str = ""):
    page.locator(f"input[name=decision][value={decision}]").check()
    if reason:
        page.get_by_label("Alasan / catatan").fill(reason)
    page.get_by_role("button", name="Proses").click()
    page.wait_for_load_state()


def judge_documents(page, application, *, wrong: int | None = None, note: str = ""):
    for document in application.documents.filter(superseded_at__isnull=True):
        value = "TIDAK_SESUAI" if document.pk == wrong else "SESUAI"
        page.locator(f"input[name=doc-{document.pk}-status][value={value}]").check()
        if document.pk == wrong:
            page.locator(f"#doc-{document.pk}-note").fill(note)


def tracking_status(browser, live_server, number: str) -> str:
    context = browser.new_context()
    page = context.new_page()
    page.goto(f"{live_server.url}/lacak/?nomor={number}")
    text = page.locator("main").inner_text()
    context.close()
    return text


def test_sip_through_the_chain_with_a_correction(browser, live_server, as_user, shoot, tmp_path):
    users = {user.username: user for user in demo_accounts_create()}
    application = submit("sip-dokter-umum", users["pemohon"])
    first = application.documents.order_by("requirement__order").first()

    bo = as_user("backoffice")
    assert "Menu verifikasi" in bo.locator("h1").inner_text()
    expect(bo.get_by_role("link", name=application.number)).to_be_visible()
    shoot(bo, "bo-antrean")
    open_from_queue(bo, application)
    judge_documents(bo, application, wrong=first.pk, note="Surat domisili buram, unggah ulang.")
    decide(bo, "return_for_correction", "Surat keterangan domisili tidak terbaca.")
    shoot(bo, "bo-dikembalikan")
    application.refresh_from_db()
    assert application.status == S.PERBAIKAN
    assert "Perbaikan oleh pemohon" in tracking_status(browser, live_server, application.number)

    applicant = as_user("pemohon")
    applicant.goto(f"{live_server.url}/permohonan/{application.pk}/")
    expect(applicant.get_by_text("Permohonan dikembalikan untuk perbaikan.")).to_be_visible()
    shoot(applicant, "pemohon-melihat-pengembalian")
    applicant.get_by_role("link", name="Perbaiki permohonan").click()
    expect(applicant.get_by_text("Surat domisili buram, unggah ulang.")).to_be_visible()
    assert applicant.locator("input[type=file]").count() == 1, "only the returned document can be replaced"
    replacement = tmp_path / "domisili-jelas.pdf"
    replacement.write_bytes(pdf_bytes())
    applicant.locator("input[type=file]").set_input_files(str(replacement))
    applicant.get_by_role("button", name="Ganti", exact=True).click()
    shoot(applicant, "pemohon-mengganti-dokumen")
    applicant.get_by_role("button", name="Kirim perbaikan").click()
    expect(applicant.get_by_text("Perbaikan terkirim")).to_be_visible()
    application.refresh_from_db()
    assert application.status == S.VERIFIKASI_BERKAS

    open_from_queue(bo, application)
    expect(bo.get_by_text("diganti sejak dikembalikan")).to_be_visible()
    shoot(bo, "bo-melihat-perubahan")
    judge_documents(bo, application)
    decide(bo, "approve")
    application.refresh_from_db()
    assert application.status == S.VERIFIKASI_KASI

    for username, following in (
        ("kasi", S.VERIFIKASI_KABID),
        ("kabid", S.VERIFIKASI_SEKRETARIS),
        ("sekretaris", S.MENUNGGU_TTE),
    ):
        officer = as_user(username)
        open_from_queue(officer, application)
        shoot(officer, f"{username}-detail")
        decide(officer, "approve")
        application.refresh_from_db()
        assert application.status == following
        assert str(following.label) in tracking_status(browser, live_server, application.number)

    kadis = as_user("kadis")
    expect(kadis.get_by_role("link", name=application.number)).to_be_visible()
    shoot(kadis, "kadis-antrean")
    track = tracking_status(browser, live_server, application.number)
    for label in (
        "Verifikasi berkas (Back Office)",
        "Perbaikan oleh pemohon",
        "Verifikasi Kepala Seksi",
        "Verifikasi Kepala Bidang",
        "Verifikasi Sekretaris",
    ):
        assert label in track


def test_sipop_through_front_office_and_tim_teknis(browser, live_server, as_user, shoot, tmp_path):
    users = {user.username: user for user in demo_accounts_create()}
    application = submit("sipop", users["pemohon"])
    assert application.status == S.VERIFIKASI_FRONT_OFFICE

    fo = as_user("frontoffice")
    open_from_queue(fo, application)
    judge_documents(fo, application)
    decide(fo, "approve")
    application.refresh_from_db()
    assert application.status == S.TINJAUAN_TEKNIS

    tim = as_user("timteknis")
    open_from_queue(tim, application)
    decide(tim, "approve")
    expect(tim.get_by_text("Unggah dulu dokumen Tim Teknis")).to_be_visible()
    shoot(tim, "tim-teknis-belum-unggah")
    berita_acara = tmp_path / "berita-acara.pdf"
    berita_acara.write_bytes(pdf_bytes())
    photo = tmp_path / "rekomendasi.png"
    photo.write_bytes(image_bytes("PNG", (300, 400)))
    for kind, path in (("BERITA_ACARA", berita_acara), ("REKOMENDASI", photo)):
        tim.get_by_label("Jenis dokumen").select_option(kind)
        tim.locator("input[name=file]").set_input_files(str(path))
        tim.get_by_role("button", name="Unggah").click()
        expect(tim.get_by_text("Dokumen Tim Teknis tersimpan.")).to_be_visible()
    shoot(tim, "tim-teknis-dokumen")
    decide(tim, "approve")
    application.refresh_from_db()
    assert application.status == S.VERIFIKASI_BERKAS
    assert "Verifikasi berkas (Back Office)" in tracking_status(browser, live_server, application.number)
