from datetime import date

import pytest

from workflow.calendar import WorkingCalendar, office_calendar
from workflow.closed_days import CLOSED_DAYS_2026
from workflow.models import ClosedDay

CAL = WorkingCalendar()


@pytest.mark.parametrize("day", sorted(CLOSED_DAYS_2026))
def test_every_2026_holiday_and_cuti_bersama_is_closed(day):
    assert not CAL.is_working_day(date.fromisoformat(day))


def test_lebaran_2026_block():
    # Tue 17 Mar is open; 18–24 Mar are Nyepi, Idul Fitri and cuti bersama; Wed 25 Mar is open again.
    assert CAL.add_working_days(date(2026, 3, 17), 1) == date(2026, 3, 25)
    assert CAL.working_days_between(date(2026, 3, 13), date(2026, 3, 31)) == 7


def test_year_boundary():
    # 24–25 Dec closed, 26–27 weekend, 28–31 Dec are days 1–4; 1 Jan closed, 2–3 Jan 2027 weekend.
    assert CAL.add_working_days(date(2026, 12, 23), 5) == date(2027, 1, 4)


def test_saturday_service():
    assert CAL.add_working_days(date(2026, 11, 20), 1) == date(2026, 11, 23)
    assert WorkingCalendar(saturday_service=True).add_working_days(date(2026, 11, 20), 1) == date(
        2026, 11, 21
    )


@pytest.mark.django_db
def test_office_overrides_close_and_open_days():
    ClosedDay.objects.create(date=date(2026, 11, 23), name="Hari jadi kabupaten")
    ClosedDay.objects.create(date=date(2026, 12, 24), kind=ClosedDay.Kind.OPEN, name="Layanan tetap buka")
    calendar = office_calendar()
    assert not calendar.is_working_day(date(2026, 11, 23))
    assert calendar.is_working_day(date(2026, 12, 24))
