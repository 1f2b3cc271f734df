"""The TimeML (TIMEX3) value of each reading, on newswire expressions of TimeML type DATE
(tests/fixtures/dates/timeml.tsv: expression, document date, gold value).

The set holds only expressions whose value follows from the expression and the document date
alone: rows whose value depends on the sentence (its tense, or a date named earlier in it) were
left out, since no reader of the expression alone can know them."""

from __future__ import annotations

import csv
import datetime as dt
from pathlib import Path

import pytest

from dateline.dates import normalise
from dateline.dates.records import timex

ROWS = list(csv.DictReader((Path(__file__).parent / "fixtures" / "dates" / "timeml.tsv").open(encoding="utf-8"),
                           delimiter="\t"))


def test_the_set_is_all_here() -> None:
    assert len(ROWS) == 171


@pytest.mark.parametrize("row", ROWS, ids=[f"{i + 2}:{r['expression']}" for i, r in enumerate(ROWS)])
def test_timex_value(row: dict[str, str]) -> None:
    value = normalise(row["expression"], anchor=dt.date.fromisoformat(row["dct"]))
    assert timex(value) == row["value"]
