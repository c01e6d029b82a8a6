"""A year right before a paper's name ("the 1999 Agreement", "the 2015 KPMG Report", "its 2005
settlement agreement") labels the paper and dates no act, in any kind of document; a year told as
when something happened ("In 2002, the parties amended …") still does."""
from __future__ import annotations

from datetime import date

import pytest

from pipeline.tagger import Tagger   # (the `tagger` fixture: tests/conftest.py)
from tests.test_events_sentences import filter_candidates

DECIDED = date(2026, 1, 18)


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


@pytest.mark.parametrize("sentence, day", [
    ("Service Bulletin 44–12–0318, Revision 2, dated June 24, 2020, describes procedures for replacing the valves.",
     date(2020, 6, 24)),
    ("The terms of sale dated January 10, 2014, made time of the essence as to the buyer.", date(2014, 1, 10)),
    ("The county's placement policy, dated March 2, 2016, requires two home visits a month.", date(2016, 3, 2)),
])
def test_a_day_after_dated_labels_the_paper_it_follows(tagger: Tagger, sentence: str, day: date) -> None:
    rows = filter_candidates(tagger, f"Background.\n\n{sentence}", kind="report", doc_date=DECIDED)
    assert not any(r["date_start"] == day for r in rows), rows


@pytest.mark.parametrize("sentence, day", [
    ("By letter dated May 27, 2016, the director requested a waiver of the exclusion.", date(2016, 5, 27)),
    ("In a decision dated May 3, 2016, an Immigration Judge terminated the proceedings.", date(2016, 5, 3)),
    ("The plaintiff appeals from a judgment of the Supreme Court, Kings County (Ada Roe, J.), dated December 15, 2020.",
     date(2020, 12, 15)),
    ("Appellant moves for a stay pending appeal of the District Court's Turnover Order dated June 30, 2025.",
     date(2025, 6, 30)),
])
def test_a_day_after_dated_still_dates_the_act_done_by_that_paper(tagger: Tagger, sentence: str, day: date) -> None:
    rows = filter_candidates(tagger, f"Background.\n\n{sentence}", kind="court", doc_date=DECIDED)
    assert any(r["date_start"] == day for r in rows), rows


@pytest.mark.parametrize("kind", ["court", "report"])
@pytest.mark.parametrize("sentence, year", [
    ("For 2008 and 2009, the Okafors properly filed their Forms 1040 as married filing jointly.", 2009),
    ("For 2008 and 2009, the Okafors properly filed their Forms 1040 as married filing jointly.", 2008),
    ("The IRS also determined deficiencies in income tax of petitioner Ruth Okafor for 2010 and 2011.", 2011),
    ("For 2012 he reported a net loss of about $1.6 million related to Harrow LLC.", 2012),
    ("The Commissioner disallowed the deductions claimed for tax year 2014.", 2014),
])
def test_a_year_after_for_is_what_the_act_concerns_not_its_date(tagger: Tagger, kind: str, sentence: str,
                                                                  year: int) -> None:
    rows = filter_candidates(tagger, f"Background.\n\n{sentence}", kind=kind, doc_date=DECIDED)
    assert not any(r["date_start"].year == year for r in rows), rows


def test_a_year_after_for_leaves_the_acts_own_date(tagger: Tagger) -> None:
    sentence = "On February 18, 2011, Okafor guaranteed the loan for 2011 and 2012."
    rows = filter_candidates(tagger, f"Background.\n\n{sentence}", kind="court", doc_date=DECIDED)
    assert [r["date_start"] for r in rows] == [date(2011, 2, 18)], rows


@pytest.mark.parametrize("sentence, year", [
    ("However, the deputy commissioner denied the claimant's request under the 2007 award.", 2007),
    ("The Alliance challenged the Board's 2010 Approval of the permit in circuit court.", 2010),
    ("Okafor moved to enforce the 2012 consent decree against the county.", 2012),
])
def test_a_year_that_names_a_ruling_or_permit_dates_no_act(tagger: Tagger, sentence: str, year: int) -> None:
    rows = filter_candidates(tagger, f"Background.\n\n{sentence}", kind="court", doc_date=DECIDED)
    assert not any(r["date_start"].year == year for r in rows), rows
