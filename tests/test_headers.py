"""The strict header parser: every malformed line is reported with its line number."""

from __future__ import annotations

from dateline.errors import Diagnostics, Severity
from dateline.headers import Document, parse_document

KNOWN = frozenset({"title", "when", "source"})
REPEATABLE = frozenset({"source"})


def parse(text: str) -> tuple[Document, Diagnostics]:
    diagnostics = Diagnostics()
    document = parse_document("e.md", text, known=KNOWN, repeatable=REPEATABLE, diagnostics=diagnostics)
    return document, diagnostics


def test_header_and_body_are_split_at_the_first_blank_line() -> None:
    document, diagnostics = parse("Title: Talks\nWHEN: 8 September 2022\n\nBody *text*.\n\nMore.\n")
    assert not diagnostics.problems
    assert [(f.key, f.value, f.line) for f in document.fields] == [
        ("title", "Talks", 1), ("when", "8 September 2022", 2)
    ]
    assert document.body == "Body *text*.\n\nMore.\n"
    assert document.body_line == 4


def test_a_line_without_a_colon_is_an_error_on_its_line() -> None:
    _, diagnostics = parse("Title: Talks\nWhen 8 September 2022\n\nBody\n")
    assert [str(p) for p in diagnostics.problems] == [
        "e.md:2: error: header line 'When 8 September 2022' is not 'Key: value' "
        "(the header ends at the first blank line)"
    ]


def test_a_continuation_line_is_not_silently_joined() -> None:
    _, diagnostics = parse("Title: Talks between\n  two ministers\nWhen: 2022\n\n")
    assert [(p.line, p.severity) for p in diagnostics.problems] == [(2, Severity.ERROR)]


def test_duplicate_keys_are_errors_but_sources_may_repeat() -> None:
    document, diagnostics = parse('Title: A\nSource: a "x"\nSource: b\ntitle: B\n\n')
    assert [str(p) for p in diagnostics.problems] == ["e.md:4: error: duplicate key 'title' (first on line 1)"]
    assert [f.value for f in document.all("source")] == ['a "x"', "b"]


def test_unknown_keys_are_warnings() -> None:
    _, diagnostics = parse("Title: A\nColour: blue\n\n")
    assert [(p.line, p.severity) for p in diagnostics.problems] == [(2, Severity.WARNING)]
    assert "unknown key 'colour'" in diagnostics.problems[0].message


def test_a_file_that_opens_with_a_blank_line_has_no_header() -> None:
    _, diagnostics = parse("\nTitle: A\n")
    assert [str(p) for p in diagnostics.problems] == [
        "e.md:1: error: the file must open with a header of 'Key: value' lines (e.g. 'Title: ...')"
    ]


def test_windows_line_endings_are_read_like_unix_ones() -> None:
    document, diagnostics = parse("Title: A\r\nWhen: 1952\r\n\r\nBody\r\n")
    assert not diagnostics.problems
    assert [f.value for f in document.all("when")] == ["1952"]
    assert document.body == "Body\n"
