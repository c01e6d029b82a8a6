"""People: canonical names with every alias and their roles over time."""
from __future__ import annotations

import json
from typing import Any

from index.store import Store
from queries.filters import person_ids


def people(store: Store, name: str | None = None, limit: int | None = None) -> list[dict[str, Any]]:
    where, params = "", []
    if name:
        where, params = "WHERE p.person_id IN (SELECT unnest(?))", [person_ids(store, name)]
    sql = f"""
        SELECT p.person_id, p.name, p.aliases, p.roles,
               (SELECT count(DISTINCT coalesce(e.cluster_id, e.event_id)) FROM event_people ep
                JOIN events e USING (event_id) WHERE ep.person_id = p.person_id AND NOT e.rejected) AS events,
               (SELECT count(*) FROM mentions m WHERE m.person_id = p.person_id) AS mentions,
               (SELECT count(DISTINCT m.doc_id) FROM mentions m WHERE m.person_id = p.person_id) AS documents
        FROM people p {where}
        ORDER BY events DESC, mentions DESC, p.name"""
    if limit:
        sql += f" LIMIT {int(limit)}"
    rows = store.query(sql, params)
    for r in rows:
        r["aliases"] = list(r["aliases"] or [])
        r["roles"] = json.loads(r["roles"]) if isinstance(r["roles"], str) else (r["roles"] or [])
    return rows
