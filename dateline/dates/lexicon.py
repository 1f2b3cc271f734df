"""Words for months, weekdays and numbers, and the regex fragments built from them."""

from __future__ import annotations

import re
from collections.abc import Iterable

from dateline.dates.value import DateError

_ENGLISH_MONTHS = (
    ("january", "jan"),
    ("february", "feb", "febr"),
    ("march", "mar"),
    ("april", "apr"),
    ("may",),
    ("june", "jun"),
    ("july", "jul"),
    ("august", "aug"),
    ("september", "sep", "sept"),
    ("october", "oct"),
    ("november", "nov"),
    ("december", "dec"),
)
MONTHS: dict[str, int] = {
    word: number for number, words in enumerate(_ENGLISH_MONTHS, start=1) for word in words
}

_ENGLISH_WEEKDAYS = (
    ("monday", "mon"),
    ("tuesday", "tue", "tues"),
    ("wednesday", "wed", "weds"),
    ("thursday", "thu", "thur", "thurs"),
    ("friday", "fri"),
    ("saturday", "sat"),
    ("sunday", "sun"),
)
WEEKDAYS: dict[str, int] = {
    word: number for number, words in enumerate(_ENGLISH_WEEKDAYS) for word in words
}
WEEKDAY_NAMES = tuple(words[0].capitalize() for words in _ENGLISH_WEEKDAYS)
FULL_MONTH_NAMES = tuple(words[0] for words in _ENGLISH_MONTHS)

NUMBER_WORDS: dict[str, int] = {
    word: number
    for number, word in enumerate(
        ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven",
         "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen", "twenty"]
    )
}
NUMBER_WORDS.update({"thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
                     "eighty": 80, "ninety": 90, "a hundred": 100, "hundred": 100, "a": 1, "an": 1})


def alternation(words: Iterable[str]) -> str:
    """A regex alternation of the given words, longest first so that 'sept' beats 'sep'."""
    ordered = sorted(words, key=lambda w: (-len(w), w))
    return "(?:" + "|".join(re.escape(w) for w in ordered) + ")"


def lookup(table: dict[str, int], word: str, kind: str) -> int:
    """The number a word stands for in `table`; DateError when it is not there."""
    key = word.lower().rstrip(".")
    if key not in table:
        raise DateError(f"'{word}' is not a {kind}")
    return table[key]


def number(word: str) -> int:
    """'70' -> 70, 'seventy' -> 70, 'twenty-five' -> 25."""
    key = word.lower().strip()
    if key.isdigit():
        return int(key)
    if key in NUMBER_WORDS:
        return NUMBER_WORDS[key]
    parts = re.split(r"[\s-]+", key)
    if len(parts) == 2 and all(p in NUMBER_WORDS for p in parts):
        return NUMBER_WORDS[parts[0]] + NUMBER_WORDS[parts[1]]
    raise DateError(f"'{word}' is not a number")


TOKENS = {
    "%MONTH%": alternation(MONTHS) + r"\.?",
    "%WEEKDAY%": alternation(WEEKDAYS) + r"\.?",
    "%NUMBER%": r"(?:\d+|" + alternation(NUMBER_WORDS) + r"(?:[\s-]" + alternation(NUMBER_WORDS) + r")?)",
    "%ORD%": r"(?:st|nd|rd|th)?",
}


def expand(pattern: str) -> str:
    """Replace %MONTH%, %WEEKDAY%, %NUMBER% and %ORD% in a rule's pattern."""
    for token, fragment in TOKENS.items():
        pattern = pattern.replace(token, fragment)
    return pattern
