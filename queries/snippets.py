"""Snippets people can cite: a window of the passage with the matched words marked.

A word is marked when its stem is one the query looked for, so "resigned" marks "resigning";
marks next to each other (a phrase) become one mark.
"""
from __future__ import annotations

import re

from index.search_text import STOPWORDS, WORD, normalize

SNIPPET_CHARS = 240
# What may sit between two marked words for them to make one mark ("director of social services").
_STOP = "|".join(STOPWORDS)
JOIN_GAP = re.compile(rf"[\W_]{{1,3}}(?:(?:{_STOP})[\W_]{{1,3}})*", re.IGNORECASE)


def words_of(texts: list[str]) -> set[str]:
    """Every normalised word of these texts (to stem them in one query)."""
    return {normalize(m.group()) for text in texts for m in WORD.finditer(text)}


def snippet_for(text: str, stems: dict[str, str], wanted: set[str]) -> tuple[str, list[tuple[int, int]]]:
    """The window with the most distinct matched words, and the spans of the marks in it."""
    flat = " ".join(text.split())
    hits = [(m.start(), m.end(), stems.get(w, w)) for m in WORD.finditer(flat)
            if (w := normalize(m.group())) and stems.get(w, w) in wanted]
    start = _best_start(flat, hits)
    window = flat[start:start + SNIPPET_CHARS]
    prefix = "…" if start else ""
    suffix = "…" if start + SNIPPET_CHARS < len(flat) else ""
    marks: list[list[int]] = []
    for a, b, _ in hits:
        if a < start or b > start + len(window):
            continue
        a, b = a - start + len(prefix), b - start + len(prefix)
        if marks and JOIN_GAP.fullmatch((prefix + window)[marks[-1][1]:a]):
            marks[-1][1] = b
        else:
            marks.append([a, b])
    return prefix + window + suffix, [(a, b) for a, b in marks]


def _best_start(flat: str, hits: list[tuple[int, int, str]]) -> int:
    if not hits or len(flat) <= SNIPPET_CHARS:
        return 0
    best, best_start = -1, 0
    for a, _, _ in hits:
        start = max(0, a - SNIPPET_CHARS // 3)
        covered = {s for x, y, s in hits if x >= start and y <= start + SNIPPET_CHARS}
        if len(covered) > best:
            best, best_start = len(covered), start
    if best_start:  # start at a word boundary
        space = flat.find(" ", best_start)
        best_start = space + 1 if 0 <= space < best_start + 20 else best_start
    return best_start
