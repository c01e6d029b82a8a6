"""Word boxes: every word of a PDF page's stored text (text layer or OCR) maps to where it is printed
on the page as pdfium displays it, turned pages and crop boxes included."""
from __future__ import annotations

import io
from pathlib import Path

import numpy as np
import pypdfium2 as pdfium
import pytest

from pipeline.extract import extract
from pipeline.extract_pdf import extract_pdf
from pipeline.word_boxes import decode, encode, rects
from tests.conftest import FIXTURES, HAS_TESSERACT, ROOT, TESSERACT_MISSING, needs_tesseract
from tests.fixtures.extract import make

PDFS = sorted((FIXTURES / "pdfs").glob("*.pdf")) + sorted((ROOT / "casefile" / "demo" / "site").rglob("*.pdf"))
LINES = [f"Line {k}: the board voted to approve item {k} on March {k + 1}, 2018." for k in range(14)]


def ink_check(raw: bytes, page_index: int, boxes: list) -> tuple[int, float]:
    """(boxes of words with a letter or digit and no ink inside, share of the page's ink inside some
    box), on pdfium's rendering."""
    pdf = pdfium.PdfDocument(raw)
    pdf.init_forms()   # filled form fields are drawn: their values have boxes
    try:
        image = np.asarray(pdf[page_index].render(scale=2, may_draw_forms=True).to_pil().convert("L"))
    finally:
        pdf.close()
    h, w = image.shape
    ink = image < 128
    inside = np.zeros_like(ink)
    empty = 0
    for _, _, x0, top, x1, bottom, word in boxes:
        a, b, c, d = int(x0 * w), int(top * h), int(np.ceil(x1 * w)), int(np.ceil(bottom * h))
        if any(ch.isalnum() for ch in word) and not ink[max(b, 0):d, max(a, 0):c].any():
            empty += 1
        inside[max(b - 2, 0):d + 2, max(a - 2, 0):c + 2] = True
    return empty, float((ink & inside).sum() / max(1, ink.sum()))


def with_words(page) -> list:
    return [(*box, page.text[box[0]:box[1]]) for box in decode(page.boxes)]


def turned(raw: bytes, rotation: int = 0, crop: tuple | None = None, media: tuple | None = None) -> bytes:
    """The same PDF with its page turned (/Rotate) and/or cut (/CropBox, /MediaBox), saved by pdfium."""
    pdf = pdfium.PdfDocument(raw)
    page = pdf[0]
    if media:
        page.set_mediabox(*media)
    if crop:
        page.set_cropbox(*crop)
    if rotation:
        page.set_rotation(rotation)
    out = io.BytesIO()
    pdf.save(out)
    pdf.close()
    return out.getvalue()


@pytest.mark.parametrize("path", PDFS, ids=lambda p: p.name)
def test_every_word_of_the_text_has_a_box_on_its_ink(path: Path) -> None:
    raw = path.read_bytes()
    unread = 0
    for index, page in enumerate(extract_pdf(raw).pages):
        if page.method == "needs_ocr" and not HAS_TESSERACT:
            unread += 1   # a scanned page: its words come from OCR, checked below when tesseract is here
            continue
        boxes = decode(page.boxes)
        assert boxes and decode(encode(boxes)) == boxes
        covered = set()
        for start, end, *_ in boxes:
            word = page.text[start:end]
            assert word and word == word.strip(), (page.page, start, end, word)
            covered.update(range(start, end))
        # what has no box is what extraction wrote itself: table cell separators and list bullets
        left = {c for i, c in enumerate(page.text) if i not in covered and not c.isspace()}
        assert left <= {"|", "•"}, (path.name, page.page, left)
        # rules, logos and signatures are ink too: every box on ink is what holds on real pages
        empty, _ = ink_check(raw, index, with_words(page))
        assert empty == 0, (path.name, page.page, empty)
    if unread:
        pytest.skip(f"{unread} scanned page(s) of {path.name} not checked: {TESSERACT_MISSING}")


@pytest.mark.parametrize("rotation, crop, media", [
    (90, None, None), (180, None, None), (270, None, None),
    (0, (50, 100, 500, 760), None), (90, (50, 100, 500, 760), None), (270, (50, 100, 500, 760), None),
    (90, (60, 100, 500, 760), (30, 40, 612, 792)),
], ids=lambda v: str(v))
def test_turned_and_cropped_pages_get_their_boxes_where_pdfium_shows_the_words(rotation, crop, media) -> None:
    raw = turned(make.text_pdf([LINES]), rotation, crop, media)
    [page] = extract_pdf(raw).pages
    boxes = decode(page.boxes)
    assert len(boxes) >= 100
    empty, share = ink_check(raw, 0, with_words(page))
    assert empty == 0 and share > 0.97, (empty, share)
    # the page as shown is landscape when turned a quarter
    pdf = pdfium.PdfDocument(raw)
    width, height = pdf[0].render(scale=1).to_pil().size
    pdf.close()
    assert (width > height) == (rotation in (90, 270))


def test_a_hyphen_joined_word_has_a_box_on_each_line() -> None:
    [page] = extract_pdf(make.two_column_pdf(pages=1)).pages   # "case-" / "workers reached..."
    at = page.text.index("caseworkers")
    parts = rects(decode(page.boxes), at, at + len("caseworkers"))
    assert len(parts) == 2 and parts[0][1] < parts[1][1]          # "case" above "workers"


def test_rects_join_words_along_lines_and_cut_partial_words() -> None:
    boxes = [(0, 3, 0.10, 0.10, 0.15, 0.12), (4, 9, 0.16, 0.10, 0.25, 0.12),    # one line
             (10, 14, 0.10, 0.13, 0.18, 0.15)]                                   # the next line
    assert rects(boxes, 0, 14) == [(0.10, 0.10, 0.25, 0.12), (0.10, 0.13, 0.18, 0.15)]
    [(x0, _, x1, _)] = rects(boxes, 5, 7)                                        # 2 of the 5 letters
    assert x0 == pytest.approx(0.16 + 0.09 / 5) and x1 == pytest.approx(0.16 + 0.09 * 3 / 5)
    assert rects(boxes, 3, 4) == [] and encode([]) is None and decode(None) == []


@needs_tesseract
def test_a_scanned_page_gets_boxes_from_ocr() -> None:
    scan = ["MINUTES OF THE SPECIAL MEETING", "The board voted to place Director Whitfield",
            "on paid leave on February 13, 2018."]
    raw = make.scanned_pdf(scan)
    [page] = extract(raw).pages
    assert page.method == "ocr"
    boxes = decode(page.boxes)
    assert len(boxes) >= 15
    empty, share = ink_check(raw, 0, with_words(page))
    assert empty == 0 and share > 0.97, (empty, share)
    at = page.text.index("Whitfield")
    [(x0, top, x1, bottom)] = rects(boxes, at, at + len("Whitfield"))
    # the scan is the top 5 inches of the page; its second line sits 0.8 + 0.28 in down (make.scan_image)
    assert 0.3 < x0 < x1 < 0.9 and abs(top * 11 - 1.08) < 0.15 and bottom > top
