"""A page notes where its list items sit in it, and the next build reads the items it needs again
from the page as written: after an event's title changes, only that event's items are rendered,
the site is what a fresh build makes, and an item template's edit is never hidden by old items.
A build that keeps no items for the next lets go of those of the shapes no page lists any more."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import jinja2
import pytest

from dateline import templating
from dateline.cache import KEY_SIZE
from dateline.errors import Diagnostics
from dateline.listed import Run, locate
from dateline.pipeline import plan_site
from dateline.render import ListItems
from dateline.store import Store
from tests.test_incremental import (
    assert_same_as_a_fresh_build,
    build_remembering,
    configure,
    edit,
    events,
    header_line,
    project,  # noqa: F401 (a fixture)
)

A, B, C = (bytes([n]) * KEY_SIZE for n in (1, 2, 3))


def run(cards: bytes, *items: str, level: int = 2) -> Run:
    return Run("partials/item.html", level, "../", False, cards, items)


def joined(run: Run) -> str:
    return "".join(run.items)


def test_the_items_of_a_page_are_read_back_by_key() -> None:
    first, second = run(A + B, "<li>α</li>", "<li>b</li>"), run(C, "<li>c</li>", level=3)
    page = f"<h1>Tag</h1><ol>{joined(first)}</ol><h2>More</h2><ol>{joined(second)}</ol>"
    listed = locate(page, [first, second])
    assert listed is not None
    assert listed.items(page) == {
        (A, "partials/item.html", 2, "../", False): "<li>α</li>",
        (B, "partials/item.html", 2, "../", False): "<li>b</li>",
        (C, "partials/item.html", 3, "../", False): "<li>c</li>",
    }
    assert listed.items(page + " ") == {}  # not the page it was noted in


def test_items_a_template_did_not_show_as_given_are_left_out() -> None:
    shown, changed = run(A, "<li>a</li>"), run(B, "<li>b</li>")
    page = f"<ol>{joined(changed).upper()}</ol><ol>{joined(shown)}</ol>"
    listed = locate(page, [changed, shown])
    assert listed is not None
    assert listed.items(page) == {(A, "partials/item.html", 2, "../", False): "<li>a</li>"}
    assert locate(page, [changed]) is None


def test_items_shown_before_the_call_that_made_them_are_found() -> None:
    later, earlier = run(A, "<li>a</li>"), run(B, "<li>b</li>")
    page = f"<ol>{joined(earlier)}</ol><ol>{joined(later)}</ol>"  # a template may show a list it made later
    listed = locate(page, [later, earlier])
    assert listed is not None and len(listed.items(page)) == 2


@pytest.fixture()
def item_renders(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The names of the list item templates rendered, one per item made."""
    rendered: list[str] = []
    render = templating.render_template

    def counting(template: jinja2.Template, context: dict[str, Any]) -> str:
        if template.name is not None and template.name.endswith("item.html"):
            rendered.append(template.name)
        return render(template, context)

    monkeypatch.setattr(templating, "render_template", counting)
    return rendered


def test_a_title_edit_renders_only_that_events_items(project: Path, item_renders: list[str]) -> None:  # noqa: F811
    build_remembering(project)
    item_kinds = len(set(item_renders))
    assert item_renders and item_kinds == 2  # the index's and tags' (partials/item.html), the embed page's
    item_renders.clear()
    edit(events(project)[3], header_line("Title", "A title edited once"))
    result, diagnostics = build_remembering(project)
    assert result is not None and result.kind == "incremental"
    assert 0 < len(item_renders) <= 3  # the index's, the facet pages', the embed page's
    assert_same_as_a_fresh_build(project, diagnostics)


def test_an_item_template_edit_makes_every_item_again(project: Path, item_renders: list[str]) -> None:  # noqa: F811
    build_remembering(project)
    made = len(item_renders)
    item_renders.clear()
    edit(project / "templates/partials/item.html", lambda text: text.replace('class="event', 'class="edited event', 1))
    result, diagnostics = build_remembering(project)
    assert result is not None and result.kind == "incremental"
    assert len(item_renders) == made  # templates are part of every file's key: none is read back
    assert_same_as_a_fresh_build(project, diagnostics)


def test_a_run_is_found_only_where_all_its_items_follow_one_another() -> None:
    both = run(A + B, "<li>a</li>", "<li>b</li>")
    page = f"<ol><li>a</li><li>x</li></ol><ol>{joined(both)}</ol>"
    listed = locate(page, [both])
    assert listed is not None
    assert listed.items(page)[(B, "partials/item.html", 2, "../", False)] == "<li>b</li>"
    assert list(listed.spans[:2]) == [page.rindex("<li>a</li>"), len("<li>a</li>")]


def made_in_order(folder: Path, store: Store | None) -> ListItems:
    """The list items left once every file of the site is made in plan order."""
    diagnostics = Diagnostics()
    planned = plan_site(configure(folder, diagnostics), diagnostics, store)
    assert planned is not None
    for output in planned[1].outputs:
        output.make()
    return planned[1].renderer.items


def test_a_build_that_keeps_no_items_lets_go_of_the_shapes_no_longer_listed(
        project: Path, item_renders: list[str]) -> None:  # noqa: F811
    dropped = made_in_order(project, None)
    dropping = len(item_renders)
    item_renders.clear()
    kept = made_in_order(project, Store(None))  # the preview's state in memory: every item kept
    assert kept.keep and not dropped.keep
    assert len(item_renders) == dropping  # each item still rendered once: none dropped too soon
    assert {key[1:] for key in dropped.made} == {("partials/item.html", 2, "../", False)}  # the last pages'
    assert len({key[1:] for key in kept.made}) >= 3  # the index's, the embed page's, the facet pages'
    assert dropped.made == {key: item for key, item in kept.made.items() if key[1:] == ("partials/item.html", 2,
                                                                                         "../", False)}


def test_items_are_let_go_only_when_a_page_lists_other_shapes() -> None:
    index, facets = ("partials/item.html", 4, "", True), ("partials/item.html", 2, "../", False)
    items = ListItems(b"", lambda event: b"", (), (b"", {(A, *index): "a", (B, *facets): "b"}))
    items.page_listed(frozenset())  # a page that lists nothing changes nothing
    assert len(items.made) == 2
    items.page_listed(frozenset({index, facets}))
    assert len(items.made) == 2
    items.page_listed(frozenset({facets}))
    assert items.made == {(B, *facets): "b"}
