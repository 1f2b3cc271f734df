"""The date forms the bundled sources use, read against the press release's dateline."""

from __future__ import annotations

import datetime as dt

import pytest

from dateline.dates import DateError, normalise
from dateline.dates.labels import display, edtf

ANCHOR = dt.date(2022, 9, 8)

# text, start, end, precision, part of day, display, EDTF, rule
READINGS = [
    ("Thursday, September 08, 2022", "2022-09-08", "2022-09-08", "day", None,
     "8 September 2022", "2022-09-08", "month-day-year"),
    ("September 08, 2022", "2022-09-08", "2022-09-08", "day", None, "8 September 2022", "2022-09-08", "month-day-year"),
    ("8th of September 2022", "2022-09-08", "2022-09-08", "day", None, "8 September 2022", "2022-09-08",
     "day-month-year"),
    ("Sept. 8, 2022", "2022-09-08", "2022-09-08", "day", None, "8 September 2022", "2022-09-08", "month-day-year"),
    ("2022-09-08", "2022-09-08", "2022-09-08", "day", None, "8 September 2022", "2022-09-08", "iso-8601"),
    ("on the night of September 07, 2022", "2022-09-07", "2022-09-07", "day", "night",
     "night of 7 September 2022", "2022-09-07", "part-of-day(month-day-year)"),
    ("in March this year", "2022-03-01", "2022-03-31", "month", None, "March 2022", "2022-03", "month-relative-year"),
    ("Later in the day", "2022-09-08", "2022-09-08", "day", None,
     "8 September 2022, later in the day", "2022-09-08", "later-in-the-day"),
    ("1952", "1952-01-01", "1952-12-31", "year", None, "1952", "1952", "year"),
    ("This year marks 70 years of diplomatic relations", "1952-01-01", "1952-12-31", "year", None,
     "1952", "1952", "anniversary"),
    ("Bhadra 17, 1944", "2022-09-08", "2022-09-08", "day", None,
     "Bhadra 17, 1944 Saka (8 September 2022)", "2022-09-08", "saka-date"),
    ("Bhadrapada 17, 1944 Saka", "2022-09-08", "2022-09-08", "day", None,
     "Bhadra 17, 1944 Saka (8 September 2022)", "2022-09-08", "saka-date"),
    ("भाद्र 17, 1944", "2022-09-08", "2022-09-08", "day", None,
     "Bhadra 17, 1944 Saka (8 September 2022)", "2022-09-08", "saka-date"),
    ("New Delhi, Bhadra 17, 1944 / Thursday, September 08, 2022", "2022-09-08", "2022-09-08", "day", None,
     "Bhadra 17, 1944 Saka (8 September 2022)", "2022-09-08",
     "two-calendar(dateline-place(saka-date)+month-day-year)"),
]


@pytest.mark.parametrize(("text", "start", "end", "precision", "part", "label", "edtf_text", "rule"), READINGS)
def test_reading(text: str, start: str, end: str, precision: str, part: str | None, label: str,
                 edtf_text: str, rule: str) -> None:
    value = normalise(text, anchor=ANCHOR)
    assert (value.start.isoformat(), value.end.isoformat()) == (start, end)
    assert value.precision.value == precision
    assert (value.part_of_day.value if value.part_of_day else None) == part
    assert display(value) == label
    assert edtf(value) == edtf_text
    assert value.rule == rule
    assert value.text == text


ERRORS = [
    ("Wednesday, September 08, 2022", "8 September 2022 is a Thursday, not a Wednesday"),
    ("31 September 2022", "September 2022 has 30 days, so there is no 31 September"),
    ("Bhadra 32, 1944", "Bhadra 1944 Saka has 31 days, not 32"),
    ("Septembr 7, 2022", "did you mean September?"),
    ("New Delhi, Bhadra 18, 1944 / Thursday, September 08, 2022",
     "the two calendars disagree: Bhadra 18, 1944 Saka (9 September 2022) is not 8 September 2022"),
    ("Bhadra 17, 2079", "looks like Nepal's Bikram Sambat calendar"),
    ("whenever it suits", "cannot read 'whenever it suits' as a date"),
]


@pytest.mark.parametrize(("text", "message"), ERRORS)
def test_error(text: str, message: str) -> None:
    with pytest.raises(DateError) as caught:
        normalise(text, anchor=ANCHOR)
    assert message in str(caught.value)


@pytest.mark.parametrize("text", ["in March this year", "Later in the day", "70 years of diplomatic relations"])
def test_relative_expressions_need_an_anchor_and_never_read_the_clock(text: str) -> None:
    with pytest.raises(DateError, match="needs a reference date"):
        normalise(text, anchor=None)


def test_the_anchor_decides_relative_readings() -> None:
    assert normalise("in March this year", anchor=dt.date(1999, 1, 1)).start == dt.date(1999, 3, 1)
    assert normalise("Later in the day", anchor=dt.date(2000, 2, 29)).start == dt.date(2000, 2, 29)
