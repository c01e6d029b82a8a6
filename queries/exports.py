"""Timeline exports: CSV, JSON and TimelineJS JSON, as text. Data in, text out; no queries here.

TimelineJS's JSON format: https://timeline.knightlab.com/docs/json-format.html — a `title` slide,
`events` (slides with `start_date`, `end_date`, `text`, `group`, `display_date`, `unique_id`…),
dates as {year, month, day} objects. Its text fields are rendered as HTML, so every string taken
from a document is escaped before it goes in.
"""
from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable
from datetime import date
from html import escape
from typing import Any

# How a date is shown at its precision ("March 2018"). The app passes casefile.formatting.date_label:
# queries/ must not import casefile/ (DESIGN.md: nothing depends on casefile/).
Labeller = Callable[[Any, Any, "str | None"], str]

CSV_COLUMNS = ["date", "date_start", "date_end", "date_precision", "date_source", "text", "people",
               "issues", "sources", "source_urls", "dates_disagree", "event_id", "cluster_id"]

# The fields TimelineJS documents for each object (json-format.html); tests check we use no others.
TIMELINEJS_FIELDS = {
    "timeline": {"events", "title", "eras", "scale"},
    "slide": {"start_date", "end_date", "text", "media", "group", "display_date", "background",
              "autolink", "unique_id"},
    "date": {"year", "month", "day", "hour", "minute", "second", "millisecond", "display_date"},
    "text": {"headline", "text"},
}
HEADLINE_CHARS = 100


def one_line(text: str, width: int | None = None) -> str:
    flat = " ".join(text.split())
    return flat if width is None or len(flat) <= width else flat[: width - 1] + "…"


def citation(source: dict[str, Any]) -> str:
    """One line naming where a quote is written: title, page, kind, URL."""
    title = source.get("title") or source.get("url") or source["doc_id"][:12]
    line = f"{title}, p. {source['page']} ({source.get('kind') or 'document'})"
    return f"{line}, {source['url']}" if source.get("url") else line


def _flat(value: Any) -> Any:
    if isinstance(value, list):
        return "; ".join(map(str, value))
    return value


def timeline_csv(entries: list[dict[str, Any]], label: Labeller) -> str:
    """One row per timeline entry; list fields joined with "; "."""
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=CSV_COLUMNS, extrasaction="ignore", lineterminator="\n")
    writer.writeheader()
    for e in entries:
        row = {**e, "date": label(e["date_start"], e["date_end"], e["date_precision"]),
               "text": one_line(e["text"]),
               "sources": [f"{s['title'] or s['url'] or s['doc_id'][:12]} p.{s['page']}" for s in e["sources"]],
               "source_urls": [s["url"] or "" for s in e["sources"]]}
        writer.writerow({k: _flat(row.get(k)) for k in CSV_COLUMNS})
    return out.getvalue()


def timeline_json(entries: list[dict[str, Any]]) -> str:
    return json.dumps(entries, indent=2, ensure_ascii=False, default=str) + "\n"


def _tl_date(value: str, precision: str) -> dict[str, int]:
    d = date.fromisoformat(value)
    if precision == "year":
        return {"year": d.year}
    if precision in ("month", "quarter", "season"):
        return {"year": d.year, "month": d.month}
    return {"year": d.year, "month": d.month, "day": d.day}


def _slide(e: dict[str, Any], labels: dict[str, str], label: Labeller) -> dict[str, Any]:
    precision = e["date_precision"]
    slide: dict[str, Any] = {
        "unique_id": e["cluster_id"],
        "start_date": _tl_date(e["date_start"], precision),
        "display_date": label(e["date_start"], e["date_end"], precision),
        "text": {"headline": escape(one_line(e["text"], HEADLINE_CHARS), quote=False), "text": _slide_text(e, labels)},
        "autolink": False,
    }
    # A month or a year is already a span in TimelineJS; weeks, quarters and seasons need their end.
    if e["date_end"] and e["date_end"] != e["date_start"] and precision not in ("month", "year"):
        slide["end_date"] = _tl_date(e["date_end"], "day" if precision == "week" else precision)
    if e["issues"]:
        slide["group"] = labels.get(e["issues"][0], e["issues"][0])
    return slide


def _slide_text(e: dict[str, Any], labels: dict[str, str]) -> str:
    parts = [f"<blockquote>{escape(one_line(e['text']), quote=False)}</blockquote>"]
    if e["people"]:
        parts.append(f"<p>People: {escape(', '.join(e['people']), quote=False)}</p>")
    if e["dates_disagree"]:
        parts.append("<p><em>The sources disagree on the date.</em></p>")
    cites = []
    for s in e["sources"]:
        title = escape(s.get("title") or s.get("url") or s["doc_id"][:12], quote=False)
        url = s.get("url") or ""
        # Only web addresses become links: a stored `javascript:` URL must not run where this is shown.
        link = f'<a href="{escape(url)}">{title}</a>' if _is_web(url) else title
        where = f", {escape(url, quote=False)}" if url else ""
        quote = "" if s["text"] == e["text"] else f" — “{escape(one_line(s['text'], 200), quote=False)}”"
        cites.append(f"<li>{link}, p. {s['page']} ({escape(s.get('kind') or 'document')}){where}{quote}</li>")
    parts.append(f"<p>Sources:</p><ul>{''.join(cites)}</ul>")
    return "".join(parts)


def _is_web(url: str) -> bool:
    return url.strip().lower().startswith(("http://", "https://"))


def timelinejs(entries: list[dict[str, Any]], label: Labeller, title: str = "casefile timeline",
               issue_labels: dict[str, str] | None = None) -> dict[str, Any]:
    """TimelineJS JSON. Undated entries have no place on its axis: they are counted in the title."""
    labels = issue_labels or {}
    dated = [e for e in entries if e["date_start"]]
    undated = len(entries) - len(dated)
    intro = f"{len(dated)} events, each quoted verbatim with its source."
    if undated:
        intro += f" {undated} undated events are not shown."
    return {"title": {"text": {"headline": escape(title), "text": f"<p>{escape(intro)}</p>"}},
            "events": [_slide(e, labels, label) for e in dated]}
