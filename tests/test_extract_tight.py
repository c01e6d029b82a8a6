"""A PDF set so tightly that its words stand closer than pdfplumber's 3 pt word gap, with no space
characters (some agenda software does this): each page is read again with a narrower gap when its
words come out glued (pipeline/extract_layout.py `grouped_words`), on both the pdfium fast path and
pdfplumber's path."""
from __future__ import annotations

import pytest

from pipeline.extract_pdf import extract_pdf
from tests.fixtures.extract.make import text_pdf, tight_pdf

LINES = ["Regular Meeting Agenda of the City Council", "Remarks by Outgoing Mayor Rosalind Whitcombe",
         "Certification of the General Municipal Election Results", "Selection of Mayor Pro Tem by the Council",
         "The public is invited to attend and provide public comment in Council Chambers",
         "On December 12, 2022, the council adopted Resolution No. 22-1187."]


@pytest.mark.parametrize("fast", [True, False])
def test_tightly_set_words_are_read_apart(fast: bool) -> None:
    text = extract_pdf(tight_pdf(LINES), fast=fast).pages[0].text
    for line in LINES:
        assert line in text, text


def test_ordinary_spacing_reads_the_same() -> None:
    text = extract_pdf(text_pdf([LINES])).pages[0].text
    assert all(line in text for line in LINES)


def test_the_gap_that_glues_words_is_what_the_page_has() -> None:
    # the same page with 4 pt gaps: the ordinary word gap reads it, nothing is read again
    text = extract_pdf(tight_pdf(LINES, gap=4.0)).pages[0].text
    assert all(line in text for line in LINES)
