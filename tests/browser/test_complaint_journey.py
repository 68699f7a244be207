"""A citizen's complaint about an application, through the operator, the Kepala Bidang Pengaduan and the
bidang (validation rejects once, then accepts), back to the citizen who rates it; then an applicant fills
the satisfaction survey after downloading an SK; the dashboard and the IKM page show the new figures."""

import re

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from accounts.demo import demo_accounts_create
from complaints.models import Complaint, ComplaintUnit
from complaints.models import ComplaintStatus as CS
from permits.models import Application, ApplicationStatus

from .test_verification_journey import submit

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def open_complaint(page, base: str, complaint: Complaint):
    page.goto(f"{base}/petugas/pengaduan/{complaint.pk}/")


def test_complaint_lifecycle_then_survey_and_dashboards(browser, live_server, as_user, shoot, settings):
    base = live_server.url
    users = {user.username: user for user in demo_accounts_create()}
    # The demo's Bidang Terkait answers for this unit: it sees only the complaints disposed to it.
    unit = ComplaintUnit.objects.get_or_create(name="Bidang Perizinan Kesehatan")[0]
    unit.members.add(users["bidangterkait"])
    application = submit("sip-dokter-umum", users["pemohon"])

    # A citizen files a complaint linked to the application.
    citizen = browser.new_context(viewport={"width": 1280, "height": 900}).new_page()
    citizen.goto(f"{base}/pengaduan/")
    citizen.get_by_label("Pengaduan", exact=True).check()
    citizen.locator("#id_permit_type").select_option(label="Surat Izin Praktik (SIP) Dokter Umum")
    citizen.get_by_label("Nomor permohonan (jika ada)").fill(application.number)
    citizen.get_by_label("Uraian").fill(
        "Sudah lewat seminggu tanpa kabar, dan petugas loket meminta biaya legalisir."
    )
    citizen.get_by_label("Nama").fill("Siti Warga")
    citizen.get_by_label("E-mail").fill("siti.warga@example.test")
    question = citizen.locator("#judul-soal ~ * label, #judul-soal ~ label").first.inner_text()
    a, b = map(int, re.search(r"(\d+)\s*\+\s*(\d+)", question).groups())
    citizen.locator("input[name=challenge_answer]").fill(str(a + b))
    shoot(citizen, "warga-formulir-pengaduan")
    citizen.locator("main form button[type=submit]").last.click()
    citizen.wait_for_url(re.compile(r"/pengaduan/terkirim/"))
    ticket = re.search(r"ADU-\d{4}-[2-9A-HJKMNP-Z]{6}", citizen.locator("main").inner_text()).group(0)
    shoot(citizen, "warga-tiket")
    complaint = Complaint.objects.get(ticket=ticket)
    assert complaint.application == application and complaint.handled_as == "PENGADUAN"

    operator = as_user("operatorpengaduan")
    open_complaint(operator, base, complaint)
    operator.get_by_role("button", name="Simpan klasifikasi").click()
    expect(operator.get_by_text("Pengaduan diklasifikasikan.")).to_be_visible()

    kabid = as_user("kabidpengaduan")
    open_complaint(kabid, base, complaint)
    kabid.get_by_label("Didisposisikan kepada (bidang/OPD)").select_option("Bidang Perizinan Kesehatan")
    kabid.locator("input[name=outcome][value=INTERNAL]").check()
    kabid.get_by_role("button", name="Disposisikan").click()
    expect(kabid.get_by_text("Pengaduan didisposisikan.")).to_be_visible()

    bidang = as_user("bidangterkait")
    open_complaint(bidang, base, complaint)
    bidang.locator("#id_submit_answer_answer").fill("Berkas sedang diverifikasi.")
    bidang.get_by_role("button", name="Kirim jawaban untuk divalidasi").click()

    open_complaint(kabid, base, complaint)
    kabid.get_by_label("Catatan: mengapa jawaban belum valid").fill(
        "Jawab juga soal permintaan biaya legalisir."
    )
    kabid.get_by_role("button", name="Kembalikan ke bidang/OPD").click()
    expect(kabid.get_by_text("Jawaban dikembalikan ke bidang/OPD dengan catatan.")).to_be_visible()
    complaint.refresh_from_db()
    assert complaint.status == CS.DIDISPOSISI

    open_complaint(bidang, base, complaint)
    bidang.locator("#id_submit_answer_answer").fill(
        "Berkas Anda sedang diverifikasi Back Office dan masih dalam batas waktu 14 hari kerja. "
        "Layanan ini gratis; "
        "petugas yang meminta biaya legalisir telah dibina dan Anda tidak perlu membayar apa pun."
    )
    bidang.get_by_role("button", name="Kirim jawaban untuk divalidasi").click()
    open_complaint(kabid, base, complaint)
    shoot(kabid, "kabid-validasi")
    kabid.get_by_role("button", name="Jawaban valid — sampaikan kepada pelapor").click()
    expect(kabid.get_by_text("Jawaban divalidasi dan disampaikan kepada pelapor.")).to_be_visible()

    # The officers see the complaint on the application's page.
    bo = as_user("backoffice")
    bo.goto(f"{base}/petugas/permohonan/{application.pk}/")
    expect(bo.get_by_text(ticket)).to_be_visible()

    citizen.goto(f"{base}/pengaduan/lacak/?tiket={ticket}")
    expect(
        citizen.get_by_text("petugas yang meminta biaya legalisir telah dibina", exact=False)
    ).to_be_visible()
    assert "Siti Warga" not in citizen.locator("main").inner_text()
    citizen.locator("input[name=rating][value='5']").check()
    shoot(citizen, "warga-jawaban")
    citizen.locator("form:has(input[name=rating]) button[type=submit]").click()
    complaint.refresh_from_db()
    assert (complaint.status, complaint.rating) == (CS.SELESAI, 5)
    citizen.context.close()

    # An applicant whose SK was issued (and downloaded) fills the survey.
    issued = Application.objects.create(
        permit_type=application.permit_type,
        applicant=users["pemohon"],
        status=ApplicationStatus.TERBIT,
        number="SIPDU-2611-SURVEI",
        submitted_at=timezone.now(),
    )
    applicant = as_user("pemohon")
    applicant.goto(f"{base}/permohonan/{issued.pk}/survei/")
    for element in range(1, 10):
        applicant.locator(f"input[name=U{element}][value='4'] + label").click()
    for field in ("age_group", "sex", "education", "occupation"):
        radio = applicant.locator(f"input[name={field}]").nth(1)
        applicant.locator(f"label[for={radio.get_attribute('id')}]").click()
    applicant.locator("textarea[name=suggestion]").fill("Pelayanan cepat, semoga dipertahankan.")
    shoot(applicant, "pemohon-survei")
    applicant.locator("main form button[type=submit]").last.click()
    expect(applicant.get_by_text("Terima kasih", exact=False).first).to_be_visible()

    kadis = as_user("kadis")
    kadis.goto(f"{base}/petugas/ikm/")
    expect(kadis.get_by_text("Pelayanan cepat, semoga dipertahankan.")).to_be_visible()
    assert "100,00" in kadis.locator("main").inner_text() or "100.00" in kadis.locator("main").inner_text()
    shoot(kadis, "kadis-ikm")
    kadis.goto(f"{base}/petugas/dasbor/")
    expect(kadis.get_by_role("img").first).to_be_visible()
    shoot(kadis, "kadis-dasbor")
