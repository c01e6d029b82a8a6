"""What changed in the case's sources: new documents, new versions, removals (issue 3).

- new: a document first seen at a URL with no earlier version;
- changed: new bytes at a known URL, a version that `supersedes` the one before (both kept);
- removed: a document marked removed (`removed_at`), because its listing stopped linking to
  it or its URL answered 404/410 — the fetch that said so gives the reason.
Each is dated by when casefile first saw it (first_seen, removed_at); `since` keeps those at or
after a moment. The fetch log adds, per source, how many fetches ran and failed in the period.
"""
from __future__ import annotations

from datetime import date, datetime, time
from typing import Any

from index.store import Store
from queries.filters import QueryError, parse_date

CHANGES = ("new", "changed", "removed")


def parse_since(text: str | None) -> datetime | None:
    """YYYY, YYYY-MM, YYYY-MM-DD (from its start, local time) or an ISO 8601 date-time."""
    if not text:
        return None
    if "T" in text or " " in text.strip():
        try:
            when = datetime.fromisoformat(text.strip())
        except ValueError:
            raise QueryError(f"not a date or time: {text!r} (use YYYY-MM-DD or YYYY-MM-DDTHH:MM)") from None
        return when if when.tzinfo else when.astimezone()
    day = parse_date(text)
    return datetime.combine(day, time.min).astimezone() if isinstance(day, date) else None


def changes(store: Store, since: datetime | None = None, source: str | None = None,
            until: datetime | None = None) -> dict[str, Any]:
    """{"since", "sources": [per-source counts], "changes": [one row per new/changed/removed document]};
    `until` (exclusive) ends the period (the digest's, queries/digest.py)."""
    params = {"since": since, "source": source, "until": until}
    rows = store.query(
        """
        WITH gone AS (  -- the 404/410 fetch that marked a document removed, if one did
            SELECT fetched_at, any_value(error ORDER BY url) AS error FROM fetches
            WHERE status IN (404, 410) GROUP BY fetched_at
        ), found AS (
            SELECT CASE WHEN supersedes IS NULL THEN 'new' ELSE 'changed' END AS change,
                   first_seen AS "when", d.*, NULL AS reason
            FROM documents d
            UNION ALL
            SELECT 'removed', removed_at, d.*, coalesce(g.error, 'no longer listed')
            FROM documents d LEFT JOIN gone g ON g.fetched_at = d.removed_at
            WHERE removed_at IS NOT NULL
        )
        SELECT change, "when", source, kind, doc_id, url, title, filename, doc_date, supersedes, reason
        FROM found
        WHERE ($since IS NULL OR "when" >= $since) AND ($until IS NULL OR "when" < $until)
          AND ($source IS NULL OR source = $source)
        ORDER BY "when", source, change, url, doc_id
        """, params)  # type: ignore[arg-type]
    fetches = store.query(
        """
        SELECT source, count(*) AS fetches, count(error) AS fetch_errors, max(fetched_at) AS last_fetch
        FROM fetches
        WHERE ($since IS NULL OR fetched_at >= $since) AND ($until IS NULL OR fetched_at < $until)
          AND ($source IS NULL OR source = $source)
        GROUP BY source
        """, params)  # type: ignore[arg-type]
    per: dict[str, dict[str, Any]] = {}
    for f in fetches:
        per[f["source"]] = {"source": f["source"], **{c: 0 for c in CHANGES}, "fetches": f["fetches"],
                            "fetch_errors": f["fetch_errors"], "last_fetch": f["last_fetch"]}
    for r in rows:
        entry = per.setdefault(r["source"], {"source": r["source"], **{c: 0 for c in CHANGES},
                                             "fetches": 0, "fetch_errors": 0, "last_fetch": None})
        entry[r["change"]] += 1
    return {
        "since": since.isoformat() if since else None,
        "sources": sorted(per.values(), key=lambda e: e["source"]),
        "changes": rows,
    }


def change_counts(store: Store) -> list[dict[str, Any]]:
    """Per source, all time: documents new at their URL, new versions, and removed ones (for status)."""
    return store.query(
        "SELECT source, count(*) FILTER (WHERE supersedes IS NULL) AS new, "
        "count(*) FILTER (WHERE supersedes IS NOT NULL) AS changed, "
        "count(*) FILTER (WHERE removed_at IS NOT NULL) AS removed "
        "FROM documents GROUP BY source ORDER BY source")
