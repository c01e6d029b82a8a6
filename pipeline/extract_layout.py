"""One pdfplumber page -> lines in reading order: tables as ` | `-separated rows, two-column text
read left column then right column, paragraph breaks from vertical gaps.
"""
from __future__ import annotations

import re
import statistics
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from pipeline.extract_lines import Line
from pipeline.word_boxes import PdfplumberFrame

MIN_GUTTER = 8.0        # pt of clear space between two text columns (word gaps are ~3 pt)
WIDE_SPACES = 2.0       # a typewriter face's gutter is wider than twice its spaces (min_gutter)
MARGIN_BAND = 0.07      # rows this close to the top/bottom edge are running heads, never columns
MIN_COLUMN_ROWS = 3     # rows each side needs before a gutter counts as a column break
MIN_FILL = 0.7          # prose columns fill most of their width; key/value lists and tables don't
MIN_COLUMN_WIDTH = 0.25  # of the page width: narrower "columns" are table cells or labels
MAX_GUTTER = 0.15        # of the page width: a wider gap separates labels from values, not columns
MAX_TABLE_CELL = 400    # a "cell" holding more text than this is a boxed paragraph, not a table
MAX_TURNED = 0.2        # of a page's words: sideways words beyond this are the page's own text
_ENDS = re.compile(r"[.!?:;][\"'”’)\]]*$")   # a line that ends a sentence (or a heading's colon)


@dataclass
class _Row:
    top: float
    bottom: float
    words: list[dict[str, Any]] = field(default_factory=list)

    def segments(self, gutter: float = MIN_GUTTER) -> list[tuple[float, float]]:
        """Word runs separated by less than a gutter, as (x0, x1)."""
        spans: list[tuple[float, float]] = []
        for w in sorted(self.words, key=lambda w: w["x0"]):
            if spans and w["x0"] - spans[-1][1] < gutter:
                spans[-1] = (spans[-1][0], max(spans[-1][1], w["x1"]))
            else:
                spans.append((w["x0"], w["x1"]))
        return spans


WORD_GAP = 3.0     # pt: letters closer than this are one word (pdfplumber's default)
TIGHT_GAP = 1.5    # pt: for a page set so tightly that WORD_GAP glues its words together
GLUED_LETTERS = 18  # a "word" of this many letters is words run together ("RemarksbyOutgoingMayor")


def grouped_words(extract: Callable[[float], list[dict[str, Any]]]) -> list[dict[str, Any]]:
    """`extract(x_tolerance)`'s words; again with TIGHT_GAP when the page's words come out glued
    (some agenda software sets its text with spaces narrower than WORD_GAP: "CouncilChambers,
    1315ValleyDrive"). Glued: at least three words of GLUED_LETTERS letters, 2 % of the page's."""
    words = extract(WORD_GAP)
    long = sum(1 for w in words if len(w["text"]) >= GLUED_LETTERS   # the letter count only for long words
               and sum(c.isalpha() for c in w["text"]) >= GLUED_LETTERS)
    if long >= 3 and long >= 0.02 * len(words):
        return extract(TIGHT_GAP)
    return words


def page_lines(page: Any) -> list[Line]:
    """Lines of one pdfplumber page in reading order."""
    tables = _tables(page) if (page.rects or page.lines or page.curves) else []
    boxes = [t.bbox for t in tables]
    every = grouped_words(lambda gap: page.extract_words(x_tolerance=gap, y_tolerance=3, keep_blank_chars=False,
                                                         use_text_flow=False))
    words = [w for w in every if not any(_inside(w, b) for b in boxes)]
    turned = [w for w in words if not w.get("upright", True)]
    if turned and len(turned) <= MAX_TURNED * len(words):
        # a few words set sideways down a margin (the Federal Register's "VerDate …" and its
        # stamp) cross the gutters and jumble the columns they run past; a page mostly turned
        # is a page set sideways, read as it is
        words = [w for w in words if w.get("upright", True)]
    # cut the page into horizontal bands at each table; text beside a table stays in its band
    cuts = sorted(tables, key=lambda t: t.bbox[1])
    out: list[Line] = []
    y = float("-inf")
    for table in cuts + [None]:
        band_end = table.bbox[1] if table is not None else float("inf")
        band = [w for w in words if y <= _mid(w) < band_end]
        out += _text_lines(band, page.width, page.height)
        if table is not None:
            rows = _table_lines(table, every)
            if rows:
                rows[0].para = True
            out += rows
            beside = [w for w in words if table.bbox[1] <= _mid(w) < table.bbox[3]]
            out += _text_lines(beside, page.width, page.height)
            y = table.bbox[3]
    frame = PdfplumberFrame(page)
    for line in out:
        line.rel = line.top / page.height if page.height else None
        line.words = [frame.word(*w) for w in line.words or ()]
    return out


def _mid(word: dict[str, Any]) -> float:
    return (word["top"] + word["bottom"]) / 2


def _inside(word: dict[str, Any], bbox: tuple[float, float, float, float]) -> bool:
    cx, cy = (word["x0"] + word["x1"]) / 2, _mid(word)
    return bbox[0] <= cx <= bbox[2] and bbox[1] <= cy <= bbox[3]


def _tables(page: Any) -> list[Any]:
    """Ruled tables worth keeping as rows: at least 2x2, cells short enough to be cells."""
    found = []
    for table in page.find_tables():
        cells = table.extract()
        if len(cells) < 2 or max(len(r) for r in cells) < 2:
            continue
        filled = [c for r in cells for c in r if c and c.strip()]
        if len(filled) < 3 or any(len(c) > MAX_TABLE_CELL for c in filled):
            continue
        table._casefile_cells = cells   # extracted once; reused when rendering
        found.append(table)
    return found


def _table_lines(table: Any, words: list[dict[str, Any]]) -> list[Line]:
    """Each row as `cell | cell | ...`, empty cells kept so columns stay countable; each cell's
    words (the page's words inside it, row by row) carry their boxes."""
    lines = []
    rows = getattr(table, "_casefile_cells", None) or table.extract()
    in_table = [w for w in words if _inside(w, table.bbox)]
    for cells, row in zip(rows, table.rows):
        text = " | ".join(" ".join((c or "").split()) for c in cells)
        top = min((c[1] for c in row.cells if c), default=table.bbox[1])
        bottom = max((c[3] for c in row.cells if c), default=table.bbox[3])
        in_row = [w for w in in_table if top <= _mid(w) <= bottom]
        boxed = []
        for cell in row.cells:
            inside = [w for w in in_row if cell and _inside(w, cell)]
            boxed += [_raw(w) for r in _rows(inside) for w in sorted(r.words, key=lambda w: w["x0"])]
        lines.append(Line(text, top, bottom, table=True, words=boxed))
    return lines


def _raw(word: dict[str, Any]) -> tuple[str, float, float, float, float]:
    """A word as `Line.words` holds it before `page_lines` turns its box into page fractions."""
    return word["text"], word["x0"], word["top"], word["x1"], word["bottom"]


def _rows(words: list[dict[str, Any]]) -> list[_Row]:
    """Words grouped into visual rows by vertical overlap."""
    rows: list[_Row] = []
    for w in sorted(words, key=lambda w: (w["top"], w["x0"])):
        row = rows[-1] if rows else None
        if row and w["top"] < row.bottom - 0.5 * min(row.bottom - row.top, w["bottom"] - w["top"]):
            row.words.append(w)
            row.bottom = max(row.bottom, w["bottom"])
        else:
            rows.append(_Row(w["top"], w["bottom"], [w]))
    return rows


def min_gutter(rows: list[_Row]) -> float:
    """The clear space that parts two columns on this page: MIN_GUTTER, or WIDE_SPACES times the page's
    usual space between words when that is wider. A typewriter face (Courier, a court's pleading
    paper) spaces its words 7-9 pt apart and lines their gaps up down the page, which MIN_GUTTER alone
    took for a gutter between two columns ("11 On February" | "13, 2002, Plaintiff applied …")."""
    gaps = []
    for r in rows:
        xs = sorted(r.words, key=lambda w: w["x0"])
        gaps += [g for a, b in zip(xs, xs[1:]) if 0 < (g := b["x0"] - a["x1"]) < 3 * MIN_GUTTER]
    return max(MIN_GUTTER, WIDE_SPACES * statistics.median(gaps)) if gaps else MIN_GUTTER


def _gutter(rows: list[_Row], width: float, height: float, clear_space: float | None = None) -> float | None:
    """The x of a vertical gutter that splits most body rows into two filled columns, or None.

    Rows crossing the gutter (a title, a full-width heading) are allowed while they are fewer than
    the rows it splits; they are read in place, between the column blocks.
    """
    body = [r for r in rows if MARGIN_BAND * height < r.top and r.bottom < (1 - MARGIN_BAND) * height]
    if len(body) < 2 * MIN_COLUMN_ROWS:
        return None
    clear_space = min_gutter(rows) if clear_space is None else clear_space
    segs = [r.segments(clear_space) for r in body]
    best: tuple[int, int, float] | None = None
    x = 0.3 * width
    while x <= 0.7 * width:
        clear = [s for s in segs if not any(a < x < b for a, b in s)]
        crossing = len(segs) - len(clear)
        left = sum(any(b <= x for a, b in s) for s in clear)
        right = sum(any(a >= x for a, b in s) for s in clear)
        score = min(left, right)
        if score >= MIN_COLUMN_ROWS and crossing <= score and (best is None or (score, -crossing) > best[:2]):
            best = (score, -crossing, x)
        x += 2.0
    if best is None:
        return None
    x = best[2]
    clear = [s for s in segs if not any(a < x < b for a, b in s)]
    # centre the cut in the clear band, then check both sides read as prose columns
    lo = max(b for s in clear for a, b in s if b <= x)
    hi = min(a for s in clear for a, b in s if a >= x)
    left_x0 = min(a for s in clear for a, b in s if b <= x)
    right_x1 = max(b for s in clear for a, b in s if a >= x)
    left_fill = [(max(b for a, b in s if b <= x) - left_x0) / max(1.0, lo - left_x0)
                 for s in clear if any(b <= x for a, b in s)]
    right_fill = [(max(b for a, b in s if a >= x) - hi) / max(1.0, right_x1 - hi)
                  for s in clear if any(a >= x for a, b in s)]
    if statistics.median(left_fill) < MIN_FILL or statistics.median(right_fill) < MIN_FILL:
        return None
    # prose columns are wide and close together; a name list beside far-off values is a table
    if min(lo - left_x0, right_x1 - hi) < MIN_COLUMN_WIDTH * width or hi - lo > MAX_GUTTER * width:
        return None
    return (lo + hi) / 2


def _text_lines(words: list[dict[str, Any]], width: float, height: float) -> list[Line]:
    if not words:
        return []
    rows = _rows(words)
    clear_space = min_gutter(rows)
    gutter = _gutter(rows, width, height, clear_space)
    if gutter is None:
        return _paragraphs([_join(r.words, r) for r in rows])
    out: list[Line] = []
    block: list[_Row] = []
    from_column: list[bool] = []   # whether out's last line was a column's (not a row across the page)

    def flush() -> None:
        for side in (lambda w: w["x1"] <= gutter, lambda w: w["x0"] >= gutter):
            column = [w for r in block for w in r.words if side(w)]
            if column:   # a side may hold columns of its own (three columns: the Federal Register)
                lines = _text_lines(column, width, height)
                # a sentence runs on from the foot of one column to the head of the next ("On October
                # 29, 2018, a Boeing Model" / "737–8 airplane operated by …"): no paragraph break there
                lines[0].para = not (from_column and from_column[-1] and not _ENDS.search(out[-1].text))
                out.extend(lines)
                from_column.append(True)
        block.clear()

    for row in rows:
        crossing = any(a < gutter < b for a, b in row.segments(clear_space))
        in_margin = row.top <= MARGIN_BAND * height or row.bottom >= (1 - MARGIN_BAND) * height
        if crossing or in_margin:
            flush()
            line = _join(row.words, row)
            line.para = bool(out)
            out.append(line)
            from_column.append(False)
        else:
            block.append(row)
    flush()
    return out


def _join(words: list[dict[str, Any]], row: _Row) -> Line:
    ordered = sorted(words, key=lambda w: w["x0"])
    return Line(" ".join(w["text"] for w in ordered), row.top, row.bottom, words=[_raw(w) for w in ordered])


def _paragraphs(lines: list[Line]) -> list[Line]:
    """Mark a paragraph break where the gap above a line is clearly larger than the usual leading."""
    if len(lines) < 2:
        return lines
    gaps = [b.top - a.bottom for a, b in zip(lines, lines[1:])]
    heights = [ln.bottom - ln.top for ln in lines]
    usual = statistics.median(gaps)
    height = statistics.median(heights)
    for line, gap in zip(lines[1:], gaps):
        if gap > usual + 0.6 * height:
            line.para = True
    return lines
