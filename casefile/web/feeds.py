"""Atom feeds: timeline entries (filtered like the timeline) and documents (new, changed, removed).

    /feeds/timeline.atom?person=…&issue=…&kind=…&source=…&from=…&to=…
    /feeds/documents.atom?source=…&kind=…

The newest FEED_SIZE items come first, dated by when casefile first saw them (a timeline entry: when
it joined the timeline, queries/digest.py), each linking to its page in the UI: a timeline entry to
its quote highlighted in its document, a document to its page. Written by feedgen (Atom 1.0).
"""
from __future__ import annotations

from datetime import datetime, timezone
from html import escape
from typing import Any
from urllib.parse import urlencode

from fastapi import APIRouter, Request
from fastapi.responses import Response

from casefile.formatting import date_label, one_line
from casefile.web.deps import FiltersDep, StoreDep, doc_href, filter_params, safe_url
from queries.changes import changes
from queries.digest import entries_first_seen
from queries.timeline import timeline
from queries.version_diff import compare, summary

router = APIRouter(include_in_schema=False)
FEED_SIZE = 100
ATOM = "application/atom+xml; charset=utf-8"
EPOCH = datetime(1970, 1, 1, tzinfo=timezone.utc)


def _feed(request: Request, title: str, subtitle: str, ui_path: str, params: dict[str, str]) -> Any:
    from feedgen.feed import FeedGenerator

    base = str(request.base_url).rstrip("/")
    query = f"?{urlencode(params)}" if params else ""
    fg = FeedGenerator()
    fg.id(f"{base}{request.url.path}{query}")
    fg.title(title)
    fg.subtitle(subtitle)
    fg.author({"name": f"casefile — {request.app.state.case.name}"})
    fg.link(href=f"{base}{request.url.path}{query}", rel="self", type="application/atom+xml")
    fg.link(href=f"{base}{ui_path}{query}", rel="alternate", type="text/html")
    fg.generator("casefile (feedgen)")
    fg.language("en")
    return fg, base


def _done(fg: Any, newest: datetime | None) -> Response:
    fg.updated(newest or EPOCH)
    return Response(fg.atom_str(pretty=True), media_type=ATOM)


def _described(params: dict[str, str]) -> str:
    return " (" + ", ".join(f"{k}: {v}" for k, v in params.items()) + ")" if params else ""


@router.get("/feeds/timeline.atom")
def timeline_feed(request: Request, store: StoreDep, f: FiltersDep) -> Response:
    params = filter_params(f)
    entries = timeline(store, f)
    dated = sorted(zip(entries, entries_first_seen(store, entries)),
                   key=lambda pair: (pair[1] or EPOCH, pair[0]["event_id"]), reverse=True)[:FEED_SIZE]
    case_name = request.app.state.case.name
    fg, base = _feed(request, f"{case_name} — timeline{_described(params)}",
                     "New timeline entries: each the verbatim sentence it came from, with its sources.", "/", params)
    for e, seen in dated:
        first = e["sources"][0]
        item = fg.add_entry(order="append")
        item.id(f"urn:casefile:event:{e['event_id']}")
        item.title(f"{date_label(e['date_start'], e['date_end'], e['date_precision'])}: {one_line(e['text'], 140)}")
        item.link(href=base + doc_href(first["doc_id"], first["page"], first["char_start"], first["char_end"]),
                  rel="alternate", type="text/html")
        item.updated(seen or EPOCH)
        item.published(seen or EPOCH)
        for issue in e["issues"]:
            item.category(term=issue, label=request.app.state.labels.get(issue, issue))
        item.content(_entry_html(e, base), type="html")
    return _done(fg, dated[0][1] if dated else None)


def _entry_html(e: dict[str, Any], base: str) -> str:
    parts = [f"<blockquote>{escape(e['text'])}</blockquote>"]
    if e["people"] or e["issues"]:
        parts.append(f"<p>{escape(', '.join(e['people'] + e['issues']))}</p>")
    cites = []
    for s in e["sources"]:
        href = base + doc_href(s["doc_id"], s["page"], s["char_start"], s["char_end"])
        original = f' · <a href="{escape(s["url"])}">original</a>' if safe_url(s["url"]) else ""
        cites.append(f'<li><a href="{escape(href)}">{escape(s["title"] or s["doc_id"][:12])}, p. {s["page"]}</a>'
                     f" ({escape(s['kind'])}, doc {s['doc_id'][:12]}){original}</li>")
    return "".join(parts) + f"<ul>{''.join(cites)}</ul>"


@router.get("/feeds/documents.atom")
def documents_feed(request: Request, store: StoreDep, source: str | None = None, kind: str | None = None) -> Response:
    params = {k: v for k, v in (("source", source), ("kind", kind)) if v}
    rows = [r for r in changes(store, None, source or None)["changes"] if not kind or r["kind"] == kind]
    rows = sorted(rows, key=lambda r: (r["when"], r["doc_id"], r["change"]), reverse=True)[:FEED_SIZE]
    case_name = request.app.state.case.name
    fg, base = _feed(request, f"{case_name} — documents{_described(params)}",
                     "Documents as casefile found them: new, new versions (with what changed), removed.",
                     "/", {})
    for r in rows:
        title = r["title"] or r["filename"] or r["url"] or r["doc_id"][:12]
        item = fg.add_entry(order="append")
        item.id(f"urn:casefile:document:{r['doc_id']}:{r['change']}")
        item.title(f"{r['change'].capitalize()}: {one_line(title, 140)}")
        item.link(href=f"{base}{doc_href(r['doc_id'])}", rel="alternate", type="text/html")
        item.updated(r["when"])
        item.published(r["when"])
        item.category(term=r["source"])
        item.content(_document_html(store, r), type="html")
    return _done(fg, rows[0]["when"] if rows else None)


def _document_html(store: Any, r: dict[str, Any]) -> str:
    facts = [f"source {r['source']}", f"kind {r['kind']}", f"doc {r['doc_id'][:12]}"]
    if r["doc_date"]:
        facts.append(f"dated {r['doc_date']}")
    parts = [f"<p>{escape(' · '.join(facts))}</p>"]
    if safe_url(r["url"]):
        parts.append(f'<p><a href="{escape(r["url"])}">{escape(r["url"])}</a></p>')
    if r["change"] == "removed":
        parts.append(f"<p>Removed: {escape(r['reason'] or '')}</p>")
    if r["change"] == "changed":
        diff = compare(store, r["supersedes"], r["doc_id"])
        parts.append(f"<p>A new version of doc {r['supersedes'][:12]}: {escape(summary(diff))}</p>")
        for p in diff["passages"]:
            lines = [f"<del>− {escape(s)}</del>" for s in p["removed"]] + [f"<ins>+ {escape(s)}</ins>" for s in p["added"]]
            parts.append(f"<p>page {p['page']}:<br>{'<br>'.join(lines)}</p>")
    return "".join(parts)
