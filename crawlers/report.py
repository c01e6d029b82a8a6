"""What a crawl tells its caller (CrawlReport) and what its components share (CrawlContext)."""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from index.archive import Archive
from index.store import Store


@dataclass
class SourceReport:
    source: str
    spider: str
    new: int = 0            # documents not in the index before
    seen: int = 0           # documents already known (their last_seen moved forward)
    fetches: int = 0        # rows appended to the fetch log
    not_modified: int = 0   # of which 304 answers to a conditional request
    skipped: list[str] = field(default_factory=list)   # links left out on purpose, with why
    failures: list[str] = field(default_factory=list)  # one line each: what, where, why
    obey_robots: bool = True

    @property
    def documents(self) -> int:
        return self.new + self.seen

    @property
    def failed(self) -> bool:
        """A source that yields no document failed, whatever else happened."""
        return self.documents == 0

    def to_dict(self) -> dict[str, Any]:
        return {
            "source": self.source, "spider": self.spider, "new": self.new, "seen": self.seen,
            "documents": self.documents, "fetches": self.fetches,
            "not_modified": self.not_modified, "skipped": list(self.skipped),
            "failures": list(self.failures), "obey_robots": self.obey_robots,
            "failed": self.failed,
        }


@dataclass
class CrawlReport:
    sources: dict[str, SourceReport] = field(default_factory=dict)

    @property
    def failed(self) -> list[str]:
        return [name for name, rep in self.sources.items() if rep.failed]

    @property
    def ok(self) -> bool:
        return bool(self.sources) and not self.failed

    def __getitem__(self, name: str) -> SourceReport:
        return self.sources[name]

    def to_dict(self) -> dict[str, Any]:
        return {"ok": self.ok, "failed": self.failed,
                "sources": {name: rep.to_dict() for name, rep in self.sources.items()}}


@dataclass
class CrawlContext:
    """Handed to every spider; its middlewares and pipeline write through it (one reactor thread)."""
    store: Store
    archive: Archive
    progress: Callable[[str], None] | None = None

    def say(self, line: str) -> None:
        if self.progress is not None:
            self.progress(line)

    def known(self, url: str) -> dict[str, Any] | None:
        """The latest successful fetch of a URL whose body is in the archive, for a conditional GET."""
        rows = self.store.query(
            "SELECT url, final_url, etag, last_modified, sha256, content_type FROM fetches "
            "WHERE (url = ? OR final_url = ?) AND status = 200 AND sha256 IS NOT NULL "
            "ORDER BY fetched_at DESC LIMIT 1",
            [url, url],
        )
        if rows and self.archive.has(rows[0]["sha256"]):
            return rows[0]
        return None
