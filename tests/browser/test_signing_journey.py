"""The SIP journey's end: the Kepala Dinas signs with a passphrase (a wrong one first), the Sekretariat
numbers, the applicant downloads the SK TTE, and its QR code opens a page saying it is genuine."""

import re
import subprocess

import pytest
from playwright.sync_api import expect

from accounts.demo import demo_accounts_create
from accounts.roles import Role
from permits.models import Application, ApplicationStatus, ReviewStatus
from signing.demo_pki import DEMO_SIGNING_PASSPHRASE, demo_pki_create
from signing.seed import number_series_seed
from workflow import services
from workflow.services import DocumentJudgement

from .test_verification_journey import submit

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
S = ApplicationStatus


def to_kepala_dinas(application: Application, users: dict) -> Application:
    by_role = {
        role: next(u for u in users.values() if u.has_role(role)) for role in Role if role != Role.PEMOHON
    }
    services.documents_review(
        application_id=application.pk,
        expected_status=S.VERIFIKASI_BERKAS,
        by=by_role[Role.BACK_OFFICE],
        judgements=[
            DocumentJudgement(document_id=d.pk, status=ReviewStatus.SESUAI)
            for d in application.documents.all()
        ],
    )
    for status, role in (
        (S.VERIFIKASI_BERKAS, Role.BACK_OFFICE),
        (S.VERIFIKASI_KASI, Role.KEPALA_SEKSI),
        (S.VERIFIKASI_KABID, Role.KEPALA_BIDANG),
        (S.VERIFIKASI_SEKRETARIS, Role.SEKRETARIS),
    ):
        application = services.application_approve(
            application_id=application.pk, expected_status=status, by=by_role[role]
        )
    return application


def test_kepala_dinas_signs_sekretariat_numbers_applicant_downloads_and_qr_verifies(
    browser, live_server, as_user, shoot, settings, tmp_path, django_capture_on_commit_callbacks
):
    settings.PINTU_SITE_URL = live_server.url
    settings.PINTU_SEAL_PKCS12_PATH = str(tmp_path / "segel.p12")
    settings.PINTU_SEAL_PASSPHRASE_FILE = str(tmp_path / "segel.passphrase")
    users = {user.username: user for user in demo_accounts_create()}
    application = submit("sip-dokter-umum", users["pemohon"])
    from permits.models import Office

    demo_pki_create(organization=Office.current().short_name)
    number_series_seed()
    application = to_kepala_dinas(application, users)
    assert application.status == S.MENUNGGU_TTE
    assert application.sk.draft_pdf, "the draft SK was rendered by the task queued on entering MENUNGGU_TTE"

    kadis = as_user("kadis")
    kadis.get_by_role("link", name=application.number).click()
    expect(kadis.get_by_role("heading", name="Tanda tangan elektronik SK")).to_be_visible()
    kadis.get_by_label("Passphrase sertifikat elektronik").fill("passphrase-yang-salah")
    # Enter in the passphrase field, as a signer would: the draft's PDF viewer loads in the frame above the
    # form meanwhile, and a pointer click aimed during that layout could land beside the button.
    kadis.get_by_label("Passphrase sertifikat elektronik").press("Enter")
    expect(kadis.get_by_text("Passphrase salah. Sisa percobaan: 4.")).to_be_visible()
    shoot(kadis, "kadis-passphrase-salah")
    application.refresh_from_db()
    assert application.status == S.MENUNGGU_TTE
    kadis.get_by_label("Passphrase sertifikat elektronik").fill(DEMO_SIGNING_PASSPHRASE)
    kadis.get_by_label("Passphrase sertifikat elektronik").press("Enter")
    expect(kadis.get_by_text("SK berhasil ditandatangani secara elektronik")).to_be_visible()
    shoot(kadis, "kadis-berhasil")
    application.refresh_from_db()
    assert application.status == S.PENOMORAN

    sekretariat = as_user("sekretariat")
    sekretariat.get_by_role("link", name=application.number).click()
    proposed = sekretariat.locator("#judul-nomor ~ form .receipt-number").inner_text()
    assert re.fullmatch(r"500\.16\.7\.2/0001/SIP-DU/DPMPTSP/[IVX]+/\d{4}", proposed)
    shoot(sekretariat, "sekretariat-penomoran")
    sekretariat.get_by_role("button", name="Berikan nomor dan terbitkan SK").click()
    expect(sekretariat.get_by_text(f"Nomor {proposed} diberikan")).to_be_visible()
    application.refresh_from_db()
    assert application.status == S.TERBIT, "the issuance task ran after the numbering committed"

    applicant = as_user("pemohon")
    applicant.goto(f"{live_server.url}/permohonan/{application.pk}/")
    expect(applicant.get_by_text("Izin Anda telah terbit.")).to_be_visible()
    shoot(applicant, "pemohon-sk-terbit")
    with applicant.expect_download() as download_info:
        applicant.get_by_role("link", name="Unduh SK TTE").click()
    sk_pdf = download_info.value.path().read_bytes()
    assert sk_pdf.startswith(b"%PDF-")
    applicant.reload()
    # The survey is offered once the SK has been downloaded.
    expect(applicant.get_by_role("link", name="Isi survei kepuasan")).to_be_visible()
    png = shoot.save_pdf_page(sk_pdf, "sk-halaman-1")
    text = subprocess.run(
        ["pdftotext", "-", "-"], input=sk_pdf, capture_output=True, check=True
    ).stdout.decode()
    assert proposed in text
    pdf_path = png.with_suffix(".pdf")
    pdfsig = subprocess.run(["pdfsig", str(pdf_path)], capture_output=True, text=True).stdout
    assert pdfsig.count("Signature is Valid.") == 2

    qr = subprocess.run(
        ["zbarimg", "--raw", "-q", str(png)], capture_output=True, text=True, check=True
    ).stdout
    verification_url = qr.strip().splitlines()[0]
    assert verification_url.startswith(f"{live_server.url}/verifikasi/")
    citizen = browser.new_context().new_page()
    citizen.goto(verification_url)
    body = citizen.locator("main").inner_text()
    assert proposed in body and "Surat Izin Praktik (SIP) Dokter Umum" in body
    assert users["pemohon"].nik not in body
    shoot(citizen, "verifikasi-qr")

    citizen.goto(f"{live_server.url}/verifikasi/")
    citizen.locator("input[type=file]").set_input_files(str(pdf_path))
    citizen.locator("main form button[type=submit]").click()
    expect(citizen.get_by_text("Asli dan tidak diubah").first).to_be_visible()
    shoot(citizen, "verifikasi-unggah")
    citizen.context.close()
