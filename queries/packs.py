"""Evidence packs: chosen timeline entries, their quotes with full citations, and the original files,
in one ZIP that proves itself (manifest.json holds the sha256 of every file; `casefile verify`).

Layout of a pack:
    report.html      self-contained report (inline CSS, no scripts, no network)
    report.pdf       the same report as PDF
    events.csv       one row per quote, with its citation
    originals/       the cited source files under their original names
    crops/           each quote from a PDF or a scan: its page around it, the quote highlighted
    manifest.json    sha256 and size of every file above, versions, filters, creation time
    manifest.sha256  the sha256 of manifest.json, in `sha256sum -c` format

The content is deterministic: the same case, selection and creation time give the same bytes.
"""
from __future__ import annotations

import csv
import hashlib
import io
import json
import mimetypes
import os
import re
import tempfile
import zipfile
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime, timezone
from importlib import metadata
from pathlib import Path, PurePosixPath
from typing import Any, BinaryIO
from urllib.parse import unquote, urlsplit

from index.archive import Archive
from index.page_cache import PageImages
from index.store import Store
from pipeline.page_render import DEFAULT_WIDTH
from queries.exports import Labeller, one_line
from queries.filters import Filters, QueryError
from queries.timeline import timeline

FORMAT = "casefile-pack/1"
MANIFEST, MANIFEST_SUM = "manifest.json", "manifest.sha256"
EVENTS_CSV_COLUMNS = ["cluster_id", "event_id", "date", "date_start", "date_end", "date_precision",
                      "date_source", "dates_disagree", "quote", "people", "issues", "document_title",
                      "page", "char_start", "char_end", "kind", "source", "url", "retrieved_at",
                      "sha256", "original_file", "crop_file"]
CHUNK = 1 << 20


@dataclass
class Pack:
    """Everything the report, the CSV and the manifest say, gathered once."""
    case_name: str
    created: datetime
    filters: dict[str, Any]
    event_ids: list[str]
    entries: list[dict[str, Any]]          # timeline entries, each with "date_label" and "quotes"
    documents: list[dict[str, Any]]        # cited documents, each with "original" (its path in the pack)
    casefile_version: str
    stage_versions: dict[str, str] = field(default_factory=dict)
    crops: dict[str, bytes] = field(default_factory=dict)   # path in the pack -> PNG (queries/pack_crops.py)

    @property
    def created_iso(self) -> str:
        return self.created.astimezone(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


def casefile_version() -> str:
    try:
        return metadata.version("casefile")
    except metadata.PackageNotFoundError:
        return "unknown"


def select_entries(store: Store, f: Filters, event_ids: Iterable[str] = ()) -> list[dict[str, Any]]:
    """Timeline entries matching the filters; with event ids (or prefixes), only those entries."""
    entries = timeline(store, f)
    wanted = [i.strip().lower() for i in event_ids if i.strip()]
    if wanted:
        chosen: dict[str, dict[str, Any]] = {}
        for prefix in wanted:
            hits = [e for e in entries if _ids(e) and any(i.startswith(prefix) for i in _ids(e))]
            if not hits:
                raise QueryError(f"no timeline entry matches event {prefix!r}"
                                 + (" with these filters" if given_filters(f) else ""))
            if len(hits) > 1:
                raise QueryError(f"event {prefix!r} matches {len(hits)} entries: give more of the id")
            chosen[hits[0]["cluster_id"]] = hits[0]
        entries = [e for e in entries if e["cluster_id"] in chosen]
    if not entries:
        raise QueryError("nothing to pack: no timeline entry matches these filters")
    return entries


def given_filters(f: Filters) -> dict[str, Any]:
    """The filters that differ from their defaults: what the user actually asked for."""
    default = Filters().as_dict()
    return {k: v for k, v in f.as_dict().items() if default.get(k) != v}


def _ids(entry: dict[str, Any]) -> set[str]:
    return {entry["cluster_id"], entry["event_id"], *(s["event_id"] for s in entry["sources"])}


def gather(store: Store, entries: list[dict[str, Any]], *, case_name: str, label: Labeller,
           filters: dict[str, Any] | None = None, event_ids: list[str] | None = None,
           created: datetime | None = None, stage_versions: dict[str, str] | None = None,
           issue_labels: dict[str, str] | None = None) -> Pack:
    labels = issue_labels or {}
    doc_ids = sorted({s["doc_id"] for e in entries for s in e["sources"]})
    docs = {d["doc_id"]: d for d in store.query("""
        SELECT d.doc_id, d.title, d.url, d.filename, d.kind, d.source, d.content_type, d.size, d.doc_date,
               d.stage_versions,
               (SELECT min(f.fetched_at) FROM fetches f WHERE f.sha256 = d.doc_id) AS retrieved_at
        FROM documents d WHERE d.doc_id IN (SELECT unnest(?))""", [doc_ids])}
    names = original_names(list(docs.values()))
    for doc_id, d in docs.items():
        d["original"] = f"originals/{names[doc_id]}"
        d["retrieved_at"] = _utc(d["retrieved_at"])
        d["doc_date"] = d["doc_date"].isoformat() if d["doc_date"] else None
        if isinstance(d["stage_versions"], str):
            d["stage_versions"] = json.loads(d["stage_versions"])
    out = []
    for e in entries:
        quotes = [{**s, "retrieved_at": docs[s["doc_id"]]["retrieved_at"], "sha256": s["doc_id"],
                   "original": docs[s["doc_id"]]["original"], "title": s["title"] or docs[s["doc_id"]]["filename"]}
                  for s in e["sources"]]
        out.append({**e, "date_label": label(e["date_start"], e["date_end"], e["date_precision"]),
                    "issue_labels": [labels.get(i, i) for i in e["issues"]], "quotes": quotes})
    return Pack(case_name=case_name, created=created or datetime.now(timezone.utc),
                filters=filters or {}, event_ids=list(event_ids or []), entries=out,
                documents=sorted(docs.values(), key=lambda d: d["original"]),
                casefile_version=casefile_version(), stage_versions=dict(stage_versions or {}))


def _utc(value: datetime | None) -> str | None:
    if value is None:
        return None
    if value.tzinfo is None:
        value = value.replace(tzinfo=timezone.utc)
    return value.astimezone(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


def safe_name(name: str) -> str:
    """A file name with no path, no control or shell-hostile characters, never hidden."""
    name = re.split(r"[/\\]", name)[-1]
    name = re.sub(r"[^\w.\-() ]+", "_", name).strip(" .")
    return name[:120]


def original_names(docs: list[dict[str, Any]]) -> dict[str, str]:
    """doc_id -> file name: the name it was published or imported under; names that two different
    documents share get the start of their sha256 appended, so each file keeps a readable name."""
    wanted: dict[str, str] = {}
    for d in docs:
        name = safe_name(d.get("filename") or "") or safe_name(unquote(urlsplit(d.get("url") or "").path)) \
            or d["doc_id"][:12]
        path = PurePosixPath(name)
        if not path.suffix:
            ext = mimetypes.guess_extension((d.get("content_type") or "").split(";")[0].strip()) or ""
            name += ext
        wanted[d["doc_id"]] = name
    counts: dict[str, int] = {}
    for name in wanted.values():
        counts[name.lower()] = counts.get(name.lower(), 0) + 1
    out = {}
    for doc_id, name in wanted.items():
        if counts[name.lower()] > 1:
            p = PurePosixPath(name)
            name = f"{p.stem}-{doc_id[:12]}{p.suffix}"
        out[doc_id] = name
    return out


def events_csv(pack: Pack) -> bytes:
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=EVENTS_CSV_COLUMNS, lineterminator="\n")
    writer.writeheader()
    for e in pack.entries:
        for q in e["quotes"]:
            writer.writerow({
                "cluster_id": e["cluster_id"], "event_id": q["event_id"], "date": e["date_label"],
                "date_start": e["date_start"], "date_end": e["date_end"], "date_precision": e["date_precision"],
                "date_source": e["date_source"], "dates_disagree": e["dates_disagree"],
                "quote": one_line(q["text"]), "people": "; ".join(e["people"]), "issues": "; ".join(e["issue_labels"]),
                "document_title": q["title"], "page": q["page"], "char_start": q["char_start"],
                "char_end": q["char_end"], "kind": q["kind"], "source": q["source"], "url": q["url"],
                "retrieved_at": q["retrieved_at"], "sha256": q["sha256"], "original_file": q["original"],
                "crop_file": q.get("crop") or ""})
    return out.getvalue().encode("utf-8")


def manifest(pack: Pack, files: dict[str, dict[str, Any]]) -> bytes:
    body = {
        "format": FORMAT, "created": pack.created_iso, "case": pack.case_name,
        "casefile_version": pack.casefile_version, "stage_versions": pack.stage_versions,
        "filters": pack.filters, "events": pack.event_ids,
        "entries": [e["cluster_id"] for e in pack.entries],
        "documents": [{"sha256": d["doc_id"], "title": d["title"], "url": d["url"], "kind": d["kind"],
                       "source": d["source"], "retrieved_at": d["retrieved_at"], "file": d["original"],
                       "stage_versions": d["stage_versions"]} for d in pack.documents],
        "files": {name: files[name] for name in sorted(files)},
    }
    return (json.dumps(body, indent=2, ensure_ascii=False, sort_keys=False) + "\n").encode("utf-8")


def write_pack(pack: Pack, archive: Archive, out: BinaryIO) -> dict[str, dict[str, Any]]:
    """Write the ZIP to `out`; returns the manifest's file table."""
    from queries.pack_pdf import report_pdf
    from queries.pack_report import report_html

    stamp = pack.created.astimezone(timezone.utc).timetuple()[:6]
    files: dict[str, dict[str, Any]] = {}
    with zipfile.ZipFile(out, "w", compression=zipfile.ZIP_DEFLATED) as zf:
        def add(name: str, data: bytes) -> None:
            zf.writestr(_info(name, stamp), data)
            files[name] = {"sha256": hashlib.sha256(data).hexdigest(), "size": len(data)}

        add("report.html", report_html(pack).encode("utf-8"))
        add("report.pdf", report_pdf(pack))
        add("events.csv", events_csv(pack))
        for name in sorted(pack.crops):
            add(name, pack.crops[name])
        for d in pack.documents:
            files[d["original"]] = _add_original(zf, _info(d["original"], stamp), archive, d["doc_id"])
        body = manifest(pack, files)
        zf.writestr(_info(MANIFEST, stamp), body)
        zf.writestr(_info(MANIFEST_SUM, stamp), f"{hashlib.sha256(body).hexdigest()}  {MANIFEST}\n")
    return files


def _info(name: str, stamp: tuple[int, ...]) -> zipfile.ZipInfo:
    info = zipfile.ZipInfo(name, date_time=stamp)
    info.compress_type = zipfile.ZIP_DEFLATED
    info.external_attr = 0o644 << 16
    return info


def _add_original(zf: zipfile.ZipFile, info: zipfile.ZipInfo, archive: Archive, doc_id: str) -> dict[str, Any]:
    """Stream the archived bytes into the ZIP, checking on the way that they still hash to doc_id."""
    h, size = hashlib.sha256(), 0
    try:
        src = archive.open(doc_id)
    except OSError:
        raise QueryError(f"the archive has no file for document {doc_id[:12]}: the case folder is incomplete") from None
    with src, zf.open(info, "w") as dst:
        while block := src.read(CHUNK):
            h.update(block)
            size += len(block)
            dst.write(block)
    if h.hexdigest() != doc_id:
        raise QueryError(f"archived file {doc_id[:12]} no longer matches its sha256: the archive is damaged")
    return {"sha256": doc_id, "size": size}


def build_pack(store: Store, archive: Archive, out: BinaryIO, f: Filters, event_ids: Iterable[str] = (), *,
               case_name: str, label: Labeller, created: datetime | None = None,
               stage_versions: dict[str, str] | None = None, issue_labels: dict[str, str] | None = None,
               images: PageImages | None = None) -> Pack:
    """Select, gather and write a pack to `out` (a file opened for binary writing). Page crops are
    drawn through `images` (the case's cache); without it, at the default width, and not kept."""
    from queries.pack_crops import add_crops

    event_ids = list(event_ids)
    entries = select_entries(store, f, event_ids)
    pack = gather(store, entries, case_name=case_name, label=label, filters=given_filters(f),
                  event_ids=event_ids, created=created, stage_versions=stage_versions,
                  issue_labels=issue_labels)
    pack.crops = add_crops(store, images or PageImages(archive, None, DEFAULT_WIDTH), pack.entries)
    write_pack(pack, archive, out)
    return pack


def write_pack_file(store: Store, archive: Archive, path: Path, f: Filters, event_ids: Iterable[str] = (),
                    **options: Any) -> Pack:
    """build_pack into `path`, written beside it first and renamed, so a failure leaves no half pack."""
    target = Path(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=".pack-", suffix=".zip")
    try:
        with os.fdopen(fd, "wb") as out:
            pack = build_pack(store, archive, out, f, event_ids, **options)
        os.replace(tmp, target)
    except BaseException:
        if os.path.exists(tmp):
            os.unlink(tmp)
        raise
    return pack
