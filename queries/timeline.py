"""The timeline: one entry per real-world event, with every source that reports it."""
from __future__ import annotations

from typing import Any

from index.store import Store
from queries.filters import Filters, person_ids


def timeline(store: Store, f: Filters | None = None) -> list[dict[str, Any]]:
    f = f or Filters()
    where, params = ["1=1"], []
    if not f.planned:
        where.append("t.modality <> 'planned'")
    if f.person:
        ids = person_ids(store, f.person)
        where.append("t.cluster_id IN (SELECT coalesce(e.cluster_id, e.event_id) FROM events e "
                     "JOIN event_people ep USING (event_id) WHERE ep.person_id IN (SELECT unnest(?)))")
        params.append(ids)
    if f.issue:
        where.append("t.cluster_id IN (SELECT coalesce(e.cluster_id, e.event_id) FROM events e "
                     "JOIN event_issues ei USING (event_id) WHERE ei.issue = ? OR ei.issue ILIKE ?)")
        params += [f.issue, f.issue.replace(" ", "_")]
    if f.kind:
        where.append("t.cluster_id IN (SELECT coalesce(e.cluster_id, e.event_id) FROM events e "
                     "JOIN documents d USING (doc_id) WHERE d.kind = ?)")
        params.append(f.kind)
    if f.source:
        where.append("t.cluster_id IN (SELECT coalesce(e.cluster_id, e.event_id) FROM events e "
                     "JOIN documents d USING (doc_id) WHERE d.source = ?)")
        params.append(f.source)
    if f.date_from:
        where.append("t.date_end >= ?")
        params.append(f.date_from)
    if f.date_to:
        where.append("t.date_start <= ?")
        params.append(f.date_to)
    sql = f"""SELECT t.* FROM timeline t WHERE {' AND '.join(where)}
              ORDER BY t.date_start NULLS LAST, t.date_end, t.doc_id, t.page, t.char_start"""
    if f.limit:
        sql += f" LIMIT {int(f.limit)}"
    entries = store.query(sql, params)
    return _attach(store, entries)


def _attach(store: Store, entries: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """People, issues and sources of each cluster, in three queries (not one per entry)."""
    if not entries:
        return []
    ids = [e["cluster_id"] for e in entries]
    members = "SELECT event_id, coalesce(cluster_id, event_id) AS cid FROM events WHERE NOT rejected " \
              "AND coalesce(cluster_id, event_id) IN (SELECT unnest(?))"
    people = _grouped(store, f"""
        SELECT m.cid, p.name, min(ep.role) AS role FROM ({members}) m
        JOIN event_people ep USING (event_id) JOIN people p USING (person_id)
        GROUP BY ALL ORDER BY m.cid, p.name""", ids)
    issues = _grouped(store, f"""
        SELECT m.cid, ei.issue, max(ei.score) AS score FROM ({members}) m
        JOIN event_issues ei USING (event_id) GROUP BY ALL ORDER BY m.cid, score DESC, ei.issue""", ids)
    sources = _grouped(store, f"""
        SELECT m.cid, e.event_id, d.doc_id, d.title, d.url, d.kind, d.source, e.page, e.char_start,
               e.char_end, e.text, e.date_start, e.date_end, e.date_precision, e.date_source
        FROM ({members}) m JOIN events e USING (event_id) JOIN documents d ON d.doc_id = e.doc_id
        ORDER BY m.cid, d.kind = 'news', d.doc_date, e.doc_id, e.page""", ids)
    out = []
    for e in entries:
        cid = e["cluster_id"]
        srcs = sources.get(cid, [])
        dates_seen = {(s["date_start"], s["date_end"]) for s in srcs if s["date_start"]}
        out.append({
            "event_id": e["event_id"], "cluster_id": cid,
            "date_start": _iso(e["date_start"]), "date_end": _iso(e["date_end"]),
            "date_precision": e["date_precision"], "date_source": e["date_source"],
            "date_text": e["date_text"], "text": e["text"], "trigger": e["trigger"], "type": e["type"],
            "modality": e["modality"], "polarity": e["polarity"],
            "people": [p["name"] for p in people.get(cid, [])],
            "issues": [i["issue"] for i in issues.get(cid, [])],
            "dates_disagree": len(dates_seen) > 1,
            "sources": [{"doc_id": s["doc_id"], "event_id": s["event_id"], "title": s["title"],
                         "url": s["url"], "kind": s["kind"], "source": s["source"], "page": s["page"],
                         "char_start": s["char_start"], "char_end": s["char_end"], "text": s["text"],
                         "date_start": _iso(s["date_start"]), "date_end": _iso(s["date_end"]),
                         "date_precision": s["date_precision"]} for s in srcs],
        })
    return out


def _grouped(store: Store, sql: str, ids: list[str]) -> dict[str, list[dict[str, Any]]]:
    groups: dict[str, list[dict[str, Any]]] = {}
    for row in store.query(sql, [ids]):
        groups.setdefault(row.pop("cid"), []).append(row)
    return groups


def _iso(value: Any) -> str | None:
    return value.isoformat() if value is not None else None
