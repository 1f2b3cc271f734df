"""Markdown to HTML with Python-Markdown ("extra" and "sane_lists"), doing only the work a body needs.

Most bodies are prose: no table, footnote, fenced code, definition list, attribute list,
abbreviation or raw HTML, and most of their paragraphs have no inline markup at all. Five
shortcuts give exactly the HTML of the full converter at about a quarter of its cost on such a
body (a tenth of it on a simple body), each by not running a search that cannot find anything:

- a body of paragraphs, lists of one-line items and `*` or `**` emphasis, with no character
  any other pattern, the HTML writer or the whitespace clean-up acts on, is made without
  Python-Markdown: each block between blank lines a `<ul>` of its items or a `<p>` of its text;
- a body with none of the characters the "extra" extensions look for is converted without them
  (they would find nothing, but each costs its passes over the text);
- a block (a paragraph, a list) is tested against a core block processor only when it holds the
  text that processor's pattern cannot match without (`#` for a heading, `>` for a quote...);
- a run of text is searched for an inline pattern only when it holds the character that pattern
  starts with (and skips all fourteen when it holds none);
- a body without `<` is not searched for blocks of raw HTML.

tests/test_converter.py holds them to the full converter, on generated and on real bodies.
"""

from __future__ import annotations

import importlib
import re
from collections.abc import Callable, Sequence
from xml.etree.ElementTree import Element

import markdown
from markdown.blockprocessors import BlockProcessor
from markdown.extensions.extra import extensions as extra_extensions
from markdown.inlinepatterns import Pattern
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


# What the pattern of a core block processor cannot match without, with the processor's priority:
# a heading '#' or a line opening with '=' or '-' under a first line; a quote '>'; a link
# reference ']:' (its test passes every block, its run searches); a rule three '-', '_' or '*'
# with at most two spaces between them (so two of them at least that close).
BLOCK_NEEDS: dict[str, tuple[int, tuple[str, ...]]] = {
    "hashheader": (70, ("#",)),
    "setextheader": (60, ("\n=", "\n-")),
    "hr": (50, tuple(f"{mark}{gap}{mark}" for mark in "-_*" for gap in ("", " ", "  "))),
    "quote": (20, (">",)),
    "reference": (15, ("]:",)),
}

# What an inline pattern of the core starts with: backtick '`', escape '\', links and images '[',
# autolinks and raw HTML '<', entities '&', emphasis '*' and '_', a line break two spaces and a
# newline. A run of text with none of them (nor the placeholders of stashed HTML, STX) skips them all.
INLINE_NEEDS: dict[str, tuple[str, ...]] = {
    "backtick": ("`",), "escape": ("\\",), "reference": ("[",), "link": ("[",), "image_link": ("[",),
    "image_reference": ("[",), "short_reference": ("[",), "short_image_ref": ("[",), "autolink": ("<",),
    "automail": ("<",), "linebreak": ("  \n",), "html": ("<",), "entity": ("&",), "em_strong": ("*", "_"),
}
_INLINE_CHARACTERS = re.compile(r"[`\\\[<&*_\x02]")
INLINE_PRIORITY = 20  # where Python-Markdown registers its inline processor


def _finder(needs: tuple[str, ...]) -> Callable[[str], re.Match[str] | None]:
    """A search for any of `needs` (one regular expression: cheaper than a loop over substrings)."""
    return re.compile("|".join(re.escape(need) for need in needs)).search


class _Prechecked(BlockProcessor):
    """A core block processor whose test first looks for what its pattern cannot match without."""

    def __init__(self, inner: BlockProcessor, needs: tuple[str, ...]) -> None:
        super().__init__(inner.parser)
        self.inner = inner
        self.find = _finder(needs)

    def test(self, parent: Element, block: str) -> bool:
        return self.find(block) is not None and self.inner.test(parent, block)

    def run(self, parent: Element, blocks: list[str]) -> bool | None:
        return self.inner.run(parent, blocks)


# The processor's own (name-mangled) methods, which the shortcut hands every text it cannot skip.
_handle_inline: Callable[[InlineProcessor, str, int], str] = vars(InlineProcessor)["_InlineProcessor__handleInline"]
_apply_pattern: Callable[[InlineProcessor, Pattern, str, int, int], tuple[str, bool, int]] = (
    vars(InlineProcessor)["_InlineProcessor__applyPattern"])


class _ShortInlineProcessor(InlineProcessor):
    """Python-Markdown's inline processor, which does not search a text for a pattern it cannot hold."""

    def __init__(self, md: markdown.Markdown) -> None:
        super().__init__(md)
        self.finders = {md.inlinePatterns[name]: _finder(needs) for name, needs in INLINE_NEEDS.items()
                        if name in md.inlinePatterns}

    def _InlineProcessor__handleInline(self, data: str, patternIndex: int = 0) -> str:  # noqa: N802, N803
        if patternIndex == 0 and not _INLINE_CHARACTERS.search(data) and "  \n" not in data:
            return data
        return _handle_inline(self, data, patternIndex)

    def _InlineProcessor__applyPattern(self, pattern: Pattern, data: str, patternIndex: int,  # noqa: N802, N803
                                       startIndex: int = 0) -> tuple[str, bool, int]:  # noqa: N803
        find = self.finders.get(pattern)
        if find is not None and find(data) is None:
            return data, False, 0  # what the processor returns when the pattern does not match
        return _apply_pattern(self, pattern, data, patternIndex, startIndex)


def full_converter() -> markdown.Markdown:
    """The converter that defines the output: Python-Markdown with every extension the content may use."""
    return markdown.Markdown(extensions=list(EXTENSIONS), output_format="html")


def built(names: Sequence[str]) -> markdown.Markdown:
    """Python-Markdown with the extensions named, "extra" as the ones it registers in its order:
    given as instances, made from their modules. (Given by name, Python-Markdown looks each one up
    among the entry points of every installed package, 20 ms at every start.)"""
    expanded = [part for name in names for part in (extra_extensions if name == "extra" else [name])]
    instances = [importlib.import_module(f"markdown.extensions.{name}").makeExtension() for name in expanded]
    return markdown.Markdown(extensions=instances, output_format="html")


def with_shortcuts(converter: markdown.Markdown) -> markdown.Markdown:
    """`converter` with the block and inline shortcuts in place."""
    blocks = converter.parser.blockprocessors
    for name, (priority, needs) in BLOCK_NEEDS.items():
        blocks.register(_Prechecked(blocks[name], needs), name, priority)
    converter.treeprocessors.register(_ShortInlineProcessor(converter), "inline", INLINE_PRIORITY)
    return converter


def prose_converter() -> markdown.Markdown:
    """The converter for bodies without "extra" syntax, which have no `<` either: without the
    preprocessor that looks for blocks of raw HTML (it runs an HTML parser over the whole text)."""
    converter = with_shortcuts(built(["sane_lists"]))
    converter.preprocessors.deregister("html_block")
    return converter


# What could make a body more than paragraphs, flat lists and asterisk emphasis, or its text
# change on the way to HTML: a character another pattern, the HTML writer or the whitespace
# clean-up acts on (with `#` for a heading, `>` a quote, every control character but the
# newline); a space ending a line (a line break, or a line of spaces); a line opening with a
# mark of another block (a digit for a numbered list), or indented as code; after up to three
# spaces, a mark of a list or a definition; an item that holds a block (a list, a
# number) or opens with a space. (An asterisk that opens a list or a rule is not emphasis: see
# `_emphasised`.)
# (Three searches: the characters, the spaces, and the openings, each after a newline; one
# regular expression of them all would be tried at every character, five times as slow.)
_NOT_SIMPLE = re.compile(r"[`\\_\[\]<>&#{}|~\x00-\x09\x0b-\x1f\x7f]")
_NOT_SIMPLE_OPENING = re.compile(r"\n(?:[+=:\d]| {4}| {1,3}[-+:\d]|-(?! [^ \-+\d]))")
_ITEM = "- "
_STARS = re.compile(r"\*+")


def simple_html(text: str) -> str | None:
    """A body of paragraphs, lists of one-line items and `*` or `**` emphasis, as HTML exactly as
    the converters make it (see docs/architecture.md); None for any other body."""
    if _NOT_SIMPLE.search(text) or " \n" in text or text.endswith(" ") or _NOT_SIMPLE_OPENING.search("\n" + text):
        return None
    html: list[str] = []
    after_list = False
    for block in (text + "\n\n").split("\n\n"):
        if not block.strip():
            continue
        block = block.lstrip("\n")  # what blank lines beyond the first leave (not other whitespace)
        made = _list(block, after_list) if block.startswith(_ITEM) else _paragraph(block)
        if made is None:
            return None
        html.append(made)
        after_list = block.startswith(_ITEM)
    return "\n".join(html)


def _list(block: str, after_list: bool) -> str | None:
    """A list of one item per line; None after a list (the two would make one of loose items)
    or when a line is not an item (it would continue the one before)."""
    lines = block.split("\n")
    if after_list or not all(line.startswith(_ITEM) for line in lines):
        return None
    texts = [_emphasised(line[len(_ITEM):].lstrip()) for line in lines]
    if None in texts:
        return None
    return "<ul>\n" + "".join(f"<li>{text}</li>\n" for text in texts) + "</ul>"


def _paragraph(block: str) -> str | None:
    """A paragraph of the block's text less its leading whitespace; None when a line under the
    first is an item (the block would be a paragraph, but not one this check covers)."""
    if "\n" + _ITEM in block:
        return None
    text = _emphasised(block.lstrip())
    return None if text is None else f"<p>{text}</p>"


def _emphasised(text: str) -> str | None:
    """A paragraph's or an item's text with each pair of `*` or of `**` as <em> or <strong>; None
    when its asterisks are anything else: unpaired, nested, three or more, or with a space inside
    the pair (Python-Markdown keeps an asterisk between spaces as it is)."""
    if "*" not in text:
        return text
    pieces: list[str] = []
    done = 0
    opening: re.Match[str] | None = None
    for run in _STARS.finditer(text):
        if opening is None:
            if len(run[0]) > 2 or run.end() == len(text) or text[run.end()].isspace():
                return None
            opening = run
        elif run[0] != opening[0] or text[run.start() - 1].isspace():
            return None
        else:
            tag = "em" if len(run[0]) == 1 else "strong"
            pieces += (text[done:opening.start()], f"<{tag}>", text[opening.end():run.start()], f"</{tag}>")
            done, opening = run.end(), None
    if opening is not None:
        return None
    pieces.append(text[done:])
    return "".join(pieces)


_full = with_shortcuts(built(EXTENSIONS))
_prose = prose_converter()


def to_html(text: str) -> str:
    """A Markdown body as HTML, exactly as `full_converter()` makes it."""
    simple = simple_html(text)
    return simple if simple is not None else markdown_html(text)


def markdown_html(text: str) -> str:
    """A Markdown body as HTML, made by Python-Markdown (with the shortcuts that apply)."""
    converter = _full if needs_extra(text) else _prose
    converter.reset()
    return converter.convert(text)
