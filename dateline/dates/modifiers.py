"""Rules that wrap another expression: parts of the day, hedges, and the words around a date in a
dateline or a sentence (a place name, an agency, 'Posted On:', a bracketed weekday)."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import replace

from dateline.dates.engine import Context, rule
from dateline.dates.lexicon import MONTHS, WEEKDAYS, lookup
from dateline.dates.make import check_weekday, day_value, narrowed
from dateline.dates.value import DateError, DateValue, PartOfDay, Precision, Qualifier

_PARTS = {
    "early morning": PartOfDay.EARLY_MORNING, "early hours": PartOfDay.EARLY_MORNING,
    "wee hours": PartOfDay.EARLY_MORNING, "small hours": PartOfDay.EARLY_MORNING, "dawn": PartOfDay.EARLY_MORNING,
    "morning": PartOfDay.MORNING, "forenoon": PartOfDay.MORNING, "afternoon": PartOfDay.AFTERNOON,
    "evening": PartOfDay.EVENING, "night": PartOfDay.NIGHT, "late night": PartOfDay.NIGHT,
}
_PART = r"(?P<part>early\s+morning|early\s+hours|wee\s+hours|small\s+hours|dawn|morning|forenoon|afternoon|" \
        r"evening|late\s+night|night)"


def _part(word: str) -> PartOfDay:
    return _PARTS[" ".join(word.lower().split())]


def _on_a_day(inner: DateValue, context: Context) -> DateValue:
    if inner.precision is not Precision.DAY or inner.is_range:
        raise DateError(f"'{context.text}': a part of the day needs a single day, not '{inner.text}'")
    return inner


@rule("part-of-day", r"(?:during\s+|in\s+)?(?:the\s+)?" + _PART + r"\s+of\s+(?:the\s+)?(?P<rest>.+)")
def part_of_day(match: re.Match[str], context: Context) -> DateValue:
    """on the night of September 07, 2022 / the early hours of 8 September"""
    return replace(_on_a_day(context.read(match["rest"]), context), part_of_day=_part(match["part"]))


_NEAR_PARTS = {
    "this": 0, "earlier this": 0, "later this": 0, "that": 0, "the same": 0, "the previous": -1, "the preceding": -1,
    "last": -1, "yesterday": -1, "the next": 1, "the following": 1, "tomorrow": 1,
}


@rule("relative-part-of-day",
      r"(?P<near>" + "|".join(sorted(_NEAR_PARTS, key=len, reverse=True)) + r")\s+" + _PART + r"|(?P<tonight>tonight)")
def relative_part_of_day(match: re.Match[str], context: Context) -> DateValue:
    """this morning / tonight / last night / the previous evening / the next morning"""
    anchor = context.need_anchor()
    if match["tonight"]:
        return day_value(anchor, anchor=anchor, part_of_day=PartOfDay.NIGHT)
    near = " ".join(match["near"].lower().split())
    part = _part(match["part"])
    shift = _NEAR_PARTS[near]
    if near == "last" and part is not PartOfDay.NIGHT:
        shift = -1
    return day_value(anchor + dt.timedelta(days=shift), anchor=anchor, part_of_day=part)


@rule("day-part", r"(?=.*(?:morning|afternoon|evening|night|hours|dawn|forenoon)$)(?P<rest>.+?)\s+" + _PART)
def day_part(match: re.Match[str], context: Context) -> DateValue:
    """Wednesday evening / yesterday morning / Sept 7 night"""
    return replace(_on_a_day(context.read(match["rest"]), context), part_of_day=_part(match["part"]))


_QUALIFIERS = {
    "early": Qualifier.EARLY, "the early": Qualifier.EARLY, "beginning of": Qualifier.EARLY,
    "the beginning of": Qualifier.EARLY, "start of": Qualifier.EARLY, "the start of": Qualifier.EARLY,
    "mid": Qualifier.MID, "the mid": Qualifier.MID, "middle of": Qualifier.MID, "the middle of": Qualifier.MID,
    "late": Qualifier.LATE, "the late": Qualifier.LATE, "end of": Qualifier.LATE, "the end of": Qualifier.LATE,
    "towards the end of": Qualifier.LATE, "toward the end of": Qualifier.LATE, "by the end of": Qualifier.LATE,
    "at the end of": Qualifier.LATE, "at the beginning of": Qualifier.EARLY, "at the start of": Qualifier.EARLY,
    "end": Qualifier.LATE, "start": Qualifier.EARLY,
}


_QUALIFIER_WORDS = "|".join(sorted(_QUALIFIERS, key=len, reverse=True)).replace(" ", r"\s+")


@rule("early-mid-late", r"(?P<q>" + _QUALIFIER_WORDS + r")(?:\s*-\s*|\s+)(?P<rest>.+)")
def early_mid_late(match: re.Match[str], context: Context) -> DateValue:
    """early March / mid-2022 / late August / the early 1950s / the end of September / early on Thursday"""
    qualifier = _QUALIFIERS[" ".join(match["q"].lower().split())]
    inner = context.read(re.sub(r"^on\s+", "", match["rest"], flags=re.IGNORECASE))
    if inner.precision is Precision.DAY and not inner.is_range:
        part = {Qualifier.EARLY: PartOfDay.EARLY_MORNING, Qualifier.LATE: PartOfDay.NIGHT}.get(qualifier)
        if part is None:
            raise DateError(f"'{context.text}': 'mid' needs a month, year, decade or century")
        return replace(inner, part_of_day=part)
    return narrowed(inner, qualifier)


@rule("approximate", r"(?:circa|c\.|ca\.?|around|about|approximately|approx\.?|roughly|some\s?time\s+around|nearly|"
      r"almost)\s*(?P<rest>.+)")
def approximate(match: re.Match[str], context: Context) -> DateValue:
    """circa 1952 / around March 2022 / about two weeks ago"""
    return replace(context.read(match["rest"]), qualifier=Qualifier.APPROXIMATE)


@rule("uncertain", r"(?:probably|possibly|perhaps|likely|reportedly)\s+(?P<rest>.+)")
def uncertain(match: re.Match[str], context: Context) -> DateValue:
    """probably in 1952"""
    return replace(context.read(match["rest"]), qualifier=Qualifier.UNCERTAIN)


@rule("label", r"(?:posted|published|updated|last\s+updated|issued|released|date|dated|released\s+on)"
      r"(?:\s+on)?\s*:\s*(?P<rest>.+)|(?:posted|published|released|issued)\s+on\s+(?P<rest2>.+)")
def label(match: re.Match[str], context: Context) -> DateValue:
    """Posted On: 08 SEP 2022 8:25PM"""
    return context.read(match["rest"] or match["rest2"])


@rule("bracketed-weekday", r"(?P<rest>.+?)\s*\((?P<weekday>%WEEKDAY%)\)|(?P<weekday2>%WEEKDAY%),?\s*\((?P<rest2>.+)\)")
def bracketed_weekday(match: re.Match[str], context: Context) -> DateValue:
    """September 8 (Thursday) / Thursday (September 8): the weekday must fit the date."""
    inner = context.read(match["rest"] or match["rest2"])
    weekday = lookup(WEEKDAYS, match["weekday"] or match["weekday2"], "weekday")
    if inner.precision.rank >= Precision.DAY.rank and not inner.is_range:
        check_weekday(inner.start, weekday)
    return inner


_AGENCY = r"\((?:reuters|xinhua|kyodo|yonhap|bloomberg|[a-z]{2,6})\)"


@rule("wire-dateline",
      r"(?=.*\)[\s:-]*$)(?:(?P<place>[^\W\d_][^\d,/]*?),\s+)?(?P<rest>.+?)\s*" + _AGENCY + r"(?:\s*[-:]+)?")
def wire_dateline(match: re.Match[str], context: Context) -> DateValue:
    """NEW DELHI, Sept 8 (Reuters)"""
    return context.read(match["rest"])


@rule("dateline-place", r"(?P<place>[^\W\d_][^\d,/()]*?),\s+(?P<rest>.*\d.*)")
def dateline_place(match: re.Match[str], context: Context) -> DateValue:
    """New Delhi, Bhadra 17, 1944: the place that opens a dateline is not part of the date."""
    if match["place"].lower().rstrip(".") in MONTHS.keys() | WEEKDAYS.keys():
        raise DateError(f"cannot read '{context.text}' as a date")
    return context.read(match["rest"])


@rule(
    "in-a-sentence",
    r"(?=.*\s(?:on|in|at|during|dated|since|from|until|till)\s)(?P<lead>.+?)\s+"
    r"(?:(?:on|in|at|during|dated)\s+(?P<rest>.+)|(?P<keep>(?:since|from|until|till)\s+.+))",
)
def in_a_sentence(match: re.Match[str], context: Context) -> DateValue:
    """will visit in November / the minister arrived on Wednesday: the date after the last words."""
    return context.read(match["rest"] or match["keep"])
