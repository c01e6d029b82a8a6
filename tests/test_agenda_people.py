"""Agendas and lists hand the small spaCy model shapes that are no person, read through the real
model (pipeline/nlp.py, pipeline/person_spans.py): a street after its house number, the letters of
a lettered list, a vote label on the next line, a title after a dash, and census-list names that
are only part of a longer proper name. Generated text of the shapes real agendas and news have
(none of these names comes from a real document)."""
from __future__ import annotations

import pytest

from pipeline.extract import sniff


@pytest.mark.parametrize("number,street", [("15732", "Corwell St"), ("-14270", "Amaro Rd"),
                                           ("23156", "Delia Way,"), ("C-1677", "Ricardo Place-Applicant ltr"),
                                           ("760 Via", "Del Solano-RESO"), ("306", "Vista Del Norte, Suite A")])
def test_a_street_after_its_house_number_is_no_person(people, number: str, street: str) -> None:
    text = (f"Exhibit B - Site Plan - {number} {street} - Resolution. Applicant: Harriet Lindqvist, "
            f"{number} {street}, Torrance, CA 90505. Owner: Gordon Ashcombe.")
    found = people(text)
    assert "Harriet Lindqvist" in found and "Gordon Ashcombe" in found
    assert not [n for n in found if n not in ("Harriet Lindqvist", "Gordon Ashcombe")], found


def test_the_letters_of_a_lettered_roll_call_are_no_initials(people) -> None:
    text = ("2. ROLL CALL\nA. Walter Brinkerhoff, Mayor Pro Tempore\nB. Brenda Castellanos, Council Member\n"
            "C. Conrad Ellingsen, Council Member\nD. Denise Lafleur, Council Member\n\n"
            "8. REORGANIZATION\nA. Presentations to Outgoing Mayor\nB. Remarks by Outgoing Mayor\n"
            "C. Remarks by Other Council Members\n")
    found = people(text)
    assert {"Brenda Castellanos", "Conrad Ellingsen", "Denise Lafleur"} <= set(found), found
    assert not [n for n in found if n.split()[0] in ("A.", "B.", "C.", "D.") or "Remarks" in n
                or "Pro" in n], found


def test_an_initial_that_is_no_list_letter_stays(people) -> None:
    found = people("The appeal was argued by\nJ. Kenneth Marlowe for the county, and the court ruled on Monday.")
    assert any(n.startswith("J. Kenneth Marlowe") for n in found), found


@pytest.mark.parametrize("text,name", [
    ("AYES: Commissioners Holt and Pereira, and Chair Stanwick\nNOES: None\nABSENT: None", "Stanwick"),
    ("Case Name: Tobias Brenneman\nCase No. 2:22-cv-01069-FLA", "Tobias Brenneman"),
])
def test_a_label_on_the_next_line_ends_the_name(people, text: str, name: str) -> None:
    found = people(text)
    assert name in found and not [n for n in found if "\n" in n or "Noes" in n or n.endswith("Case")], found


def test_a_title_after_a_dash_is_no_part_of_the_name(people) -> None:
    text = ("Emmanuel R. Whitford- Mayor/Chair\nAugustin Pellerin - Mayor Pro Tem/Vice Chair\n"
            "Marisol Quintero - Councilmember/Member\n")
    found = people(text)
    assert {"Emmanuel R. Whitford", "Augustin Pellerin", "Marisol Quintero"} <= set(found), found
    assert not [n for n in found if n.endswith(("-", "Mayor", "Tem"))], found


@pytest.mark.parametrize("sentence", [
    "The utilities, Northwind Gas & Electric and Southern California Edison, cut power to 40,000 homes.",
    "Signed: Harold Finch, Washington University-St. Louis Jeffrey Eugenides, writer.",
    "Flights move to Terminal 1 of the Adolfo Suárez Madrid-Barajas airport next month.",
])
def test_census_names_inside_a_longer_proper_name_are_no_people(people, sentence: str) -> None:
    found = people(sentence)
    assert not [n for n in found if n in ("California Edison", "Louis Jeffrey", "Adolfo Suárez Madrid",
                                          "Adolfo Suárez")], found


def test_a_department_before_a_name_keeps_the_name(people) -> None:
    found = people("He thanked the staff of Public Works Brad Sacher and Kenny for their work.")
    assert "Brad Sacher" in found, found


@pytest.mark.parametrize("head", [b"<style>\n  .media { opacity: 1; }\n</style>\n<div id='content'>",
                                  b"\n<div class=\"agenda\"><p>Item 1</p></div>", b"<!-- saved page -->\n<p>Text</p>",
                                  b"<meta charset=\"utf-8\"><title>Minutes</title>"])
def test_a_page_fragment_without_its_html_wrapper_is_html(head: bytes) -> None:
    assert sniff(head + b"<p>The board met on Monday.</p>" * 20) == "html"


def test_plain_text_that_mentions_a_tag_stays_text() -> None:
    assert sniff(b"Minutes of the meeting. The clerk said <p> tags were removed from the site.\n" * 5) == "text"


def test_a_label_before_its_number_is_no_person(people) -> None:
    found = people("Staff recommends the Housing Authority approve Check Nos. 221568 - 221571 reported on "
                   "October 15, 2022. Check Nos. 4431 were voided by Treasurer Alma Quist.")
    assert found == ["Alma Quist"], found


def test_a_mastheads_row_of_names_in_capitals_is_its_people(people) -> None:
    text = ("DANA HOLLOWAY PETER J. WINSLOW KAREN OSTERMAN LUIS McCARTHY\n"
            "Mayor Mayor Pro Tem Councilmember Councilmember\n\nAGENDA\nRegular Meeting of the City Council\n")
    found = people(text)
    assert {"DANA HOLLOWAY", "PETER J. WINSLOW", "KAREN OSTERMAN", "LUIS McCARTHY"} <= set(found), found


def test_a_row_of_capitals_that_splits_two_ways_or_none_names_no_one(people) -> None:
    # only names of two words (an initial between at most) split a row, and five words make none of them
    text = "ANSWERING BRIEF\n\nMARTIN KELLY JAMES DAVIS FRANCIS\nCounsel for Respondents\n"
    assert people(text) == []


def test_a_bulleted_list_item_of_a_given_name_and_one_word_is_a_person(people) -> None:
    text = ("PLANNING COMMISSIONERS\n\n• Harold Venn – Chair • Kelly Ostrabek - Vice-Chair\n"
            "• Dennis Tsubaki • Ted Yamaguchi\n\nLOCATIONS\n• Paul Revere School • Grace Church\n")
    found = people(text)
    assert {"Kelly Ostrabek", "Dennis Tsubaki"} <= set(found), found
    assert not {"Paul Revere", "Grace Church", "Paul Revere School"} & set(found), found


def test_a_name_after_a_title_closing_a_row_of_capitals_is_a_person(people) -> None:
    text = "3. PRESENTATIONS\n\n6. HONOR OUTGOING MAYOR DANA HOLLOWAY\nA. Comments by Council colleagues;\n"
    assert "DANA HOLLOWAY" in people(text)
