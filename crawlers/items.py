"""The one item the spiders yield: a document sighting, described but not extracted (DESIGN.md)."""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any


@dataclass
class DocumentItem:
    source: str
    kind: str
    url: str                       # the final URL, after redirects
    sha256: str                    # doc_id: the archive key of the body
    fetched_at: datetime           # becomes the document's last_seen
    filename: str | None = None
    title: str | None = None
    content_type: str | None = None
    size: int | None = None
    doc_date: date | None = None
    doc_date_source: str | None = None   # metadata | title | fetch_time
    meta: dict[str, Any] = field(default_factory=dict)
    not_modified: bool = False     # answered 304: nothing was downloaded again

    def row(self) -> dict[str, Any]:
        """A row for Store.add_document (columns of index/schema.sql `documents`)."""
        return {
            "doc_id": self.sha256, "kind": self.kind, "source": self.source, "url": self.url,
            "filename": self.filename, "title": self.title, "title_source": "crawler" if self.title else None,
            "content_type": self.content_type,
            "size": self.size, "doc_date": self.doc_date, "doc_date_source": self.doc_date_source,
            "meta": {k: v for k, v in self.meta.items() if v not in (None, "")},
            "last_seen": self.fetched_at,
        }
