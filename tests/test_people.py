"""pipeline/people.py: in-document linking, clustering across documents, curation, roles."""
from __future__ import annotations

import random
from datetime import date
from itertools import count
from typing import Any

import pytest

from index.ids import derive
from pipeline.people import Resolution, cluster_people, link_in_document, resolve_role

_ids = count()


def m(doc: str, text: str, *, title: str | None = None, role: str | None = None,
      on: date | None = date(2021, 1, 1), page: int = 1, label: str = "PERSON") -> dict[str, Any]:
    i = next(_ids)
    return {"mention_id": f"{doc}-{i}", "doc_id": doc, "doc_date": on, "page": page,
            "char_start": i * 10, "char_end": i * 10 + len(text), "text": text, "label": label,
            "title": title, "role": role}


def resolve(mentions: list[dict[str, Any]], curation: dict[str, Any] | None = None) -> Resolution:
    return cluster_people(mentions, link_in_document(mentions), curation)


def person(res: Resolution, mention: dict[str, Any]) -> dict[str, Any] | None:
    pid = res.person_of[mention["mention_id"]]
    return next((p for p in res.people if p["person_id"] == pid), None)


def names(res: Resolution) -> list[str]:
    return sorted(p["name"] for p in res.people)


# --- link_in_document ----------------------------------------------------------------------

def test_surname_only_links_to_the_unique_full_name() -> None:
    ms = [m("A", "Margaret Whitfield"), m("A", "Whitfield"), m("A", "Whitfield's"), m("A", "Director Whitfield")]
    assert set(link_in_document(ms).values()) == {"Margaret Whitfield"}


def test_title_given_separately_still_links() -> None:
    ms = [m("A", "Margaret Whitfield"), m("A", "Whitfield", title="Director")]
    assert link_in_document(ms)[ms[1]["mention_id"]] == "Margaret Whitfield"


def test_title_found_by_the_nlp_stage_is_taken_off_the_text() -> None:
    ms = [m("A", "Board Chair Tom Brennan", title="Board Chair", on=date(2018, 1, 10)), m("A", "Brennan")]
    res = resolve(ms)
    assert set(link_in_document(ms).values()) == {"Tom Brennan"}
    assert res.people[0]["aliases"] == ["Board Chair Tom Brennan", "Brennan"]
    assert res.people[0]["roles"][0]["role"] == "chair"
    assert resolve_role("the board chair", date(2018, 2, 1), res.people) == res.people[0]["person_id"]


@pytest.mark.parametrize("given", ["Rock", "Model", "Player"])
def test_a_given_name_nameparser_lists_as_a_title_is_a_given_name(given: str) -> None:
    """nlp.v168: nameparser's titles hold "rock", "model", "player"; "Rock Bordelon" was a titled "Bordelon",
    linked to the document's one full name with that surname ("Torie Bordelon"). A word records
    write as a title stays one ("Bishop Tutu", "Father Ortiz")."""
    ms = [m("A", f"{given} Bordelon"), m("A", "Torie Bordelon"), m("A", "Mr. Bordelon")]
    keys = link_in_document(ms)
    assert keys[ms[0]["mention_id"]] == f"{given} Bordelon" and keys[ms[1]["mention_id"]] == "Torie Bordelon"
    # two Bordelons and no title to tell them apart; "Mr." rules out "Torie", whom the census lists only among women
    # (nlp.v169)
    assert keys[ms[2]["mention_id"]] == f"{given} Bordelon"
    ms = [m("B", "Bishop Tutu"), m("B", "Desmond Tutu")]
    assert set(link_in_document(ms).values()) == {"Desmond Tutu"}


def test_an_honorific_rules_out_the_namesake_of_the_other_sex() -> None:
    """nlp.v169: with two Ortizes and no title to tell them apart, "Mr." rules out the one the census gives only
    to women ("Linda"), "Ms." the one it gives only to men; a name both bear ("Jordan") or a rare one stays possible,
    so two that stay leave the mention unlinked."""
    ms = [m("A", "James Ortiz"), m("A", "Linda Ortiz"), m("A", "Mr. Ortiz"), m("A", "Ms. Ortiz"), m("A", "Ortiz")]
    keys = [link_in_document(ms)[x["mention_id"]] for x in ms]
    assert keys == ["James Ortiz", "Linda Ortiz", "James Ortiz", "Linda Ortiz", None]
    ms = [m("B", "Jordan Lee"), m("B", "Taylor Lee"), m("B", "Mr. Lee"), m("B", "John Ray"), m("B", "James Ray"),
          m("B", "Mr. Ray")]
    keys = link_in_document(ms)
    assert keys[ms[2]["mention_id"]] is None and keys[ms[5]["mention_id"]] is None


def test_two_ortizes_in_one_document_keep_their_own_keys_and_bare_surname_is_ambiguous() -> None:
    ms = [m("A", "James Ortiz"), m("A", "Linda Ortiz"), m("A", "Ortiz"), m("A", "Ortiz's")]
    keys = link_in_document(ms)
    assert [keys[x["mention_id"]] for x in ms] == ["James Ortiz", "Linda Ortiz", None, None]


def test_title_disambiguates_when_only_one_carries_it() -> None:
    ms = [m("A", "Commissioner James Ortiz"), m("A", "Linda Ortiz"),
          m("A", "Commissioner Ortiz"), m("A", "Ortiz", title="Commissioner"), m("A", "Ortiz")]
    keys = link_in_document(ms)
    assert [keys[x["mention_id"]] for x in ms[2:]] == ["James Ortiz", "James Ortiz", None]


def test_title_carried_by_both_stays_ambiguous() -> None:
    ms = [m("A", "Commissioner James Ortiz"), m("A", "Commissioner Linda Ortiz"), m("A", "Commissioner Ortiz")]
    assert link_in_document(ms)[ms[2]["mention_id"]] is None


def test_appositive_role_and_honorific_disambiguate() -> None:
    ms = [m("A", "James Ortiz", role="the commissioner"), m("A", "Ms. Linda Ortiz"),
          m("A", "Commissioner Ortiz"), m("A", "Ms. Ortiz"), m("A", "Mr. Ortiz")]
    keys = link_in_document(ms)
    # "Mr. Ortiz": no one carries the title, and "Linda" is a woman's name by the census (nlp.v169; None before)
    assert [keys[x["mention_id"]] for x in ms[2:]] == ["James Ortiz", "Linda Ortiz", "James Ortiz"]


def test_surname_without_full_name_in_document_is_unresolved() -> None:
    ms = [m("A", "Margaret Whitfield"), m("B", "Whitfield"), m("B", "Director Whitfield")]
    keys = link_in_document(ms)
    assert keys[ms[1]["mention_id"]] is None and keys[ms[2]["mention_id"]] is None


def test_in_document_nickname_and_initial_share_the_formal_key() -> None:
    ms = [m("A", "Peggy Whitfield"), m("A", "Margaret Whitfield"), m("A", "M. Whitfield"), m("A", "Whitfield")]
    assert set(link_in_document(ms).values()) == {"Margaret Whitfield"}


def test_in_document_initial_between_two_first_names_stays_apart() -> None:
    ms = [m("A", "Margaret Whitfield"), m("A", "Mary Whitfield"), m("A", "M. Whitfield")]
    keys = link_in_document(ms)
    assert [keys[x["mention_id"]] for x in ms] == ["Margaret Whitfield", "Mary Whitfield", "M. Whitfield"]


def test_non_person_mentions_map_to_none() -> None:
    ms = [m("A", "Margaret Whitfield"), m("A", "Whitfield", label="ORG")]
    assert link_in_document(ms)[ms[1]["mention_id"]] is None


# --- cluster_people: merge rules -------------------------------------------------------------

def test_peggy_and_margaret_merge_across_documents() -> None:
    ms = [m("A", "Margaret Whitfield"), m("A", "Director Whitfield"), m("B", "Peggy Whitfield"),
          m("C", 'Margaret "Peggy" Whitfield')]
    res = resolve(ms)
    assert names(res) == ["Margaret Whitfield"]
    assert res.people[0]["aliases"] == ["Director Whitfield", "Margaret \"Peggy\" Whitfield",
                                        "Margaret Whitfield", "Peggy Whitfield"]


@pytest.mark.parametrize("a,b,canonical", [
    ("Cindy Marsh", "Cynthia Marsh", "Cynthia Marsh"),
    ("Bill Hart", "William Hart", "William Hart"),
    ("Tom Lee", "Thomas Lee", "Thomas Lee"),
    ("James Ortíz", "JAMES ORTIZ", "James Ortíz"),
])
def test_nickname_and_spelling_variants_merge(a: str, b: str, canonical: str) -> None:
    assert names(resolve([m("A", a), m("B", b)])) == [canonical]


def test_initial_merges_when_exactly_one_compatible_person() -> None:
    res = resolve([m("A", "Margaret Whitfield"), m("B", "M. Whitfield"), m("C", "Linda Whitfield")])
    assert names(res) == ["Linda Whitfield", "Margaret Whitfield"]


def test_initial_stays_apart_when_two_people_fit() -> None:
    res = resolve([m("A", "Margaret Whitfield"), m("B", "M. Whitfield"), m("C", "Mary Whitfield")])
    assert names(res) == ["M. Whitfield", "Margaret Whitfield", "Mary Whitfield"]


def test_no_chaining_through_an_initial_in_any_order() -> None:
    ms = [m("A", "Margaret Whitfield"), m("B", "M. Whitfield"), m("C", "Mary Whitfield"),
          m("D", "Peggy Whitfield"), m("E", "Molly Whitfield")]
    for seed in range(5):
        shuffled = ms[:]
        random.Random(seed).shuffle(shuffled)
        assert names(resolve(shuffled)) == ["M. Whitfield", "Margaret Whitfield", "Mary Whitfield"]


def test_james_and_linda_ortiz_never_merge() -> None:
    ms = [m("A", "James Ortiz"), m("B", "Linda Ortiz"), m("C", "J. Ortiz"), m("D", "Ortiz"),
          m("E", "James Ortiz"), m("E", "Linda Ortiz")]
    res = resolve(ms)
    assert names(res) == ["James Ortiz", "Linda Ortiz"]
    assert person(res, ms[2])["name"] == "James Ortiz" and person(res, ms[3]) is None
    assert person(res, ms[4]) == person(res, ms[0]) != person(res, ms[5]) == person(res, ms[1])


def test_mary_and_margaret_do_not_merge() -> None:
    assert names(resolve([m("A", "Mary Whitfield"), m("B", "Margaret Whitfield")])) == [
        "Margaret Whitfield", "Mary Whitfield"]


def test_father_and_son_do_not_merge() -> None:
    assert names(resolve([m("A", "Robert Hart Jr."), m("B", "Robert Hart Sr.")])) == [
        "Robert Hart Jr.", "Robert Hart Sr."]


def test_nickname_stated_in_one_source_links_another() -> None:
    res = resolve([m("A", 'Margaret "Bunny" Whitfield'), m("B", "Bunny Whitfield"), m("C", "Margaret Whitfield")])
    assert names(res) == ["Margaret Whitfield"]


def test_person_ids_and_assignments() -> None:
    ms = [m("A", "Margaret Whitfield"), m("A", "Whitfield"), m("B", "Whitfield"), m("B", "Spring", label="DATE")]
    res = resolve(ms)
    people, person_of = res  # behaves as the (people, person_of) pair
    assert (res[0], res[1], len(res)) == (res.people, res.person_of, 2)
    assert people[0]["person_id"] == derive("person", "margaret whitfield")
    assert [person_of[x["mention_id"]] for x in ms] == [people[0]["person_id"]] * 2 + [None, None]


# --- roles -------------------------------------------------------------------------------------

def test_roles_from_titles_and_appositives_dated_and_sorted() -> None:
    ms = [m("B", "Samuel Okafor", role="the interim director", on=date(2022, 3, 1), page=2),
          m("A", "Samuel Okafor", title="Caseworker", on=date(2019, 5, 1)),
          m("C", "Mr. Okafor", on=None), m("C", "Samuel Okafor", on=None, title="Dr.")]
    roles = resolve(ms).people[0]["roles"]
    assert roles == [
        {"role": "caseworker", "org": None, "date": "2019-05-01", "doc_id": "A", "page": 1},
        {"role": "interim director", "org": None, "date": "2022-03-01", "doc_id": "B", "page": 2},
    ]


def test_title_variants_normalise() -> None:
    ms = [m("A", "Chairwoman Linda Ortiz", on=date(2020, 1, 1)),
          m("B", "Linda Ortiz", title="Vice Chair", on=date(2019, 1, 1))]
    assert [r["role"] for r in resolve(ms).people[0]["roles"]] == ["vice chair", "chair"]


# --- curation ----------------------------------------------------------------------------------

def test_curation_merge_joins_what_automatic_rules_left_apart() -> None:
    ms = [m("A", "Margaret Whitfield"), m("B", "M. Whitfield"), m("C", "Mary Whitfield")]
    res = resolve(ms, {"merge": [{"people": ["Margaret Whitfield", "m. whitfield"]}]})
    assert names(res) == ["Margaret Whitfield", "Mary Whitfield"]
    assert person(res, ms[0]) == person(res, ms[1]) and not res.warnings


def test_curation_merge_by_alias_uses_first_listed_name() -> None:
    ms = [m("A", "Peggy Whitfield"), m("B", "Bunny Whitfield")]
    res = resolve(ms, {"merge": [{"people": ["Margaret P. Whitfield", "Bunny Whitfield", "Peggy Whitfield"]}]})
    assert names(res) == ["Margaret P. Whitfield"]
    assert res.people[0]["person_id"] == derive("person", "margaret p. whitfield")
    assert any("Margaret P. Whitfield" in w for w in res.warnings)  # first name unknown: only a display name


def test_curation_split_separates_named_forms() -> None:
    ms = [m("A", "Linda Ortiz"), m("B", "L. Ortiz"), m("B", "Ortiz"), m("C", "Linda Ortiz")]
    assert names(resolve(ms)) == ["Linda Ortiz"]
    res = resolve(ms, {"split": [{"people": ["Linda Ortiz", "L. Ortiz"]}]})
    assert names(res) == ["L. Ortiz", "Linda Ortiz"]
    assert person(res, ms[1]) == person(res, ms[2]) != person(res, ms[0]) == person(res, ms[3])


def test_curation_split_wins_over_a_later_merge() -> None:
    ms = [m("A", "Linda Ortiz"), m("B", "L. Ortiz")]
    res = resolve(ms, {"split": [{"people": ["Linda Ortiz", "L. Ortiz"]}],
                       "merge": [{"people": ["Linda Ortiz", "L. Ortiz"]}]})
    assert names(res) == ["L. Ortiz", "Linda Ortiz"] and any("split" in w for w in res.warnings)


def test_curation_alias_adds_names_and_resolves_mentions() -> None:
    ms = [m("A", "Margaret Whitfield"), m("B", "Bunny Whitfield"), m("C", "Director Whitfield")]
    res = resolve(ms, {"alias": [{"person": "Margaret Whitfield",
                                  "names": ["Bunny Whitfield", "Director Whitfield", "Peg W."]}]})
    assert names(res) == ["Margaret Whitfield"]
    assert {person(res, x)["name"] for x in ms} == {"Margaret Whitfield"}
    assert "Peg W." in res.people[0]["aliases"]


def test_curation_reject_drops_person_and_mentions() -> None:
    ms = [m("A", "Harlan County"), m("A", "Margaret Whitfield")]
    res = resolve(ms, {"reject": [{"person": "Harlan County"}, {"event": "ev123"}]})
    assert names(res) == ["Margaret Whitfield"]
    assert res.person_of[ms[0]["mention_id"]] is None and not res.warnings


def test_curation_unknown_and_malformed_entries_warn() -> None:
    ms = [m("A", "Margaret Whitfield")]
    res = resolve(ms, {"merge": [{"people": ["Nobody Here", "Margaret Whitfield"]}, {"people": ["Alone"]}],
                       "split": [{"people": ["Ghost Person", "G. Person"]}],
                       "alias": [{"person": "Ghost Person", "names": ["X"]}, {"person": "Margaret Whitfield"}],
                       "reject": [{"person": "Ghost Person"}]})
    assert names(res) == ["Nobody Here"]  # merge: the first listed name is the display name
    assert len(res.warnings) == 6


def test_curation_ambiguous_name_warns_instead_of_guessing() -> None:
    ms = [m("A", "James Ortiz"), m("A", "Commissioner Ortiz", title=None), m("B", "Linda Ortiz"),
          m("B", "Commissioner Ortiz")]
    res = resolve(ms, {"reject": [{"person": "Commissioner Ortiz"}]})
    assert names(res) == ["James Ortiz", "Linda Ortiz"] and "several people" in res.warnings[0]


# --- resolve_role ------------------------------------------------------------------------------

@pytest.fixture
def directors() -> list[dict[str, Any]]:
    ms = [m("A", "Director Margaret Whitfield", on=date(2019, 1, 10)),
          m("B", "Margaret Whitfield", role="the director", on=date(2021, 6, 1)),
          m("C", "Samuel Okafor", role="the interim director", on=date(2021, 9, 15)),
          m("D", "Interim Director Samuel Okafor", on=date(2022, 2, 1)),
          m("E", "Ana Delgado", title="Director", on=date(2022, 8, 1)),
          m("F", "Margaret Whitfield", role="the former director", on=date(2023, 1, 5)),
          m("G", "Linda Ortiz", title="Chairwoman", on=date(2020, 1, 1))]
    return resolve(ms).people


@pytest.mark.parametrize("on,who", [
    (date(2018, 12, 31), None), (date(2019, 1, 10), "Margaret Whitfield"), (date(2021, 9, 14), "Margaret Whitfield"),
    (date(2021, 9, 15), "Samuel Okafor"), (date(2022, 7, 31), "Samuel Okafor"), (date(2022, 8, 1), "Ana Delgado"),
    (date(2024, 1, 1), "Ana Delgado"),
])
def test_resolve_director_replaced_twice(directors: list[dict[str, Any]], on: date, who: str | None) -> None:
    pid = resolve_role("the director", on, directors)
    assert (next(p["name"] for p in directors if p["person_id"] == pid) if pid else None) == who


def test_resolve_other_roles(directors: list[dict[str, Any]]) -> None:
    chair = resolve_role("Chair", date(2020, 6, 1), directors)
    assert next(p["name"] for p in directors if p["person_id"] == chair) == "Linda Ortiz"
    assert resolve_role("vice chair", date(2020, 6, 1), directors) is None
    assert resolve_role("interim director", date(2022, 9, 1), directors) is not None
    assert resolve_role("sheriff", date(2022, 9, 1), directors) is None
    assert resolve_role("Ms.", date(2022, 9, 1), directors) is None


def test_resolve_role_ambiguous_on_the_same_date() -> None:
    people = resolve([m("A", "Director Margaret Whitfield", on=date(2021, 9, 15)),
                      m("A", "Interim Director Samuel Okafor", on=date(2021, 9, 15))]).people
    assert resolve_role("director", date(2021, 10, 1), people) is None
    assert resolve_role("director", "2021-10-01", people) is None


# --- roles over time from events (pipeline/roles.py) -------------------------------------------

def _event(eid: str, text: str, type_: str, on: date, trigger: str = "", **kw: Any) -> dict[str, Any]:
    return {"event_id": eid, "doc_id": "doc-" + eid, "page": 1, "char_start": 100, "text": text, "type": type_,
            "trigger": trigger, "date_start": on, "date_precision": "day", "modality": "done",
            "polarity": "positive", "rejected": False, **kw}


def _in(event: dict[str, Any], pid: str, name: str, role: str = "mentioned") -> dict[str, Any]:
    start = event["char_start"] + event["text"].index(name)
    return {"event_id": event["event_id"], "person_id": pid, "char_start": start, "char_end": start + len(name),
            "event_role": role}


def test_tenures_start_and_end_with_events() -> None:
    from pipeline.roles import tenure_statements

    held = {"w": [{"role": "director", "date": "2017-12-12"}], "r": [{"role": "deputy director", "date": "2017-12-12"}]}
    appoint = _event("e1", "Two weeks later, the board appointed Deputy Director Dan Reyes as interim director.",
                     "appointment", date(2018, 3, 20))
    effective = _event("e2", "Member Kessler moved to appoint Elizabeth Okafor as Director of Social Services "
                             "effective January 2, 2019; the motion carried.", "appointment", date(2018, 11, 13))
    resigned = _event("e3", "Ms. Whitfield submitted her resignation on March 6.", "resignation", date(2018, 3, 6))
    refused = _event("e4", "Chair Brennan stated that he will not resign.", "resignation", date(2018, 4, 10),
                     polarity="negative")
    named = _event("e5", "The board named Whitfield director in July 2013.", "appointment", date(2013, 7, 1),
                   date_precision="month")
    mentions = [_in(appoint, "r", "Dan Reyes", "patient"), _in(effective, "o", "Elizabeth Okafor"),
                _in(resigned, "w", "Ms. Whitfield"), _in(refused, "b", "Chair Brennan", "agent"),
                _in(named, "w", "Whitfield", "patient")]
    got = tenure_statements([appoint, effective, resigned, refused, named], mentions, held)
    simple = {pid: [(r["role"], r["date"], r["change"]) for r in rs] for pid, rs in got.items()}
    assert simple == {"r": [("interim director", "2018-03-20", "start")],
                      "o": [("director", "2019-01-02", "start")],     # when the decision takes effect
                      "w": [("director", "2018-03-06", "end"), ("director", "2013-07-01", "start")]}


def test_resolve_role_respects_ends_and_starts() -> None:
    people = [
        {"person_id": "w", "roles": [{"role": "director", "date": "2013-07-01", "change": "start"},
                                     {"role": "director", "date": "2018-02-13"},
                                     {"role": "director", "date": "2018-03-06", "change": "end"},
                                     {"role": "director", "date": "2018-03-09"}]},   # a retrospective title
        {"person_id": "r", "roles": [{"role": "deputy director", "date": "2017-12-12"},
                                     {"role": "interim director", "date": "2018-03-20", "change": "start"},
                                     {"role": "interim director", "date": "2018-11-15"}]},
        {"person_id": "o", "roles": [{"role": "director", "date": "2019-01-02", "change": "start"}]},
    ]
    who = {d: resolve_role("the director", d, people) for d in
           ("2017-01-01", "2018-03-05", "2018-03-10", "2018-03-20", "2018-12-31", "2019-01-02")}
    assert who == {"2017-01-01": "w", "2018-03-05": "w", "2018-03-10": None, "2018-03-20": "r",
                   "2018-12-31": "r", "2019-01-02": "o"}
