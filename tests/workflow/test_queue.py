"""The officers' "Menu verifikasi" (/petugas/) and their lookup by number (/petugas/lacak/)."""

import itertools
from datetime import datetime, time, timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from accounts.roles import Role
from permits import services
from permits.models import Application, ApplicationStatus
from tests.factories import PermitTypeFactory, UserFactory
from workflow.calendar import office_calendar
from workflow.selectors import QueueFilters, queue_for_user, stage_counts_for_user

NS = "workflow"

pytestmark = pytest.mark.django_db

S = ApplicationStatus
_serial = itertools.count(1)


def url(name: str) -> str:
    return reverse(f"{NS}:{name}")


def local(day, hour=10, minute=0):
    return timezone.make_aware(datetime.combine(day, time(hour, minute)))


def make_applications(count=1, *, status=S.VERIFIKASI_BERKAS, permit_type, applicant, days_ago=1, **fields):
    """Submitted applications straight into the table. `status` is a protected FSM field: it may be given to
    the constructor but not assigned afterwards, so rows are built whole and bulk-inserted."""
    today = timezone.localdate()
    defaults = {
        "submitted_at": local(today - timedelta(days=days_ago)),
        "stage_entered_at": local(today - timedelta(days=days_ago)),
        "due_date": today + timedelta(days=20),
        "clock_started_on": today - timedelta(days=days_ago),
    }
    rows = []
    for _ in range(count):
        number = fields.get("number") or f"{permit_type.code}-2601-Q{next(_serial):06d}"
        rows.append(
            Application(
                permit_type=permit_type,
                applicant=applicant,
                status=status,
                **{**defaults, **fields, "number": number},
            )
        )
    return Application.objects.bulk_create(rows)


def numbers(response) -> list[str]:
    return [row.application.number for row in response.context["rows"]]


@pytest.fixture
def permit_type(db):
    return PermitTypeFactory(code="SIPUJ", name="Izin Praktik Uji")


@pytest.fixture
def other_permit_type(db):
    return PermitTypeFactory(code="SIULA", name="Izin Usaha Lain")


@pytest.fixture
def applicant(db):
    return UserFactory(full_name="Siti Rahmawati")


@pytest.fixture
def back_office(db):
    return UserFactory(roles=[Role.BACK_OFFICE])


@pytest.fixture
def kasi(db):
    return UserFactory(roles=[Role.KEPALA_SEKSI])


@pytest.fixture
def bo_client(client, back_office):
    client.force_login(back_office)
    return client


# --- who sees what -------------------------------------------------------------------------------------


def test_back_office_sees_only_verifikasi_berkas(client, back_office, kasi, permit_type, applicant):
    berkas = make_applications(2, status=S.VERIFIKASI_BERKAS, permit_type=permit_type, applicant=applicant)
    at_kasi = make_applications(3, status=S.VERIFIKASI_KASI, permit_type=permit_type, applicant=applicant)
    make_applications(1, status=S.PERBAIKAN, permit_type=permit_type, applicant=applicant)
    Application.objects.create(permit_type=permit_type, applicant=applicant)  # a draft

    client.force_login(back_office)
    response = client.get(url("queue"))
    assert response.status_code == 200
    assert sorted(numbers(response)) == sorted(a.number for a in berkas)
    assert "Menu verifikasi" in response.text

    client.force_login(kasi)
    response = client.get(url("queue"))
    assert sorted(numbers(response)) == sorted(a.number for a in at_kasi)


def test_a_really_submitted_application_reaches_the_back_office_queue(bo_client, permit_type, applicant):
    draft = services.application_start(permit_type=permit_type, applicant=applicant)
    submitted = services.application_submit(application=draft, by=applicant)
    assert submitted.status == S.VERIFIKASI_BERKAS

    response = bo_client.get(url("queue"))
    assert numbers(response) == [submitted.number]
    (row,) = response.context["rows"]
    assert row.waiting_days == 0 and not row.overdue
    assert row.days_left == office_calendar().working_days_between(timezone.localdate(), submitted.due_date)


def test_officer_with_two_roles_sees_both_stages_and_can_narrow_to_one(client, permit_type, applicant):
    officer = UserFactory(roles=[Role.BACK_OFFICE, Role.KEPALA_SEKSI])
    berkas = make_applications(2, status=S.VERIFIKASI_BERKAS, permit_type=permit_type, applicant=applicant)
    at_kasi = make_applications(1, status=S.VERIFIKASI_KASI, permit_type=permit_type, applicant=applicant)
    make_applications(1, status=S.VERIFIKASI_KABID, permit_type=permit_type, applicant=applicant)
    client.force_login(officer)

    assert len(numbers(client.get(url("queue")))) == 3
    response = client.get(url("queue"), {"tahap": S.VERIFIKASI_KASI})
    assert numbers(response) == [at_kasi[0].number]
    assert response.context["filters"].stage == S.VERIFIKASI_KASI
    assert sorted(numbers(client.get(url("queue"), {"tahap": S.VERIFIKASI_BERKAS}))) == sorted(
        a.number for a in berkas
    )


def test_a_stage_outside_the_officers_own_is_refused_and_ignored(bo_client, permit_type, applicant):
    make_applications(1, status=S.VERIFIKASI_KABID, permit_type=permit_type, applicant=applicant)
    mine = make_applications(1, status=S.VERIFIKASI_BERKAS, permit_type=permit_type, applicant=applicant)
    response = bo_client.get(url("queue"), {"tahap": S.VERIFIKASI_KABID})
    assert response.status_code == 200
    assert "tahap" in response.context["form"].errors
    assert numbers(response) == [mine[0].number]


def test_selector_gives_nothing_for_a_stage_that_is_not_the_users(back_office, permit_type, applicant):
    make_applications(1, status=S.VERIFIKASI_KABID, permit_type=permit_type, applicant=applicant)
    filters = QueueFilters(stage=S.VERIFIKASI_KABID)
    assert not queue_for_user(user=back_office, filters=filters, today=timezone.localdate()).exists()


def test_applicant_gets_404_and_anonymous_is_sent_to_sign_in(client, applicant, permit_type):
    make_applications(1, permit_type=permit_type, applicant=applicant)
    response = client.get(url("queue"))
    assert response.status_code == 302 and "/akun/" in response["Location"]

    client.force_login(applicant)
    assert client.get(url("queue")).status_code == 404
    assert client.get(url("staff_tracking")).status_code == 404


def test_empty_queue_says_so(bo_client):
    response = bo_client.get(url("queue"))
    assert response.status_code == 200
    assert "Tidak ada permohonan di antrean Anda." in response.text
    assert 'role="status"' in response.text


# --- filters and search -------------------------------------------------------------------------------


def test_filter_by_permit_type(bo_client, permit_type, other_permit_type, applicant):
    make_applications(2, permit_type=permit_type, applicant=applicant)
    others = make_applications(1, permit_type=other_permit_type, applicant=applicant)
    response = bo_client.get(url("queue"), {"jenis": other_permit_type.pk})
    assert numbers(response) == [others[0].number]


def test_filter_by_submission_dates_uses_local_days(bo_client, permit_type, applicant):
    today = timezone.localdate()
    day = today - timedelta(days=10)
    late_evening = make_applications(
        1, permit_type=permit_type, applicant=applicant, submitted_at=local(day, 23, 30)
    )
    next_morning = make_applications(
        1, permit_type=permit_type, applicant=applicant, submitted_at=local(day + timedelta(days=1), 0, 10)
    )
    earlier = make_applications(
        1, permit_type=permit_type, applicant=applicant, submitted_at=local(day - timedelta(days=3))
    )
    iso = day.isoformat()

    assert numbers(bo_client.get(url("queue"), {"dari": iso, "sampai": iso})) == [late_evening[0].number]
    after = numbers(bo_client.get(url("queue"), {"dari": (day + timedelta(days=1)).isoformat()}))
    assert after == [next_morning[0].number]
    until = numbers(bo_client.get(url("queue"), {"sampai": (day - timedelta(days=1)).isoformat()}))
    assert until == [earlier[0].number]


def test_overdue_only_and_the_row_badges(bo_client, permit_type, applicant):
    today = timezone.localdate()
    calendar = office_calendar()
    late = make_applications(
        1, permit_type=permit_type, applicant=applicant, due_date=today - timedelta(days=9)
    )
    due_today = make_applications(1, permit_type=permit_type, applicant=applicant, due_date=today)
    ahead = make_applications(
        1, permit_type=permit_type, applicant=applicant, due_date=today + timedelta(days=12)
    )

    response = bo_client.get(url("queue"), {"terlambat": "on"})
    assert numbers(response) == [late[0].number]
    assert 'class="table-danger"' in response.text
    days_late = max(1, calendar.working_days_between(today - timedelta(days=9), today))
    assert f"Terlambat {days_late} hari kerja" in response.text

    response = bo_client.get(url("queue"))
    rows = {row.application.number: row for row in response.context["rows"]}
    assert rows[late[0].number].overdue and rows[late[0].number].days_late == days_late
    assert rows[due_today[0].number].due_today and not rows[due_today[0].number].overdue
    days_left = calendar.working_days_between(today, today + timedelta(days=12))
    assert rows[ahead[0].number].days_left == days_left
    assert "Jatuh tempo hari ini" in response.text
    assert f"Sisa {days_left} hari kerja" in response.text
    assert response.text.count('class="table-danger"') == 1


def test_waiting_days_count_working_days_at_this_stage(bo_client, permit_type, applicant):
    today = timezone.localdate()
    entered = today - timedelta(days=15)
    make_applications(1, permit_type=permit_type, applicant=applicant, stage_entered_at=local(entered))
    (row,) = bo_client.get(url("queue")).context["rows"]
    assert row.waiting_days == office_calendar().working_days_between(entered, today)


def test_search_by_partial_number_any_case_and_by_applicant_name(bo_client, permit_type, applicant):
    mine = make_applications(1, permit_type=permit_type, applicant=applicant, number="SIPUJ-2601-K7M3QX")
    someone = UserFactory(full_name="Budi Santoso")
    theirs = make_applications(1, permit_type=permit_type, applicant=someone, number="SIPUJ-2601-ABCDEF")

    assert numbers(bo_client.get(url("queue"), {"q": "k7m3"})) == [mine[0].number]
    assert numbers(bo_client.get(url("queue"), {"q": "sipuj-2601-abcdef"})) == [theirs[0].number]
    assert numbers(bo_client.get(url("queue"), {"q": "  santoso "})) == [theirs[0].number]
    assert numbers(bo_client.get(url("queue"), {"q": "rahma"})) == [mine[0].number]
    response = bo_client.get(url("queue"), {"q": "tidak-ada"})
    assert numbers(response) == [] and "Tidak ada permohonan di antrean Anda." in response.text


@pytest.mark.parametrize(
    ("sort", "expected"),
    [
        (None, ["B", "C", "A"]),
        ("due", ["B", "C", "A"]),
        ("-due", ["A", "C", "B"]),
        ("submitted", ["C", "A", "B"]),
        ("-submitted", ["B", "A", "C"]),
        ("waiting", ["B", "C", "A"]),
        ("number", ["C", "A", "B"]),
    ],
)
def test_every_sort_key(bo_client, permit_type, applicant, sort, expected):
    today = timezone.localdate()

    def day(offset):
        return today + timedelta(days=offset)

    # name: (number, due in, submitted ago, entered this stage ago)
    spec = {"A": ("SIPUJ-B", 5, 3, 1), "B": ("SIPUJ-C", 1, 1, 4), "C": ("SIPUJ-A", 3, 5, 2)}
    for number, due, submitted, entered in spec.values():
        make_applications(
            1,
            permit_type=permit_type,
            applicant=applicant,
            number=number,
            due_date=day(due),
            submitted_at=local(day(-submitted)),
            stage_entered_at=local(day(-entered)),
        )
    params = {"urut": sort} if sort else {}
    assert numbers(bo_client.get(url("queue"), params)) == [spec[name][0] for name in expected]


def test_invalid_filter_input_is_reported_and_ignored(bo_client, permit_type, applicant):
    make_applications(3, permit_type=permit_type, applicant=applicant)
    response = bo_client.get(
        url("queue"),
        {"dari": "kemarin", "jenis": "abc", "urut": "acak", "page": "xyz", "q": "x" * 300},
    )
    assert response.status_code == 200
    form = response.context["form"]
    assert {"dari", "jenis", "urut", "q"} <= set(form.errors)
    assert "Periksa kembali isian berikut" in response.text
    assert len(numbers(response)) == 3, "the valid rest still applies; the invalid fields are ignored"
    assert response.context["filters"].sort == "due"


def test_reversed_date_range_is_an_error_not_an_empty_list(bo_client, permit_type, applicant):
    make_applications(2, permit_type=permit_type, applicant=applicant, days_ago=3)
    today = timezone.localdate()
    response = bo_client.get(
        url("queue"), {"dari": today.isoformat(), "sampai": (today - timedelta(days=5)).isoformat()}
    )
    assert response.status_code == 200
    assert "Tanggal akhir tidak boleh sebelum tanggal awal." in response.text
    assert response.context["filters"].submitted_to is None
    # The start date still applies: both were submitted before today.
    assert numbers(response) == []


# --- pagination and counts ------------------------------------------------------------------------------


def test_pagination_keeps_the_filters(bo_client, permit_type, other_permit_type, applicant):
    make_applications(30, permit_type=permit_type, applicant=applicant)
    make_applications(4, permit_type=other_permit_type, applicant=applicant)
    params = {"jenis": permit_type.pk, "urut": "number", "q": "SIPUJ"}

    first = bo_client.get(url("queue"), params)
    assert len(numbers(first)) == 25
    assert first.context["page"].paginator.count == 30
    assert 'aria-label="Halaman antrean"' in first.text
    next_link = f'?jenis={permit_type.pk}&amp;urut=number&amp;q=SIPUJ&amp;page=2"'
    assert next_link in first.text

    second = bo_client.get(url("queue"), {**params, "page": 2})
    assert len(numbers(second)) == 5
    assert not set(numbers(first)) & set(numbers(second))
    assert all(number.startswith("SIPUJ") for number in numbers(first) + numbers(second))
    # An out-of-range page shows the last one rather than failing.
    assert numbers(bo_client.get(url("queue"), {**params, "page": 99})) == numbers(second)


def test_stage_counts_one_query_in_route_order_with_zeros(django_assert_num_queries, permit_type, applicant):
    officer = UserFactory(roles=[Role.KEPALA_SEKSI, Role.BACK_OFFICE, Role.KEPALA_BIDANG])
    make_applications(3, status=S.VERIFIKASI_BERKAS, permit_type=permit_type, applicant=applicant)
    make_applications(2, status=S.VERIFIKASI_KASI, permit_type=permit_type, applicant=applicant)
    make_applications(4, status=S.VERIFIKASI_SEKRETARIS, permit_type=permit_type, applicant=applicant)
    officer.role_names()  # the roles are read once per request, outside the count
    with django_assert_num_queries(1):
        counts = stage_counts_for_user(user=officer)
    assert counts == [
        (S.VERIFIKASI_BERKAS, S.VERIFIKASI_BERKAS.label, 3),
        (S.VERIFIKASI_KASI, S.VERIFIKASI_KASI.label, 2),
        (S.VERIFIKASI_KABID, S.VERIFIKASI_KABID.label, 0),
    ]


def test_stage_pills_show_counts_and_mark_the_current_one(client, permit_type, applicant):
    officer = UserFactory(roles=[Role.BACK_OFFICE, Role.KEPALA_SEKSI])
    make_applications(3, status=S.VERIFIKASI_BERKAS, permit_type=permit_type, applicant=applicant)
    make_applications(2, status=S.VERIFIKASI_KASI, permit_type=permit_type, applicant=applicant)
    client.force_login(officer)

    response = client.get(url("queue"), {"tahap": S.VERIFIKASI_KASI})
    assert response.context["total_count"] == 5
    html = response.text
    assert html.count('aria-current="page"') == 1
    active = html[html.index('aria-current="page"') :][:400]
    assert str(S.VERIFIKASI_KASI.label) in active and ">2<" in active


def test_query_count_stays_constant_from_10_to_1000_applications(
    client, django_assert_max_num_queries, permit_type, other_permit_type, applicant
):
    officer = UserFactory(roles=[Role.BACK_OFFICE, Role.KEPALA_SEKSI])
    client.force_login(officer)
    today = timezone.localdate()
    stages = [S.VERIFIKASI_BERKAS, S.VERIFIKASI_KASI, S.VERIFIKASI_KABID]
    applicants = [applicant, *UserFactory.create_batch(4)]

    def grow(count):
        for i in range(count):
            make_applications(
                1,
                status=stages[i % 3],
                permit_type=(permit_type, other_permit_type)[i % 2],
                applicant=applicants[i % 5],
                due_date=today + timedelta(days=(i % 30) - 10),
            )

    def measure():
        with django_assert_max_num_queries(14) as ctx:
            response = client.get(url("queue"), {"urut": "waiting"})
        queries = len(ctx.captured_queries)
        assert response.status_code == 200
        return queries, len(response.context["rows"])

    grow(10)
    small, small_rows = measure()
    grow(990)
    large, large_rows = measure()
    assert (small_rows, large_rows) == (7, 25)
    assert small == large


def test_tracking_query_count_is_constant(
    client, django_assert_max_num_queries, kasi, permit_type, applicant
):
    client.force_login(kasi)
    target = make_applications(1, permit_type=permit_type, applicant=applicant)[0]

    def measure():
        with django_assert_max_num_queries(10) as ctx:
            response = client.get(url("staff_tracking"), {"nomor": target.number})
        assert response.context["result"]["application"] == target
        return len(ctx.captured_queries)

    few = measure()
    make_applications(200, status=S.VERIFIKASI_KABID, permit_type=permit_type, applicant=applicant)
    assert measure() == few


# --- staff tracking -------------------------------------------------------------------------------------


def test_any_officer_finds_any_application_by_number(client, kasi, permit_type, applicant):
    (application,) = make_applications(
        1,
        status=S.VERIFIKASI_BERKAS,
        permit_type=permit_type,
        applicant=applicant,
        number="SIPUJ-2601-K7M3QX",
    )
    client.force_login(kasi)  # Kepala Seksi looks up a file still at Back Office
    response = client.get(url("staff_tracking"), {"nomor": "  sipuj-2601- k7m3qx "})
    assert response.status_code == 200
    result = response.context["result"]
    assert result["application"] == application
    assert result["holder"] == Role.BACK_OFFICE.label
    html = response.text
    assert "Siti Rahmawati" in html and permit_type.name in html
    assert str(S.VERIFIKASI_BERKAS.label) in html
    assert f'href="/petugas/permohonan/{application.pk}/"' in html


def test_tracking_says_when_a_number_is_unknown_and_ignores_partial_numbers(
    client, kasi, permit_type, applicant
):
    make_applications(1, permit_type=permit_type, applicant=applicant, number="SIPUJ-2601-K7M3QX")
    client.force_login(kasi)
    response = client.get(url("staff_tracking"), {"nomor": "K7M3QX"})
    assert response.status_code == 200 and response.context["result"] is None
    assert "Tidak ada permohonan dengan nomor K7M3QX" in response.text


def test_tracking_lists_the_ten_most_recently_moved(client, back_office, permit_type, applicant):
    today = timezone.localdate()
    for offset in range(12):
        make_applications(
            1,
            status=(S.VERIFIKASI_KASI, S.PERBAIKAN, S.TERBIT)[offset % 3],
            permit_type=permit_type,
            applicant=applicant,
            number=f"SIPUJ-2601-R{offset:05d}",
            stage_entered_at=local(today - timedelta(days=offset)),
        )
    Application.objects.create(permit_type=permit_type, applicant=applicant)  # drafts are never listed
    client.force_login(back_office)
    response = client.get(url("staff_tracking"))
    assert response.status_code == 200
    recent = response.context["recent"]
    assert [item["application"].number for item in recent] == [f"SIPUJ-2601-R{i:05d}" for i in range(10)]
    assert recent[1]["holder"] == "Pemohon (sedang memperbaiki)"
    assert recent[2]["holder"] == "Tidak ada — proses selesai"


def test_tracking_flags_an_overdue_file_held_by_the_office(client, back_office, permit_type, applicant):
    today = timezone.localdate()
    (late,) = make_applications(
        1,
        status=S.VERIFIKASI_KABID,
        permit_type=permit_type,
        applicant=applicant,
        due_date=today - timedelta(days=2),
    )
    (waiting_on_applicant,) = make_applications(
        1,
        status=S.PERBAIKAN,
        permit_type=permit_type,
        applicant=applicant,
        due_date=today - timedelta(days=2),
    )
    client.force_login(back_office)
    response = client.get(url("staff_tracking"), {"nomor": late.number})
    assert response.context["result"]["overdue"] and "melewati batas waktu" in response.text
    assert response.context["result"]["holder"] == Role.KEPALA_BIDANG.label
    response = client.get(url("staff_tracking"), {"nomor": waiting_on_applicant.number})
    assert not response.context["result"]["overdue"], "the clock stops while the applicant corrects"
