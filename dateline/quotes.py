"""Finding an event's quote in its source's text, insensitive to whitespace and typography."""

from __future__ import annotations

import difflib
import re
import unicodedata

_TYPOGRAPHY = str.maketrans({
    "\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'", "\u2032": "'",
    "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u201f": '"', "\u2033": '"',
    "\u2010": "-", "\u2011": "-", "\u2012": "-", "\u2013": "-", "\u2014": "-", "\u2015": "-",
    "\u2212": "-", "\u00a0": " ", "\u2026": "...",
})


def comparable(text: str) -> str:
    """Text reduced for comparison: NFKC, case-folded, plain quotes and dashes, single spaces."""
    text = unicodedata.normalize("NFKC", text).translate(_TYPOGRAPHY).casefold()
    return " ".join(re.split(r"\s+", text)).strip()


def nearest_passage(quote: str, comparable_text: str) -> str | None:
    """The stretch of a source's (comparable) text most like the quote, to suggest a correction."""
    wanted = comparable(quote)
    if not wanted or not comparable_text:
        return None
    matcher = difflib.SequenceMatcher(None, comparable_text, wanted, autojunk=False)
    block = matcher.find_longest_match(0, len(comparable_text), 0, len(wanted))
    if block.size < min(12, len(wanted) // 2):
        return None
    slack = 12
    start = max(block.a - block.b - slack, 0)
    end = block.a + (len(wanted) - block.b) + slack
    words = comparable_text[start:end].split(" ")
    return " ".join(words[1 if start else 0: -1 if end < len(comparable_text) else None])


def find_quote(quote: str, comparable_text: str) -> int | None:
    """Where the quote starts in a source's text (already passed through `comparable`), or None."""
    position = comparable_text.find(comparable(quote))
    return None if position < 0 else position
