"""The archive on an S3-compatible object store (`archive = "s3://bucket/prefix"`), through obstore.

Same layout and rules as the folder archive (index/archive.py): an original is stored under its
sha256 as `prefix/ab/cd/abcd…`, written once (a conditional put: an object already there is never
replaced) and never modified, so every worker of a cluster reads the same bytes by the same name.
Credentials and the endpoint come from the usual environment variables (`AWS_ACCESS_KEY_ID`,
`AWS_SECRET_ACCESS_KEY`, `AWS_REGION`, `AWS_ENDPOINT_URL`; `AWS_ALLOW_HTTP=true` for a plain-http
endpoint such as a test server), read by obstore on each machine: nothing secret is in case.toml.

Programs that need a file (pdfium drawing a page, a download) get a copy in the case's
`derived/originals/` (`path`), fetched on first use; deleting it loses nothing.
"""
from __future__ import annotations

import hashlib
import tempfile
from pathlib import Path
from typing import Any, BinaryIO

from index.archive import CHUNK, Archive, key


class ArchiveError(OSError):
    """The object store refused or failed a request; one line, with the archive's location."""


class ObjectArchive(Archive):
    def __init__(self, location: str, cache: Path | None = None) -> None:
        if not location.startswith("s3://"):
            raise ValueError(f"archive {location!r}: only s3:// object stores are supported")
        self._location = location.rstrip("/")
        self.root = Path(cache) if cache is not None else Path(tempfile.gettempdir()) / "casefile-originals"
        self._store: Any = None

    # the store is rebuilt where the archive is unpickled (a cluster's worker), from that machine's environment
    def __getstate__(self) -> dict[str, Any]:
        return {**self.__dict__, "_store": None}

    @property
    def location(self) -> str:
        return self._location

    @property
    def store(self) -> Any:
        if self._store is None:
            try:
                from obstore.store import from_url
            except ImportError:
                raise ArchiveError(f"archive {self._location}: an s3:// archive needs obstore "
                                   "(pip install 'casefile[ray]')") from None
            self._store = self._call(from_url, self._location)
        return self._store

    def has(self, sha256: str) -> bool:
        import obstore

        try:
            self._call(obstore.head, self.store, key(sha256))
            return True
        except FileNotFoundError:
            return False

    def put(self, data: bytes) -> str:
        sha = hashlib.sha256(data).hexdigest()
        if not self.has(sha):
            self._create(sha, data)
        return sha

    def put_stream(self, stream: BinaryIO) -> tuple[str, int]:
        """Spooled to a temporary file while hashed (the name is the hash), then uploaded in parts."""
        h = hashlib.sha256()
        size = 0
        with tempfile.TemporaryFile(prefix="casefile-incoming-") as spool:
            while block := stream.read(CHUNK):
                h.update(block)
                size += len(block)
                spool.write(block)
            sha = h.hexdigest()
            if not self.has(sha):
                spool.seek(0)
                self._create(sha, spool)
        return sha, size

    def get(self, sha256: str) -> bytes:
        import obstore

        return bytes(self._call(obstore.get, self.store, key(sha256)).bytes())

    def open(self, sha256: str) -> BinaryIO:
        import io

        return io.BytesIO(self.get(sha256))

    def path(self, sha256: str) -> Path:
        """A local copy of the original (fetched once into the cache); no file when the store lacks it."""
        target = self.root / key(sha256)
        if target.is_file():
            return target
        try:
            data = self.get(sha256)
        except FileNotFoundError:
            return target
        self._write(sha256, [data])   # the folder archive's atomic write, into the cache
        return target

    def _create(self, sha: str, data: Any) -> None:
        import obstore
        from obstore.exceptions import AlreadyExistsError

        try:   # mode="create": if another writer stored it meanwhile, theirs stays (the same bytes)
            self._call(obstore.put, self.store, key(sha), data, mode="create")
        except AlreadyExistsError:
            pass

    def _call(self, fn: Any, *args: Any, **kwargs: Any) -> Any:
        """obstore's errors run to many lines; the caller gets the first, naming the archive."""
        from obstore.exceptions import AlreadyExistsError

        try:
            return fn(*args, **kwargs)
        except (FileNotFoundError, AlreadyExistsError):
            raise
        except Exception as exc:
            first = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
            raise ArchiveError(f"archive {self._location}: {first}") from None
