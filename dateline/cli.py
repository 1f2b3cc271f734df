"""Sub-commands: build (the default), check and dates. Problems print as `path:line: severity: message`."""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
import traceback
from collections.abc import Callable, Sequence
from pathlib import Path

from dateline.config import SiteConfig, load_config
from dateline.dates import DateError, normalise
from dateline.dates.records import date_record, explain
from dateline.errors import Diagnostics
from dateline.incremental import build_site
from dateline.pipeline import gather
from dateline.store import Store

COMMANDS = ("build", "check", "dates", "serve")
STATE = Path(".dateline-cache") / "state.sqlite"  # under the project's root: what one build leaves the next


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="build.py", description="Build a timeline site from dated events.")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name, help_text in (("build", "build the site into site/ (the default)"),
                            ("check", "validate the content and report problems; write nothing")):
        command = commands.add_parser(name, help=help_text)
        command.add_argument("--config", type=Path, default=Path("site.toml"), help="settings file (site.toml)")
        command.add_argument("--content", type=Path, help="content folder (default: content/)")
        command.add_argument("--strict", action="store_true", help="treat warnings as errors")
        command.add_argument("--debug", action="store_true", help="show a traceback on an internal error")
        if name == "build":
            command.add_argument("--output", type=Path, help="output folder (default: site/)")
            command.add_argument("--templates", type=Path, help="templates folder (default: templates/)")
            command.add_argument("--no-cache", action="store_true",
                                 help="build everything afresh, without reading or saving .dateline-cache/")
    _add_dates_command(commands)
    _add_serve_command(commands)
    return parser


def _add_serve_command(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    serve = commands.add_parser("serve", help="preview the site, rebuilding and reloading on every save")
    serve.add_argument("--port", type=int, default=8000, help="port to serve on (default: 8000)")
    serve.add_argument("--host", default="127.0.0.1", help="address to serve on (default: 127.0.0.1)")
    serve.add_argument("--config", type=Path, default=Path("site.toml"), help="settings file (site.toml)")
    serve.add_argument("--content", type=Path, help="content folder (default: content/)")
    serve.add_argument("--templates", type=Path, help="templates folder (default: templates/)")
    serve.add_argument("--debug", action="store_true", help="show a traceback on an internal error")


def run_serve(args: argparse.Namespace) -> int:
    """The live preview (imported here: only this command needs the server's packages)."""
    from dateline.preview import Preview, loader
    from dateline.serve import serve

    cwd = Path.cwd()
    load = loader(args.config.absolute(), content_dir=_absolute(args.content, cwd),
                  templates_dir=_absolute(args.templates, cwd))
    return serve(Preview(load), args.config.absolute(), args.host, args.port)


def _add_dates_command(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    dates = commands.add_parser(
        "dates", help="read date expressions and explain each reading",
        description="Read each EXPRESSION (or each line of standard input) as a date.",
    )
    dates.add_argument("expressions", nargs="*", metavar="EXPRESSION")
    dates.add_argument("--reference", type=_iso_date, help="the date relative expressions resolve against")
    order = dates.add_mutually_exclusive_group()
    order.add_argument("--day-first", dest="day_first", action="store_const", const=True,
                       help="read 08/09/2022 as 8 September")
    order.add_argument("--month-first", dest="day_first", action="store_const", const=False,
                       help="read 08/09/2022 as 9 August")
    dates.add_argument("--json", action="store_true", help="print one JSON object per expression")
    dates.add_argument("--debug", action="store_true", help="show a traceback on an internal error")


def _iso_date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{text}' is not a date written YYYY-MM-DD") from None


def run_dates(args: argparse.Namespace) -> int:
    """Print each expression's reading; an unreadable one is reported, never fatal."""
    texts = args.expressions or [line.rstrip("\r\n") for line in sys.stdin]
    for text in texts:
        try:
            value = normalise(text, anchor=args.reference, day_first=args.day_first)
        except DateError as exc:
            print(json.dumps({"text": text, "error": str(exc)}, ensure_ascii=False) if args.json
                  else f"{text}\n  error: {exc}")
            continue
        print(json.dumps(date_record(value), ensure_ascii=False) if args.json else f"{text}\n  {explain(value)}")
    return 0


def _config(args: argparse.Namespace, diagnostics: Diagnostics) -> SiteConfig:
    cwd = Path.cwd()
    overrides = {
        "content_dir": _absolute(args.content, cwd),
        "output_dir": _absolute(getattr(args, "output", None), cwd),
        "templates_dir": _absolute(getattr(args, "templates", None), cwd),
    }
    return load_config(args.config.absolute(), diagnostics, **overrides)


def _absolute(path: Path | None, cwd: Path) -> Path | None:
    return None if path is None else (cwd / path).absolute()


def _report(diagnostics: Diagnostics) -> None:
    for problem in diagnostics.sorted():
        print(problem, file=sys.stderr)


def run_build(args: argparse.Namespace) -> int:
    diagnostics = Diagnostics()
    config = _config(args, diagnostics)
    store = None if args.no_cache or diagnostics.errors else Store(config.root / STATE)
    try:
        result = None if diagnostics.errors else build_site(config, diagnostics, store, use_cores=True,
                                                            strict=args.strict)
    finally:
        if store is not None:
            store.close()
    _report(diagnostics)
    if result is None or diagnostics.failed(strict=args.strict):
        print("build failed: nothing was written", file=sys.stderr)
        return 1
    where = config.display_path(config.output_dir)
    if result.kind == "full":
        print(f"built {result.events} events into {where}/")
    elif result.kind == "unchanged":
        print(f"{where}/ is up to date ({result.events} events)")
    else:
        print(f"updated {len(result.changed)} files of {where}/ ({result.events} events)")
    return 0


def run_check(args: argparse.Namespace) -> int:
    diagnostics = Diagnostics()
    config = _config(args, diagnostics)
    if not diagnostics.errors:
        gather(config, diagnostics)
    _report(diagnostics)
    errors, warnings = len(diagnostics.errors), len(diagnostics.warnings)
    print(f"{errors} error(s), {warnings} warning(s)", file=sys.stderr)
    return 1 if diagnostics.failed(strict=args.strict) else 0


_RUNNERS: dict[str, Callable[[argparse.Namespace], int]] = {
    "build": run_build, "check": run_check, "dates": run_dates, "serve": run_serve,
}


def main(argv: Sequence[str]) -> int:
    """Run one sub-command; an unexpected failure prints one line unless --debug is given."""
    arguments = list(argv)
    if not arguments or (arguments[0] not in COMMANDS and arguments[0] not in ("-h", "--help")):
        arguments.insert(0, "build")
    args = _parser().parse_args(arguments)
    try:
        return _RUNNERS[args.command](args)
    except KeyboardInterrupt:
        return 130
    except Exception as exc:
        if args.debug:
            traceback.print_exc()
        print(f"error: internal error: {exc!r} (run with --debug for a traceback)", file=sys.stderr)
        return 2
