"""The preview's state: the last good build in a temporary folder, the current problems, and the
pages as the preview serves them (with the reload script, and the problems at the top)."""

from __future__ import annotations

import html
import re
import shutil
import sys
import tempfile
import time
import traceback
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from pathlib import Path

from dateline import write
from dateline.config import SiteConfig, load_config
from dateline.errors import Diagnostics
from dateline.incremental import build_site
from dateline.store import Store

_HEAD_END = re.compile(r"</head\s*>", re.IGNORECASE)
_BODY_START = re.compile(r"<body\b[^>]*>", re.IGNORECASE)


@dataclass
class Preview:
    """Builds on demand into `folder` (incrementally: only what an edit changes is made again),
    keeping the last good site when a build fails."""

    load: Callable[[Diagnostics], SiteConfig]
    folder: Path = field(default_factory=lambda: Path(tempfile.mkdtemp(prefix="dateline-preview-")) / "site")
    store: Store = field(default_factory=lambda: Store(None))
    problems: tuple[str, ...] = ()
    failed: bool = False
    version: int = 0
    served: dict[str, int] = field(default_factory=dict)  # the build each page was last served from

    def rebuild(self, *, use_cores: bool = False) -> list[str]:
        """Build once; returns the site paths that changed (none when the build failed).
        `use_cores` only while this process runs no other thread (the first build)."""
        started = time.perf_counter()
        diagnostics = Diagnostics()
        built = None
        try:
            config = replace(self.load(diagnostics), output_dir=self.folder)
            built = None if diagnostics.errors else build_site(config, diagnostics, self.store, use_cores=use_cores,
                                                               keep_replaced=True)
        except Exception:  # the preview must survive anything a build does; the problem is shown
            diagnostics.error("dateline", 1, "internal error: " + traceback.format_exc(limit=-1).strip())
        changed = list(built.changed) if built is not None else []
        self.problems = tuple(str(problem) for problem in diagnostics.sorted())
        self.failed = built is None
        self.version += 1
        self._report(built is not None, changed, time.perf_counter() - started)
        return changed

    def _report(self, built: bool, changed: list[str], seconds: float) -> None:
        for problem in self.problems:
            print(problem, file=sys.stderr)
        state = f"rebuilt in {seconds * 1000:.0f} ms, {len(changed)} files changed" if built else \
            "build failed: the preview shows the last good build and the problems above it"
        print(state, file=sys.stderr, flush=True)

    def sweep(self) -> None:
        """Free what the last build replaced (once the browsers have been told to reload)."""
        write.sweep(self.folder)

    def page(self, path: str) -> bytes | None:
        """A file of the last good build, or None."""
        target = self.folder.joinpath(*path.split("/"))
        if ".." in path.split("/") or not target.is_file():
            return None
        return target.read_bytes()

    def close(self) -> None:
        self.store.close()
        shutil.rmtree(self.folder.parent, ignore_errors=True)


def problems_banner(problems: tuple[str, ...], *, failed: bool) -> str:
    """The problems as the top of every page shows them, exactly as the terminal prints them."""
    if not problems:
        return ""
    lines = "\n".join(html.escape(problem) for problem in problems)
    if failed:
        heading, note, colour = f"The build failed: {len(problems)} problem(s)", \
            "Below is the last good build. Save a fix and this page reloads.", ("#fff0f0", "#b00020")
    else:
        heading, note, colour = f"{len(problems)} warning(s)", "The page below is up to date.", ("#fff8e1", "#8a6d00")
    return (
        f'<section id="dateline-problems" role="alert" style="margin:0;padding:1rem 1.25rem;background:{colour[0]};'
        f'border-bottom:3px solid {colour[1]};color:#1d232b;font:14px/1.5 system-ui,sans-serif">'
        f'<h2 style="margin:0 0 .5rem;font-size:1rem">{heading}</h2>'
        f'<pre style="margin:0;white-space:pre-wrap;font:13px/1.5 ui-monospace,monospace">{lines}</pre>'
        f'<p style="margin:.5rem 0 0">{note}</p></section>'
    )


def decorate(page: str, *, problems: tuple[str, ...], failed: bool, script: str) -> str:
    """A page with the reload script in its head and the problems at the top of its body."""
    head_end = _HEAD_END.search(page)
    page = page[: head_end.start()] + script + page[head_end.start():] if head_end else script + page
    banner = problems_banner(problems, failed=failed)
    body = _BODY_START.search(page)
    return page[: body.end()] + banner + page[body.end():] if body else banner + page


def placeholder() -> str:
    """What the preview serves before any build has succeeded."""
    return ('<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8"><title>Dateline preview</title></head>'
            "<body><main><h1>Dateline preview</h1><p>No build has succeeded yet.</p></main></body></html>\n")


def loader(config_path: Path, **overrides: Path | None) -> Callable[[Diagnostics], SiteConfig]:
    """Reads site.toml afresh for each build, so that edits to it take effect."""
    return lambda diagnostics: load_config(config_path, diagnostics, **overrides)
