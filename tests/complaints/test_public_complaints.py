"""The public complaint desk: the form and its defences, the thank-you page, tracking by ticket, rating and
reopening — and that no public page ever shows who complained or who handled it."""

import re
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone
from django.utils.html import escape

from accounts.roles import Role
from complaints import services
from complaints.models import Complaint, ComplaintAttachment, ComplaintKind
from complaints.models import ComplaintStatus as CS
from complaints.public_forms import CHALLENGE_FIELD, challenge_sign
from permits.upload_rejections import UploadRejected
from permits.uploads import check_upload
from tests.factories import PermitTypeFactory, UserFactory
from tests.files import pdf_upload, png_upload
from workflow.calendar import office_calendar
from workflow.models import TransitionLog

pytestmark = [pytest.mark.django_db, pytest.mark.urls("tests.complaints.public_urls")]

NAME, EMAIL, PHONE = "Siti Rahmawati Kusuma", "siti.pelapor@contoh.test", "081234567890"
DESCRIPTION = "Petugas meminta biaya tambahan yang tidak tercantum dalam standar pelayanan."
JAKARTA = ZoneInfo("Asia/Jakarta")


@pytest.fixture
def permit_type(db):
    return PermitTypeFactory(name="Izin Praktik Bidan")


@pytest.fixture
def operator(db):
    return UserFactory(roles=[Role.OPERATOR_PENGADUAN], full_name="Petugas Operator Rahasia")


def form_data(service, /, **overrides):
    data = {
        "kind": ComplaintKind.PENGADUAN,
        "permit_type": str(service.pk),
        "application_number": "",
        "component": "4",
        "description": DESCRIPTION,
        "service_received_on": "",
        "name": NAME,
        "email": EMAIL,
        "phone": PHONE,
        CHALLENGE_FIELD: challenge_sign(3, 4),
        "challenge_answer": "7",
        "situs_web": "",
    }
    data.update(overrides)
    return data


def submit(client, service, /, **overrides):
    return client.post(reverse("complaints:complaint_new"), form_data(service, **overrides))


def answered_complaint(*, operator, permit_type, now=None, confidential=False):
    complaint = services.complaint_submit(
        intake=services.Intake(
            kind=ComplaintKind.PENGADUAN,
            description=DESCRIPTION,
            permit_type=permit_type,
            name=NAME,
            email=EMAIL,
            phone=PHONE,
            is_confidential=confidential,
        ),
        now=now,
    )
    services.complaint_classify(
        complaint_id=complaint.pk,
        expected_status=CS.DITERIMA,
        by=operator,
        kind=ComplaintKind.PENGADUAN,
        component=4,
        permit_type=permit_type,
        note="Catatan internal: pelapor sudah menelepon dua kali.",
        now=now,
    )
    return services.complaint_answer_directly(
        complaint_id=complaint.pk,
        expected_status=CS.DIKLASIFIKASI,
        by=operator,
        answer="Biaya tambahan itu tidak sah. Petugas telah ditegur dan uang Anda dikembalikan.",
        now=now,
    )


def track(client, ticket):
    return client.get(reverse("complaints:track"), {"tiket": ticket})


# --- The form ---------------------------------------------------------------------------------------------


def test_form_offers_kinds_services_components_and_the_identity_note(client, permit_type):
    PermitTypeFactory(name="Izin Tersembunyi", is_published=False)
    body = client.get(reverse("complaints:complaint_new")).content.decode()
    for text in (
        "Konsultasi atau permintaan informasi",
        "Saran atau aspirasi",
        "Izin Praktik Bidan",
        "Lainnya / tidak terkait izin tertentu",
        "Biaya/tarif",
        "Evaluasi kinerja pelaksana",
        "ditangani sebagai saran",
        "Rahasiakan identitas saya",
        'name="situs_web"',
        'type="file"',
        "multiple",
    ):
        assert text in body, text
    assert "Izin Tersembunyi" not in body
    assert "<legend" in body and "Berapa " in body


def test_complaint_with_identity_is_a_pengaduan_with_ticket_log_and_deadlines(client, permit_type):
    response = submit(client, permit_type)
    assert response.status_code == 302 and response.url == reverse("complaints:complaint_submitted")
    complaint = Complaint.objects.get()
    assert (complaint.kind, complaint.handled_as, complaint.handling_note) == (
        ComplaintKind.PENGADUAN,
        ComplaintKind.PENGADUAN,
        "",
    )
    assert (complaint.permit_type, complaint.component, complaint.name) == (permit_type, 4, NAME)
    log = TransitionLog.objects.get(complaint=complaint)
    assert (log.transition, log.to_status) == ("receive", CS.DITERIMA)

    page = client.get(response.url).content.decode()
    assert complaint.ticket in page and "Simpan nomor tiket ini" in page
    assert f"{reverse('complaints:track')}?tiket={complaint.ticket}" in page


def test_deadlines_are_working_days_across_the_christmas_holidays(client, permit_type, monkeypatch):
    submitted_at = datetime(2026, 12, 23, 10, 0, tzinfo=JAKARTA)
    monkeypatch.setattr(timezone, "now", lambda: submitted_at)
    submit(client, permit_type)
    complaint = Complaint.objects.get()
    calendar = office_calendar()
    # 24 Dec is cuti bersama, 25 Dec Christmas, then a weekend: the next working day is Monday 28 Dec.
    assert complaint.acknowledge_due == date(2026, 12, 28) == calendar.add_working_days(date(2026, 12, 23), 1)
    assert complaint.answer_due == calendar.add_working_days(date(2026, 12, 23), 14)


def test_anonymous_complaint_is_handled_as_a_suggestion_with_the_note(client, permit_type):
    response = submit(client, permit_type, name="", email="", phone="")
    complaint = Complaint.objects.get()
    assert (complaint.kind, complaint.handled_as) == (ComplaintKind.PENGADUAN, ComplaintKind.ASPIRASI)
    assert "Tanpa identitas" in complaint.handling_note
    page = client.get(response.url).content.decode()
    assert complaint.ticket in page and escape(complaint.handling_note) in page


@pytest.mark.parametrize(
    ("days_ago", "handled_as"), [(30, ComplaintKind.PENGADUAN), (31, ComplaintKind.ASPIRASI)]
)
def test_complaint_window_is_thirty_days_since_the_service(client, permit_type, days_ago, handled_as):
    received_on = timezone.localdate() - timedelta(days=days_ago)
    submit(client, permit_type, service_received_on=received_on.isoformat())
    complaint = Complaint.objects.get()
    assert complaint.service_received_on == received_on
    assert complaint.handled_as == handled_as


def test_unknown_application_number_is_a_form_error_and_nothing_is_stored(client, permit_type):
    response = submit(client, permit_type, application_number="sipdu-2611-zzzzzz")
    assert response.status_code == 200
    assert "Nomor permohonan tidak ditemukan" in response.content.decode()
    assert 'href="#id_application_number"' in response.content.decode()
    assert not Complaint.objects.exists() and not TransitionLog.objects.exists()


def test_valid_attachments_are_stored(client, permit_type):
    submit(client, permit_type, attachments=[pdf_upload("kuitansi.pdf"), png_upload("foto.png")])
    complaint = Complaint.objects.get()
    assert sorted(complaint.attachments.values_list("display_name", flat=True)) == [
        "foto.png",
        "kuitansi.pdf",
    ]


def test_html_disguised_as_pdf_gets_the_validators_message_and_nothing_is_stored(client, permit_type):
    def disguised():
        return SimpleUploadedFile(
            "bukti.pdf", b"<html><script>alert(1)</script></html>", content_type="application/pdf"
        )

    with pytest.raises(UploadRejected) as rejected:
        check_upload(
            uploaded_file=disguised(), accepted_kinds=["pdf", "jpg", "png"], max_bytes=5 * 1024 * 1024
        )
    response = submit(client, permit_type, attachments=[disguised()])
    body = response.content.decode()
    assert response.status_code == 200 and escape(rejected.value.messages[0]) in body
    assert "Pilih ulang berkas lampiran" in body
    assert not Complaint.objects.exists() and not ComplaintAttachment.objects.exists()


def test_more_than_three_attachments_is_an_error(client, permit_type):
    files = [pdf_upload(f"lampiran-{i}.pdf") for i in range(4)]
    response = submit(client, permit_type, attachments=files)
    assert response.status_code == 200
    assert "Lampiran paling banyak 3 berkas" in response.content.decode()
    assert not Complaint.objects.exists()


def test_description_length_and_service_choice_are_checked(client, permit_type):
    response = submit(client, permit_type, description="Terlalu pendek", permit_type="")
    body = response.content.decode()
    assert response.status_code == 200 and 'id="ringkasan-kesalahan"' in body
    assert 'href="#id_description"' in body and 'href="#id_permit_type"' in body
    assert not Complaint.objects.exists()


def test_other_service_is_allowed_for_a_consultation(client, permit_type):
    submit(client, permit_type, kind=ComplaintKind.PERMINTAAN_INFORMASI, permit_type="lainnya", component="")
    complaint = Complaint.objects.get()
    assert (complaint.handled_as, complaint.permit_type, complaint.component) == (
        ComplaintKind.PERMINTAAN_INFORMASI,
        None,
        None,
    )


def test_honeypot_gets_the_thank_you_page_but_nothing_is_stored(client, permit_type):
    response = submit(client, permit_type, situs_web="https://spam.example")
    assert response.status_code == 302 and response.url == reverse("complaints:complaint_submitted")
    page = client.get(response.url).content.decode()
    assert "Simpan nomor tiket ini" in page and "ADU-" in page
    assert not Complaint.objects.exists() and not TransitionLog.objects.exists()


def test_wrong_arithmetic_is_a_form_error_with_a_new_question(client, permit_type):
    submitted_token = challenge_sign(3, 4)
    response = submit(client, permit_type, challenge_answer="8", **{CHALLENGE_FIELD: submitted_token})
    body = response.content.decode()
    assert response.status_code == 200 and "Jawaban soal hitungan salah" in body
    # A new question with an empty answer box; the old token is not offered again.
    assert re.search(r'name="challenge_answer"[^>]*value=""', body, re.S)
    assert f'value="{submitted_token}"' not in body
    assert not Complaint.objects.exists()


def test_forged_or_missing_challenge_is_refused(client, permit_type):
    forged = submit(client, permit_type, **{CHALLENGE_FIELD: "0:0:forged"})
    assert "Soal hitungan sudah kedaluwarsa" in forged.content.decode()
    missing = submit(client, permit_type, challenge_answer="")
    assert "Jawab soal hitungan" in missing.content.decode()
    assert not Complaint.objects.exists()


def test_submissions_are_rate_limited_per_address(client, permit_type):
    url = reverse("complaints:complaint_new")
    statuses = [client.post(url, {}).status_code for _ in range(6)]
    assert statuses == [200] * 5 + [429]
    limited = submit(client, permit_type)
    assert limited.status_code == 429 and "Terlalu banyak" in limited.content.decode()
    assert not Complaint.objects.exists()
    assert client.get(url).status_code == 200
    other_address = client.post(url, form_data(permit_type), REMOTE_ADDR="10.0.0.9")
    assert other_address.status_code == 302 and Complaint.objects.count() == 1


def test_thank_you_page_without_a_submission_goes_to_the_form(client):
    response = client.get(reverse("complaints:complaint_submitted"))
    assert response.status_code == 302 and response.url == reverse("complaints:complaint_new")


# --- Tracking ---------------------------------------------------------------------------------------------


def test_tracking_shows_progress_and_answer_but_nobody_s_identity(client, operator, permit_type):
    complaint = answered_complaint(operator=operator, permit_type=permit_type)
    response = track(client, complaint.ticket.lower())
    body = response.content.decode()
    assert response.status_code == 200 and complaint.ticket in body
    for text in (
        "Pesan diterima",
        "Diklasifikasi oleh petugas pengaduan",
        "Dijawab langsung oleh petugas pengaduan",
        "Jawaban disampaikan kepada pelapor",
        complaint.acknowledge_due.strftime("%d-%m-%Y"),
        complaint.answer_due.strftime("%d-%m-%Y"),
        "Biaya tambahan itu tidak sah",
        "Nilai jawaban ini",
        "Buka kembali",
    ):
        assert escape(text) in body, text
    for secret in (NAME, EMAIL, PHONE, "0812", operator.full_name, "Catatan internal", "Rahasiakan"):
        assert secret not in body, secret


def test_tracking_hides_the_answer_until_it_is_delivered(client, permit_type):
    complaint = services.complaint_submit(
        intake=services.Intake(kind=ComplaintKind.ASPIRASI, description=DESCRIPTION, permit_type=permit_type)
    )
    Complaint.objects.filter(pk=complaint.pk).update(answer="Draf jawaban bidang")
    body = track(client, complaint.ticket).content.decode()
    assert complaint.ticket in body and "Saran / aspirasi" in body
    assert "Draf jawaban bidang" not in body and "Nilai jawaban ini" not in body


def test_unknown_ticket_gets_a_neutral_answer(client):
    body = track(client, "ADU-2612-ZZZZZZ").content.decode()
    assert "Tiket tidak ditemukan" in body


def test_tracking_is_rate_limited(client):
    statuses = [track(client, f"ADU-X-{i}").status_code for i in range(31)]
    assert statuses[:30] == [200] * 30 and statuses[30] == 429


# --- Rating and reopening ---------------------------------------------------------------------------------


def test_rating_closes_the_complaint(client, operator, permit_type):
    complaint = answered_complaint(operator=operator, permit_type=permit_type)
    response = client.post(
        reverse("complaints:complaint_rate"),
        {"ticket": complaint.ticket, "rating": "4", "comment": "Cepat ditanggapi."},
        follow=True,
    )
    complaint.refresh_from_db()
    assert (complaint.status, complaint.rating, complaint.rating_comment) == (
        CS.SELESAI,
        4,
        "Cepat ditanggapi.",
    )
    assert complaint.closed_at is not None
    body = response.content.decode()
    assert "Terima kasih atas penilaian Anda" in body and "4 dari 5" in body
    assert "Nilai jawaban ini" not in body


def test_rating_without_a_choice_changes_nothing(client, operator, permit_type):
    complaint = answered_complaint(operator=operator, permit_type=permit_type)
    response = client.post(reverse("complaints:complaint_rate"), {"ticket": complaint.ticket}, follow=True)
    assert "Pilih penilaian 1 sampai 5" in response.content.decode()
    complaint.refresh_from_db()
    assert complaint.status == CS.DISAMPAIKAN


def test_reopen_within_the_window_goes_back_to_classification(client, operator, permit_type):
    complaint = answered_complaint(operator=operator, permit_type=permit_type)
    reason = "Uang saya belum dikembalikan sampai hari ini."
    response = client.post(
        reverse("complaints:complaint_reopen"), {"ticket": complaint.ticket, "reason": reason}, follow=True
    )
    complaint.refresh_from_db()
    assert complaint.status == CS.DIKLASIFIKASI and complaint.reopened_count == 1
    log = complaint.transitions.order_by("-created_at", "-pk").first()
    assert (log.transition, log.reason) == ("reopen", reason)
    body = response.content.decode()
    assert "Pengaduan dibuka kembali" in body and "Dibuka kembali oleh pelapor" in body and reason in body
    assert "Biaya tambahan itu tidak sah" not in body


def test_reopen_after_the_window_is_refused(client, operator, permit_type):
    complaint = answered_complaint(
        operator=operator, permit_type=permit_type, now=timezone.now() - timedelta(days=15)
    )
    assert "Buka kembali" not in track(client, complaint.ticket).content.decode()
    response = client.post(
        reverse("complaints:complaint_reopen"),
        {"ticket": complaint.ticket, "reason": "Masih belum beres."},
        follow=True,
    )
    assert (
        "Batas membuka kembali (14 hari sejak jawaban disampaikan) sudah lewat" in response.content.decode()
    )
    complaint.refresh_from_db()
    assert complaint.status == CS.DISAMPAIKAN and complaint.reopened_count == 0


def test_complainant_actions_need_csrf(operator, permit_type):
    from django.test import Client

    complaint = answered_complaint(operator=operator, permit_type=permit_type)
    strict = Client(enforce_csrf_checks=True)
    response = strict.post(reverse("complaints:complaint_rate"), {"ticket": complaint.ticket, "rating": "5"})
    assert response.status_code == 403
    complaint.refresh_from_db()
    assert complaint.status == CS.DISAMPAIKAN
