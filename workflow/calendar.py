"""Working days (hari kerja): Monday–Friday (Saturday when the office serves then), minus Indonesia's national
holidays and cuti bersama, adjusted by the office's own table of closed and open days."""

from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import cache

import holidays


@cache
def national_closed_days(year: int) -> dict[date, str]:
    """Public holidays and cuti bersama (the `government` category) with Indonesian names."""
    return dict(
        holidays.country_holidays(
            "ID", years=year, categories=("public", "government"), language="id"
        ).items()
    )


@dataclass(frozen=True)
class WorkingCalendar:
    saturday_service: bool = False
    extra_closed: frozenset[date] = field(default_factory=frozenset)
    extra_open: frozenset[date] = field(default_factory=frozenset)

    def closed_reason(self, day: date) -> str | None:
        if day in self.extra_open:
            return None
        if day in self.extra_closed:
            return "closed"
        if day.weekday() == 6 or (day.weekday() == 5 and not self.saturday_service):
            return "weekend"
        return national_closed_days(day.year).get(day)

    def is_working_day(self, day: date) -> bool:
        return self.closed_reason(day) is None

    def add_working_days(self, start: date, days: int) -> date:
        """The `days`-th working day after `start` (counting begins the working day after `start`)."""
        current, remaining = start, days
        while remaining > 0:
            current += timedelta(days=1)
            if self.is_working_day(current):
                remaining -= 1
        return current

    def working_days_between(self, start: date, end: date) -> int:
        """Working days in (start, end]: how many office days have elapsed after `start` up to `end`."""
        if end <= start:
            return 0
        return sum(
            1 for offset in range(1, (end - start).days + 1) if self.is_working_day(start + timedelta(offset))
        )


def office_calendar() -> WorkingCalendar:
    """The calendar of this office, from its settings and its table of closed/open days."""
    from permits.models import Office

    from .models import ClosedDay

    office = Office.current()
    rows = list(ClosedDay.objects.values_list("date", "kind"))
    return WorkingCalendar(
        saturday_service=bool(office and office.saturday_service),
        extra_closed=frozenset(d for d, kind in rows if kind == ClosedDay.Kind.CLOSED),
        extra_open=frozenset(d for d, kind in rows if kind == ClosedDay.Kind.OPEN),
    )
