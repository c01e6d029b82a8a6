"""The fast path for plain text pages: pdfium (C++) reads the characters and their boxes, and the
same word grouping (pdfplumber's `WordExtractor`) and reading-order code (`extract_layout`) turn
them into lines, so a page read here stores the text pdfplumber's path would.

pdfium's own text (`get_text_range`) is in content-stream order (a footer drawn first comes
first, table cells in drawing order), so only its characters and positions are used. A page that
needs layout analysis or a closer look returns None and goes through pdfplumber: little text over
an image (a scan), anything that can be a table edge or a box, form XObjects and shadings,
annotations other than links (form fields), rotated or skewed text, unmapped or unreadable
glyphs, spaces only pdfminer can tell, and two columns.
See bench/RESULTS.md ("Pipeline throughput") for the speed and the comparison on the fixtures.
"""
from __future__ import annotations

import ctypes
from typing import Any

from pipeline.extract_layout import _gutter, _join, _paragraphs, _rows, grouped_words
from pipeline.extract_lines import Line
from pipeline.word_boxes import Frame

SCAN_TEXT_CHARS = 100   # as in extract_pdf: with an image, less text than this may be a scan
WORD_GAP = 3.0          # pt: the x/y tolerance `extract_layout` gives pdfplumber's word grouping
RULE_THICKNESS = 2.0   # pt: a path this thin in height is a horizontal rule, never a table edge
_GARBAGE = frozenset(range(0x00, 0x20)) - {0x09, 0x0A, 0x0D}


def fast_page_lines(page: Any) -> list[Line] | None:
    """The lines of a pypdfium2 page, or None when the page needs pdfplumber."""
    import pypdfium2.raw as c

    width, height = page.get_size()
    if page.get_rotation() or tuple(page.get_mediabox()) != (0, 0, width, height) \
            or tuple(page.get_cropbox()) != (0, 0, width, height):
        return None
    objects = _plain_objects(page, c)
    if objects is None or not _only_links(page, c):
        return None
    textpage = page.get_textpage()
    try:
        chars = _chars(textpage, height, c)
    finally:
        textpage.close()
    if chars is None:
        return None
    from pdfplumber.utils.text import WordExtractor

    # the grouping `extract_layout.page_lines` asks pdfplumber for, on the same kind of chars
    words = grouped_words(lambda gap: WordExtractor(x_tolerance=gap, y_tolerance=3, keep_blank_chars=False,
                                                    use_text_flow=False).extract_words(chars))
    rows = _rows(words)
    if _gutter(rows, width, height) is not None:
        return None   # two columns: pdfplumber's path reads them
    # what `page_lines` does for a page without tables or columns (its gutter search is the costly part)
    lines = _paragraphs([_join(r.words, r) for r in rows])
    if objects["images"] and sum(len(ln.text.replace(" ", "")) for ln in lines) < SCAN_TEXT_CHARS:
        return None   # little text over an image: maybe a scan (`extract_pdf._read_page` decides)
    frame = Frame(0.0, 0.0, width, height)   # no rotation, no crop box: the page is its media box
    for line in lines:
        line.rel = line.top / height if height else None
        line.words = [frame.word(*w) for w in line.words or ()]
    return lines


def _plain_objects(page: Any, c: Any) -> dict[str, int] | None:
    """Counts of the page's objects when they are only text (upright, unskewed), horizontal rules
    and images (a logo, a signature); None otherwise."""
    found = {"images": 0}
    matrix = c.FS_MATRIX()
    left, bottom, right, top = (ctypes.c_float() for _ in range(4))
    for index in range(c.FPDFPage_CountObjects(page)):
        obj = c.FPDFPage_GetObject(page, index)
        kind = c.FPDFPageObj_GetType(obj)
        if kind == c.FPDF_PAGEOBJ_TEXT:
            if not c.FPDFPageObj_GetMatrix(obj, matrix) or matrix.b or matrix.c or matrix.a <= 0 or matrix.d <= 0:
                return None
        elif kind == c.FPDF_PAGEOBJ_PATH:
            if not c.FPDFPageObj_GetBounds(obj, left, bottom, right, top) or top.value - bottom.value > RULE_THICKNESS:
                return None
        elif kind == c.FPDF_PAGEOBJ_IMAGE:
            found["images"] += 1
        else:   # shading, form XObject
            return None
    return found


def _only_links(page: Any, c: Any) -> bool:
    for index in range(c.FPDFPage_GetAnnotCount(page)):
        annot = c.FPDFPage_GetAnnot(page, index)
        try:
            if c.FPDFAnnot_GetSubtype(annot) != c.FPDF_ANNOT_LINK:
                return False
        finally:
            c.FPDFPage_CloseAnnot(annot)
    return True


def _chars(textpage: Any, height: float, c: Any) -> list[dict[str, Any]] | None:
    """pdfplumber-shaped chars (text, x0, x1, top, bottom, doctop, upright, size), drawn ones only:
    pdfium's generated line breaks and spaces are left out, as pdfminer has none. But pdfium also
    turns some real space characters into generated spaces; where the gap is too narrow to split
    the words without one (pdfplumber splits at a space or a gap over 3 pt), the page is left to
    pdfplumber."""
    raw = textpage.raw
    count = c.FPDFText_CountChars(raw)
    text = textpage.get_text_range(0, count)
    if len(text) != count:   # a character outside the BMP: two UTF-16 units, offsets no longer align
        return None
    rect, matrix = c.FS_RECTF(), c.FS_MATRIX()
    scales: dict[tuple[float, float], float] = {}
    box, font_size, generated = c.FPDFText_GetLooseCharBox, c.FPDFText_GetFontSize, c.FPDFText_IsGenerated
    chars: list[dict[str, Any]] = []
    space_after: int | None = None   # index in `chars` of the char before a generated space
    for i, char in enumerate(text):
        if char in "\r\n":
            space_after = None
            continue
        if char == " " and generated(raw, i):
            space_after = len(chars) - 1 if chars else None
            continue
        code = ord(char)
        if code == 0xFFFE:   # pdfium's mark for a hyphen ending a line: "-" or a soft hyphen, only pdfminer knows
            return None
        if code in _GARBAGE or code == 0xFFFD or 0xE000 <= code <= 0xF8FF or 0xD800 <= code <= 0xDFFF:
            return None   # unreadable glyphs: pdfplumber's path decides between text and OCR
        size = font_size(raw, i)
        if not box(raw, i, rect) or size <= 0:
            return None
        low = rect.bottom
        tall = rect.top - low
        if tall > 2 * size:
            # the size as drawn, as pdfminer gives it: the font's size times the text matrix's scale (a word
            # processor's "1 Tf" drawn with a 13-point matrix is 13 points tall, not 1, or a superscript footnote
            # marker no longer overlaps its line and becomes a line of its own: "on April" / "8" / "6, 2006.");
            # asked only when the box is taller than the font size says, once per size and box height (a run of
            # one font at one scale has one loose box height)
            key = (size, tall)
            if key not in scales:
                scales[key] = abs(matrix.d) if c.FPDFText_GetMatrix(raw, i, matrix) and matrix.d else 1.0
            size *= scales[key]
        bottom = height - low
        top = bottom - size   # pdfminer's box is one font size tall, from the font's descent
        char_row = {"text": char, "x0": rect.left, "x1": rect.right, "top": top, "bottom": bottom,
                    "doctop": top, "upright": True, "size": size, "height": size}
        if space_after is not None:
            before = chars[space_after]
            if abs(before["top"] - top) <= WORD_GAP and rect.left - before["x1"] <= WORD_GAP:
                return None   # a real space or none? only pdfminer knows
            space_after = None
        chars.append(char_row)
    return chars
