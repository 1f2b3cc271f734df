"""Rules for expressions that only have a meaning against an anchor date."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import replace

from dateline.dates.anchored import moved, weekday_date
from dateline.dates.engine import Context, rule
from dateline.dates.lexicon import MONTHS, WEEKDAYS, lookup, number
from dateline.dates.make import (
    century_value,
    day_value,
    decade_value,
    interval,
    month_value,
    narrowed,
    quarter_value,
    week_value,
    year_value,
)
from dateline.dates.value import DateValue, Precision, Qualifier, Span

_DAY_SHIFTS = {
    "today": 0,
    "this day": 0, "the same day": 0, "that day": 0, "that same day": 0, "the very same day": 0,
    "yesterday": -1, "tomorrow": 1, "the day before yesterday": -2, "the day after tomorrow": 2,
    "the next day": 1, "next day": 1, "the following day": 1, "the day after": 1, "a day later": 1,
    "the previous day": -1, "the day before": -1, "the preceding day": -1, "a day earlier": -1,
    "the eve": -1, "on the eve": -1,
    "earlier today": 0, "later today": 0, "earlier in the day": 0, "earlier that day": 0,
}


@rule("relative-day", "(?:" + "|".join(re.escape(k) for k in sorted(_DAY_SHIFTS, key=len, reverse=True)) + ")")
def relative_day(match: re.Match[str], context: Context) -> DateValue:
    """yesterday / today / tomorrow / the next day / the day before yesterday"""
    anchor = context.need_anchor()
    return day_value(anchor + dt.timedelta(days=_DAY_SHIFTS[match.group().lower()]), anchor=anchor)


@rule("later-in-the-day", r"(?:later|afterwards)\s+(?:in|on|during)\s+(?:the|that)\s+day|later\s+that\s+day")
def later_in_the_day(match: re.Match[str], context: Context) -> DateValue:
    """Later in the day: the anchor's day, after that day's other events."""
    anchor = context.need_anchor()
    return day_value(anchor, anchor=anchor, after_others=True)


_UNIT_PERIOD: dict[str, Callable[[dt.date], DateValue]] = {
    "week": lambda day: week_value(day),
    "month": lambda day: month_value(day.year, day.month),
    "year": lambda day: year_value(day.year),
    "quarter": lambda day: quarter_value(day.year, (day.month - 1) // 3 + 1),
    "decade": lambda day: decade_value(day.year - day.year % 10),
    "century": lambda day: century_value(day.year // 100 + 1),
}
_UNIT_STEP = {"week": (1, "week"), "month": (1, "month"), "year": (1, "year"), "quarter": (3, "month"),
              "decade": (1, "decade"), "century": (1, "century")}
_SHIFT_WORDS = {"this": 0, "the": 0, "current": 0, "the current": 0, "the same": 0, "that": 0, "earlier this": 0,
                "later this": 0, "last": -1, "past": -1, "previous": -1, "the previous": -1, "the past": -1,
                "the last": -1, "next": 1, "coming": 1, "the coming": 1, "the next": 1, "the following": 1}


@rule(
    "relative-period",
    r"(?:(?P<shift>" + "|".join(sorted(_SHIFT_WORDS, key=len, reverse=True)) + r")\s+(?P<unit>week|month|year|quarter"
    r"|decade|century)(?:\s+(?P<gone>gone\s+by))?|the\s+(?P<unit2>week|month|year|quarter|decade)\s+"
    r"(?P<side>before|after|earlier|later)(?P<next>\s+next)?)",
)
def relative_period(match: re.Match[str], context: Context) -> DateValue:
    """this year / last month / next week / earlier this month / the year before"""
    anchor = context.need_anchor()
    unit = (match["unit"] or match["unit2"]).lower()
    if match["shift"]:
        shift = -1 if match["gone"] else _SHIFT_WORDS[match["shift"]]
    else:
        shift = (-1 if match["side"] in ("before", "earlier") else 1) * (2 if match["next"] else 1)
    size, step_unit = _UNIT_STEP[unit]
    return replace(_UNIT_PERIOD[unit](moved(anchor, shift * size, step_unit)), anchor=anchor)


_AGO = r"(?:ago|earlier|before|back|previously|prior)"
_LATER = r"(?:later|after|afterwards|from\s+now|hence|on)"
_COUNT_UNITS = r"(?P<unit>days?|weeks?|fortnights?|months?|years?|decades?)"


@rule(
    "units-ago",
    r"(?:(?P<hedge>about|some|nearly|almost|around|roughly|approximately|over|more\s+than|at\s+least|less\s+than|"
    r"no\s+more\s+than|under)\s+)?(?P<n>%NUMBER%)\s+" + _COUNT_UNITS + r"\s+(?P<way>" + _AGO + "|" + _LATER
    + r")|(?:in|within|after)\s+(?P<n2>%NUMBER%)\s+(?P<unit2>days?|weeks?|fortnights?|months?|years?)",
)
def units_ago(match: re.Match[str], context: Context) -> DateValue:
    """two days ago / a fortnight ago / three months ago / some 30 years ago / in two weeks /
    more than two years ago (on or before) / less than a year ago (since then)"""
    anchor = context.need_anchor()
    count = number(match["n"] or match["n2"])
    unit = (match["unit"] or match["unit2"]).lower().removesuffix("s")
    back = bool(match["way"]) and re.fullmatch(_AGO, match["way"]) is not None
    day = moved(anchor, -count if back else count, unit)
    value = day_value(day, anchor=anchor) if unit in _DAY_UNITS else replace(_UNIT_PERIOD[unit](day), anchor=anchor)
    hedge = " ".join((match["hedge"] or "").split())
    if hedge in ("over", "more than", "at least") and back:
        return replace(value, span=Span.OPEN_START, start=value.end, end_precision=value.precision)
    if hedge in ("less than", "no more than", "under") and back:
        return replace(value, end=anchor, span=Span.RANGE, end_precision=Precision.DAY)
    return replace(value, qualifier=Qualifier.APPROXIMATE) if hedge else value


# 'Two weeks ago' names a day, as 'a fortnight ago' does; longer units name a period of their size.
_DAY_UNITS = ("day", "week", "fortnight")


@rule(
    "weekday",
    r"(?:(?P<rel>(?:the\s+|el\s+)?(?:last|this|next|coming|upcoming|past|previous|following|pasado|próximo|"
    r"proximo))\s+)?(?P<weekday>%WEEKDAY%)(?:,?\s+(?P<after>last|next|week|dernier|prochain|pasado|próximo|"
    r"(?:of\s+)?(?:last|this|next)\s+week))?",
)
def weekday(match: re.Match[str], context: Context) -> DateValue:
    """on Wednesday (the latest on or before the anchor) / last Friday / next Tuesday / this Friday"""
    anchor = context.need_anchor()
    target = lookup(WEEKDAYS, match["weekday"], "weekday")
    relation = re.sub(r"^(?:the|el|of)\s+", "", match["rel"] or match["after"] or "")
    if relation.endswith(" week"):  # Friday last week: that weekday in the week before, this or after
        shift = {"last": -7, "this": 0, "next": 7}[relation.split()[0]]
        return day_value(weekday_date(target, anchor + dt.timedelta(days=shift), direction="this-week"), anchor=anchor)
    direction = _WEEKDAY_DIRECTIONS.get(relation, "on-or-after" if context.forward else "on-or-before")
    return day_value(weekday_date(target, anchor, direction=direction), anchor=anchor)


_WEEKDAY_DIRECTIONS = {
    "last": "before", "past": "before", "previous": "before", "dernier": "before", "pasado": "before",
    "next": "after", "coming": "after", "upcoming": "after", "following": "after", "week": "after",
    "prochain": "after", "próximo": "after", "proximo": "after", "this": "this-week",
}


@rule("weekend", r"(?:(?:over|at|on|during)\s+)?(?:the\s+)?(?:(?P<rel>this|last|next|past|coming|previous)\s+)?"
      r"week-?end")
def weekend(match: re.Match[str], context: Context) -> DateValue:
    """over the weekend: the latest Saturday and Sunday on or before the anchor."""
    anchor = context.need_anchor()
    relation = (match["rel"] or "").lower()
    if relation in ("next", "coming") or (not relation and context.forward):
        saturday = weekday_date(5, anchor, direction="on-or-after" if relation != "next" else "after")
    elif relation == "this":
        saturday = weekday_date(5, anchor, direction="this-week")
    else:
        saturday = weekday_date(5, anchor, direction="on-or-before")
        if relation in ("last", "past", "previous") and anchor.weekday() >= 5:
            saturday -= dt.timedelta(days=7)
    year, week, _ = saturday.isocalendar()
    weekend = interval(day_value(saturday, anchor=anchor), day_value(saturday + dt.timedelta(days=1)))
    return replace(weekend, timex=f"{year}-W{week:02d}-WE")


@rule(
    "month-relative-year",
    r"(?:(?P<month>%MONTH%)\s+(?:of\s+)?(?P<which>this|last|next|the\s+previous|the\s+following|the\s+same)\s+year"
    r"|(?P<which2>last|this|next|coming)\s+(?P<month2>%MONTH%))",
)
def month_relative_year(match: re.Match[str], context: Context) -> DateValue:
    """in March this year / March last year / next March"""
    anchor = context.need_anchor()
    month = lookup(MONTHS, match["month"] or match["month2"], "month")
    which = (match["which"] or match["which2"]).lower()
    if match["which2"]:
        year = _named_month_year(month, which, anchor)
    else:
        year = anchor.year + {"last": -1, "the previous": -1, "next": 1, "the following": 1}.get(which, 0)
    return month_value(year, month, anchor=anchor)


def _named_month_year(month: int, which: str, anchor: dt.date) -> int:
    """'next March' is the first March after the anchor's month; 'last March' the latest before it."""
    if which in ("next", "coming"):
        return anchor.year + 1 if month <= anchor.month else anchor.year
    if which == "last":
        return anchor.year - 1 if month >= anchor.month else anchor.year
    return anchor.year


@rule(
    "anniversary",
    r"(?=.*(?:years|anniversary))(?:.*?\b(?:marks|marking|celebrat\w*|commemorat\w*|complet\w*|is)\s+)?(?:the\s+)?"
    r"(?P<count>%NUMBER%)"
    r"(?:%ORD%\s+anniversary|\s+years)\s+(?:of|since)\b.*",
)
def anniversary(match: re.Match[str], context: Context) -> DateValue:
    """This year marks 70 years of diplomatic relations -> the year 70 years before the anchor."""
    anchor = context.need_anchor()
    return year_value(anchor.year - number(match["count"]), anchor=anchor)


@rule("year-end", r"(?:the\s+)?(?:year[\s-]end|end[\s-]of[\s-](?:the[\s-])?year)")
def year_end(match: re.Match[str], context: Context) -> DateValue:
    """year-end / by year-end: late in the anchor's year."""
    anchor = context.need_anchor()
    return narrowed(year_value(anchor.year, anchor=anchor), Qualifier.LATE)


_JUBILEES = {"silver": 25, "ruby": 40, "golden": 50, "diamond": 60, "platinum": 70}


@rule("jubilee", r"(?=.*jubilee)(?:.*?\b)?(?P<kind>silver|ruby|golden|diamond|platinum)\s+jubilee\s+of\b.*")
def jubilee(match: re.Match[str], context: Context) -> DateValue:
    """the golden jubilee of diplomatic ties: 50 years before the anchor (silver 25, ruby 40,
    diamond 60, platinum 70)."""
    anchor = context.need_anchor()
    return year_value(anchor.year - _JUBILEES[match["kind"]], anchor=anchor)



_PAST = (r"recently|lately|formerly|previously|once|earlier|in\s+the\s+past|the\s+past|(?:in\s+)?(?:the\s+)?"
         r"(?:recent|past|last)\s+(?:few\s+)?(?:days|weeks|months|years|decades)|(?:several|a\s+few|few|some|many)"
         r"\s+(?:days|weeks|months|years|decades)\s+(?:ago|earlier|back)")
_FUTURE = (r"soon|shortly|later|eventually|(?:in\s+)?the\s+(?:near\s+|distant\s+)?future|(?:in\s+)?(?:the\s+)?"
           r"(?:coming|next|upcoming)\s+(?:few\s+)?(?:days|weeks|months|years|decades)|(?:several|a\s+few|few|some"
           r"|many)\s+(?:days|weeks|months|years|decades)\s+(?:later|from\s+now|hence)")
_PRESENT = (r"now|right\s+now|currently|at\s+present|presently|at\s+the\s+moment|nowadays|these\s+days|"
            r"(?:the\s+)?present|the\s+moment|the\s+present\s+day|today's\s+world")


@rule("before-the-reference", _PAST)
def before_the_reference(match: re.Match[str], context: Context) -> DateValue:
    """recently / in recent years / several years ago: some time before the reference, no more."""
    anchor = context.need_anchor()
    return DateValue.of(anchor, anchor, Precision.DAY, anchor=anchor, span=Span.OPEN_START, timex="PAST_REF")


@rule("after-the-reference", _FUTURE)
def after_the_reference(match: re.Match[str], context: Context) -> DateValue:
    """in the coming weeks / the future: some time after the reference, no more."""
    anchor = context.need_anchor()
    return DateValue.of(anchor, anchor, Precision.DAY, anchor=anchor, span=Span.OPEN_END, timex="FUTURE_REF")


@rule("at-the-reference", _PRESENT)
def at_the_reference(match: re.Match[str], context: Context) -> DateValue:
    """now / currently / at present: the reference day itself."""
    anchor = context.need_anchor()
    return day_value(anchor, anchor=anchor, timex="PRESENT_REF")
