"""docs/dates.md is checked: every example in its tables reads exactly as the table says."""

from __future__ import annotations

import datetime as dt
import re

import pytest

from dateline.dates import DateError, display, normalise
from tests.conftest import ROOT

REFERENCE = dt.date(2022, 9, 8)
ROW = re.compile(r"^\| `(?P<text>[^`]+)`(?P<note>[^|]*)\| (?P<second>[^|]+) \|(?: (?P<third>[^|]+) \|)?$")


def table_rows() -> list[tuple[str, str, str, str | None]]:
    rows = []
    for line in (ROOT / "docs" / "dates.md").read_text(encoding="utf-8").splitlines():
        if match := ROW.match(line):
            rows.append((match["text"], match["note"], match["second"].strip(),
                         match["third"].strip() if match["third"] else None))
    return rows


ROWS = table_rows()
READINGS = [row for row in ROWS if row[3] is not None]
ERRORS = [row for row in ROWS if row[3] is None]


def test_the_tables_are_found() -> None:
    assert len(READINGS) > 120
    assert len(ERRORS) >= 8


@pytest.mark.parametrize(("text", "note", "label", "precision"), READINGS, ids=[r[0] for r in READINGS])
def test_documented_reading(text: str, note: str, label: str, precision: str) -> None:
    day_first = True if "--day-first" in note else False if "--month-first" in note else None
    value = normalise(text, anchor=REFERENCE, day_first=day_first)
    assert (display(value), value.precision_label) == (label, precision)


@pytest.mark.parametrize(("text", "note", "message", "unused"), ERRORS, ids=[r[0] for r in ERRORS])
def test_documented_error(text: str, note: str, message: str, unused: None) -> None:
    with pytest.raises(DateError) as caught:
        normalise(text, anchor=REFERENCE)
    assert message in str(caught.value)
