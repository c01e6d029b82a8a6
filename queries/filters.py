"""The filters every query command shares (--person --issue --kind --source --from --to --limit)."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from index.store import Store


class QueryError(Exception):
    """A query the user typed that casefile cannot answer, worded in one line."""


@dataclass
class Filters:
    person: str | None = None
    issue: str | None = None
    kind: str | None = None
    source: str | None = None
    date_from: date | None = None
    date_to: date | None = None
    limit: int | None = None
    planned: bool = False       # include statements of intent and predictions ("will publish")

    def as_dict(self) -> dict[str, Any]:
        return {k: (v.isoformat() if isinstance(v, date) else v)
                for k, v in self.__dict__.items() if v is not None}


def person_ids(store: Store, name: str) -> list[str]:
    """Every person whose canonical name or any alias matches (whole name first, then part)."""
    exact = store.query(
        "SELECT person_id FROM people WHERE lower(name) = lower(?) "
        "OR list_contains(list_transform(aliases, a -> lower(a)), lower(?))", [name, name])
    if exact:
        return [r["person_id"] for r in exact]
    rows = store.query(
        "SELECT person_id FROM people WHERE name ILIKE ? "
        "OR len(list_filter(aliases, a -> a ILIKE ?)) > 0", [f"%{name}%", f"%{name}%"])
    if not rows:
        raise QueryError(f"no person matches {name!r}: try `casefile people`")
    return [r["person_id"] for r in rows]


def parse_date(text: str | None, *, end: bool = False) -> date | None:
    """YYYY, YYYY-MM or YYYY-MM-DD; a bound at lower precision covers the whole period."""
    if not text:
        return None
    from pipeline.dates import normalize

    interval = normalize(text)
    if interval is None:
        raise QueryError(f"not a date: {text!r} (use YYYY, YYYY-MM or YYYY-MM-DD)")
    return interval.end if end else interval.start
