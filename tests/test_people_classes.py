"""Classes of false people read off documents no one had tuned on (a probe batch of local news,
meeting pages, press releases and court dockets), read through the real model (pipeline/nlp.py,
pipeline/person_spans.py). Generated text of the same shapes: none of these names or labels
comes from a real document."""
from __future__ import annotations

import pytest


@pytest.mark.parametrize("text, expected", [
    ("Quick Links | Parking Permits | Meeting Calendar | Job Openings | Recycling Schedule\n"
     "Posted by Deputy Clerk Rosalind Maitland on March 4.", ["Rosalind Maitland"]),
    ("Motion Summary | Continuance Order | Sentencing Memo\n"
     "Defendant Marcus Ellery appeared with counsel Janet Pruitt.", ["Marcus Ellery", "Janet Pruitt"]),
    ("Case Number 2019-CV-4471 Hearing Date 03/14/2019 Hearing Time 10:30 AM Dismissal Reason Withdrawn\n"
     "Plaintiff Gwendolyn Harcourt appeared.", ["Gwendolyn Harcourt"]),
])
def test_headings_and_labels_of_english_words_are_no_people(people, text: str, expected: list[str]) -> None:
    """A web page's menu, a docket's labels: title-case English words, none a given name."""
    found = people(text)
    assert found == expected, found


def test_names_of_english_words_with_a_given_name_or_none_in_the_lexicon_stay(people) -> None:
    text = ("Councilmember Dale Winter seconded; Patricia Snow abstained. Tomasz Wierzbicki spoke in "
            "public comment.")
    found = people(text)
    assert {"Dale Winter", "Patricia Snow", "Tomasz Wierzbicki"} <= set(found), found


def test_a_headline_verb_after_a_surname_is_no_part_of_the_name(people) -> None:
    """A press release's headline: "Attorney General Morales Sues ..." names Morales, not "Morales Sues"."""
    text = ("Attorney General Morales Sues Opioid Distributor\n\n"
            "AUSTIN - Attorney General Ramon Morales today filed suit against a distributor.\n\n"
            "Attorney General Thomas Announces Conviction of City Sergeant on Manslaughter Charge\n\n"
            "Sgt. Luke Brandt Threw a Chair at Owen Pascal, Causing His Death\n\n"
            "Attorney General Dolores Thomas said the sergeant was convicted.")
    found = people(text)
    assert not [n for n in found if {"Sues", "Announces", "Threw"} & set(n.split())], found
    assert {"Ramon Morales", "Dolores Thomas", "Luke Brandt", "Owen Pascal"} <= set(found), found


@pytest.mark.parametrize("text, expected", [
    ("3 | D-812 Notice of New D5 liquor permit to Crestview Provisions LLC, dba Harlan Fuel and Food Mart, "
     "2210 Market Street (Ward 6). John Petrakis d/b/a Petrakis Roofing was sued by Alma Ruiz.",
     ["John Petrakis", "Alma Ruiz"]),
    ("Police were called to Ruby Salon on Main Street, and later to Jasmine Boutique. Officer Dana "
     "Whitlock responded.", ["Dana Whitlock"]),
    ("The Lantern Keeper, by Marisol Vega. Harold Fenwick Books, $16.99; ages 8-12. Reviewed by "
     "Colleen Hardesty.", ["Marisol Vega", "Colleen Hardesty"]),
    ("Brown River Dreaming Patricia Holloway Nora Quill Books, $16.99; ages 10 and up.", []),
])
def test_trade_names_are_no_people(people, text: str, expected: list[str]) -> None:
    """A shop's name ends in the kind of shop ("... Salon", "... Books"); what follows "dba" is a trade name."""
    found = people(text)
    assert found == expected, found


def test_a_compass_point_after_a_house_number_opens_a_street(people) -> None:
    text = ("The Board met at 1840 W. Harrison in Chicago. Chair Lorena Baptiste presided. "
            "Ward 12 N. Jackson voted no.")
    found = people(text)
    assert found == ["Lorena Baptiste", "N. Jackson"], found


def test_a_role_the_title_list_lacks_is_no_part_of_the_name(people) -> None:
    """"Victim Services Liaison Darnell Upshaw", "Paralegal Joan Whitby": the words before the given name
    are a role, not a name; a given name that is also a word stays ("Young", "Rose")."""
    text = ("Support to the family was provided by Senior Victim Services Coordinator Felicia Amato and "
            "Victim Services Liaison Darnell Upshaw. The case was handled by Community Outreach Liaison "
            "Marcus Delgado and Paralegal Joan Whitby. Rose Ellen Tolliver and Young Soo Park testified.")
    found = people(text)
    assert {"Felicia Amato", "Darnell Upshaw", "Marcus Delgado", "Joan Whitby"} <= set(found), found
    assert not [n for n in found if n.split()[0] in ("Liaison", "Paralegal")], found


@pytest.mark.parametrize("text, expected", [
    ("Parties\n\n| Party | PartyType | Representative |\n\n| Whitcomb, Harold T. | Appellee | Dana Ruiz |\n\n"
     "| Acme Freight Company | Appellant | Laura Benning |",
     {"Harold T. Whitcomb", "Dana Ruiz", "Laura Benning"}),
    ("ROLL CALL: Present: Alvarez, Teresa; Whitfield, Margaret; Okafor, Daniel. Absent: Lindqvist, Peter.",
     {"Teresa Alvarez", "Margaret Whitfield", "Daniel Okafor", "Peter Lindqvist"}),
    # a hand-down list's author over her cases, her judge's title after the name (nlp.v173)
    ("Barnes, Donna M., C.J.\n\nX 2024-KA-01005-COA\n\nLee Vance v. State; Disposition: Affirmed.\n\n"
     "Whitfield, Margaret Ann, J.\n\n2024-CA-00123-COA\n\nWilson, Jack L., P.J.\n\n2024-CP-00077-COA",
     {"Donna M. Barnes", "Margaret Ann Whitfield", "Jack L. Wilson"}),
])
def test_names_written_surname_first_are_read_whole(people, text: str, expected: set[str]) -> None:
    """A docket's party table, a roll call: "Surname, Given" is one person, not a surname and a given
    name apart."""
    found = people(text)
    assert expected <= set(found), found
    parts = {w for n in expected for w in n.split()}
    assert not [n for n in found if n not in expected and set(n.split()) <= parts], found


def test_a_comma_list_of_surnames_and_full_names_is_not_read_surname_first(people) -> None:
    text = ("MOTION BY: Okonjo\nSECOND: Hollis Varga\nAYES: Okonjo, Hollis Varga, Brandt, Medina\n\n"
            "Counsel on brief: Dana E. Whitlock, Marian\nLowe, Steven M. Farrow, David L. Pruett, and others.")
    found = people(text)
    assert not [n for n in found if n in ("Hollis Okonjo", "Steven M. Lowe")], found
    assert "Hollis Varga" in found, found


def test_a_place_or_a_letters_closing_before_a_given_name_is_no_surname(people) -> None:
    text = "ORLANDO, Florida\n\nIn Houston, Mary Smith said the vote passed.\n\nSincerely, Linda\n"
    found = people(text)
    assert "Mary Smith" in found, found
    assert not [n for n in found if n.endswith(("Orlando", "ORLANDO", "Houston", "Sincerely"))], found


def test_a_surname_written_first_is_no_role_before_the_name(people) -> None:
    """The role cut (`ordinary_head`) leaves a census surname that opens the name ("Han Sung-jin",
    written surname first) even when it is also an English word."""
    text = ("Prosecutors questioned Han Dong-su, the party leader, and Liaison Officer Mina Cole.\n\n"
            "Han Sung-jin, the leader of the party, urged the president to step down.")
    found = people(text)
    assert {"Han Dong-su", "Han Sung-jin", "Mina Cole"} <= set(found), found


@pytest.mark.parametrize("text, expected", [
    ("The center was funded by George and Marilyn Hartwell, the Goldring Family Foundation and the state.",
     ["George Hartwell", "Marilyn Hartwell"]),
    ("Residents Tom and Linda Okafor spoke against the rezoning.", ["Tom Okafor", "Linda Okafor"]),
    ("The couple, Mark and Denise Albright of Springfield, donated the land.", ["Mark Albright", "Denise Albright"]),
    ("John Taylor and Mary Jones spoke. Between April and June Smith worked there.", ["John Taylor", "Mary Jones"]),
    ("Owners: Ernesto & Lucia Ferreira Revocable Living Trust; Hollis Varga.", ["Hollis Varga"]),
])
def test_two_given_names_sharing_a_surname_are_two_people(people, text: str, expected: list[str]) -> None:
    found = people(text)
    assert [n for n in found if n != "June Smith"] == expected, found


@pytest.mark.parametrize("text, name", [
    ("Along with Senator Whitlow and Congressmen Ardery and Pelham, I introduced the bill.", "Ardery"),
    ("Commissioners Harold Benning and Rita Voss voted against the contract.", "Harold Benning"),
    ("Congresswoman Dolores Quimby spoke against the measure.", "Dolores Quimby"),
])
def test_a_plural_or_legislative_title_is_no_part_of_the_name(people, text: str, name: str) -> None:
    found = people(text)
    assert name in found, found
    assert not [n for n in found if n.split()[0] in ("Congressmen", "Commissioners", "Congresswoman")], found


@pytest.mark.parametrize("text, name", [
    # two given names that the model ended before a rare surname
    ("Johnathan Jackson Pledgerton, Franklin, Tennessee, for the employer-appellant.", "Johnathan Jackson Pledgerton"),
    # a given name the model took for a place, in a comma list of people
    ("Defendants Elias Harcourt, Joseph Brannigan, Amelia Warner, Thomas Farrell, Karen Tyson moved to dismiss.",
     "Amelia Warner"),
    # an initial before a surname that is also a place word ("ward", "hill")
    ("FOR RESPONDENT: Michael E. Ward, Esquire, Washington, D.C.", "Michael E. Ward"),
    # "co-founder" after the name is no "& Co."
    ("In 2016, Seabrook and Murray Huberton, co-founder and President of Platinum Partners LLC, agreed.", "Murray Huberton"),
])
def test_names_the_model_cuts_short_or_calls_something_else(people, text: str, name: str) -> None:
    assert name in people(text), people(text)


def test_a_firm_named_with_co_stays_no_person(people) -> None:
    found = people("The county hired Morgan Hale & Co. and Dana Reyes, Co., a partnership, on Monday.")
    assert not [n for n in found if n.startswith("Morgan")], found


def test_an_abbreviated_assistant_title_is_no_name(people) -> None:
    found = people("The call included Ramirez, Holt and LAPD Asst. Chief Earl Dunstan, according to interviews.")
    assert "Earl Dunstan" in found and not [n for n in found if "Asst" in n], found


def test_a_firm_abroad_with_its_suffix_is_no_person(people) -> None:
    """"Petersen Energia Inversora, S.A.U." is a Spanish company; "S.A. Brown" after a comma is a person."""
    assert people("Petersen Energia Inversora, S.A.U., and Petersen Energia S.A.U., Plaintiffs.") == []
    assert {"Maria Garcia", "S.A. Brown"} <= set(people("Maria Garcia, S.A. Brown and Ann Lee met on Monday."))


def test_a_names_third_part_that_is_no_english_word_stays_in_it(people) -> None:
    """The model ends "Yoon Suk" before "Yeol"; a word of no English at all, written like a name, is the name's."""
    assert "Yoon Suk Yeol" in people("A plan to impeach South Korean President Yoon Suk Yeol over his declaration failed.")
    assert "Dana Reyes" in people("The board thanked Dana Reyes Tuesday for her service.")


def test_ships_greetings_newspapers_and_teams_are_no_people(people) -> None:
    """Classes read off a second probe batch of news and agendas (session 17): a vessel with its
    prefix, a holiday greeting, a newspaper named by its city, a team after "the"."""
    text = ("Aboard the frigate HMS Carlisle, Admiral Petra Lindqvist spoke to the crew. "
            "THE PRESIDENT: Merry Christmas, everybody! Happy New Year to all of you. "
            "The plan was first reported by the Albany Sentinel, and the Dayton Examiner followed. "
            "The city accepted the gift of design services from the Lakeview Hornets. "
            "Then the Rev. Marcus Oyelaran blessed the field, and fans remembered the Nora Quill concert.")
    found = people(text)
    assert set(found) == {"Petra Lindqvist", "Marcus Oyelaran", "Nora Quill"}, found


def test_roster_lines_keep_their_names(people) -> None:
    """A roll call: a name that ends its line before a label ("Council:") is whole; a middle
    initial the model stops at is no end; a table's cell border is no part of a name; a middle
    initial alone on its line is inside the name."""
    text = ("2. ROLL CALL\n\nMayor Pro Tem Delia Marchetti\nCouncil: Council Member Ansel Brooke\n"
            "Council Member Garrett H. Lindqvist\n\n| Orla Fenwick, At-Large | Pavel Ostrander, Ward 6 |\n")
    found = people(text)
    assert set(found) == {"Delia Marchetti", "Ansel Brooke", "Garrett H. Lindqvist", "Orla Fenwick",
                          "Pavel Ostrander"}, found


def test_a_middle_initial_alone_on_its_line_joins_the_name() -> None:
    from pipeline import extract
    page = extract.Page(page=1, text="In attendance were Dana\nK.\nBilyeu of Nevada; Section\nA.\nThe plan", method="text")
    assert extract.nlp_text(page) == "In attendance were Dana K. Bilyeu of Nevada; Section\nA.\nThe plan"


def test_a_word_for_what_someone_does_before_a_full_name_is_the_role(people) -> None:
    """"Farmer Chad Smith": a surname that is also an agent noun, before a given name and a surname."""
    found = people("Farmer Brad Jones said his family farm stands to lose up to $90,000 because there are too few "
                   "workers. Porter Wagoner sang. Mason Brill spoke.")
    assert set(found) == {"Brad Jones", "Porter Wagoner", "Mason Brill"}, found


def test_an_acronym_inside_a_mixed_case_name_is_an_organisation_and_a_rank_is_a_title(people) -> None:
    """"BBC Sport", "Santander UK", "Orbital ATK" are no people; "JD Vance", "Jane Roe MD", "Alex Azar II"
    are; an abbreviated rank before a name is its title ("LTG H. Steven Blum")."""
    text = ("NBC Sports reported the trade on Monday. The lender Brightwater UK said so. "
            "JD Vance spoke next. Former mayor Jane Roe MD resigned. Alex Azar II testified. "
            "Testimony was heard from the following officials of the Department of Defense: LTG H. Steven Blum, "
            "USA, Chief, National Guard Bureau; and COL Karen W. Hayes, USAF.")
    found = people(text)
    assert set(found) == {"JD Vance", "Jane Roe", "Alex Azar II", "H. Steven Blum", "Karen W. Hayes"}, found


def test_an_address_blocks_name_and_a_given_name_left_out_by_the_model_stay_whole(people) -> None:
    """"The Honorable Marian T. Okafor" / "Inspector General" / "U.S. Department of …": the office on the
    next line is no facility the name runs into; "Roberto" + "M. Alvarez": the model left the given
    name out."""
    text = ("June 29, 2012\n\nThe Honorable Marian T. Okafor\nInspector General\nU.S. Department of Health and "
            "Human Services\n\nDear Ms. Okafor:\n\nIn attendance were, by telephone, Roberto M. Alvarez of "
            "Florida,\nmember; by telephone, Gordon J. Whitfield of New York,\nmember.")
    found = people(text)
    assert {"Marian T. Okafor", "Roberto M. Alvarez", "Gordon J. Whitfield"} <= set(found), found
    assert "M. Alvarez" not in found, found


@pytest.mark.parametrize("text, person, not_people", [
    ("19 · · · · · · 1734 Elm Road\n20 · · · · · · Suite 210\n21 · · · · · · Silver Spring, Maryland 20910\n"
     "22 · · · · Gloria R. Hensley, Court Reporter", "Gloria R. Hensley", ["Silver Spring", "Suite"]),
    ("(Signature)\nStephen M. Pruett, Jr. 336-555-0100\nName (printed or typed) Voice Phone\n"
     "Walker Duncan Harris & Russell PLLC 336-555-0101\nFirm Name (if applicable) Fax Number",
     "Stephen M. Pruett, Jr.", ["Walker Duncan Harris"]),
])
def test_an_address_and_a_firm_of_partners_are_no_people(people, text: str, person: str,
                                                          not_people: list[str]) -> None:
    """A court reporter's certificate and a signature block: "Silver Spring, Maryland 20910" is a city
    in a postal address, "Suite 210" its unit; "Walker Duncan Harris & Russell PLLC" a firm named by
    its partners."""
    found = people(text)
    assert person in found and not set(not_people) & set(found), found


@pytest.mark.parametrize("text, not_person", [
    ("Part 1: | | |\nAbout Debtor 1: 1. Your full name Rosalind First name Write the name that is on your "
     "government-issued Middle name", "Rosalind First"),
    ("Cash Market\nAccount (Y)\nCharles Schwab Brokerage\nAccount (H)\n- Schwab Deposit Account $1,000 or less",
     "Charles Schwab Brokerage"),
])
def test_a_forms_label_and_a_brokerage_are_no_people(people, text: str, not_person: str) -> None:
    """A bankruptcy petition's "First name" label glued to the name, a disclosure's brokerage account."""
    assert not_person not in people(text)


@pytest.mark.parametrize("text, not_person", [
    ("News Releases\n2026\nJanuary\nFebruary\nMarch\nApril\nMay\nJune\nYears\n2024\n2025\nNews Releases\n"
     "June 3, 2026: Jury Convicts Man", "April\nMay"),
    ("YOUTH LEADER CHARGED WITH THEFT\nSANTA ANA\n– A youth leader from a church in Santa Ana has been charged "
     "by prosecutor Dana Whitlock.", "SANTA ANA"),
    ("Press\n6 min read\n30-year-old Fontana Man Charged with Murder for Hitting a Girl\n"
     "Prosecutor Dana Whitlock filed charges.", "Fontana Man"),
])
def test_a_menus_months_a_dateline_and_a_headlines_man_are_no_people(people, text: str, not_person: str) -> None:
    """A press office's page: its archive menu of months, a dateline in capitals before its dash,
    a headline's "<Town> Man Charged"; the prosecutor it names stays."""
    found = people(text)
    assert not_person not in found, found
    assert "Dana Whitlock" in found or "Dana" not in text, found


@pytest.mark.parametrize("text, name", [
    ("Raised in Ohio, the grandson of Italian immigrants, Marcus\nDell Ravello was once a nine-year-old boy.",
     "Marcus\nDell Ravello"),
    ("Raised in Ohio, the grandson of Italian immigrants, Francis\nFord Coppola was once a nine-year-old boy.",
     "Francis\nFord Coppola"),
])
def test_a_given_name_ending_the_line_before_is_the_names(people, text: str, name: str) -> None:
    assert people(text) == [name]


def test_a_dam_is_no_person(people) -> None:
    assert people("- $220 million for the **Howard Hanson Dam, WA** to maintain flood risk management.") == []


def test_words_a_page_glued_together_are_no_person(people) -> None:
    """A news site's menu flattened into one line ("… newsLTC Cash Voucher SchemeSGX NiftySensex …");
    names written with a capital inside ("DeShawn", "MacArthur", "FitzGerald") stay."""
    menu = ("Top Stories: Budget 2024 LiveLatest newsLTC Cash Voucher SchemeSGX NiftySensex TodayMarkets\n"
            "Finance minister Deepak Ajwani said on Monday the scheme would start in April.")
    assert people(menu) == ["Deepak Ajwani"]
    names = "Forward DeShawn Porter and coach Ian MacArthur met Fiona FitzGerald on Monday."
    assert people(names) == ["DeShawn Porter", "Ian MacArthur", "Fiona FitzGerald"]


@pytest.mark.parametrize("caption, party", [
    ("2023-C-01396 PEOPLE FOR THE RIVER VS. BOARD OF SUPERVISORS OF HARWICK STATE UNIVERSITY AND THOMAS GALLIGAN, "
     "INDIVIDUALLY AND IN HIS CAPACITY OF PRESIDENT (Parish of Orleans)\n\nAFFIRMED. SEE OPINION.", "THOMAS GALLIGAN"),
    ("2024-C-00788 HARWICK PAVING COMPANY, LLC VS. CITY PRODUCE COMPANY, LLC C/W FRANK MORRISON AND ROBIN MORRISON, "
     "INDIVIDUALLY (Parish of Orleans)\n\nREVERSED.", "ROBIN MORRISON"),
])
def test_a_party_in_capitals_after_and_in_a_caption_is_a_person(people, caption: str, party: str) -> None:
    """nlp.v173: a caption's run of capitals is cut at its "AND"s and "VS."s; read whole, it was too long a run
    for one name and gave no one."""
    found = people(caption)
    assert party in found, found


def test_a_firm_of_two_surnames_joined_by_and_is_no_person(people) -> None:
    assert people("SMITH AND JONES LAW FIRM represented the city in 2020.") == []
