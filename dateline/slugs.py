"""Safe, stable file names from titles, tags and names: ASCII, lower case, never leaving site/."""

from __future__ import annotations

import hashlib
import re
import unicodedata

MAX_LENGTH = 80
_RESERVED = frozenset({"con", "prn", "aux", "nul", "index", *(f"com{i}" for i in range(10)),
                       *(f"lpt{i}" for i in range(10))})


def slugify(text: str) -> str:
    """'2+2 Dialogue' -> '2-2-dialogue'; text with no ASCII letters gets a short stable hash."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")
    digest = hashlib.sha1(text.encode("utf-8")).hexdigest()[:8]
    if not slug:
        return f"x-{digest}"
    if len(slug) > MAX_LENGTH:
        slug = slug[: MAX_LENGTH - 9].rstrip("-") + "-" + digest
    if slug in _RESERVED:
        slug = f"{slug}-{digest}"
    return slug
