"""The value a date expression resolves to: an honest interval with its precision."""

from __future__ import annotations

import datetime as dt
from dataclasses import MISSING, dataclass, fields
from typing import Any

from dateline.enums import Named


class DateError(ValueError):
    """A date expression that cannot be read; the message says why."""


class Precision(Named):
    """How precisely an expression pins its date, from coarsest to finest."""

    CENTURY = "century"
    DECADE = "decade"
    YEAR = "year"
    HALF = "half-year"
    QUARTER = "quarter"
    SEASON = "season"
    MONTH = "month"
    WEEK = "week"
    DAY = "day"
    MINUTE = "minute"

    @property
    def rank(self) -> int:
        """Position from coarse (0) to fine, for ordering."""
        return _PRECISION_RANK[self]


_PRECISION_RANK = {precision: rank for rank, precision in enumerate(Precision)}  # (pages ask it thousands of times)


class PartOfDay(Named):
    """A named part of a day, in the order the parts come."""

    EARLY_MORNING = "early morning"
    MORNING = "morning"
    AFTERNOON = "afternoon"
    EVENING = "evening"
    NIGHT = "night"


class Qualifier(Named):
    """A hedge on the value: where in the period, or how sure the source is."""

    EARLY = "early"
    MID = "mid"
    LATE = "late"
    APPROXIMATE = "approximate"
    UNCERTAIN = "uncertain"


class Calendar(Named):
    """The calendar or notation the expression was written in."""

    GREGORIAN = "gregorian"
    SAKA = "saka"
    JAPANESE = "japanese"
    ISO = "iso8601"
    EDTF = "edtf"


class Span(Named):
    """What the text names: one period; a range between two named ends ('7-8 September'); a
    range measured from the reference ('since 2020'); or a range open at one end."""

    SINGLE = "single"
    INTERVAL = "interval"
    RANGE = "range"
    OPEN_START = "open start"
    OPEN_END = "open end"


@dataclass(frozen=True)
class DateValue:
    """A resolved date: inclusive start and end, and everything needed to show it honestly.

    `start`/`end` bound the period the text names (1952 -> 1952-01-01..1952-12-31); for a range
    open at one end they are the known bound. `precision` is the start's, `end_precision` the
    end's when a range mixes them ("since 2020": year, then day). `native` keeps the calendar's
    own label when the text was not Gregorian; `after_others` marks "later in the day"; `timex`
    holds a TimeML value that cannot be derived from the rest ("PAST_REF" for "recently").
    """

    text: str
    start: dt.date
    end: dt.date
    precision: Precision
    rule: str
    anchor: dt.date | None = None
    part_of_day: PartOfDay | None = None
    time: dt.time | None = None
    qualifier: Qualifier | None = None
    calendar: Calendar = Calendar.GREGORIAN
    native: str | None = None
    after_others: bool = False
    span: Span = Span.SINGLE
    end_precision: Precision | None = None
    timex: str | None = None

    def __post_init__(self) -> None:
        if self.end < self.start:
            raise DateError(f"'{self.text}' ends ({self.end}) before it starts ({self.start})")

    @classmethod
    def of(cls, start: dt.date, end: dt.date, precision: Precision, **fields: Any) -> DateValue:
        """A value read from text, before the engine records the text and rule: the checked
        constructor readers use (it fills the defaults without the frozen __init__'s per-field cost,
        which dominates reading a simple date)."""
        if end < start:
            raise DateError(f"the range ends ({end}) before it starts ({start})")
        if not fields.keys() <= _DEFAULTS.keys():
            raise TypeError(f"DateValue has no field {sorted(fields.keys() - _DEFAULTS.keys())}")
        value = object.__new__(cls)
        value.__dict__.update(_DEFAULTS, start=start, end=end, precision=precision, **fields)
        return value

    def with_reading(self, text: str, rule: str) -> DateValue:
        """A copy that records the text it was read from and the rule that read it (neither
        affects the value's validity, so the copy skips the checks of __init__)."""
        copy = object.__new__(DateValue)
        copy.__dict__.update(self.__dict__, text=text, rule=rule)
        return copy

    @property
    def is_range(self) -> bool:
        """True when the text names a range rather than one period."""
        return self.span is not Span.SINGLE

    @property
    def coarse(self) -> bool:
        """True when the value is known only to a period longer than a day (month, year...)."""
        return self.precision.rank < Precision.DAY.rank

    @property
    def minute_of_day(self) -> int | None:
        """Clock time in minutes since midnight, where the text gives one."""
        return None if self.time is None else self.time.hour * 60 + self.time.minute

    @property
    def precision_label(self) -> str:
        """The precision as data exports name it: 'day', 'part_of_day', 'interval', 'range'..."""
        if self.span is Span.INTERVAL:
            return "interval"
        if self.span is not Span.SINGLE:
            return "range"
        if self.part_of_day is not None and self.time is None:
            return "part_of_day"
        return self.precision.value


_DEFAULTS = {field.name: field.default for field in fields(DateValue) if field.default is not MISSING}
_DEFAULTS.update(text="", rule="")
