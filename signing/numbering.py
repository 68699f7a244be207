"""Letter numbers (nomor surat): the format of a series, the series of a permit type, the gap-free allocation
and the register of issued numbers.

Gap-free per (series, year): the counter row is locked with SELECT … FOR UPDATE inside the transaction that
moves the application on, and the IssuedNumber row is written in that same transaction. If anything after
the allocation fails, the counter update rolls back with everything else, so the number is given back and
the next allocation gets it. The unique constraints on IssuedNumber are the last line of defence.
"""

import string
from dataclasses import dataclass
from datetime import date

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.roles import Role
from permits.models import Application
from workflow.effects import after_transition
from workflow.runner import transition_run

from .models import IssuedNumber, NumberCounter, NumberSeries

PLACEHOLDERS = ("kka", "seq", "kode", "unit", "bulan", "bulan_romawi", "tahun")
ROMAN_MONTHS = ("I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII")
NUMBER_MAX_LENGTH = IssuedNumber._meta.get_field("number").max_length
# Creating a series' counter for a new year can race; one retry after a lost race is enough, more is a bug.
COUNTER_ATTEMPTS = 3


class NumberingError(Exception):
    """The SK cannot be numbered; `message` says why in plain Indonesian, for the Sekretariat to pass on."""

    def __init__(self, message: str):
        self.message = message
        super().__init__(message)


class NoNumberSeries(NumberingError):
    """The application's permit type has no letter-number series."""

    def __init__(self, message: str | None = None):
        super().__init__(message or _("Seri nomor surat untuk jenis izin ini belum diatur administrator."))


class NumberFormatInvalid(NumberingError):
    """The series' format cannot make a number (edited outside the admin form, or too long a result)."""


class NumberTaken(NumberingError):
    """The number this series would give is already in the register (two series render the same text)."""

    def __init__(self, number: str):
        self.number = number
        super().__init__(
            _(
                "Nomor surat %(number)s sudah tercatat di register. Periksa format seri nomor surat: "
                "dua seri tidak boleh menghasilkan nomor yang sama."
            )
            % {"number": number}
        )


# --- Format ---------------------------------------------------------------------------------------------


def _values(*, kka: str, permit_code: str, unit_code: str, sequence: int, issued_on: date) -> dict:
    return {
        "kka": kka,
        "seq": sequence,
        "kode": permit_code,
        "unit": unit_code,
        "bulan": f"{issued_on.month:02d}",
        "bulan_romawi": ROMAN_MONTHS[issued_on.month - 1],
        "tahun": issued_on.year,
    }


def validate_number_format(value: str) -> None:
    """Raises ValidationError (in Indonesian) unless `value` is a usable number format: only the known
    placeholders, {seq} and {tahun} present, and every format spec valid (e.g. {seq:04d})."""
    known = " ".join(f"{{{name}}}" for name in PLACEHOLDERS)
    try:
        parts = list(string.Formatter().parse(value))
    except ValueError as exc:
        raise ValidationError(
            _("Format nomor tidak valid: setiap kurung kurawal { harus berpasangan dengan }."),
            code="braces",
        ) from exc
    names = set()
    for _literal, name, spec, conversion in parts:
        if name is None:
            continue
        if name not in PLACEHOLDERS:
            raise ValidationError(
                _("Bagian {%(name)s} tidak dikenal. Bagian yang dapat dipakai: %(known)s.")
                % {"name": name, "known": known},
                code="unknown_placeholder",
            )
        if conversion or "{" in (spec or ""):
            raise ValidationError(
                _("Bagian {%(name)s} ditulis dengan cara yang tidak didukung.") % {"name": name},
                code="unsupported",
            )
        names.add(name)
    if "seq" not in names:
        raise ValidationError(_("Format nomor harus memuat {seq} (nomor urut)."), code="no_seq")
    if "tahun" not in names:
        # Serials restart every year: without the year, next year's numbers would repeat this year's.
        raise ValidationError(
            _("Format nomor harus memuat {tahun}: nomor urut dimulai lagi dari 1 setiap tahun."),
            code="no_year",
        )
    sample = _values(kka="500", permit_code="X", unit_code="DPMPTSP", sequence=1, issued_on=date(2026, 1, 1))
    try:
        value.format_map(sample)
    except (ValueError, TypeError) as exc:
        raise ValidationError(
            _("Format bagian tidak valid (%(error)s). Contoh yang benar: {seq:04d} untuk 0001.")
            % {"error": exc},
            code="bad_spec",
        ) from exc


def number_format(*, series: NumberSeries, sequence: int, issued_on: date) -> str:
    """The number `series` gives to `sequence` on `issued_on`. Raises ValidationError for an unusable format
    or a number longer than the register can hold."""
    validate_number_format(series.format)
    values = _values(
        kka=series.kka,
        permit_code=series.permit_code,
        unit_code=series.unit_code,
        sequence=sequence,
        issued_on=issued_on,
    )
    number = series.format.format_map(values)
    if len(number) > NUMBER_MAX_LENGTH:
        raise ValidationError(
            _("Nomor surat %(number)s lebih dari %(max)d karakter. Persingkat format atau kodenya.")
            % {"number": number, "max": NUMBER_MAX_LENGTH},
            code="too_long",
        )
    return number


# --- Series, preview and allocation ---------------------------------------------------------------------


def series_for_application(*, application: Application) -> NumberSeries:
    """The series linked to the application's permit type. Raises NoNumberSeries."""
    series = NumberSeries.objects.filter(permit_types=application.permit_type_id).order_by("pk").first()
    if series is None:
        raise NoNumberSeries
    return series


def number_preview(*, application: Application, today: date) -> str:
    """An estimate (perkiraan) of the number the next allocation would give: it neither locks nor reserves,
    so someone else may take it first. Show it labelled so. Raises NoNumberSeries, NumberFormatInvalid."""
    series = series_for_application(application=application)
    last_value = (
        NumberCounter.objects.filter(series=series, year=today.year)
        .values_list("last_value", flat=True)
        .first()
    )
    return _number_or_error(series=series, sequence=(last_value or 0) + 1, issued_on=today)


def _number_or_error(*, series: NumberSeries, sequence: int, issued_on: date) -> str:
    try:
        return number_format(series=series, sequence=sequence, issued_on=issued_on)
    except ValidationError as error:
        raise NumberFormatInvalid(" ".join(error.messages)) from error


def _counter_locked(*, series: NumberSeries, year: int) -> NumberCounter:
    """The (series, year) counter, locked until the end of the transaction; created at 0 for a new year."""
    for _attempt in range(COUNTER_ATTEMPTS):
        try:
            return NumberCounter.objects.select_for_update().get(series=series, year=year)
        except NumberCounter.DoesNotExist:
            pass
        try:
            # A savepoint: losing the race to create the row must not break the caller's transaction. The row
            # we insert stays invisible and locked (others' inserts wait on the unique index) until we commit.
            with transaction.atomic():
                return NumberCounter.objects.create(series=series, year=year, last_value=0)
        except IntegrityError:
            # Another transaction created it and committed: loop and lock theirs.
            continue
    raise RuntimeError(f"could not lock the number counter of series {series.pk} for {year}")


def number_allocate(*, application: Application, by, now) -> IssuedNumber:
    """Gives the application the next number of its series for the local year of `now` and records it in
    the register. Must run inside the transaction that moves the application on (the lock and the counter
    update roll back with it). Raises NumberingError: NoNumberSeries, NumberFormatInvalid, NumberTaken."""
    if not transaction.get_connection().in_atomic_block:
        raise RuntimeError("number_allocate must run inside transaction.atomic()")
    series = series_for_application(application=application)
    issued_on = timezone.localdate(now)
    counter = _counter_locked(series=series, year=issued_on.year)
    counter.last_value += 1
    counter.save(update_fields=["last_value"])
    number = _number_or_error(series=series, sequence=counter.last_value, issued_on=issued_on)
    if IssuedNumber.objects.filter(number=number).exists():
        raise NumberTaken(number)
    return IssuedNumber.objects.create(
        series=series,
        year=issued_on.year,
        sequence=counter.last_value,
        number=number,
        application=application,
        issued_at=now,
        issued_by=by,
    )


# --- The Sekretariat's action ---------------------------------------------------------------------------


def _number_effect(*, by, now):
    def allocate(application: Application, log) -> None:
        issued = number_allocate(application=application, by=by, now=now)
        log.details = {**(log.details or {}), "number": issued.number}
        log.save(update_fields=["details"])

    return allocate


def application_assign_number(*, application_id: int, expected_status: str, by, now=None) -> Application:
    """Penomoran: the Sekretariat gives the signed SK its letter number; PENOMORAN → PENERBITAN. One
    transaction: if the number cannot be given, the application stays where it was. Raises NumberingError
    (NoNumberSeries, NumberFormatInvalid, NumberTaken) and the runner's AlreadyProcessed/TransitionRefused."""
    now = now or timezone.now()
    with transaction.atomic():
        return transition_run(
            application_id=application_id,
            transition="assign_number",
            actor=by,
            actor_role=Role.SEKRETARIAT.value,
            expected_status=expected_status,
            permission="signing.assign_number",
            arguments={"now": now},
            # The number first: the notifications that after_transition writes can then read it in the log.
            effects=[_number_effect(by=by, now=now), after_transition],
            now=now,
        )


# --- The register ---------------------------------------------------------------------------------------

# Where the permit holder's name is in the application data, by permit type; the applicant's name otherwise.
HOLDER_NAME_FIELDS = ("nama_dengan_gelar", "nama_perusahaan", "nama_lembaga", "nama_penyelenggara")


@dataclass(frozen=True)
class RegisterRow:
    number: str
    issued_on: date
    application_number: str
    permit_type: str
    holder_name: str
    series: str


def holder_name(application: Application) -> str:
    data = application.data or {}
    for field in HOLDER_NAME_FIELDS:
        value = str(data.get(field) or "").strip()
        if value:
            return value
    return application.applicant.full_name or application.applicant.username


def issued_numbers_for_register(*, series_id: int | None = None, year: int | None = None) -> QuerySet:
    """The register, in number order, with what its rows show already joined."""
    issued = IssuedNumber.objects.select_related(
        "series", "application__permit_type", "application__applicant"
    ).order_by("series__name", "series_id", "year", "sequence")
    if series_id:
        issued = issued.filter(series_id=series_id)
    if year:
        issued = issued.filter(year=year)
    return issued


def register_row(issued: IssuedNumber) -> RegisterRow:
    return RegisterRow(
        number=issued.number,
        issued_on=timezone.localdate(issued.issued_at),
        application_number=issued.application.number or "",
        permit_type=issued.application.permit_type.name,
        holder_name=holder_name(issued.application),
        series=issued.series.name,
    )


def register_years() -> list[int]:
    """The years that have numbers or counters, newest first."""
    years = set(IssuedNumber.objects.values_list("year", flat=True).distinct())
    years |= set(NumberCounter.objects.values_list("year", flat=True).distinct())
    return sorted(years, reverse=True)
