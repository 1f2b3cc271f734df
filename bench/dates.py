"""Speed of the date normaliser against python-dateutil's parser on the development set.

Both read the same expressions in the same run; each expression is timed over many repetitions
and the median time per expression is reported (dateutil's errors count as readings: it is timed
doing what it does, whether or not its answer is right)."""

from __future__ import annotations

import contextlib
import csv
import datetime as dt
import functools
import statistics
import timeit
import warnings
from collections.abc import Callable
from pathlib import Path

from dateutil import parser as dateutil_parser

from dateline.dates import DateError, normalise

DEV = Path(__file__).resolve().parent.parent / "tests" / "fixtures" / "dates" / "dev.tsv"


def expressions() -> list[tuple[str, dt.date | None, bool | None]]:
    rows = csv.DictReader(DEV.open(encoding="utf-8"), delimiter="\t")
    return [
        (row["expression"], dt.date.fromisoformat(row["reference"]) if row["reference"] else None,
         {"day_first": True, "month_first": False}.get(row["settings"]))
        for row in rows
    ]


def _dateline(text: str, anchor: dt.date | None, day_first: bool | None) -> None:
    with contextlib.suppress(DateError):
        normalise(text, anchor=anchor, day_first=day_first)


def _dateutil(text: str, anchor: dt.date | None, day_first: bool | None) -> None:
    default = dt.datetime.combine(anchor, dt.time()) if anchor else None
    with contextlib.suppress(ValueError, OverflowError):
        dateutil_parser.parse(text, default=default, dayfirst=bool(day_first))


def median_microseconds(reader: Callable[[str, dt.date | None, bool | None], None], repeat: int = 5,
                        number: int = 40) -> float:
    """The median over expressions of the best-of-`repeat` time per call, in microseconds."""
    times = []
    for arguments in expressions():
        call = functools.partial(reader, *arguments)
        best = min(timeit.repeat(call, repeat=repeat, number=number))
        times.append(best / number * 1e6)
    return statistics.median(times)


def measure() -> dict[str, float]:
    """Median microseconds per expression for each reader, and their ratio."""
    warnings.simplefilter("ignore")  # dateutil warns about every zone name it does not know
    ours, theirs = median_microseconds(_dateline), median_microseconds(_dateutil)
    return {"dates_us_median": round(ours, 1), "dateutil_us_median": round(theirs, 1),
            "dates_vs_dateutil": round(ours / theirs, 2)}
