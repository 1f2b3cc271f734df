"""Markdown to sanitised HTML: the one place where rendered text is marked safe."""

from __future__ import annotations

import html
import re

import markdown
import nh3
from markupsafe import Markup

_TAGS = nh3.ALLOWED_TAGS | {"section", "figure", "figcaption"}
_ATTRIBUTES = {
    **{tag: set(attrs) for tag, attrs in nh3.ALLOWED_ATTRIBUTES.items()},
    "*": {"id", "class", "title", "lang"},
    "a": {"href", "hreflang", "title"},
}
_SCHEMES = {"http", "https", "mailto"}
_converter = markdown.Markdown(extensions=["extra", "sane_lists"], output_format="html")


def sanitise(fragment: str) -> Markup:
    """Keep what Markdown legitimately makes; drop scripts, event handlers and unsafe URLs."""
    return Markup(nh3.clean(fragment, tags=_TAGS, attributes=_ATTRIBUTES, url_schemes=_SCHEMES))


def render_markdown(text: str) -> Markup:
    """A Markdown body as safe HTML."""
    _converter.reset()
    return sanitise(_converter.convert(text))


_TAG = re.compile(r"<[^>]+>")


def plain_text(fragment: str) -> str:
    """The readable text of an HTML fragment, for searching quotes in it."""
    return html.unescape(_TAG.sub("", fragment))
