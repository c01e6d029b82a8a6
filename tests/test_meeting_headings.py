"""The minutes' own heading, naming the meeting and its day, is no act (nlp.v139, pipeline/headings.is_heading),
also when it states the hour ("… Meeting Minutes August 19, 2020 – 6:00 p.m.") or comes from a Markdown
file in its emphasis ("**July 9, 2020 Board Meeting Action Summary Minutes**"): it was offered to the learned
filter as a sentence and kept as an entry of the meeting's day. The act below it stays."""
from __future__ import annotations

from datetime import date

import pytest

from casefile.settings import Settings
from pipeline.headings import is_heading
from pipeline.tagger import Tagger
from tests.conftest import page_rows

MEETING = date(2021, 3, 9)
ACT = "The Board voted 4-1 at 7:15 p.m. to appoint Dana Reyes as Interim Director of Social Services."


@pytest.fixture(scope="module")
def tagger() -> Tagger:
    return Tagger(Settings().spacy_model)


@pytest.mark.parametrize("heading", [
    "Harwick County Board of Social Services Special Meeting Minutes March 9, 2021 – 6:30 p.m.",
    "**March 9, 2021 Board Meeting Action Summary Minutes**",
    "__Regular Meeting of the Board of Directors, March 9, 2021, 5:00 PM__",
    "Board of Trustees Meeting Minutes Tuesday, March 9, 2021 at 7 p.m.",
])
def test_a_meeting_heading_is_no_candidate_and_the_act_below_it_stays(tagger: Tagger, heading: str) -> None:
    assert is_heading(heading)
    rows = page_rows(tagger, f"{heading}\n\n{ACT}\n", "minutes", MEETING, broad=True)
    assert [(" ".join(r["text"].split()), r["date_start"]) for r in rows] == [(ACT, MEETING)]


@pytest.mark.parametrize("line", ["The Board adjourned at 9:15 p.m.", "**Note:** the Board voted at 7 p.m. to adjourn",
                                  "Chair Ames called the meeting to order at 6:30 p.m. and Director Reyes resigned."])
def test_a_sentence_with_an_hour_is_no_heading(line: str) -> None:
    assert not is_heading(line)
