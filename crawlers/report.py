"""What a crawl tells its caller (CrawlReport) and what its components share (CrawlContext)."""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from index.archive import Archive
from index.store import Store


@dataclass
class SourceReport:
    source: str
    spider: str
    new: int = 0            # documents not in the index before, at a URL new to it
    changed: int = 0        # new bytes at a known URL: a new version that supersedes the old one
    seen: int = 0           # documents already known (their last_seen moved forward)
    removed: int = 0        # documents marked removed: no longer listed, or their URL answers 404/410
    fetches: int = 0        # rows appended to the fetch log
    not_modified: int = 0   # of which 304 answers to a conditional request
    settled: int = 0        # documents of settled meetings already stored: not asked for again
    replayed: int = 0       # listings of settled meetings read again from the archive, not the network
    skipped: list[str] = field(default_factory=list)   # links left out on purpose, with why
    failures: list[str] = field(default_factory=list)  # one line each: what, where, why
    obey_robots: bool = True

    @property
    def documents(self) -> int:
        return self.new + self.changed + self.seen + self.settled

    @property
    def failed(self) -> bool:
        """A source that yields no document failed, whatever else happened."""
        return self.documents == 0

    def to_dict(self) -> dict[str, Any]:
        return {
            "source": self.source, "spider": self.spider, "new": self.new, "changed": self.changed,
            "seen": self.seen, "removed": self.removed, "documents": self.documents, "fetches": self.fetches,
            "not_modified": self.not_modified, "settled": self.settled, "replayed": self.replayed,
            "skipped": list(self.skipped),
            "failures": list(self.failures), "obey_robots": self.obey_robots,
            "failed": self.failed,
        }

    def __str__(self) -> str:
        line = (f"{self.source}: {self.new} new, {self.changed} changed, {self.seen} unchanged, "
                f"{self.removed} removed; {self.fetches} fetches ({self.not_modified} not modified)")
        if self.settled or self.replayed:
            line += (f"; {self.settled} settled documents not asked for again, "
                     f"{self.replayed} settled listings read from the archive")
        if self.failed:
            line += " — FAILED"
        return "\n".join([line] + [f"  {f}" for f in self.failures])


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

    def __str__(self) -> str:
        return "\n".join(str(rep) for rep in self.sources.values()) or "no sources crawled"


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
            "SELECT url, final_url, etag, last_modified, sha256, content_type, fetched_at FROM fetches "
            "WHERE (url = ? OR final_url = ?) AND status = 200 AND sha256 IS NOT NULL AND error IS NULL "
            "ORDER BY fetched_at DESC LIMIT 1",
            [url, url],
        )
        if rows and self.archive.has(rows[0]["sha256"]):
            return rows[0]
        return None

    # -- removals: marks on documents, never deletions ------------------------------------
    def mark_gone(self, urls: list[str], when: datetime) -> list[str]:
        """The URLs answered 404/410: mark the version last seen at each (or where it redirected)."""
        urls = sorted(set(urls) | self._final_urls(None, urls))
        found = [doc for url in urls if (doc := self.store.current_at(url)) and doc["removed_at"] is None]
        return self._mark([d["doc_id"] for d in found], when)

    def stored(self, source: str, url: str) -> bool:
        """Is the version last seen at `url` (or where it redirected) a document of `source` that is
        not marked removed?"""
        for at in (url, *sorted(self._final_urls(source, [url]) - {url})):
            doc = self.store.current_at(at)
            if doc is not None and doc["source"] == source and doc["removed_at"] is None:
                return True
        return False

    def mark_unlisted(self, source: str, listed: set[str], when: datetime,
                      dates: tuple[date, date] | None = None) -> list[str]:
        """A complete crawl of a source's listings found `listed`: mark its documents missing from it.
        `dates`: the meeting dates those listings covered; a dated document outside them is not
        judged (a calendar showing this year proves nothing about last year)."""
        present = listed | self._final_urls(source, sorted(listed))
        lo, hi = dates or (None, None)
        rows = self.store.query(
            "WITH cur AS (SELECT doc_id, row_number() OVER (PARTITION BY url ORDER BY last_seen DESC, "
            "first_seen DESC, doc_id) AS rn FROM documents WHERE url IS NOT NULL) "
            "SELECT d.doc_id, d.url FROM documents d JOIN cur USING (doc_id) "
            "WHERE cur.rn = 1 AND d.source = ? AND d.removed_at IS NULL "
            "AND (d.url LIKE 'http://%' OR d.url LIKE 'https://%') "
            "AND json_extract_string(d.meta, '$.parent') IS NULL "  # attachments are never listed
            "AND (? IS NULL OR d.doc_date IS NULL OR d.doc_date BETWEEN ? AND ?)", [source, lo, lo, hi])
        return self._mark([r["doc_id"] for r in rows if r["url"] not in present], when)

    def _final_urls(self, source: str | None, urls: list[str]) -> set[str]:
        if not urls:
            return set()
        rows = self.store.query(
            "SELECT DISTINCT final_url FROM fetches WHERE url IN (SELECT unnest(?)) AND final_url IS NOT NULL "
            "AND (? IS NULL OR source = ?)", [urls, source, source])
        return {r["final_url"] for r in rows}

    def _mark(self, doc_ids: list[str], when: datetime) -> list[str]:
        self.store.mark_removed(doc_ids, when)
        return doc_ids
