"""The day of a gathering an act looks toward ("invited residents to the Sept. 9 meeting", "asked for the
papers well ahead of a Nov. 29 meeting") is not when the act was done; before, the act took that later
day. A meeting the act was done at ("At the Aug. 11 meeting, the council voted …") and a plan for the
gathering's day keep it."""
from __future__ import annotations

from datetime import date

import pytest

from pipeline import events, nlp
from pipeline.tagger import Tagger   # (the `tagger` fixture: tests/conftest.py)

STORY = date(2020, 8, 17)


def _rows(tagger: Tagger, sentence: str) -> list[tuple[date, str]]:
    text = f"County news\n\n{sentence}\n"
    analyses = tagger.tag([text])
    nlp.add_known_names([text], analyses)
    found = events.resolve_page_dates([text], analyses, STORY)
    doc = {"doc_id": "d" * 64, "kind": "news", "doc_date": STORY, "doc_date_source": "metadata"}
    return [(r["date_start"], r["modality"]) for r in events.build_events(doc, [{"page": 1, "text": text}], analyses, found)]


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
