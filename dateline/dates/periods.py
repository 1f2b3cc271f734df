"""Rules for periods longer than a month: decades, centuries, quarters, halves, seasons, fiscal years."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import replace

from dateline.dates.engine import Context, rule
from dateline.dates.lexicon import DECADE_WORDS, MONTHS, SEASONS, alternation, lookup, ordinal
from dateline.dates.make import (
    century_value,
    checked_date,
    decade_value,
    fiscal_year,
    half_value,
    quarter_value,
    season_value,
    week_value,
)
from dateline.dates.value import DateError, DateValue, Precision, Span

_ORDINALS = r"(?:first|second|third|fourth|1st|2nd|3rd|4th)"
_YEAR_REF = r"(?:(?:of\s+)?(?P<year>\d{4})|(?:of\s+)?(?P<which>this|last|next|the)\s+year)"


def _year_of(match: re.Match[str], context: Context) -> int:
    """The year a period rule names: written out, or 'this/last/next year' from the anchor."""
    if match["year"]:
        return int(match["year"])
    anchor = context.need_anchor()
    return anchor.year + {"last": -1, "next": 1}.get((match["which"] or "").lower(), 0)


@rule("decade", r"(?:the\s+)?(?P<decade>\d{3}0)['’]?s")
def decade(match: re.Match[str], context: Context) -> DateValue:
    """the 1950s; the 1800s and the 1900s are centuries, as writers mean them (the 2000s a decade)."""
    first = int(match["decade"])
    if first % 100 == 0 and first <= 1900:
        return century_value(first // 100 + 1)
    return decade_value(first)


@rule("short-decade", r"(?:the\s+)?(?:['’]?(?P<digits>\d0)['’]?s|(?P<word>" + alternation(DECADE_WORDS) + "))")
def short_decade(match: re.Match[str], context: Context) -> DateValue:
    """the '90s / the nineties: the latest such decade that began before the anchor."""
    anchor = context.need_anchor()
    tens = int(match["digits"]) if match["digits"] else DECADE_WORDS[match["word"].lower()]
    century = anchor.year // 100 * 100
    first = century + tens if century + tens <= anchor.year else century - 100 + tens
    return decade_value(first, anchor=anchor)


@rule(
    "century",
    r"(?:the\s+)?(?P<number>\d{1,2}(?:st|nd|rd|th)|first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|"
    r"tenth|eleventh|twelfth|thirteenth|fourteenth|fifteenth|sixteenth|seventeenth|eighteenth|nineteenth|"
    r"twentieth|twenty-first|twenty-second)[\s-]+century",
)
def century(match: re.Match[str], context: Context) -> DateValue:
    """the 20th century / the twentieth century (1900-1999, as EDTF's 19XX)"""
    return century_value(ordinal(match["number"]))


@rule("quarter", r"(?:the\s+)?(?:q(?P<q>[1-4])|(?P<word>" + _ORDINALS + r")\s+quarter)(?:,?\s+" + _YEAR_REF + ")?")
def quarter(match: re.Match[str], context: Context) -> DateValue:
    """Q3 2022 / the third quarter of 2022 / the third quarter (the latest before the anchor)"""
    number = int(match["q"]) if match["q"] else ordinal(match["word"])
    return _latest_or_named(match, context, lambda year: quarter_value(year, number))


@rule("half-year", r"(?:the\s+)?(?:h(?P<h>[12])|(?P<word>first|second|1st|2nd)\s+half)(?:,?\s+" + _YEAR_REF + ")?")
def half_year(match: re.Match[str], context: Context) -> DateValue:
    """H2 2022 / the second half of 2022 / the first half of this year"""
    number = int(match["h"]) if match["h"] else ordinal(match["word"])
    return _latest_or_named(match, context, lambda year: half_value(year, number))


@rule("season", r"(?:the\s+)?(?:(?P<rel>this|last|next|past|coming)\s+)?(?P<season>" + alternation(SEASONS) + r")"
      r"(?:\s+(?:of\s+|de\s+)?(?P<year>\d{4}))?")
def season(match: re.Match[str], context: Context) -> DateValue:
    """summer 2022 / this summer / last winter / au printemps 2023 (northern meteorological seasons)"""
    name = SEASONS[match["season"]]
    if match["year"]:
        return season_value(int(match["year"]), name)
    anchor = context.need_anchor()
    relation = match["rel"] or ""
    if relation == "this":
        return season_value(anchor.year - (name == "winter" and anchor.month <= 2), name, anchor=anchor)
    if relation in ("last", "past"):
        current = season_value(anchor.year, name, anchor=anchor)
        return current if current.end < anchor else season_value(anchor.year - 1, name, anchor=anchor)
    forward = relation in ("next", "coming") or context.forward
    return _nearest_period(lambda year: season_value(year, name), anchor, forward=forward)


def _latest_or_named(match: re.Match[str], context: Context, build: Callable[[int], DateValue]) -> DateValue:
    """A period of a named year, or without one the nearest such period."""
    if match["year"] or match["which"]:
        return build(_year_of(match, context))
    return _nearest_period(build, context.need_anchor(), forward=context.forward)


def _nearest_period(build: Callable[[int], DateValue], anchor: dt.date, *, forward: bool) -> DateValue:
    """The period (of three candidate years) nearest the anchor, or the first that has not ended
    when the text looks forward: 'the second half' in May is this year's, 'the fourth quarter' in
    February last year's."""
    candidates = [build(year) for year in (anchor.year - 1, anchor.year, anchor.year + 1)]
    if forward:
        chosen = min((c for c in candidates if c.end >= anchor), key=lambda c: c.start)
    else:
        chosen = min(candidates, key=lambda c: (max((c.start - anchor).days, (anchor - c.end).days, 0), c.start))
    return replace(chosen, anchor=anchor)


@rule(
    "fiscal-year",
    r"(?:the\s+)?(?:(?:(?:union\s+)?budget|fy|f\.y\.|financial\s+year|fiscal\s+year|fiscal)\s*(?P<first>\d{4})\s*[-/]\s*"
    r"(?P<second>\d{2}|\d{4})|(?P<first2>\d{4})\s*[-/]\s*(?P<second2>\d{2}|\d{4})\s+(?:fiscal|financial\s+year|"
    r"fiscal\s+year))",
)
def fiscal_year_range(match: re.Match[str], context: Context) -> DateValue:
    """FY 2022-23: India's fiscal year, 1 April 2022 to 31 March 2023."""
    first = int(match["first"] or match["first2"])
    second_text = match["second"] or match["second2"]
    second = int(second_text) if len(second_text) == 4 else first // 100 * 100 + int(second_text)
    if second != first + 1:
        raise DateError(f"'{context.text}': a fiscal year runs from one year into the next, not {first} to {second}")
    return fiscal_year(first)


@rule("fiscal-year-short", r"(?:the\s+)?(?:fy|f\.y\.|fiscal(?:\s+year)?|financial\s+year)\s*['’]?(?P<end>\d{4}|\d{2})")
def fiscal_year_short(match: re.Match[str], context: Context) -> DateValue:
    """FY23 / FY 2023 / fiscal 2023: India's fiscal year that ends in March of that year."""
    end = match["end"]
    last = int(end) if len(end) == 4 else _two_digit_year(int(end), context)
    return fiscal_year(last - 1)


@rule("other-fiscal-year", r"(?:the\s+)?(?P<whose>u\.?s\.?|american|federal|japan|japanese)\s+(?:government\s+)?"
      r"fiscal\s+(?:year\s+)?(?P<year>\d{4})")
def other_fiscal_year(match: re.Match[str], context: Context) -> DateValue:
    """the U.S. fiscal year 2024 (October 2023 to September 2024) / Japan's fiscal 2023 (April 2023
    to March 2024: Japan names a fiscal year by the year it starts in)."""
    year = int(match["year"])
    if match["whose"].startswith("jap"):
        return fiscal_year(year, name=f"Japanese FY {year}")
    return fiscal_year(year - 1, first_month=10, name=f"US FY {year}")


def _two_digit_year(digits: int, context: Context) -> int:
    anchor = context.need_anchor()
    century = anchor.year // 100 * 100
    return min((century - 100 + digits, century + digits, century + 100 + digits), key=lambda y: abs(y - anchor.year))


@rule("week-of", r"the\s+week\s+(?:of|beginning|starting|commencing)\s+(?P<rest>.+)")
def week_of(match: re.Match[str], context: Context) -> DateValue:
    """the week of September 5: the Monday-to-Sunday week that holds that day."""
    return replace(week_value(context.read(match["rest"]).start), anchor=context.anchor)


@rule(
    "week-of-month",
    r"(?:the\s+)?(?P<nth>first|second|third|fourth|last|1st|2nd|3rd|4th)\s+week\s+of\s+(?P<month>%MONTH%)"
    r"(?:,?\s+(?P<year>\d{4}))?",
)
def week_of_month(match: re.Match[str], context: Context) -> DateValue:
    """the first week of September 2022: days 1-7 (the last week: the month's last seven days)."""
    month = lookup(MONTHS, match["month"], "month")
    if match["year"]:
        year = int(match["year"])
    else:
        anchor = context.need_anchor()
        year = anchor.year if month <= anchor.month or context.forward else anchor.year - 1
    nth = match["nth"].lower()
    first_day = checked_date(year, month, 1)
    if nth == "last":
        following = checked_date(year + month // 12, month % 12 + 1, 1)
        start = following - dt.timedelta(days=7)
    else:
        start = first_day + dt.timedelta(days=7 * (ordinal(nth) - 1))
    return DateValue(text="", start=start, end=start + dt.timedelta(days=6), precision=Precision.DAY, rule="",
                     span=Span.INTERVAL)

