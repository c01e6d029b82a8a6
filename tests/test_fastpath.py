"""The pdfium fast path stores exactly the text pdfplumber's path stores, on every page it takes, and
leaves the pages that need layout analysis (tables, columns, forms, scans, broken fonts) to pdfplumber."""
from __future__ import annotations

from pathlib import Path

import pypdfium2 as pdfium
import pytest

from pipeline.extract_fastpath import fast_page_lines
from pipeline.extract_pdf import extract_pdf
from pipeline.word_boxes import decode
from tests.conftest import FIXTURES, ROOT
from tests.fixtures.extract import make

GOLDEN_PDFS = sorted((FIXTURES / "pdfs").glob("*.pdf"))
DEMO_PDFS = sorted((ROOT / "casefile" / "demo" / "site").rglob("*.pdf"))


def fast_pages(raw: bytes) -> list[int]:
    """1-based numbers of the pages the fast path reads."""
    doc = pdfium.PdfDocument(raw)
    try:
        return [i + 1 for i in range(len(doc)) if fast_page_lines(doc[i]) is not None]
    finally:
        doc.close()


def stored(raw: bytes, fast: bool) -> list[tuple[str, str, list]]:
    return [(p.text, p.method, p.skip) for p in extract_pdf(raw, fast=fast).pages]


@pytest.mark.parametrize("path", GOLDEN_PDFS + DEMO_PDFS, ids=lambda p: p.name)
def test_fast_path_stores_what_pdfplumber_stores(path: Path) -> None:
    raw = path.read_bytes()
    fast, slow = extract_pdf(raw, fast=True).pages, extract_pdf(raw, fast=False).pages
    assert [(p.text, p.method, p.skip) for p in fast] == [(p.text, p.method, p.skip) for p in slow]
    for f, s in zip(fast, slow):   # and its words are where pdfplumber puts them, within 3 pt
        boxes = {(a, b): xy for a, b, *xy in decode(s.boxes)}
        mine = {(a, b): xy for a, b, *xy in decode(f.boxes)}
        # pdfium reads a bullet pdfminer leaves unmapped (extract_lines.clean writes "•" for it)
        assert set(boxes) <= set(mine) and all(f.text[a:b] == "•" for a, b in set(mine) - set(boxes))
        worst = max((abs(u - v) for k in boxes for u, v in zip(boxes[k], mine[k])), default=0.0)
        assert worst * 792 < 3.0, (f.page, worst)


def test_the_demo_pdfs_take_the_fast_path() -> None:
    """Not a no-op: the demo's minutes, agenda and review (their table page aside) are read by pdfium."""
    pages = {p.name: fast_pages(p.read_bytes()) for p in DEMO_PDFS}
    minutes = [name for name in pages if name.startswith("minutes-")]
    assert len(minutes) == 8 and all(pages[name] for name in minutes)
    assert pages["agenda-2019-06-11.pdf"] == [1]
    assert pages["harlan-dss-review-2018.pdf"]


def test_golden_fixtures_go_to_pdfplumber_for_their_reasons() -> None:
    """The three real fixtures each need pdfplumber: a ruled roll-call table, form fields, and an
    agenda whose spaces pdfium reports as its own (generated) where the gap alone can't tell."""
    for name in ("2017_vote_house.pdf", "Notice-and-Agenda-001-2023-06-06.pdf", "cuya_community_college_agenda.pdf"):
        assert fast_pages((FIXTURES / "pdfs" / name).read_bytes()) == [], name


def test_pages_that_need_layout_go_to_pdfplumber() -> None:
    assert fast_pages(make.two_column_pdf(pages=2)) == []                             # two columns
    assert fast_pages(make.garbage_font_pdf(["The board voted to approve the budget."])) == []  # broken font
    assert fast_pages(make.scanned_pdf(["A scanned letter."])) == []                  # an image
    assert fast_pages(make.text_pdf([["The board met on March 6, 2018."]])) == [1]    # plain text
    # pdfium turns a hyphen ending a line into U+FFFE, whether it was "-" or a soft hyphen
    broken = make.text_pdf([["The review found that case-", "workers were overloaded in 2017."]])
    assert fast_pages(broken) == [] and stored(broken, fast=True) == stored(broken, fast=False)


def test_two_column_and_scanned_pages_store_the_same_text_either_way() -> None:
    for raw in (make.two_column_pdf(pages=2), make.text_pdf([["One.", "Two."], ["Three."]])):
        assert stored(raw, fast=True) == stored(raw, fast=False)


def test_a_font_scaled_by_its_text_matrix_keeps_its_footnote_markers_on_their_line() -> None:
    """extract.v18: a word processor's PDF selects its font at 1 point and scales it by the text matrix;
    pdfium's font size alone made every character 1 point tall, so a raised footnote marker overlapped no
    line and became a line of its own inside the sentence ("on April" / "8" / "6, 2006."): 86 of 218 pages
    of the real set's PDFs that the fast path reads differed from pdfplumber's text, 2 now."""
    raw = make.scaled_font_pdf([
        ("Triplet filed his petition attacking his escape conviction on April", "", ""),
        ("6, 2006. At that time, he had completed his sentence.", "8", " However, he"),
        ("appealed, and the court of appeals affirmed the judgment.", "", ""),
    ])
    assert fast_pages(raw) == [1]   # the fast path reads it: the contract is pdfplumber's text
    fast, slow = extract_pdf(raw, fast=True).pages, extract_pdf(raw, fast=False).pages
    assert [p.text for p in fast] == [p.text for p in slow]
    lines = fast[0].text.splitlines()
    assert lines[0].endswith("on April") and lines[1].startswith("6, 2006.") and "8" not in lines[0]
