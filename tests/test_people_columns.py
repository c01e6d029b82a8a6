"""A docket's blocks and cells run a name on into the next column (probe batch 4: court dockets,
agendas and news outside the evaluation set), read through the real model (pipeline/nlp.py,
pipeline/name_columns.py). Generated text of the same shapes: no name, firm or address here comes
from a real document."""
from __future__ import annotations

from pipeline.person_spans import Around, refuse

_ATTORNEYS = (
    "| Defendant | | |\n\n| Harriet Q. Lindqvist | represented by | Thaddeus R. Wembley Harcourt, Pryor, Dobbins "
    "& Yates LLP (NY) 410 Park Avenue New York, NY 10022 (212) 555-0100 Email: twembley@example.com LEAD "
    "ATTORNEY ATTORNEY TO BE NOTICED Moira Elkins Voss Harcourt Pryor (NY) 410 Park Avenue New York, NY 10022 "
    "(212) 555-0101 Email: mvoss@example.com LEAD ATTORNEY ATTORNEY TO BE NOTICED Oliver Brandt Harcourt Pryor "
    "(NY) 410 Park Avenue New York, NY 10022 (212) 555-0102 Email: obrandt@example.com ATTORNEY TO BE NOTICED |"
    "\n\n| Defendant | | |\n\n| Desmond Oakridge | represented by | Vanessa Lorraine Tibbets Quarrington "
    "Blaylock Fenner & Moss LLP 88 Pine Street New York, NY 10005 (212) 555-0200 Email: vt@example.com "
    "ATTORNEY TO BE NOTICED Lionel Perez Quarrington Blaylock Fenner & Moss LLP 88 Pine Street New York, NY "
    "10005 (212) 555-0201 Email: lp@example.com ATTORNEY TO BE NOTICED Kaelyn Marisa Okafor Quarrington "
    "Blaylock Fenner & Moss LLP 88 Pine Street New York, NY 10005 |")


def test_a_firm_after_an_attorneys_name_is_no_part_of_it(people) -> None:
    """"Thaddeus R. Wembley Harcourt, Pryor, Dobbins & Yates LLP": the firm, named by its partners,
    opens on "Harcourt"; "Oliver Brandt Harcourt Pryor (NY)": the block the docket writes after
    other attorneys too is the firm, not the name."""
    found = people(_ATTORNEYS)
    assert {"Thaddeus R. Wembley", "Oliver Brandt"} <= set(found), found
    assert not [n for n in found if {"Harcourt", "Quarrington"} & set(n.split())], found


def test_a_given_name_before_a_cells_span_is_part_of_the_name(people) -> None:
    """"ATTORNEY TO BE NOTICED Kaelyn Marisa Okafor": the model reads "Marisa Okafor"; the given name
    that opens the cell after the label in capitals belongs to the name."""
    found = people(_ATTORNEYS)
    assert {"Kaelyn Marisa Okafor", "Lionel Perez"} <= set(found), found
    assert "Marisa Okafor" not in found, found


def test_a_label_in_capitals_or_before_a_colon_is_no_part_of_a_name(people) -> None:
    text = ("| V. | | |\n\n| All Plaintiffs | | |\n\n| Rupert G Talley | represented by | Rupert G Talley PRO SE |"
            "\n\n| V. | | |\n\n| Plaintiff | | |\n\n| Wilma Castellanos | represented by | Wilma Castellanos PRO SE |"
            "\n\n| Plaintiff | | |\n\n| Horace Ingleby | represented by | Horace Ingleby PRO SE |\n\n"
            "In re Orchard Mutual Pension Litigation Assigned to: Judge Cornelius T. Abernathy Cause: 29:1145 "
            "E.R.I.S.A.: Delinquent Contributions | Date Filed: 08/19/2008")
    found = people(text)
    assert "Cornelius T. Abernathy" in found, found
    assert not [n for n in found if {"PRO", "Pro", "Cause"} & set(n.split())], found


def test_a_bracket_glued_on_after_a_full_stop_opens_a_note() -> None:
    from pipeline.name_columns import unbracketed

    assert unbracketed("Tamsin Ogle Bexley Rourke L.L.P.(MA") == "Tamsin Ogle Bexley Rourke L.L.P."
    assert unbracketed("Bertram Hollis(Fenwick") == "Bertram Hollis"


def test_a_note_glued_on_by_a_bracket_is_no_part_of_a_name(people) -> None:
    text = ("| 04/02/2009 | 17 | ORDER granting motion. Signed by Judge Wendell Q. Armitage on 4/2/09. Motions "
            "referred to Bertram Hollis(Fenwick, Lydia) (Entered: 04/02/2009) |")
    found = people(text)
    assert "Bertram Hollis" in found, found
    assert not [n for n in found if "(" in n], found


def test_a_city_before_its_state_and_zip_code_is_no_person(people) -> None:
    text = ("The complaint was filed by Milo Renner Strand Gable Hart & Pike LLP of Omaha.\nJane Doherty, a clerk "
            "at the office, said the hearing at 1600 Pennsylvania Avenue, N.W. Washington, DC 20500 was delayed.")
    assert people(text) == ["Jane Doherty"]


def test_a_name_ending_in_a_street_word_is_a_street() -> None:
    """"the Harold Benning Parkway extension": a street named for a person; "Priscilla Lane" and
    "Tobias Street" end in common surnames and stay."""
    around = Around(["the"], ["extension"], set(), set())
    assert refuse("Harold Benning Parkway", around)
    assert refuse("Dorothy Vance Boulevard", around)
    assert refuse("Priscilla Lane", around) is None
    assert refuse("Tobias Street", around) is None


def test_a_second_name_glued_on_at_a_spans_end_is_cut_off() -> None:
    """"| Appellee | Gerald T. Winterbourne Neil Porter Dana Hallis |": a span that ends on the given
    name of the next name in the cell ("Gerald T. Winterbourne Neil") ends before it (the caller reads
    "Neil Porter" as a span of its own); "Mary Kay Hollis" keeps its second given name."""
    import spacy
    from spacy.tokens import Doc

    from pipeline.nlp import _unglued

    vocab = spacy.blank("en").vocab   # the English word shapes: is_title, lower_
    doc = Doc(vocab, words=["Gerald", "T.", "Winterbourne", "Neil", "Porter", "Dana", "Hallis"])
    assert _unglued(doc, 0, 4) == (0, 3)
    doc = Doc(vocab, words=["Mary", "Kay", "Hollis", "spoke"])
    assert _unglued(doc, 0, 2) == (0, 2)


_BLOCKS = ("ATTORNEY TO BE NOTICED Oliver Brandt Harcourt Pryor (NY) 410 Park Avenue | "
           "ATTORNEY TO BE NOTICED Lena Hart Voss Harcourt Pryor (NY) 410 Park Avenue | "
           "ATTORNEY TO BE NOTICED Moira Elkins Harcourt Pryor (NY) 410 Park Avenue |")


def _span(doc, words: str) -> tuple[int, int]:
    start = next(t.i for t in doc if doc[t.i:t.i + len(words.split())].text == words)
    return start, start + len(words.split())


def test_a_firm_read_as_a_span_of_its_own_is_no_person() -> None:
    """"Moira Elkins Harcourt Pryor (NY)": "Harcourt Pryor", glued after a name here and written after
    other names elsewhere, is the firm's block: nothing of it is a name."""
    import spacy

    from pipeline.name_columns import column_end

    doc = spacy.blank("en")(_BLOCKS)
    start, end = _span(doc, "Harcourt Pryor")
    assert column_end(doc, start, end) == start


def test_the_one_word_between_a_span_and_the_firms_block_is_the_names() -> None:
    """"NOTICED Lena Hart Voss Harcourt Pryor (NY)" read as "Lena Hart": "Voss" ends the name, the
    block after it follows other names too."""
    import spacy

    from pipeline.name_columns import column_end

    doc = spacy.blank("en")(_BLOCKS)
    start, end = _span(doc, "Lena Hart")
    assert doc[start:column_end(doc, start, end)].text == "Lena Hart Voss"
    start, end = _span(doc, "Oliver Brandt")   # the block follows right after: nothing to add
    assert column_end(doc, start, end) == end


def test_a_suffix_ends_a_name_before_the_firms_block() -> None:
    import spacy

    from pipeline.name_columns import column_end

    doc = spacy.blank("en")("NOTICED Lena Hart , Jr Kessler Vane & Cole, LLP 280 Main Rd. | "
                            "NOTICED Ann Lee Kessler Ross Vane & Cole, LLP 280 Main Rd. |")
    start, end = _span(doc, "Lena Hart , Jr")
    assert column_end(doc, start, end) == end


def test_abbreviations_without_a_vowel_are_no_name(people) -> None:
    text = ("| 06/01/2005 | 41 | TRANSCRIPT filed as to Dale Hutton for dates of 2/11/05 - Sentencing proceedings "
            "Crt Rptr: Lorna Pike (abc) (Entered: 06/01/2005) |")
    assert people(text) == ["Dale Hutton", "Lorna Pike"]


def test_english_words_right_before_a_full_name_are_its_role() -> None:
    """"says Pawsitive Volunteer Coordinator" + "Ada Price": a span of its own that ends in an English
    word and runs into a given name and a surname is the role, not a person."""
    around = Around(["says"], ["Ada", "Price", ",", "adding"], set(), set())
    assert refuse("Pawsitive Volunteer Coordinator", around)
    assert refuse("Dana Whitlock", around) is None
    assert refuse("H. Rupert Vance IV", around) is None   # a suffix in capitals is no role


# A certificate of service or a counsel list: name, firm, street, city (generated names and firms)
_SERVICE_LIST = (
    "CERTIFICATE OF SERVICE\n\nI served a copy of this brief on the following counsel:\n\n"
    "Harold T. Quimby\nOsgood Varnell\n1900 K Street, N.W.\nWashington, DC 20006\n\n"
    "Mr. Lionel P. Dravecky\nTrask Bellweather Onslow & Pike\n777 South Figueroa Street\nSuite 400\n"
    "Los Angeles, CA 90017\n\n"
    "Gerald Marchetti\n60 Park Place\nNewark, NJ 07102\n")


def test_the_firm_line_of_an_address_block_is_no_person(people) -> None:
    found = people(_SERVICE_LIST)
    assert {"Harold T. Quimby", "Lionel P. Dravecky", "Gerald Marchetti"} <= set(found)
    assert not {"Osgood Varnell", "Trask Bellweather", "Bellweather Onslow", "Onslow"} & set(found)


def test_a_mixed_case_name_takes_no_word_of_a_capitals_run_after_it(people) -> None:
    text = ("UNITED STATES COURT OF APPEALS\n\n100 EAST FIFTH STREET, ROOM 540\n"
            "Marisol T. Abernathy HARLAN FENWICK U.S. COURTHOUSE Tel. (513) 555-7000\nClerk CINCINNATI, OHIO\n\n"
            "The clerk, Marisol T. Abernathy, entered the order on May 3, 2021.")
    found = people(text)
    assert "Marisol T. Abernathy" in found
    assert not any("HARLAN" in name or "Harlan" in name for name in found)   # a courthouse named for someone


def test_a_caps_run_after_a_name_ends_where_the_capitals_do() -> None:
    from pipeline.name_columns import caps_run_end
    from pipeline.tagger import Tagger
    from casefile.settings import Settings

    doc = Tagger(Settings().spacy_model).nlp("Clerk Marisol T. Abernathy HARLAN FENWICK U.S. COURTHOUSE")
    start = [t.text for t in doc].index("Marisol")
    assert caps_run_end(doc, start, start + 4) == start + 3        # "… Abernathy HARLAN" + "FENWICK …"
    assert caps_run_end(doc, start, start + 3) == start + 3
