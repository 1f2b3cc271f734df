"""The rule machinery: a Rule is a named pattern plus a reader; the first rule that matches wins."""

from __future__ import annotations

import datetime as dt
import difflib
import functools
import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from typing import NamedTuple

from dateline.dates.lexicon import FULL_MONTH_NAMES, SUGGESTIBLE_MONTHS, WEEKDAY_NAMES, expand
from dateline.dates.value import DateError, DateValue


class MissingAnchorError(DateError):
    """A relative expression met without a reference date to resolve it against."""


class UnreadableError(DateError):
    """No rule reads the text (as opposed to a rule that read it and found it wrong)."""


Reader = Callable[[re.Match[str], "Context"], DateValue]


@dataclass(frozen=True)
class Rule:
    """A named strategy: when `source` (a regular expression) matches the whole cleaned text,
    `read` builds the value. The pattern is compiled the first time it is needed: a build whose
    dates are all in its cache reads none, and should not pay for compiling them."""

    name: str
    source: str
    read: Reader

    @functools.cached_property
    def fullmatch(self) -> Callable[[str], re.Match[str] | None]:
        return re.compile(self.source).fullmatch


def rule(name: str, pattern: str) -> Callable[[Reader], Rule]:
    """Decorator that turns a reader function into a Rule. Patterns are written in lower case:
    the text they match has been lower-cased once (case-sensitive matching is much faster)."""

    def make(read: Reader) -> Rule:
        return Rule(name, expand(pattern), read)

    return make


_FORWARD = re.compile(
    r"\b(?:will|shall|next|coming|upcoming|forthcoming|scheduled|expected|due|planned|to be held|"
    r"is to|are to|set to|later this|from now|hence)\b",
    re.IGNORECASE,
)


class RuleSet:
    """The ordered rules, with their matchers looked up once. The first rule whose pattern fits
    the whole text reads it; a rule may decline (UnreadableError) and let the next ones try."""

    def __init__(self, rules: tuple[Rule, ...]) -> None:
        self.rules = rules

    def compile(self) -> None:
        """Compile every rule's pattern now (in a process about to fork workers, which then
        share them instead of each compiling its own: 50 ms of work per process)."""
        for candidate in self.rules:
            candidate.fullmatch  # noqa: B018 (the cached property compiles it once)

    def read(self, text: str, *, anchor: dt.date | None, day_first: bool | None, whole: str | None = None) -> DateValue:
        """Try each rule in order on the cleaned text; the first full match reads the value.

        `whole` is the complete expression when `text` is a part of it (rules that look for
        forward-looking words consult the whole)."""
        cleaned = clean(text)
        if not cleaned:
            raise DateError("the date is empty")
        for candidate in self.rules:
            match = candidate.fullmatch(cleaned)
            if match is None:
                continue
            context = Context(text.strip(), anchor, day_first, self, whole or text)
            try:
                value = _read(candidate, match, context)
            except UnreadableError:
                continue  # the rule declined: its pattern fitted, but what it holds is not a date
            name = candidate.name if not value.rule else f"{candidate.name}({value.rule})"
            return value.with_reading(context.text, name)
        raise UnreadableError(unreadable(text.strip()))


def _read(candidate: Rule, match: re.Match[str], context: Context) -> DateValue:
    try:
        return candidate.read(match, context)
    except DateError:
        raise
    except (ValueError, OverflowError) as exc:  # a calendar limit a reader did not foresee
        raise DateError(f"'{context.text}' is not a date: {exc}") from None


class Context(NamedTuple):
    """What a reader may know besides the text: the anchor, the settings, the rules, and the whole
    expression the text is part of. (Immutable; a named tuple because one is made per reading.)"""

    text: str
    anchor: dt.date | None
    day_first: bool | None
    rules: RuleSet
    whole: str

    @property
    def forward(self) -> bool:
        """Whether the whole expression looks forward in time ('will visit in November')."""
        return _FORWARD.search(self.whole) is not None

    @property
    def is_whole(self) -> bool:
        """Whether this text is the whole expression rather than a part being read by a wrapping rule."""
        return self.text == self.whole.strip()

    def need_anchor(self) -> dt.date:
        """The anchor, or a DateError saying the expression needs one."""
        if self.anchor is None:
            raise MissingAnchorError(f"'{self.text}' is relative: it needs a reference date to resolve against")
        return self.anchor

    def read(self, text: str, *, anchor: dt.date | None = None) -> DateValue:
        """Read a part of the expression with the same rules (for rules that wrap or combine)."""
        return self.rules.read(text, anchor=anchor or self.anchor, day_first=self.day_first, whole=self.whole)


_DASHES = re.compile(r"[\u2010-\u2015\u2212]")
_EDGES = re.compile(r"^[\s\"'“‘(\[]+|[\s\"'”’)\].,;:]+$")
_EDGE_CHARACTERS = frozenset("\"'“‘([”’)].,;:")
_POSSESSIVE = re.compile(r"(?<=\w)['’]s\b")
_LEAD = re.compile(
    r"^(?:on|in(?!\s+(?:\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten|a\s+few)\s+\w+$)|at|dated|"
    r"during|as (?:of|on)|with effect from|w\.e\.f\.?|sometime in|some time in|by|for the period|during the period|"
    r"the period|le|en|au|el|en el|am|im|во|в)\s+"
)
_TRAIL = re.compile(r"\s+(?:को|में|से)$")


def clean(text: str) -> str:
    """Lower-case, Unicode-normalise, unify dashes, collapse spaces, drop edge punctuation, a
    possessive and a leading preposition ('on', 'in', 'dated', 'as of'...)."""
    if not text.isascii():
        text = _DASHES.sub("-", unicodedata.normalize("NFKC", text))
    text = " ".join(text.lower().split())
    if "'" in text or "’" in text:
        text = _POSSESSIVE.sub("", text)
    if text[:1] in _EDGE_CHARACTERS or text[-1:] in _EDGE_CHARACTERS:
        text = text.strip(" .,;:") if text.endswith(")") else _EDGES.sub("", text)
    lead = _LEAD.match(text)
    if lead:
        text = text[lead.end():]
    return _TRAIL.sub("", text) if not text.isascii() else text


WEEKDAY_WORDS = tuple(name.lower() for name in WEEKDAY_NAMES)


def close_to_a_name(word: str) -> bool:
    """Whether a word is, or is nearly, a month or weekday name (a misspelling must not be skipped)."""
    lowered = word.lower().strip(".,")
    return any(difflib.get_close_matches(lowered, names, n=1, cutoff=0.75)
               for names in (FULL_MONTH_NAMES, WEEKDAY_WORDS, tuple(SUGGESTIBLE_MONTHS)))


def unreadable(text: str) -> str:
    """The message for text no rule reads, with a suggestion when a word is a misspelt name."""
    message = f"cannot read '{text}' as a date"
    for word in re.findall(r"[^\W\d_]{4,}", text):
        lowered = word.lower()
        if lowered in SUGGESTIBLE_MONTHS or lowered in WEEKDAY_WORDS:
            continue
        for kind, names in (("month", FULL_MONTH_NAMES), ("weekday", WEEKDAY_WORDS), ("month", SUGGESTIBLE_MONTHS)):
            guess = difflib.get_close_matches(lowered, names, n=1, cutoff=0.75)
            if guess:
                return f"{message}: '{word}' is not a {kind}; did you mean {guess[0].capitalize()}?"
    return message
