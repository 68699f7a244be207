import csv
import io
from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from accounts.roles import Role
from signing.models import IssuedNumber
from signing.numbering import number_allocate
from tests.factories import PermitTypeFactory, UserFactory

from .conftest import application_awaiting_number, make_series

WIB = ZoneInfo("Asia/Jakarta")
NOW = datetime(2026, 3, 5, 10, 0, tzinfo=WIB)
HEADERS = ["Nomor surat", "Tanggal", "Nomor permohonan", "Jenis izin", "Nama pemegang izin"]


def url(**params) -> str:
    query = "&".join(f"{key}={value}" for key, value in params.items())
    return reverse("signing:number_register") + (f"?{query}" if query else "")


@pytest.fixture
def officer(client, sekretariat):
    client.force_login(sekretariat)
    return sekretariat


@pytest.fixture
def issued(series, awaiting, sekretariat):
    """Three numbers in 2026 (one holder name that looks like a formula) and one in 2025."""
    rows = [
        number_allocate(
            application=awaiting(data={"nama_dengan_gelar": "dr. Andi Wijaya"}), by=sekretariat, now=NOW
        ),
        number_allocate(
            application=awaiting(data={"nama_dengan_gelar": '=HYPERLINK("http://jahat.test","klik")'}),
            by=sekretariat,
            now=NOW,
        ),
        number_allocate(
            application=awaiting(data={"nama_dengan_gelar": "@SUM(A1)"}), by=sekretariat, now=NOW
        ),
    ]
    rows.append(
        number_allocate(
            application=awaiting(data={"nama_dengan_gelar": "drg. Lama"}),
            by=sekretariat,
            now=datetime(2025, 12, 30, 9, 0, tzinfo=WIB),
        )
    )
    return rows


# --- Access ---------------------------------------------------------------------------------------------


def test_anonymous_is_sent_to_log_in(client, db):
    response = client.get(url())
    assert response.status_code == 302 and "/akun/" in response["Location"]


@pytest.mark.parametrize("role", [Role.PEMOHON, Role.FRONT_OFFICE, Role.BACK_OFFICE, Role.KEPALA_BIDANG])
def test_others_get_not_found(client, role, issued):
    client.force_login(UserFactory(roles=[role]))
    assert client.get(url()).status_code == 404
    assert client.get(url(format="csv")).status_code == 404
    assert client.get(url(format="xlsx")).status_code == 404


@pytest.mark.parametrize("role", [Role.SEKRETARIAT, Role.SEKRETARIS, Role.KEPALA_DINAS, Role.ADMINISTRATOR])
def test_register_roles_see_it(client, role, db):
    client.force_login(UserFactory(roles=[role]))
    assert client.get(url()).status_code == 200


# --- Page -----------------------------------------------------------------------------------------------


def test_page_lists_this_years_numbers_with_a_caption(client, officer, issued):
    response = client.get(url())
    html = response.content.decode()
    assert "<caption" in html and "tahun 2026" in html
    rows = response.context["rows"]
    assert [row.number for row in rows] == [i.number for i in issued[:3]]
    first = rows[0]
    assert first.issued_on == date(2026, 3, 5)
    assert first.application_number == issued[0].application.number
    assert first.permit_type == issued[0].application.permit_type.name
    assert first.holder_name == "dr. Andi Wijaya"
    assert "dr. Andi Wijaya" in html and "05-03-2026" in html


def test_filters_by_year_and_series(client, officer, issued, sekretariat):
    other_type = PermitTypeFactory()
    other_series = make_series(name="Reklame", permit_code="REKL", permit_types=[other_type])
    number_allocate(
        application=application_awaiting_number(permit_type=other_type, applicant=UserFactory()),
        by=sekretariat,
        now=NOW,
    )
    assert [r.number for r in client.get(url(tahun=2025)).context["rows"]] == [issued[3].number]
    assert len(client.get(url(tahun="")).context["rows"]) == 5
    only_other = client.get(url(seri=other_series.pk, tahun=2026)).context["rows"]
    assert [r.number for r in only_other] == ["500.16.7.2/0001/REKL/DPMPTSP/III/2026"]
    # A filter that is not valid is dropped rather than answered with an error page.
    assert client.get(url(seri="abc", tahun=1999)).status_code == 200


def test_paginated_by_fifty_with_constant_queries(
    client, officer, series, permit_type, applicant, sekretariat
):
    def add(count: int, start: int) -> None:
        for sequence in range(start, start + count):
            application = application_awaiting_number(permit_type=permit_type, applicant=applicant)
            IssuedNumber.objects.create(
                series=series,
                year=2026,
                sequence=sequence,
                number=f"500.16.7.2/{sequence:04d}/SIP-DU/DPMPTSP/III/2026",
                application=application,
                issued_at=NOW,
                issued_by=sekretariat,
            )

    add(3, 1)
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as few:
        client.get(url())
    add(50, 4)
    with CaptureQueriesContext(connection) as many:
        response = client.get(url())
    assert len(many) == len(few)
    assert len(response.context["rows"]) == 50 and response.context["page"].paginator.num_pages == 2
    second = client.get(url(tahun=2026, page=2)).context["rows"]
    assert [row.number[11:15] for row in second] == ["0051", "0052", "0053"]


def test_empty_register_says_so(client, officer):
    assert "Belum ada nomor surat" in client.get(url()).content.decode()


# --- Exports --------------------------------------------------------------------------------------------


def test_csv_export(client, officer, issued, series):
    response = client.get(url(seri=series.pk, tahun=2026, format="csv"))
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"] == f'attachment; filename="register-nomor-{series.pk}-2026.csv"'
    body = response.content
    assert body.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(body.decode("utf-8-sig"))))
    assert rows[0] == HEADERS
    assert rows[1] == [
        issued[0].number,
        "2026-03-05",
        issued[0].application.number,
        issued[0].application.permit_type.name,
        "dr. Andi Wijaya",
    ]
    # Formula injection: cells a spreadsheet would evaluate start with a quote instead.
    assert rows[2][4] == '\'=HYPERLINK("http://jahat.test","klik")'
    assert rows[3][4] == "'@SUM(A1)"
    assert len(rows) == 4


def test_csv_export_of_every_series_and_year(client, officer, issued):
    response = client.get(url(seri="", tahun="", format="csv"))
    assert response["Content-Disposition"] == 'attachment; filename="register-nomor-semua-semua.csv"'
    assert len(list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))) == 5


def test_xlsx_export(client, officer, issued, series):
    response = client.get(url(seri=series.pk, tahun=2026, format="xlsx"))
    assert response["Content-Type"] == "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    assert response["Content-Disposition"] == f'attachment; filename="register-nomor-{series.pk}-2026.xlsx"'
    sheet = load_workbook(io.BytesIO(response.content)).active
    rows = list(sheet.iter_rows(values_only=True))
    assert list(rows[0]) == HEADERS
    assert rows[1][0] == issued[0].number
    assert rows[1][1] == datetime(2026, 3, 5)  # a real date cell
    assert sheet["B2"].is_date and sheet["B2"].number_format == "DD-MM-YYYY"
    assert rows[1][4] == "dr. Andi Wijaya"
    # Text that looks like a formula is stored as text, never as a formula.
    assert sheet["E3"].data_type == "s" and sheet["E3"].value == '=HYPERLINK("http://jahat.test","klik")'
    assert sheet["E4"].data_type == "s"
    assert len(rows) == 4
    assert sheet.freeze_panes == "A2"
