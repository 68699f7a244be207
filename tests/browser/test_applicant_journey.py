"""A new user, as a person would: sign up, verify the e-mail, apply for SIP Dokter Umum with all 14
documents, submit, and see the receipt. Screenshots of each page go to test-output/screenshots/."""

import re
import subprocess

import pytest
from django.core import mail
from playwright.sync_api import expect

from permits.catalog_loader import office_load, permit_type_load
from permits.catalog_seed import OFFICE, PERMIT_TYPES
from permits.models import Application, ApplicationStatus
from tests.files import image_bytes, pdf_bytes

from .steps import requirements_upload, sign_up_fill, sip_data_fill

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def sip_dokter_umum(db):
    office = office_load(data=OFFICE)
    data = next(p for p in PERMIT_TYPES if p["slug"] == "sip-dokter-umum")
    return permit_type_load(data=data, office=office, render_forms=True)


@pytest.fixture
def files(tmp_path):
    pdf = tmp_path / "dokumen.pdf"
    pdf.write_bytes(pdf_bytes())
    png = tmp_path / "pas-foto.png"
    png.write_bytes(image_bytes("PNG", (240, 360)))
    fake = tmp_path / "ktp.pdf"
    fake.write_bytes(b"<html><body>bukan pdf</body></html>")
    return {"pdf": pdf, "png": png, "fake": fake}


def test_new_applicant_signs_up_applies_and_gets_a_receipt(live_server, page, shoot, sip_dokter_umum, files):
    base = live_server.url
    page.goto(base + "/")
    expect(page.get_by_role("heading", name="Ajukan izin dari mana saja")).to_be_visible()
    shoot(page, "beranda")

    page.get_by_role("link", name="Surat Izin Praktik (SIP) Dokter Umum").click()
    expect(page.get_by_role("heading", name="Persyaratan")).to_be_visible()
    expect(page.locator("#komponen-14")).to_be_visible()
    shoot(page, "standar-pelayanan")

    page.get_by_role("link", name="Daftar").first.click()
    sign_up_fill(
        page,
        name="dr. Rahmat Hidayat",
        nik="3603011203850001",
        phone="081234567890",
        email="rahmat@example.test",
        username="rahmat",
        password="Praktik-Sehat-2026",
    )
    shoot(page, "daftar")
    page.get_by_role("button", name="Daftar").click()
    shoot(page, "verifikasi-terkirim")

    link = re.search(r"https?://\S+/akun/confirm-email/\S+/", mail.outbox[-1].body).group(0)
    page.goto(base + "/akun/" + link.split("/akun/", 1)[1])
    shoot(page, "konfirmasi-email")
    page.get_by_role("button", name="Konfirmasi").click()

    page.goto(base + "/layanan/sip-dokter-umum/")
    page.get_by_role("button", name="Ajukan permohonan").click()
    page.wait_for_url(re.compile(r"/permohonan/\d+/ubah/"))

    # Submitting an empty draft is refused with a clear list.
    page.get_by_role("button", name="Ajukan permohonan").click()
    summary = page.locator("#ringkasan-kesalahan")
    expect(summary).to_be_visible()
    assert "Dokumen belum diunggah: Surat Keterangan Domisili" in summary.inner_text()
    shoot(page, "ajukan-ditolak-belum-lengkap")

    sip_data_fill(page)
    expect(page.get_by_text("Data permohonan tersimpan sebagai draf.")).to_be_visible()

    rows = page.locator("li.requirement-row")
    assert rows.count() == 14

    # A fake PDF is refused on the form and nothing is stored.
    first_row = rows.nth(0)
    first_row.locator("input[type=file]").set_input_files(str(files["fake"]))
    first_row.get_by_role("button", name="Unggah").click()
    expect(page.get_by_text("Isi berkas tidak sesuai dengan jenisnya")).to_be_visible()
    shoot(page, "unggah-berkas-palsu-ditolak")

    assert requirements_upload(page, pdf=files["pdf"], png=files["png"]) == 14
    shoot(page, "semua-dokumen-terunggah")

    page.get_by_role("button", name="Ajukan permohonan").click()
    number_text = page.locator("#nomor-permohonan").inner_text()
    assert re.fullmatch(r"SIPDU-\d{4}-[2-9A-HJKMNP-Z]{6}", number_text)
    expect(page.get_by_text("Tanda terima permohonan")).to_be_visible()
    shoot(page, "tanda-terima")

    application = Application.objects.get(number=number_text)
    assert application.status == ApplicationStatus.VERIFIKASI_BERKAS
    assert application.documents.count() == 14

    with page.expect_download() as download_info:
        page.get_by_role("link", name="Unduh tanda terima (PDF)").click()
    receipt = download_info.value.path().read_bytes()
    assert receipt.startswith(b"%PDF-")
    receipt_png = shoot.save_pdf_page(receipt, "tanda-terima-pdf")
    text = subprocess.run(["pdftotext", "-", "-"], input=receipt, capture_output=True, check=True).stdout
    assert number_text.encode() in text and b"TANDA TERIMA PERMOHONAN" in text
    qr = subprocess.run(
        ["zbarimg", "--raw", "-q", str(receipt_png)], capture_output=True, text=True, check=True
    )
    assert qr.stdout.strip().endswith(f"/lacak/?nomor={number_text}")

    page.get_by_role("link", name="Permohonan saya").first.click()
    expect(page.get_by_text(number_text)).to_be_visible()
    shoot(page, "permohonan-saya")
