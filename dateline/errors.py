"""Problems found in the input, collected and reported as `path:line: severity: message`."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from dateline.enums import Named

_CONTROL = re.compile(r"[\x00-\x1f\x7f\u2028\u2029\x85]")


def _escape(match: re.Match[str]) -> str:
    return match[0].encode("unicode_escape").decode("ascii")


class Severity(Named):
    """How bad a problem is: errors stop the build, warnings do not (unless strict)."""

    ERROR = "error"
    WARNING = "warning"


@dataclass(frozen=True, order=True)
class Problem:
    """One thing wrong with one line of one file."""

    path: str
    line: int
    severity: Severity = field(compare=False)
    message: str

    def __str__(self) -> str:
        """One line, whatever the message quotes: control characters are written as escapes."""
        return _CONTROL.sub(_escape, f"{self.path}:{self.line}: {self.severity.value}: {self.message}")


class DatelineError(Exception):
    """Raised to stop a run; carries every problem that was found."""

    def __init__(self, problems: list[Problem]) -> None:
        super().__init__("\n".join(str(p) for p in problems))
        self.problems = problems


@dataclass
class Diagnostics:
    """Collects problems from every phase so they can all be reported at once."""

    problems: list[Problem] = field(default_factory=list)

    def error(self, path: str, line: int, message: str) -> None:
        self.problems.append(Problem(path, line, Severity.ERROR, message))

    def warning(self, path: str, line: int, message: str) -> None:
        self.problems.append(Problem(path, line, Severity.WARNING, message))

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.severity is Severity.ERROR]

    @property
    def warnings(self) -> list[Problem]:
        return [p for p in self.problems if p.severity is Severity.WARNING]

    def failed(self, *, strict: bool = False) -> bool:
        """True when the run must stop: any error, or any warning when strict."""
        return bool(self.errors) or (strict and bool(self.warnings))

    def sorted(self) -> list[Problem]:
        """Problems in a stable order: by file, then line, then message."""
        return sorted(self.problems)
