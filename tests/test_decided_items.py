"""Items of a list of decisions (pipeline/decided_items.py), through the real spaCy model: a licensing board's voting
list, a court's release of the opinions it hands down, a hand-down list's paragraphs. Each item, from its number or
caption to its decision, is one timeline entry, dated by the list's day (or by the entry of an order it states),
never by the incident, the trial court's ruling or the hours it names."""
from __future__ import annotations

from datetime import date

import pytest

from casefile.settings import Settings
from pipeline import events, nlp
from pipeline.decided_items import item_spans
from pipeline.tagger import Tagger
from tests.test_events_sentences import timeline_rows

MEETING = date(2021, 3, 11)


@pytest.fixture(scope="module")
def tagger() -> Tagger:
    return Tagger(Settings().spacy_model)


def voting_list(items: list[tuple[str, str, str]]) -> str:
    """(licensee, what the item says, decision) in a voting list's shape, some items a violation notice with its
    incident's date."""
    out = ["City of Harwick Licensing Board", "Voting Agenda, March 11, 2021", ""]
    for n, (who, told, decided) in enumerate(items, start=1):
        if n % 2:
            out += [f"{n}) {who.upper()}, INC. , D/B/A: {who.upper()}, Location: {n}2 FRONT ST",
                    f"HARWICK, MA 0211{n}, License#: LB 99{n}48, Category: CV7AL", "",
                    f"Date: 0{n}/1{n}/2020 Notice: {told} in violation of M.G.L. ch. 138 s. 64.", "", decided, ""]
        else:
            out += [f"{n}. {who}, LLC", f"Doing business as: {who}", f"{n}7 Main St., Harwick, MA 02111",
                    f"License #: LB-45{n}127", f"Has applied for {told} to be exercised on the above.",
                    "Manager: Dana Roe", "Hours of Operation: 7 a.m. to 7 p.m.", "", decided, ""]
    return "\n".join(out)


ITEMS = [
    [("Harbor Grill", "Patron on patron assault", "NO VIOLATION"), ("Bakery Row", "a Common Victualler License", "GRANTED"),
     ("Pier Tavern", "Persons under 21 in possession of alcohol", "WARNING & WRITTEN CORRESPONDENCE FROM THE BOARD")],
    [("Lantern Pub", "Overcrowding", "DEFER TO REVIEW VIDEO FOOTAGE"), ("Cafe Nord", "a change of manager", "WITHDRAWN"),
     ("Elm Bar", "Patron over served", "RESCHEDULED - LICENSEE FAILED TO APPEAR"),
     ("Tea House", "a Wines and Malt Beverages License", "GRANTED -Pending Availability of License")],
]


@pytest.mark.parametrize("items", ITEMS)
def test_a_voting_lists_items_are_its_decisions_of_the_meeting_day(tagger, items):
    """nlp.v172/events.v115: the board's "GRANTED" alone was an entry, and an item's incident ("Date: 01/11/2020")
    dated the item's other lines."""
    text = voting_list(items)
    rows = timeline_rows(tagger, text, kind="minutes", doc_date=MEETING)
    decided = [r for r in rows if any(r["text"].rstrip().endswith(d) for _, _, d in items)]
    assert len(decided) == len(items), [r["text"] for r in rows]
    for row, (who, _, _) in zip(decided, items):
        assert row["date_start"] == MEETING and who.upper() in row["text"].upper(), row
    assert not any(r["text"].strip() in [d for _, _, d in items] for r in rows)


RELEASE = """The Opinions handed down on the 3rd day of May, 2024 are as follows:

BY Ruiz, J.:

{items}
Retired Judge Dana Roe, appointed Justice ad hoc."""


@pytest.mark.parametrize("decisions", [["AFFIRMED. SEE OPINION.", "REVERSED AND REMANDED. SEE OPINION."],
                                       ["WRIT DENIED.", "SUSPENSION IMPOSED. SEE PER CURIAM.", "CERTIFIED QUESTIONS ANSWERED. SEE OPINION."]])
def test_a_release_lists_cases_with_their_decisions_and_its_justices_votes(tagger, decisions):
    cases = [f"2024-C-0{k}123 STATE OF LOUISIANA VS. LEE VANCE {k} (Parish of Orleans)" for k in range(len(decisions))]
    items = "".join(f"{c}\n\n{d}\n\nHughes, J., dissents for the reasons assigned by Justice Crain.\n\n"
                    f"Weimer, C.J., additionally concurs and assigns reasons.\n\n" for c, d in zip(cases, decisions))
    rows = timeline_rows(tagger, RELEASE.format(items=items), kind="court", doc_date=date(2024, 5, 3))
    texts = [" ".join(r["text"].split()) for r in rows]
    for c, d in zip(cases, decisions):
        assert f"{c} {d}" in texts, texts
    assert sum(t.startswith(("Hughes, J., dissents", "Weimer, C.J., additionally concurs")) for t in texts) == 2 * len(cases)
    assert all(r["date_start"] == date(2024, 5, 3) for r in rows if "VANCE" in r["text"] or "J.," in r["text"])


HAND_DOWN = """Supreme Court of Harwick Hand Down List

March 5, 2020

EN BANC

2018-KA-00282-SCT

Lee Vance v. State of Harwick; Madison Circuit Court; LC Case #: 2016-0238-C; Ruling Date: 10/31/2017; Ruling Judge: Dana Roe; Majority Opinion: Ruiz, J. Disposition: Affirmed. Madison County taxed with costs of appeal. Votes: Ortiz and Lind, JJ., Concur.

EN BANC

89-R-99016-SCT

In Re: Advisory Committee on Rules; Disposition: Order authorizing the disbursement of $25,000.00 from the Court's fund to the Committee for its work through September 30, 2020. Order entered 2/19/20.
"""


def test_a_hand_down_lists_paragraph_is_its_decision_of_the_list_or_order_day(tagger):
    rows = timeline_rows(tagger, HAND_DOWN, kind="court", doc_date=date(2020, 3, 5))
    by = {r["text"].split(";")[0]: r for r in rows}
    assert by["Lee Vance v. State of Harwick"]["date_start"] == date(2020, 3, 5), rows
    assert by["Lee Vance v. State of Harwick"]["text"].rstrip().endswith("Concur.")
    assert by["In Re: Advisory Committee on Rules"]["date_start"] == date(2020, 2, 19), rows


@pytest.mark.parametrize("text", [
    "1. Call to order\n2. The board discussed the budget.\nThe meeting adjourned at 9 p.m.",
    "Item 4) Harbor Grill asked for more time.\n\nThe clerk will schedule a hearing.",
    # a heading that names a kind of item, and a rule in capitals that runs on over its line's end
    "3. M-1560-22; Application for a fence at 12 Front St.\nOwner: Dana Roe\nCONTINUED PUBLIC HEARINGS\n4. NC-1727-22",
    "1. Rules of the program\nSPOT CHECK VIOLATIONS CAN RESULT IN TERMINATION OR\nSUSPENSION.",
])
def test_a_list_with_no_decision_line_has_no_items(text):
    assert item_spans(text) == []


@pytest.mark.parametrize("events", [["Fundraiser", "Jazz Concert", "Fashion Show"], ["Wedding Reception", "Street Fair"]])
def test_a_sections_decision_covers_the_items_under_it(tagger, events):
    """nlp.v174: "Special 1-Day All Alcohol" / "GRANTED" over items with no decision of their own: each item is
    granted at the meeting (a licence for a day ahead is no act of that day)."""
    items = "\n\n".join(f"{n}.HARBOR GROUP {n} INC., Manager: Dana Roe\nHas applied for a(n) {e} at:\n"
                        f"{n}1 Front St., Harwick, MA 02111\nDate and Time: 04/0{n}/2021, 6 p.m. - 10 p.m."
                        for n, e in enumerate(events, start=1))
    text = f"Voting Agenda, March 11, 2021\n\nSpecial 1-Day All Alcohol\n\nGRANTED\n\n{items}\n"
    rows = timeline_rows(tagger, text, kind="minutes", doc_date=MEETING)
    granted = [r for r in rows if "Has applied for" in r["text"]]
    assert len(granted) == len(events), [r["text"] for r in rows]
    assert all(r["date_start"] == MEETING and r["text"].rstrip().endswith("10 p.m.") for r in granted), granted


def test_a_decision_that_opens_a_page_is_the_last_items_of_the_page_before():
    """An item run over from the page before ("Manager: Dana Roe" / "GRANTED"), then items with their own decisions:
    no section's decision."""
    text = ("exercised on the above - 6 story building.\nManager: Dana Roe\nGRANTED\n\n4. HARBOR GRILL, INC.\n"
            "License #: LB 100500\nHolder of a Common Victualler License has petitioned to amend the hours.\n\nGRANTED")
    spans = item_spans(text)
    assert [text[a:b].split("\n")[0] for a, b in spans] == ["4. HARBOR GRILL, INC."]
    assert text[spans[0][0]:spans[0][1]].endswith("GRANTED")


def _rows_of_pages(tagger, texts):
    """The event rows of a document of these pages, as casefile builds them (`broad`: the bare decision too)."""
    analyses = tagger.tag(texts)
    nlp.add_known_names(texts, analyses)
    found = events.resolve_page_dates(texts, analyses, MEETING)
    doc = {"doc_id": "d" * 64, "kind": "minutes", "doc_date": MEETING, "doc_date_source": "title"}
    return events.build_events(doc, [{"page": n, "text": t} for n, t in enumerate(texts, start=1)], analyses, found,
                               broad=True)


def test_an_item_whose_decision_opens_the_next_page_is_one_entry(tagger):
    """decided_items.items_over_pages: "5. …" / "… Attorney: …" ends a page and "GRANTED" opens the next. Before, the
    bare "GRANTED" was an entry of its own and the item's lines ("… has petitioned for new officers.") were others."""
    first = voting_list(ITEMS[0][:2]) + "\n3. Lantern Hall, Inc.\nD/B/A: Lantern Hall\n204 FRONT ST\nHARWICK, MA 02116\n" \
        "License #: LB 99646\nHolder of a Common Victualler 7 Day Wine and Malt License has petitioned for new\n" \
        "officers and directors. Lastly, has petitioned for a change of stock interest.\nAttorney: Dana Roe\n"
    second = "GRANTED\n\n4. Cafe Nord, LLC\nLicense #: LB-45127\nHas applied for a change of manager.\n\nWITHDRAWN\n"
    rows = _rows_of_pages(tagger, [first, second])
    carried = [r for r in rows if "Lantern Hall" in r["text"]]
    assert len(carried) == 1, [r["text"] for r in rows]
    row = carried[0]
    assert row["page"] == 1 and row["text"].endswith("Attorney: Dana Roe\nGRANTED") and row["date_start"] == MEETING
    assert first[row["char_start"]:row["char_end"]] + "\n" + second[row["cont_start"]:row["cont_end"]] == row["text"]
    assert not [r for r in rows if r["page"] == 2 and r["text"].strip() == "GRANTED"]
    assert not [r for r in rows if "stock interest" in r["text"] and r is not row]
    assert [r["page"] for r in rows if "LB-45127" in r["text"]] == [2]   # the next item stays on its page


def test_an_item_run_over_a_page_break_takes_the_next_pages_lines_up_to_its_decision(tagger):
    """The item's number and name end a page; its fields and its decision open the next ("License #: …" / "Holder of
    …" / "GRANTED"): one entry, none for the fields read as sentences, none for the bare decision."""
    first = voting_list(ITEMS[0][:2]) + "\n3. Home Plate Cafe, Inc.\nD/B/A: Home Plate Cafe\n1269 FRONT ST\n"
    second = ("License #: LB 353653\nHolder of a Common Victualler 7 Day All Alcoholic Beverages License has petitioned to\n"
              "amend the description of the licensed business. The business has petitioned for a new manager.\n"
              "Attorney: Dana Roe\n\nGRANTED\n\n4. Cafe Nord, LLC\nLicense #: LB-45127\nHas applied for a change of manager.\n"
              "\nWITHDRAWN\n")
    rows = _rows_of_pages(tagger, [first, second])
    carried = [r for r in rows if "Home Plate" in r["text"]]
    assert len(carried) == 1 and carried[0]["page"] == 1 and carried[0]["text"].endswith("Attorney: Dana Roe\n\nGRANTED")
    assert "LB 353653" in carried[0]["text"] and carried[0]["date_start"] == MEETING
    assert [r["text"] for r in rows if r["page"] == 2] == [second[second.index("License #: LB-45127"):].rstrip()]


def _one_day(n: int, who: str, event: str, day: str) -> str:
    return f"{n}.{who}, Manager: Dana Roe\nHas applied for a(n) {event} at:\n{n}5 Front St., Harwick, MA 02111\n" \
           f"Date and Time: {day}, 5 p.m. - 9 p.m.\n"


def test_a_sections_decision_goes_on_over_the_page_break(tagger):
    """decided_items.sections_over_pages: "Special 1-Day Malt Wine" / "GRANTED" over its items, which go on over two
    page breaks; a number before a name ("5.20 Guest St Courtyard") opens an item; the next section's heading ends the
    last item of the one before, whose decision it does not take."""
    first = ("Voting Agenda, March 11, 2021\n\nSpecial 1-Day All Alcohol ALL ONE DAY ALL ALCOHOL\n\nGRANTED\n\n"
             + _one_day(1, "LANTERN HALL", "Fundraiser", "03/20/2021") + "\n" + _one_day(2, "Pier Church", "Concert", "03/21/2021"))
    second = (_one_day(3, "Pier Church", "Fashion Show", "03/27/2021") + "\n" + _one_day(4, "Elm Hall", "Reception", "04/02/2021")
              + "\nSpecial 1-Day Malt Wine ALL SPECIAL 1-DAY MALT WINE\n\nGRANTED\n\n"
              + _one_day(1, "HARWICK CENTER FOR THE ARTS", "Gallery Reception", "03/18/2021"))
    third = _one_day(2, "Bay Speedway", "Block Party", "03/19/2021") + "\n" + \
        _one_day(5, "20 Guest St Courtyard", "Outing", "03/24/2021")   # "5.20 Guest St Courtyard"
    rows = _rows_of_pages(tagger, [first, second, third])
    names = ["LANTERN HALL", "2.Pier Church", "3.Pier Church", "Elm Hall", "HARWICK CENTER", "Bay Speedway", "20 Guest St"]
    for name in names:
        found = [r for r in rows if name in r["text"]]
        assert len(found) == 1, (name, [r["text"] for r in rows])
        assert found[0]["date_start"] == MEETING and found[0]["trigger"] == "GRANTED", found[0]
        assert found[0]["text"].startswith(tuple("123456789")) and "Date and Time:" in found[0]["text"], found[0]["text"]
    elm = next(r for r in rows if "Elm Hall" in r["text"])
    assert "Special 1-Day Malt Wine" not in elm["text"], elm["text"]   # the next section's heading is not its item's
    assert not [r for r in rows if r["text"].strip() == "GRANTED"]


ANNOUNCED = """LIST OF DECISIONS ANNOUNCED BY
THE SUPREME COURT OF HARWICK
ON FRIDAY, DECEMBER 10, 2021

{items}"""


@pytest.mark.parametrize("shape", [0, 1])
def test_a_list_of_decisions_as_table_rows_is_one_entry_per_case_number_to_its_disposition(tagger, shape):
    """An Alabama-like list: the case's number in a table's first cell, the caption run on over cells, the
    disposition in mixed case on the last line ("| Affirmed.", "Affirmed. No Opinion.")."""
    from pipeline.extract import Page, nlp_text
    cases = [("1200467", "Ex parte Dana Lind. PETITION FOR WRIT OF MANDAMUS: CIVIL (In re:", "Dana Lind v. Lee Ortiz)",
              "| Petition Denied. No Opinion."),
             ("1200483", "Brett A. Vance v. Harbor Mortgage, LLC, and The Bank of", "New York Mellon, as Trustee for Harbor Loan Trust 2007-C",
              "| Affirmed." if shape == 0 else "Affirmed. No Opinion."),
             ("1200331", "Network Cabling, Inc. v. Rowe Technologies, Inc.; Joel Erdmann; James H.", "Shumock; and Tony G. Waldrop",
              "| Reversed and remanded.")]
    items = "".join(f"Ruiz, J.\n\n{n} | {a}\n| {b} (Appeal from Mobile Circuit Court: CV-18-900691).\n{d}\n"
                    f"Links : OPINION\n" for n, a, b, d in cases)
    text = ANNOUNCED.format(items=items)
    assert [text[a:b].split(" |")[0] for a, b in item_spans(text)] == [n for n, *_ in cases]
    read = nlp_text(Page(1, text, "text"))
    assert "\n  Shumock" in read and "\n| " not in read   # the cell run on is read as one text
    analyses = tagger.tag([read])
    nlp.add_known_names([read], analyses)
    found = events.resolve_page_dates([read], analyses, date(2021, 12, 10))
    doc = {"doc_id": "a" * 64, "kind": "court", "doc_date": date(2021, 12, 10), "doc_date_source": "title"}
    rows = [r for r in events.build_events(doc, [{"page": 1, "text": text}], analyses, found) if r["modality"] == "done"]
    for n, a, b, d in cases:
        row = [r for r in rows if r["text"].startswith(n)]
        assert row and row[0]["date_start"] == date(2021, 12, 10), rows
        assert " ".join(row[0]["text"].split()).endswith(" ".join(d.strip("| ").split()))
    assert not [r for r in rows if r["date_start"].year == 2007 or r["text"].strip().startswith(("| Affirmed", "Affirmed"))]
    names = {" ".join(p["text"].split()) for p in analyses[0]["people"]}
    assert "James H. Shumock" in names, names
