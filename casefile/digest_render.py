"""The digest as plain text, HTML (also the email's body) or JSON. No queries here: data in, text out."""
from __future__ import annotations

import json
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

from casefile.formatting import date_label, one_line
from queries.filters import QueryError
from queries.version_diff import summary

FORMATS = ("text", "html", "json")
HERE = Path(__file__).parent
WIDTH = 100


def when(iso: str | None) -> str:
    """'2024-05-01 06:00 UTC' from an ISO time; None is the case's beginning."""
    if not iso:
        return "the beginning of the case"
    return datetime.fromisoformat(iso).astimezone(timezone.utc).strftime("%Y-%m-%d %H:%M UTC")


SINCE = {"previous digest": " (the previous digest)", "run start": " (the start of this run)"}


def period(made: dict[str, Any]) -> str:
    return f"from {when(made['since'])}{SINCE.get(made.get('since_from', ''), '')} to {when(made['until'])}"


def citation(s: dict[str, Any]) -> str:
    return f"{s.get('title') or s['doc_id'][:12]}, p. {s['page']} (doc {s['doc_id'][:12]})"


def subject(made: dict[str, Any], case_name: str, template: str = "casefile digest: {case}") -> str:
    c = made["counts"]
    parts = [f"{c[k]} {label}" for k, label in (("new", "new"), ("changed", "changed"), ("removed", "removed"),
                                                 ("entries", "new timeline entries"), ("failures", "failures"))
             if c[k]]
    return f"{template.format(case=case_name)} — {', '.join(parts) or 'nothing new'}"


def render(made: dict[str, Any], fmt: str, case_name: str) -> str:
    if fmt not in FORMATS:
        raise QueryError(f"unknown format {fmt!r}: use text, html or json")
    if fmt == "json":
        shown = {k: v for k, v in made.items() if not k.startswith("_")}
        return json.dumps(shown, indent=2, ensure_ascii=False, default=str) + "\n"
    return html(made, case_name) if fmt == "html" else text(made, case_name)


def text(made: dict[str, Any], case_name: str) -> str:
    out = [f"casefile digest — {case_name}", period(made)]
    if made["filters"]:
        out.append("filters: " + ", ".join(f"{k} = {v}" for k, v in made["filters"].items()))
    if made["empty"]:
        return "\n".join(out + ["", "Nothing new."]) + "\n"
    if made["documents"]:
        out += ["", "DOCUMENTS"]
        for src in made["documents"]:
            counts = ", ".join(f"{len(src[c])} {c}" for c in ("new", "changed", "removed") if src[c])
            out.append(f"  {src['source']}: {counts}")
            for change in ("new", "changed", "removed"):
                for d in src[change]:
                    out += _doc_lines(change, d)
    if made["entries"]:
        out += ["", f"NEW TIMELINE ENTRIES ({len(made['entries'])})"]
        for e in made["entries"]:
            out.append(f"  {date_label(e['date_start'], e['date_end'], e['date_precision'])}: "
                       f"“{one_line(e['text'])}”")
            tags = e["people"] + e["issues"]
            if tags:
                out.append(f"      {', '.join(tags)}")
            for s in e["sources"]:
                out.append(f"      — {citation(s)} {s.get('url') or ''}".rstrip())
    if made["people"]:
        out += ["", f"PEOPLE SEEN FOR THE FIRST TIME ({len(made['people'])})"]
        for p in made["people"]:
            m = p["first_mention"]
            out.append(f"  {p['name']}: first as “{m['text']}” in {citation(m)}")
    if made["failures"]:
        out += ["", f"FAILURES ({len(made['failures'])})"]
        for f in made["failures"]:
            what = f.get("source") or (f"document {f['doc_id'][:12]}" if f.get("doc_id") else f"{f.get('digest')} digest")
            out.append(f"  {what} ({f['command']} of {when(f['when'])}): {one_line(f['reason'], WIDTH * 2)}")
    return "\n".join(out) + "\n"


def _doc_lines(change: str, d: dict[str, Any]) -> list[str]:
    lines = [f"    {change:8} {one_line(d['title'], WIDTH - 14)}", f"             {d.get('url') or 'doc ' + d['doc_id'][:12]}"]
    cited = f"cited by {d['entries']} timeline entr{'y' if d['entries'] == 1 else 'ies'}" if d["entries"] else ""
    if change == "removed":
        lines.append(f"             {d['reason']}" + (f"; {cited}" if cited else ""))
    if change == "changed":
        diff = d["diff"]
        lines.append(f"             {summary(diff)}")
        for p in diff["passages"]:
            lines.append(f"             page {p['page']}:")
            lines += [f"               - {s}" for s in p["removed"]]
            lines += [f"               + {s}" for s in p["added"]]
            if p["more_sentences"]:
                lines.append(f"               … and {p['more_sentences']} more sentences")
        if diff["more"]:
            lines.append(f"             … and {diff['more']} more changed passages")
    return lines


def html(made: dict[str, Any], case_name: str) -> str:
    from jinja2 import Environment, FileSystemLoader, select_autoescape

    env = Environment(loader=FileSystemLoader(str(HERE / "templates")), autoescape=select_autoescape(["html"]))
    from casefile.web.deps import safe_url

    env.globals.update(date_label=date_label, summary=summary, when=when, period=period, citation=citation,
                       safe_url=safe_url)
    return env.get_template("digest.html").render(d=made, case_name=case_name)
