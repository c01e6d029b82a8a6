"""A sentence that runs over a page break: "On April 23, 2020, the district court certified a class
of current and" ends page 3, "future Adelanto immigration detainees, …" opens page 4. Each page is
read on its own, so the event on page 3 would quote half a sentence and page 4 would hold a
fragment. The event keeps its place (page 3, its characters there) and its quote runs on: page 4's
text from its first read character (after skipped furniture: a running header, a filing stamp) to
the end of that page's first sentence, in `cont_start`/`cont_end`; `text` holds both parts with a
line break between. The fragment on page 4 is no event of its own."""
from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

from pipeline.headings import LIST_ITEM

# the last word of a part that cannot end a sentence, whatever the next page opens with
_OPEN_END = re.compile(r"(?:\b(?:the|a|an|of|to|and|or|that|by|for|in|on|with|as|from|at|its|their|his|her)|[,;(–—-])$",
                       re.IGNORECASE)
_CLOSED = re.compile(r"[.!?][\"'”’)\]]*$|:$")


def first_read(text: str, skip: Iterable[tuple[int, int]] = ()) -> int:
    """The first character of a page that is neither blank nor skipped furniture."""
    spans = list(skip)
    i = 0
    while i < len(text) and (text[i].isspace() or any(a <= i < b for a, b in spans)):
        i += 1
    return i


def last_read(text: str, skip: Iterable[tuple[int, int]] = ()) -> int:
    """The end of a page's last character that is neither blank nor skipped furniture."""
    spans = list(skip)
    i = len(text)
    while i > 0 and (text[i - 1].isspace() or any(a <= i - 1 < b for a, b in spans)):
        i -= 1
    return i


def runs_on(text: str, end: int, skip: Iterable[tuple[int, int]] = ()) -> bool:
    """The quote ending at `end` is the page's last words and ends no sentence."""
    spans = list(skip)
    rest_is_furniture = all(c.isspace() or any(a <= i < b for a, b in spans)
                            for i, c in enumerate(text[end:], start=end))
    return rest_is_furniture and not _CLOSED.search(text[:end].rstrip())


def continue_rows(rows: list[dict[str, Any]], pages: list[dict[str, Any]],
                  sentences: list[list[tuple[int, int]]]) -> list[dict[str, Any]]:
    """`rows` (events.build_events) with each quote that runs over a page break carried on to the
    next page's first sentence, and the fragment that sentence would make dropped."""
    at = {p["page"]: n for n, p in enumerate(pages)}
    dropped: list[tuple[int, int, int]] = []
    for row in rows:
        n = at[row["page"]]
        page = pages[n]
        if n + 1 >= len(pages) or row.get("cont_start") is not None or \
                not runs_on(page["text"], row["char_end"], page.get("skip") or ()):
            continue
        nxt = pages[n + 1]
        skip = nxt.get("skip") or ()
        start = first_read(nxt["text"], skip)
        if start >= len(nxt["text"]):
            continue
        if LIST_ITEM.match(nxt["text"], start) or not nxt["text"][start].islower() and not _OPEN_END.search(row["text"].rstrip()):
            continue   # "… filed its notice" / "Page 4 opens a new paragraph", "• S. Newberry discussed …": no sign it runs on
        end = next((b for a, b in sentences[n + 1] if a <= start < b), None)
        if end is None:
            continue
        while end > start and (nxt["text"][end - 1].isspace() or any(a <= end - 1 < b for a, b in skip)):
            end -= 1
        row["text"] = row["text"] + "\n" + nxt["text"][start:end]
        row["cont_start"], row["cont_end"] = start, end
        dropped.append((nxt["page"], start, end))
    return [r for r in rows if not any(r["page"] == p and a <= r["char_start"] < b for p, a, b in dropped)]
