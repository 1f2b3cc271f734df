"""`build.py serve`: the live preview. Tornado serves the preview's folder; watchfiles sees a save
within tens of milliseconds; the preview rebuilds what changed; livereload's protocol tells the
open tabs to reload (with no throttle, so quick successive edits all arrive)."""

from __future__ import annotations

import asyncio
import errno
import json
import mimetypes
import signal
import sys
import threading
from collections.abc import Iterable
from pathlib import Path
from typing import Any
from urllib.parse import urlparse

import watchfiles
from livereload.handlers import LiveReloadHandler, LiveReloadJSHandler
from tornado import ioloop, web

from dateline.config import SiteConfig
from dateline.errors import Diagnostics
from dateline.preview import Preview, decorate, placeholder

RELOAD_SCRIPT = '<script src="/livereload.js?port={port}"></script>'


class PreviewSocket(LiveReloadHandler):  # type: ignore[misc]
    """livereload's socket, which also reloads a tab at once when the page it shows is older than
    the last build (a build that finished while the tab was loading would otherwise go unseen)."""

    preview: Preview

    def on_message(self, message: str | bytes) -> None:
        super().on_message(message)
        data = json.loads(message)
        if data.get("command") == "info" and "url" in data:
            served = self.preview.served.get(urlparse(data["url"]).path, self.preview.version)
            if served < self.preview.version:
                self.send_message(reload_message("*"))


class PageHandler(web.RequestHandler):
    """Serves the last good build, pages decorated with the reload script and the problems."""

    def initialize(self, preview: Preview, port: int) -> None:
        self.preview = preview
        self.port = port

    def get(self, path: str) -> None:
        relative = path.strip("/") or "index.html"
        if relative.endswith("/") or "." not in relative.rsplit("/", 1)[-1]:
            relative = relative.rstrip("/") + "/index.html"
        data = self.preview.page(relative)
        if data is None and relative != "index.html":
            self.set_status(404)
        content_type = mimetypes.guess_type(relative)[0] or "application/octet-stream"
        self.set_header("Cache-Control", "no-store")
        if content_type == "text/html" or data is None:
            self.preview.served["/" + relative] = self.preview.version
            page = data.decode("utf-8") if data is not None else placeholder()
            script = RELOAD_SCRIPT.format(port=self.port)
            self.set_header("Content-Type", "text/html; charset=utf-8")
            self.finish(decorate(page, problems=self.preview.problems, failed=self.preview.failed, script=script))
            return
        self.set_header("Content-Type", content_type)
        self.finish(data)


def reload_message(path: str) -> dict[str, Any]:
    """livereload's reload command; a stylesheet path lets the page swap the sheet in place."""
    return {"command": "reload", "path": path, "liveCSS": True, "liveImg": True}


def reload_browsers(changed: Iterable[str]) -> None:
    """Tell every connected tab to reload (only the stylesheet when that is all that changed)."""
    changed = list(changed)
    css_only = bool(changed) and all(path.endswith(".css") for path in changed)
    message = reload_message("/" + changed[0] if css_only else "*")
    for waiter in list(LiveReloadHandler.waiters):
        waiter.send_message(message)


def _watch(preview: Preview, paths: list[Path], loop: ioloop.IOLoop, stop: threading.Event,
           ready: threading.Event) -> None:
    """Rebuild on every change to the watched paths; runs in its own thread until `stop` is set.
    The watcher wakes every 200 ms even when nothing changed: its first wake sets `ready`, which
    proves the operating system's watches are in place."""
    for changes in watchfiles.watch(*paths, stop_event=stop, step=30, debounce=400, rust_timeout=200,
                                    yield_on_timeout=True, raise_interrupt=False):
        ready.set()
        if changes:
            changed = preview.rebuild()
            loop.add_callback(reload_browsers, changed or ["*"])
            preview.sweep()


def watched(config: SiteConfig, config_path: Path) -> list[Path]:
    """content/, templates/ and site.toml: never the output."""
    return [path for path in (config.content_dir, config.templates_dir, config_path) if path.exists()]


def serve(preview: Preview, config_path: Path, host: str, port: int) -> int:
    """Serve, build and watch until interrupted; returns the exit status."""
    PreviewSocket.preview = preview
    application = web.Application([
        (r"/livereload", PreviewSocket),
        (r"/livereload.js", LiveReloadJSHandler),
        (r"/(.*)", PageHandler, {"preview": preview, "port": port}),
    ])
    try:
        server = application.listen(port, address=host)
    except OSError as exc:
        preview.close()
        if exc.errno == errno.EADDRINUSE:
            print(f"error: port {port} on {host} is already in use; choose another with --port", file=sys.stderr)
            return 1
        raise
    try:
        _run(preview, watched(preview.load(Diagnostics()), config_path), f"http://{host}:{port}/")
    finally:
        server.stop()
        preview.close()
    print("Stopped the preview.", flush=True)
    return 0


def _run(preview: Preview, paths: list[Path], url: str) -> None:
    """Build (on every core: no other thread runs yet), then watch and serve until SIGINT or
    SIGTERM stops the loop."""
    preview.rebuild(use_cores=True)
    loop = ioloop.IOLoop.current()
    stop, ready = threading.Event(), threading.Event()
    watcher = threading.Thread(target=_watch, args=(preview, paths, loop, stop, ready), daemon=True)
    watcher.start()
    ready.wait(timeout=10)
    for signal_number in (signal.SIGINT, signal.SIGTERM):
        asyncio.get_event_loop().add_signal_handler(signal_number, loop.stop)
    print(f"Serving the preview on {url} (Ctrl-C to stop)", flush=True)
    try:
        loop.start()
    finally:
        stop.set()
        watcher.join(timeout=2)
