"""What the case holds and what went wrong: counts by status, failures with their reasons."""
from __future__ import annotations

from typing import Any

from index.store import Store
from queries.changes import change_counts


def status(store: Store) -> dict[str, Any]:
    return {
        "documents": store.query("SELECT kind, status, count(*) AS n FROM documents GROUP BY ALL ORDER BY ALL"),
        "failures": store.query("SELECT doc_id, kind, source, url, filename, error FROM documents "
                                "WHERE status = 'failed' ORDER BY source, url"),
        "needs_ocr": store.scalar("SELECT count(*) FROM pages WHERE method = 'needs_ocr'"),
        "fetch_errors": store.scalar("SELECT count(*) FROM fetches WHERE error IS NOT NULL"),
        "counts": store.counts(),
        "timeline_entries": store.scalar("SELECT count(*) FROM timeline"),
        "changes": change_counts(store),  # per source: new, changed (new versions), removed
    }
