"""The pengaduan staff's pages, driven as the officers use them: the full lifecycle, staff intake, identity,
attachments, deadlines, the queue and the overdue reminders."""

from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from django.contrib.messages import get_messages
from django.urls import reverse
from django.utils import timezone

from accounts.roles import Role
from complaints.models import Channel, Complaint, ComplaintKind, ComplaintUnit, Outcome
from complaints.models import ComplaintStatus as CS
from complaints.reminders import overdue_complaint_reminders_send
from complaints.selectors import (
    ComplaintQueueFilters,
    complaint_deadlines,
    complaint_queue_for_user,
    identity_visible,
)
from complaints.services import (
    ComplaintInvalid,
    Intake,
    complaint_classify,
    complaint_dispose,
    complaint_submit,
)
from tests.factories import PermitTypeFactory, UserFactory
from tests.files import pdf_upload
from tests.workflow.conftest import make_permit_type, submitted_application
from workflow.calendar import office_calendar
from workflow.models import Notification, TransitionLog

pytestmark = pytest.mark.django_db

WIB = ZoneInfo("Asia/Jakarta")


@pytest.fixture
def operator():
    return UserFactory(roles=[Role.OPERATOR_PENGADUAN], full_name="Ola Operator")


@pytest.fixture
def kabid():
    return UserFactory(roles=[Role.KEPALA_BIDANG_PENGADUAN], full_name="Kiki Kabid")


def home_unit() -> ComplaintUnit:
    """The unit the `bidang` fixture belongs to (the data migration made it; get_or_create all the same)."""
    return ComplaintUnit.objects.get_or_create(name="Bidang Perizinan Kesehatan")[0]


@pytest.fixture
def bidang():
    user = UserFactory(roles=[Role.BIDANG_TERKAIT], full_name="Bima Bidang")
    home_unit().members.add(user)
    return user


@pytest.fixture
def permit_officer():
    return UserFactory(roles=[Role.BACK_OFFICE])


@pytest.fixture
def permit_type():
    return PermitTypeFactory(name="SIP Dokter Umum")


def submit(**fields) -> Complaint:
    values = {
        "kind": ComplaintKind.PENGADUAN,
        "description": "Berkas SIP saya belum diproses lewat dari jangka waktu.",
        "name": "Budi Santoso",
        "email": "budi@example.test",
        **fields,
    }
    attachments = values.pop("attachments", ())
    now = values.pop("now", None)
    return complaint_submit(intake=Intake(**values), attachments=attachments, now=now)


def detail(complaint) -> str:
    return reverse("complaints:staff_detail", kwargs={"pk": complaint.pk})


def act(complaint, action: str) -> str:
    return reverse("complaints:staff_action", kwargs={"pk": complaint.pk, "action": action})


def queue(**params) -> str:
    query = "&".join(f"{key}={value}" for key, value in params.items())
    return reverse("complaints:staff_queue") + (f"?{query}" if query else "")


def flashed(response) -> list[str]:
    return [str(message) for message in get_messages(response.wsgi_request)]


def status_of(complaint) -> str:
    complaint.refresh_from_db()
    return complaint.status


# --- the lifecycle ---------------------------------------------------------------------------------------


def test_full_lifecycle_with_an_answer_sent_back_once(client, operator, kabid, bidang, permit_type):
    complaint = submit(permit_type=permit_type)
    assert complaint.status == CS.DITERIMA

    # The operator classifies it (no direct answer: it needs the bidang).
    client.force_login(operator)
    page = client.get(detail(complaint)).content.decode()
    assert f'action="{act(complaint, "classify")}"' in page
    assert act(complaint, "dispose") not in page, "disposing is the Kepala Bidang Pengaduan's"
    response = client.post(
        act(complaint, "classify"),
        {
            "expected_status": CS.DITERIMA,
            "kind": ComplaintKind.PENGADUAN,
            "permit_type": permit_type.pk,
            "component": 3,
            "note": "Soal jangka waktu.",
            "answer": "",
        },
    )
    assert response.status_code == 302 and status_of(complaint) == CS.DIKLASIFIKASI
    assert complaint.component == 3 and complaint.acknowledged_at is not None

    # The Kepala Bidang Pengaduan disposes it to a bidang, picked from the office's list of units.
    client.force_login(kabid)
    page = client.get(detail(complaint)).content.decode()
    assert '<select name="disposed_to"' in page and '<option value="Inspektorat (APIP)">' in page
    # A bidang/OPD that is not one of the office's units is refused.
    response = client.post(
        act(complaint, "dispose"),
        {"expected_status": CS.DIKLASIFIKASI, "disposed_to": "Bidang Karangan", "outcome": Outcome.INTERNAL},
    )
    assert response.status_code == 400 and status_of(complaint) == CS.DIKLASIFIKASI
    response = client.post(
        act(complaint, "dispose"),
        {
            "expected_status": CS.DIKLASIFIKASI,
            "disposed_to": "Bidang Perizinan Kesehatan",
            "outcome": Outcome.INTERNAL,
            "note": "Mohon ditindaklanjuti.",
        },
    )
    assert response.status_code == 302 and status_of(complaint) == CS.DIDISPOSISI
    assert complaint.disposed_to == "Bidang Perizinan Kesehatan" and complaint.outcome == Outcome.INTERNAL

    # The bidang answers.
    client.force_login(bidang)
    response = client.post(
        act(complaint, "submit_answer"), {"expected_status": CS.DIDISPOSISI, "answer": "Sudah kami proses."}
    )
    assert response.status_code == 302 and status_of(complaint) == CS.DIJAWAB

    # Not valid: a note is required, and it goes back to the bidang.
    client.force_login(kabid)
    response = client.post(act(complaint, "invalidate"), {"expected_status": CS.DIJAWAB, "note": ""})
    assert response.status_code == 400 and status_of(complaint) == CS.DIJAWAB
    failed = next(item["form"] for item in response.context["action_forms"] if item["action"] == "invalidate")
    assert "note" in failed.errors and 'id="id_invalidate_note"' in response.content.decode()
    response = client.post(
        act(complaint, "invalidate"),
        {"expected_status": CS.DIJAWAB, "note": "Sebutkan tanggal SIP terbit dan dasar hukumnya."},
    )
    assert response.status_code == 302 and status_of(complaint) == CS.DIDISPOSISI

    # The bidang sees the note and its previous answer to revise, and answers again.
    client.force_login(bidang)
    page = client.get(detail(complaint)).content.decode()
    assert "Jawaban sebelumnya belum valid" in page
    assert "Sebutkan tanggal SIP terbit dan dasar hukumnya." in page
    assert "Sudah kami proses.</textarea>" in page
    response = client.post(
        act(complaint, "submit_answer"),
        {"expected_status": CS.DIDISPOSISI, "answer": "SIP terbit 3 Juli 2026 sesuai Perbup 12/2024."},
    )
    assert response.status_code == 302 and status_of(complaint) == CS.DIJAWAB

    # Valid: delivered to the complainant.
    client.force_login(kabid)
    page = client.get(detail(complaint)).content.decode()
    assert "SIP terbit 3 Juli 2026" in page and act(complaint, "validate") in page
    response = client.post(act(complaint, "validate"), {"expected_status": CS.DIJAWAB})
    assert response.status_code == 302 and status_of(complaint) == CS.DISAMPAIKAN
    assert complaint.published_at is not None
    assert "Jawaban divalidasi dan disampaikan kepada pelapor." in flashed(client.get(detail(complaint)))

    steps = list(TransitionLog.objects.filter(complaint=complaint).values_list("transition", "actor_role"))
    assert steps == [
        ("receive", "Pelapor"),
        ("classify", Role.OPERATOR_PENGADUAN.value),
        ("dispose", Role.KEPALA_BIDANG_PENGADUAN.value),
        ("submit_answer", Role.BIDANG_TERKAIT.value),
        ("invalidate", Role.KEPALA_BIDANG_PENGADUAN.value),
        ("submit_answer", Role.BIDANG_TERKAIT.value),
        ("validate", Role.KEPALA_BIDANG_PENGADUAN.value),
    ]
    # The timeline names who did each step, in which role, with the reasons.
    page = client.get(detail(complaint)).content.decode()
    for text in (
        "Bima Bidang (Bidang Terkait)",
        "Kiki Kabid (Kepala Bidang Pengaduan)",
        "Ola Operator (Operator Pengaduan)",
        "Jawaban belum valid, dikembalikan ke bidang/OPD",
        "Mohon ditindaklanjuti.",
    ):
        assert text in page

    # The operator closes the answered ticket.
    client.force_login(operator)
    response = client.post(act(complaint, "close"), {"expected_status": CS.DISAMPAIKAN})
    assert response.status_code == 302 and status_of(complaint) == CS.SELESAI


def test_operator_answers_a_simple_question_directly(client, operator, kabid):
    question = submit(kind=ComplaintKind.PERMINTAAN_INFORMASI, description="Apakah SIP dipungut biaya?")
    client.force_login(operator)
    response = client.post(
        act(question, "classify"),
        {
            "expected_status": CS.DITERIMA,
            "kind": ComplaintKind.PERMINTAAN_INFORMASI,
            "permit_type": "",
            "component": 4,
            "answer": "Tidak, layanan SIP gratis.",
        },
    )
    assert response.status_code == 302
    assert status_of(question) == CS.DISAMPAIKAN
    assert question.answer == "Tidak, layanan SIP gratis." and question.outcome == Outcome.INTERNAL
    assert list(question.transitions.values_list("transition", flat=True)) == [
        "receive",
        "classify",
        "answer_directly",
    ]

    # Or in two steps: classified first, then "Jawab langsung" instead of waiting for a disposition.
    other = submit(kind=ComplaintKind.PERMINTAAN_INFORMASI, description="Berapa lama SIP terbit?")
    client.post(
        act(other, "classify"),
        {"expected_status": CS.DITERIMA, "kind": ComplaintKind.PERMINTAAN_INFORMASI, "answer": ""},
    )
    assert status_of(other) == CS.DIKLASIFIKASI
    page = client.get(detail(other)).content.decode()
    assert "Jawab langsung" in page and act(other, "answer_directly") in page
    response = client.post(act(other, "answer_directly"), {"expected_status": CS.DIKLASIFIKASI, "answer": ""})
    assert response.status_code == 400 and status_of(other) == CS.DIKLASIFIKASI
    client.post(
        act(other, "answer_directly"),
        {"expected_status": CS.DIKLASIFIKASI, "answer": "Paling lama 14 hari kerja."},
    )
    assert status_of(other) == CS.DISAMPAIKAN


def test_replayed_form_says_already_processed(client, operator):
    complaint = submit()
    client.force_login(operator)
    form = {"expected_status": CS.DITERIMA, "kind": ComplaintKind.PENGADUAN, "component": "", "answer": ""}
    assert client.post(act(complaint, "classify"), form).status_code == 302
    replay = client.post(act(complaint, "classify"), form, follow=True)
    assert replay.status_code == 200
    assert "sudah diproses petugas lain" in replay.content.decode()
    assert TransitionLog.objects.filter(complaint=complaint, transition="classify").count() == 1


def test_second_operator_with_a_stale_page_gets_already_processed_not_an_error(client, operator):
    complaint = submit()
    colleague = UserFactory(roles=[Role.OPERATOR_PENGADUAN])
    complaint_classify(
        complaint_id=complaint.pk,
        expected_status=CS.DITERIMA,
        by=colleague,
        kind=ComplaintKind.PENGADUAN,
        component=None,
        permit_type=None,
    )
    client.force_login(operator)
    response = client.post(
        act(complaint, "classify"), {"expected_status": CS.DITERIMA, "kind": ComplaintKind.ASPIRASI}
    )
    assert response.status_code == 302
    assert any("sudah diproses petugas lain" in m for m in flashed(response))


def test_officer_of_another_step_is_refused_and_logged(client, bidang, caplog):
    complaint = complaint_in(CS.DIJAWAB, answer="Jawaban bidang.")  # disposed to the bidang's unit
    client.force_login(bidang)
    page = client.get(detail(complaint)).content.decode()
    assert act(complaint, "validate") not in page
    with caplog.at_level("WARNING", logger="pintu.security"):
        response = client.post(act(complaint, "validate"), {"expected_status": CS.DIJAWAB})
    assert response.status_code == 302
    assert "transition refused: not_permitted" in caplog.text
    assert any("tidak berwenang" in m for m in flashed(response))
    assert status_of(complaint) == CS.DIJAWAB


def test_a_bidang_sees_only_what_was_disposed_to_its_unit(client, bidang):
    received = submit()
    ours = complaint_in(CS.DIDISPOSISI)
    theirs = complaint_in(CS.DIDISPOSISI, disposed_unit=ComplaintUnit.objects.create(name="Dinas Uji"))
    client.force_login(bidang)
    assert client.get(detail(ours)).status_code == 200
    for hidden in (received, theirs):
        assert client.get(detail(hidden)).status_code == 404
        response = client.post(
            act(hidden, "submit_answer"), {"expected_status": hidden.status, "answer": "x"}
        )
        assert response.status_code == 404
    assert {row.complaint for row in client.get(queue()).context["rows"]} == {ours}


def test_unknown_action_is_not_found(client, operator):
    complaint = submit()
    client.force_login(operator)
    assert client.post(act(complaint, "reopen"), {"expected_status": CS.DITERIMA}).status_code == 404


# --- staff intake --------------------------------------------------------------------------------------


def test_staff_record_from_lapor_requires_the_lapor_id(client, operator, permit_type):
    client.force_login(operator)
    url = reverse("complaints:staff_record")
    assert client.get(url).status_code == 200
    form = {
        "channel": Channel.LAPOR,
        "lapor_id": "",
        "kind": ComplaintKind.PENGADUAN,
        "description": "Diteruskan dari SP4N-LAPOR!: petugas loket meminta biaya.",
        "permit_type": permit_type.pk,
        "name": "Wati",
        "phone": "081234567890",
    }
    response = client.post(url, form)
    assert response.status_code == 400
    assert "Isi nomor tiket SP4N-LAPOR!" in response.content.decode()
    assert not Complaint.objects.exists()

    response = client.post(url, {**form, "lapor_id": "5123456", "attachments": [pdf_upload("surat.pdf")]})
    complaint = Complaint.objects.get()
    assert response.status_code == 302 and response["Location"] == detail(complaint)
    assert complaint.channel == Channel.LAPOR and complaint.lapor_id == "5123456"
    assert complaint.recorded_by == operator and complaint.handled_as == ComplaintKind.PENGADUAN
    assert complaint.attachments.count() == 1
    log = complaint.transitions.get()
    assert log.actor == operator and log.details == {"channel": Channel.LAPOR}
    # The queue finds it by its LAPOR! id.
    rows = client.get(queue(q="5123456")).context["rows"]
    assert [row.complaint for row in rows] == [complaint]


def test_staff_record_by_telephone_without_identity_is_a_suggestion(client, kabid):
    client.force_login(kabid)
    response = client.post(
        reverse("complaints:staff_record"),
        {"channel": Channel.TELEPON, "kind": ComplaintKind.PENGADUAN, "description": "Antrean loket lama."},
    )
    assert response.status_code == 302
    complaint = Complaint.objects.get()
    assert complaint.handled_as == ComplaintKind.ASPIRASI and complaint.lapor_id == ""


@pytest.mark.parametrize("role", [Role.BIDANG_TERKAIT, Role.BACK_OFFICE, Role.PEMOHON])
def test_others_may_not_record(client, role):
    client.force_login(UserFactory(roles=[role]))
    assert client.get(reverse("complaints:staff_record")).status_code == 404


# --- identity, linked application, attachments ----------------------------------------------------------


def test_confidential_identity_is_for_the_operator_and_kabid_pengaduan_only(
    client, operator, kabid, bidang, permit_officer
):
    complaint = submit(
        name="Siti Rahmawati",
        phone="081298765432",
        is_confidential=True,
        attachments=[pdf_upload("ktp.pdf")],
        application_number=submitted_application(
            permit_type=make_permit_type(), applicant=UserFactory()
        ).number,
    )
    Complaint.objects.filter(pk=complaint.pk).update(disposed_unit=home_unit())
    complaint.refresh_from_db()
    for person in (operator, kabid):
        assert identity_visible(user=person, complaint=complaint)
    client.force_login(operator)
    page = client.get(detail(complaint)).content.decode()
    assert "Siti Rahmawati" in page and "081298765432" in page and "Dirahasiakan" not in page

    # Not even the bidang it was disposed to: it sees the complaint, neither who sent it nor its attachments.
    assert not identity_visible(user=bidang, complaint=complaint)
    client.force_login(bidang)
    page = client.get(detail(complaint)).content.decode()
    assert "Siti Rahmawati" not in page and "081298765432" not in page and "Dirahasiakan" in page
    attachment = complaint.attachments.get()
    url = reverse("complaints:staff_attachment", kwargs={"pk": complaint.pk, "attachment_pk": attachment.pk})
    assert url not in page and client.get(url).status_code == 404

    # A permit officer (e.g. on the linked application's timeline) is told only that it is confidential.
    assert not identity_visible(user=permit_officer, complaint=complaint)
    assert not identity_visible(user=UserFactory(roles=[Role.KEPALA_DINAS]), complaint=complaint)
    # …and cannot open the complaint at all.
    client.force_login(permit_officer)
    assert client.get(detail(complaint)).status_code == 404

    # Without the confidential flag other officers may see the name; applicants never.
    open_one = submit(name="Andi")
    assert identity_visible(user=permit_officer, complaint=open_one)
    assert not identity_visible(user=UserFactory(), complaint=open_one)


def test_confidential_identity_shows_dirahasiakan_when_not_visible(rf, permit_officer):
    from complaints.staff_views import render_detail

    complaint = submit(name="Siti Rahmawati", is_confidential=True)
    request = rf.get("/")
    request.user = permit_officer
    request._messages = []  # render_detail reads messages through the template only
    html = render_detail(request, complaint).content.decode()
    assert "Dirahasiakan" in html and "Siti Rahmawati" not in html


def test_linked_application_shows_number_type_and_stage_and_links_only_for_application_roles(
    client, operator
):
    applicant = UserFactory()
    application = submitted_application(permit_type=make_permit_type(), applicant=applicant)
    complaint = submit(application_number=application.number)
    staff_page = reverse("workflow:staff_application_detail", kwargs={"pk": application.pk})
    client.force_login(operator)
    page = client.get(detail(complaint)).content.decode()
    assert application.number in page
    assert application.permit_type.name in page and application.get_status_display() in page
    assert staff_page not in page
    assert client.get(staff_page).status_code == 404

    # An operator who also works on applications (here as Back Office) may open it.
    both = UserFactory(roles=[Role.OPERATOR_PENGADUAN, Role.BACK_OFFICE])
    client.force_login(both)
    assert staff_page in client.get(detail(complaint)).content.decode()
    assert client.get(staff_page).status_code == 200


def test_attachment_download_is_permission_checked(client, operator, permit_officer):
    complaint = submit(attachments=[pdf_upload("bukti.pdf")])
    attachment = complaint.attachments.get()
    url = reverse("complaints:staff_attachment", kwargs={"pk": complaint.pk, "attachment_pk": attachment.pk})
    client.force_login(operator)
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment;")
    assert response["X-Content-Type-Options"] == "nosniff"
    assert b"".join(response.streaming_content).startswith(b"%PDF")
    page = client.get(detail(complaint)).content.decode()
    assert url in page

    for outsider in (permit_officer, UserFactory()):
        client.force_login(outsider)
        assert client.get(url).status_code == 404
    client.logout()
    assert client.get(url).status_code == 302  # to the login page
    # An attachment of another complaint is not reachable through this one.
    other = submit()
    client.force_login(operator)
    wrong = reverse("complaints:staff_attachment", kwargs={"pk": other.pk, "attachment_pk": attachment.pk})
    assert client.get(wrong).status_code == 404


# --- deadlines -----------------------------------------------------------------------------------------


def test_deadlines_count_working_days_across_the_year_end_holidays():
    complaint = submit(now=datetime(2026, 12, 23, 10, 0, tzinfo=WIB))
    # Received Wednesday 23 December 2026. Thursday 24 is cuti bersama Natal, Friday 25 Natal, then the
    # weekend: the first working day after is Monday 28 December — the acknowledgement is due then.
    assert complaint.acknowledge_due == date(2026, 12, 28)
    # 14 working days after 23 December: 28, 29, 30, 31 Dec (1–4); 1 Jan 2027 Tahun Baru, 2–3 weekend;
    # 4 Jan (5); 5 Jan Isra Mikraj; 6, 7, 8 Jan (6–8); 11–15 Jan (9–13); Monday 18 January (14).
    assert complaint.answer_due == date(2027, 1, 18)

    calendar = office_calendar()
    acknowledge, answer = complaint_deadlines(
        complaint=complaint, calendar=calendar, today=date(2026, 12, 24)
    )
    assert acknowledge.days_left == 1 and not acknowledge.overdue
    acknowledge, answer = complaint_deadlines(
        complaint=complaint, calendar=calendar, today=date(2026, 12, 30)
    )
    assert acknowledge.overdue and acknowledge.days_late == 2  # 29 and 30 December
    assert answer.days_left == 11  # 31 Dec; 4, 6, 7, 8 Jan; 11–15 Jan; 18 Jan
    acknowledge, answer = complaint_deadlines(complaint=complaint, calendar=calendar, today=date(2027, 1, 20))
    assert answer.overdue and answer.days_late == 2  # 19 and 20 January


# --- the queue -----------------------------------------------------------------------------------------


def complaint_in(state: str, **fields) -> Complaint:
    today = timezone.localdate()
    values = {
        "ticket": f"ADU-TEST-{Complaint.objects.count():05d}",
        "kind": ComplaintKind.PENGADUAN,
        "handled_as": ComplaintKind.PENGADUAN,
        "description": "Uraian.",
        "status": state,
        "received_at": timezone.now(),
        "acknowledge_due": today + timedelta(days=1),
        "answer_due": today + timedelta(days=20),
        # From the disposition on, it is the `bidang` fixture's unit's.
        "disposed_unit": home_unit()
        if state in (CS.DIDISPOSISI, CS.DIJAWAB, CS.DISAMPAIKAN, CS.SELESAI)
        else None,
        **fields,
    }
    return Complaint.objects.create(**values)


def test_each_role_sees_its_own_statuses(client, operator, kabid, bidang):
    by_status = {state: complaint_in(state) for state in CS}

    def seen(user, **params):
        client.force_login(user)
        return {row.complaint.status for row in client.get(queue(**params)).context["rows"]}

    assert seen(operator) == {CS.DITERIMA, CS.DIKLASIFIKASI}
    assert seen(kabid) == {CS.DIKLASIFIKASI, CS.DIJAWAB}
    assert seen(kabid, cakupan="semua") == set(CS)  # oversight of everything
    assert seen(bidang) == {CS.DIDISPOSISI}
    assert seen(bidang, cakupan="semua") == {CS.DIDISPOSISI}
    # A status outside one's queue: the selector gives nothing; the page reports the filter and ignores it.
    today = timezone.localdate()
    outside = ComplaintQueueFilters(status=CS.DIJAWAB)
    assert not complaint_queue_for_user(user=operator, filters=outside, today=today).exists()
    assert seen(operator, status=CS.DIJAWAB) == {CS.DITERIMA, CS.DIKLASIFIKASI}
    assert "status" in client.get(queue(status=CS.DIJAWAB)).context["form"].errors
    assert seen(kabid, status=CS.DIJAWAB) == {CS.DIJAWAB}
    assert len(by_status) == len(CS)


@pytest.mark.parametrize("role", [Role.BACK_OFFICE, Role.KEPALA_DINAS, Role.PEMOHON])
def test_queue_is_not_found_for_others(client, role):
    client.force_login(UserFactory(roles=[role]))
    assert client.get(queue()).status_code == 404


def test_queue_filters(operator):
    today = timezone.localdate()
    sip, other_type = PermitTypeFactory(), PermitTypeFactory()
    web = complaint_in(CS.DITERIMA, permit_type=sip)
    phone = complaint_in(CS.DITERIMA, channel=Channel.TELEPON, handled_as=ComplaintKind.ASPIRASI)
    lapor = complaint_in(
        CS.DIKLASIFIKASI, channel=Channel.LAPOR, lapor_id="LPR-778899", permit_type=other_type
    )
    late = complaint_in(CS.DIKLASIFIKASI, answer_due=today - timedelta(days=3))
    unacknowledged = complaint_in(CS.DITERIMA, acknowledge_due=today - timedelta(days=1))

    def found(**fields):
        return set(
            complaint_queue_for_user(user=operator, filters=ComplaintQueueFilters(**fields), today=today)
        )

    assert found(channel=Channel.TELEPON) == {phone}
    assert found(kind=ComplaintKind.ASPIRASI) == {phone}
    assert found(permit_type_id=sip.pk) == {web}
    assert found(overdue_only=True) == {late, unacknowledged}
    assert found(q="lpr-778899") == {lapor}
    assert found(q=web.ticket.lower()) == {web}
    assert found(status=CS.DIKLASIFIKASI) == {lapor, late}


def test_overdue_rows_are_highlighted_and_say_so(client, operator):
    today = timezone.localdate()
    late = complaint_in(CS.DIKLASIFIKASI, answer_due=today - timedelta(days=10))
    on_time = complaint_in(CS.DITERIMA)
    client.force_login(operator)
    response = client.get(queue())
    html = response.content.decode()
    rows = {row.complaint: row for row in response.context["rows"]}
    assert rows[late].overdue and rows[late].answer.days_late >= 1
    assert not rows[on_time].overdue
    assert 'class="table-danger"' in html
    assert "Terlambat" in html and "hari kerja" in html  # in words, not colour only
    assert "Sisa" in html


def test_queue_query_count_is_constant(client, kabid, django_assert_max_num_queries):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    permit_type = PermitTypeFactory()
    for _ in range(5):
        complaint_in(CS.DIJAWAB, permit_type=permit_type)
    client.force_login(kabid)
    client.get(queue())  # warm the session and the content types
    with CaptureQueriesContext(connection) as few:
        assert client.get(queue()).status_code == 200
    for _ in range(60):
        complaint_in(CS.DIKLASIFIKASI, permit_type=permit_type)
    with CaptureQueriesContext(connection) as many:
        response = client.get(queue())
    assert len(response.context["rows"]) == 25
    assert len(many) == len(few)


def test_only_the_unit_disposed_to_hears_of_the_complaint(kabid, bidang):
    elsewhere = UserFactory(roles=[Role.BIDANG_TERKAIT])
    ComplaintUnit.objects.create(name="Dinas Uji Lain").members.add(elsewhere)
    unassigned = UserFactory(roles=[Role.BIDANG_TERKAIT])  # in no unit at all
    complaint = complaint_in(CS.DIKLASIFIKASI)
    complaint_dispose(
        complaint_id=complaint.pk,
        expected_status=CS.DIKLASIFIKASI,
        by=kabid,
        unit=home_unit(),
        outcome=Outcome.INTERNAL,
    )
    complaint.refresh_from_db()
    assert complaint.disposed_unit == home_unit() and complaint.disposed_to == home_unit().name
    assert Notification.objects.filter(recipient=bidang).count() == 1
    assert not Notification.objects.filter(recipient__in=[elsewhere, unassigned]).exists()


def test_an_inactive_unit_cannot_be_disposed_to(kabid):
    closed = ComplaintUnit.objects.create(name="Unit Ditutup", is_active=False)
    complaint = complaint_in(CS.DIKLASIFIKASI)
    with pytest.raises(ComplaintInvalid):
        complaint_dispose(
            complaint_id=complaint.pk,
            expected_status=CS.DIKLASIFIKASI,
            by=kabid,
            unit=closed,
            outcome="INTERNAL",
        )


def test_units_are_configured_in_the_admin_with_bidang_terkait_members(client, bidang):
    client.force_login(UserFactory(is_staff=True, is_superuser=True, roles=[Role.ADMINISTRATOR]))
    assert client.get(reverse("admin:complaints_complaintunit_changelist")).status_code == 200
    response = client.get(reverse("admin:complaints_complaintunit_change", args=[home_unit().pk]))
    members = response.context["adminform"].form.fields["members"].queryset
    assert bidang in members and not members.exclude(groups__name=Role.BIDANG_TERKAIT.value).exists()


# --- overdue reminders ---------------------------------------------------------------------------------


def test_overdue_reminders_once_per_complaint_recipient_and_day(operator, kabid, bidang):
    today = date(2026, 7, 8)  # a Wednesday
    now = datetime(2026, 7, 8, 7, 0, tzinfo=WIB)
    disposed = complaint_in(
        CS.DIDISPOSISI,
        acknowledge_due=date(2026, 6, 2),
        answer_due=date(2026, 7, 6),
        ticket="ADU-2606-LATE01",
    )
    complaint_in(CS.DITERIMA, acknowledge_due=date(2026, 7, 7), answer_due=date(2026, 7, 24))
    complaint_in(CS.DIKLASIFIKASI, acknowledge_due=date(2026, 7, 1), answer_due=date(2026, 7, 20))
    complaint_in(CS.DISAMPAIKAN, acknowledge_due=date(2026, 6, 1), answer_due=date(2026, 6, 20))

    created = overdue_complaint_reminders_send(today=today, now=now)
    # disposed: the bidang and the Kabid; unacknowledged: the operator and the Kabid; the others are in time.
    assert created == 4
    bidang_notice = Notification.objects.get(recipient=bidang)
    assert "ADU-2606-LATE01" in bidang_notice.message and "terlambat 2 hari kerja" in bidang_notice.message
    assert bidang_notice.url == detail(disposed)
    assert Notification.objects.filter(recipient=kabid).count() == 2
    assert "belum ditanggapi" in Notification.objects.get(recipient=operator).message

    assert overdue_complaint_reminders_send(today=today, now=now) == 0
    from django.core.cache import cache

    cache.clear()  # the marker rows have the last word when the cache is gone
    assert overdue_complaint_reminders_send(today=today, now=now) == 0
    # The next working day reminds again; a Saturday does not.
    assert overdue_complaint_reminders_send(today=date(2026, 7, 11)) == 0
    assert overdue_complaint_reminders_send(today=date(2026, 7, 9), now=now + timedelta(days=1)) == 4


def test_reminder_task_runs_the_service(kabid):
    from complaints.staff_tasks import remind_overdue_complaints

    complaint_in(CS.DIJAWAB, answer_due=timezone.localdate() - timedelta(days=30))
    # .apply(): in-process in both runs; the real-worker test covers the broker.
    result = remind_overdue_complaints.apply().get()
    assert result == (1 if office_calendar().is_working_day(timezone.localdate()) else 0)
