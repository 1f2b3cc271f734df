"""Words for months, weekdays, numbers and time zones, and the regex fragments built from them."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable

from dateline.dates.value import DateError

# Month names by language, each month a tuple of spellings (abbreviations included).
_MONTH_SPELLINGS: tuple[tuple[tuple[str, ...], ...], ...] = (
    (  # English
        ("january", "jan"), ("february", "feb", "febr"), ("march", "mar"), ("april", "apr"), ("may",),
        ("june", "jun"), ("july", "jul"), ("august", "aug"), ("september", "sep", "sept"),
        ("october", "oct"), ("november", "nov"), ("december", "dec"),
    ),
    (  # French
        ("janvier", "janv"), ("février", "fevrier", "févr", "fevr"), ("mars",), ("avril", "avr"), ("mai",),
        ("juin",), ("juillet", "juil"), ("août", "aout"), ("septembre",), ("octobre",),
        ("novembre",), ("décembre", "decembre", "déc"),
    ),
    (  # Spanish
        ("enero", "ene"), ("febrero",), ("marzo",), ("abril", "abr"), ("mayo",), ("junio",), ("julio",),
        ("agosto", "ago"), ("septiembre", "setiembre"), ("octubre",), ("noviembre",), ("diciembre", "dic"),
    ),
    (  # German
        ("januar", "jänner"), ("februar",), ("märz", "maerz"), ("april",), ("mai",), ("juni",), ("juli",),
        ("august",), ("september",), ("oktober", "okt"), ("november",), ("dezember", "dez"),
    ),
    (  # Russian: nominative, genitive and prepositional
        ("январь", "января", "январе"), ("февраль", "февраля", "феврале"), ("март", "марта", "марте"),
        ("апрель", "апреля", "апреле"), ("май", "мая", "мае"), ("июнь", "июня", "июне"),
        ("июль", "июля", "июле"), ("август", "августа", "августе"), ("сентябрь", "сентября", "сентябре"),
        ("октябрь", "октября", "октябре"), ("ноябрь", "ноября", "ноябре"), ("декабрь", "декабря", "декабре"),
    ),
    (  # Hindi: both the anusvara and the conjunct spellings
        ("जनवरी",), ("फ़रवरी", "फरवरी"), ("मार्च",), ("अप्रैल", "अप्रेल"), ("मई",), ("जून",),
        ("जुलाई",), ("अगस्त",), ("सितंबर", "सितम्बर"), ("अक्टूबर", "अक्तूबर"),
        ("नवंबर", "नवम्बर"), ("दिसंबर", "दिसम्बर"),
    ),
)
MONTHS: dict[str, int] = {
    word: number
    for language in _MONTH_SPELLINGS
    for number, words in enumerate(language, start=1)
    for word in words
}
FULL_MONTH_NAMES = tuple(words[0] for words in _MONTH_SPELLINGS[0])
# Every full name, for suggestions when a month is misspelt.
SUGGESTIBLE_MONTHS = {words[0]: number for language in _MONTH_SPELLINGS
                      for number, words in enumerate(language, start=1)}

_ENGLISH_WEEKDAYS = (
    ("monday", "mon"), ("tuesday", "tue", "tues"), ("wednesday", "wed", "weds"),
    ("thursday", "thu", "thur", "thurs"), ("friday", "fri"), ("saturday", "sat"), ("sunday", "sun"),
)
_OTHER_WEEKDAYS = (
    ("lundi", "lunes", "montag", "понедельник", "सोमवार"),
    ("mardi", "martes", "dienstag", "вторник", "मंगलवार"),
    ("mercredi", "miércoles", "miercoles", "mittwoch", "среда", "среду", "बुधवार"),
    ("jeudi", "jueves", "donnerstag", "четверг", "गुरुवार", "बृहस्पतिवार"),
    ("vendredi", "viernes", "freitag", "пятница", "пятницу", "शुक्रवार"),
    ("samedi", "sábado", "sabado", "samstag", "суббота", "субботу", "शनिवार"),
    ("dimanche", "domingo", "sonntag", "воскресенье", "रविवार"),
)
WEEKDAYS: dict[str, int] = {
    word: number
    for table in (_ENGLISH_WEEKDAYS, _OTHER_WEEKDAYS)
    for number, words in enumerate(table)
    for word in words
}
WEEKDAY_NAMES = tuple(words[0].capitalize() for words in _ENGLISH_WEEKDAYS)
# Japanese and Korean weekday characters, as printed in brackets after a date: （木）, (목).
CJK_WEEKDAYS = {char: number for number, char in enumerate("月火水木金土日")}
CJK_WEEKDAYS.update({char: number for number, char in enumerate("월화수목금토일")})

NUMBER_WORDS: dict[str, int] = {
    word: number
    for number, word in enumerate(
        ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven",
         "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen", "twenty"]
    )
}
NUMBER_WORDS.update({"thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80,
                     "ninety": 90, "hundred": 100, "a hundred": 100, "a": 1, "an": 1, "a couple of": 2,
                     "couple of": 2, "a dozen": 12})

ORDINAL_WORDS: dict[str, int] = {
    word: number
    for number, word in enumerate(
        ["first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth",
         "eleventh", "twelfth", "thirteenth", "fourteenth", "fifteenth", "sixteenth", "seventeenth",
         "eighteenth", "nineteenth", "twentieth", "twenty-first"],
        start=1,
    )
}

DECADE_WORDS = {"twenties": 20, "thirties": 30, "forties": 40, "fifties": 50, "sixties": 60,
                "seventies": 70, "eighties": 80, "nineties": 90}

SEASONS = {"spring": "spring", "summer": "summer", "autumn": "autumn", "fall": "autumn", "winter": "winter",
           "printemps": "spring", "été": "summer", "ete": "summer", "automne": "autumn", "hiver": "winter",
           "primavera": "spring", "verano": "summer", "otoño": "autumn", "otono": "autumn", "invierno": "winter"}

# Zone abbreviations that are unambiguous in diplomatic and news sources. IST is India's here.
ZONES: dict[str, dt.timedelta] = {
    name: dt.timedelta(minutes=minutes)
    for name, minutes in {
        "utc": 0, "gmt": 0, "z": 0, "ist": 330, "jst": 540, "kst": 540, "bst": 60, "cet": 60, "cest": 120,
        "eet": 120, "eest": 180, "msk": 180, "gst": 240, "pkt": 300, "npt": 345, "sgt": 480, "hkt": 480,
        "pht": 480, "awst": 480, "aest": 600, "aedt": 660, "nzst": 720, "nzdt": 780,
        "est": -300, "edt": -240, "cdt": -300, "mst": -420, "mdt": -360, "pst": -480, "pdt": -420,
    }.items()
}


# "<place> time" for places whose clocks do not change with the seasons.
PLACE_TIMES: dict[str, dt.timedelta] = {
    name: dt.timedelta(minutes=minutes)
    for names, minutes in (
        (("india", "indian", "delhi", "new delhi", "indian standard"), 330),
        (("japan", "japanese", "tokyo", "japan standard"), 540),
        (("korea", "korean", "seoul", "korea standard"), 540),
        (("china", "chinese", "beijing", "china standard", "hong kong", "taipei", "manila", "singapore"), 480),
        (("moscow",), 180), (("gulf", "dubai", "abu dhabi"), 240), (("pakistan", "islamabad"), 300),
        (("nepal", "kathmandu"), 345), (("bangladesh", "dhaka"), 360), (("bangkok", "jakarta", "hanoi"), 420),
        (("greenwich", "universal", "coordinated universal"), 0),
    )
    for name in names
}


Trie = dict[str, "Trie"]  # a letter to the words that continue with it; "" marks a word's end


def alternation(words: Iterable[str]) -> str:
    """A regex matching any of the words, longest first ('sept' before 'sep'), written as a trie
    ('j(?:an(?:uary)?|une?|...)') so that a non-matching text is rejected at its first letters."""
    trie: Trie = {}
    for word in set(words):
        node = trie
        for character in word:
            node = node.setdefault(character, {})
        node[""] = {}
    return "(?:" + _trie_pattern(trie) + ")"


def _trie_pattern(node: Trie) -> str:
    branches = sorted((key for key in node if key), key=lambda key: -_depth(node[key]))
    parts = [re.escape(key) + _trie_pattern(node[key]) for key in branches]
    if not parts:
        return ""
    body = parts[0] if len(parts) == 1 else "(?:" + "|".join(parts) + ")"
    return f"(?:{body})?" if "" in node else body


def _depth(node: Trie) -> int:
    return 1 + max((_depth(child) for key, child in node.items() if key), default=0)


def lookup(table: dict[str, int], word: str, kind: str) -> int:
    """The number a word stands for in `table`; DateError when it is not there."""
    key = word.lower().rstrip(".")
    if key not in table:
        raise DateError(f"'{word}' is not a {kind}")
    return table[key]


def number(word: str) -> int:
    """'70' -> 70, 'seventy' -> 70, 'twenty-five' -> 25, 'a' -> 1."""
    key = " ".join(word.lower().split())
    if key.isdigit():
        return int(key)
    if key in NUMBER_WORDS:
        return NUMBER_WORDS[key]
    parts = re.split(r"[\s-]+", key)
    if len(parts) == 2 and all(p in NUMBER_WORDS for p in parts):
        return NUMBER_WORDS[parts[0]] + NUMBER_WORDS[parts[1]]
    raise DateError(f"'{word}' is not a number")


def ordinal(word: str) -> int:
    """'7th' -> 7, 'seventh' -> 7, '1er' -> 1."""
    key = word.lower()
    if key in ORDINAL_WORDS:
        return ORDINAL_WORDS[key]
    digits = re.match(r"\d+", key)
    if digits is None:
        raise DateError(f"'{word}' is not an ordinal")
    return int(digits.group())


_NUMBER = alternation(NUMBER_WORDS)
TOKENS = {
    "%MONTH%": alternation(MONTHS) + r"\.?",
    "%WEEKDAY%": alternation(WEEKDAYS) + r"\.?",
    "%NUMBER%": rf"(?:\d+|{_NUMBER}(?:[\s-]{_NUMBER})?)",
    "%ORD%": r"(?:st|nd|rd|th|er)?",
    "%DAY%": r"(?:0?[1-9]|[12]\d|3[01])",
    "%YEAR%": r"(?:\d{4})",
}


def expand(pattern: str) -> str:
    """Replace %MONTH%, %WEEKDAY%, %NUMBER%, %ORD%, %DAY% and %YEAR% in a rule's pattern."""
    for token, fragment in TOKENS.items():
        pattern = pattern.replace(token, fragment)
    return pattern
