"""Starting and stopping the preview server in a subprocess, for tests and the benchmark."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import threading
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


class PreviewServer:
    """`build.py serve` on a free port in `project`; use as a context manager."""

    def __init__(self, project: Path, *extra: str, start_timeout: float = 30) -> None:
        self.project = project
        self.start_timeout = start_timeout
        self.port = free_port()
        self.extra = extra
        self.output: list[str] = []
        self.process: subprocess.Popen[str] | None = None
        self._lines = threading.Condition()

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}/"

    def __enter__(self) -> PreviewServer:
        self.process = subprocess.Popen(
            [sys.executable, str(ROOT / "build.py"), "serve", "--port", str(self.port), *self.extra],
            cwd=self.project, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
            env={**os.environ, "PYTHONUNBUFFERED": "1"},
        )
        threading.Thread(target=self._read, daemon=True).start()
        self.wait_for("Serving the preview on", timeout=self.start_timeout)
        return self

    def _read(self) -> None:
        assert self.process is not None and self.process.stdout is not None
        for line in self.process.stdout:
            with self._lines:
                self.output.append(line)
                self._lines.notify_all()
        with self._lines:  # the server has exited: wake anyone waiting for a line that will not come
            self._lines.notify_all()

    def wait_for(self, text: str, timeout: float, *, after: int = 0) -> str:
        """Wait until a line of the server's output (from line `after` on) holds `text`."""
        def found() -> bool:
            return any(text in line for line in self.output[after:]) or (
                self.process is not None and self.process.poll() is not None)

        with self._lines:
            self._lines.wait_for(found, timeout=timeout)
        for line in self.output[after:]:
            if text in line:
                return line
        raise AssertionError(f"no '{text}' from the preview; it printed: {''.join(self.output)}")

    def stop(self) -> int:
        """SIGTERM by PID; the exit status."""
        assert self.process is not None
        os.kill(self.process.pid, signal.SIGTERM)
        return self.process.wait(timeout=10)

    def __exit__(self, *exc: object) -> None:
        if self.process is not None and self.process.poll() is None:
            self.process.kill()
            self.process.wait()
