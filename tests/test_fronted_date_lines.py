"""A line that opens on a date fronted before its comma ("On May 20, 2009, HHS Secretary Kathleen Sebelius
and Attorney General" / "Eric Holder announced …") is the start of a sentence whose capitalised names wrap
onto the next line, no heading (nlp.v137, pipeline/headings.is_heading): read as a heading, it was cut off
and the act lost its date. A heading above it, and a date alone on its line, stay headings."""
from __future__ import annotations

from datetime import date

import pytest

from casefile.settings import Settings
from pipeline.headings import is_heading
from pipeline.tagger import Tagger
from tests.conftest import page_rows


@pytest.fixture(scope="module")
def tagger() -> Tagger:
    return Tagger(Settings().spacy_model)


@pytest.mark.parametrize("first, second, day", [
    ("On May 20, 2009, HHS Secretary Kathleen Sebelius and Attorney General",
     "Eric Holder announced the creation of a joint fraud team.", date(2009, 5, 20)),
    ("In March 2016, County Executive Dana Reyes and Sheriff Alma Quistgaard of Harwick County",
     "signed an agreement on jail medical care.", date(2016, 3, 1)),
    ("On Tuesday, June 4, 2019, Director Ana Kowalczyk and Deputy Director",
     "Lee Brennan resigned from the Department of Social Services.", date(2019, 6, 4)),
])
def test_a_fronted_date_line_opens_a_sentence(tagger: Tagger, first: str, second: str, day: date) -> None:
    text = f"Fraud Enforcement Activities\n\n{first}\n{second} The team meets monthly.\n"
    assert not is_heading(first)
    rows = [r for r in page_rows(tagger, text, "report", date(2020, 1, 6)) if r["date_start"] == day]
    assert [" ".join(r["text"].split()) for r in rows] == [f"{first} {second}"]


@pytest.mark.parametrize("line", ["Fraud Enforcement Activities", "Wednesday, July 29, 2015",
                                  "Minutes of the Meeting of May 20, 2009"])
def test_headings_stay_headings(line: str) -> None:
    assert is_heading(line)
