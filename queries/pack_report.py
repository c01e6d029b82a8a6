"""report.html of an evidence pack: one self-contained file (inline CSS, no scripts, nothing fetched).

Every string from a document or the case is escaped; links go to the source URL and to the copy of
the original file inside the pack.
"""
from __future__ import annotations

from html import escape
from typing import Any

from queries.packs import Pack

CSS = """
body { font: 15px/1.45 Georgia, 'Times New Roman', serif; color: #1d1d1f; margin: 2rem auto; max-width: 72rem; padding: 0 1.5rem; }
h1 { font-size: 1.6rem; margin-bottom: .2rem; } h2 { font-size: 1.2rem; margin-top: 2rem; border-bottom: 1px solid #ccc; }
.meta, table.scope td, .cite, .small { font-family: system-ui, -apple-system, 'Segoe UI', sans-serif; font-size: 13px; }
.meta { color: #555; }
table { border-collapse: collapse; width: 100%; }
th, td { text-align: left; vertical-align: top; padding: .45rem .5rem; border-bottom: 1px solid #e3e3e3; }
th { font-family: system-ui, sans-serif; font-size: 12px; text-transform: uppercase; letter-spacing: .04em; color: #555; }
td.date { white-space: nowrap; width: 9rem; font-family: system-ui, sans-serif; font-size: 13px; }
blockquote { margin: 0 0 .25rem; padding-left: .7rem; border-left: 3px solid #9aa5b1; }
.cite { color: #444; margin-bottom: .7rem; word-break: break-word; }
.official { color: #0b4f8a; font-weight: 600; } .news { color: #7a4d00; font-weight: 600; }
.warn { color: #a4262c; font-weight: 600; }
code { font-size: 12px; word-break: break-all; }
figure.crop { margin: .2rem 0 .35rem .7rem; }
figure.crop img { display: block; max-width: 100%; height: auto; }
figure.crop figcaption { font-family: system-ui, sans-serif; font-size: 12px; color: #555; margin-top: .15rem; }
"""


def _e(value: Any) -> str:
    return escape("" if value is None else str(value), quote=True)


def _link(url: str | None, text: str | None = None) -> str:
    if not url:
        return "—"
    return f'<a href="{_e(url)}">{_e(text or url)}</a>'


def _kind(kind: str | None) -> str:
    return '<span class="news">news</span>' if kind == "news" else f'<span class="official">{_e(kind or "record")}</span>'


def _crop(q: dict[str, Any]) -> str:
    """The quote on its page: the crop stored beside this report in the pack."""
    if not q.get("crop"):
        return ""
    return (f'<figure class="crop"><img src="{_e(q["crop"])}" alt="Page {_e(q["page"])} of '
            f'{_e(q["title"] or "the document")}, the quote highlighted">'
            f'<figcaption>Page {_e(q["page"])} as printed, the quote highlighted · {_e(q["crop"])}</figcaption></figure>')


def _run_on(q: dict[str, Any]) -> str:
    """Where a quote that runs over the page break goes on (pipeline/page_runs.py)."""
    if q.get("cont_end") is None:
        return ""
    return f" and page {_e(q['page'] + 1)} (characters {_e(q['cont_start'])}–{_e(q['cont_end'])})"


def _quote(q: dict[str, Any]) -> str:
    return (f"<blockquote>{_e(q['text'])}</blockquote>{_crop(q)}"
            f"<div class=\"cite\">{_kind(q['kind'])} · <strong>{_e(q['title'] or 'untitled')}</strong>, "
            f"page {_e(q['page'])} (characters {_e(q['char_start'])}–{_e(q['char_end'])}){_run_on(q)} · "
            f"{_link(q['url'])} · retrieved {_e(q['retrieved_at'] or 'unknown')} · "
            f"sha256 <code>{_e(q['sha256'])}</code> · original: {_link(q['original'], q['original'])}</div>")


def _scope(pack: Pack) -> str:
    rows = [("Case", pack.case_name), ("Created", pack.created_iso),
            ("Filters", ", ".join(f"{k} = {v}" for k, v in pack.filters.items()) or "none: the whole timeline"),
            ("Events chosen", ", ".join(pack.event_ids) or "all matching the filters"),
            ("Contents", f"{len(pack.entries)} timeline entries, "
                         f"{sum(len(e['quotes']) for e in pack.entries)} quotes, {len(pack.documents)} documents"),
            ("casefile", f"{pack.casefile_version}; stages "
                         + ", ".join(f"{v}" for v in pack.stage_versions.values()))]
    body = "".join(f"<tr><td><strong>{_e(k)}</strong></td><td>{_e(v)}</td></tr>" for k, v in rows)
    return f'<table class="scope">{body}</table>'


def _entries(pack: Pack) -> str:
    rows = []
    for e in pack.entries:
        date = _e(e["date_label"])
        if e["dates_disagree"]:
            date += '<div class="warn small">sources disagree on the date</div>'
        quotes = "".join(_quote(q) for q in e["quotes"])
        rows.append(f"<tr id=\"e-{_e(e['cluster_id'])}\"><td class=\"date\">{date}</td><td>{quotes}</td>"
                    f"<td class=\"small\">{_e(', '.join(e['people']) or '—')}</td>"
                    f"<td class=\"small\">{_e(', '.join(e['issue_labels']) or '—')}</td></tr>")
    return ("<table><thead><tr><th>Date</th><th>What happened (verbatim) and where it is written</th>"
            f"<th>People</th><th>Issues</th></tr></thead><tbody>{''.join(rows)}</tbody></table>")


def _documents(pack: Pack) -> str:
    rows = "".join(
        f"<tr><td>{_link(d['original'], d['original'])}</td><td>{_e(d['title'] or '—')}</td>"
        f"<td>{_kind(d['kind'])}<div class=\"small\">{_e(d['source'])}</div></td><td class=\"small\">{_link(d['url'])}</td>"
        f"<td class=\"small\">{_e(d['retrieved_at'] or 'unknown')}</td><td><code>{_e(d['doc_id'])}</code></td></tr>"
        for d in pack.documents)
    return ("<table><thead><tr><th>File in this pack</th><th>Title</th><th>Kind</th><th>Source URL</th>"
            f"<th>Retrieved (UTC)</th><th>sha256</th></tr></thead><tbody>{rows}</tbody></table>")


def report_html(pack: Pack) -> str:
    return f"""<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src 'self' file:">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Evidence pack — {_e(pack.case_name)}</title><style>{CSS}</style></head>
<body>
<h1>Evidence pack — {_e(pack.case_name)}</h1>
<p class="meta">Every entry below is the verbatim sentence it came from, with the document, page and
character span where it is written, the address it was retrieved from and when, and the sha256 of the
file. The cited files are in <code>originals/</code>; <code>manifest.json</code> lists the sha256 of every
file in this pack. Check it with <code>casefile verify</code> on the ZIP, or <code>sha256sum</code>. Quotes
from PDFs and scans show their page around them, highlighted (the images in <code>crops/</code>: open this
report from the unzipped pack to see them).</p>
<h2>Scope</h2>
{_scope(pack)}
<h2>Timeline</h2>
{_entries(pack)}
<h2>Documents cited</h2>
{_documents(pack)}
</body></html>
"""
