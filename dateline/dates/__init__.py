"""Date normalisation: free-text date expressions to honest DateValues, against an anchor.

`RULES` is the ordered list of named strategies; the first whose pattern matches the whole
(cleaned) expression reads it. Specific forms come before general ones, and the rules that
wrap or combine other expressions come last. Adding a form means adding a rule to the module
it belongs to and placing it in this list.
"""

from __future__ import annotations

import datetime as dt

from dateline.dates import absolute, clock, edtf_in, holidays, modifiers, native, partial, periods, ranges, relative
from dateline.dates.engine import MissingAnchorError, Rule, RuleSet
from dateline.dates.labels import display, edtf
from dateline.dates.value import Calendar, DateError, DateValue, PartOfDay, Precision, Qualifier, Span

RULES: tuple[Rule, ...] = (
    # Complete dates, most specific first.
    absolute.iso_8601,
    absolute.iso_week,
    absolute.year_month_day,
    absolute.dotted,
    absolute.numeric_date,
    absolute.month_day_year,
    absolute.day_month_year,
    native.saka_date,
    native.japanese_date,
    native.korean_date,
    absolute.month_year,
    absolute.numeric_month_year,
    native.saka_month,
    native.saka_year,
    native.japanese_fiscal_year,
    native.cjk_period,
    native.cjk_decade,
    absolute.year,
    # EDTF forms Dateline itself writes.
    edtf_in.edtf_unspecified,
    edtf_in.edtf_year_month,
    edtf_in.edtf_hedged,
    edtf_in.edtf_interval,
    # Periods.
    periods.decade,
    periods.short_decade,
    periods.century,
    periods.quarter,
    periods.half_year,
    periods.season,
    periods.fiscal_year_range,
    periods.fiscal_year_short,
    periods.other_fiscal_year,
    periods.week_of,
    periods.week_of_month,
    # Dates missing their year or month: the anchor supplies it.
    partial.day_month,
    partial.month_day,
    native.cjk_month_day,
    native.cjk_range,
    partial.day_of_month,
    relative.month_relative_year,
    partial.bare_month,
    # Relative to the anchor.
    relative.relative_day,
    relative.later_in_the_day,
    relative.relative_period,
    relative.units_ago,
    relative.weekday,
    relative.weekend,
    modifiers.relative_part_of_day,
    relative.anniversary,
    relative.jubilee,
    relative.year_end,
    holidays.named_day,
    holidays.eve_of,
    relative.before_the_reference,
    relative.after_the_reference,
    relative.at_the_reference,
    # Ranges.
    ranges.day_range,
    ranges.month_day_range,
    ranges.cross_month_range,
    ranges.month_cross_month_range,
    ranges.month_range,
    ranges.year_range,
    ranges.for_more_than,
    ranges.past_period,
    ranges.since,
    ranges.until,
    ranges.onwards,
    # Clock times.
    clock.time_only,
    # Wrappers: a part of the day, hedges, the words around a date.
    modifiers.part_of_day,
    modifiers.early_mid_late,
    modifiers.approximate,
    modifiers.uncertain,
    modifiers.label,
    modifiers.bracketed_weekday,
    native.two_calendar,
    modifiers.wire_dateline,
    clock.date_time,
    clock.time_date,
    modifiers.day_part,
    ranges.general_range,
    modifiers.dateline_place,
    modifiers.in_a_sentence,
)


_RULE_SET = RuleSet(RULES)


def prepare() -> None:
    """Compile every rule now, before workers are forked to read dates (see RuleSet.compile)."""
    _RULE_SET.compile()


def normalise(text: str, *, anchor: dt.date | None, day_first: bool | None = None) -> DateValue:
    """Read `text` against `anchor` (None when there is none); raise DateError when it cannot."""
    return _RULE_SET.read(text, anchor=anchor, day_first=day_first)


__all__ = [
    "RULES",
    "Calendar",
    "DateError",
    "DateValue",
    "MissingAnchorError",
    "PartOfDay",
    "Precision",
    "Qualifier",
    "Span",
    "display",
    "edtf",
    "normalise",
    "prepare",
]
