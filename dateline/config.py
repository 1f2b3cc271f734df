"""Site settings from site.toml, typed and checked, with problems reported by line."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from dateline.errors import Diagnostics


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
}
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


def _line_of(text: str, key: str) -> int:
    for number, line in enumerate(text.splitlines(), start=1):
        if line.split("=", 1)[0].strip() == key:
            return number
    return 1
