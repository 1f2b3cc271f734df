"""The Jinja2 environment of a build: templates loaded with autoescape and strict names, the
filters they use, the compiled templates kept for the next build, rendering, and where a
template's error comes from."""

from __future__ import annotations

import weakref
from pathlib import Path
from typing import Any

import jinja2

from dateline.dates import DateValue, Precision, display
from dateline.dates.labels import day_label, offset_text


def html_datetime(value: DateValue) -> str:
    """A valid HTML `datetime` attribute as precise as the value (ranges give their start)."""
    start = value.start
    if value.precision is Precision.MINUTE and value.time is not None:
        offset = value.time.utcoffset()
        zone = "" if offset is None else ("Z" if not offset else offset_text(offset))
        return f"{start.isoformat()}T{value.time:%H:%M}{zone}"
    if value.precision is Precision.WEEK:
        year, week, _ = start.isocalendar()
        return f"{year}-W{week:02d}"
    if value.precision.rank >= Precision.DAY.rank or value.is_range:
        return start.isoformat()
    if value.precision.rank >= Precision.HALF.rank:
        return f"{start.year:04d}-{start.month:02d}"
    return f"{start.year:04d}"


def template_location(exc: jinja2.TemplateError, templates_dir: Path) -> tuple[Path, int]:
    """The template file and line an error comes from (syntax errors know it; others are in the traceback)."""
    if isinstance(exc, jinja2.TemplateSyntaxError) and exc.filename:
        return Path(exc.filename), exc.lineno
    location = (templates_dir, 1)
    traceback = exc.__traceback__
    while traceback is not None:
        filename = traceback.tb_frame.f_code.co_filename
        if Path(filename).is_relative_to(templates_dir.absolute()) or Path(filename).is_relative_to(templates_dir):
            location = (Path(filename), traceback.tb_lineno)
        traceback = traceback.tb_next
    return location


class _CompiledInMemory(jinja2.BytecodeCache):
    """Compiled templates kept in a dict, by Jinja2's key (a template whose text changed is compiled again)."""

    def __init__(self, kept: dict[str, bytes]) -> None:
        self.kept = kept

    def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        code = self.kept.get(bucket.key)
        if code is not None:
            bucket.bytecode_from_string(code)

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        self.kept[bucket.key] = bucket.bytecode_to_string()


def make_environment(templates_dir: Path, compiled: Path | dict[str, bytes] | None = None) -> jinja2.Environment:
    """Jinja2 with autoescape everywhere and undefined names as errors; with `compiled`, the
    templates compiled once are kept there (a folder, or a dict in memory) for the next build."""
    cache: jinja2.BytecodeCache | None = None
    if isinstance(compiled, Path):
        compiled.mkdir(parents=True, exist_ok=True)
        cache = jinja2.FileSystemBytecodeCache(str(compiled))
    elif compiled is not None:
        cache = _CompiledInMemory(compiled)
    environment = jinja2.Environment(
        loader=jinja2.FileSystemLoader(templates_dir),
        bytecode_cache=cache,
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        auto_reload=False,  # an environment lives for one build, while the templates do not change
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    environment.filters["display"] = display
    environment.filters["html_datetime"] = html_datetime
    environment.filters["day_label"] = day_label
    environment.filters["yyyymmdd"] = lambda day: f"{day.year:04d}{day.month:02d}{day.day:02d}"
    return environment


# Each template's globals in one dict (see render_template), by template.
_GLOBALS: weakref.WeakKeyDictionary[jinja2.Template, dict[str, Any]] = weakref.WeakKeyDictionary()


def render_template(template: jinja2.Template, context: dict[str, Any]) -> str:
    """What `template.render(**context)` gives, without flattening the template's globals into
    every render's context again: Jinja walks them as a ChainMap, in Python, at each render (4 of
    the 20 microseconds of a small list item). They are flattened once per template."""
    flat = _GLOBALS.get(template)
    if flat is None:
        flat = _GLOBALS[template] = dict(template.globals)
    rendering = template.new_context({**flat, **context}, shared=True)  # shared: taken as it is
    try:
        return "".join(template.root_render_func(rendering))
    except Exception:
        template.environment.handle_exception()  # raises it, with the template's lines in its traceback
