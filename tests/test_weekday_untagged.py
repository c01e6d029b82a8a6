"""A weekday after a word that makes it a time ("Earlier Saturday, Yoon apologized …") is a date even where the
small model leaves it untagged (events._WEEKDAY; a real news page of eval/real did so); a weekday in a name is no
date. The model's entities are given as it returned them for such sentences: none on the weekday."""
from __future__ import annotations

import pytest

from pipeline import events

WEEKDAYS = [
    ("Earlier Saturday, the president apologized for his actions in a brief nationally televised address, saying "
     "they stemmed from the urgency he felt.", "Saturday"),
    ("By Sunday, the authorities were monitoring addresses associated with the suspect.", "Sunday"),
    ("The council met again late Tuesday night to finish the budget.", "Tuesday night"),
]


@pytest.mark.parametrize("text,day", WEEKDAYS)
def test_an_untagged_weekday_after_a_time_word_is_a_date(text: str, day: str) -> None:
    found = events._date_spans(text, [])
    assert [(e["text"], text[e["start"]:e["end"]]) for e in found] == [(day, day)]


@pytest.mark.parametrize("text", [
    "Voters in 14 states go to the polls on Super Tuesday.",
    "The offices close on Good Friday.",
    "She wrote a column for the Sunday Times last year.",
    "On Sunday Mass the bishop spoke.",   # a weekday before a capitalised word names a thing
])
def test_a_weekday_in_a_name_is_no_date(text: str) -> None:
    assert [e["text"] for e in events._date_spans(text, []) if "day" in e["text"]] == []
