"""The office's closed-day table, seeded with the 2026 holidays and cuti bersama (SKB 1497/2025) so that the
calendar holds even where the `holidays` package lags behind a new SKB."""

from datetime import date

from .models import ClosedDay

CLOSED_DAYS_2026 = {
    "2026-01-01": "Tahun Baru Masehi",
    "2026-01-16": "Isra Mikraj Nabi Muhammad SAW",
    "2026-02-16": "Cuti Bersama Tahun Baru Imlek",
    "2026-02-17": "Tahun Baru Imlek",
    "2026-03-18": "Cuti Bersama Hari Suci Nyepi",
    "2026-03-19": "Hari Suci Nyepi",
    "2026-03-20": "Cuti Bersama Idul Fitri",
    "2026-03-21": "Idul Fitri",
    "2026-03-22": "Idul Fitri (hari kedua)",
    "2026-03-23": "Cuti Bersama Idul Fitri",
    "2026-03-24": "Cuti Bersama Idul Fitri",
    "2026-04-03": "Wafat Yesus Kristus",
    "2026-04-05": "Kebangkitan Yesus Kristus",
    "2026-05-01": "Hari Buruh Internasional",
    "2026-05-14": "Kenaikan Yesus Kristus",
    "2026-05-15": "Cuti Bersama Kenaikan Yesus Kristus",
    "2026-05-27": "Idul Adha",
    "2026-05-28": "Cuti Bersama Idul Adha",
    "2026-05-31": "Hari Raya Waisak",
    "2026-06-01": "Hari Lahir Pancasila",
    "2026-06-16": "Tahun Baru Islam",
    "2026-08-17": "Hari Kemerdekaan Republik Indonesia",
    "2026-08-25": "Maulid Nabi Muhammad SAW",
    "2026-12-24": "Cuti Bersama Natal",
    "2026-12-25": "Hari Raya Natal",
}


def closed_days_seed() -> int:
    added = 0
    for day, name in CLOSED_DAYS_2026.items():
        _row, created = ClosedDay.objects.get_or_create(date=date.fromisoformat(day), defaults={"name": name})
        added += created
    return added
