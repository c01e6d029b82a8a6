"""A document's own readings of the same words outvote one PERSON label (pipeline/person_spans.py
`outvoted`, pipeline/nlp.py `drop_outvoted`): firms, utilities and countries the small model calls a
person once are dropped; a person the model also calls an ORG as often stays."""
from __future__ import annotations

import pytest

from pipeline.nlp import drop_outvoted
from pipeline.person_spans import entity_key, outvoted


def _analysis(people: list[str], entities: list[tuple[str, str]]) -> dict:
    return {"people": [{"name": n, "text": n, "start": 0, "end": len(n)} for n in people],
            "entities": [{"text": t, "label": label, "start": 0, "end": len(t)} for t, label in entities]}


@pytest.mark.parametrize("text,key", [("the Hartwell Edison", "Hartwell Edison"), ("Hartwell Edison's", "Hartwell Edison"),
                                      ("Hartwell  Edison’s", "Hartwell Edison"), ("Ann Lee", "Ann Lee")])
def test_entity_key(text: str, key: str) -> None:
    assert entity_key(text) == key


def test_an_organisation_named_more_often_than_a_person_is_no_person() -> None:
    pages = [_analysis(["Quell Edison"], [("Quell Edison", "ORG"), ("the Quell Edison", "ORG")]),
             _analysis(["Dana Whitcombe"], [("Quell Edison's", "ORG"), ("Dana Whitcombe", "ORG")])]
    drop_outvoted(pages)
    assert [m["name"] for p in pages for m in p["people"]] == ["Dana Whitcombe"]   # 1 ORG, 1 PERSON: a tie stays


@pytest.mark.parametrize("name,entities,dropped", [
    ("Sierra Morava", [("Sierra Morava", "GPE"), ("Sierra Morava", "GPE")], True),   # a country, twice
    ("Vermont No", [("Vermont", "GPE")], True),                                       # opens on a place
    ("Georgia Lyons", [("Georgia", "GPE")], False),                                   # Georgia is a given name
    ("Ruth Ostrow", [("Ostrow", "ORG")], False),                                      # other words
    ("Falken Gong", [("Falken Gong", "NORP"), ("Falken Gong", "ORG")], True),
])
def test_outvoted(name: str, entities: list[tuple[str, str]], dropped: bool) -> None:
    votes: dict[str, dict[str, int]] = {entity_key(name): {"PERSON": 1}}
    for text, label in entities:
        counts = votes.setdefault(entity_key(text), {})
        counts[label] = counts.get(label, 0) + 1
    assert (outvoted(name, votes) is not None) is dropped


@pytest.mark.parametrize("name,person,org,dropped", [
    ("Quell Edison", 5, 4, True),     # no given name first: a third of the readings as an ORG is enough
    ("Quell Edison", 5, 2, False),
    ("Dana Whitcombe", 5, 4, False),  # a given name first: the majority decides
    ("Dana Whitcombe", 2, 3, True),
    ("R. Whitcombe", 5, 4, False),    # an initial counts as a given name
])
def test_a_given_name_needs_a_majority_against_it(name: str, person: int, org: int, dropped: bool) -> None:
    assert (outvoted(name, {name: {"PERSON": person, "ORG": org}}) is not None) is dropped


def test_the_short_name_of_an_organisation_on_another_page_is_no_person() -> None:
    pages = [_analysis(["Quell Mellon", "Dana Whitcombe"], []),
             _analysis([], [("Quell Mellon National Association", "ORG")])]
    drop_outvoted(pages)
    assert [m["name"] for p in pages for m in p["people"]] == ["Dana Whitcombe"]


@pytest.mark.parametrize("span,name", [
    ("J. Kevin Marlowe William W. Dunleavy", "J. Kevin Marlowe"),   # two attorneys of a docket's row
    ("J. Kevin McKethley William W. Dunleavy", "J. Kevin McKethley"),
    ("Nordvik Councillor Haverbeck", "Haverbeck"),                  # a ward, then its councillor
    ("Orlund Councillor", "Orlund"),                                # a roll call's cell and the next title
    ("Tessa Orlund Vice Chair Ruth Haverbeck", "Ruth Haverbeck"),
    ("Mary Kay Plass", "Mary Kay Plass"),                           # a middle name is no second person
    ("Martin Luther Kingsley", "Martin Luther Kingsley"),
    ("Hillary Rodham Clinton", "Hillary Rodham Clinton"),           # a given name last is a surname
    ("Ruth Judge", "Ruth Judge"),                                   # a title word that is also a surname
])
def test_a_span_glued_from_two_cells_keeps_one_name(span: str, name: str) -> None:
    import spacy

    from pipeline.nlp import _unglued

    doc = spacy.blank("en")(span)
    start, end = _unglued(doc, 0, len(doc))
    assert doc[start:end].text == name


@pytest.mark.parametrize("text,name", [
    ("Kenneth D. Upton,\nJr., Sarah R. Goetz", "Kenneth D. Upton,\nJr."),   # the suffix wrapped to the next line
    ("Kenneth D. Upton, Jr., Sarah R. Goetz", "Kenneth D. Upton, Jr."),
    ("and Alex Azar II, of Maryland", "Alex Azar II"),
    ("Kenneth D. Upton,\nSarah R. Goetz", "Kenneth D. Upton"),
])
def test_a_name_ends_past_its_suffix(text: str, name: str) -> None:
    import spacy

    from pipeline.name_tokens import name_end as _name_end

    doc = spacy.blank("en")(text)
    start = next(t.i for t in doc if t.text in ("Kenneth", "Alex"))
    surname = next(t.i for t in doc if t.text in ("Upton", "Azar"))
    assert doc[start:_name_end(doc, surname + 1)].text == name


@pytest.mark.parametrize("extra", [{"method": "judge_line", "title": "Justice"}, {"title": "Commissioner"}])
def test_a_name_a_rule_read_after_its_title_is_not_outvoted(extra: dict) -> None:
    """"CHRISTOPHER, J.P., FORD, WARHIT and VOUTSINAS, JJ., concur.": the model calls the judges'
    surnames in capitals an ORG; the concurrence's line says they are justices."""
    page = _analysis(["HALVORSEN"], [("HALVORSEN", "ORG"), ("HALVORSEN", "ORG")])
    page["people"][0].update(extra)
    drop_outvoted([page])
    assert [m["name"] for m in page["people"]] == ["HALVORSEN"]
