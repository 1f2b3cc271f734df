"""Rules for clock times, with their time zones, alone or beside a date."""

from __future__ import annotations

import datetime as dt
import re

from dateline.dates.engine import Context, rule
from dateline.dates.lexicon import PLACE_TIMES, ZONES, alternation
from dateline.dates.make import minute_value
from dateline.dates.value import DateError, DateValue, Precision

_ZONE_NAMES = alternation(ZONES)
_TIME = (
    r"(?:(?P<h12>\d{1,2})(?:[:.](?P<m12>\d{2}))?\s*(?P<ampm>[ap])\.?\s*m\.?"
    r"|(?P<h24>[01]?\d|2[0-3])[:.h](?P<m24>[0-5]\d)(?::[0-5]\d)?(?:\s*(?:hrs?|hours)\.?)?"
    r"|(?P<hhmm>[01]\d|2[0-3])(?P<mm>[0-5]\d)(?:\s*(?:hrs?|hours|h)\.?|(?=\s*\(?" + _ZONE_NAMES + r"\b))"
    r"|(?P<jampm>午前|午後)?\s*(?P<jh>\d{1,2})\s*時\s*(?:(?P<jm>\d{1,2})\s*分|(?P<half>半))?"
    r"|(?P<word>noon|midday|midnight))"
    r"(?:\s*\(?(?P<zone>" + _ZONE_NAMES + r")(?P<shift>[+-]\d{1,2}(?::?\d{2})?)?\)?"
    r"|\s*(?P<offset>[+-]\d{2}:?\d{2})"
    r"|\s*\(?(?P<place>" + alternation(PLACE_TIMES) + r")\s+(?:standard\s+)?time\)?"
    r"|\s*\(?(?P<local>local\s+time)\)?)?"
)
_TIME_PATTERN = re.compile(_TIME, re.IGNORECASE)
_TIME_TEXT = re.sub(r"\(\?P<\w+>", "(?:", _TIME)  # the same pattern without its group names


def _offset(text: str) -> dt.timedelta:
    sign = -1 if text.startswith("-") else 1
    digits = text[1:].replace(":", "")
    hours, minutes = (int(digits[:-2]), int(digits[-2:])) if len(digits) > 2 else (int(digits), 0)
    return sign * dt.timedelta(hours=hours, minutes=minutes)


def _zone(match: re.Match[str]) -> dt.timezone | None:
    if match["offset"]:
        return dt.timezone(_offset(match["offset"]))
    if match["zone"]:
        base = ZONES[match["zone"].lower()]
        return dt.timezone(base + (_offset(match["shift"]) if match["shift"] else dt.timedelta()))
    if match["place"]:
        return dt.timezone(PLACE_TIMES[match["place"].lower()])
    return None


def parse_time(text: str) -> dt.time:
    """'2:30 p.m.' -> 14:30; '1600 hrs IST' -> 16:00+05:30; 'local time' keeps no offset."""
    match = _TIME_PATTERN.fullmatch(text.strip())
    if match is None:
        raise DateError(f"'{text}' is not a time of day")
    if match["word"]:
        hour, minute = (0, 0) if match["word"].lower() == "midnight" else (12, 0)
    elif match["ampm"]:
        hour, minute = _twelve_hour(int(match["h12"]), int(match["m12"] or 0), match["ampm"].lower() == "p", text)
    elif match["jh"]:
        minute = 30 if match["half"] else int(match["jm"] or 0)
        hour = int(match["jh"])
        if match["jampm"]:
            hour, minute = _twelve_hour(hour or 12, minute, match["jampm"] == "午後", text)
    else:
        hour, minute = int(match["h24"] or match["hhmm"]), int(match["m24"] or match["mm"])
    if minute > 59 or hour > 23:
        raise DateError(f"'{text}' is not a time of day")
    return dt.time(hour, minute, tzinfo=_zone(match))


def _twelve_hour(hour: int, minute: int, afternoon: bool, text: str) -> tuple[int, int]:
    if not 1 <= hour <= 12:
        raise DateError(f"'{text}': a 12-hour clock has no hour {hour}")
    return hour % 12 + (12 if afternoon else 0), minute


def _with_time(date: DateValue, clock: dt.time) -> DateValue:
    if date.precision is not Precision.DAY or date.is_range:
        raise DateError(f"a time of day needs a single day, not '{date.text}'")
    return minute_value(date.start, clock, anchor=date.anchor, calendar=date.calendar, native=date.native)


@rule("time", r"(?:at\s+)?(?P<time>" + _TIME_TEXT + ")")
def time_only(match: re.Match[str], context: Context) -> DateValue:
    """14:30 JST / 10:00 am IST / 2:30 p.m. local time: on the anchor's day."""
    anchor = context.need_anchor()
    return minute_value(anchor, parse_time(match["time"]), anchor=anchor)


_HAS_TIME = r"(?=.*(?:\d\s*[ap]\.?\s*m\.?|\d[:.h]\d|\d\s*(?:hrs?|hours)|\d{4}\s*\(?[a-z]{1,4}\b|\d\s*時|noon|midday|" \
            r"midnight))"


@rule("date-time",
      _HAS_TIME + r"(?P<date>.+?)(?:,?\s+(?:at\s+|,\s*)?|(?=午|\d{1,2}\s*時))(?P<time>" + _TIME_TEXT + ")")
def date_time(match: re.Match[str], context: Context) -> DateValue:
    """08 SEP 2022 8:25PM / 7 September 2022, 14:30 IST / Wednesday at 10 am"""
    return _with_time(context.read(match["date"]), parse_time(match["time"]))


@rule("time-date", _HAS_TIME + r"(?:at\s+)?(?P<time>" + _TIME_TEXT + r"),?\s+(?:on\s+)?(?P<date>.+)")
def time_date(match: re.Match[str], context: Context) -> DateValue:
    """at 9 pm on September 7 / 1600 hrs IST, 8 September 2022"""
    return _with_time(context.read(match["date"]), parse_time(match["time"]))
