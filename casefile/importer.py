"""`casefile add`: local files into the archive, with the same chain-of-custody row as a crawl."""
from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

from casefile.case import CaseError
from index.archive import Archive
from index.ids import derive
from index.store import Store, now


def iter_files(paths: list[Path]):
    for path in paths:
        if path.is_dir():
            yield from sorted(p for p in path.rglob("*") if p.is_file() and not p.name.startswith("."))
        else:
            yield path


def import_date(text: str | None) -> date | None:
    """--date: YYYY-MM-DD, or a one-line error."""
    if not text:
        return None
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise CaseError(f"--date {text!r} is not a date: use YYYY-MM-DD") from None


def import_paths(paths: list[Path], *, store: Store, archive: Archive, kind: str, source: str,
                 url: str | None, doc_date: date | None, title: str | None) -> dict[str, Any]:
    report: dict[str, Any] = {"new": 0, "changed": 0, "known": 0, "failed": 0, "errors": []}
    for path in iter_files(paths):
        fetched_at = now()
        location = url or path.resolve().as_uri()
        try:
            with path.open("rb") as fh:
                sha, size = archive.put_stream(fh)
        except OSError as exc:
            report["failed"] += 1
            report["errors"].append(f"{path}: {exc.strerror or exc}")
            store.add_fetch({"fetch_id": derive(source, location, fetched_at.isoformat(), 0), "url": location,
                             "source": source, "fetched_at": fetched_at, "status": 0,
                             "error": f"cannot read file: {exc.strerror or exc}"})
            continue
        with store.transaction():
            store.add_fetch({"fetch_id": derive(source, location, fetched_at.isoformat(), 0), "url": location,
                             "final_url": location, "source": source, "fetched_at": fetched_at, "status": 0,
                             "sha256": sha, "size": size, "content_type": None})
            new = store.add_document({
                "doc_id": sha, "kind": kind, "source": source, "url": location, "filename": path.name,
                "title": title, "size": size, "doc_date": doc_date,
                "doc_date_source": "user" if doc_date else None,
                "meta": {"path": str(path.resolve())}, "last_seen": fetched_at})
        report["new" if new else "known"] += 1
    return report
