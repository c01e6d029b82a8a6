"""Lines -> stored page text: whitespace normalised, line-end hyphenation joined, running headers,
footers and page numbers found across pages and returned as skip spans (kept for display).
"""
from __future__ import annotations

import bisect
import math
import re
import unicodedata
from dataclasses import dataclass

from pipeline.word_boxes import Box, Word, place

TOP_ZONE = 6      # lines from the top of a page that may be a running header
BOTTOM_ZONE = 4   # lines from the bottom that may be a running footer

# Prefixes whose hyphen is part of the word even when the line breaks right after it.
# Short prefixes that are also common syllables ("re-port", "pro-posal", "ex-ample") are left out.
KEEP_HYPHEN_PREFIXES = frozenset({"well", "self", "vice", "half", "non"})


@dataclass
class Line:
    text: str
    top: float = 0.0
    bottom: float = 0.0
    para: bool = False    # a paragraph break (blank line) comes before this line
    table: bool = False   # a table row: never joined with its neighbours
    fixed: bool = False   # appended content (form fields): never a header/footer
    rel: float | None = None   # top as a share of the page height, when the layout is known
    words: list[Word] | None = None   # its words with their boxes on the page (pipeline/word_boxes.py)


_SPACES = re.compile(r"[ \t\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]+")
_INVISIBLE = re.compile(r"[\u200b-\u200d\u2060\ufeff]")
_CID = re.compile(r"\(cid:\d+\)")
_LIST_CID = re.compile(r"^\s*\(cid:\d+\)\s+(?=\S)")
# a symbol font's bullet in Unicode's private use area ("\uf0b7 Ed Childers", Word's Symbol bullet) opening a line
_LIST_PRIVATE = re.compile(r"^(\s*)[\ue000-\uf8ff](?=\s+\S)")
_PAGE_NUMBER = re.compile(
    r"^(?:[-–—]\s*)?(?:page|pg\.?|p\.)?\s*(?:\d{1,4}|[ivxlcdm]{1,7})(?:\s*(?:of|/)\s*\d{1,4})?(?:\s*[-–—])?$"
    r"|^\d{1,4}\s*\|\s*p\s?a\s?g\s?e$", re.IGNORECASE)


def clean(text: str) -> str:
    """One line: unreadable glyph codes shown as U+FFFD, controls dropped, space runs collapsed."""
    text = _LIST_CID.sub("\u2022 ", text)   # an unmapped glyph opening a line is a list bullet
    text = _LIST_PRIVATE.sub("\\1\u2022", text)
    text = _CID.sub("\ufffd", text)
    text = _INVISIBLE.sub("", text)
    text = "".join(c for c in text if c in "\t" or unicodedata.category(c) != "Cc")
    return _SPACES.sub(" ", text).strip()


def is_page_number(text: str) -> bool:
    return bool(_PAGE_NUMBER.match(clean(text)))


def _norm(text: str) -> str:
    """Header identity across pages: digits and case don't matter ("Page 2 of 3" == "Page 3 of 3")."""
    return re.sub(r"\d+", "#", clean(text).lower())


def running_lines(pages: list[list[Line]]) -> list[set[int]]:
    """Per page, the indexes of its running header/footer and page-number lines.

    A running line repeats (digits aside) in the top or bottom zone of half the pages (at least
    2; 3 suffice in long documents), at the same height on the page when the height is known.
    The walk from each edge stops at the first line that isn't one. Its first occurrence stays
    analysed (on page 1 it is usually the title block); page numbers are always skipped.
    """
    seen_at: dict[tuple[str, str], list[float | None]] = {}
    zones: list[tuple[list[int], list[int]]] = []
    for lines in pages:
        body = [i for i, ln in enumerate(lines) if not ln.fixed and clean(ln.text)]
        top, bottom = body[:TOP_ZONE], list(reversed(body))[:BOTTOM_ZONE]
        zones.append((top, bottom))
        for zone, order in (("top", top), ("bottom", bottom)):
            for key in {_norm(lines[i].text) for i in order}:
                rels = [lines[i].rel for i in order if _norm(lines[i].text) == key]
                seen_at.setdefault((zone, key), []).append(rels[0])
    positions = {key: (sum(p is None for p in at), sorted(p for p in at if p is not None))
                 for key, at in seen_at.items()}
    need = max(2, min(3, math.ceil(len(pages) / 2)))
    result: list[set[int]] = []
    first: set[tuple[str, str]] = set()
    for lines, (top, bottom) in zip(pages, zones):
        skip: set[int] = set()
        edge = _edge_lines(lines)
        for zone, order in (("top", top), ("bottom", bottom)):
            for i in order:   # walk inwards from the edge; the first body line stops the walk
                text = lines[i].text
                key = (zone, _norm(text))
                if i not in edge[zone]:
                    break
                if is_page_number(text):
                    skip.add(i)
                elif len(pages) > 1 and _repeats(positions.get(key, (0, [])), lines[i].rel) >= need:
                    if key in first:
                        skip.add(i)
                    first.add(key)
                else:
                    break
        body = [i for i, ln in enumerate(lines) if not ln.fixed and clean(ln.text)]
        if body and skip.issuperset(body):   # a page made only of "repeats" is a template, not a header
            skip = {i for i in skip if is_page_number(lines[i].text)}
        result.append(skip)
    return result


def _edge_lines(lines: list[Line]) -> dict[str, set[int]]:
    """Lines above all later lines (top) / below all earlier lines (bottom) of the reading order.

    In two-column text the last line read is the right column's foot, level with the left one:
    not a footer. Without layout (rel None) every line qualifies.
    """
    body = [i for i, ln in enumerate(lines) if not ln.fixed and clean(ln.text)]
    rels = [lines[i].rel for i in body]
    edge: dict[str, set[int]] = {"top": set(), "bottom": set()}
    lowest_after = float("inf")
    for pos in range(len(body) - 1, -1, -1):
        rel = rels[pos]
        if rel is None or rel < lowest_after - 1e-3:
            edge["top"].add(body[pos])
        if rel is not None:
            lowest_after = min(lowest_after, rel)
    highest_before = float("-inf")
    for pos in range(len(body)):
        rel = rels[pos]
        if rel is None or rel > highest_before + 1e-3:
            edge["bottom"].add(body[pos])
        if rel is not None:
            highest_before = max(highest_before, rel)
    return edge


def _repeats(positions: tuple[int, list[float]], here: float | None) -> int:
    """How many pages carry the line at this height (within 2% of the page), or at all if unknown."""
    unknown, known = positions
    if here is None:
        return unknown + len(known)
    return unknown + bisect.bisect_right(known, here + 0.02) - bisect.bisect_left(known, here - 0.02)


_HYPHEN_END = re.compile(r"([A-Za-z\u00c0-\u024f]+)([-\u00ad])$")
_WORD_START = re.compile(r"^([A-Za-z\u00c0-\u024f]+)")


def _hyphen_join(line: str, nxt: str, vocab: set[str]) -> str | None:
    """The two lines joined when `line` ends in a word broken by a hyphen, else None.

    Rule: a soft hyphen always joins; a hyphen before a lowercase continuation joins without
    the hyphen ("case-/worker" -> "caseworker") unless the hyphenated form appears elsewhere on the
    page or the prefix is a usual compound prefix ("well-/known" -> "well-known"); before an
    uppercase letter or a digit the hyphen is real ("Smith-/Jones", "COVID-/19").
    """
    end = _HYPHEN_END.search(line)
    if not end or (len(line) > len(end.group(0)) and line[-len(end.group(0)) - 1] in "-–—"):
        return None
    head, mark = end.group(1), end.group(2)
    if mark == "\u00ad":
        return line[:-1] + nxt
    start = _WORD_START.match(nxt)
    if not start or not nxt[0].islower():
        return line + nxt if nxt[:1].isalnum() else None
    tail = start.group(1)
    if f"{head}-{tail}".lower() in vocab:
        return line + nxt
    if (head + tail).lower() in vocab or head.lower() not in KEEP_HYPHEN_PREFIXES:
        return line[:-1] + nxt
    return line + nxt


def vocabulary(lines: list[Line]) -> set[str]:
    """Words and hyphenated words as they appear inside lines (not at a line break), lowercased."""
    vocab: set[str] = set()
    for ln in lines:
        if ln.table:
            continue
        line = clean(ln.text)
        words = re.findall(r"[A-Za-z\u00c0-\u024f]+(?:-[A-Za-z\u00c0-\u024f]+)*", line)
        if line.endswith("-") and words:
            words = words[:-1]
        vocab.update(w.lower() for w in words)
    return vocab


def compose(lines: list[Line], skip: set[int] | None = None,
            vocab: set[str] | None = None) -> tuple[str, list[tuple[int, int]]]:
    """The stored page text and the [start, end) spans of the skipped (header/footer) lines.

    `vocab` (from `vocabulary()` over the whole document) decides ambiguous hyphenated breaks;
    by default the page's own words do.
    """
    text, spans, _ = compose_boxes(lines, skip, vocab)
    return text, spans


def compose_boxes(lines: list[Line], skip: set[int] | None = None, vocab: set[str] | None = None
                  ) -> tuple[str, list[tuple[int, int]], list[Box]]:
    """`compose`, and the word boxes of the lines that carry words, at their offsets in the text."""
    skip = skip or set()
    items: list[tuple[str, bool, bool, bool, list[Box]]] = []   # text, para, skipped, table, word boxes
    pending_para = False
    for i, ln in enumerate(lines):
        text = clean(ln.text)
        if not text:
            pending_para = pending_para or ln.para or bool(items)
            continue
        items.append((text, ln.para or pending_para, i in skip, ln.table, place(text, ln.words, clean)))
        pending_para = False
    if vocab is None:
        vocab = vocabulary([ln for k, ln in enumerate(lines) if k not in skip])
    out: list[str] = []
    spans: list[tuple[int, int]] = []
    boxes: list[Box] = []
    pos = 0
    k = 0
    while k < len(items):
        text, para, skipped, table, placed = items[k]
        # join hyphenated breaks between body lines of one paragraph
        while not skipped and not table and k + 1 < len(items):
            nxt, nxt_para, nxt_skipped, nxt_table, nxt_placed = items[k + 1]
            if nxt_para or nxt_skipped or nxt_table:
                break
            joined = _hyphen_join(text, nxt, vocab)
            if joined is None:
                break
            at = len(joined) - len(nxt)   # the next line starts here; a dropped hyphen cuts the word before
            placed = [(s, min(e, at), *b) for s, e, *b in placed if s < at] + \
                [(s + at, e + at, *b) for s, e, *b in nxt_placed]
            text, k = joined, k + 1
        if out:
            sep = "\n\n" if para else "\n"
            out.append(sep)
            pos += len(sep)
        if skipped:
            spans.append((pos, pos + len(text)))
        out.append(text)
        boxes.extend((s + pos, e + pos, *b) for s, e, *b in placed)
        pos += len(text)
        k += 1
    composed = "".join(out)
    return composed, _merged(spans + pleading_numbers(composed)), boxes


def _merged(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Sorted, overlapping spans joined (a page number at the foot can be a pleading number too)."""
    out: list[tuple[int, int]] = []
    for a, b in sorted(spans):
        if out and a < out[-1][1]:
            out[-1] = (out[-1][0], max(b, out[-1][1]))
        else:
            out.append((a, b))
    return out


_LINE_NUMBER = re.compile(r"^[ \t]*(\d{1,2})(?=[ \t]*$|[ \t]+[^\s.)])", re.MULTILINE)
PLEADING_LINES = 32   # pleading paper numbers 26 or 28 lines a page, some 32
PLEADING_MIN = 12     # numbered lines a page needs before they are taken for its margin


def pleading_numbers(text: str) -> list[tuple[int, int]]:
    """Pleading paper's line numbers (1 to 28 down the left margin of a court filing, read at the
    start of the lines they sit beside or alone on a line of their own) as spans to skip: left in,
    they cut sentences ("5 IT IS SO ORDERED") and glue numbers to words. They are the longest run
    of line-opening numbers that rises down the page from 1-3, at least PLEADING_MIN of them; a
    numbered list ("1. ", "2) ") is not one."""
    found = [(m.start(1), m.end(1), int(m.group(1))) for m in _LINE_NUMBER.finditer(text)]
    found = [f for f in found if 1 <= f[2] <= PLEADING_LINES]
    if len(found) < PLEADING_MIN:
        return []
    # the longest strictly rising run (not necessarily contiguous: a list item may sit between)
    best: list[list[int]] = []
    for i, (_, _, n) in enumerate(found):
        prev = [best[j] for j in range(i) if found[j][2] < n]
        best.append(max(prev, key=len, default=[]) + [i])
    run = max(best, key=len)
    if len(run) < PLEADING_MIN or found[run[0]][2] > 3:
        return []
    # a number alone on its line takes the line's end along (pipeline/extract.nlp_text)
    return [(a, b + 1 if text.startswith("\n", b) and (a == 0 or text[a - 1] == "\n") else b)
            for a, b, _ in (found[i] for i in run)]


def lines_from_text(text: str) -> list[Line]:
    """Lines of plain text; blank lines mark paragraphs; form feeds are handled by the caller."""
    result: list[Line] = []
    para = False
    for raw in text.splitlines():
        if not raw.strip():
            para = bool(result)
            continue
        result.append(Line(raw, para=para))
        para = False
    return result


MAX_PAGE_CHARS = 100_000   # formats without pages are cut at paragraphs so one "page" stays NLP-sized


def paginate(lines: list[Line], max_chars: int = MAX_PAGE_CHARS) -> list[list[Line]]:
    """Lines cut into pages of at most ~max_chars, at paragraph breaks where possible."""
    pages: list[list[Line]] = [[]]
    size = 0
    for line in lines:
        if size + len(line.text) > max_chars and pages[-1] and (line.para or size > 2 * max_chars):
            pages.append([])
            size = 0
        pages[-1].append(line)
        size += len(line.text) + 1
    return pages
