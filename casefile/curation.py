"""Writing the user's decisions to curation.toml (appending; never rewriting what is there)."""
from __future__ import annotations

import json
from typing import Any

from casefile.case import Case, CaseError


def add_entry(case: Case, table: str, entry: dict[str, Any]) -> None:
    existing = case.curation().get(table, [])
    if entry in existing:
        return
    lines = [f"\n[[{table}]]"]
    for key, value in entry.items():
        lines.append(f"{key} = {json.dumps(value, ensure_ascii=False)}")  # JSON strings/lists are valid TOML
    with case.curation_path.open("a", encoding="utf-8") as fh:
        fh.write("\n".join(lines) + "\n")


def event_entry(case: Case, prefix: str) -> dict[str, Any]:
    """What curation.toml records of an event: its id, and its document, page and exact sentence, so
    the decision still finds the event when a new stage version gives it another id."""
    with case.store(read_only=True) as store:
        rows = store.query("SELECT event_id, doc_id, page, text FROM events WHERE event_id LIKE ?", [f"{prefix}%"])
    if len(rows) != 1:
        raise CaseError(f"{'no' if not rows else len(rows)} events match {prefix!r}")
    r = rows[0]
    return {"event": r["event_id"], "doc": r["doc_id"], "page": r["page"], "text": r["text"]}
