"""Scanned pages and broken text layers go to Tesseract (real OCR); without it, `needs_ocr`."""
from __future__ import annotations

import io
import os
import shutil

import pdfplumber
import pytest
from rapidfuzz import fuzz

from pipeline import extract_ocr
from pipeline.extract import extract
from pipeline.extract_pdf import garbage_share
from tests.conftest import needs_tesseract
from tests.fixtures.extract import make

SCAN = ["MINUTES OF THE SPECIAL MEETING",
        "The board voted to place Director Whitfield",
        "on paid leave on February 13, 2018."]
COVER = ["Harlan County Social Services Board", "Special meeting, February 13, 2018",
         "Attachment A follows on the next page."]



def _similar(text: str, lines: list[str]) -> float:
    return fuzz.ratio(" ".join(text.split()), " ".join(" ".join(lines).split()))


@pytest.fixture
def no_tesseract(monkeypatch, tmp_path):
    """A PATH without tesseract, as on a machine where it was never installed."""
    monkeypatch.setenv("PATH", str(tmp_path))
    assert shutil.which("tesseract") is None


@needs_tesseract
def test_scanned_page_is_ocrd_with_confidence():
    ex = extract(make.scanned_pdf(SCAN, text_page=COVER))
    text_page, scan = ex.pages
    assert (text_page.method, scan.method) == ("text", "ocr")
    assert text_page.ocr_confidence is None and text_page.text == "\n".join(COVER)
    assert _similar(scan.text, SCAN) >= 95, scan.text
    assert scan.ocr_confidence is not None and 80 <= scan.ocr_confidence <= 100
    assert not ex.problems


@needs_tesseract
def test_garbage_text_layer_is_replaced_by_ocr():
    lines = ["The board approved the contract", "with Brightpath Staffing on March 3, 2018."]
    raw = make.garbage_font_pdf(lines)
    with pdfplumber.open(io.BytesIO(raw)) as pdf:   # the text layer really is garbage
        assert garbage_share(pdf.pages[0].extract_text()) > 0.9
    page = extract(raw).pages[0]
    assert page.method == "ocr" and _similar(page.text, lines) >= 95, page.text


@needs_tesseract
def test_image_files_are_ocrd():
    ex = extract(make.scan_image(SCAN))
    assert ex.format == "image" and ex.pages[0].method == "ocr"
    assert _similar(ex.pages[0].text, SCAN) >= 95


@needs_tesseract
def test_ocr_runs_with_one_thread(monkeypatch):
    import pytesseract

    seen = []
    real = pytesseract.image_to_data

    def spy(*args, **kwargs):
        seen.append(os.environ.get("OMP_THREAD_LIMIT"))
        return real(*args, **kwargs)

    monkeypatch.setattr(pytesseract, "image_to_data", spy)
    monkeypatch.delenv("OMP_THREAD_LIMIT", raising=False)
    extract(make.scan_image(SCAN[:1]))
    assert seen == ["1"] and "OMP_THREAD_LIMIT" not in os.environ   # restored afterwards


def test_without_tesseract_scans_are_marked_needs_ocr(no_tesseract):
    ex = extract(make.scanned_pdf(SCAN, text_page=COVER))
    assert [p.method for p in ex.pages] == ["text", "needs_ocr"]
    assert ex.pages[0].text == "\n".join(COVER)   # the rest of the document is still read
    assert len(ex.problems) == 1 and "pages 2" in ex.problems[0]
    assert "apt-get install tesseract-ocr" in ex.problems[0] and extract_ocr.INSTALL_HINT in ex.problems[0]


def test_without_tesseract_garbage_is_not_stored(no_tesseract):
    page = extract(make.garbage_font_pdf(["The board approved the contract"])).pages[0]
    assert page.method == "needs_ocr" and page.text == ""


def test_without_tesseract_images_need_ocr(no_tesseract):
    ex = extract(make.scan_image(SCAN))
    assert [p.method for p in ex.pages] == ["needs_ocr"] and "tesseract" in ex.problems[0].lower()


@pytest.mark.parametrize("text, garbage", [
    ("The board met on March 3, 2018.", False),
    ("(cid:3)(cid:4)(cid:5) (cid:6)(cid:7)", True),
    ("\ue001\ue002\ue003 \ue004 board", True),
    ("Caf\ufffd minutes", False),
])
def test_garbage_share(text, garbage):
    assert (garbage_share(text) > 0.3) is garbage
