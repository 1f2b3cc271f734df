"""The rule machinery: a Rule is a named pattern plus a reader; the first rule that matches wins."""

from __future__ import annotations

import datetime as dt
import difflib
import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, replace

from dateline.dates.lexicon import FULL_MONTH_NAMES, expand
from dateline.dates.value import DateError, DateValue


class MissingAnchorError(DateError):
    """A relative expression met without a reference date to resolve it against."""


Reader = Callable[[re.Match[str], "Context"], DateValue]


@dataclass(frozen=True)
class Rule:
    """A named strategy: when `pattern` matches the whole cleaned text, `read` builds the value."""

    name: str
    pattern: re.Pattern[str]
    read: Reader


def rule(name: str, pattern: str) -> Callable[[Reader], Rule]:
    """Decorator that turns a reader function into a Rule with a case-insensitive pattern."""

    def make(read: Reader) -> Rule:
        return Rule(name, re.compile(expand(pattern), re.IGNORECASE), read)

    return make


@dataclass(frozen=True)
class Context:
    """What a reader may know besides the text: the anchor, the day-first setting, the rules."""

    text: str
    anchor: dt.date | None
    day_first: bool | None
    rules: tuple[Rule, ...]

    def need_anchor(self) -> dt.date:
        """The anchor, or a DateError saying the expression needs one."""
        if self.anchor is None:
            raise MissingAnchorError(f"'{self.text}' is relative: it needs a reference date to resolve against")
        return self.anchor

    def read(self, text: str) -> DateValue:
        """Read a part of the expression with the same rules and anchor (for wrapping rules)."""
        return apply(self.rules, text, anchor=self.anchor, day_first=self.day_first)


_DASHES = re.compile(r"[\u2010-\u2015\u2212]")
_PREPOSITION = re.compile(r"^(?:on|in|at|dated)\s+", re.IGNORECASE)


def clean(text: str) -> str:
    """Unicode-normalise, unify dashes, collapse spaces, drop edge punctuation and a leading 'on'/'in'."""
    text = unicodedata.normalize("NFKC", text)
    text = _DASHES.sub("-", text)
    text = " ".join(text.split()).strip(" .,;:")
    return _PREPOSITION.sub("", text)


def apply(rules: tuple[Rule, ...], text: str, *, anchor: dt.date | None, day_first: bool | None) -> DateValue:
    """Try each rule in order on the cleaned text; the first full match reads the value."""
    cleaned = clean(text)
    context = Context(text.strip(), anchor, day_first, rules)
    for candidate in rules:
        match = candidate.pattern.fullmatch(cleaned)
        if match is not None:
            value = candidate.read(match, context)
            name = candidate.name if not value.rule else f"{candidate.name}({value.rule})"
            return replace(value, text=context.text, rule=name)
    raise DateError(_unreadable_message(context.text))


def _unreadable_message(text: str) -> str:
    message = f"cannot read '{text}' as a date"
    for word in re.findall(r"[^\W\d_]{3,}", text):
        guess = difflib.get_close_matches(word.lower(), FULL_MONTH_NAMES, n=1, cutoff=0.75)
        if guess and guess[0] != word.lower():
            return f"{message}: '{word}' is not a month; did you mean {guess[0].capitalize()}?"
    return message
