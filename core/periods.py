"""Reporting periods (year, semester, quarter, month) as inclusive date ranges, and the month names."""

import calendar
from datetime import date

from django.utils.translation import gettext_lazy as _

MONTH_NAMES = (
    _("Januari"),
    _("Februari"),
    _("Maret"),
    _("April"),
    _("Mei"),
    _("Juni"),
    _("Juli"),
    _("Agustus"),
    _("September"),
    _("Oktober"),
    _("November"),
    _("Desember"),
)


def year_range(*, year: int) -> tuple[date, date]:
    return date(year, 1, 1), date(year, 12, 31)


def month_range(*, year: int, month: int) -> tuple[date, date]:
    return date(year, month, 1), date(year, month, calendar.monthrange(year, month)[1])


def quarter_range(*, year: int, quarter: int) -> tuple[date, date]:
    if quarter not in (1, 2, 3, 4):
        raise ValueError("quarter must be 1–4")
    first_month = 3 * (quarter - 1) + 1
    return month_range(year=year, month=first_month)[0], month_range(year=year, month=first_month + 2)[1]


def semester_range(*, year: int, semester: int) -> tuple[date, date]:
    if semester not in (1, 2):
        raise ValueError("semester must be 1 or 2")
    return (date(year, 1, 1), date(year, 6, 30)) if semester == 1 else (date(year, 7, 1), date(year, 12, 31))
