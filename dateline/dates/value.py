"""The value a date expression resolves to: an honest interval with its precision."""

from __future__ import annotations

import datetime as dt
import enum
from dataclasses import dataclass


class DateError(ValueError):
    """A date expression that cannot be read; the message says why."""


class Precision(enum.Enum):
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
        return _PRECISION_ORDER.index(self)


_PRECISION_ORDER = list(Precision)


class PartOfDay(enum.Enum):
    """A named part of a day, in the order the parts come."""

    EARLY_MORNING = "early morning"
    MORNING = "morning"
    AFTERNOON = "afternoon"
    EVENING = "evening"
    NIGHT = "night"

    @property
    def rank(self) -> int:
        """Position inside the day (1 = earliest)."""
        return _PART_ORDER.index(self) + 1

    @property
    def edtf_code(self) -> str:
        """TimeML-style code used in EDTF-like output: TMO, TAF, TEV, TNI."""
        return _PART_CODES[self]


_PART_ORDER = list(PartOfDay)
_PART_CODES = {
    PartOfDay.EARLY_MORNING: "TMO",
    PartOfDay.MORNING: "TMO",
    PartOfDay.AFTERNOON: "TAF",
    PartOfDay.EVENING: "TEV",
    PartOfDay.NIGHT: "TNI",
}


class Qualifier(enum.Enum):
    """A hedge on the value: where in the period, or how sure the source is."""

    EARLY = "early"
    MID = "mid"
    LATE = "late"
    APPROXIMATE = "approximate"
    UNCERTAIN = "uncertain"


class Calendar(enum.Enum):
    """The calendar or notation the expression was written in."""

    GREGORIAN = "gregorian"
    SAKA = "saka"
    JAPANESE = "japanese"
    ISO = "iso8601"
    EDTF = "edtf"


@dataclass(frozen=True)
class DateValue:
    """A resolved date: inclusive start and end, and everything needed to show it honestly.

    `start`/`end` bound the period the text names (1952 -> 1952-01-01..1952-12-31).
    `native` keeps the calendar's own label when the text was not Gregorian.
    `after_others` marks "later in the day": after the day's other events.
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
    interval: bool = False

    def __post_init__(self) -> None:
        if self.end < self.start:
            raise DateError(f"'{self.text}' ends ({self.end}) before it starts ({self.start})")

    @property
    def coarse(self) -> bool:
        """True when the value is known only to a period longer than a day (month, year...)."""
        return self.precision.rank < Precision.DAY.rank

    @property
    def minute_of_day(self) -> int | None:
        """Clock time in minutes since midnight, where the text gives one."""
        return None if self.time is None else self.time.hour * 60 + self.time.minute
