"""Events, clusters, roles and issues on the demo case (built once per session by the real CLI)."""
from __future__ import annotations

import re

from pipeline.roles import resolve_role
from tests.conftest import cli_json


def _flat(text: str) -> str:
    return " ".join(text.split())


def _entry(entries: list[dict], quote: str) -> dict:
    return next(e for e in entries if any(quote in _flat(s["text"]) for s in e["sources"]))


def test_the_director_over_time(demo):
    people = cli_json("people", case=demo["case"])
    name = {p["person_id"]: p["name"] for p in people}
    expected = [("2017-06-01", "Margaret Whitfield"), ("2018-03-05", "Margaret Whitfield"),
                ("2018-03-10", None),  # resigned March 6; the interim was appointed March 20
                ("2018-03-21", "Daniel Reyes"), ("2018-12-31", "Daniel Reyes"),
                ("2019-01-02", "Elizabeth Okafor"), ("2019-06-30", "Elizabeth Okafor")]
    assert [(day, name.get(resolve_role("the director", day, people))) for day, _ in expected] == expected
    whitfield = next(p for p in people if p["name"] == "Margaret Whitfield")
    assert {(r["date"], r["change"]) for r in whitfield["roles"] if r.get("change")} >= \
        {("2013-07-01", "start"), ("2018-03-06", "end")}
    nguyen = next(p for p in people if p["name"] == "Paul Nguyen")
    assert "director" not in {r["role"] for r in nguyen["roles"]}, "a finance director is not the director"


def test_minutes_and_news_of_one_act_are_one_entry(demo):
    entries = cli_json("timeline", case=demo["case"])
    pairs = [("Vice Chair Hale moved to request that the State Department",
              "voted unanimously Tuesday to ask the state Department"),
             ("Commissioner Ortiz moved to adopt a resolution under which all members",
              "voted 3-2 against a resolution"),
             ("supervisor Raymond Pruitt closed the Simms case", "a supervisor closed the case of Elijah Simms"),
             ("Member Kessler moved to appoint Elizabeth Okafor", "voted 5-0 on Tuesday to hire Elizabeth Okafor")]
    for official, news in pairs:
        entry = _entry(entries, official)
        assert any(news in _flat(s["text"]) for s in entry["sources"]), (official, entry["sources"])
        assert entry["sources"][0]["kind"] != "news", "an official record leads"
    distinct = [("Chair Brennan stated that he will not resign", "voted 3-2 against a resolution")]
    for a, b in distinct:
        assert _entry(entries, a)["cluster_id"] != _entry(entries, b)["cluster_id"]


def test_statements_and_public_comment_stay_off_the_timeline(demo):
    texts = [_flat(s["text"]) for e in cli_json("timeline", case=demo["case"]) for s in e["sources"]]
    for absent in ("A resident of Pine Ridge spoke", "One resident spoke against", "Member Kessler asked how many",
                   "Restore the two supervisor positions", "presented the monthly Director's report",
                   "Vice Chair Hale stated that resigning"):
        assert not any(absent in t for t in texts), absent
    heading = re.compile(r"^(?:[A-Z]\. [A-Z][a-z]+|Executive Summary|Finding \d|[A-Z]{3,} —)")
    assert not [t for t in texts if heading.match(t)], "quotes start at their sentence"


def test_issue_tags_read_right(demo):
    entries = cli_json("timeline", case=demo["case"])
    expect = {"Secretary Gerald Ames ordered a review": "state_oversight",
              "Pruitt pleaded guilty on April 15": "legal_action",
              "Linda Ortiz, a caseworker in the Child Protective Services unit, addressed the board": "caseloads",
              "Commissioner Ortiz moved to adopt a resolution": "board_governance"}
    for quote, issue in expect.items():
        assert issue in _entry(entries, quote)["issues"], quote
    resolution = _entry(entries, "Commissioner Ortiz moved to adopt a resolution")
    assert "staff_turnover" not in resolution["issues"], "board members resigning is governance"
