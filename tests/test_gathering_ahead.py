"""The day of a gathering an act looks toward ("invited residents to the Sept. 9 meeting", "asked for the
papers well ahead of a Nov. 29 meeting") is not when the act was done; before, the act took that later
day. A meeting the act was done at ("At the Aug. 11 meeting, the council voted …") and a plan for the
gathering's day keep it."""
from __future__ import annotations

from datetime import date

import pytest

from pipeline.tagger import Tagger   # (the `tagger` fixture: tests/conftest.py)
from tests.conftest import page_rows

STORY = date(2020, 8, 17)


def _rows(tagger: Tagger, sentence: str) -> list[tuple[date, str]]:
    return [(r["date_start"], r["modality"]) for r in page_rows(tagger, f"County news\n\n{sentence}\n", "news", STORY)]


@pytest.mark.parametrize("sentence", [
    "According to the county, the Army Corps of Engineers invited dozens of residents to the Sept. 9 meeting.",
    "Trust members asked to get the documents well ahead of a Sept. 29 meeting so staff could review them.",
    "The clerk mailed the notices before the Sept. 15 hearing.",
])
def test_the_day_of_a_gathering_ahead_does_not_date_the_act(tagger: Tagger, sentence: str) -> None:
    assert all(day <= STORY for day, _ in _rows(tagger, sentence))


@pytest.mark.parametrize("sentence, expected", [
    ("At the Aug. 11 meeting, the council voted to delay the permits.", (date(2020, 8, 11), "done")),
    ("The board will vote at the Sept. 9 meeting.", (date(2020, 9, 9), "planned")),
])
def test_the_gathering_an_act_is_done_or_planned_at_keeps_its_day(tagger: Tagger, sentence: str, expected) -> None:
    assert _rows(tagger, sentence) == [expected]
