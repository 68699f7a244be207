"""The IKM computation (PermenPANRB 14/2017): NRR per element, weights 1/n, rounding once, grades, filters."""

from datetime import date, datetime
from decimal import Decimal
from fractions import Fraction
from zoneinfo import ZoneInfo

import pytest
from django.db import IntegrityError, connection, transaction
from django.test.utils import CaptureQueriesContext

from complaints.ikm import (
    ikm_by_permit_type,
    ikm_grade,
    ikm_index,
    ikm_report,
    round_half_up,
    survey_years,
)
from complaints.survey_models import (
    AgeGroup,
    Education,
    Occupation,
    Sex,
    SurveyAnswer,
    SurveyChannel,
    SurveyElement,
    SurveyResponse,
)
from core.periods import quarter_range, semester_range, year_range
from tests.factories import PermitTypeFactory

WIB = ZoneInfo("Asia/Jakarta")
NOW = datetime(2026, 5, 12, 10, 0, tzinfo=WIB)
YEAR_2026 = {"start": date(2026, 1, 1), "end": date(2026, 12, 31)}
KEYS = SurveyElement.values  # U1..U9


def respond(
    answers: dict[str, int], *, when=NOW, permit_type=None, suggestion="", **profile
) -> SurveyResponse:
    response = SurveyResponse.objects.create(
        submitted_at=when,
        channel=SurveyChannel.KIOSK,
        permit_type=permit_type,
        suggestion=suggestion,
        **profile,
    )
    SurveyAnswer.objects.bulk_create(
        SurveyAnswer(response=response, element=key, value=value) for key, value in answers.items()
    )
    return response


def respond_columns(columns: dict[str, list[int | None]], **kwargs) -> list[SurveyResponse]:
    """One response per position; `columns[element][i]` is respondent i's answer (None = skipped)."""
    count = len(next(iter(columns.values())))
    return [
        respond({key: values[i] for key, values in columns.items() if values[i] is not None}, **kwargs)
        for i in range(count)
    ]


def column_with_sum(total: int, respondents: int) -> list[int]:
    """`respondents` answers adding up to `total`, as even as possible (e.g. 47 over 15 → 13×3 + 2×4)."""
    base, extra = divmod(total, respondents)
    return [base + 1] * extra + [base] * (respondents - extra)


# --- The hand-worked example --------------------------------------------------------------------------


@pytest.mark.django_db
def test_hand_worked_example():
    """Four respondents, nine elements.

    answers (R1, R2, R3, R4)   sum   NRR = sum / 4
      U1  3 4 3 4               14    3.50
      U2  3 3 3 4               13    3.25
      U3  2 3 3 3               11    2.75
      U4  4 4 4 4               16    4.00
      U5  3 3 4 4               14    3.50
      U6  3 4 4 4               15    3.75
      U7  4 4 4 3               15    3.75
      U8  2 3 3 3               11    2.75
      U9  3 3 3 3               12    3.00
                             Σ NRR = 30.25

    Weighted sum Σ(NRR × 1/9) = 30.25 / 9 = 3.361111…
    × 25 = 756.25 / 9 = 84.027777…  → rounded once, half up: 84.03
    84.03 ≥ 76.61 and < 88.31 → B "Baik".
    (With the 0.111 weight that paper reports use: 30.25 × 0.111 × 25 = 83.94 — wrong.)
    NRR × 25 for the chart: U1 87.50, U2 81.25, U3 68.75, U4 100.00, …
    """
    respond_columns(
        {
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
    )
    report = ikm_report(**YEAR_2026)

    assert report.respondents == 4
    by_key = {element.key: element for element in report.elements}
    assert [by_key[k].total for k in KEYS] == [14, 13, 11, 16, 14, 15, 15, 11, 12]
    assert [by_key[k].respondents for k in KEYS] == [4] * 9
    assert [by_key[k].nrr for k in KEYS] == [
        Decimal(v) for v in ("3.5", "3.25", "2.75", "4", "3.5", "3.75", "3.75", "2.75", "3")
    ]
    assert by_key["U1"].converted == Decimal("87.50")
    assert by_key["U3"].converted == Decimal("68.75")
    assert by_key["U4"].converted == Decimal("100.00")
    assert report.index == Decimal("84.03")
    assert str(report.index) == "84.03"  # exactly two places
    assert (report.grade.letter, str(report.grade.label)) == ("B", "Baik")


# --- Grades -------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("index", "letter", "label"),
    [
        ("100.00", "A", "Sangat Baik"),
        ("88.31", "A", "Sangat Baik"),
        ("88.30", "B", "Baik"),
        ("76.61", "B", "Baik"),
        ("76.60", "C", "Kurang Baik"),
        ("65.00", "C", "Kurang Baik"),
        ("64.99", "D", "Tidak Baik"),
        ("25.00", "D", "Tidak Baik"),
    ],
)
def test_grade_band_edges(index, letter, label):
    grade = ikm_grade(Decimal(index))
    assert (grade.letter, str(grade.label)) == (letter, label)


@pytest.mark.parametrize(
    ("exact", "rounded", "letter"),
    [
        (Fraction(88305, 1000), "88.31", "A"),  # half goes up, into A
        (Fraction(883049999, 10**7), "88.30", "B"),  # just below half stays in B
        (Fraction(76605, 1000), "76.61", "B"),
        (Fraction(64995, 1000), "65.00", "C"),
        (Fraction(649949, 10**4), "64.99", "D"),
    ],
)
def test_rounding_half_up_at_the_band_edges(exact, rounded, letter):
    assert round_half_up(exact) == Decimal(rounded)
    assert ikm_grade(round_half_up(exact)).letter == letter


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("respondents", "grand_total", "index", "letter"),
    [
        (24, 763, "88.31", "A"),  # 25 × 763 / (9 × 24) = 88.3101…
        (19, 604, "88.30", "B"),  # 88.3040…
        (19, 524, "76.61", "B"),  # 76.6081…
        (26, 717, "76.60", "C"),  # 76.6025…
        (5, 117, "65.00", "C"),  # exactly 65
        (38, 889, "64.99", "D"),  # 64.9853…
    ],
)
def test_grade_edges_reached_through_answers(respondents, grand_total, index, letter):
    """Everyone answers all nine: IKM = 25 × (sum of all answers) / (9 × respondents), however spread."""
    per_element = column_with_sum(grand_total, 9)
    respond_columns(
        {key: column_with_sum(total, respondents) for key, total in zip(KEYS, per_element, strict=True)}
    )
    report = ikm_report(**YEAR_2026)
    assert report.index == Decimal(index)
    assert report.grade.letter == letter


# --- Missing elements: weights 1/n ---------------------------------------------------------------------


@pytest.mark.django_db
def test_only_answered_elements_count_and_weights_are_one_over_n():
    """Two respondents answered U1..U7 only (an office that asks seven elements).

    Each of the seven NRRs = (4 + 3) / 2 = 3.5; Σ(3.5 × 1/7) × 25 = 87.50.
    With weights 1/9 it would be 3.5 × 7/9 × 25 = 68.06 — wrong.
    """
    respond_columns({key: [4, 3] for key in KEYS[:7]})
    report = ikm_report(**YEAR_2026)

    assert report.index == Decimal("87.50")
    assert [e.key for e in report.answered_elements] == KEYS[:7]
    unanswered = [e for e in report.elements if not e.answered]
    assert [e.key for e in unanswered] == ["U8", "U9"]
    assert all(e.nrr is None and e.converted is None for e in unanswered)


@pytest.mark.django_db
def test_an_element_skipped_by_some_respondents_divides_by_those_who_answered():
    """Three respondents; U9 answered only by the first (value 1), everything else 4 by all three.

    NRR U1..U8 = 4; NRR U9 = 1 / 1 = 1 (not 1/3). Σ = 33; 33/9 × 25 = 91.666… → 91.67 (A).
    """
    respond_columns({**{key: [4, 4, 4] for key in KEYS[:8]}, "U9": [1, None, None]})
    report = ikm_report(**YEAR_2026)

    u9 = next(e for e in report.elements if e.key == "U9")
    assert (u9.respondents, u9.total, u9.nrr) == (1, 1, Decimal(1))
    assert report.index == Decimal("91.67")
    assert report.grade.letter == "A"


@pytest.mark.django_db
def test_no_respondents_no_index():
    report = ikm_report(**YEAR_2026)
    assert (report.respondents, report.index, report.grade) == (0, None, None)
    assert report.answered_elements == []


# --- Rounding only at the end --------------------------------------------------------------------------


@pytest.mark.django_db
def test_rounding_only_the_final_index():
    """Three respondents, every element's answers add up to 10: NRR = 10/3 = 3.3333… for all nine.

    Exact: Σ(10/3 × 1/9) × 25 = 250/3 = 83.333… → 83.33.
    Rounding each NRR first (3.33) would give 3.33 × 25 = 83.25.
    """
    respond_columns({key: [3, 3, 4] for key in KEYS})
    report = ikm_report(**YEAR_2026)

    assert report.index == Decimal("83.33")
    assert all(e.nrr == Decimal(10) / Decimal(3) for e in report.elements)
    rounded_first = sum(round_half_up(e.nrr_exact) for e in report.elements) / 9 * 25
    assert rounded_first.quantize(Decimal("0.01")) == Decimal("83.25")


@pytest.mark.django_db
def test_rounding_nrrs_first_would_even_change_the_grade():
    """Fifteen respondents. Element sums: U1 17, U2 47, U3..U9 59 each.

    NRR: 17/15 = 1.1333…, 47/15 = 3.1333…, 59/15 = 3.9333… (×7); Σ NRR = 477/15 = 31.8
    Exact: 31.8 / 9 × 25 = 88.333… → 88.33 → A "Sangat Baik".
    NRRs rounded first: 1.13 + 3.13 + 7 × 3.93 = 31.77 → 31.77 / 9 × 25 = 88.25 → B.
    (The 0.111 weight: 31.8 × 0.111 × 25 = 88.245 → also B.)
    """
    sums = {"U1": 17, "U2": 47, **{key: 59 for key in KEYS[2:]}}
    respond_columns({key: column_with_sum(total, 15) for key, total in sums.items()})
    report = ikm_report(**YEAR_2026)

    assert report.index == Decimal("88.33")
    assert report.grade.letter == "A"
    rounded_first = round_half_up(Fraction(sum(round_half_up(e.nrr_exact) for e in report.elements)) / 9 * 25)
    assert rounded_first == Decimal("88.25")
    assert ikm_grade(rounded_first).letter == "B"


def test_index_from_fractions_is_exact():
    assert ikm_index([Fraction(10, 3)] * 9) == Decimal("83.33")
    assert ikm_index([Fraction(4)] * 9) == Decimal("100.00")
    assert ikm_index([Fraction(1)] * 9) == Decimal("25.00")
    assert ikm_index([]) is None


# --- Filters ------------------------------------------------------------------------------------------


@pytest.mark.django_db
def test_period_filter_uses_local_days():
    """23:30 WIB on 31 March is still Q1 (16:30 UTC); 00:10 WIB on 1 April is Q2 (17:10 UTC, 31 March)."""
    all_fours = dict.fromkeys(KEYS, 4)
    all_ones = dict.fromkeys(KEYS, 1)
    respond(all_fours, when=datetime(2026, 3, 31, 23, 30, tzinfo=WIB))
    respond(all_ones, when=datetime(2026, 4, 1, 0, 10, tzinfo=WIB))
    respond(all_ones, when=datetime(2025, 12, 31, 23, 59, tzinfo=WIB))

    q1 = ikm_report(**dict(zip(("start", "end"), quarter_range(year=2026, quarter=1), strict=True)))
    q2 = ikm_report(**dict(zip(("start", "end"), quarter_range(year=2026, quarter=2), strict=True)))
    s1 = ikm_report(**dict(zip(("start", "end"), semester_range(year=2026, semester=1), strict=True)))
    assert (q1.respondents, q1.index) == (1, Decimal("100.00"))
    assert (q2.respondents, q2.index) == (1, Decimal("25.00"))
    assert (s1.respondents, s1.index) == (2, Decimal("62.50"))
    assert ikm_report(start=date(2025, 1, 1), end=date(2025, 12, 31)).respondents == 1


@pytest.mark.django_db
def test_per_permit_type_filter_and_table():
    sip, sipop = PermitTypeFactory(name="SIP Dokter Umum"), PermitTypeFactory(name="SIPOP")
    respond(dict.fromkeys(KEYS, 4), permit_type=sip)
    respond(dict.fromkeys(KEYS, 3), permit_type=sip)
    respond(dict.fromkeys(KEYS, 2), permit_type=sipop)
    respond(dict.fromkeys(KEYS, 1))  # kiosk, "other services"

    assert ikm_report(**YEAR_2026, permit_type=sip).index == Decimal("87.50")
    assert ikm_report(**YEAR_2026, permit_type=sipop).index == Decimal("50.00")
    # All together: every NRR = (4 + 3 + 2 + 1) / 4 = 2.5 → 62.50.
    assert ikm_report(**YEAR_2026).index == Decimal("62.50")

    rows = ikm_by_permit_type(**YEAR_2026)
    assert [(r.name, r.respondents, r.index, r.grade.letter) for r in rows] == [
        ("SIP Dokter Umum", 2, Decimal("87.50"), "B"),
        ("SIPOP", 1, Decimal("50.00"), "D"),
        ("Layanan lainnya", 1, Decimal("25.00"), "D"),
    ]
    assert ikm_by_permit_type(start=date(2025, 1, 1), end=date(2025, 12, 31)) == []


@pytest.mark.django_db
def test_suggestions_and_profile():
    sip = PermitTypeFactory(name="SIP Dokter Gigi")
    respond(
        dict.fromkeys(KEYS, 4),
        permit_type=sip,
        suggestion="Ruang tunggu perlu kipas.",
        age_group=AgeGroup.FROM_30,
        sex=Sex.P,
        education=Education.D4_S1,
        occupation=Occupation.TENAGA_KESEHATAN,
    )
    respond(
        dict.fromkeys(KEYS, 3),
        when=datetime(2026, 6, 1, 9, 0, tzinfo=WIB),
        suggestion="Loket buka lebih pagi.",
        age_group=AgeGroup.FROM_30,
        sex=Sex.L,
        education=Education.SMA,
        occupation=Occupation.WIRASWASTA,
    )
    respond(dict.fromkeys(KEYS, 3))  # no suggestion, no profile (a paper form typed in)

    report = ikm_report(**YEAR_2026)
    assert [(s.text, s.submitted_on, s.permit_type) for s in report.suggestions] == [
        ("Loket buka lebih pagi.", date(2026, 6, 1), "Layanan lainnya"),
        ("Ruang tunggu perlu kipas.", date(2026, 5, 12), "SIP Dokter Gigi"),
    ]
    counts = {name: {row.value: row.count for row in rows} for name, rows in report.profile.items()}
    assert counts["age_group"] == {
        "LT20": 0,
        "20_29": 0,
        "30_39": 2,
        "40_49": 0,
        "50_59": 0,
        "GE60": 0,
        "": 1,
    }
    assert counts["sex"] == {"L": 1, "P": 1, "": 1}
    assert counts["education"]["D4_S1"] == 1 and counts["education"]["SMA"] == 1
    assert counts["occupation"]["TENAGA_KESEHATAN"] == 1 and counts["occupation"]["WIRASWASTA"] == 1
    assert sum(counts["occupation"].values()) == report.respondents == 3


@pytest.mark.django_db
def test_swapped_display_order_does_not_change_the_index(settings):
    """An office that prints U9 before U8: the order follows the setting, the index does not move."""
    respond(dict(zip(KEYS, [4, 4, 4, 4, 4, 4, 4, 1, 3], strict=True)))
    before = ikm_report(**YEAR_2026)
    settings.PINTU_IKM_ELEMENTS = [*KEYS[:7], "U9", "U8"]
    after = ikm_report(**YEAR_2026)
    assert [e.key for e in after.elements][-2:] == ["U9", "U8"]
    assert before.index == after.index == Decimal("88.89")


# --- Query count --------------------------------------------------------------------------------------


def _queries(**kwargs) -> int:
    with CaptureQueriesContext(connection) as context:
        ikm_report(**kwargs)
        ikm_by_permit_type(start=kwargs["start"], end=kwargs["end"])
    return len(context.captured_queries)


@pytest.mark.django_db
def test_query_count_does_not_grow_with_respondents():
    sip = PermitTypeFactory()

    def add(count: int):
        for i in range(count):
            respond(
                {key: 1 + (i + n) % 4 for n, key in enumerate(KEYS)},
                permit_type=sip if i % 2 else None,
                suggestion=f"Saran {i}" if i % 3 == 0 else "",
                sex=Sex.L if i % 2 else Sex.P,
            )

    add(10)
    with_ten = _queries(**YEAR_2026)
    add(190)
    with_two_hundred = _queries(**YEAR_2026)
    assert with_ten == with_two_hundred <= 5
    assert ikm_report(**YEAR_2026).respondents == 200


# --- Model constraints and periods ----------------------------------------------------------------------


@pytest.mark.django_db
@pytest.mark.parametrize("value", [0, 5])
def test_answer_outside_one_to_four_is_refused_by_the_database(value):
    response = respond({})
    with pytest.raises(IntegrityError), transaction.atomic():
        SurveyAnswer.objects.create(response=response, element="U1", value=value)


@pytest.mark.django_db
def test_one_answer_per_element():
    response = respond({"U1": 3})
    with pytest.raises(IntegrityError), transaction.atomic():
        SurveyAnswer.objects.create(response=response, element="U1", value=4)


def test_period_helpers():
    assert year_range(year=2026) == (date(2026, 1, 1), date(2026, 12, 31))
    assert quarter_range(year=2024, quarter=1) == (date(2024, 1, 1), date(2024, 3, 31))
    assert quarter_range(year=2026, quarter=2) == (date(2026, 4, 1), date(2026, 6, 30))
    assert quarter_range(year=2026, quarter=3) == (date(2026, 7, 1), date(2026, 9, 30))
    assert quarter_range(year=2026, quarter=4) == (date(2026, 10, 1), date(2026, 12, 31))
    assert semester_range(year=2026, semester=1) == (date(2026, 1, 1), date(2026, 6, 30))
    assert semester_range(year=2026, semester=2) == (date(2026, 7, 1), date(2026, 12, 31))
    with pytest.raises(ValueError):
        quarter_range(year=2026, quarter=5)
    with pytest.raises(ValueError):
        semester_range(year=2026, semester=3)


@pytest.mark.django_db
def test_survey_years_include_this_year():
    respond({"U1": 4}, when=datetime(2024, 7, 1, 9, 0, tzinfo=WIB))
    assert survey_years(today=date(2026, 2, 1)) == [2026, 2024]
