"""Rules that wrap another expression: parts of the day, hedges, and the words around a date in a
dateline or a sentence (a place name, an agency, 'Posted On:', a bracketed weekday)."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from dataclasses import replace

from dateline.dates.engine import Context, UnreadableError, close_to_a_name, rule, unreadable
from dateline.dates.lexicon import MONTHS, WEEKDAYS, lookup
from dateline.dates.make import check_weekday, day_value, narrowed
from dateline.dates.value import DateError, DateValue, PartOfDay, Precision, Qualifier, Span

_PARTS = {
    "early morning": PartOfDay.EARLY_MORNING, "early hours": PartOfDay.EARLY_MORNING,
    "wee hours": PartOfDay.EARLY_MORNING, "small hours": PartOfDay.EARLY_MORNING, "dawn": PartOfDay.EARLY_MORNING,
    "morning": PartOfDay.MORNING, "forenoon": PartOfDay.MORNING, "afternoon": PartOfDay.AFTERNOON,
    "evening": PartOfDay.EVENING, "night": PartOfDay.NIGHT, "late night": PartOfDay.NIGHT,
    "matin": PartOfDay.MORNING, "après-midi": PartOfDay.AFTERNOON, "soir": PartOfDay.EVENING,
    "nuit": PartOfDay.NIGHT, "por la mañana": PartOfDay.MORNING, "por la tarde": PartOfDay.AFTERNOON,
    "por la noche": PartOfDay.NIGHT, "утром": PartOfDay.MORNING, "днём": PartOfDay.AFTERNOON,
    "вечером": PartOfDay.EVENING, "ночью": PartOfDay.NIGHT,
}
_PART = r"(?P<part>early\s+morning|early\s+hours|wee\s+hours|small\s+hours|dawn|morning|forenoon|afternoon|" \
        r"evening|late\s+night|night|matin|après-midi|soir|nuit|por\s+la\s+(?:mañana|tarde|noche)|утром|днём|" \
        r"вечером|ночью)"


def _part(word: str) -> PartOfDay:
    return _PARTS[" ".join(word.lower().split())]


def _on_a_day(inner: DateValue, context: Context) -> DateValue:
    """The single day a part of the day belongs to ('the night of 28-29 September' is the 28th's)."""
    two_days = inner.span is Span.INTERVAL and (inner.end - inner.start).days == 1
    if inner.precision is not Precision.DAY or (inner.is_range and not two_days):
        raise DateError(f"'{context.text}': a part of the day needs a single day, not '{inner.text}'")
    return replace(inner, end=inner.start, span=Span.SINGLE, end_precision=None) if two_days else inner


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


@rule("day-part", r"(?=.*(?:morning|afternoon|evening|night|hours|dawn|forenoon|matin|midi|soir|nuit|mañana|tarde|noche"
      r"|утром|днём|вечером|ночью)$)(?P<rest>.+?)\s+" + _PART)
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
    "début": Qualifier.EARLY, "debut": Qualifier.EARLY, "au début de": Qualifier.EARLY, "mi": Qualifier.MID,
    "fin": Qualifier.LATE, "à la fin de": Qualifier.LATE, "a principios de": Qualifier.EARLY,
    "a comienzos de": Qualifier.EARLY, "a mediados de": Qualifier.MID, "a finales de": Qualifier.LATE,
    "a fines de": Qualifier.LATE, "finales de": Qualifier.LATE,
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


@rule("bracketed-weekday",
      r"(?=.*\()(?P<rest>.+?)\s*\((?P<weekday>%WEEKDAY%)\)|(?P<weekday2>%WEEKDAY%),?\s*\((?P<rest2>.+)\)")
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


@rule("dateline-place", r"(?=[^,]*,)(?P<place>[^\W\d_][^\d,/()]*?),\s+(?P<rest>.*\d.*)")
def dateline_place(match: re.Match[str], context: Context) -> DateValue:
    """New Delhi, Bhadra 17, 1944: the place that opens a dateline is not part of the date."""
    if any(word.rstrip(".") in MONTHS or word.rstrip(".") in WEEKDAYS or word in _NOT_PLACES
           for word in match["place"].split()):
        raise UnreadableError(unreadable(context.text))
    return context.read(match["rest"])


_NOT_PLACES = frozenset({"on", "in", "at", "of", "the", "from", "since", "until", "by", "during", "was", "were",
                         "is", "met", "held", "said", "will"})


@rule("in-a-sentence", r"(?P<words>\S+(?:\s+\S+)+)")
def in_a_sentence(match: re.Match[str], context: Context) -> DateValue:
    """will travel to Washington on Thursday / on Sunday, the final day of the summit: the date
    within a phrase. Words are dropped from the front, then from the end, until what is left
    reads; a word that holds a digit or looks like a misspelt month or weekday is never dropped,
    and a reading that finds something wrong (a weekday that contradicts its date) is reported."""
    words = match["words"].split(" ")
    if context.is_whole:
        for part in _shorter(words):
            try:
                return context.read(part)
            except UnreadableError:
                continue
    raise UnreadableError(unreadable(context.text))


def _shorter(words: list[str]) -> Iterator[str]:
    """The phrase without its first words, then without its last words, longest first."""
    for start in range(1, len(words)):
        if _kept(words[start - 1]):
            break
        yield " ".join(words[start:])
    for end in range(len(words) - 1, 0, -1):
        if _kept(words[end]):
            break
        yield " ".join(words[:end]).rstrip(",;:")


_DATE_NUMBER = re.compile(r"[\d/.,:~-]+(?:st|nd|rd|th|s)?[,.;:]?")


def _kept(word: str) -> bool:
    return _DATE_NUMBER.fullmatch(word) is not None or close_to_a_name(word)
