"""Every expression of the development sets read to its gold value: tests/fixtures/dates/dev.tsv and
press.tsv (an independent set written from diplomatic press releases and news reports, with
the same conventions).

Gold values are EDTF-style: '2022-09', '195X', '2022-04-01/2023-03-31', '../2020-09-08', with
TimeML's TMO/TEV/TNI suffixes for parts of the day and ERROR where the right answer is an error.
Each reading is checked three ways: its EDTF string, its precision (and modifier), and its start
and end against bounds computed here from the gold value independently of the normaliser.
"""

from __future__ import annotations

import calendar
import csv
import datetime as dt
import re
from pathlib import Path

import pytest

from dateline.dates import DateError, edtf, normalise

FIXTURES = Path(__file__).parent / "fixtures" / "dates"
DEV = FIXTURES / "dev.tsv"
ROWS = list(csv.DictReader(DEV.open(encoding="utf-8"), delimiter="\t"))
PRESS = list(csv.DictReader((FIXTURES / "press.tsv").open(encoding="utf-8"), delimiter="\t"))
PARTS: dict[str, tuple[str | None, ...]] = {
    "TMO": ("morning", "early morning"), "TAF": ("afternoon",), "TEV": ("evening",), "TNI": ("night",),
}
MODS = {"START": "early", "MID": "mid", "END": "late"}
# EDTF sub-year groupings: code -> (first month, number of months).
SUB_YEAR = {21: (3, 3), 22: (6, 3), 23: (9, 3), 24: (12, 3), 33: (1, 3), 34: (4, 3), 35: (7, 3), 36: (10, 3),
            40: (1, 6), 41: (7, 6)}


def month_end(year: int, month: int) -> dt.date:
    return dt.date(year, month, calendar.monthrange(year, month)[1])


def gold_bounds(gold: str, reference: dt.date | None) -> tuple[dt.date | None, dt.date]:
    """The first and last day a gold value covers (None: open start)."""
    if "/" in gold:
        first, last = gold.split("/")
        start = None if first == ".." else gold_bounds(first, reference)[0]
        return start, gold_bounds(last, reference)[1]
    gold = gold.rstrip("~")
    if m := re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})(?:T.*)?", gold):
        day = dt.date(*map(int, m.groups()))
        return day, day
    if m := re.fullmatch(r"(\d{4})-W(\d{2})", gold):
        monday = dt.date.fromisocalendar(int(m[1]), int(m[2]), 1)
        return monday, monday + dt.timedelta(days=6)
    if m := re.fullmatch(r"(\d{4})-(\d{2})", gold):
        year, code = int(m[1]), int(m[2])
        first_month, months = SUB_YEAR.get(code, (code, 1))
        last_index = year * 12 + first_month - 1 + months - 1
        return dt.date(year, first_month, 1), month_end(last_index // 12, last_index % 12 + 1)
    if m := re.fullmatch(r"(\d{3})X", gold):
        return dt.date(int(m[1]) * 10, 1, 1), dt.date(int(m[1]) * 10 + 9, 12, 31)
    if m := re.fullmatch(r"(\d{2})XX", gold):
        return dt.date(int(m[1]) * 100, 1, 1), dt.date(int(m[1]) * 100 + 99, 12, 31)
    year = int(gold)
    return dt.date(year, 1, 1), dt.date(year, 12, 31)


def test_the_development_sets_are_all_here() -> None:
    assert (len(ROWS), len(PRESS)) == (117, 258)


@pytest.mark.parametrize("row", ROWS, ids=[f"dev{i + 2}:{r['expression']}" for i, r in enumerate(ROWS)])
def test_dev_row(row: dict[str, str]) -> None:
    check_row(row)


@pytest.mark.parametrize("row", PRESS, ids=[f"press{i + 2}:{r['expression']}" for i, r in enumerate(PRESS)])
def test_press_row(row: dict[str, str]) -> None:
    check_row(row)


def check_row(row: dict[str, str]) -> None:
    reference = dt.date.fromisoformat(row["reference"]) if row["reference"] else None
    day_first = {"day_first": True, "month_first": False}.get(row["settings"])
    if row["gold_value"] == "ERROR":
        with pytest.raises(DateError):
            normalise(row["expression"], anchor=reference, day_first=day_first)
        return
    value = normalise(row["expression"], anchor=reference, day_first=day_first)
    gold = row["gold_value"]
    parts: tuple[str | None, ...] = (None,)
    if m := re.fullmatch(r"(.+)T(MO|AF|EV|NI)", gold):
        gold, parts = m[1], PARTS["T" + m[2]]
    assert edtf(value) == gold
    assert (value.part_of_day.value if value.part_of_day else None) in parts
    precision, _, modifier = row["precision"].partition(";mod=")
    assert value.precision_label == precision
    assert (value.qualifier.value if value.qualifier else None) == MODS.get(modifier, "approximate"
                                                                           if gold.endswith("~") else None)
    start, end = gold_bounds(gold, reference)
    if modifier:
        assert start is not None and start <= value.start <= value.end <= end
    else:
        assert (value.start if start is not None else None, value.end) == (start, end)
