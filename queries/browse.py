"""What browsing the case needs beyond the CLI's queries: the values a filter can take, a person's
profile (events, the people they appear with, their documents), and which originals may be served."""
from __future__ import annotations

import json
import re
from typing import Any

from index.store import Store
from queries.timeline import timeline

SHA256 = re.compile(r"[0-9a-f]{64}")


def facets(store: Store) -> dict[str, Any]:
    """Kinds, sources and issues present in the case, with counts, for filter menus."""
    return {
        "kinds": store.query("SELECT kind AS value, count(*) AS n FROM documents GROUP BY ALL ORDER BY kind"),
        "sources": store.query("SELECT source AS value, count(*) AS n FROM documents GROUP BY ALL ORDER BY source"),
        "issues": store.query(
            "SELECT ei.issue AS value, count(DISTINCT coalesce(e.cluster_id, e.event_id)) AS n "
            "FROM event_issues ei JOIN events e USING (event_id) WHERE NOT e.rejected GROUP BY ALL ORDER BY n DESC, value"),
        "people": [r["name"] for r in store.query(
            "SELECT p.name FROM people p JOIN event_people ep USING (person_id) "
            "GROUP BY ALL ORDER BY count(*) DESC, p.name LIMIT 500")],
    }


def people_ids_by_name(store: Store) -> dict[str, str]:
    """Canonical name -> person_id, to link the names a timeline entry lists."""
    return {r["name"]: r["person_id"] for r in store.query("SELECT name, person_id FROM people ORDER BY person_id DESC")}


def profile(store: Store, person_id: str) -> dict[str, Any] | None:
    rows = store.query("SELECT person_id, name, aliases, roles FROM people WHERE person_id = ?", [person_id])
    if not rows:
        return None
    person = rows[0]
    person["aliases"] = sorted(set(person["aliases"] or []) - {person["name"]})
    roles = json.loads(person["roles"]) if isinstance(person["roles"], str) else (person["roles"] or [])
    person["roles"] = sorted(roles, key=lambda r: (r.get("date") or "9999", r.get("role") or ""))
    clusters = {r["cid"] for r in store.query(
        "SELECT DISTINCT coalesce(e.cluster_id, e.event_id) AS cid FROM event_people ep "
        "JOIN events e USING (event_id) WHERE ep.person_id = ? AND NOT e.rejected", [person_id])}
    person["entries"] = [e for e in timeline(store) if e["cluster_id"] in clusters] if clusters else []
    person["with"] = store.query("""
        SELECT p.person_id, p.name, count(DISTINCT coalesce(e.cluster_id, e.event_id)) AS events
        FROM event_people a
        JOIN events e ON e.event_id = a.event_id AND NOT e.rejected
        JOIN events e2 ON coalesce(e2.cluster_id, e2.event_id) = coalesce(e.cluster_id, e.event_id) AND NOT e2.rejected
        JOIN event_people b ON b.event_id = e2.event_id AND b.person_id <> a.person_id
        JOIN people p ON p.person_id = b.person_id
        WHERE a.person_id = ?
        GROUP BY ALL ORDER BY events DESC, p.name LIMIT 12""", [person_id])
    person["documents"] = store.query("""
        SELECT d.doc_id, d.title, d.filename, d.url, d.kind, d.source, d.doc_date, count(*) AS mentions,
               arg_min(m.page, (m.page, m.char_start)) AS page,
               arg_min(m.char_start, (m.page, m.char_start)) AS char_start,
               arg_min(m.char_end, (m.page, m.char_start)) AS char_end
        FROM mentions m JOIN documents d USING (doc_id)
        WHERE m.person_id = ?
        GROUP BY ALL ORDER BY d.doc_date NULLS LAST, d.title, d.doc_id""", [person_id])
    return person


def role_spans(roles: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The same role (and organisation) stated many times, as one line with the dates it spans."""
    spans: dict[tuple[str, str], dict[str, Any]] = {}
    for r in roles:
        key = (r.get("role") or "", r.get("org") or "")
        span = spans.setdefault(key, {"role": key[0], "org": key[1], "first": None, "last": None, "n": 0,
                                      "doc_id": r.get("doc_id"), "page": r.get("page")})
        span["n"] += 1
        when = (r.get("date") or "")[:7] or None
        if when:
            if span["first"] is None or when < span["first"]:
                span.update(first=when, doc_id=r.get("doc_id"), page=r.get("page"))
            span["last"] = max(span["last"] or when, when)
    return sorted(spans.values(), key=lambda s: (s["first"] or "9999", s["role"]))


def original(store: Store, sha256: str) -> dict[str, Any] | None:
    """The stored facts about a document's original bytes; None unless sha256 names a document."""
    if not SHA256.fullmatch(sha256):
        return None
    rows = store.query("SELECT doc_id, filename, url, content_type, size FROM documents WHERE doc_id = ?", [sha256])
    return rows[0] if rows else None


def issue_labels(taxonomy_overrides: dict[str, Any] | None = None) -> dict[str, str]:
    """Issue key -> label, in taxonomy order (a stable order gives each issue a stable colour)."""
    from pipeline.issues import load_taxonomy

    return {i.key: i.label for i in load_taxonomy(taxonomy_overrides)}
