"""`casefile verify pack.zip`: a pack proves itself, no case folder needed.

Every file must hash to what manifest.json says; manifest.json must hash to what manifest.sha256
says. Anything altered, missing, added or duplicated is named. Hashes show that nothing changed
since the pack was made; who made it is shown by publishing the manifest's fingerprint elsewhere.
"""
from __future__ import annotations

import hashlib
import json
import re
import zipfile
import zlib
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from queries.filters import QueryError
from queries.packs import CHUNK, MANIFEST, MANIFEST_SUM

SUM_LINE = re.compile(r"([0-9a-f]{64})  manifest\.json\n?")


@dataclass
class Verification:
    checked: int = 0
    problems: list[tuple[str, str]] = field(default_factory=list)   # (altered|missing|added|duplicated, name)
    manifest: dict[str, Any] | None = None
    fingerprint: str | None = None                                   # sha256 of manifest.json

    @property
    def ok(self) -> bool:
        return not self.problems


def _hash_member(zf: zipfile.ZipFile, name: str) -> tuple[str, int] | None:
    """(sha256, size) of a member, or None when the ZIP itself says its bytes are damaged."""
    h, size = hashlib.sha256(), 0
    try:
        with zf.open(name) as fh:
            while block := fh.read(CHUNK):
                h.update(block)
                size += len(block)
    except (zipfile.BadZipFile, zlib.error, OSError, EOFError, ValueError):   # bad CRC, garbled or truncated
        return None
    return h.hexdigest(), size


def verify_pack(path: Path) -> Verification:
    path = Path(path)
    if not path.is_file():
        raise QueryError(f"no file {path}")
    try:
        zf = zipfile.ZipFile(path)
    except (zipfile.BadZipFile, OSError) as exc:
        raise QueryError(f"{path} is not a readable ZIP file ({exc})") from None
    v = Verification()
    with zf:
        names = [i.filename for i in zf.infolist()]
        v.problems += [("duplicated", n) for n, c in sorted(Counter(names).items()) if c > 1]
        present = set(names)
        if MANIFEST not in present:
            v.problems.append(("missing", MANIFEST))
            return v
        try:
            body = zf.read(MANIFEST)
            v.manifest = json.loads(body)
            listed: dict[str, dict[str, Any]] = v.manifest["files"]
        except (zipfile.BadZipFile, zlib.error, OSError, EOFError, ValueError, KeyError, TypeError):
            v.problems.append(("altered", MANIFEST))
            return v
        v.fingerprint = hashlib.sha256(body).hexdigest()
        _check_manifest_sum(zf, present, v)
        for name in sorted(listed):
            if name not in present:
                v.problems.append(("missing", name))
                continue
            got = _hash_member(zf, name)
            v.checked += 1
            want = listed[name]
            if got is None or not isinstance(want, dict) or got != (want.get("sha256"), want.get("size")):
                v.problems.append(("altered", name))
        for name in sorted(present - set(listed) - {MANIFEST, MANIFEST_SUM}):
            v.problems.append(("added", name))
    return v


def _check_manifest_sum(zf: zipfile.ZipFile, present: set[str], v: Verification) -> None:
    if MANIFEST_SUM not in present:
        v.problems.append(("missing", MANIFEST_SUM))
        return
    try:
        line = zf.read(MANIFEST_SUM).decode("ascii")
    except (zipfile.BadZipFile, zlib.error, OSError, EOFError, UnicodeDecodeError):
        v.problems.append(("altered", MANIFEST_SUM))
        return
    m = SUM_LINE.fullmatch(line)
    if not m:
        v.problems.append(("altered", MANIFEST_SUM))
    elif m.group(1) != v.fingerprint:
        # Either file may be the one that changed; name both rather than guess.
        v.problems.append(("altered", f"{MANIFEST} or {MANIFEST_SUM} (they disagree)"))
