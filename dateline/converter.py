"""Markdown to HTML with Python-Markdown ("extra" and "sane_lists"), doing only the work a body needs.

Most bodies are prose: no table, footnote, fenced code, definition list, attribute list,
abbreviation or raw HTML, and most of their paragraphs have no inline markup at all. Two shortcuts
give exactly the HTML of the full converter at less than half its cost:

- a body with none of the characters the "extra" extensions look for is converted without them
  (they would find nothing, but each costs its passes over the text);
- a run of text with none of the characters an inline pattern starts with skips the fourteen
  inline patterns (each a regular-expression search of the text).

tests/test_converter.py holds both to the full converter, on generated and on real bodies.
"""

from __future__ import annotations

import re
from collections.abc import Callable

import markdown
from markdown.treeprocessors import InlineProcessor

EXTENSIONS = ("extra", "sane_lists")

# What each "extra" extension needs to find something: md_in_html '<', attr_list '{', tables '|'
# (and its escape '\|'), fenced_code '```' or '~~~', footnotes '[^' (and its placeholders, made
# of STX and ETX), abbr '*[', def_list a line opening with ':'.
_EXTRA_CHARACTERS = re.compile(r"[<{|\\`~\x02\x03]")
_DEFINITION = re.compile(r"(?:^|[\r\n])[ \t]*:")


def needs_extra(text: str) -> bool:
    """Whether an "extra" extension could find something in `text` (a character class and
    substrings first: one regular expression of all the cases is six times slower)."""
    return bool(_EXTRA_CHARACTERS.search(text) or "[^" in text or "*[" in text
                or (":" in text and _DEFINITION.search(text)))


# What an inline pattern of the core starts with: backtick '`', escape '\', links and images '[',
# autolinks and raw HTML '<', entities '&', emphasis '*' and '_', a line break two spaces and a
# newline; and the placeholders of stashed HTML (STX).
INLINE_PATTERNS = ("backtick", "escape", "reference", "link", "image_link", "image_reference", "short_reference",
                   "short_image_ref", "autolink", "automail", "linebreak", "html", "entity", "em_strong")
_INLINE_CHARACTERS = re.compile(r"[`\\\[<&*_\x02]")
INLINE_PRIORITY = 20  # where Python-Markdown registers its inline processor


# The processor's own (name-mangled) method, which the shortcut hands every text it cannot skip.
_handle_inline: Callable[[InlineProcessor, str, int], str] = vars(InlineProcessor)["_InlineProcessor__handleInline"]


class _ProseInlineProcessor(InlineProcessor):
    """Python-Markdown's inline processor, which hands back a text with nothing to match as it is."""

    def _InlineProcessor__handleInline(self, data: str, patternIndex: int = 0) -> str:  # noqa: N802, N803
        if patternIndex == 0 and not _INLINE_CHARACTERS.search(data) and "  \n" not in data:
            return data
        return _handle_inline(self, data, patternIndex)


def full_converter() -> markdown.Markdown:
    """The converter that defines the output: Python-Markdown with every extension the content may use."""
    return markdown.Markdown(extensions=list(EXTENSIONS), output_format="html")


def prose_converter() -> markdown.Markdown:
    """The converter for bodies without "extra" syntax, with the inline shortcut in place."""
    converter = markdown.Markdown(extensions=["sane_lists"], output_format="html")
    converter.treeprocessors.register(_ProseInlineProcessor(converter), "inline", INLINE_PRIORITY)
    return converter


_full = full_converter()
_prose = prose_converter()


def to_html(text: str) -> str:
    """A Markdown body as HTML, exactly as `full_converter()` makes it."""
    converter = _full if needs_extra(text) else _prose
    converter.reset()
    return converter.convert(text)
