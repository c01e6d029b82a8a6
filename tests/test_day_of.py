"""A day told the formal way ("held this 12th day of January, 2011", "this 5th day of March, 2019") is
that day. The small model splits the capitalised form ("THIS 12TH DAY OF" / "JANUARY, 2011") and the
whole lower-case span would not parse with its "this": the meeting opened as the month, or undated."""
from __future__ import annotations

from datetime import date

import pytest

from pipeline.tagger import Tagger   # (the `tagger` fixture: tests/conftest.py)
from tests.conftest import page_rows


def _dated(tagger: Tagger, sentence: str, doc_date: date) -> tuple[date, str]:
    rows = [r for r in page_rows(tagger, f"Official Minutes\n\n{sentence}\n", "minutes", doc_date)
            if r["text"].startswith(sentence[:20])]
    assert rows, sentence
    return rows[0]["date_start"], rows[0]["date_precision"]


@pytest.mark.parametrize("sentence, day", [
    ("The ordinance was signed by Mayor Ruth Ellery THIS 12TH DAY OF JANUARY, 2011.", date(2011, 1, 12)),
    ("PASSED AND ADOPTED BY THE BOARD OF TRUSTEES THIS 3RD DAY OF MARCH, 2019.", date(2019, 3, 3)),
    ("The Board adopted the resolution this 5th day of March, 2019.", date(2019, 3, 5)),
    ("The council approved the ordinance on the 21st day of June 2021.", date(2021, 6, 21)),
])
def test_a_day_told_the_formal_way_dates_the_act(tagger: Tagger, sentence: str, day: date) -> None:
    assert _dated(tagger, sentence, date(day.year, day.month, 28)) == (day, "day")
