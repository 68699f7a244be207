"""The leaders' dashboard (/petugas/dasbor/) and the reads behind it, over a known 2026 history.

Working days below are counted by hand as the SLA clock counts them: (entered, left], Monday–Friday, minus
the 2026 holidays and cuti bersama (DOMAIN.md). July, September and October 2026 have none; in August only the
17th and the 25th, which the history avoids; 1 January 2026 is a holiday."""

import itertools
from datetime import date, datetime, time, timedelta
from decimal import Decimal

import pytest
from django.urls import NoReverseMatch, include, path, reverse
from django.utils import timezone

import config.urls
import workflow.urls
from accounts.roles import Role
from permits.models import Application, ApplicationStatus
from tests.factories import PermitTypeFactory, UserFactory
from workflow import dashboard, dashboard_urls
from workflow.charts import Bar, horizontal_bar_chart, vertical_bar_chart
from workflow.models import TransitionLog

S = ApplicationStatus

# Until the project includes workflow.dashboard_urls in its `workflow` namespace, these tests mount it
# themselves: the same namespace extended by the dashboard (the first namespace of a name wins in reverse),
# then the rest of the project's patterns for the links in base.html.
urlpatterns = [
    path("", include((workflow.urls.urlpatterns + dashboard_urls.urlpatterns, "workflow"))),
    *config.urls.urlpatterns,
]


def _dashboard_is_wired() -> bool:
    try:
        reverse("workflow:dashboard")
    except NoReverseMatch:
        return False
    return True


pytestmark = [pytest.mark.django_db]
if not _dashboard_is_wired():
    pytestmark.append(pytest.mark.urls(__name__))

_serial = itertools.count(1)
ROUTE = (
    S.VERIFIKASI_BERKAS,
    S.VERIFIKASI_KASI,
    S.VERIFIKASI_KABID,
    S.VERIFIKASI_SEKRETARIS,
    S.MENUNGGU_TTE,
    S.PENOMORAN,
    S.PENERBITAN,
    S.TERBIT,
)
_TRANSITIONS = {
    (S.DRAFT,): "submit",
    (S.PERBAIKAN,): "resubmit",
    (S.MENUNGGU_TTE, S.PENOMORAN): "sign",
    (S.PENOMORAN, S.PENERBITAN): "assign_number",
    (S.PENERBITAN, S.TERBIT): "publish",
}
YEAR_2026 = {"start": date(2026, 1, 1), "end": date(2026, 12, 31)}
Q3_2026 = {"start": date(2026, 7, 1), "end": date(2026, 9, 30)}
YEAR_2025 = {"start": date(2025, 1, 1), "end": date(2025, 12, 31)}


def local(day: date, hour: int = 9, minute: int = 0) -> datetime:
    return timezone.make_aware(datetime.combine(day, time(hour, minute)))


def d(month: int, day: int, year: int = 2026) -> date:
    return date(year, month, day)


def route(*days: date) -> list[tuple[date, str]]:
    """The usual route, one step per given day: Back Office, Kasi, Kabid, Sekretaris, TTE, numbering,
    publishing, issued."""
    return list(zip(days, ROUTE, strict=False))


def _transition(from_status: str, to_status: str) -> str:
    if to_status == S.PERBAIKAN:
        return "return_for_correction"
    if to_status == S.DITOLAK:
        return "reject"
    return _TRANSITIONS.get((from_status,)) or _TRANSITIONS.get((from_status, to_status), "approve")


def log_rows(application: Application, steps: list[tuple[date, str]]) -> list[TransitionLog]:
    """One log row per step, in order; steps on the same day a minute apart."""
    rows, previous = [], S.DRAFT
    for minute, (day, status) in enumerate(steps):
        rows.append(
            TransitionLog(
                application=application,
                transition=_transition(previous, status),
                from_status=previous,
                to_status=status,
                actor_role="",
                created_at=local(day, 9, minute),
            )
        )
        previous = status
    return rows


def new_application(*, permit_type, applicant, steps, due_date=None) -> Application:
    """Unsaved: `status` is a protected FSM field, so it is given whole to the constructor."""
    return Application(
        permit_type=permit_type,
        applicant=applicant,
        status=steps[-1][1],
        number=f"{permit_type.code}-2607-D{next(_serial):06d}",
        submitted_at=local(steps[0][0]),
        stage_entered_at=local(steps[-1][0], 9, len(steps) - 1),
        due_date=due_date or steps[0][0] + timedelta(days=21),
    )


def with_history(histories: list[tuple[Application, list]]) -> list[Application]:
    applications = Application.objects.bulk_create([application for application, _ in histories])
    TransitionLog.objects.bulk_create(
        [
            row
            for application, (_, steps) in zip(applications, histories, strict=True)
            for row in log_rows(application, steps)
        ]
    )
    return applications


def make_open(count, *, status, permit_type, applicant, due_date=None) -> list[Application]:
    """Open applications without history (for the counts and the late list)."""
    return Application.objects.bulk_create(
        [
            Application(
                permit_type=permit_type,
                applicant=applicant,
                status=status,
                number=f"{permit_type.code}-2609-O{next(_serial):06d}" if status != S.DRAFT else None,
                due_date=due_date,
            )
            for _ in range(count)
        ]
    )


@pytest.fixture
def type_a(db):
    return PermitTypeFactory(code="SIPUJ", name="Izin Praktik Uji", sla_working_days=5)


@pytest.fixture
def type_b(db):
    return PermitTypeFactory(code="SIULA", name="Izin Usaha Lain", sla_working_days=10)


@pytest.fixture
def applicant(db):
    return UserFactory()


@pytest.fixture
def kadis_client(client):
    client.force_login(UserFactory(roles=[Role.KEPALA_DINAS]))
    return client


@pytest.fixture
def history(type_a, type_b, applicant):
    """Issued, rejected and open files with hand-counted working days (noted per stay)."""
    spec = {
        # Issued in December 2025: outside 2026 everywhere.
        "dec_2025": (type_a, route(d(12, 1, 2025), d(12, 2, 2025), *[d(12, 3, 2025)] * 6)),
        # SLA 10. Back Office (29 Dec, 2 Jan] = 30, 31 Dec, 2 Jan (1 Jan is a holiday) = 3; Kasi 1; Kabid 1;
        # Sekretaris 1; TTE (7, 9 Jan] = 2; numbering and publishing the same day 0. 8 days: on time.
        "jan": (
            type_b,
            route(d(12, 29, 2025), d(1, 2), d(1, 5), d(1, 6), d(1, 7), d(1, 9), d(1, 9), d(1, 9)),
        ),
        # SLA 5. One working day at each of Back Office, Kasi, Kabid, Sekretaris and TTE (10 → 13 July over a
        # weekend). 5 days: on time.
        "on_time": (
            type_a,
            route(d(7, 6), d(7, 7), d(7, 8), d(7, 9), d(7, 10), d(7, 13), d(7, 13), d(7, 13)),
        ),
        # SLA 5. Kabid holds it (8, 15 July] = 9, 10, 13, 14, 15 = 5. 1+1+5+1+1 = 9 days: late.
        "late": (type_a, route(d(7, 6), d(7, 7), d(7, 8), d(7, 15), d(7, 16), d(7, 17), d(7, 17), d(7, 17))),
        # SLA 5. Back Office 1, then the applicant corrects (7, 20 July] = 9 days, which must not count,
        # then Back Office, Kasi, Kabid, Sekretaris one day each and TTE 0. 5 days: on time (14 if PERBAIKAN
        # counted).
        "corrected": (
            type_a,
            [
                (d(7, 6), S.VERIFIKASI_BERKAS),
                (d(7, 7), S.PERBAIKAN),
                (d(7, 20), S.VERIFIKASI_BERKAS),
                *route(d(7, 20), d(7, 21), d(7, 22), d(7, 23), d(7, 24), d(7, 24), d(7, 24), d(7, 24))[1:],
            ],
        ),
        # SLA 10. Back Office 1, Kasi 1, Kabid (5, 11 Aug] = 6, 7, 10, 11 = 4, Sekretaris 1,
        # TTE (12, 14 Aug] = 2. 9 days: on time.
        "august": (
            type_b,
            route(d(8, 3), d(8, 4), d(8, 5), d(8, 11), d(8, 12), d(8, 14), d(8, 14), d(8, 14)),
        ),
        # Rejected at Kabid in October: Back Office 1, Kasi 1, Kabid (7, 12 Oct] = 8, 9, 12 = 3.
        "rejected": (
            type_a,
            [
                (d(10, 5), S.VERIFIKASI_BERKAS),
                (d(10, 6), S.VERIFIKASI_KASI),
                (d(10, 7), S.VERIFIKASI_KABID),
                (d(10, 12), S.DITOLAK),
            ],
        ),
        # Still at Kabid and past its due date: Back Office 1, Kasi (8, 10 Sep] = 2.
        "open_late": (
            type_b,
            [(d(9, 7), S.VERIFIKASI_BERKAS), (d(9, 8), S.VERIFIKASI_KASI), (d(9, 10), S.VERIFIKASI_KABID)],
        ),
    }
    applications = with_history(
        [
            (
                new_application(
                    permit_type=permit_type,
                    applicant=applicant,
                    steps=steps,
                    due_date=d(9, 21) if name == "open_late" else None,
                ),
                steps,
            )
            for name, (permit_type, steps) in spec.items()
        ]
    )
    return dict(zip(spec, applications, strict=True))


# --- open applications by stage and permit type ------------------------------------------------------------


def test_open_applications_by_stage_and_type_in_one_query(
    django_assert_num_queries, type_a, type_b, applicant
):
    make_open(2, status=S.VERIFIKASI_BERKAS, permit_type=type_a, applicant=applicant)
    make_open(1, status=S.VERIFIKASI_KABID, permit_type=type_a, applicant=applicant)
    make_open(1, status=S.PERBAIKAN, permit_type=type_a, applicant=applicant)
    make_open(1, status=S.VERIFIKASI_BERKAS, permit_type=type_b, applicant=applicant)
    make_open(3, status=S.MENUNGGU_TTE, permit_type=type_b, applicant=applicant)
    # Not open: a draft, an issued, a rejected and a cancelled one.
    make_open(1, status=S.DRAFT, permit_type=type_a, applicant=applicant)
    make_open(1, status=S.TERBIT, permit_type=type_b, applicant=applicant)
    make_open(1, status=S.DITOLAK, permit_type=type_a, applicant=applicant)
    make_open(1, status=S.DIBATALKAN, permit_type=type_b, applicant=applicant)

    with django_assert_num_queries(1):
        counts = dashboard.applications_by_stage_and_type()

    assert counts.permit_types == [(type_a.pk, "Izin Praktik Uji"), (type_b.pk, "Izin Usaha Lain")]
    by_stage = {row.status: row.counts for row in counts.rows}
    assert [row.status for row in counts.rows] == list(dashboard.OPEN_STAGES)
    assert by_stage[S.VERIFIKASI_BERKAS] == [2, 1]
    assert by_stage[S.VERIFIKASI_KABID] == [1, 0]
    assert by_stage[S.MENUNGGU_TTE] == [0, 3]
    assert by_stage[S.PERBAIKAN] == [1, 0]
    assert by_stage[S.VERIFIKASI_KASI] == [0, 0]
    assert counts.column_totals == [4, 4] and counts.total == 8
    assert {row.status: row.total for row in counts.rows}[S.VERIFIKASI_BERKAS] == 3

    only_b = dashboard.applications_by_stage_and_type(permit_type_id=type_b.pk)
    assert only_b.permit_types == [(type_b.pk, "Izin Usaha Lain")] and only_b.total == 4


# --- on time ----------------------------------------------------------------------------------------------


def test_on_time_rate_counts_office_days_only(django_assert_max_num_queries, history, type_a, type_b):
    calendar = dashboard.office_calendar()
    with django_assert_max_num_queries(1):
        rate = dashboard.on_time_rate(**YEAR_2026, calendar=calendar)

    # Issued in 2026: jan (B), on_time, late, corrected (A), august (B). Not dec_2025, not the open ones.
    assert rate.office_days == {
        history["jan"].pk: 8,
        history["on_time"].pk: 5,
        history["late"].pk: 9,
        history["corrected"].pk: 5,  # the nine days of PERBAIKAN are the applicant's
        history["august"].pk: 9,
    }
    assert (rate.issued, rate.on_time, rate.late) == (5, 4, 1)
    assert rate.percent == Decimal("80.0")
    by_type = {row.label: row for row in rate.by_type}
    assert (by_type[type_a.name].issued, by_type[type_a.name].on_time) == (3, 2)
    assert by_type[type_a.name].percent == Decimal("66.7")
    assert by_type[type_a.name].sla_working_days == 5
    assert by_type[type_b.name].percent == Decimal("100.0")


def test_on_time_rate_per_quarter_and_permit_type(history, type_b):
    q3 = dashboard.on_time_rate(**Q3_2026)
    assert (q3.issued, q3.on_time, q3.percent) == (4, 3, Decimal("75.0"))
    q1 = dashboard.on_time_rate(start=d(1, 1), end=d(3, 31))
    assert (q1.issued, q1.on_time) == (1, 1)
    q4 = dashboard.on_time_rate(start=d(10, 1), end=d(12, 31))
    assert (q4.issued, q4.percent, q4.by_type) == (0, None, [])
    only_b = dashboard.on_time_rate(**YEAR_2026, permit_type_id=type_b.pk)
    assert (only_b.issued, only_b.on_time) == (2, 2)
    assert dashboard.on_time_rate(start=d(1, 1, 2025), end=d(12, 31, 2025)).issued == 1


def test_the_default_period_is_the_year_of_today(history):
    assert dashboard.on_time_rate(today=d(3, 15)).issued == 5
    assert dashboard.on_time_rate(today=d(3, 15, 2025)).issued == 1


# --- where files wait ---------------------------------------------------------------------------------------


def _medians(stages):
    return {stage.status: (stage.median, stage.stays) for stage in stages if stage.stays}


def test_median_days_per_stage_over_the_year(django_assert_max_num_queries, history):
    calendar = dashboard.office_calendar()
    with django_assert_max_num_queries(1):
        stages = dashboard.median_days_per_stage(**YEAR_2026, calendar=calendar)

    assert [stage.status for stage in stages] == list(dashboard.OFFICE_STAGES)
    # Stays that ended in 2026 (jan's Back Office stay began in 2025 and counts):
    # Back Office  jan 3, on_time 1, late 1, corrected 1 + 1, august 1, rejected 1, open_late 1 → 1
    # Kasi         jan 1, on_time 1, late 1, corrected 1, august 1, rejected 1, open_late 2 → 1
    # Kabid        jan 1, on_time 1, late 5, corrected 1, august 4, rejected 3 → [1 1 1 3 4 5] → 2
    # Sekretaris   jan 1, on_time 1, late 1, corrected 1, august 1 → 1
    # TTE          jan 2, on_time 1, late 1, corrected 0, august 2 → [0 1 1 2 2] → 1
    # numbering and publishing: same day everywhere → 0. open_late's stay at Kabid has not ended.
    assert _medians(stages) == {
        S.VERIFIKASI_BERKAS: (Decimal("1.0"), 8),
        S.VERIFIKASI_KASI: (Decimal("1.0"), 7),
        S.VERIFIKASI_KABID: (Decimal("2.0"), 6),
        S.VERIFIKASI_SEKRETARIS: (Decimal("1.0"), 5),
        S.MENUNGGU_TTE: (Decimal("1.0"), 5),
        S.PENOMORAN: (Decimal("0.0"), 5),
        S.PENERBITAN: (Decimal("0.0"), 5),
    }
    assert [stage.status for stage in stages if stage.is_bottleneck] == [S.VERIFIKASI_KABID]
    assert next(stage for stage in stages if stage.status == S.TINJAUAN_TEKNIS).median is None


def test_median_days_per_stage_in_a_quarter(history, type_b):
    # Q3: Kabid on_time 1, late 5, corrected 1, august 4 → [1 1 4 5] → 2.5 (rejected is in October).
    q3 = _medians(dashboard.median_days_per_stage(**Q3_2026))
    assert q3[S.VERIFIKASI_KABID] == (Decimal("2.5"), 4)
    assert q3[S.VERIFIKASI_KASI] == (Decimal("1.0"), 5)  # on_time, late, corrected, august 1; open_late 2
    # Q1 holds only jan's stays: Back Office's three days (from 29 December) are the slowest.
    q1 = dashboard.median_days_per_stage(start=d(1, 1), end=d(3, 31))
    assert [stage.status for stage in q1 if stage.is_bottleneck] == [S.VERIFIKASI_BERKAS]
    assert _medians(q1)[S.VERIFIKASI_BERKAS] == (Decimal("3.0"), 1)
    # Only type B (jan, august, open_late) over the year: Kabid jan 1, august 4 → 2.5.
    only_b = _medians(dashboard.median_days_per_stage(**YEAR_2026, permit_type_id=type_b.pk))
    assert only_b[S.VERIFIKASI_KABID] == (Decimal("2.5"), 2)


def test_no_bottleneck_when_nothing_waits(type_a, applicant):
    steps = route(d(7, 6), d(7, 6), d(7, 6))
    with_history([(new_application(permit_type=type_a, applicant=applicant, steps=steps), steps)])
    stages = dashboard.median_days_per_stage(**YEAR_2026)
    assert _medians(stages) == {
        S.VERIFIKASI_BERKAS: (Decimal("0.0"), 1),
        S.VERIFIKASI_KASI: (Decimal("0.0"), 1),
    }
    assert not any(stage.is_bottleneck for stage in stages)


# --- late files --------------------------------------------------------------------------------------------


def test_overdue_list_most_late_first(django_assert_num_queries, type_a, type_b, applicant):
    today = d(9, 30)  # a Wednesday
    (late_20,) = make_open(
        1, status=S.VERIFIKASI_KASI, permit_type=type_a, applicant=applicant, due_date=d(9, 20)
    )
    (late_1,) = make_open(
        1, status=S.VERIFIKASI_BERKAS, permit_type=type_b, applicant=applicant, due_date=d(9, 1)
    )
    (late_10,) = make_open(1, status=S.PENERBITAN, permit_type=type_a, applicant=applicant, due_date=d(9, 10))
    # Not overdue: the applicant holds it, due today, already issued, due later.
    make_open(1, status=S.PERBAIKAN, permit_type=type_a, applicant=applicant, due_date=d(9, 1))
    make_open(1, status=S.VERIFIKASI_KABID, permit_type=type_a, applicant=applicant, due_date=today)
    make_open(1, status=S.TERBIT, permit_type=type_a, applicant=applicant, due_date=d(8, 3))
    make_open(1, status=S.VERIFIKASI_KASI, permit_type=type_a, applicant=applicant, due_date=d(10, 5))
    calendar = dashboard.office_calendar()

    with django_assert_num_queries(1):
        late = dashboard.overdue_list(today=today, calendar=calendar)
        # Reading the permit type costs nothing more: it came with select_related.
        names = [row.application.permit_type.name for row in late.rows]
    with django_assert_num_queries(1):
        first_two = dashboard.overdue_list(today=today, limit=2, calendar=calendar)

    assert [row.application for row in late.rows] == [late_1, late_10, late_20]
    assert late.total == 3
    assert names == [type_b.name, type_a.name, type_a.name]
    # (1 Sep, 30 Sep] = 21 working days; (10 Sep, 30 Sep] = 14; (Sunday 20 Sep, 30 Sep] = 8.
    assert [row.days_late for row in late.rows] == [21, 14, 8]
    assert [row.due_date for row in late.rows] == [d(9, 1), d(9, 10), d(9, 20)]
    assert late.rows[1].stage_label == S.PENERBITAN.label

    assert [row.application for row in first_two.rows] == [late_1, late_10]
    assert first_two.total == 3, "the count covers all late files, not only those listed"
    assert dashboard.overdue_list(today=today, permit_type_id=type_b.pk).total == 1


def test_a_file_due_on_friday_is_one_day_late_on_saturday(type_a, applicant):
    make_open(1, status=S.VERIFIKASI_KASI, permit_type=type_a, applicant=applicant, due_date=d(9, 25))
    assert [row.days_late for row in dashboard.overdue_list(today=d(9, 26)).rows] == [1]


# --- issued per month --------------------------------------------------------------------------------------


def test_issued_per_month(django_assert_num_queries, history, type_a):
    with django_assert_num_queries(1):
        months = dashboard.issued_per_month(year=2026)
    assert [month.count for month in months] == [1, 0, 0, 0, 0, 0, 3, 1, 0, 0, 0, 0]
    assert [month.month for month in months] == list(range(1, 13))
    assert months[4].label == "Mei" and months[7].label == "Agu"
    assert [month.count for month in dashboard.issued_per_month(year=2025)][11] == 1
    only_a = dashboard.issued_per_month(year=2026, permit_type_id=type_a.pk)
    assert sum(month.count for month in only_a) == 3


def test_an_issue_late_in_the_evening_counts_in_the_local_month(type_a, applicant):
    # 31 July 23:30 in Jakarta is 16:30 UTC: still July.
    steps = route(d(7, 27), d(7, 28), d(7, 28), d(7, 29), d(7, 29), d(7, 30), d(7, 30), d(7, 31))
    (application,) = with_history(
        [(new_application(permit_type=type_a, applicant=applicant, steps=steps), steps)]
    )
    TransitionLog.objects.filter(application=application, to_status=S.TERBIT).update(
        created_at=local(d(7, 31), 23, 30)
    )
    assert [month.count for month in dashboard.issued_per_month(year=2026)][6:8] == [1, 0]


# --- complaints and IKM ------------------------------------------------------------------------------------


def test_complaints_and_ikm_glances_read_the_complaints_app():
    from complaints.models import Complaint
    from complaints.survey_models import SurveyChannel
    from complaints.survey_services import survey_submit
    from workflow import dashboard_glance

    received = timezone.make_aware(datetime(2026, 8, 3, 9))
    for index, answer_due in enumerate([d(8, 20), d(12, 31)]):
        Complaint.objects.create(
            ticket=f"ADU-2608-GLANC{index}",
            kind="PENGADUAN",
            handled_as="PENGADUAN",
            description="x",
            received_at=received,
            acknowledge_due=d(8, 4),
            answer_due=answer_due,
            status="DIDISPOSISI",
        )
    for value in (4, 3):
        survey_submit(
            cleaned_data={
                **{f"U{n}": value for n in range(1, 10)},
                "age_group": "20_29",
                "sex": "P",
                "education": "SMA",
                "occupation": "LAINNYA",
                "suggestion": "",
            },
            channel=SurveyChannel.KIOSK,
            now=received,
        )
    complaints = dashboard_glance.complaints_glance(**Q3_2026, today=d(9, 1))
    assert complaints == dashboard_glance.ComplaintsGlance(open=2, overdue=1, received=2)
    ikm = dashboard_glance.ikm_glance(**Q3_2026)
    # NRR 3.5 for every element: 3.5 × 25 = 87.50 → B Baik.
    assert (ikm.index, ikm.grade, ikm.grade_label, ikm.respondents) == (Decimal("87.50"), "B", "Baik", 2)
    empty = dashboard_glance.ikm_glance(**YEAR_2025)
    assert (empty.index, empty.respondents) == (None, 0)


# --- charts -------------------------------------------------------------------------------------------------


def test_charts_are_labelled_images_with_escaped_text():
    bars = [
        Bar(label="<b>Kabid</b> & co", value=Decimal("2.5"), text="2,5", highlight=True),
        Bar("Kasi", 0, "0"),
    ]
    for chart in (
        horizontal_bar_chart(chart_id="c1", title="Judul <x>", desc="Keterangan", bars=bars),
        vertical_bar_chart(chart_id="c1", title="Judul <x>", desc="Keterangan", bars=bars),
    ):
        assert chart.startswith("<svg") and 'role="img"' in chart and 'width="100%"' in chart
        assert 'aria-labelledby="c1-title c1-desc"' in chart
        assert '<title id="c1-title">Judul &lt;x&gt;</title>' in chart
        assert '<desc id="c1-desc">Keterangan</desc>' in chart
        assert "&lt;b&gt;Kabid&lt;/b&gt; &amp; co" in chart and "<b>" not in chart


def test_an_all_zero_chart_draws_flat_bars():
    chart = vertical_bar_chart(chart_id="z", title="t", desc="d", bars=[Bar("Jan", 0, "0")] * 12)
    assert chart.count('height="0"') == 12


# --- the page -----------------------------------------------------------------------------------------------


def dashboard_url() -> str:
    return reverse("workflow:dashboard")


@pytest.mark.parametrize("role", [Role.KEPALA_DINAS, Role.KEPALA_BIDANG, Role.SEKRETARIS, Role.ADMINISTRATOR])
def test_leaders_see_the_dashboard(client, role):
    client.force_login(UserFactory(roles=[role]))
    assert client.get(dashboard_url()).status_code == 200


@pytest.mark.parametrize("role", [Role.PEMOHON, Role.KEPALA_SEKSI, Role.BACK_OFFICE, Role.OPERATOR_PENGADUAN])
def test_everyone_else_gets_404(client, role):
    client.force_login(UserFactory(roles=[role]))
    assert client.get(dashboard_url()).status_code == 404


def test_anonymous_is_sent_to_sign_in(client):
    response = client.get(dashboard_url())
    assert response.status_code == 302 and "/akun/" in response["Location"]


def test_the_page_shows_kpis_charts_and_their_tables(kadis_client, history, monkeypatch):
    response = kadis_client.get(dashboard_url(), {"tahun": 2026})
    assert response.status_code == 200
    html = response.text
    context = response.context

    assert context["period"].label == "Tahun 2026"
    assert context["on_time"].percent == Decimal("80.0")
    assert "80,0%" in html
    assert context["stage_counts"].total == 1  # open_late
    # The charts: two labelled SVG images, the slowest stage in red.
    assert html.count('role="img"') == 2
    assert '<title id="grafik-terbit-per-bulan-title">SK terbit per bulan, 2026</title>' in html
    assert '<title id="grafik-median-tahap-title">Median hari kerja per tahap, Tahun 2026</title>' in html
    assert "Paling lama: Verifikasi Kepala Bidang, median 2,0 hari kerja" in html
    # ... and their numbers as tables.
    assert "SK terbit per bulan, 2026</caption>" in html
    assert "Median hari kerja per tahap</caption>" in html
    months = html[html.index("SK terbit per bulan, 2026</caption>") :]
    assert "<td>1</td><td>0</td><td>0</td><td>0</td><td>0</td><td>0</td><td>3</td><td>1</td>" in months
    assert 'class="table-danger"' in html and "paling lama" in html
    # The late file links to its staff page.
    late = history["open_late"]
    assert late.number in html
    assert f'href="{reverse("workflow:staff_application_detail", kwargs={"pk": late.pk})}"' in html
    # Complaints and IKM before the complaints app provides them.
    assert "Belum ada responden" in html and "0 melewati batas waktu" in html


def test_quarter_and_permit_type_filters(kadis_client, history, type_a):
    response = kadis_client.get(dashboard_url(), {"tahun": 2026, "triwulan": 3, "jenis": type_a.pk})
    assert response.context["period"].label == "Triwulan III 2026"
    on_time = response.context["on_time"]
    assert (on_time.issued, on_time.on_time) == (3, 2)  # on_time, late, corrected
    assert response.context["overdue"].total == 0  # open_late is type B
    assert "Izin Praktik Uji" in response.text


def test_invalid_filters_are_reported_and_ignored(kadis_client, history):
    response = kadis_client.get(dashboard_url(), {"tahun": "1999", "triwulan": "9", "jenis": "abc"})
    assert response.status_code == 200
    assert {"tahun", "triwulan", "jenis"} <= set(response.context["form"].errors)
    period = response.context["period"]
    assert (period.year, period.quarter, period.permit_type) == (timezone.localdate().year, None, None)


def test_the_page_with_the_real_complaints_app(kadis_client, type_a):
    pytest.importorskip("complaints.ikm")
    pytest.importorskip("complaints.dashboard_glance")
    response = kadis_client.get(dashboard_url(), {"tahun": 2026, "jenis": type_a.pk})
    assert response.status_code == 200
    assert response.context["complaints"] is not None and response.context["ikm"] is not None
    assert "Belum tersedia" not in response.text


def test_query_count_is_constant_from_10_to_300_applications(
    client, django_assert_max_num_queries, type_a, type_b, applicant, monkeypatch
):
    client.force_login(UserFactory(roles=[Role.KEPALA_BIDANG]))
    mondays = [d(7, 6) + timedelta(weeks=week) for week in range(12)]  # 6 July … 21 September

    def grow(count):
        histories = []
        for i in range(count):
            monday = mondays[i % len(mondays)]
            days = [monday + timedelta(days=offset) for offset in (0, 1, 1, 2, 3, 3, 4, 4)]
            # A third is issued, a third waits at Kabid past its due date, a third is with the applicant.
            steps = {0: route(*days), 1: route(*days[:3]), 2: [*route(*days[:2]), (days[2], S.PERBAIKAN)]}[
                i % 3
            ]
            histories.append(
                (
                    new_application(
                        permit_type=(type_a, type_b)[i % 2], applicant=applicant, steps=steps, due_date=monday
                    ),
                    steps,
                )
            )
        with_history(histories)

    def measure():
        with django_assert_max_num_queries(20) as ctx:
            response = client.get(dashboard_url(), {"tahun": 2026})
        queries = len(ctx.captured_queries)
        assert response.status_code == 200
        return queries, response.context

    grow(10)
    few, small = measure()
    grow(290)
    many, large = measure()
    assert (small["on_time"].issued, large["on_time"].issued) == (4, 4 + 97)
    assert (small["overdue"].total, large["overdue"].total) == (3, 3 + 97)
    assert len(large["overdue"].rows) == dashboard.OVERDUE_LIMIT
    assert few == many
