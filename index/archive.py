"""Content-addressed archive: raw bytes under their sha256, written once, never modified.

Layout `archive/ab/cd/abcd…` (DESIGN.md). Writes go to a temp file in the same folder and are
renamed into place, so a crash never leaves a half-written file under a real name.

The archive is a location from settings (`archive`): the case's `archive/` folder by default, any
other folder, or `s3://bucket/prefix` on an S3-compatible store (index/archive_object.py), which a
cluster's workers read from. `open_archive` picks the backend by the location's scheme.
"""
from __future__ import annotations

import hashlib
import os
import tempfile
from pathlib import Path
from typing import BinaryIO

CHUNK = 1 << 20


def key(sha256: str) -> str:
    """The archive's name for a document: `ab/cd/abcd…` (raises ValueError unless a sha256)."""
    if len(sha256) != 64 or any(c not in "0123456789abcdef" for c in sha256):
        raise ValueError(f"not a sha256: {sha256!r}")
    return f"{sha256[:2]}/{sha256[2:4]}/{sha256}"


def open_archive(location: str, case_root: Path) -> Archive:
    """The archive at `location`: "" is the case's `archive/` folder, `s3://bucket/prefix` an
    object store (originals a local program needs as files are copied to `derived/originals/`),
    anything else a folder (relative to the case folder)."""
    if "://" in location:
        from index.archive_object import ObjectArchive

        return ObjectArchive(location, cache=Path(case_root) / "derived" / "originals")
    return Archive(Path(case_root) / (location or "archive"))


class Archive:
    """A folder of originals; `ObjectArchive` is the same interface over an object store."""

    def __init__(self, root: Path) -> None:
        self.root = Path(root)

    @property
    def location(self) -> str:
        return str(self.root)

    def key(self, sha256: str) -> str:
        return key(sha256)

    def path(self, sha256: str) -> Path:
        """The original as a local file (for programs that read files: pdfium, downloads)."""
        return self.root / key(sha256)

    def has(self, sha256: str) -> bool:
        return self.path(sha256).is_file()

    def put(self, data: bytes) -> str:
        sha = hashlib.sha256(data).hexdigest()
        if not self.has(sha):
            self._write(sha, [data])
        return sha

    def put_stream(self, stream: BinaryIO) -> tuple[str, int]:
        """Store a file of any size without holding it in memory; returns (sha256, size)."""
        self.root.mkdir(parents=True, exist_ok=True)
        h = hashlib.sha256()
        size = 0
        fd, tmp = tempfile.mkstemp(dir=self.root, prefix=".incoming-")
        try:
            with os.fdopen(fd, "wb") as out:
                while block := stream.read(CHUNK):
                    h.update(block)
                    size += len(block)
                    out.write(block)
                out.flush()
                os.fsync(out.fileno())
            sha = h.hexdigest()
            dest = self.path(sha)
            if dest.is_file():
                os.unlink(tmp)
            else:
                dest.parent.mkdir(parents=True, exist_ok=True)
                os.replace(tmp, dest)
            return sha, size
        except BaseException:
            if os.path.exists(tmp):
                os.unlink(tmp)
            raise

    def get(self, sha256: str) -> bytes:
        return self.path(sha256).read_bytes()

    def open(self, sha256: str) -> BinaryIO:
        return self.path(sha256).open("rb")

    def _write(self, sha: str, blocks: list[bytes]) -> None:
        dest = self.root / key(sha)
        dest.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=dest.parent, prefix=".incoming-")
        try:
            with os.fdopen(fd, "wb") as out:
                for b in blocks:
                    out.write(b)
                out.flush()
                os.fsync(out.fileno())
            os.replace(tmp, dest)  # atomic on POSIX: readers see all of the file or none
        except BaseException:
            if os.path.exists(tmp):
                os.unlink(tmp)
            raise
