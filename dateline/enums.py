"""Enums that pickle as a reference to their member, by name."""

from __future__ import annotations

import enum
from typing import Any


class Named(enum.Enum):
    """An enum whose members pickle as the name they are found by (`Precision.DAY`): loading one
    is a lookup. Python's own enums pickle a call to the class with the value, which runs the
    class's Python code on every load: an event the build reads back holds several, and took 23
    microseconds to load instead of 19.5."""

    def __reduce_ex__(self, protocol: Any) -> str:  # type: ignore[override]  # pickle takes a name too
        return f"{type(self).__qualname__}.{self._name_}"
