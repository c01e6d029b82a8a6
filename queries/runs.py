"""The record of `casefile run`, `crawl` and `process` jobs (table `runs`; casefile/runs.py writes it)."""
from __future__ import annotations

import json
import os
from datetime import datetime
from typing import Any

from index.store import Store


def runs(store: Store, limit: int | None = 20) -> list[dict[str, Any]]:
    """The latest jobs first, each with its counts and failures as data."""
    sql = "SELECT * FROM runs ORDER BY started_at DESC, run_id DESC"
    if limit:
        sql += f" LIMIT {int(limit)}"
    return [_plain(r) for r in store.query(sql)]


def other_running(store: Store, run_id: str) -> list[dict[str, Any]]:
    """Rows marked `running` but this one's: for the holder of the run lock, jobs that were killed."""
    return store.query("SELECT * FROM runs WHERE status = 'running' AND run_id <> ?", [run_id])


def running_since(store: Store) -> datetime | None:
    """When the oldest job still running (by another process) started, or None."""
    alive = [r["started_at"] for r in store.query("SELECT started_at, pid FROM runs WHERE status = 'running'")
             if r["pid"] != os.getpid() and _alive(r["pid"])]
    return min(alive) if alive else None


def failures_between(store: Store, since: datetime | None, until: datetime) -> list[dict[str, Any]]:
    """Every failure that jobs started in [since, until) recorded: sources, documents, digest emails."""
    rows = store.query("SELECT run_id, command, started_at, failures FROM runs "
                       "WHERE ($since IS NULL OR started_at >= $since) AND started_at < $until "
                       "ORDER BY started_at, run_id", {"since": since, "until": until})  # type: ignore[arg-type]
    return [{"run_id": r["run_id"], "command": r["command"], "when": r["started_at"], **f}
            for r in rows for f in json.loads(r["failures"] or "[]")]


def _plain(row: dict[str, Any]) -> dict[str, Any]:
    out = dict(row)
    for key in ("counts", "failures"):
        out[key] = json.loads(row[key]) if row.get(key) else ({} if key == "counts" else [])
    out["sources"] = list(row.get("sources") or [])
    return out


def _alive(pid: int | None) -> bool:
    if not pid:
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:   # someone else's process: alive
        return True
    return True
