"""Non-Gregorian calendars that diplomatic sources print: Indian national (Saka), Japanese eras."""

from __future__ import annotations

import calendar
import datetime as dt
from dataclasses import dataclass

from dateline.dates.value import DateError

SAKA_MONTH_NAMES = (
    "Chaitra", "Vaisakha", "Jyaistha", "Asadha", "Sravana", "Bhadra",
    "Asvina", "Kartika", "Agrahayana", "Pausa", "Magha", "Phalguna",
)

# Every spelling seen in print, lower-cased, to the month number (1 = Chaitra).
SAKA_MONTHS: dict[str, int] = {
    spelling: number
    for number, spellings in enumerate(
        (
            ("chaitra", "caitra", "chait", "चैत्र", "चैत"),
            ("vaisakha", "vaishakha", "vaisakh", "vaishakh", "baisakh", "वैशाख"),
            ("jyaistha", "jyeshtha", "jyaishtha", "jyeshta", "jyaishta", "jaistha", "ज्येष्ठ", "जेठ"),
            ("asadha", "ashadha", "aashaadha", "ashadh", "asarh", "आषाढ़", "आषाढ"),
            ("sravana", "shravana", "shravan", "sravan", "sawan", "श्रावण", "सावन"),
            ("bhadra", "bhadrapada", "bhadrapad", "bhadon", "भाद्र", "भाद्रपद", "भादो"),
            ("asvina", "ashwin", "ashvin", "ashwina", "asvin", "ashvina", "आश्विन"),
            ("kartika", "kartik", "karthika", "कार्तिक"),
            ("agrahayana", "aghrahayana", "agrahayan", "margashirsha", "अग्रहायण", "मार्गशीर्ष"),
            ("pausa", "pausha", "paush", "pous", "पौष"),
            ("magha", "magh", "माघ"),
            ("phalguna", "phalgun", "falgun", "फाल्गुन"),
        ),
        start=1,
    )
    for spelling in spellings
}


def _saka_month_lengths(gregorian_year: int) -> list[int]:
    """Days in each Saka month of the year that starts in `gregorian_year`."""
    leap = calendar.isleap(gregorian_year)
    return [31 if leap else 30] + [31] * 5 + [30] * 6


def saka_to_gregorian(year: int, month: int, day: int) -> dt.date:
    """Bhadra 17, 1944 -> 2022-09-08. Chaitra 1 is 22 March (21 March in a leap year)."""
    gregorian_year = year + 78
    lengths = _saka_month_lengths(gregorian_year)
    if not 1 <= month <= 12:
        raise DateError(f"there is no Saka month {month}")
    if not 1 <= day <= lengths[month - 1]:
        name = SAKA_MONTH_NAMES[month - 1]
        raise DateError(f"{name} {year} Saka has {lengths[month - 1]} days, not {day}")
    new_year = dt.date(gregorian_year, 3, 21 if calendar.isleap(gregorian_year) else 22)
    return new_year + dt.timedelta(days=sum(lengths[: month - 1]) + day - 1)


def saka_label(year: int, month: int, day: int) -> str:
    """'Bhadra 17, 1944 Saka'."""
    return f"{SAKA_MONTH_NAMES[month - 1]} {day}, {year} Saka"


@dataclass(frozen=True)
class Era:
    """A Japanese imperial era: its names and first day in the Gregorian calendar."""

    name: str
    kanji: str
    first_day: dt.date


ERAS = (
    Era("Meiji", "明治", dt.date(1868, 1, 25)),
    Era("Taisho", "大正", dt.date(1912, 7, 30)),
    Era("Showa", "昭和", dt.date(1926, 12, 25)),
    Era("Heisei", "平成", dt.date(1989, 1, 8)),
    Era("Reiwa", "令和", dt.date(2019, 5, 1)),
)
ERAS_BY_NAME = {key: era for era in ERAS for key in (era.kanji, era.name.lower())}
_GREGORIAN_IN_JAPAN = dt.date(1873, 1, 1)


def era_to_gregorian(era: Era, year: int, month: int, day: int) -> dt.date:
    """令和4年9月8日 -> 2022-09-08; the date must fall inside the era."""
    try:
        date = dt.date(era.first_day.year + year - 1, month, day)
    except ValueError as exc:
        raise DateError(f"{era.name} {year}, month {month}, day {day} is not a date: {exc}") from None
    if date < _GREGORIAN_IN_JAPAN:
        raise DateError(f"{era.name} {year} predates Japan's Gregorian calendar (1873); month and day are lunisolar")
    following = ERAS[ERAS.index(era) + 1] if era is not ERAS[-1] else None
    if date < era.first_day or (following is not None and date >= following.first_day):
        raise DateError(f"{date.isoformat()} is not in the {era.name} era")
    return date
