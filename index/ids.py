"""Content-derived identifiers: the same input always yields the same id (DESIGN.md, data model)."""
from __future__ import annotations

import hashlib


def sha256_bytes(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def derive(*parts: object, length: int = 24) -> str:
    """An id from its parts (doc_id, offsets, stage version...): stable across runs and machines."""
    h = hashlib.sha256("\x1f".join("" if p is None else str(p) for p in parts).encode("utf-8"))
    return h.hexdigest()[:length]
