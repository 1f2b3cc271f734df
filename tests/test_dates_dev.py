"""Every expression of the development set (tests/fixtures/dates/dev.tsv) read to its gold value.

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

DEV = Path(__file__).parent / "fixtures" / "dates" / "dev.tsv"
ROWS = list(csv.DictReader(DEV.open(encoding="utf-8"), delimiter="\t"))
PARTS = {"TMO": "morning", "TAF": "afternoon", "TEV": "evening", "TNI": "night"}
MODS = {"START": "early", "MID": "mid", "END": "late"}


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
        first_month, months = {22: (6, 3), 35: (7, 3), 41: (7, 6)}.get(code, (code, 1))
        last_month = first_month + months - 1
        return dt.date(year, first_month, 1), month_end(year, last_month)
    if m := re.fullmatch(r"(\d{3})X", gold):
        return dt.date(int(m[1]) * 10, 1, 1), dt.date(int(m[1]) * 10 + 9, 12, 31)
    year = int(gold)
    return dt.date(year, 1, 1), dt.date(year, 12, 31)


def test_the_development_set_is_all_here() -> None:
    assert len(ROWS) == 117


@pytest.mark.parametrize("row", ROWS, ids=[f"{i + 2}:{r['expression']}" for i, r in enumerate(ROWS)])
def test_dev_row(row: dict[str, str]) -> None:
    reference = dt.date.fromisoformat(row["reference"]) if row["reference"] else None
    day_first = {"day_first": True, "month_first": False}.get(row["settings"])
    if row["gold_value"] == "ERROR":
        with pytest.raises(DateError):
            normalise(row["expression"], anchor=reference, day_first=day_first)
        return
    value = normalise(row["expression"], anchor=reference, day_first=day_first)
    gold, part = row["gold_value"], None
    if m := re.fullmatch(r"(.+)T(MO|AF|EV|NI)", gold):
        gold, part = m[1], PARTS["T" + m[2]]
    assert edtf(value) == gold
    assert (value.part_of_day.value if value.part_of_day else None) == part
    precision, _, modifier = row["precision"].partition(";mod=")
    assert value.precision_label == precision
    assert (value.qualifier.value if value.qualifier else None) == MODS.get(modifier, "approximate"
                                                                           if gold.endswith("~") else None)
    start, end = gold_bounds(gold, reference)
    if modifier:
        assert start is not None and start <= value.start <= value.end <= end
    else:
        assert (value.start if start is not None else None, value.end) == (start, end)
