"""The Saka calendar and the Japanese eras against known dates and their own consistency."""

from __future__ import annotations

import datetime as dt
import itertools

import pytest

from dateline.dates import DateError
from dateline.dates.calendars import ERAS_BY_NAME, era_to_gregorian, saka_to_gregorian


@pytest.mark.parametrize(
    ("saka", "gregorian"),
    [
        ((1944, 6, 17), dt.date(2022, 9, 8)),    # Bhadra 17, 1944: the PIB dateline
        ((1944, 1, 1), dt.date(2022, 3, 22)),    # Chaitra 1 in a common year
        ((1946, 1, 1), dt.date(2024, 3, 21)),    # Chaitra 1 in a Gregorian leap year
        ((1944, 7, 5), dt.date(2022, 9, 27)),    # Asvina 5
        ((1944, 10, 1), dt.date(2022, 12, 22)),  # Pausa 1
        ((1943, 11, 12), dt.date(2022, 2, 1)),   # Magha 12: Saka 1943 runs into 2022
        ((1943, 12, 30), dt.date(2022, 3, 21)),  # Phalguna 30: the last day of Saka 1943
    ],
)
def test_saka_dates(saka: tuple[int, int, int], gregorian: dt.date) -> None:
    assert saka_to_gregorian(*saka) == gregorian


@pytest.mark.parametrize("year", [1900, 1942, 1943, 1944, 1946, 2000])
def test_every_saka_day_follows_the_one_before(year: int) -> None:
    days = [
        saka_to_gregorian(year, month, day)
        for month in range(1, 13)
        for day in range(1, 32)
        if _exists(year, month, day)
    ]
    assert all(b - a == dt.timedelta(days=1) for a, b in itertools.pairwise(days))
    assert saka_to_gregorian(year + 1, 1, 1) - days[-1] == dt.timedelta(days=1)


def _exists(year: int, month: int, day: int) -> bool:
    try:
        saka_to_gregorian(year, month, day)
    except DateError:
        return False
    return True


def test_japanese_eras() -> None:
    assert era_to_gregorian(ERAS_BY_NAME["令和"], 4, 9, 8) == dt.date(2022, 9, 8)
    assert era_to_gregorian(ERAS_BY_NAME["平成"], 31, 4, 30) == dt.date(2019, 4, 30)
    with pytest.raises(DateError, match="not in the Heisei era"):
        era_to_gregorian(ERAS_BY_NAME["平成"], 31, 5, 1)
