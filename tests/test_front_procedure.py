"""A court's preamble, a reporter's citation heading a decision and a notice of a meeting report no act:
the learned filter is not even offered them (lexicon.PROCEDURAL), while a court's own act in the same
words' neighbourhood still is."""
from __future__ import annotations

from datetime import date

import pytest

from tests.test_events_sentences import filter_candidates, tagger  # noqa: F401  (the module's fixture)

DAY = date(2025, 7, 15)


@pytest.mark.parametrize("text, kind", [
    ("At a Stated Term of the United States Court of Appeals for the Ninth Circuit, held at the James R. Browning "
     "Courthouse, in the City of San Francisco, on the 3rd day of March, two thousand twenty-four.", "court"),
    ("At IAS Part 14 of the Supreme Court of the State of New York, held in and for the County of Queens, at the "
     "Courthouse, on the 2nd day of June, 2021.", "court"),
    ("At a special term of the Circuit Court of Cook County, held on May 4, 2019.", "court"),
    ("Cite as 28 I&N Dec. 112 (BIA 2020) Interim Decision #4001\nMatter of Rosa MENDEZ-LUNA, Respondent\n"
     "Decided February 3, 2020", "court"),
    ("Notice is hereby given that the Board of Trustees will hold a regular meeting on June 6, 2023 at 5:30 pm.", "agenda"),
    ("NOTICE IS HEREBY GIVEN that District Council 004 meets on May 9, 2023.", "agenda"),
])
def test_front_matter_of_courts_and_notices_is_no_act(tagger, text, kind):  # noqa: F811
    assert filter_candidates(tagger, text, kind=kind, doc_date=DAY) == []


def test_a_court_s_own_act_stays(tagger):  # noqa: F811
    rows = filter_candidates(tagger, "At the hearing on June 2, 2021, the court granted the motion to dismiss.",
                             kind="court", doc_date=DAY)
    assert [r["date_start"] for r in rows] == [date(2021, 6, 2)]
