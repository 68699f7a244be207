"""The Indeks Kepuasan Masyarakat (IKM) exactly as PermenPANRB 14/2017 defines it.

Per element: NRR = sum of its answers / number of respondents who answered it.
IKM = Σ (NRR × 1/n) × 25, n = the number of elements with at least one answer.

Everything is computed with exact fractions; only the final index is rounded (2 decimals, half up). Paper
reports often write the weight as 0.111 or round every NRR first: both shift the index by a few hundredths,
which is enough to cross a grade band.

Reads only: aggregate queries whose number does not grow with the number of respondents.
"""

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from decimal import Decimal, localcontext
from fractions import Fraction
from math import floor

from django.db.models import Count, Q, Sum
from django.utils import timezone
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from .survey_models import (
    AgeGroup,
    Education,
    Occupation,
    Sex,
    SurveyAnswer,
    SurveyElement,
    SurveyResponse,
    survey_elements,
)

CONVERSION_FACTOR = 25


# --- Grade --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Grade:
    letter: str
    label: Promise | str
    minimum: Decimal  # lowest index (nilai interval konversi) in this band


GRADES = (
    Grade("A", _("Sangat Baik"), Decimal("88.31")),
    Grade("B", _("Baik"), Decimal("76.61")),
    Grade("C", _("Kurang Baik"), Decimal("65.00")),
    Grade("D", _("Tidak Baik"), Decimal("25.00")),
)


def ikm_grade(index: Decimal) -> Grade:
    """The mutu pelayanan for an index already rounded to 2 decimals (the bands are 2-decimal bands)."""
    for grade in GRADES[:-1]:
        if index >= grade.minimum:
            return grade
    return GRADES[-1]


# --- Arithmetic ---------------------------------------------------------------------------------------


def round_half_up(value: Fraction, *, places: int = 2) -> Decimal:
    """Round an exact fraction once, half up (ROUND_HALF_UP), never through a float or a truncated Decimal."""
    scale = 10**places
    scaled = value * scale
    units = floor(scaled + Fraction(1, 2)) if scaled >= 0 else -floor(-scaled + Fraction(1, 2))
    return (Decimal(units) / scale).quantize(Decimal(1).scaleb(-places))


def to_decimal(value: Fraction) -> Decimal:
    """A fraction as a Decimal to 28 significant digits: for showing NRRs, never for the index itself."""
    with localcontext() as context:
        context.prec = 28
        return Decimal(value.numerator) / Decimal(value.denominator)


def ikm_index_exact(nrrs: Iterable[Fraction]) -> Fraction | None:
    """Σ(NRR × 1/n) × 25 over the elements given, exactly. None when no element was answered."""
    nrrs = list(nrrs)
    if not nrrs:
        return None
    weight = Fraction(1, len(nrrs))
    return sum((nrr * weight for nrr in nrrs), Fraction(0)) * CONVERSION_FACTOR


def ikm_index(nrrs: Iterable[Fraction]) -> Decimal | None:
    exact = ikm_index_exact(nrrs)
    return None if exact is None else round_half_up(exact)


# --- Report -------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class ElementScore:
    key: str
    label: Promise | str
    respondents: int  # who answered this element
    total: int  # sum of their answers
    nrr_exact: Fraction | None

    @property
    def answered(self) -> bool:
        return self.nrr_exact is not None

    @property
    def nrr(self) -> Decimal | None:
        """Unrounded (28 significant digits)."""
        return None if self.nrr_exact is None else to_decimal(self.nrr_exact)

    @property
    def nrr_display(self) -> Decimal | None:
        return None if self.nrr_exact is None else round_half_up(self.nrr_exact, places=3)

    @property
    def converted(self) -> Decimal | None:
        """Nilai interval konversi NRR × 25, rounded for the chart and the table only."""
        return None if self.nrr_exact is None else round_half_up(self.nrr_exact * CONVERSION_FACTOR)


@dataclass(frozen=True)
class Suggestion:
    text: str
    submitted_on: date
    permit_type: str  # the name, or "Layanan lainnya"


@dataclass(frozen=True)
class ProfileCount:
    value: str
    label: Promise | str
    count: int


@dataclass(frozen=True)
class IkmReport:
    start: date
    end: date
    permit_type: object | None
    respondents: int
    elements: list[ElementScore]
    index: Decimal | None
    grade: Grade | None
    suggestions: list[Suggestion] = field(default_factory=list)
    profile: dict[str, list[ProfileCount]] = field(default_factory=dict)

    @property
    def answered_elements(self) -> list[ElementScore]:
        return [element for element in self.elements if element.answered]


@dataclass(frozen=True)
class PermitTypeIndex:
    permit_type_id: int | None
    name: str
    respondents: int
    index: Decimal | None
    grade: Grade | None


OTHER_SERVICES = _("Layanan lainnya")
NOT_GIVEN = _("Tidak diisi")
PROFILE_FIELDS = {
    "age_group": (_("Usia"), AgeGroup),
    "sex": (_("Jenis kelamin"), Sex),
    "education": (_("Pendidikan"), Education),
    "occupation": (_("Pekerjaan"), Occupation),
}


def period_bounds(*, start: date, end: date) -> tuple[datetime, datetime]:
    """Local midnight of `start` up to (not including) local midnight after `end`: an index-friendly range."""
    zone = timezone.get_current_timezone()
    return (
        datetime.combine(start, time.min, tzinfo=zone),
        datetime.combine(end + timedelta(days=1), time.min, tzinfo=zone),
    )


def responses_in_period(*, start: date, end: date, permit_type=None):
    since, until = period_bounds(start=start, end=end)
    responses = SurveyResponse.objects.filter(submitted_at__gte=since, submitted_at__lt=until)
    if permit_type is not None:
        responses = responses.filter(permit_type=permit_type)
    return responses


def answers_in_period(*, start: date, end: date, permit_type=None):
    # A join on the response rather than `response__in=<subquery>`: one plain indexed range scan.
    since, until = period_bounds(start=start, end=end)
    answers = SurveyAnswer.objects.filter(response__submitted_at__gte=since, response__submitted_at__lt=until)
    if permit_type is not None:
        answers = answers.filter(response__permit_type=permit_type)
    return answers


def _element_scores(totals: Mapping[str, tuple[int, int]]) -> list[ElementScore]:
    """Scores in the office's display order; elements answered but no longer asked are kept, at the end."""
    ordered = [question.key for question in survey_elements()]
    ordered += sorted(key for key in totals if key not in ordered)
    scores = []
    for key in ordered:
        respondents, total = totals.get(key, (0, 0))
        scores.append(
            ElementScore(
                key=key,
                label=SurveyElement(key).label if key in SurveyElement.values else key,
                respondents=respondents,
                total=total,
                nrr_exact=Fraction(total, respondents) if respondents else None,
            )
        )
    return scores


def _profile_aggregates() -> dict[str, Count]:
    counts = {"respondents": Count("pk")}
    for name, (_label, choices) in PROFILE_FIELDS.items():
        for value in [*choices.values, ""]:
            counts[f"{name}__{value}"] = Count("pk", filter=Q(**{name: value}))
    return counts


def _profile(row: Mapping[str, int]) -> dict[str, list[ProfileCount]]:
    profile = {}
    for name, (_label, choices) in PROFILE_FIELDS.items():
        rows = [ProfileCount(value, label, row[f"{name}__{value}"]) for value, label in choices.choices]
        if row[f"{name}__"]:
            rows.append(ProfileCount("", NOT_GIVEN, row[f"{name}__"]))
        profile[name] = rows
    return profile


def ikm_report(*, start: date, end: date, permit_type=None) -> IkmReport:
    """The index, grade, per-element scores, suggestions and respondent profile for a period (inclusive).

    Three queries whatever the number of respondents: respondents with their profile, answers per element,
    suggestions.
    """
    responses = responses_in_period(start=start, end=end, permit_type=permit_type)
    profile_row = responses.aggregate(**_profile_aggregates())

    answer_rows = (
        answers_in_period(start=start, end=end, permit_type=permit_type)
        .values("element")
        .annotate(respondents=Count("pk"), total=Sum("value"))
        .order_by()
    )
    scores = _element_scores({row["element"]: (row["respondents"], row["total"]) for row in answer_rows})
    index = ikm_index(score.nrr_exact for score in scores if score.answered)

    suggestions = [
        Suggestion(
            text=row["suggestion"],
            submitted_on=timezone.localdate(row["submitted_at"]),
            permit_type=row["permit_type__name"] or str(OTHER_SERVICES),
        )
        for row in responses.exclude(suggestion="")
        .order_by("-submitted_at", "-pk")
        .values("suggestion", "submitted_at", "permit_type__name")
    ]
    return IkmReport(
        start=start,
        end=end,
        permit_type=permit_type,
        respondents=profile_row["respondents"],
        elements=scores,
        index=index,
        grade=None if index is None else ikm_grade(index),
        suggestions=suggestions,
        profile=_profile(profile_row),
    )


def ikm_by_permit_type(*, start: date, end: date) -> list[PermitTypeIndex]:
    """The index per permit type (and for "other services") in a period, in two queries."""
    responses = responses_in_period(start=start, end=end)
    names: dict[int | None, str] = {}
    respondents: dict[int | None, int] = {}
    for row in responses.values("permit_type", "permit_type__name").annotate(n=Count("pk")).order_by():
        names[row["permit_type"]] = row["permit_type__name"] or str(OTHER_SERVICES)
        respondents[row["permit_type"]] = row["n"]

    nrrs: dict[int | None, list[Fraction]] = {key: [] for key in names}
    answer_rows = (
        answers_in_period(start=start, end=end)
        .values("response__permit_type", "element")
        .annotate(n=Count("pk"), total=Sum("value"))
        .order_by()
    )
    for row in answer_rows:
        nrrs.setdefault(row["response__permit_type"], []).append(Fraction(row["total"], row["n"]))

    rows = []
    for key, name in names.items():
        index = ikm_index(nrrs.get(key, []))
        rows.append(
            PermitTypeIndex(
                permit_type_id=key,
                name=name,
                respondents=respondents[key],
                index=index,
                grade=None if index is None else ikm_grade(index),
            )
        )
    # Named services alphabetically, "other services" last.
    return sorted(rows, key=lambda row: (row.permit_type_id is None, row.name.lower()))


# --- Periods ------------------------------------------------------------------------------------------


def survey_years(*, today: date) -> list[int]:
    """Years with responses, newest first, always including this year."""
    years = {moment.year for moment in SurveyResponse.objects.datetimes("submitted_at", "year")}
    return sorted({*years, today.year}, reverse=True)
