"""Case-wide steps after each run: the user's event curation (rejections and date fixes, so every
later step sees them), people across documents (with the user's person curation applied after the
automatic clustering), roles over time, who is in which event, the same event across sources,
and the timeline table the queries read (index/timeline.py).
The user's word always wins: nothing here writes over it."""
from __future__ import annotations

from datetime import date
from typing import Any

import pyarrow as pa

from index import timeline
from index.store import Store
from pipeline import cluster, dates
from pipeline.people import cluster_people
from pipeline.roles import resolve_role, tenure_statements


def link_case(store: Store, curation: dict[str, Any]) -> None:
    apply_event_curation(store, curation)   # rejected events and corrected dates count from here on
    people = link_people(store, curation)
    link_event_people(store)
    people = link_tenures(store, people)
    link_roles(store, people)
    link_event_people(store)                # again, now with "the director" resolved
    link_events(store)
    timeline.refresh(store.con)            # the timeline table, read by every timeline query


def link_event_people(store: Store) -> None:
    store.con.execute("DELETE FROM event_people")
    store.con.execute("""
        INSERT INTO event_people
        SELECT DISTINCT e.event_id, m.person_id, coalesce(m.event_role, 'mentioned')
        FROM events e JOIN mentions m
          ON m.doc_id = e.doc_id AND m.page = e.page
         AND m.char_start >= e.char_start AND m.char_end <= e.char_end
        WHERE m.person_id IS NOT NULL AND m.label IN ('PERSON', 'ROLE')""")


def link_tenures(store: Store, people: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Appointments, resignations and dismissals start and end roles (pipeline/roles.py)."""
    events = store.query("""
        SELECT e.event_id, e.doc_id, e.page, e.char_start, e.text, e.type, e.trigger, e.date_start,
               e.date_precision, e.modality, e.polarity, e.rejected
        FROM events e JOIN documents d USING (doc_id)
        WHERE e.type IN ('appointment', 'resignation', 'personnel_action') AND NOT e.rejected
        ORDER BY d.doc_date NULLS LAST, e.doc_id, e.page, e.char_start""")   # the earliest source cites a change,
    # whatever order the documents were processed in
    mentions = store.query("""
        SELECT e.event_id, m.person_id, m.char_start, m.char_end, m.event_role
        FROM events e JOIN mentions m
          ON m.doc_id = e.doc_id AND m.page = e.page
         AND m.char_start >= e.char_start AND m.char_end <= e.char_end
        WHERE m.person_id IS NOT NULL AND m.label = 'PERSON'
          AND e.type IN ('appointment', 'resignation', 'personnel_action')""")
    held = {p["person_id"]: p["roles"] for p in people}
    changes = tenure_statements(events, mentions, held)
    if not changes:
        return people
    for p in people:
        if p["person_id"] in changes:
            p["roles"] = sorted(p["roles"] + changes[p["person_id"]],
                                key=lambda r: (r.get("date") is None, r.get("date") or "", r.get("change") or ""))
    store.con.execute("DELETE FROM people")
    store.upsert("people", people)
    return people


def link_people(store: Store, curation: dict[str, Any]) -> list[dict[str, Any]]:
    mentions = store.query("""
        SELECT m.mention_id, m.doc_id, d.doc_date, m.page, m.char_start, m.char_end, m.text,
               m.label, m.title, m.role, m.name_key
        FROM mentions m JOIN documents d USING (doc_id)
        WHERE m.label = 'PERSON' ORDER BY m.doc_id, m.page, m.char_start""")
    keys = {m["mention_id"]: m["name_key"] for m in mentions}
    people, assigned = cluster_people(mentions, keys, curation)
    store.con.execute("DELETE FROM people")
    store.upsert("people", people)
    _set_person_ids(store, assigned, "PERSON")
    return people


def link_roles(store: Store, people: list[dict[str, Any]]) -> None:
    """'the director' on a date resolves to whoever held that role then, when that is known."""
    roles = store.query("""
        SELECT m.mention_id, m.text, coalesce(e.date_start, d.doc_date) AS on_date
        FROM mentions m JOIN documents d USING (doc_id)
        LEFT JOIN events e ON e.doc_id = m.doc_id AND e.page = m.page
             AND m.char_start >= e.char_start AND m.char_end <= e.char_end
        WHERE m.label = 'ROLE'""")
    assigned = {}
    for r in roles:
        if isinstance(r["on_date"], date):
            assigned[r["mention_id"]] = resolve_role(r["text"], r["on_date"], people)
    _set_person_ids(store, assigned, "ROLE")


def _set_person_ids(store: Store, assigned: dict[str, str | None], label: str) -> None:
    store.con.execute("UPDATE mentions SET person_id = NULL WHERE label = ?", [label])
    pairs = [(k, v) for k, v in assigned.items() if v]
    if not pairs:
        return
    table = pa.table({"mention_id": [k for k, _ in pairs], "person_id": [v for _, v in pairs]})
    store.con.register("_assigned", table)
    try:
        store.con.execute("""UPDATE mentions SET person_id = a.person_id FROM _assigned a
                             WHERE mentions.mention_id = a.mention_id""")
    finally:
        store.con.unregister("_assigned")


def link_events(store: Store) -> None:
    rows = store.query("""
        SELECT e.event_id, e.doc_id, e.type, e.text, e.date_start, e.date_end, e.date_precision, e.embedding,
               list(ep.person_id) FILTER (WHERE ep.person_id IS NOT NULL) AS people
        FROM events e LEFT JOIN event_people ep USING (event_id)
        WHERE NOT e.rejected
        GROUP BY ALL""")
    for r in rows:
        r["people"] = r["people"] or []
    clusters = cluster.cluster_events(rows)
    store.con.execute("UPDATE events SET cluster_id = NULL")  # a rejected event stands alone
    table = pa.table({"event_id": list(clusters), "cluster_id": list(clusters.values())})
    store.con.register("_clusters", table)
    try:
        store.con.execute("UPDATE events SET cluster_id = c.cluster_id FROM _clusters c "
                          "WHERE events.event_id = c.event_id")
    finally:
        store.con.unregister("_clusters")


def apply_event_curation(store: Store, curation: dict[str, Any]) -> None:
    store.con.execute("UPDATE events SET rejected = false WHERE rejected")
    rejected = [i for r in curation.get("reject", []) if r.get("event") for i in _curated_events(store, r)]
    if rejected:
        store.con.execute("UPDATE events SET rejected = true WHERE event_id IN (SELECT unnest(?))", [rejected])
    for fix in curation.get("date", []):
        interval = dates.normalize(str(fix.get("date", "")))
        if fix.get("event") and interval:
            for event_id in _curated_events(store, fix):
                store.con.execute(
                    "UPDATE events SET date_start = ?, date_end = ?, date_precision = ?, "
                    "date_source = 'user', date_text = ? WHERE event_id = ?",
                    [interval.start, interval.end, interval.precision, str(fix["date"]), event_id])


def _curated_events(store: Store, entry: dict[str, Any]) -> list[str]:
    """The events a curation entry means: its event id, or, when a new stage version changed the ids,
    the same sentence on the same page of the same document (`casefile reject` records all three)."""
    if entry.get("doc") and entry.get("text"):
        rows = store.con.execute(
            "SELECT event_id FROM events WHERE event_id = ? OR (doc_id = ? AND page = ? AND text = ?)",
            [entry["event"], entry["doc"], entry.get("page"), entry["text"]]).fetchall()
    else:
        rows = store.con.execute("SELECT event_id FROM events WHERE event_id = ?", [entry["event"]]).fetchall()
    return [r[0] for r in rows]
