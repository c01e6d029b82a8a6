"""The search query language: what each piece means, and a one-line error for what it cannot read."""
from __future__ import annotations

import pytest

from queries.filters import QueryError
from queries.query_language import Item, parse


def words(clauses):
    return [[(i.text, i.phrase) for i in c] for c in clauses]


def test_words_are_all_required_clauses():
    q = parse("caseworker turnover")
    assert words(q.clauses) == [[("caseworker", False)], [("turnover", False)]]
    assert q.excluded == [] and q.filters == {}
    assert q.text == "caseworker turnover"


def test_phrase_is_one_item():
    q = parse('"grand  jury" indicted')
    assert words(q.clauses) == [[("grand jury", True)], [("indicted", False)]]


def test_or_joins_the_items_on_its_sides():
    q = parse('resigned OR fired OR "placed on leave" director')
    assert words(q.clauses) == [[("resigned", False), ("fired", False), ("placed on leave", True)],
                                [("director", False)]]


def test_lowercase_or_is_a_word():
    assert words(parse("resigned or fired").clauses) == [[("resigned", False)], [("or", False)], [("fired", False)]]


def test_minus_excludes_words_and_phrases():
    q = parse('lawsuit -settlement -"county attorney"')
    assert words(q.clauses) == [[("lawsuit", False)]]
    assert q.excluded == [Item("settlement"), Item("county attorney", phrase=True)]


def test_hyphen_inside_a_word_is_not_an_exclusion():
    assert words(parse("wrongful-death").clauses) == [[("wrongful-death", False)]]


def test_filters_are_taken_out_of_the_text():
    q = parse('turnover person:"Peggy Whitfield" kind:minutes KIND:news from:2018 to:2018-06 issue:staff_turnover '
              'source:dss-board')
    assert words(q.clauses) == [[("turnover", False)]]
    assert q.filters == {"person": ["Peggy Whitfield"], "kind": ["minutes", "news"], "from": ["2018"],
                         "to": ["2018-06"], "issue": ["staff_turnover"], "source": ["dss-board"]}


def test_colon_words_that_are_not_filters_stay_text():
    q = parse("meeting 6:30 re: http://example.org/x")
    assert [c[0].text for c in q.clauses] == ["meeting", "6:30", "re:", "http://example.org/x"]


@pytest.mark.parametrize("query, message", [
    ('"grand jury', "quote is not closed"),
    ("OR fired", "OR needs a word"),
    ("fired OR", "OR needs a word"),
    ("fired OR OR hired", "OR needs a word"),
    ("fired OR -hired", "OR cannot join an excluded word"),
    ("fired OR kind:news", "OR joins words or phrases, not filters"),
    ("- fired", "a minus needs a word"),
    ('""', "an empty phrase"),
    ("person:", "person: needs a value"),
    ('person:""', "person: needs a value"),
    ("turnover -kind:news", "cannot be excluded"),
    ('color:"red"', "unknown filter color:"),
    ('ab"cd"', "put a space after"),
    ("x" * 1001, "too long"),
    (" ".join(f"w{i}" for i in range(41)), "too many words"),
])
def test_malformed_queries_get_one_line(query, message):
    with pytest.raises(QueryError, match=message) as err:
        parse(query)
    assert "\n" not in str(err.value)


def test_empty_query_parses_to_nothing():
    assert parse("   ").clauses == []
