"""Write a deterministic synthetic timeline: `python -m bench.generate N OUT`.

N events with 150-300-word Markdown bodies, 1-3 tags out of 100, places, people, one or two
sources each (one source per five events, each with a dateline), and `When:` expressions of many
kinds the normaliser reads, the relative ones resolved against their first source's dateline.
Events spread over 1950-2026. The same N always gives the same bytes.
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import shutil
from collections.abc import Callable
from pathlib import Path

from dateline.dates.calendars import SAKA_MONTH_NAMES
from dateline.dates.labels import MONTH_NAMES

WORDS = (
    "minister delegation bilateral cooperation strategic partnership dialogue security maritime "
    "defence trade investment agreement framework summit talks memorandum exercise naval joint "
    "statement region stability climate energy supply chain technology connectivity infrastructure "
    "development review consultations visit counterpart ministry officials framework roadmap "
    "implementation commitment peace prosperity rules-based order sovereignty capacity building "
    "humanitarian assistance relief students culture exchange tourism health vaccine digital space "
    "research innovation industry"
).split()
TAGS = [f"{a} {b}" for a in ("defence", "trade", "climate", "maritime", "energy", "health", "space", "cyber",
                              "culture", "finance") for b in ("talks", "agreement", "exercise", "visit", "summit",
                                                             "dialogue", "statement", "review", "forum", "mission")]
PLACES = [f"{city}, {country}" for country, cities in (
    ("India", ("New Delhi", "Mumbai", "Chennai", "Kolkata", "Visakhapatnam", "Goa")),
    ("Japan", ("Tokyo", "Osaka", "Kyoto", "Hiroshima")), ("France", ("Paris", "Marseille")),
    ("United States", ("Washington", "New York")), ("Australia", ("Canberra", "Sydney")),
    ("Indonesia", ("Jakarta", "Bali")), ("Singapore", ("Singapore",)), ("Germany", ("Berlin", "Munich")),
    ("Brazil", ("Brasilia",)), ("South Africa", ("Pretoria", "Durban")), ("Vietnam", ("Hanoi",)),
    ("United Kingdom", ("London",)), ("Egypt", ("Cairo",)), ("Kenya", ("Nairobi",)), ("Chile", ("Santiago",)),
) for city in cities]
GIVEN = (
    "Asha Ravi Kenji Yuki Marie Jean Sarah Tom Ade Lina Omar Priya Arjun Mei Hana Carlos Ana Ivan "
    "Olga Ken"
).split()
FAMILY = (
    "Rao Sato Martin Dubois Smith Okafor Haddad Iyer Tanaka Silva Petrov Kumar Suzuki Ito Lee"
).split()
PUBLISHERS = ("Press Information Bureau", "Ministry of External Affairs", "Ministry of Foreign Affairs of Japan",
              "Prime Minister's Office", "Embassy Press Office", "Wire service")
FIRST, LAST = dt.date(1950, 1, 1), dt.date(2026, 12, 31)


def _date(rng: random.Random) -> dt.date:
    return FIRST + dt.timedelta(days=rng.randrange((LAST - FIRST).days))


def _long(day: dt.date) -> str:
    return f"{day.day} {MONTH_NAMES[day.month - 1]} {day.year}"


def _us(day: dt.date) -> str:
    return f"{MONTH_NAMES[day.month - 1]} {day.day:02d}, {day.year}"


def _saka(day: dt.date) -> str:
    """The Saka date of a Gregorian day (for datelines that print both calendars)."""
    leap = day.year % 4 == 0 and (day.year % 100 != 0 or day.year % 400 == 0)
    new_year = dt.date(day.year, 3, 21 if leap else 22)
    year = day.year - 78 if day >= new_year else day.year - 79
    start = new_year if day >= new_year else dt.date(day.year - 1, 3, 21 if _leap(day.year - 1) else 22)
    offset = (day - start).days
    lengths = [31 if _leap(start.year) else 30] + [31] * 5 + [30] * 6
    month = 0
    while offset >= lengths[month]:
        offset -= lengths[month]
        month += 1
    return f"{SAKA_MONTH_NAMES[month]} {offset + 1}, {year}"


def _leap(year: int) -> bool:
    return year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)


def dateline(rng: random.Random, day: dt.date) -> str:
    place = rng.choice(PLACES).split(",")[0]
    kind = rng.randrange(4)
    if kind == 0 and day.year >= 1957:
        return f"{place}, {_saka(day)} / {day:%A}, {_us(day)}"
    if kind == 1:
        return f"{place}, {_long(day)}"
    if kind == 2:
        return day.isoformat()
    return f"{place}, {_us(day)}"


# Each kind of When: a function of (random, the anchor) giving the text the event writes.
WHENS: tuple[Callable[[random.Random, dt.date], str], ...] = (
    lambda rng, a: _long(a - dt.timedelta(days=rng.randrange(0, 20))),
    lambda rng, a: _us(a - dt.timedelta(days=rng.randrange(0, 20))),
    lambda rng, a: (a - dt.timedelta(days=rng.randrange(0, 40))).isoformat(),
    lambda rng, a: f"{MONTH_NAMES[a.month - 1]} {a.year}",
    lambda rng, a: str(a.year - rng.randrange(0, 3)),
    lambda rng, a: f"in {MONTH_NAMES[rng.randrange(a.month)]} this year",
    lambda rng, a: "Later in the day",
    lambda rng, a: "yesterday",
    lambda rng, a: f"{rng.choice(('two', 'three', 'four'))} days ago",
    lambda rng, a: f"last {rng.choice(('Monday', 'Tuesday', 'Wednesday', 'Friday'))}",
    lambda rng, a: f"on the night of {_us(a - dt.timedelta(days=1))}",
    lambda rng, a: f"{rng.choice(('early', 'mid', 'late'))} {MONTH_NAMES[a.month - 1]} {a.year}",
    lambda rng, a: f"Q{(a.month - 1) // 3 + 1} {a.year}",
    lambda rng, a: f"{a.day}-{min(a.day + 2, 28)} {MONTH_NAMES[a.month - 1]} {a.year}" if a.day < 26 else _long(a),
    lambda rng, a: f"the {a.year // 10 * 10}s",
    lambda rng, a: "last month",
    lambda rng, a: "earlier this week",
    lambda rng, a: f"circa {a.year - rng.randrange(1, 10)}",
    lambda rng, a: f"{a:%A} evening",
)


def _sentence(rng: random.Random, length: int) -> str:
    words = [rng.choice(WORDS) for _ in range(length)]
    return " ".join(words).capitalize() + "."


def _body(rng: random.Random, words: int) -> str:
    paragraphs, written = [], 0
    while written < words:
        size = rng.randrange(30, 70)
        paragraphs.append(" ".join(_sentence(rng, rng.randrange(8, 16)) for _ in range(max(1, size // 12))))
        written += size
    paragraphs.insert(1, "- " + _sentence(rng, 8) + "\n- *" + _sentence(rng, 6) + "*")
    return "\n\n".join(paragraphs) + "\n"


def generate(count: int, out: Path, seed: int = 20220908) -> None:
    """Write `count` events and their sources into `out` (replaced if it exists)."""
    rng = random.Random(seed)
    if out.exists():
        shutil.rmtree(out)
    (out / "content" / "events").mkdir(parents=True)
    (out / "content" / "sources").mkdir(parents=True)
    sources = [_date(rng) for _ in range(max(1, count // 5))]
    quotes: dict[int, list[str]] = {index: [] for index in range(len(sources))}
    for number in range(count):
        first = rng.randrange(len(sources))
        cited = [first] + ([rng.randrange(len(sources))] if rng.random() < 0.3 else [])
        when = rng.choice(WHENS)(rng, sources[first])
        quote = f"Event {number} took place as reported: {_sentence(rng, 6)}"
        for index in cited:
            quotes[index].append(quote)
        _write_event(out, number, rng, when, [(f"source-{i:05d}", quote) for i in dict.fromkeys(cited)])
    for index, day in enumerate(sources):
        _write_source(out, index, rng, day, quotes[index])
    (out / "site.toml").write_text(f'title = "Synthetic timeline of {count} events"\nday_first = true\n')


def _write_event(out: Path, number: int, rng: random.Random, when: str, cites: list[tuple[str, str]]) -> None:
    tags = ", ".join(rng.sample(TAGS, rng.randrange(1, 4)))
    people = ", ".join(f"{rng.choice(GIVEN)} {rng.choice(FAMILY)}" for _ in range(rng.randrange(1, 3)))
    header = [f"Title: {_sentence(rng, rng.randrange(4, 9))[:-1]}", f"When: {when}",
              f"Where: {rng.choice(PLACES)}", f"Who: {people}", f"Tags: {tags}"]
    header += [f'Source: {source} "{quote}"' for source, quote in cites]
    text = "\n".join(header) + "\n\n" + _body(rng, rng.randrange(150, 301))
    (out / "content" / "events" / f"event-{number:06d}.md").write_text(text, encoding="utf-8")


def _write_source(out: Path, index: int, rng: random.Random, day: dt.date, quotes: list[str]) -> None:
    header = [f"Title: {_sentence(rng, 7)[:-1]}", f"Publisher: {rng.choice(PUBLISHERS)}", "Kind: press release",
              f"Dateline: {dateline(rng, day)}"]
    text = "\n".join(header) + "\n\n" + "\n\n".join(quotes or [_sentence(rng, 12)]) + "\n"
    (out / "content" / "sources" / f"source-{index:05d}.md").write_text(text, encoding="utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("count", type=int)
    parser.add_argument("out", type=Path)
    args = parser.parse_args()
    generate(args.count, args.out)
    print(f"wrote {args.count} events into {args.out}")


if __name__ == "__main__":
    main()
