"""Markdown to sanitised HTML: the one place where rendered text is marked safe."""

from __future__ import annotations

import functools
import html
import re
from dataclasses import dataclass

import nh3
from markupsafe import Markup

from dateline.converter import markdown_html, simple_html

_TAGS = nh3.ALLOWED_TAGS | {"section", "figure", "figcaption"}
_ATTRIBUTES = {
    **{tag: set(attrs) for tag, attrs in nh3.ALLOWED_ATTRIBUTES.items()},
    "*": {"id", "class", "title", "lang"},
    "a": {"href", "hreflang", "title"},
}
_SCHEMES = {"http", "https", "mailto"}
# Built once: nh3.clean() would build the same allow-lists again for every body (three times the cost).
_CLEANER = nh3.Cleaner(tags=_TAGS, attributes=_ATTRIBUTES, url_schemes=_SCHEMES)


def sanitise(fragment: str) -> Markup:
    """Keep what Markdown legitimately makes; drop scripts, event handlers and unsafe URLs."""
    return Markup(_CLEANER.clean(fragment))


@dataclass(frozen=True)
class Rendered:
    """A body as safe HTML, and the addresses of the outside images it linked instead of showing."""

    html: Markup
    outside_images: tuple[str, ...]


_IMAGE = re.compile(r"<img\b[^>]*>", re.IGNORECASE)
_ATTRIBUTE = re.compile(r"""\b(src|alt)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))""", re.IGNORECASE)
_ABSOLUTE = re.compile(r"^\s*(?:[a-z][a-z0-9+.-]*:|//)", re.IGNORECASE)


def _outside_images_as_links(fragment: str) -> tuple[str, tuple[str, ...]]:
    """Images from other sites would make every reader's browser fetch them: they become links."""
    found: list[str] = []

    def replace(match: re.Match[str]) -> str:
        attributes = {m[1].lower(): html.unescape(m[2] or m[3] or m[4] or "") for m in _ATTRIBUTE.finditer(match[0])}
        source = attributes.get("src", "")
        if not _ABSOLUTE.match(source):
            return match[0]
        found.append(source)
        label = attributes.get("alt") or "image"
        return f'<a href="{html.escape(source)}">{html.escape(label)}</a>'

    return _IMAGE.sub(replace, fragment), tuple(found)


def render_markdown(text: str) -> Rendered:
    """A Markdown body as safe HTML."""
    simple = simple_html(text)
    if simple is not None and "\xa0" not in simple:
        # Only <p>, <ul>, <li>, <em> and <strong> around text without `<`, `>` or `&`: the
        # sanitiser would give it back as it is (it writes a no-break space as an entity).
        return Rendered(Markup(simple), ())
    fragment, outside = _outside_images_as_links(simple if simple is not None else markdown_html(text))
    return Rendered(sanitise(fragment), outside)


_TAG = re.compile(r"<[^>]+>")


def plain_text(fragment: str) -> str:
    """The readable text of an HTML fragment, for searching quotes in it."""
    return html.unescape(_TAG.sub("", fragment))


@functools.lru_cache(maxsize=256)  # the data files that show a body take a stretch of events each in turn
def body_words(fragment: str) -> str:
    """The readable text of an HTML fragment, its words separated by single spaces."""
    return " ".join(plain_text(fragment).split())
