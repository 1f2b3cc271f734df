"""The normaliser never fails in any other way than a DateError with a message, and never reads
the clock or the system time zone."""

from __future__ import annotations

import ast
import datetime as dt
import os
import subprocess
import sys
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from dateline.dates import DateError, display, edtf, normalise
from tests.conftest import ROOT

ANCHOR = dt.date(2022, 9, 8)
SEEDS = [
    "Thursday, September 08, 2022", "on the night of September 07, 2022", "in March this year",
    "Later in the day", "Bhadra 17, 1944", "令和4年9月8日", "08/09/2022", "FY 2022-23", "the 1950s",
    "7-8 September", "between September 5 and 8, 2022", "10:00 am IST", "last Friday", "mid-2022",
    "New Delhi, Bhadra 17, 1944 / Thursday, September 08, 2022", "a standoff for more than two years",
    "since 2020", "../2020-09-08", "2022-W36", "Q3 2022", "circa 1952", "NEW DELHI, Sept 8 (Reuters)",
]
WORDS = ["on", "the", "of", "night", "March", "Sept.", "this", "year", "last", "next", "-", "/", "to", "and",
         "2022", "1944", "31", "7th", "Wednesday", "ago", "two", "days", "~", "?", "..", "年", "月", "日",
         "IST", "2:30", "p.m.", "FY", "Q5", "Bhadra", "32", "0", "99999", "between", "since", "(", ")", ","]


@st.composite
def near_misses(draw: st.DrawFn) -> str:
    """A real expression with characters dropped, repeated, swapped or inserted, or words shuffled."""
    text = draw(st.sampled_from(SEEDS))
    operation = draw(st.sampled_from(["drop", "duplicate", "insert", "words", "digits"]))
    if operation == "words":
        return " ".join(draw(st.lists(st.sampled_from(WORDS + text.split()), min_size=1, max_size=8)))
    position = draw(st.integers(min_value=0, max_value=len(text)))
    if operation == "drop":
        return text[:position] + text[position + 1:]
    if operation == "duplicate":
        return text[:position] + text[position:position + 3] * 2 + text[position + 3:]
    if operation == "digits":
        return "".join(str(draw(st.integers(0, 9))) if c.isdigit() else c for c in text)
    return text[:position] + draw(st.text(max_size=3)) + text[position:]


def check(text: str, anchor: dt.date | None) -> None:
    try:
        value = normalise(text, anchor=anchor, day_first=None)
    except DateError as error:
        assert str(error)
        return
    assert value.start <= value.end
    assert display(value) and edtf(value)


@settings(max_examples=5_000, deadline=None, derandomize=True, suppress_health_check=list(HealthCheck))
@given(st.text(max_size=40), st.one_of(st.none(), st.dates(dt.date(1, 1, 1), dt.date(9999, 12, 31))))
def test_arbitrary_text_gives_a_value_or_a_date_error(text: str, anchor: dt.date | None) -> None:
    check(text, anchor)


@settings(max_examples=5_000, deadline=None, derandomize=True, suppress_health_check=list(HealthCheck))
@given(near_misses(), st.one_of(st.none(), st.just(ANCHOR), st.dates(dt.date(1, 1, 1), dt.date(9999, 12, 31))))
def test_near_misses_give_a_value_or_a_date_error(text: str, anchor: dt.date | None) -> None:
    check(text, anchor)


# Reading the date, the wall clock or the machine's zone; a stopwatch (perf_counter, monotonic),
# which the preview uses to say how long a rebuild took, reads none of them.
CLOCK_READS = {"now", "today", "utcnow", "localtime", "gmtime", "ctime", "tzlocal", "gettz", "tzname", "strftime"}


def test_no_code_path_reads_the_clock_or_the_system_time_zone() -> None:
    offenders = []
    for path in sorted((ROOT / "dateline").rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.Attribute) and node.attr in CLOCK_READS:
                offenders.append(f"{path.relative_to(ROOT)}:{node.lineno}: .{node.attr}")
            if isinstance(node, ast.Attribute) and node.attr == "time" and getattr(node.value, "id", "") == "time":
                offenders.append(f"{path.relative_to(ROOT)}:{node.lineno}: time.time")
            if isinstance(node, ast.ImportFrom) and node.module in ("time", "dateutil.tz"):
                offenders.append(f"{path.relative_to(ROOT)}:{node.lineno}: from {node.module} import ...")
    assert offenders == []


def test_readings_do_not_depend_on_the_machine_time_zone_or_date() -> None:
    script = (
        "import datetime as dt, json\n"
        "from dateline.dates import normalise, edtf\n"
        f"texts = {SEEDS!r}\n"
        "out = []\n"
        "for t in texts:\n"
        "    try: out.append(edtf(normalise(t, anchor=dt.date(2022, 9, 8), day_first=True)))\n"
        "    except ValueError as e: out.append(str(e))\n"
        "print(json.dumps(out))\n"
    )
    outputs = set()
    for zone in ("UTC", "Asia/Tokyo", "America/Los_Angeles", "Asia/Kolkata"):
        environment = {**os.environ, "TZ": zone, "PYTHONPATH": str(ROOT)}
        result = subprocess.run([sys.executable, "-c", script], env=environment, capture_output=True, text=True,
                                check=True, cwd=Path(ROOT))
        outputs.add(result.stdout)
    assert len(outputs) == 1
