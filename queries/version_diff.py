"""What changed between two versions of a document: pages added or removed, and the changed passages.

Both versions' extracted pages are compared without their running headers, footers and page
numbers (`pages.skip`), so "Page 2 of 3" becoming "Page 2 of 4" is no change. Pages are matched as
whole texts (an inserted page is "added", not "every later page changed"); passages are compared as
sentences over the whole document, so text that moved to the next page is not reported either.
A changed passage is quoted verbatim (whitespace folded), with the page it is on in the new version.
"""
from __future__ import annotations

import difflib
import json
import re
from typing import Any

from index.store import Store

MAX_HUNKS = 8          # changed passages shown per document; the rest are counted
MAX_SENTENCES = 4      # sentences shown on each side of one changed passage
MAX_CHARS = 400        # a longer sentence is cut, with an ellipsis
# A sentence ends at . ! ? (and a closing quote or bracket) before a space and a capital, digit or quote.
_SENTENCE_END = re.compile(r"(?:(?<=[.!?])|(?<=[.!?][\"'”’)\]]))\s+(?=[A-Z0-9\"“‘(])")


def _pages(store: Store, doc_id: str) -> list[tuple[int, str]]:
    rows = store.query("SELECT page, text, skip FROM pages WHERE doc_id = ? ORDER BY page", [doc_id])
    return [(r["page"], _without(r["text"], r["skip"])) for r in rows]


def _without(text: str, skip: Any) -> str:
    """The page's text less its skipped spans (headers, footers, page numbers)."""
    spans = json.loads(skip) if isinstance(skip, str) else (skip or [])
    kept, pos = [], 0
    for a, b in sorted((int(a), int(b)) for a, b in spans):
        if a > pos:
            kept.append(text[pos:a])
        pos = max(pos, b)
    kept.append(text[pos:])
    return "\n".join(kept)


def _units(text: str) -> list[str]:
    """Sentences, whitespace folded; a line without lower-case letters ("8. ADJOURNMENT") stands alone."""
    out: list[str] = []
    para: list[str] = []
    for line in text.splitlines() + [""]:
        heading = any(c.isalpha() for c in line) and not any(c.islower() for c in line)
        if heading or not line.strip():
            flat = " ".join(" ".join(para).split())
            out += [u for u in _SENTENCE_END.split(flat) if u]
            para = []
            if heading:
                out.append(" ".join(line.split()))
        else:
            para.append(line)
    return out


def _sentences(pages: list[tuple[int, str]]) -> list[tuple[int, str]]:
    return [(page, u) for page, text in pages for u in _units(text)]


def _cut(text: str) -> str:
    return text if len(text) <= MAX_CHARS else text[:MAX_CHARS - 1].rstrip() + "…"


def compare(store: Store, old_id: str, new_id: str) -> dict[str, Any]:
    """{"pages_before", "pages_after", "pages_added", "pages_removed", "passages", "more", "note"}."""
    old, new = _pages(store, old_id), _pages(store, new_id)
    out: dict[str, Any] = {"pages_before": len(old), "pages_after": len(new), "pages_added": [],
                           "pages_removed": [], "passages": [], "more": 0, "note": None}
    if not old or not new:
        out["note"] = "text not extracted yet" if not new else "the earlier version has no extracted text"
        return out
    pages = difflib.SequenceMatcher(None, [" ".join(t.split()) for _, t in old],
                                    [" ".join(t.split()) for _, t in new], autojunk=False)
    for op, a1, a2, b1, b2 in pages.get_opcodes():
        if op in ("insert", "replace") and b2 - b1 > a2 - a1:
            out["pages_added"] += [p for p, _ in new[b1 + (a2 - a1):b2]]
        if op in ("delete", "replace") and a2 - a1 > b2 - b1:
            out["pages_removed"] += [p for p, _ in old[a1 + (b2 - b1):a2]]
    before, after = _sentences(old), _sentences(new)
    text = difflib.SequenceMatcher(None, [s for _, s in before], [s for _, s in after], autojunk=False)
    hunks = [h for h in text.get_opcodes() if h[0] != "equal"]
    for op, a1, a2, b1, b2 in hunks[:MAX_HUNKS]:
        removed, added = before[a1:a2], after[b1:b2]
        out["passages"].append({
            "page": added[0][0] if added else (after[b1][0] if b1 < len(after) else new[-1][0]),
            "page_before": removed[0][0] if removed else None,
            "removed": [_cut(s) for _, s in removed[:MAX_SENTENCES]],
            "added": [_cut(s) for _, s in added[:MAX_SENTENCES]],
            "more_sentences": max(0, len(removed) - MAX_SENTENCES) + max(0, len(added) - MAX_SENTENCES),
        })
    out["more"] = max(0, len(hunks) - MAX_HUNKS)
    if not hunks and not out["pages_added"] and not out["pages_removed"]:
        out["note"] = "same text; the file changed (layout, metadata or images)"
    return out


def summary(diff: dict[str, Any]) -> str:
    """One line: '3 pages → 4 pages (page 4 added); 2 changed passages'."""
    parts = [f"{diff['pages_before']} page{'s' * (diff['pages_before'] != 1)} → "
             f"{diff['pages_after']} page{'s' * (diff['pages_after'] != 1)}"]
    changes = []
    if diff["pages_added"]:
        changes.append(f"page{'s' * (len(diff['pages_added']) > 1)} {', '.join(map(str, diff['pages_added']))} added")
    if diff["pages_removed"]:
        changes.append(f"page{'s' * (len(diff['pages_removed']) > 1)} "
                       f"{', '.join(map(str, diff['pages_removed']))} removed")
    if changes:
        parts[0] += f" ({'; '.join(changes)})"
    n = len(diff["passages"]) + diff["more"]
    if n:
        parts.append(f"{n} changed passage{'s' * (n != 1)}")
    if diff["note"]:
        parts.append(diff["note"])
    return "; ".join(parts)
