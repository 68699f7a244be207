"""The complaint recap: counts per dimension on a known set, on-time rate, average working days, exports
parsed back, access, and a query count that does not grow with the complaints."""

import csv
import io
from datetime import date, datetime
from decimal import Decimal
from zoneinfo import ZoneInfo

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from openpyxl import load_workbook

from accounts.roles import Role
from complaints.dashboard_glance import complaints_glance
from complaints.models import Channel, Complaint, ComplaintKind, Outcome
from complaints.models import ComplaintStatus as CS
from complaints.recap import complaint_recap
from tests.factories import PermitTypeFactory, UserFactory

pytestmark = pytest.mark.django_db

WIB = ZoneInfo("Asia/Jakarta")
JULY = (date(2026, 7, 1), date(2026, 7, 31))  # July 2026 has no national holiday or cuti bersama
TODAY = date(2026, 7, 31)


def at(month: int, day: int, hour: int = 9, minute: int = 0) -> datetime:
    return datetime(2026, month, day, hour, minute, tzinfo=WIB)


def make(ticket: str, *, received_at, answer_due, acknowledge_due=None, **fields) -> Complaint:
    values = {
        "kind": fields.get("handled_as", ComplaintKind.PENGADUAN),
        "handled_as": ComplaintKind.PENGADUAN,
        "description": "Uraian.",
        "status": CS.DITERIMA,
        "channel": Channel.WEB,
        **fields,
    }
    return Complaint.objects.create(
        ticket=ticket,
        received_at=received_at,
        acknowledge_due=acknowledge_due or received_at.date(),
        answer_due=answer_due,
        **values,
    )


@pytest.fixture
def services():
    return PermitTypeFactory(name="SIP Dokter Umum"), PermitTypeFactory(name='=HYPERLINK("http://x")')


@pytest.fixture
def known_set(services):
    sip, odd = services
    done = {"status": CS.DISAMPAIKAN}
    # A: answered in 2 working days (1 → 3 July), on time.
    make(
        "A",
        received_at=at(7, 1),
        answer_due=date(2026, 7, 21),
        permit_type=sip,
        component=3,
        outcome=Outcome.INTERNAL,
        published_at=at(7, 3, 14),
        **done,
    )
    # B: from LAPOR!, answered late on 24 July: 3, 6–10, 13–17, 20–24 July = 16 working days.
    make(
        "B",
        received_at=at(7, 2),
        answer_due=date(2026, 7, 22),
        channel=Channel.LAPOR,
        lapor_id="51234",
        permit_type=sip,
        component=1,
        outcome=Outcome.TEKNIS,
        published_at=at(7, 24, 10),
        status=CS.SELESAI,
    )
    # C: a question by telephone about no particular service, classified, its answer overdue on 31 July.
    make(
        "C",
        received_at=at(7, 6),
        answer_due=date(2026, 7, 24),
        channel=Channel.TELEPON,
        handled_as=ComplaintKind.PERMINTAAN_INFORMASI,
        status=CS.DIKLASIFIKASI,
    )
    # D: a suggestion by e-mail, with the APIP, overdue on 31 July.
    make(
        "D",
        received_at=at(7, 10),
        answer_due=date(2026, 7, 30),
        channel=Channel.EMAIL,
        handled_as=ComplaintKind.ASPIRASI,
        permit_type=odd,
        component=8,
        outcome=Outcome.APIP,
        status=CS.DIDISPOSISI,
    )
    # E: not acknowledged by its 30 July deadline: overdue, though its answer is not due yet.
    make(
        "E",
        received_at=at(7, 29),
        acknowledge_due=date(2026, 7, 30),
        answer_due=date(2026, 8, 18),
        permit_type=odd,
    )
    # F: received in June, answered on its due date in July: counts among July's answers (8 working days:
    # 26, 29, 30 June, 1–3, 6, 7 July), not among July's complaints.
    make(
        "F",
        received_at=at(6, 25),
        answer_due=date(2026, 7, 7),
        permit_type=sip,
        outcome=Outcome.INTERNAL,
        published_at=at(7, 7, 10),
        **done,
    )
    # H: answered at once, at 23:30 local time on its due date: still on time (0 working days).
    make(
        "H",
        received_at=at(7, 15),
        answer_due=date(2026, 7, 15),
        handled_as=ComplaintKind.PERMINTAAN_INFORMASI,
        permit_type=sip,
        outcome=Outcome.INTERNAL,
        published_at=at(7, 15, 23, 30),
        **done,
    )
    # I: a letter received at 23:30 local time on the last day (already 1 August in some time zones, and
    # 16:30 UTC the same day): in July.
    make(
        "I",
        received_at=at(7, 31, 23, 30),
        acknowledge_due=date(2026, 8, 3),
        answer_due=date(2026, 8, 20),
        channel=Channel.SURAT,
    )
    # Outside July: 30 June 23:30 local time, and August.
    make("J", received_at=at(6, 30, 23, 30), answer_due=date(2026, 7, 20), status=CS.DIKLASIFIKASI)
    make("G", received_at=at(8, 3), answer_due=date(2026, 8, 21))


def counts(lines) -> dict:
    return {line.label: line.count for line in lines if line.count}


def test_counts_per_dimension(known_set):
    recap = complaint_recap(start=JULY[0], end=JULY[1], today=TODAY)
    assert recap.received == 7  # A B C D E H I
    assert recap.open == 4  # C D E I
    assert recap.overdue == 3  # C D (answer) and E (acknowledgement)
    assert counts(recap.by_channel) == {
        "Situs web Pintu": 3,  # A E H
        "SP4N-LAPOR!": 1,
        "Telepon": 1,
        "E-mail": 1,
        "Surat": 1,
    }
    assert counts(recap.by_kind) == {
        "Pengaduan": 4,  # A B E I
        "Konsultasi / permintaan informasi": 2,  # C H
        "Saran / aspirasi": 1,  # D
    }
    assert [(line.label, line.count) for line in recap.by_service] == [
        ("SIP Dokter Umum", 3),  # A B H
        ('=HYPERLINK("http://x")', 2),  # D E
        ("Lainnya", 2),  # C I
    ]
    assert counts(recap.by_component) == {
        "Persyaratan": 1,
        "Jangka waktu penyelesaian": 1,
        "Sarana, prasarana, dan/atau fasilitas": 1,
        "Belum/tidak diklasifikasi": 4,  # C E H I
    }
    assert len(recap.by_component) == 15, "all 14 components are listed, zeros included"
    assert counts(recap.by_outcome) == {
        "Diselesaikan internal DPMPTSP": 2,  # A H
        "Bersama Tim Teknis / OPD teknis": 1,
        "Dengan APIP (Inspektorat)": 1,
        "Belum ditentukan": 3,  # C E I
    }


def test_on_time_rate_and_average_working_days(known_set):
    recap = complaint_recap(start=JULY[0], end=JULY[1], today=TODAY)
    # Delivered in July: A (on time), B (late), F (on its due date), H (23:30 on its due date).
    assert (recap.published, recap.published_on_time, recap.published_late) == (4, 3, 1)
    assert recap.on_time_rate == Decimal("75.0")
    # (2 + 16 + 8 + 0) / 4
    assert recap.average_working_days == Decimal("6.5")


def test_empty_period_has_no_rates():
    recap = complaint_recap(start=date(2020, 1, 1), end=date(2020, 12, 31), today=TODAY)
    assert recap.received == 0 and recap.on_time_rate is None and recap.average_working_days is None
    assert [line.count for line in recap.by_service] == []


def test_dashboard_glance(known_set):
    glance = complaints_glance(start=JULY[0], end=JULY[1], today=TODAY)
    # Open and overdue are today's, whenever received (J, from June, too); the rest is July's.
    assert glance == {"open": 6, "overdue": 4, "received": 7, "on_time_rate": Decimal("75.0")}


# --- the page and its exports ----------------------------------------------------------------------------


def recap_url(**params) -> str:
    query = "&".join(f"{key}={value}" for key, value in params.items())
    return reverse("complaints:staff_recap") + (f"?{query}" if query else "")


JULY_PARAMS = {"tahun": 2026, "periode": "B07"}


@pytest.mark.parametrize(
    "role",
    [
        Role.OPERATOR_PENGADUAN,
        Role.KEPALA_BIDANG_PENGADUAN,
        Role.BIDANG_TERKAIT,
        Role.KEPALA_DINAS,
        Role.SEKRETARIS,
        Role.ADMINISTRATOR,
    ],
)
def test_recap_readers(client, role):
    client.force_login(UserFactory(roles=[role]))
    assert client.get(recap_url()).status_code == 200


@pytest.mark.parametrize("role", [Role.BACK_OFFICE, Role.KEPALA_BIDANG, Role.PEMOHON])
def test_others_get_not_found(client, role):
    client.force_login(UserFactory(roles=[role]))
    assert client.get(recap_url()).status_code == 404
    assert client.get(recap_url(format="csv")).status_code == 404


def test_period_selector(client, known_set):
    client.force_login(UserFactory(roles=[Role.KEPALA_DINAS]))
    july = client.get(recap_url(**JULY_PARAMS)).context["recap"]
    assert (july.start, july.end, july.received) == (date(2026, 7, 1), date(2026, 7, 31), 7)
    quarter = client.get(recap_url(tahun=2026, periode="T3")).context["recap"]
    assert (quarter.start, quarter.end, quarter.received) == (date(2026, 7, 1), date(2026, 9, 30), 8)
    custom = client.get(recap_url(tahun=2026, periode="RENTANG", dari="2026-06-25", sampai="2026-07-02"))
    assert custom.context["recap"].received == 4  # F J A B
    year = client.get(recap_url(tahun=2026, periode="TAHUN")).context["recap"]
    assert (year.start, year.end, year.received) == (date(2026, 1, 1), date(2026, 12, 31), 10)
    bad = client.get(recap_url(tahun=2026, periode="RENTANG", dari="2026-07-02", sampai="2026-06-01"))
    assert bad.status_code == 400 and bad.context["recap"] is None
    assert "Tanggal akhir tidak boleh sebelum tanggal awal." in bad.content.decode()


def test_page_shows_the_numbers(client, known_set):
    client.force_login(UserFactory(roles=[Role.KEPALA_BIDANG_PENGADUAN]))
    html = client.get(recap_url(**JULY_PARAMS)).content.decode()
    assert "75.0%" in html or "75,0%" in html
    assert "SIP Dokter Umum" in html and "Menurut komponen standar pelayanan" in html


def export_rows(content: bytes) -> list[list[str]]:
    return list(csv.reader(io.StringIO(content.decode("utf-8-sig"))))


def test_csv_export_parses_back(client, known_set):
    client.force_login(UserFactory(roles=[Role.OPERATOR_PENGADUAN]))
    response = client.get(recap_url(**JULY_PARAMS, format="csv"))
    assert response["Content-Type"].startswith("text/csv")
    assert (
        response["Content-Disposition"] == 'attachment; filename="rekap-pengaduan-2026-07-01-2026-07-31.csv"'
    )
    rows = export_rows(response.content)
    assert rows[0] == ["Bagian", "Uraian", "Jumlah"]
    assert rows[1] == ["Periode", "Dari tanggal", "2026-07-01"]
    values = {(section, label): value for section, label, value in rows[1:]}
    assert values[("Ringkasan", "Diterima dalam periode")] == "7"
    assert values[("Ringkasan", "Persentase tepat waktu (%)")] == "75.0"
    assert values[("Ringkasan", "Rata-rata hari kerja hingga jawaban disampaikan")] == "6.5"
    assert values[("Menurut saluran", "SP4N-LAPOR!")] == "1"
    assert values[("Menurut layanan", "Lainnya")] == "2"
    # A service name that a spreadsheet would run as a formula is neutralised.
    assert values[("Menurut layanan", '\'=HYPERLINK("http://x")')] == "2"
    assert not any(cell.startswith(("=", "+", "@")) for row in rows for cell in row)


def test_xlsx_export_parses_back(client, known_set):
    client.force_login(UserFactory(roles=[Role.SEKRETARIS]))
    response = client.get(recap_url(**JULY_PARAMS, format="xlsx"))
    assert response["Content-Type"] == "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    sheet = load_workbook(io.BytesIO(response.content)).active
    rows = [[cell.value for cell in row] for row in sheet.iter_rows()]
    assert rows[0] == ["Bagian", "Uraian", "Jumlah"]
    assert rows[1][2].date() == date(2026, 7, 1)
    values = {(section, label): value for section, label, value in rows[1:]}
    assert values[("Ringkasan", "Diterima dalam periode")] == 7
    assert values[("Ringkasan", "Persentase tepat waktu (%)")] == 75
    assert values[("Menurut kategori penyelesaian", "Dengan APIP (Inspektorat)")] == 1
    # Text stays text: the odd service name is a string cell, not a formula.
    odd = next(row for row in sheet.iter_rows() if row[1].value == '=HYPERLINK("http://x")')
    assert odd[1].data_type == "s"


# --- constant queries ------------------------------------------------------------------------------------


def bulk(count: int, start: int, permit_types) -> None:
    channels, kinds, outcomes = list(Channel), list(ComplaintKind), [*Outcome, ""]
    statuses = list(CS)
    Complaint.objects.bulk_create(
        Complaint(
            ticket=f"ADU-2607-B{start + n:05d}",
            kind=kinds[n % len(kinds)],
            handled_as=kinds[(n + 1) % len(kinds)],
            channel=channels[n % len(channels)],
            permit_type=permit_types[n % len(permit_types)] if n % 4 else None,
            component=(n % 14) + 1 if n % 3 else None,
            outcome=outcomes[n % len(outcomes)],
            description="Uraian.",
            status=statuses[n % len(statuses)],
            received_at=at(7, 1 + n % 28, 8 + n % 8),
            acknowledge_due=date(2026, 7, 2 + n % 28),
            answer_due=date(2026, 7, 3 + n % 28),
            published_at=at(7, 2 + n % 28, 15)
            if statuses[n % len(statuses)] in (CS.DISAMPAIKAN, CS.SELESAI)
            else None,
        )
        for n in range(count)
    )


def test_query_count_is_constant_from_10_to_300_complaints(client, services):
    def measure() -> int:
        with CaptureQueriesContext(connection) as queries:
            complaint_recap(start=JULY[0], end=JULY[1], today=TODAY)
        return len(queries)

    bulk(10, 0, services)
    few = measure()
    bulk(290, 10, services)
    assert Complaint.objects.count() == 300
    assert measure() == few
    assert few <= 10

    client.force_login(UserFactory(roles=[Role.KEPALA_DINAS]))
    client.get(recap_url(**JULY_PARAMS))  # warm the session
    with CaptureQueriesContext(connection) as page:
        client.get(recap_url(**JULY_PARAMS))
    with CaptureQueriesContext(connection) as export:
        client.get(recap_url(**JULY_PARAMS, format="xlsx"))
    Complaint.objects.filter(ticket__gte="ADU-2607-B00010").delete()
    with CaptureQueriesContext(connection) as small_page:
        client.get(recap_url(**JULY_PARAMS))
    assert len(small_page) == len(page) and len(export) <= len(page)
