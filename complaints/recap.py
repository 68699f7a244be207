"""The complaint recap (rekapitulasi pengaduan) of a period: counts by channel, type, service,
service-standard component and outcome, the share answered on time and the working days it took — kept
"as material for improving the service" (seed 003, step 7). A fixed handful of aggregate queries, however
many complaints.

Exports to CSV and XLSX, with cells that a spreadsheet would read as formulas neutralised."""

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from decimal import ROUND_HALF_UP, Decimal

import rules
from django.db.models import Count, F, Q
from django.db.models.functions import TruncDate
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from accounts.roles import Role
from core.exports import csv_text, percent, workbook_bytes, xlsx_cell
from permits.models.catalog import ServiceComponent
from workflow.calendar import office_calendar

from .models import Channel, Complaint, ComplaintKind, Outcome
from .rules import is_complaint_staff
from .selectors import OPEN_STATUSES, overdue_q


def _has(role: Role):
    @rules.predicate(name=f"recap_has_role_{role.name.lower()}")
    def predicate(user) -> bool:
        return user.is_authenticated and user.has_role(role)

    return predicate


# Pengaduan staff, and the office's leadership and administrator, read the recap.
reads_recap = is_complaint_staff | _has(Role.KEPALA_DINAS) | _has(Role.SEKRETARIS) | _has(Role.ADMINISTRATOR)
if not rules.perm_exists("complaints.view_recap"):
    rules.add_perm("complaints.view_recap", reads_recap)

OTHER_SERVICE = gettext_lazy("Lainnya")
NO_COMPONENT = gettext_lazy("Belum/tidak diklasifikasi")
NO_OUTCOME = gettext_lazy("Belum ditentukan")
ONE_DECIMAL = Decimal("0.1")
# Cells starting with these are read as formulas by spreadsheet programs (CSV injection).


@dataclass(frozen=True)
class RecapLine:
    key: str
    label: str
    count: int


@dataclass(frozen=True)
class Recap:
    start: date
    end: date
    today: date
    received: int  # received in the period
    open: int  # of those, still awaiting an answer
    overdue: int  # of those open, past a deadline today
    published: int  # answers delivered to the complainant in the period
    published_on_time: int  # of those, delivered on or before the answer deadline
    on_time_rate: Decimal | None  # percent, one decimal; None without answers
    average_working_days: Decimal | None  # received → answer delivered, one decimal
    by_channel: list[RecapLine]
    by_kind: list[RecapLine]
    by_service: list[RecapLine]
    by_component: list[RecapLine]
    by_outcome: list[RecapLine]

    @property
    def published_late(self) -> int:
        return self.published - self.published_on_time


def _local_midnight(day: date) -> datetime:
    return timezone.make_aware(datetime.combine(day, time.min))


def received_between_q(*, start: date, end: date) -> Q:
    # Bounds as aware datetimes (local midnights) keep an index on received_at usable, unlike __date.
    return Q(
        received_at__gte=_local_midnight(start), received_at__lt=_local_midnight(end + timedelta(days=1))
    )


def published_between_q(*, start: date, end: date) -> Q:
    return Q(
        published_at__gte=_local_midnight(start), published_at__lt=_local_midnight(end + timedelta(days=1))
    )


# Delivered on or before the answer deadline, counting the day in the office's time zone.
ON_TIME_Q = Q(published_at__date__lte=F("answer_due"))


def _counts(queryset, field: str) -> dict:
    # order_by(): the model's default ordering would otherwise join the GROUP BY and split the counts.
    return dict(queryset.values_list(field).annotate(count=Count("pk")).order_by())


def _lines(choices, counts: dict) -> list[RecapLine]:
    return [
        RecapLine(key=str(value), label=str(label), count=counts.get(value, 0)) for value, label in choices
    ]


def complaint_recap(*, start: date, end: date, today: date | None = None) -> Recap:
    """The recap of complaints received (and answers delivered) from `start` to `end`, both inclusive."""
    today = today or timezone.localdate()
    received_q = received_between_q(start=start, end=end)
    published_q = published_between_q(start=start, end=end)
    totals = Complaint.objects.filter(received_q | published_q).aggregate(
        received=Count("pk", filter=received_q),
        open=Count("pk", filter=received_q & Q(status__in=OPEN_STATUSES)),
        overdue=Count("pk", filter=received_q & overdue_q(today=today)),
        published=Count("pk", filter=published_q),
        on_time=Count("pk", filter=published_q & ON_TIME_Q),
    )
    received = Complaint.objects.filter(received_q)

    services = (
        received.values_list("permit_type_id", "permit_type__name").annotate(count=Count("pk")).order_by()
    )
    by_service = sorted(
        (RecapLine(key=str(pk), label=name, count=count) for pk, name, count in services if pk is not None),
        key=lambda line: (-line.count, line.label),
    )
    other = sum(count for pk, _name, count in services if pk is None)
    if other:
        by_service.append(RecapLine(key="", label=str(OTHER_SERVICE), count=other))

    components = _counts(received, "component")
    outcomes = _counts(received, "outcome")
    return Recap(
        start=start,
        end=end,
        today=today,
        received=totals["received"],
        open=totals["open"],
        overdue=totals["overdue"],
        published=totals["published"],
        published_on_time=totals["on_time"],
        on_time_rate=percent(totals["on_time"], totals["published"]),
        average_working_days=_average_working_days(published_q),
        by_channel=_lines(Channel.choices, _counts(received, "channel")),
        by_kind=_lines(ComplaintKind.choices, _counts(received, "handled_as")),
        by_service=by_service,
        by_component=[
            *_lines(ServiceComponent.choices, components),
            RecapLine(key="", label=str(NO_COMPONENT), count=components.get(None, 0)),
        ],
        by_outcome=[
            *_lines(Outcome.choices, outcomes),
            RecapLine(key="", label=str(NO_OUTCOME), count=outcomes.get("", 0)),
        ],
    )


def _average_working_days(published_q: Q) -> Decimal | None:
    """Mean working days from receipt to the delivered answer. One query grouped by (received day, answer
    day): the rows grow with the days in the period, not with the complaints."""
    pairs = (
        Complaint.objects.filter(published_q)
        .annotate(received_on=TruncDate("received_at"), published_on=TruncDate("published_at"))
        .values_list("received_on", "published_on")
        .annotate(count=Count("pk"))
        .order_by()
    )
    total_days = answered = 0
    calendar = None
    for received_on, published_on, count in pairs:
        calendar = calendar or office_calendar()
        total_days += calendar.working_days_between(received_on, published_on) * count
        answered += count
    if not answered:
        return None
    return (Decimal(total_days) / Decimal(answered)).quantize(ONE_DECIMAL, rounding=ROUND_HALF_UP)


# --- export ----------------------------------------------------------------------------------------------


def recap_sections(recap: Recap) -> list[tuple[str, list[tuple[str, int | Decimal | str]]]]:
    """The recap as titled sections of (label, value) rows: what the page, the CSV and the XLSX all show."""
    summary: list[tuple[str, int | Decimal | str]] = [
        (_("Diterima dalam periode"), recap.received),
        (_("Masih dalam proses"), recap.open),
        (_("Terlambat (belum dijawab, lewat batas waktu)"), recap.overdue),
        (_("Jawaban disampaikan dalam periode"), recap.published),
        (_("Disampaikan tepat waktu"), recap.published_on_time),
        (_("Disampaikan terlambat"), recap.published_late),
        (_("Persentase tepat waktu (%)"), recap.on_time_rate if recap.on_time_rate is not None else "—"),
        (
            _("Rata-rata hari kerja hingga jawaban disampaikan"),
            recap.average_working_days if recap.average_working_days is not None else "—",
        ),
    ]

    def rows(lines):
        return [(line.label, line.count) for line in lines]

    return [
        (_("Ringkasan"), summary),
        (_("Menurut saluran"), rows(recap.by_channel)),
        (_("Menurut jenis (ditangani sebagai)"), rows(recap.by_kind)),
        (_("Menurut layanan"), rows(recap.by_service)),
        (_("Menurut komponen standar pelayanan"), rows(recap.by_component)),
        (_("Menurut kategori penyelesaian"), rows(recap.by_outcome)),
    ]


def export_headers() -> list[str]:
    return [_("Bagian"), _("Uraian"), _("Jumlah")]


def _period_rows(recap: Recap) -> list[tuple[str, str, date]]:
    return [(_("Periode"), _("Dari tanggal"), recap.start), (_("Periode"), _("Sampai tanggal"), recap.end)]


def _export_rows(recap: Recap) -> list[list]:
    rows: list[list] = [export_headers()]
    rows += [[section, label, day] for section, label, day in _period_rows(recap)]
    rows += [[section, label, value] for section, items in recap_sections(recap) for label, value in items]
    return rows


def recap_csv(recap: Recap) -> str:
    return csv_text(_export_rows(recap))


def recap_xlsx(recap: Recap) -> bytes:
    from openpyxl import Workbook

    workbook = Workbook()
    sheet = workbook.active
    sheet.title = _("Rekap pengaduan")
    for row_number, row in enumerate(_export_rows(recap), start=1):
        for column, value in enumerate(row, start=1):
            xlsx_cell(sheet, row=row_number, column=column, value=value, bold=row_number == 1)
    sheet.freeze_panes = "A2"
    for letter, width in zip("ABC", (40, 56, 14), strict=True):
        sheet.column_dimensions[letter].width = width
    return workbook_bytes(workbook)
