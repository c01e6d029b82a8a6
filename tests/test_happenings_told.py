"""A speaker's own doing told in a verb of little meaning with a day of its own ("I did a ride-along about a year ago",
"Yesterday, the Mayor and I had the pleasure of opening …") is an act of that day, and none without a day ("I had a
question for the Mayor"). A happening told with "there was" and a day of its own ("There was a meeting yesterday …", "A couple of years ago,
there was a fire in the promenade") is an act of that day: a speaker's account in a council's transcript or minutes,
a story's step. With no day of its own, none ("There was a meeting with the City's Solicitor"), nor none or a count
("There was no meeting", "There were three fires last week"), nor one now or ahead ("There will be a vote next week").
"""
from __future__ import annotations

from datetime import date

import pytest

from tests.meeting_rows import meeting_rows, tagger  # noqa: F401 (the shared fixture)

MEETING = date(2013, 4, 24)


@pytest.mark.parametrize("told,start,end", [
    ("There was a meeting yesterday with the Province about the claims.", date(2013, 4, 23), date(2013, 4, 23)),
    ("A couple of years ago, there was a fire in the promenade.", date(2011, 1, 1), date(2011, 12, 31)),
    ("There was a fire at the Exchange District warehouse in 2011.", date(2011, 1, 1), date(2011, 12, 31)),
    ("There was a CBC story two days ago about a homeowner whose pipes had frozen.", date(2013, 4, 22), date(2013, 4, 22)),
    ("Last November there was a robbery at the Sherbrook Pool.", date(2012, 11, 1), date(2012, 11, 30)),
])
def test_a_happening_with_a_day_of_its_own_is_an_act_of_that_day(tagger, told, start, end):
    got = meeting_rows(tagger, [f"Councillor Smith: Thank you, Mr. Speaker. {told}"], MEETING)
    row = [r for r in got if told[:30] in r["text"]]
    assert row and (row[0]["date_start"], row[0]["date_end"]) == (start, end), got
    assert row[0]["modality"] == "done" and row[0]["type"] != "personnel_action", row   # (no one was fired)
    assert row[0]["_rule"], row   # the happening's noun chose it, not only the learned filter


@pytest.mark.parametrize("told", [
    "There was a meeting with the City's Solicitor and the Manager of Corporate Risk.",
    "There was no meeting in March.",
    "There were three fires last week.",
    "There will be a vote next week.",
])
def test_a_happening_without_a_day_none_or_ahead_is_no_act(tagger, told):
    got = meeting_rows(tagger, [f"Councillor Smith: Thank you, Mr. Speaker. {told}"], MEETING)
    # (no trigger word chooses it: at most the sentence's root is offered to the learned filter, as before)
    assert not [r for r in got if told[:30] in r["text"] and r["modality"] == "done" and r["_rule"]], got


@pytest.mark.parametrize("told,start,end", [
    ("I did a ride-along about a year ago with our Police Service.", date(2012, 1, 1), date(2012, 12, 31)),
    ("Yesterday, the Mayor and I had the pleasure of opening the new spray pad at Westdale.", date(2013, 4, 23),
     date(2013, 4, 23)),
    ("I had a situation in my ward in 2007 where the City claimed responsibility.", date(2007, 1, 1), date(2007, 12, 31)),
    ("Last week we held a public consultation at the Millennium Library.", date(2013, 4, 15), date(2013, 4, 21)),
    # their own words then, dated by their own day or by the clause of the time
    ("Mr. Mayor, last year you proposed a menu of items to the Premier.", date(2012, 1, 1), date(2012, 12, 31)),
    ("When Gerry approached me about a year ago to sit on the cabinet, I told him I would be honoured to do so.",
     date(2012, 1, 1), date(2012, 12, 31)),
])
def test_a_speakers_own_doing_with_a_day_of_its_own_is_an_act_of_that_day(tagger, told, start, end):
    got = meeting_rows(tagger, [f"Councillor Smith: Thank you, Mr. Speaker. {told}"], MEETING)
    row = [r for r in got if told[:30] in r["text"]]
    assert row and (row[0]["date_start"], row[0]["date_end"]) == (start, end) and row[0]["_rule"], got


@pytest.mark.parametrize("told", ["I had a question for the Mayor about the budget.",
                                  "The Mayor and I had a meeting with the staff.", "We did a lot of work on this.",
                                  "I told him about the flooding on Henderson Highway."])
def test_a_speakers_own_doing_with_no_day_is_no_act(tagger, told):
    got = meeting_rows(tagger, [f"Councillor Smith: Thank you, Mr. Speaker. {told}"], MEETING)
    assert not [r for r in got if told[:25] in r["text"] and r["_rule"]], got
