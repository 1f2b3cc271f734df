"""Digests: what the build state keys everything by (file contents, never times)."""

from __future__ import annotations

import hashlib

KEY_SIZE = 16  # bytes in every digest


def digest(*parts: str | bytes) -> bytes:
    """A short digest of some text (for keys that say whether an output must be made again)."""
    joined = b"\0".join([part.encode("utf-8") if isinstance(part, str) else part for part in parts])
    return hashlib.blake2b(joined, digest_size=KEY_SIZE).digest()


def fingerprint(data: bytes, settings: str) -> bytes:
    """A digest of a file's bytes and of the settings that change how it is read."""
    hasher = hashlib.blake2b(data, digest_size=KEY_SIZE)
    hasher.update(b"\0" + settings.encode("utf-8"))
    return hasher.digest()
