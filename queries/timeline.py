"""The timeline: one entry per real-world event, with every source that reports it.

It reads the `timeline` table (index/timeline.py), where each cluster's representative mention
already carries its people, issues and sources: a person's or a month's timeline is one scan of
one sorted table, whatever the size of the case.
"""
from __future__ import annotations

from typing import Any

from index.store import Store
from index.timeline import ORDER
from queries.filters import Filters, person_ids


def timeline(store: Store, f: Filters | None = None) -> list[dict[str, Any]]:
    f = f or Filters()
    where, params = ["1=1"], []
    table = "timeline"
    if f.person:   # the copy sorted by person; an entry with two of the matched ids comes once
        ids = person_ids(store, f.person)
        table = "(SELECT * EXCLUDE (person_id) FROM timeline_by_person WHERE person_id IN " \
                "(SELECT unnest(?::VARCHAR[])) QUALIFY row_number() OVER (PARTITION BY cluster_id) = 1)"
        params.append(ids)
    if not f.planned:
        where.append("t.modality <> 'planned'")
    if f.issue:
        where.append("len(list_filter(t.issues, i -> i = ? OR i ILIKE ?)) > 0")
        params += [f.issue, f.issue.replace(" ", "_")]
    if f.kind:
        where.append("len(list_filter(t.sources, s -> s.kind = ?)) > 0")
        params.append(f.kind)
    if f.source:
        where.append("len(list_filter(t.sources, s -> s.source = ?)) > 0")
        params.append(f.source)
    if f.date_from:
        where.append("t.date_end >= ?")
        params.append(f.date_from)
    if f.date_to:
        where.append("t.date_start <= ?")
        params.append(f.date_to)
    sql = f"SELECT t.* FROM {table} t WHERE {' AND '.join(where)} ORDER BY {ORDER}"
    if f.limit:
        sql += f" LIMIT {int(f.limit)}"
    return [_entry(row) for row in store.query(sql, params)]


def _entry(e: dict[str, Any]) -> dict[str, Any]:
    srcs = e["sources"]
    dates_seen = {(s["date_start"], s["date_end"]) for s in srcs if s["date_start"]}
    return {
        "event_id": e["event_id"], "cluster_id": e["cluster_id"],
        "date_start": _iso(e["date_start"]), "date_end": _iso(e["date_end"]),
        "date_precision": e["date_precision"], "date_source": e["date_source"],
        "date_text": e["date_text"], "text": e["text"], "trigger": e["trigger"], "type": e["type"],
        "modality": e["modality"], "polarity": e["polarity"],
        "people": list(e["people"]),
        "issues": list(e["issues"]),
        "dates_disagree": len(dates_seen) > 1,
        "sources": [{"doc_id": s["doc_id"], "event_id": s["event_id"], "title": s["title"],
                     "url": s["url"], "kind": s["kind"], "source": s["source"], "page": s["page"],
                     "char_start": s["char_start"], "char_end": s["char_end"], "text": s["text"],
                     "date_start": _iso(s["date_start"]), "date_end": _iso(s["date_end"]),
                     "date_precision": s["date_precision"]} for s in srcs],
    }


def _iso(value: Any) -> str | None:
    return value.isoformat() if value is not None else None
