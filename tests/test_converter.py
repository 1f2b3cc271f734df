"""The converter's shortcuts give exactly the HTML of Python-Markdown with every extension, on
generated Markdown of every construct and on every real body the project has."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import markdown
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from markdown.util import Registry

from bench.generate import generate
from dateline.converter import (
    BLOCK_NEEDS,
    EXTENSIONS,
    INLINE_NEEDS,
    built,
    full_converter,
    needs_extra,
    prose_converter,
    simple_html,
    to_html,
)
from dateline.markup import Rendered, render_markdown, sanitise
from tests.conftest import FIXTURES, ROOT

PIECES = [
    "word", "Tokyo", "2+2", " ", "  ", "    ", "\t", "\n", "\n\n", "  \n", "\r\n", "\r", "*", "**", "_", "__", "`",
    "```", "~~~", "[", "]", "(", ")", "![", "](http://example.org)", "<", ">", "&", "&amp;", "&#160;", "|", "{",
    "}", ":", ": ", "[^1]", "[^1]: note", "*[MoD]: Ministry", "MoD", "#", "## ", "-", "- ", "+ ", "1. ", "2) ",
    "> ", "---", "===", "\\", "\\*", "<b>", "</b>", "<div>", "</div>", '<div markdown="1">', "{: .lead }",
    "<http://example.org>", "<a@b.org>", "'", '"', "\x02", "\x03", "é", "—",
]
CONSTRUCTS = [  # whole constructs of each "extra" extension, which pieces alone seldom make
    "| a | b |\n|---|---|\n| 1 | 2 |\n", "a|b\n-|-\nc|d\n", "```\ncode *x*\n```\n", "~~~ python\nx = 1\n~~~\n",
    "Term\n: Definition\n", "Text[^n].\n\n[^n]: The note.\n", "*[MoD]: Ministry of Defence\n", "# Title {#top}\n",
    "Para\n{: .lead }\n", '<div markdown="1">*in* html</div>\n', "<section>\n\n*x*\n\n</section>\n",
]
WITNESSES = [  # a text each shortcut must not skip: a heading, a rule, a quote, a link reference...
    "# Talks\n", "Talks\n===\n", "Talks\n---\n", "---\n", "- - -\n", "-  -  -\n", "___\n", "_ _ _\n", "_  _  _\n",
    "***\n", "* * *\n", "*  *  *\n", "> Quoted\n", "Text [x].\n\n[x]: http://e.org\n", "`code`", "\\*x", "[a](b)",
    "![a](b)", "[a][x]\n\n[x]: http://e.org\n", "![a][x]\n\n[x]: http://e.org\n", "![x]\n\n[x]: http://e.org\n",
    "<http://e.org>", "<a@b.org>", "end  \nnext", "<b>x</b>", "&amp;", "*x*", "_x_",
]
PROSE = ["Word", "word", "the", "talks", " ", "\n", "\n\n", "- ", "1. ", "# ", "> ", ",", ".", "'", '"', "2+2",
         "    ", "(", ")", "!", "=", "---", "é", "&", "&amp;", "&#160;", ";", "#"]
SIMPLE = ["Word", "talks", " ", "  ", "   ", "    ", "\n", "\n\n", "\n\n\n", ",", ".", "'", '"', "(", ")", "!", "?",
         "2+2", "1", "1.", "2)", "-", "+", "=", ":", "é", "—", "\xa0", "\u2028", "\x85", "\u3000", ";", "/", "%",
         "*", "**", "***", "*a*", "**b**", " *", "* ", "- ", "- *", "- - ", "- 1", "- +", "-x", "\n- ", "\n  - ",
         "\n  *", "\t"]
FAST = settings(max_examples=3_000, deadline=None, derandomize=True, suppress_health_check=list(HealthCheck))


def markdown_text(pieces: list[str]) -> st.SearchStrategy[str]:
    return st.lists(st.sampled_from(pieces), max_size=60).map("".join)


REFERENCE = full_converter()


def full(text: str) -> str:
    REFERENCE.reset()
    return REFERENCE.convert(text)


@FAST
@given(markdown_text(PIECES + CONSTRUCTS + WITNESSES))
def test_any_markdown_converts_as_the_full_converter_does(text: str) -> None:
    assert to_html(text) == full(text)


@FAST
@given(markdown_text(PROSE))
def test_prose_takes_the_short_way_to_the_same_html(text: str) -> None:
    assert not needs_extra(text)
    assert to_html(text) == full(text)


@FAST
@given(markdown_text(SIMPLE))
def test_simple_bodies_take_the_shortest_way_to_the_same_html(text: str) -> None:
    simple = simple_html(text)
    assert simple is None or simple == full(text)
    assert to_html(text) == full(text)


def test_only_simple_bodies_take_the_shortest_way() -> None:
    assert [text for text in WITNESSES + CONSTRUCTS if simple_html(text) is not None] == ["*x*"]
    for opening in ["+ ", "1. ", "2) ", "=", ": ", "    ", "   - ", " - ", "* ", "** ", "- - ", "- 1. ", "- + ",
                    "-  ", "- * ", "- ** ", "  1. ", "  : ", " + "]:
        assert simple_html(f"Para one.\n\n{opening}item") is None
        assert simple_html(f"Para one.\n{opening}item") is None
    for text in ["A line ending in a space \nand the next.", "Para\n- item", "- one\n\n- two", "- one\n\n\n- two",
                 "- one\ncontinued", "- one\n\nPara\n- two", "*open", "close*", "***both***", "*a **b** c*",
                 "**a *b* c**", "*a *", "* a*", "**a**b**", "- *a", "*a\n\nb*", "- * * *", "* * *", "- ** x", "* x",
                 "*a\n*b*"]:
        assert simple_html(text) is None, text
    for text, html in [("- \xa0x", "<ul>\n<li>x</li>\n</ul>"), (" *a*", "<p><em>a</em></p>"),
                       ("**a**", "<p><strong>a</strong></p>"), ("- **a**", "<ul>\n<li><strong>a</strong></li>\n</ul>")]:
        assert simple_html(text) == html == full(text)
    assert simple_html("First.\n\n\n  Second,\n   its second line.\n") == \
        "<p>First.</p>\n<p>Second,\n   its second line.</p>"
    assert simple_html("Talks *on\ntrade*, **and** a*b*c.\n\n- one\n- *two*\n\nPara\n\n- three") == (
        "<p>Talks <em>on\ntrade</em>, <strong>and</strong> a<em>b</em>c.</p>\n<ul>\n<li>one</li>\n"
        "<li><em>two</em></li>\n</ul>\n<p>Para</p>\n<ul>\n<li>three</li>\n</ul>")


@FAST
@given(markdown_text([*SIMPLE, "\xa0\xa0", "\u200b", "\ufeff", "\u00ad", "\U0001f600"]))
def test_simple_bodies_need_no_sanitising(text: str) -> None:
    if simple_html(text) is not None:  # the sanitiser's work, left out or not, changes nothing
        assert render_markdown(text) == Rendered(sanitise(full(text)), ())


@settings(max_examples=1_000, deadline=None, derandomize=True)
@given(st.text(max_size=200))
def test_arbitrary_text_converts_as_the_full_converter_does(text: str) -> None:
    assert to_html(text) == full(text)


def body(path: Path) -> str:
    text = path.read_text(encoding="utf-8")
    return text.split("\n\n", 1)[1] if "\n\n" in text else ""


def test_every_real_and_generated_body(tmp_path: Path) -> None:
    generate(300, tmp_path / "generated")
    paths = [*(ROOT / "content").rglob("*.md"), *FIXTURES.rglob("*.md"), *(tmp_path / "generated").rglob("*.md"),
             *(ROOT / "docs").glob("*.md"), ROOT / "README.md"]
    texts = [body(path) for path in paths] + [path.read_text(encoding="utf-8") for path in paths]
    assert sum(not needs_extra(text) for text in texts) > 100  # the short way is taken
    simple = [text for text in texts if simple_html(text) is not None]
    assert len(simple) > 600  # and the shortest (every generated body)
    assert [to_html(text) for text in texts] == [full(text) for text in texts]


def test_every_witness_converts_as_the_full_converter_does() -> None:
    texts = [*WITNESSES, *(f"Para one.\n\n{text}\n\nPara two." for text in WITNESSES)]
    assert [to_html(text) for text in texts] == [full(text) for text in texts]


def test_the_shortcuts_know_every_core_pattern_and_keep_its_place() -> None:
    stock = markdown.Markdown(extensions=["sane_lists"])
    assert len(stock.inlinePatterns) == len(INLINE_NEEDS)
    assert all(name in stock.inlinePatterns for name in INLINE_NEEDS)
    prose = prose_converter()
    assert prose.treeprocessors.get_index_for_name("inline") == stock.treeprocessors.get_index_for_name("inline")
    assert type(prose.treeprocessors["inline"]).__name__ == "_ShortInlineProcessor"
    blocks, stock_blocks = prose.parser.blockprocessors, stock.parser.blockprocessors
    for name in BLOCK_NEEDS:
        assert blocks.get_index_for_name(name) == stock_blocks.get_index_for_name(name)
        assert type(blocks[name]).__name__ == "_Prechecked"


def processors(converter: markdown.Markdown) -> list[list[str]]:
    registries: list[Registry[Any]] = [converter.preprocessors, converter.parser.blockprocessors,
                                       converter.inlinePatterns, converter.treeprocessors, converter.postprocessors]
    return [[type(item).__name__ for item in registry] for registry in registries]


def test_extensions_given_as_instances_are_the_extensions_named() -> None:
    for names in [EXTENSIONS, ("sane_lists",)]:
        assert processors(built(names)) == processors(markdown.Markdown(extensions=list(names)))
    assert len(processors(built(EXTENSIONS))[0]) > len(processors(built(["sane_lists"]))[0])  # "extra" is there
