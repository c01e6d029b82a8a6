"""The days a paper or a payment covers are not when an act was done with it (eval/real/ANNOTATING.md):
"approved the warrant run for the dates September 15, 2012 through October 1, 2012", "accepted the financial
statements for the year ended 31 August 2012", "the report for the quarter ending June 30, 2012". In
minutes the act takes the meeting's day; before, it took the period's start, end or month. A date of the
act told beside the period keeps dating it. A section heading in capitals ("TABLED ITEMS", "APPROVED
MINUTES") is no verdict of the meeting."""
from __future__ import annotations

from datetime import date

import pytest

from pipeline.tagger import Tagger   # (the `tagger` fixture: tests/conftest.py)
from tests.conftest import page_rows

MEETING = date(2012, 11, 15)


def _rows(tagger: Tagger, body: str) -> list[tuple[str, date]]:
    rows = page_rows(tagger, f"Minutes of the Regular Meeting\n\n{body}\n", "minutes", MEETING, broad=True)
    return [(r["text"], r["date_start"]) for r in rows]


@pytest.mark.parametrize("sentence", [
    "The Board approved the warrant run for the dates September 15, 2012 through October 1, 2012, in the total "
    "amount of $665,575.42.",
    "The Board accepted the financial statements for the year ended 31 August 2012.",
    "Treasurer Ruth Amos presented the report for the quarter ending June 30, 2012.",
    "The Commission ratified the payroll for the period of October 1, 2012 to October 14, 2012.",
])
def test_the_days_a_paper_covers_leave_the_act_on_the_meeting_day(tagger: Tagger, sentence: str) -> None:
    assert [day for _, day in _rows(tagger, sentence)] == [MEETING]


def test_the_acts_own_day_beside_the_period_dates_it(tagger: Tagger) -> None:
    rows = _rows(tagger, "The company was founded in the year ended 31 August 2012, on 3 May 2012.")
    assert [day for _, day in rows] == [date(2012, 5, 3)]


@pytest.mark.parametrize("heading", ["TABLED ITEMS", "APPROVED MINUTES", "ACCEPTED BIDS"])
def test_a_section_heading_in_capitals_is_no_verdict(tagger: Tagger, heading: str) -> None:
    rows = _rows(tagger, f"{heading}\n\nRESULT: APPROVED AS AMENDED\n\nCARRIED UNANIMOUSLY")
    assert [text.strip() for text, _ in rows] == ["RESULT: APPROVED AS AMENDED", "CARRIED UNANIMOUSLY"]
