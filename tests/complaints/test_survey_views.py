"""Survey pages (kiosk, after the SK), the honeypot and rate limit, and the IKM report with its exports."""

import csv
import io
from datetime import datetime
from decimal import Decimal
from zoneinfo import ZoneInfo

import pytest
from django.template.loader import render_to_string
from django.test import RequestFactory
from django.urls import reverse
from django.utils import timezone
from openpyxl import load_workbook

from accounts.roles import Role
from complaints.survey_models import SurveyAnswer, SurveyChannel, SurveyElement, SurveyResponse
from complaints.survey_services import (
    SurveyAlreadySubmitted,
    SurveyNotAvailable,
    survey_offer_for,
    survey_submit,
)
from permits.models import Application, ApplicationStatus
from tests.factories import PermitTypeFactory, UserFactory

WIB = ZoneInfo("Asia/Jakarta")
KEYS = SurveyElement.values
KIOSK_URL = "/survei/"
THANKS_URL = "/survei/terima-kasih/"
REPORT_URL = "/petugas/ikm/"
REPORT_ROLES = [
    Role.KEPALA_DINAS,
    Role.KEPALA_BIDANG,
    Role.SEKRETARIS,
    Role.KEPALA_BIDANG_PENGADUAN,
    Role.ADMINISTRATOR,
]


def answers(value="4", **overrides) -> dict:
    data = {key: value for key in KEYS}
    data.update(
        age_group="30_39",
        sex="P",
        education="D4_S1",
        occupation="TENAGA_KESEHATAN",
        suggestion="",
        website="",
    )
    data.update(overrides)
    return data


def issued_application(
    *, applicant, permit_type=None, status=ApplicationStatus.TERBIT, number="SIPUJ-2605-ABCDEF"
):
    # The status is a protected FSM field: set it through the constructor, as the runner's data would.
    application = Application(
        permit_type=permit_type or PermitTypeFactory(),
        applicant=applicant,
        status=status,
        number=number,
        submitted_at=timezone.now(),
    )
    application.save()
    return application


def respond(values: dict[str, int], *, when=None, permit_type=None, suggestion="") -> SurveyResponse:
    response = SurveyResponse.objects.create(
        submitted_at=when or timezone.now(),
        channel=SurveyChannel.KIOSK,
        permit_type=permit_type,
        suggestion=suggestion,
        sex="L",
    )
    SurveyAnswer.objects.bulk_create(
        SurveyAnswer(response=response, element=k, value=v) for k, v in values.items()
    )
    return response


@pytest.fixture
def applicant(db):
    return UserFactory()


@pytest.fixture
def issued(applicant):
    return issued_application(applicant=applicant)


def test_urls_live_in_the_complaints_namespace(db):
    assert reverse("complaints:survey_kiosk") == KIOSK_URL
    assert reverse("complaints:survey_thanks") == THANKS_URL
    assert reverse("complaints:survey_for_application", kwargs={"pk": 7}) == "/permohonan/7/survei/"
    assert reverse("complaints:ikm_report") == REPORT_URL


# --- The kiosk ----------------------------------------------------------------------------------------


def test_kiosk_form_has_nine_accessible_radio_groups(client, db):
    PermitTypeFactory(name="SIP Dokter Umum")
    response = client.get(KIOSK_URL)
    html = response.content.decode()
    assert response.status_code == 200
    assert html.count("<fieldset") == 9 + 4  # nine questions, four profile groups
    assert html.count("<legend") == 9 + 4
    for key in KEYS:
        assert html.count(f'name="{key}"') == 4
    for label in ("Tidak sesuai", "Sangat cepat", "Sangat mahal", "Gratis", "Dikelola dengan baik"):
        assert label in html
    assert "Layanan lainnya" in html and "SIP Dokter Umum" in html
    assert 'name="website"' in html and 'tabindex="-1"' in html


def test_kiosk_submission_is_stored(client, db):
    sip = PermitTypeFactory(name="SIP Dokter Umum")
    data = answers(U3="2", U4="3", permit_type=str(sip.pk), suggestion="  Antrean cepat.  ")
    response = client.post(KIOSK_URL, data)

    assert response.status_code == 302 and response["Location"] == f"{THANKS_URL}?dari=kios"
    stored = SurveyResponse.objects.get()
    assert (stored.channel, stored.permit_type, stored.application) == (SurveyChannel.KIOSK, sip, None)
    assert (stored.age_group, stored.sex, stored.education, stored.occupation) == (
        "30_39",
        "P",
        "D4_S1",
        "TENAGA_KESEHATAN",
    )
    assert stored.suggestion == "Antrean cepat."
    assert dict(stored.answers.values_list("element", "value")) == {
        **dict.fromkeys(KEYS, 4),
        "U3": 2,
        "U4": 3,
    }
    thanks = client.get(response["Location"])
    assert "Terima kasih" in thanks.content.decode() and "Isi survei baru" in thanks.content.decode()


def test_kiosk_other_service(client, db):
    client.post(KIOSK_URL, answers(permit_type=""))
    assert SurveyResponse.objects.get().permit_type is None


@pytest.mark.parametrize(
    "bad",
    [{"U5": ""}, {"U5": "5"}, {"U5": "0"}, {"sex": ""}, {"occupation": "DUKUN"}, {"suggestion": "x" * 2001}],
)
def test_kiosk_refuses_incomplete_or_invalid_answers(client, db, bad):
    response = client.post(KIOSK_URL, answers(**bad))
    assert response.status_code == 400
    assert "Periksa kembali isian berikut" in response.content.decode()
    assert not SurveyResponse.objects.exists()


def test_missing_answer_is_explained_next_to_its_question(client, db):
    response = client.post(KIOSK_URL, answers(U7=""))
    html = response.content.decode()
    assert "Pilih salah satu jawaban." in html
    assert 'href="#kelompok-U7"' in html and 'id="kelompok-U7"' in html
    assert 'aria-describedby="id_U7-galat"' in html
    # The other answers are kept.
    assert html.count("checked") == 8 + 4


def test_honeypot_is_discarded_silently(client, db):
    response = client.post(KIOSK_URL, answers(website="http://obat-murah.example"))
    assert response.status_code == 302 and response["Location"] == f"{THANKS_URL}?dari=kios"
    assert not SurveyResponse.objects.exists()


def test_kiosk_rate_limit(client, db, settings):
    settings.PINTU_SURVEY_RATE = "10/h"
    for _ in range(10):
        assert client.post(KIOSK_URL, answers()).status_code == 302
    limited = client.post(KIOSK_URL, answers())
    assert limited.status_code == 429
    assert "Terlalu banyak survei" in limited.content.decode()
    assert SurveyResponse.objects.count() == 10
    # Another address is not affected.
    assert client.post(KIOSK_URL, answers(), REMOTE_ADDR="10.0.0.9").status_code == 302


def test_kiosk_default_rate_leaves_room_for_a_busy_day(client, db):
    assert all(client.post(KIOSK_URL, answers()).status_code == 302 for _ in range(30))


def test_kiosk_rate_is_configurable(client, db, settings):
    settings.PINTU_SURVEY_RATE = "2/h"
    assert [client.post(KIOSK_URL, answers()).status_code for _ in range(3)] == [302, 302, 429]


# --- After the SK -------------------------------------------------------------------------------------


def test_owner_of_issued_application_fills_it_once(client, applicant, issued):
    url = f"/permohonan/{issued.pk}/survei/"
    client.force_login(applicant)
    page = client.get(url)
    assert page.status_code == 200
    assert issued.number in page.content.decode()
    assert 'name="permit_type"' not in page.content.decode()  # the permit type comes from the application

    response = client.post(url, answers(value="3", suggestion="Terima kasih, cepat."))
    assert response.status_code == 302 and response["Location"] == THANKS_URL
    stored = SurveyResponse.objects.get()
    assert (stored.channel, stored.application, stored.permit_type) == (
        SurveyChannel.ONLINE,
        issued,
        issued.permit_type,
    )
    assert stored.answers.count() == 9

    for again in (client.get(url), client.post(url, answers())):
        assert again.status_code == 302 and again["Location"] == issued.get_absolute_url()
    followed = client.get(url, follow=True)
    assert "Survei untuk permohonan ini sudah diisi. Terima kasih." in followed.content.decode()
    assert SurveyResponse.objects.count() == 1


def test_someone_elses_application_is_not_found(client, issued):
    client.force_login(UserFactory())
    assert client.get(f"/permohonan/{issued.pk}/survei/").status_code == 404
    assert client.post(f"/permohonan/{issued.pk}/survei/", answers()).status_code == 404
    assert not SurveyResponse.objects.exists()


@pytest.mark.parametrize(
    "status", [ApplicationStatus.VERIFIKASI_BERKAS, ApplicationStatus.PENERBITAN, ApplicationStatus.DITOLAK]
)
def test_not_issued_application_is_not_found(client, applicant, status):
    application = issued_application(applicant=applicant, status=status)
    client.force_login(applicant)
    assert client.get(f"/permohonan/{application.pk}/survei/").status_code == 404
    assert client.post(f"/permohonan/{application.pk}/survei/", answers()).status_code == 404


def test_anonymous_is_sent_to_log_in(client, issued):
    response = client.get(f"/permohonan/{issued.pk}/survei/")
    assert response.status_code == 302 and "/akun/" in response["Location"]


def test_application_honeypot_discards(client, applicant, issued):
    client.force_login(applicant)
    response = client.post(f"/permohonan/{issued.pk}/survei/", answers(website="x"))
    assert response.status_code == 302 and response["Location"] == THANKS_URL
    assert not SurveyResponse.objects.exists()


def test_offer_rules(applicant, issued):
    assert survey_offer_for(user=applicant, application=issued) is True
    assert survey_offer_for(user=UserFactory(), application=issued) is False
    pending = issued_application(
        applicant=applicant, status=ApplicationStatus.PENERBITAN, number="SIPUJ-2605-PENDNG"
    )
    assert survey_offer_for(user=applicant, application=pending) is False
    survey_submit(cleaned_data=dict.fromkeys(KEYS, 4), channel=SurveyChannel.ONLINE, application=issued)
    assert survey_offer_for(user=applicant, application=issued) is False


def test_service_refuses_a_second_response_and_unissued_applications(applicant, issued):
    data = {**{key: 4 for key in KEYS}, "sex": "L"}
    survey_submit(cleaned_data=data, channel=SurveyChannel.ONLINE, application=issued)
    with pytest.raises(SurveyAlreadySubmitted):
        survey_submit(cleaned_data=data, channel=SurveyChannel.ONLINE, application=issued)
    pending = issued_application(applicant=applicant, status=ApplicationStatus.MENUNGGU_TTE, number="X-1")
    with pytest.raises(SurveyNotAvailable):
        survey_submit(cleaned_data=data, channel=SurveyChannel.ONLINE, application=pending)
    with pytest.raises(SurveyNotAvailable):
        survey_submit(cleaned_data=data, channel=SurveyChannel.ONLINE)
    assert SurveyResponse.objects.count() == 1


def test_offer_card_links_to_the_survey(issued):
    html = render_to_string(
        "complaints/applicant/_survey_offer.html", {"application": issued}, request=RequestFactory().get("/")
    )
    assert "Bagaimana pengalaman Anda?" in html and "1 menit" in html
    assert f'href="/permohonan/{issued.pk}/survei/"' in html


# --- The report ---------------------------------------------------------------------------------------


@pytest.fixture
def officer(client, db):
    user = UserFactory(roles=[Role.KEPALA_DINAS])
    client.force_login(user)
    return user


@pytest.mark.parametrize("role", [Role.PEMOHON, Role.FRONT_OFFICE, Role.BACK_OFFICE, Role.OPERATOR_PENGADUAN])
def test_report_is_not_found_for_others(client, db, role):
    client.force_login(UserFactory(roles=[role]))
    for fmt in ("", "?format=csv", "?format=xlsx"):
        assert client.get(REPORT_URL + fmt).status_code == 404


def test_report_asks_anonymous_to_log_in(client, db):
    response = client.get(REPORT_URL)
    assert response.status_code == 302 and "/akun/" in response["Location"]


@pytest.mark.parametrize("role", REPORT_ROLES)
def test_report_roles_see_it(client, db, role):
    client.force_login(UserFactory(roles=[role]))
    assert client.get(REPORT_URL).status_code == 200


@pytest.fixture
def hand_example(db):
    """The four respondents of test_ikm's hand-worked example: IKM 84.03, B."""
    sip = PermitTypeFactory(name="SIP Dokter Umum")
    columns = {
        "U1": [3, 4, 3, 4],
        "U2": [3, 3, 3, 4],
        "U3": [2, 3, 3, 3],
        "U4": [4, 4, 4, 4],
        "U5": [3, 3, 4, 4],
        "U6": [3, 4, 4, 4],
        "U7": [4, 4, 4, 3],
        "U8": [2, 3, 3, 3],
        "U9": [3, 3, 3, 3],
    }
    suggestions = ["Ruang tunggu perlu kipas.", "", '=HYPERLINK("http://jahat.test","klik")', ""]
    for i in range(4):
        respond(
            {key: values[i] for key, values in columns.items()},
            permit_type=sip if i < 2 else None,
            suggestion=suggestions[i],
        )
    return sip


def test_report_shows_index_grade_table_chart_and_suggestions(client, officer, hand_example):
    response = client.get(REPORT_URL)
    html = response.content.decode()
    assert response.status_code == 200
    assert 'id="nilai-ikm">84,03<' in html
    assert 'id="mutu-ikm">B<' in html and "Baik" in html
    assert 'id="jumlah-responden">4<' in html
    # The NRR table, numbers as the chart shows them.
    assert 'id="tabel-unsur"' in html
    assert "3,500" in html and "87,50" in html and "100,00" in html
    # The chart: inline SVG, accessible, coordinates never localised.
    assert '<svg role="img"' in html and '<title id="grafik-judul">' in html
    assert 'width="350.0"' in html  # U1: 3.5 / 4 × 400
    assert "Ruang tunggu perlu kipas." in html
    assert "=HYPERLINK(&quot;http://jahat.test&quot;" in html  # shown escaped, as text
    # Per permit type: SIP (2 respondents) and the kiosk's "other services".
    assert 'id="tabel-per-layanan"' in html and "SIP Dokter Umum" in html and "Layanan lainnya" in html


def test_report_filters_by_period_and_permit_type(client, officer, db):
    sip = PermitTypeFactory(name="SIP Dokter Gigi")
    respond(dict.fromkeys(KEYS, 4), when=datetime(2025, 2, 10, 9, 0, tzinfo=WIB), permit_type=sip)
    respond(dict.fromkeys(KEYS, 2), when=datetime(2025, 5, 10, 9, 0, tzinfo=WIB))
    respond(dict.fromkeys(KEYS, 1), when=datetime(2025, 5, 11, 9, 0, tzinfo=WIB), permit_type=sip)

    def index(**params):
        response = client.get(REPORT_URL, params)
        return response.context["report"].index, response.context["report"].respondents

    assert index(tahun="2025", periode="TW1") == (Decimal("100.00"), 1)
    assert index(tahun="2025", periode="TW2") == (Decimal("37.50"), 2)
    assert index(tahun="2025", periode="S1")[1] == 3
    assert index(tahun="2025", periode="S2") == (None, 0)
    assert index(tahun="2025", periode="TAHUN", jenis_izin=str(sip.pk)) == (Decimal("62.50"), 2)
    assert index(tahun="2025", periode="RENTANG", dari="2025-05-10", sampai="2025-05-10") == (
        Decimal("50.00"),
        1,
    )


def test_invalid_period_falls_back_to_this_year(client, officer, db):
    response = client.get(REPORT_URL, {"periode": "RENTANG", "dari": "2025-05-10", "sampai": "2025-01-01"})
    assert response.status_code == 200
    assert "Tanggal akhir tidak boleh sebelum tanggal awal." in response.content.decode()
    assert response.context["report"].start == timezone.localdate().replace(month=1, day=1)


def test_csv_export_parses_back(client, officer, hand_example):
    response = client.get(REPORT_URL, {"format": "csv"})
    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"].startswith('attachment; filename="ikm-')
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert ["Jumlah responden", "4"] in rows
    assert ["Indeks Kepuasan Masyarakat (IKM)", "84.03"] in rows
    assert ["Mutu pelayanan", "B (Baik)"] in rows
    assert ["U1", "Persyaratan", "4", "14", "3.500", "87.50"] in rows
    assert ["SIP Dokter Umum", "2", "80.56", "B"] in rows
    suggestion_cells = [row[2] for row in rows if len(row) == 3 and row[1] == "Layanan lainnya"]
    assert suggestion_cells == ['\'=HYPERLINK("http://jahat.test","klik")']


def test_xlsx_export_parses_back(client, officer, hand_example):
    response = client.get(REPORT_URL, {"format": "xlsx"})
    assert response.status_code == 200
    assert response["Content-Type"] == "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    workbook = load_workbook(io.BytesIO(response.content))
    assert workbook.sheetnames == [
        "Ringkasan",
        "Nilai per unsur",
        "IKM per jenis layanan",
        "Profil responden",
        "Saran dan masukan",
    ]
    summary = {row[0]: row[1] for row in workbook["Ringkasan"].iter_rows(values_only=True)}
    assert summary["Jumlah responden"] == 4
    assert float(summary["Indeks Kepuasan Masyarakat (IKM)"]) == pytest.approx(84.03)
    elements = list(workbook["Nilai per unsur"].iter_rows(values_only=True))
    assert elements[0] == ("Kode", "Unsur pelayanan", "Responden", "Jumlah nilai", "NRR", "NRR × 25")
    assert elements[1][:4] == ("U1", "Persyaratan", 4, 14)
    assert float(elements[1][5]) == pytest.approx(87.5)
    suggestions = workbook["Saran dan masukan"]
    texts = [row[2] for row in suggestions.iter_rows(min_row=2, values_only=True)]
    assert "Ruang tunggu perlu kipas." in texts
    formula_cell = next(cell for cell in suggestions["C"] if str(cell.value).startswith("=HYPERLINK"))
    assert formula_cell.data_type == "s"  # stored as text, not as a formula
