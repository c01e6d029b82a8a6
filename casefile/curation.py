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


def resolve_event_id(case: Case, prefix: str) -> str:
    with case.store(read_only=True) as store:
        rows = store.query("SELECT event_id FROM events WHERE event_id LIKE ?", [f"{prefix}%"])
    if len(rows) != 1:
        raise CaseError(f"{'no' if not rows else len(rows)} events match {prefix!r}")
    return rows[0]["event_id"]
