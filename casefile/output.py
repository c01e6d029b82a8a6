"""Rendering query results as a table (rich), JSON or CSV. No queries here: data in, text out."""
from __future__ import annotations

import csv
import json
import sys
from datetime import timezone
from typing import Any

from rich.console import Console
from rich.table import Table
from rich.text import Text

from casefile.formatting import date_label, one_line
from queries import exports
from queries.filters import QueryError

FORMATS = ("table", "json", "csv")


def _check(fmt: str) -> None:
    if fmt not in FORMATS:
        raise QueryError(f"unknown format {fmt!r}: use table, json or csv")


def _console() -> Console:
    return Console(width=None if sys.stdout.isatty() else 160, soft_wrap=False)


def _json(data: Any) -> None:
    sys.stdout.write(json.dumps(data, indent=2, ensure_ascii=False, default=str) + "\n")


def _csv(rows: list[dict[str, Any]], columns: list[str]) -> None:
    writer = csv.DictWriter(sys.stdout, fieldnames=columns, extrasaction="ignore", lineterminator="\n")
    writer.writeheader()
    for r in rows:
        writer.writerow({k: ("; ".join(map(str, v)) if isinstance(v, list) else v) for k, v in r.items()})


def timeline(entries: list[dict[str, Any]], fmt: str, title: str = "casefile timeline",
             issue_labels: dict[str, str] | None = None) -> None:
    if fmt == "timelinejs":
        return _json(exports.timelinejs(entries, date_label, title=title, issue_labels=issue_labels))
    _check(fmt)
    if fmt == "json":
        return _json(entries)
    if fmt == "csv":
        sys.stdout.write(exports.timeline_csv(entries, date_label))
        return None
    table = Table(title=f"Timeline — {len(entries)} events", show_lines=False, expand=False)
    table.add_column("date", no_wrap=True)
    table.add_column("what happened (verbatim)", max_width=90)
    table.add_column("people", max_width=30)
    table.add_column("sources", max_width=40)
    for e in entries:
        label = date_label(e["date_start"], e["date_end"], e["date_precision"])
        if e.get("dates_disagree"):
            label += " *"
        srcs = [f"{'■' if s['kind'] != 'news' else '□'} {one_line(s['title'] or s['url'] or s['doc_id'][:12], 28)} p.{s['page']}"
                for s in e["sources"]]
        table.add_row(label, one_line(e["text"], 300), ", ".join(e["people"]), "\n".join(srcs))
    _console().print(table)
    _console().print("■ official record  □ news  * sources disagree on the date")


def people(rows: list[dict[str, Any]], fmt: str) -> None:
    _check(fmt)
    if fmt == "json":
        return _json([{"name": r["name"], "aliases": r["aliases"], "roles": r["roles"],
                       "events": r["events"], "documents": r["documents"], "person_id": r["person_id"]} for r in rows])
    if fmt == "csv":
        return _csv([{**r, "roles": [x["role"] for x in r["roles"]]} for r in rows],
                    ["name", "aliases", "roles", "events", "documents", "person_id"])
    table = Table(title=f"People — {len(rows)}")
    for col in ("name", "also appears as", "roles", "events", "docs"):
        table.add_column(col)
    for r in rows:
        roles = sorted({f"{x['role']} ({x['date'][:7]})" if x.get("date") else x["role"] for x in r["roles"]})
        table.add_row(r["name"], ", ".join(a for a in r["aliases"] if a != r["name"]), "; ".join(roles[:4]),
                      str(r["events"]), str(r["documents"]))
    _console().print(table)


def search(result: dict[str, Any], fmt: str) -> None:
    _check(fmt)
    if fmt == "json":
        return _json(result)
    related = result.get("related", [])
    if fmt == "csv":
        rows = [{**h, "match": match, "doc_id": g["doc_id"], "title": g["title"], "url": g["url"]}
                for match, groups in (("words", result["results"]), ("meaning", related))
                for g in groups for h in g["hits"]]
        return _csv(rows, ["match", "doc_id", "title", "url", "page", "score", "snippet"])
    console = _console()
    n, d = result["total"], result["documents"]
    console.print(f"{n} passage{'' if n == 1 else 's'} in {d} document{'' if d == 1 else 's'}")
    _groups(console, result["results"])
    if related:
        console.print(Text(f"\nRelated by meaning, without all the words ({len(related)}):", style="italic"))
        _groups(console, related, per_group=1)


def _groups(console: Any, groups: list[dict[str, Any]], per_group: int = 3) -> None:
    for g in groups:
        console.print(Text(f"\n{g['title'] or g['url']}  [{g['kind']}, {g['doc_date'] or 'undated'}]  {g['doc_id'][:12]}", style="bold"))
        for h in g["hits"][:per_group]:
            text = Text(f"  p.{h['page']}: ")
            snippet = Text(h["snippet"])
            for a, b in h["marks"]:
                snippet.stylize("bold reverse", a, b)
            console.print(text + snippet)


def document(doc: dict[str, Any], fmt: str) -> None:
    _check(fmt)
    if fmt == "json":
        return _json(doc)
    if fmt == "csv":
        return _csv(doc["pages"], ["page", "method", "text"])
    console = _console()
    console.print(Text(doc["title"] or doc["url"] or doc["doc_id"], style="bold"))
    for key in ("doc_id", "kind", "source", "url", "title_source", "doc_date", "doc_date_source", "status", "error"):
        if doc.get(key) is not None:
            console.print(f"{key}: {doc[key]}")
    for f in doc["fetches"]:
        console.print(f"fetched {f['fetched_at']} {f['status']} {f['url']}")
    for p in doc["pages"]:
        console.print(Text(f"\n— page {p['page']} ({p['method']}) —", style="bold"))
        console.print(p["text"], markup=False, highlight=False)


def status(s: dict[str, Any], fmt: str) -> None:
    _check(fmt)
    if fmt == "json":
        return _json(s)
    if fmt == "csv":
        return _csv(s["documents"], ["kind", "status", "n"])
    console = _console()
    table = Table(title="Documents")
    for col in ("kind", "status", "count"):
        table.add_column(col)
    for r in s["documents"]:
        table.add_row(r["kind"], r["status"], str(r["n"]))
    console.print(table)
    console.print(", ".join(f"{k}: {v}" for k, v in s["counts"].items()) + f", timeline entries: {s['timeline_entries']}")
    if s["needs_ocr"]:
        console.print(f"{s['needs_ocr']} scanned pages need OCR: install Tesseract (apt-get install tesseract-ocr), "
                      "then run `casefile process --retry-failed`")
    if s["fetch_errors"]:
        console.print(f"{s['fetch_errors']} fetches failed (see `casefile doc` or the fetches table)")
    if s.get("changes"):
        _change_counts(console, s["changes"], "Documents by source, all time (see `casefile changes`)")
    for f in s["failures"]:
        console.print(f"FAILED {f['doc_id'][:12]} {f['filename'] or f['url']}: {f['error']}", markup=False)


def evaluation(result: dict[str, Any], fmt: str) -> None:
    _check(fmt)
    if fmt == "json":
        return _json(result)
    scalars = {k: v for k, v in result.items() if not isinstance(v, list)}
    if fmt == "csv":
        return _csv([{"metric": k, "value": v} for k, v in scalars.items()], ["metric", "value"])
    table = Table(title="Evaluation against the reference")
    table.add_column("metric")
    table.add_column("value", justify="right")
    for k, v in scalars.items():
        table.add_row(k, str(v))
    console = _console()
    console.print(table)
    for key in ("unaligned_reference", "wrong_dates", "people_split", "people_merged", "people_missing"):
        if result.get(key):
            console.print(f"{key}:", markup=False)
            for item in result[key]:
                console.print(f"  {item}", markup=False)


REAL_METRICS = ("event_precision", "event_recall", "date_recall", "person_precision", "person_recall",
                "attribution")


def evaluation_real(result: dict[str, Any], fmt: str) -> None:
    """The real-world set: one row per kind, per split and for the whole set; then what went wrong."""
    _check(fmt)
    if fmt == "json":
        return _json(result)
    rows = [("whole set", result["whole"])] + [(f"split {k}", v) for k, v in result["splits"].items()] + \
        [(f"kind {k}", v) for k, v in result["kinds"].items()]
    cols = ("documents", "reference_events", "timeline_events", *REAL_METRICS)
    if fmt == "csv":
        return _csv([{"part": name, **{c: v[c] for c in cols}} for name, v in rows], ["part", *cols])
    table = Table(title="Evaluation against the real-world reference")
    table.add_column("part")
    for col in cols:
        table.add_column(col.replace("_", " "), justify="right")
    for name, v in rows:
        table.add_row(name, *("–" if v[c] is None else str(v[c]) for c in cols))
    console = _console()
    console.print(table)
    console.print(f"impossible dates: {len(result['impossible_dates'])}; names with digits, handles or quote "
                  f"marks: {len(result['bad_names'])}", markup=False)
    for item in result["impossible_dates"] + result["bad_names"]:
        console.print(f"  {item}", markup=False)


def _change_counts(console: Console, rows: list[dict[str, Any]], title: str, extra: tuple[str, ...] = ()) -> None:
    table = Table(title=title)
    for col in ("source", "new", "changed", "removed", *extra):
        table.add_column(col, justify="left" if col == "source" else "right")
    for r in rows:
        table.add_row(Text(r["source"]), *(str(r[c]) for c in ("new", "changed", "removed", *extra)))
    console.print(table)


def changes(result: dict[str, Any], fmt: str) -> None:
    """`casefile changes`: counts per source, then one line per new, changed or removed document."""
    _check(fmt)
    if fmt == "json":
        return _json(result)
    columns = ["change", "when", "source", "kind", "doc_id", "url", "title", "supersedes", "reason"]
    if fmt == "csv":
        return _csv(result["changes"], columns)
    console = _console()
    since = f" since {result['since']}" if result["since"] else ""
    _change_counts(console, result["sources"], f"Changes{since}", ("fetches", "fetch_errors"))
    if not result["changes"]:
        console.print(f"no new, changed or removed documents{since}")
        return None
    table = Table(title=f"{len(result['changes'])} documents")
    for col in ("change", "when", "source", "document", "doc_id", "note"):
        table.add_column(col, max_width=70 if col == "document" else None)
    for r in result["changes"]:
        note = f"supersedes {r['supersedes'][:12]}" if r["change"] == "changed" else (r["reason"] or "")
        cells = (r["change"], f"{r['when']:%Y-%m-%d %H:%M}", r["source"],
                 one_line(r["title"] or r["url"] or r["filename"] or "", 70), r["doc_id"][:12], note)
        table.add_row(*(Text(c) for c in cells))  # titles are data, not rich markup
    console.print(table)


def runs(rows: list[dict[str, Any]], fmt: str) -> None:
    """`casefile runs`: one row per job, latest first, with its counts and failures."""
    _check(fmt)
    if fmt == "json":
        return _json(rows)
    if fmt == "csv":
        return _csv([{**r, "counts": json.dumps(r["counts"]), "failures": json.dumps(r["failures"])} for r in rows],
                    ["run_id", "command", "started_at", "ended_at", "status", "sources", "counts", "failures", "error"])
    console = _console()
    if not rows:
        console.print("no runs recorded yet: `casefile run` records one")
        return None
    table = Table(title=f"Runs — the latest {len(rows)}")
    for col in ("started (UTC)", "took", "command", "status", "sources", "documents", "failures"):
        table.add_column(col, max_width=60 if col == "failures" else None)
    for r in rows:
        c = r["counts"]
        took = f"{(r['ended_at'] - r['started_at']).total_seconds():.0f} s" if r["ended_at"] else "—"
        docs = ", ".join(f"{c[k]} {k}" for k in ("new", "changed", "removed", "processed") if k in c)
        failed = "; ".join(f"{f.get('source') or f.get('doc_id', '')[:12] or f.get('digest')}: {one_line(f['reason'], 60)}"
                           for f in r["failures"]) or (r["error"] or "")
        started = r["started_at"].astimezone(timezone.utc).strftime("%Y-%m-%d %H:%M:%S")
        table.add_row(*(Text(x) for x in (started, took, r["command"], r["status"], str(len(r["sources"])),
                                          docs, failed)))
    console.print(table)
