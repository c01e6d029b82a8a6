"""`casefile add`: local files into the archive, with the same chain-of-custody row as a crawl.

Every file read is one `fetches` row (its source, the file's own path as a file:// URL, the
time, its sha256), whether or not its bytes were new: importing a folder twice adds no
document but records both imports. A document keeps the file's original name (`filename`)
and path (`meta.path`); its `url` is `--url` when given (where the record came from), else
the file's path. New bytes at the same path (or `--url`) are a new version that supersedes
the one imported before.
"""
from __future__ import annotations

import mimetypes
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

from casefile.case import CaseError
from index.archive import Archive
from index.ids import derive
from index.kinds import KINDS
from index.store import Store, now



def iter_files(paths: list[Path]) -> Iterator[Path]:
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
    if kind not in KINDS:
        raise CaseError(f"--kind {kind!r} is not one of {', '.join(KINDS)}")
    files = list(iter_files(paths))
    if url and len(files) > 1:
        raise CaseError(f"--url names one document, but {len(files)} files were given: import them one by one")
    report: dict[str, Any] = {"new": 0, "changed": 0, "known": 0, "failed": 0, "errors": []}
    for path in files:
        fetched_at = now()
        location = path.resolve().as_uri()
        custody = {"fetch_id": derive(source, location, fetched_at.isoformat(), 0), "url": location,
                   "source": source, "fetched_at": fetched_at, "status": 0}
        try:
            if path.is_file() and path.stat().st_size == 0:
                raise ValueError("empty file: nothing to store")
            with path.open("rb") as fh:
                sha, size = archive.put_stream(fh)
        except (OSError, ValueError) as exc:
            why = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
            report["failed"] += 1
            report["errors"].append(f"{path}: {why}")
            store.add_fetch({**custody, "error": f"cannot import file: {why}"})
            continue
        content_type = mimetypes.guess_type(path.name)[0]
        with store.transaction():
            store.add_fetch({**custody, "final_url": location, "sha256": sha, "size": size,
                             "content_type": content_type})
            sighting = store.sight_document({
                "doc_id": sha, "kind": kind, "source": source, "url": url or location, "filename": path.name,
                "title": title, "title_source": "user" if title else None, "content_type": content_type,
                "size": size, "doc_date": doc_date,
                "doc_date_source": "user" if doc_date else None,
                "meta": {"path": str(path.resolve())}, "last_seen": fetched_at})
        report["known" if sighting == "seen" else sighting] += 1
    return report
