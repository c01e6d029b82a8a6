"""pipeline/names.py: parsing name forms, first-name compatibility, display names."""
from __future__ import annotations

import pytest
from nicknames import NickNamer

from pipeline.names import (
    Name, canonical_form, first_names_compatible, group_names, is_initial, known_nickname_pairs,
    normalize_role, parse_name, same_person,
)


def n(text: str) -> Name:
    return parse_name(text)


# --- parse_name ----------------------------------------------------------------------------

def test_parse_full_name() -> None:
    name = n("Margaret Whitfield")
    assert (name.title, name.first, name.last, name.raw) == ("", "Margaret", "Whitfield", "Margaret Whitfield")


def test_parse_title_and_surname_has_no_first_name() -> None:
    name = n("Director Whitfield")
    assert (name.title, name.first, name.last) == ("Director", "", "Whitfield")
    assert not name.has_first


@pytest.mark.parametrize("text,last", [("Whitfield's", "Whitfield"), ("Ortiz’s", "Ortiz"),
                                       ("Jones'", "Jones"), ("Director Whitfield's", "Whitfield")])
def test_parse_strips_possessive(text: str, last: str) -> None:
    assert n(text).last == last


def test_parse_quoted_nickname() -> None:
    name = n('Margaret "Peggy" Whitfield')
    assert (name.first, name.nickname, name.last) == ("Margaret", "Peggy", "Whitfield")


@pytest.mark.parametrize("text,title,first,last", [
    ("Vice Chair Linda Ortiz", "Vice Chair", "Linda", "Ortiz"),
    ("District Attorney Ray Kim", "District Attorney", "Ray", "Kim"),
    ("Interim Director Samuel Okafor", "Interim Director", "Samuel", "Okafor"),
    ("Chairwoman Ortiz", "Chairwoman", "", "Ortiz"),
    ("Caseworker Ana Ruiz", "Caseworker", "Ana", "Ruiz"),
    ("Supervisor Bill Hart", "Supervisor", "Bill", "Hart"),
    ("Inspector Tom Lee", "Inspector", "Tom", "Lee"),
    ("Ms. Whitfield", "Ms.", "", "Whitfield"),
    ("Sen. Amy Kerr", "Sen.", "Amy", "Kerr"),
])
def test_parse_titles(text: str, title: str, first: str, last: str) -> None:
    name = n(text)
    assert (name.title, name.first, name.last) == (title, first, last)


def test_parse_first_names_that_look_like_titles_stay_names() -> None:
    assert (n("Dean Ortiz").first, n("Ada Lovelace").first) == ("Dean", "Ada")


def test_parse_suffix_and_bare_title() -> None:
    assert (n("Robert Hart Jr.").last, n("Robert Hart Jr.").suffix) == ("Hart", "Jr.")
    assert (n("Director").title, n("Director").last) == ("Director", "")


def test_is_initial() -> None:
    assert all(is_initial(x) for x in ("M", "M.", "J.R.", "J. R."))
    assert not any(is_initial(x) for x in ("Al", "Jo", "", "Margaret"))


# --- first_names_compatible --------------------------------------------------------------------

def test_nicknames_package_says_what_the_tests_assume() -> None:
    nn = NickNamer()
    assert "peggy" in nn.nicknames_of("margaret")
    assert "cindy" in nn.nicknames_of("cynthia")
    assert "bill" in nn.nicknames_of("william")
    assert "tom" in nn.nicknames_of("thomas")
    assert "mary" not in nn.nicknames_of("margaret") and "margaret" not in nn.nicknames_of("mary")
    assert not nn.canonicals_of("mary") & nn.canonicals_of("margaret")
    assert "bill" in nn.canonicals_of("robert") & nn.canonicals_of("william")  # why formal names don't share


@pytest.mark.parametrize("a,b", [
    ("Peggy", "Margaret"), ("Margaret", "Peggy"), ("Cindy", "Cynthia"), ("Bill", "William"),
    ("William", "Bill"), ("Tom", "Thomas"), ("Jim", "James"), ("M.", "Margaret"), ("M", "Margaret"),
    ("margaret", "MARGARET"), ("Peggy", "Maggie"), ("José", "Jose"), ("M.", "Peggy"), ("M.", "M"),
])
def test_first_names_compatible(a: str, b: str) -> None:
    assert first_names_compatible(a, b)


@pytest.mark.parametrize("a,b", [
    ("Linda", "James"), ("Mary", "Margaret"), ("Robert", "William"), ("Mary", "Maria"),
    ("Patricia", "Patrick"), ("M.", "Linda"), ("", "Margaret"), ("L.", "M."), ("Molly", "Peggy"),
])
def test_first_names_incompatible(a: str, b: str) -> None:
    assert not first_names_compatible(a, b)


def test_first_names_compatible_with_nickname_stated_in_the_sources() -> None:
    assert not first_names_compatible("Bunny", "Margaret")
    assert first_names_compatible("Bunny", "Margaret", {frozenset({"bunny", "margaret"})})


# --- same_person -------------------------------------------------------------------------------

def test_same_person_surname_ignores_case_accents_hyphens() -> None:
    assert same_person(n("James Ortíz"), n("JAMES ORTIZ"))
    assert same_person(n("Ana Smith-Jones"), n("Ana SMITH–JONES"))  # en dash, as PDFs often set it
    assert not same_person(n("James Ortiz"), n("James Ortega"))


def test_same_person_nickname_and_declared_nickname() -> None:
    assert same_person(n("Peggy Whitfield"), n("Margaret Whitfield"))
    assert same_person(n('Margaret "Bunny" Whitfield'), n("Bunny Whitfield"))
    assert not same_person(n("Linda Ortiz"), n("James Ortiz"))


def test_same_person_missing_first_name_only_inside_a_document() -> None:
    assert not same_person(n("Director Whitfield"), n("Margaret Whitfield"))
    assert same_person(n("Director Whitfield"), n("Margaret Whitfield"), allow_missing_first=True)


def test_same_person_middle_and_suffix_conflicts() -> None:
    assert not same_person(n("John A. Smith"), n("John B. Smith"))
    assert same_person(n("John A. Smith"), n("John Smith"))
    assert same_person(n("John A. Smith"), n("John Allen Smith"))
    assert not same_person(n("Robert Hart Jr."), n("Robert Hart Sr."))
    assert same_person(n("Robert Hart Jr."), n("Robert Hart"))


# --- group_names -------------------------------------------------------------------------------

def grouped(*forms: str) -> list[list[str]]:
    names = [n(f) for f in forms]
    groups = group_names(names, known_nickname_pairs(names))
    return sorted(sorted(forms[i] for i in g) for g in groups)


def test_group_names_nicknames_and_unique_initial() -> None:
    assert grouped("Margaret Whitfield", "Peggy Whitfield", "M. Whitfield", "Linda Ortiz") == [
        ["Linda Ortiz"], ["M. Whitfield", "Margaret Whitfield", "Peggy Whitfield"]]


def test_group_names_initial_that_fits_two_people_stays_alone() -> None:
    assert grouped("Margaret Whitfield", "Mary Whitfield", "M. Whitfield") == [
        ["M. Whitfield"], ["Margaret Whitfield"], ["Mary Whitfield"]]


def test_group_names_stray_initial_does_not_block_a_nickname_merge() -> None:
    assert grouped("Margaret Whitfield", "Peggy Whitfield", "Paul Whitfield", "P. Whitfield") == [
        ["Margaret Whitfield", "Peggy Whitfield"], ["P. Whitfield"], ["Paul Whitfield"]]


def test_group_names_nickname_fitting_two_formal_names_stays_alone() -> None:
    # Meg is a nickname of both Margaret and Megan in the nicknames package.
    assert grouped("Margaret Whitfield", "Megan Whitfield", "Meg Whitfield") == [
        ["Margaret Whitfield"], ["Meg Whitfield"], ["Megan Whitfield"]]


# --- canonical_form ----------------------------------------------------------------------------

def test_canonical_prefers_formal_first_name() -> None:
    forms = ["Peggy Whitfield", "M. Whitfield", "Peggy Whitfield", "Margaret Whitfield", "Director Whitfield"]
    assert canonical_form([n(f) for f in forms]) == "Margaret Whitfield"
    assert canonical_form([n("Tom Lee"), n("Tom Lee"), n("Thomas Lee")]) == "Thomas Lee"
    assert canonical_form([n("Bill Hart"), n("William Hart")]) == "William Hart"


def test_canonical_middle_name_as_written_only_when_consistent() -> None:
    # a name is shown as the sources write it: the middle name written out beats its initial
    assert canonical_form([n("Margaret A. Whitfield"), n("Margaret Ann Whitfield")]) == "Margaret Ann Whitfield"
    assert canonical_form([n("Mary Kay Plass")]) == "Mary Kay Plass"
    assert canonical_form([n("John W. Houston")]) == "John W. Houston"
    # the fullest form: a middle name that one form gives and no form contradicts
    assert canonical_form([n("Margaret A. Whitfield"), n("Margaret Whitfield")]) == "Margaret A. Whitfield"
    assert canonical_form([n("Margaret A. Whitfield"), n("Margaret B. Whitfield")]) == "Margaret Whitfield"


def test_canonical_writes_capitals_as_a_name_and_a_suffix_as_usual() -> None:
    # a transcript's caption in capitals: "MATTHEW D. McGILL", "DONALD B. VERRILLI, JR"
    assert canonical_form([n("MATTHEW D. McGILL"), n("Mr. McGill")]) == "Matthew D. McGill"
    assert canonical_form([n("JOHN MCGRATH")]) == "John McGrath"
    assert canonical_form([n("DONALD B. VERRILLI, JR"), n("Mr. Verrilli")]) == "Donald B. Verrilli Jr."


def test_canonical_never_shows_the_given_name_twice() -> None:
    # "J.J. Jake Pickle": initials, then the name the man went by; shown once, not "Jake Jake Pickle"
    assert canonical_form([n("J.J. Jake Pickle"), n("Jake Pickle"), n("J.J. Pickle")]) == "Jake Pickle"
    assert canonical_form([n("R.T. Tom Brandle"), n("Tom Brandle")]) == "Tom Brandle"


@pytest.mark.parametrize("forms,shown", [
    (["Alex Azar II", "Alex Azar", "Secretary Azar"], "Alex Azar II"),
    (["Kenneth D. Upton, Jr.", "Kenneth Upton"], "Kenneth D. Upton Jr."),
    (["Daniel James, III", "Daniel James"], "Daniel James III"),
    (["Ruth Ellis Jr.", "Ruth Ellis Sr."], "Ruth Ellis"),   # two suffixes disagree: neither
])
def test_canonical_keeps_a_suffix_some_forms_give(forms: list[str], shown: str) -> None:
    assert canonical_form([n(f) for f in forms]) == shown


def test_canonical_edge_cases() -> None:
    assert canonical_form([n("M. Whitfield"), n("Ms. Whitfield")]) == "M. Whitfield"
    assert canonical_form([n("Director Whitfield")]) == "Whitfield"
    assert canonical_form([n("MARGARET WHITFIELD"), n("Commissioner Margaret Whitfield")]) == "Margaret Whitfield"
    assert canonical_form([]) == ""


@pytest.mark.parametrize("text,role", [
    ("Chairwoman", "chair"), ("the Interim Director", "interim director"), ("Vice Chairman", "vice chair"),
    ("Ms.", None), ("Dr.", None), ("former Director", "former director"), ("Rep.", "representative"),
    ("District Attorney", "district attorney"), (None, None), ("the agency's acting director", "acting director"),
])
def test_normalize_role(text: str | None, role: str | None) -> None:
    assert normalize_role(text) == role
