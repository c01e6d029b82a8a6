"""A date that names a paper is not when an act was done with it (eval/real/ANNOTATING.md): a date inside
a quoted title ('reviewed the memorandum, entitled "October 2013 Performance Review"') or the month, quarter
or year a paper is for ("presented the metrics report for the fourth quarter of fiscal year 2013", "approved
the financial statements for March 2013"). In minutes the act takes the meeting's day; before, it took the
title's month or the period's year. A date of the act beside such a label keeps dating it."""
from __future__ import annotations

from datetime import date

import pytest

from pipeline.tagger import Tagger   # (the `tagger` fixture: tests/conftest.py)
from tests.conftest import page_rows

MEETING = date(2013, 11, 25)


def _rows(tagger: Tagger, body: str, kind: str = "minutes") -> dict[str, tuple[date, str]]:
    rows = page_rows(tagger, f"Minutes of the Board Meeting\n\n{body}\n", kind, MEETING, broad=True)
    return {r["text"][:25]: (r["date_start"], r["date_precision"]) for r in rows}


@pytest.mark.parametrize("sentence", [
    'Ms. Ray reviewed the fund performance memorandum, entitled "October 2013 Performance Review-\nG, F, C, S, I, '
    'and L Funds" (attached).',
    'Mr. Okafor presented a staff paper titled "Annual Outreach Plan for March 2013" to the committee.',
    "Ms. Wilder presented the strategic performance metrics report for the fourth quarter of fiscal year 2013 (attached).",
    "The Board approved the financial statements for March 2013.",
    "Treasurer Dana Holt presented the investment results for the third quarter of 2013.",
])
def test_a_date_that_names_a_paper_leaves_the_act_on_the_meeting_day(tagger: Tagger, sentence: str) -> None:
    assert list(_rows(tagger, sentence).values()) == [(MEETING, "day")]


def test_the_acts_own_date_beside_a_papers_period_still_dates_it(tagger: Tagger) -> None:
    assert list(_rows(tagger, "The treasurer filed the report for 2012 in March 2013.").values()) == \
        [(date(2013, 3, 1), "month")]


@pytest.mark.parametrize("sentence", [
    'Ms. Ray reviewed the March 5, 2013 memorandum, entitled "February 2013 Performance Review" (attached).',
    "The Board withdrew its June 2, 2013 letter.",
    "The Board discussed the Nov. 1 staff report.",
])
def test_a_day_that_labels_a_paper_leaves_the_act_on_the_meeting_day(tagger: Tagger, sentence: str) -> None:
    assert list(_rows(tagger, sentence).values()) == [(MEETING, "day")]


@pytest.mark.parametrize("sentence, day", [
    ("In a March 5, 2013 letter, the agency asked the Board to act.", date(2013, 3, 5)),
    ("The court vacated the March 5, 2013 order on March 12, 2013.", date(2013, 3, 12)),
])
def test_a_paper_the_act_was_done_by_or_the_acts_own_day_dates_it(tagger: Tagger, sentence: str, day: date) -> None:
    assert list(_rows(tagger, sentence).values()) == [(day, "day")]


def test_a_rulings_day_alone_is_the_day_told(tagger: Tagger) -> None:
    """Beside no other date, the day before a ruling's noun is the ruling's ("follows a 26 December 2012
    ruling by the Constitutional Court that …"), which is what the sentence tells."""
    rows = _rows(tagger, "This latest development follows a 26 December 2012 ruling by the Constitutional Court.")
    assert list(rows.values()) == [(date(2012, 12, 26), "day")]
