"""`casefile add`: local files into the archive, with the same chain-of-custody row as a crawl.

Every file read is one `fetches` row (its source, the file's own path as a file:// URL, the
time, its sha256), whether or not its bytes were new: importing a folder twice adds no
document but records both imports. A document keeps the file's original name (`filename`)
and path (`meta.path`); its `url` is `--url` when given (where the record came from), else
the file's path. New bytes at the same path (or `--url`) are a new version that supersedes
the one imported before.
"""
from __future__ import annotations

import csv
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


MANIFEST_COLUMNS = ("path", "kind", "source", "url", "date", "title")


def import_manifest(manifest: Path, *, store: Store, archive: Archive, kind: str, source: str) -> dict[str, Any]:
    """Import the files a CSV lists (a records request's index): one row per file, with the columns
    `path` (relative to the manifest's folder) and any of kind, source, url, date, title; a missing
    or empty value takes the command's option."""
    try:
        with Path(manifest).open(newline="", encoding="utf-8") as fh:
            rows = list(csv.DictReader(fh))
    except (OSError, UnicodeDecodeError, csv.Error) as exc:
        raise CaseError(f"cannot read the manifest {manifest}: {getattr(exc, 'strerror', None) or exc}") from None
    if not rows or "path" not in rows[0]:
        raise CaseError(f"{manifest}: a manifest needs a `path` column (and may have {', '.join(MANIFEST_COLUMNS[1:])})")
    total: dict[str, Any] = {"new": 0, "changed": 0, "known": 0, "failed": 0, "errors": []}
    folder = Path(manifest).parent
    for n, row in enumerate(rows, start=2):
        if not (row.get("path") or "").strip():
            raise CaseError(f"{manifest}, line {n}: no path")
        try:
            got = import_paths([folder / row["path"].strip()], store=store, archive=archive,
                               kind=(row.get("kind") or "").strip() or kind,
                               source=(row.get("source") or "").strip() or source,
                               url=(row.get("url") or "").strip() or None,
                               doc_date=import_date((row.get("date") or "").strip() or None),
                               title=(row.get("title") or "").strip() or None)
        except CaseError as exc:
            raise CaseError(f"{manifest}, line {n}: {exc}") from None
        for key in ("new", "changed", "known", "failed"):
            total[key] += got[key]
        total["errors"] += got["errors"]
    return total
