"""Site settings from site.toml, typed and checked, with problems reported by line."""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from dateline.dates import DateError, DateValue, normalise
from dateline.errors import Diagnostics
from dateline.selection import Selection
from dateline.slugs import slugify


@dataclass(frozen=True)
class Briefing:
    """A named slice of the timeline, published as one self-contained page and as Markdown."""

    name: str
    title: str
    selection: Selection
    line: int


@dataclass(frozen=True)
class SiteConfig:
    """Everything a build needs to know besides the content itself."""

    root: Path
    content_dir: Path
    templates_dir: Path
    output_dir: Path
    title: str = "Timeline"
    description: str = ""
    language: str = "en"
    day_first: bool | None = None
    base_url: str = ""
    briefings: tuple[Briefing, ...] = ()

    def display_path(self, path: Path) -> str:
        """A path as shown in messages: relative to the project root when it is inside it."""
        try:
            return path.resolve().relative_to(self.root.resolve()).as_posix()
        except ValueError:
            return path.as_posix()


_SETTINGS: dict[str, type] = {
    "title": str,
    "description": str,
    "language": str,
    "day_first": bool,
    "content_dir": str,
    "templates_dir": str,
    "output_dir": str,
    "base_url": str,
    "briefings": dict,
}
_BRIEFING_KEYS = {"title": str, "tags": list, "people": list, "places": list, "from": str, "to": str}
_DEFAULT_DIRS = {"content_dir": "content", "templates_dir": "templates", "output_dir": "site"}


def load_config(path: Path, diagnostics: Diagnostics, **overrides: Any) -> SiteConfig:
    """Read site.toml (which may be absent); problems go to `diagnostics`, defaults fill the gaps.

    `overrides` (from the command line) win over the file; folders are relative to its folder.
    """
    root = path.parent
    text = path.read_text(encoding="utf-8") if path.exists() else ""
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        diagnostics.error(path.name, getattr(exc, "lineno", 1) or 1, f"not valid TOML: {exc}")
        data = {}
    values = {**_DEFAULT_DIRS, **_checked(data, text, path.name, diagnostics)}
    values["briefings"] = _briefings(values.get("briefings", {}), text, path.name, diagnostics)
    if values.get("base_url") and not re.match(r"https?://", values["base_url"]):
        diagnostics.error(path.name, _line_of(text, "base_url"), "base_url must start with http:// or https://")
        del values["base_url"]
    values.update({key: value for key, value in overrides.items() if value is not None})
    for key in _DEFAULT_DIRS:
        values[key] = root / Path(values[key])
    return SiteConfig(root=root, **values)


def _checked(data: dict[str, Any], text: str, shown: str, diagnostics: Diagnostics) -> dict[str, Any]:
    values: dict[str, Any] = {}
    for key, value in data.items():
        line = _line_of(text, key)
        expected = _SETTINGS.get(key)
        if expected is None:
            diagnostics.warning(shown, line, f"unknown setting '{key}' (known: {', '.join(sorted(_SETTINGS))})")
        elif not isinstance(value, expected):
            diagnostics.error(shown, line, f"'{key}' must be a {expected.__name__}")
        else:
            values[key] = value
    return values


def _briefings(tables: dict[str, Any], text: str, shown: str, diagnostics: Diagnostics) -> tuple[Briefing, ...]:
    briefings = []
    for name, table in sorted(tables.items()):
        line = _line_of(text, f"[briefings.{name}]")
        if not isinstance(table, dict):
            diagnostics.error(shown, line, f"briefings.{name} must be a table: [briefings.{name}]")
            continue
        briefing = _briefing(name, table, line, text, shown, diagnostics)
        if briefing is not None:
            briefings.append(briefing)
    return tuple(briefings)


def _briefing(name: str, table: dict[str, Any], line: int, text: str, shown: str,
              diagnostics: Diagnostics) -> Briefing | None:
    errors = len(diagnostics.errors)
    if slugify(name) != name:
        diagnostics.error(shown, line, f"briefing name '{name}' must be lower case letters, digits and hyphens")
    for key, value in table.items():
        _check_briefing_key(key, value, _line_of(text, key, after=line), shown, diagnostics)
    window = {key: _bound(table, key, _line_of(text, key, after=line), shown, diagnostics) for key in ("from", "to")}
    if len(diagnostics.errors) > errors:
        return None
    start, end = window["from"], window["to"]
    selection = Selection(tuple(table.get("tags", ())), tuple(table.get("people", ())), tuple(table.get("places", ())),
                          start.start if start else None, end.end if end else None)
    return Briefing(name, str(table.get("title", name)), selection, line)


def _check_briefing_key(key: str, value: Any, line: int, shown: str, diagnostics: Diagnostics) -> None:
    expected = _BRIEFING_KEYS.get(key)
    if expected is None:
        diagnostics.warning(shown, line, f"unknown briefing setting '{key}' (known: {', '.join(_BRIEFING_KEYS)})")
    elif expected is list and not (isinstance(value, list) and all(isinstance(item, str) for item in value)):
        diagnostics.error(shown, line, f"'{key}' must be a list of strings")
    elif not isinstance(value, expected):
        diagnostics.error(shown, line, f"'{key}' must be a string")


def _bound(table: dict[str, Any], key: str, line: int, shown: str, diagnostics: Diagnostics) -> DateValue | None:
    """A briefing's 'from'/'to': a date in any absolute form the normaliser reads ('2022-09')."""
    if not isinstance(table.get(key), str):
        return None
    try:
        return normalise(table[key], anchor=None)
    except DateError as exc:
        diagnostics.error(shown, line, f"'{key}': {exc}")
        return None


def _line_of(text: str, key: str, *, after: int = 0) -> int:
    """The line that sets `key` (or opens table `key`), looking from line `after` on."""
    for number, line in enumerate(text.splitlines(), start=1):
        if number > after and (line.strip() == key or line.split("=", 1)[0].strip() == key):
            return number
    return 1
