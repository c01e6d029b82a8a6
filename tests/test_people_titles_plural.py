"""No person is an office's abbreviation ("Fish Dept", "Hemphill Elem"), a word a line's hyphen cut with a lone
letter after it ("Review- G" of "Performance Review-" / "G, F, C Funds") or words a roll glued ("andHonCHAN
Chi-chuen"); a plural title naming several ("Clerks Carrie Landman and Linda Britton", "Governors Cox and
Healey") and a bilingual council's French title ("Conseiller Mayes") are no part of a name. Read off probe
batches 3 and 4 (a grand-jury report, FRTIB and North Star minutes, a White House release, a Winnipeg
hansard, Hong Kong's Legislative Council agendas)."""
from __future__ import annotations

import pytest

from pipeline.person_spans import Around, refuse


@pytest.mark.parametrize("text, expected", [
    ("Fish Dept officials met on Monday with the growers.", []),
    ("Malcolm Reyes met Dana Ruiz at Hemphill Elem on Tuesday.", ["Malcolm Reyes", "Dana Ruiz"]),
    ("Clerks Carrie Landman and Linda Britton notify the Board of the election packets.",
     ["Carrie Landman", "Linda Britton"]),
    ("The President named Governors Spencer Cox and Maura Healey to the council.", ["Spencer Cox", "Maura Healey"]),
    ("Conseiller Mayes: Thank you for the question.", ["Mayes"]),
    ('Ms. Ray reviewed the memorandum, entitled "October 2013 Performance Review-\nG, F, C, S, I, and L Funds".',
     ["Ray"]),
])
def test_offices_cut_words_and_plural_titles(people, text: str, expected: list[str]) -> None:
    assert people(text) == expected


@pytest.mark.parametrize("text", ["Review- G", "andHonCHAN Chi-chuen"])
def test_a_cut_word_or_a_glued_roll_is_refused(text: str) -> None:
    assert refuse(text, Around(before=[], after=[])) is not None


@pytest.mark.parametrize("text", ["Dana Ruiz", "Robert G. Flanders Jr.", "DeShawn Jones"])
def test_real_names_of_those_shapes_stay(text: str) -> None:
    assert refuse(text, Around(before=[], after=[])) is None


def test_a_name_ending_on_a_days_name_is_no_person(people) -> None:
    """A page's ad ("Save on Alexa Black Friday deals") names a sale, no one."""
    assert people("Save on Alexa Black Friday deals today, and Dana Ruiz spoke on Friday.") == ["Dana Ruiz"]


@pytest.mark.parametrize("text", ["Graham Sept", "Walter Nov", "Dana Ruiz December"])
def test_a_name_ending_on_a_month_no_surname_bears_is_refused(text: str) -> None:
    """A table's cells run together ("Graham Sept" of a grant list's "Graham" and "Sept 2009")."""
    assert refuse(text, Around(before=[], after=[])) is not None


@pytest.mark.parametrize("text", ["Dana March", "Ruth May", "Lee June"])
def test_months_that_are_surnames_stay(text: str) -> None:
    assert refuse(text, Around(before=[], after=[])) is None
