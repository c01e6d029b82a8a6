"""Document dates: the meeting date of minutes and agendas, the report date of reports, the
publication date of news, with where each came from."""
from __future__ import annotations

from datetime import date

import pytest

from pipeline.docdate import document_date, from_text, parse_day
from pipeline.extract import extract
from tests.conftest import FIXTURES, ROOT

# a real Granicus minutes page of the evaluation set (eval/real/SOURCES.md has its origin)
WALNUT_CREEK = ROOT / "eval" / "real" / "documents" / "minutes" / "walnut_creek_city_council_minutes_2022-05-17.html"

MINUTES = """HARLAN COUNTY SOCIAL SERVICES BOARD
Minutes of the regular meeting held March 3, 2018
Board Room, Harlan County Human Services Center

MEMBERS PRESENT: Chair Thomas Brennan; Vice Chair Cynthia Hale.
1. APPROVAL OF MINUTES
The minutes of the February 13, 2018 meeting were approved as written.
The director reported that the state review began on January 16, 2018."""

MINUTES_LATE_DATE = """CITY OF MILLBROOK
CITY COUNCIL
MINUTES
Approval of the minutes of January 9, 2018
The Council met in special session on Tuesday, January 23, 2018 at 7:00 p.m."""

AGENDA = """AGENDA
Board of Trustees — Regular Meeting — Thursday, September 26, 2019, 1:30 p.m.
III. APPROVAL OF THE MINUTES
June 25, 2019"""

REPORT = """STATE DEPARTMENT OF HEALTH AND HUMAN SERVICES
Review of the Harlan County Department of Social Services
covering January 1, 2017 through March 31, 2018
Report date: June 29, 2018"""

REPORT_ISSUED = """OFFICE OF THE STATE AUDITOR
Performance Audit: County Child Welfare Programs
Audit period: July 1, 2016 to June 30, 2017
Issued December 14, 2017"""

REPORT_COVER = """COUNTY GRAND JURY
Final Report on the Department of Social Services

For the period ending June 30, 2018

October 2, 2018"""

NEWS = """By Dana Reyes | Published: Jan. 14, 2015 Updated: 4:49 p.m.
The board voted on Tuesday, Jan. 13, 2015, to place the director on leave."""


def _date(text: str, kind: str, **kw) -> tuple[date | None, str | None]:
    return document_date(known=None, known_source=None, title=kw.get("title"), first_page=text,
                         meta_date=kw.get("meta_date"), kind=kind, meta=kw.get("meta"))


@pytest.mark.parametrize("text, kind, expected", [
    (MINUTES, "minutes", date(2018, 3, 3)),
    (MINUTES_LATE_DATE, "minutes", date(2018, 1, 23)),   # not the minutes being approved
    (AGENDA, "agenda", date(2019, 9, 26)),
    (REPORT, "report", date(2018, 6, 29)),                # not the period covered
    (REPORT_ISSUED, "report", date(2017, 12, 14)),
    (REPORT_COVER, "report", date(2018, 10, 2)),           # a date alone on the cover
    (NEWS, "news", date(2015, 1, 14)),
    ("Roll call\nLEGISLATIVE DAY 4 DATE:01/27/2017 2:02:17 PM", "minutes", date(2017, 1, 27)),
    # a consent item approving earlier minutes, words between "approved" and "minutes"
    ("a. APPROVED CITY COUNCIL MINUTES of May 3, 2022, as provided.\nb. Warrants of Tuesday, May 17, 2022",
     "minutes", date(2022, 5, 17)),
    ("Approve the Board of Social Services minutes of June 4, 2019\nHeld on Tuesday, June 18, 2019",
     "minutes", date(2019, 6, 18)),
    # the day these minutes were approved is a later meeting's
    ("City Council Regular Meeting - 6:00 PM\nTuesday, May 17, 2022\n\nMeeting minutes were approved by the City "
     "Council on June 7, 2022.", "minutes", date(2022, 5, 17)),
    ("Board of Social Services\nMarch 4, 2019\nThese meeting minutes were adopted on April 1, 2019.", "minutes",
     date(2019, 3, 4)),
    ("Notice of the 14th of March, 2019 hearing\nHearing on 14 March 2019", "agenda", date(2019, 3, 14)),
    # electronic filing stamps of court filings, before any date their text names
    ("Case: 19-40112, 03/11/2021, ID: 12031857, DktEntry: 14-1, Page 1 of 9\nThe hearing of April 30, 2021 is "
     "vacated.", "court", date(2021, 3, 11)),
    ("Case 2:16-cv-01187-KM Document 42 Filed 11/04/16 Page 1 of 7\nOn December 2, 2016, the parties will meet.",
     "court", date(2016, 11, 4)),
    # a court's minutes form: its "Date" cell, not the filing days of the motions it rules on
    ("UNITED STATES DISTRICT COURT\nCRIMINAL MINUTES – GENERAL\nCase No. | |\n2:17-cr-00412-ABC – 4 Date June 3, 2020\n"
     "Proceedings: (IN CHAMBERS) - DEFENDANT'S MOTION IN LIMINE NO. 1 (Dkt. 211, filed on May 11, 2020)", "court",
     date(2020, 6, 3)),
    ("ORDER ON MOTIONS\nProceedings: THE GOVERNMENT'S MOTION TO DISMISS (Dkt. 88, filed on March 2, 2021)\n"
     "The Court, having read the papers, GRANTS the motion. Dated: March 30, 2021", "court", date(2021, 3, 30)),
])
def test_first_page_dates(text, kind, expected):
    assert _date(text, kind) == (expected, "first_page")


def test_title_wins_over_first_page_for_records():
    assert _date(MINUTES, "minutes", title="Minutes — Regular Meeting — April 10, 2018") == (date(2018, 4, 10), "title")


def test_year_less_date_takes_the_year_of_the_documents_other_dates():
    text = "MEETING INFORMATION\nDate/Time: June 6, 530pm\nApproval of minutes from meeting date: May 9, 2023"
    assert _date(text, "agenda") == (date(2023, 6, 6), "first_page")
    # no full date on the page: the PDF's creation date places it
    assert _date("Date/Time: Jan 4, 6pm", "agenda", meta={"created": "2022-12-20"}) == (date(2023, 1, 4), "first_page")
    assert _date("Date/Time: June 6, 530pm", "agenda") == (None, None)   # no guessing


def test_news_publication_date_comes_from_metadata():
    assert _date("The board voted on March 1, 2018.", "news", meta_date="2018-03-02T09:00:00-05:00") == (
        date(2018, 3, 2), "metadata")
    assert _date("The board voted on Tuesday.", "news") == (None, None)


@pytest.mark.parametrize("meta_date, expected", [
    ("2017-03-28", (date(2019, 11, 19), "url")),                      # a related item's date in the markup
    ("2019-11-20T01:12:00Z", (date(2019, 11, 19), "url")),            # the evening's story, stamped in UTC
    ("2019/11/20", (date(2019, 11, 19), "url")),                       # an image's dated folder on a CDN
    ("2019-11-19T18:40:00-05:00", (date(2019, 11, 19), "metadata")),   # the same day: the markup's
])
def test_a_news_pages_url_date_wins_over_a_markup_date_days_away(meta_date, expected):
    """docdate.v17, v19: "/story/news/2019/11/19/…" is written when the page is published; a markup date years
    away is another item's, and one a day away an evening's story stamped in UTC (8:12 p.m. on the 19th in New
    York) or an image's folder: the URL's day wins over any other."""
    url = "https://news.example.com/story/news/politics/2019/11/19/guards-charged-over-checks/4082679002/"
    assert document_date(known=None, known_source=None, title=None, first_page="Two guards were charged on Tuesday.",
                         meta_date=meta_date, kind="news", url=url) == expected


def test_user_and_crawler_dates_win():
    assert document_date(known=date(2018, 1, 1), known_source="user", title=None, first_page=MINUTES,
                         meta_date=None, kind="minutes") == (date(2018, 1, 1), "user")
    assert document_date(known=date(2018, 5, 5), known_source="fetch_time", title=None, first_page="no date",
                         meta_date=None, kind="other") == (date(2018, 5, 5), "fetch_time")
    assert document_date(known=date(2018, 5, 5), known_source="fetch_time", title=None, first_page=MINUTES,
                         meta_date=None, kind="minutes") == (date(2018, 3, 3), "first_page")


def test_a_reports_first_date_inside_a_sentence_is_what_it_tells():
    text = ("PERFORMANCE CONTEXT\n\nInstitution Profile:\n\nThe bank was chartered by the state. On October\n"
            "26, 2006, the Federal Reserve approved the bank as a wholesale bank. In March 2011, the holding\n"
            "company transferred nine branches to the trust bank, and on June 3, 2012, it closed four more.")
    assert _date(text, "report") == (date(2012, 6, 3), "inferred")   # the latest day it states, marked so
    assert _date(text, "report", meta={"created": "2013-04-05"}) == (date(2013, 4, 5), "metadata")


def test_a_docket_is_dated_by_its_latest_entry():
    rows = "\n".join(f"| {d} | {n} | ORDER as to Ruth Ames granting motion (Entered: {d}) |"
                     for n, d in enumerate(["10/08/2003", "10/27/2003", "04/14/2004", "07/15/2004", "11/16/2005"], 1))
    text = f"U.S. District Court\nCRIMINAL DOCKET FOR CASE #: 1:03-cr-00076\nDate Filed: 10/08/2003\n{rows}"
    assert document_date(known=None, known_source=None, title=None, first_page=text, meta_date=None,
                         kind="court", text=text) == (date(2005, 11, 16), "inferred")
    one_row = "Case 1:13-cv-05708-ER Document 11 Filed 09/27/13\n| 09/20/2013 | 10 | Letter |"
    assert document_date(known=None, known_source=None, title=None, first_page=one_row, meta_date=None,
                         kind="court", text=one_row) == (date(2013, 9, 27), "first_page")


def test_report_falls_back_to_creation_date():
    assert _date("A report with no date on its cover.", "report", meta={"created": "2018-07-02"}) == (
        date(2018, 7, 2), "metadata")
    assert _date("Minutes with no date.", "minutes", meta={"created": "2018-07-02"}) == (None, None)


@pytest.mark.parametrize("fixture, kind, expected", [
    ("pdfs/cuya_community_college_agenda.pdf", "agenda", date(2019, 9, 26)),
    ("pdfs/Notice-and-Agenda-001-2023-06-06.pdf", "agenda", date(2023, 6, 6)),   # from its form field
    ("pdfs/2017_vote_house.pdf", "minutes", date(2017, 1, 27)),
    ("pdfs/2017_vote_house.pdf", "other", date(2017, 1, 27)),
])
def test_fixture_dates(fixture, kind, expected):
    ex = extract((FIXTURES / fixture).read_bytes())
    assert _date(ex.pages[0].text, kind, title=ex.title, meta_date=ex.meta.get("date"), meta=ex.meta) == (
        expected, "first_page")


@pytest.mark.parametrize("name, expected", [("nj.com1", date(2015, 1, 14)), ("oregonlive.com1", date(2014, 12, 29)),
                                            ("pe.com1", date(2015, 1, 14))])
def test_news_fixture_dates(name, expected):
    ex = extract((FIXTURES / f"news/{name}.html").read_bytes())
    assert _date(ex.pages[0].text, "news", title=ex.title, meta_date=ex.meta.get("date")) == (expected, "metadata")


@pytest.mark.parametrize("text, expected", [
    ("2018-03-06T09:00:00-05:00", date(2018, 3, 6)),
    ("Wednesday, January 14, 2015,  2:30 PM", date(2015, 1, 14)),
    ("Sept. 4, 2018", date(2018, 9, 4)),
    ("February 30, 2018", None),
    ("March 2018", None),
    ("", None),
])
def test_parse_day(text, expected):
    assert parse_day(text) == expected


def test_from_text_ignores_dates_about_other_days():
    text = "Deadline: applications due by April 1, 2018\nHearing held on May 2, 2018"
    assert from_text(text, kind="agenda") == date(2018, 5, 2)


def test_a_real_granicus_minutes_page_is_dated_by_its_meeting():
    """Walnut Creek's minutes name the day they were approved (June 7) and the earlier minutes they
    approve (May 3): the meeting was held on May 17, 2022."""
    ex = extract(WALNUT_CREEK.read_bytes())
    assert _date(ex.pages[0].text, "minutes", title=ex.title) == (date(2022, 5, 17), "first_page")


def test_a_title_with_a_mistyped_year_loses_to_the_first_page():
    page = ("MINUTES OF THE MEETING OF THE BOARD MEMBERS\n\nThe Chairman convened a meeting of the Board members "
            "on September 19, 2016, at 8:30 a.m.")
    assert document_date(known=None, known_source=None, title="MINUTES OF THE BOARD - September 19, 2019",
                         first_page=page, meta_date=None, kind="minutes") == (date(2016, 9, 19), "first_page")
    assert document_date(known=None, known_source=None, title="MINUTES OF THE BOARD - September 12, 2019",
                         first_page=page, meta_date=None, kind="minutes") == (date(2019, 9, 12), "title")


def test_a_date_with_no_space_after_its_comma_is_read():
    assert document_date(known=None, known_source=None, title="MINUTES OF THE MEETING, December 17,2012",
                         first_page="Minutes", meta_date=None, kind="minutes") == (date(2012, 12, 17), "title")


def test_an_opinion_that_tells_later_days_than_its_cue_speaks_from_the_latest():
    """An appeal's opening lists the papers it reviews, one "[Filed January 18, 2011]": that is no date
    of the opinion, which goes on to tell acts of 2013. Dated by its cue, the acts after it were more
    than a year "after the document" and left the timeline."""
    text = ("Appellant Harrow Ridge Alliance appeals from:\n\n1) the February 20, 2013 \"Final Judgment\";\n\n"
            "2) the March 14, 2011 \"Order Granting Defendants' Motion for Protective Order [Filed January 18, "
            "2011]\";\n\nOn November 22, 2010, the Alliance filed a complaint.\n\nJudgment was entered on "
            "February 20, 2013 and the Alliance filed a notice of appeal on March 14, 2013. On December 13, "
            "2013, the Supreme Court remanded the case to the circuit court.")
    assert document_date(known=None, known_source=None, title=None, first_page=text, meta_date=None,
                         kind="court", text=text) == (date(2013, 12, 13), "inferred")
    # a cue the text bears out stays: what it tells after it is set ahead, or within weeks of it
    kept = ("Filed February 20, 2020\n\nOn May 3, 2019, the Commissioner issued a notice of deficiency. "
            "A hearing is set for June 30, 2021. The petitioner paid the tax on March 2, 2020.")
    assert document_date(known=None, known_source=None, title=None, first_page=kept, meta_date=None,
                         kind="court", text=kept) == (date(2020, 2, 20), "first_page")


def test_a_docket_whose_rows_name_the_month_speaks_from_its_latest_row():
    """The Supreme Court's docket opens each row on "Apr 13 2022"; its page markup carried a date five
    years older, which put every entry "more than a year after the document"."""
    rows = "\n\n".join(f"| {d} | Motion to extend the time to file a response filed. |"
                       for d in ["Apr 01 2022", "Apr 13 2022", "May 02 2022", "Jun 22 2022", "Aug 12 2022"])
    text = f"No. 21-1397\n\n| Docketed: | May 2, 2022 |\n\n| Decision Date: | January 27, 2022 |\n\n{rows}"
    assert document_date(known=None, known_source=None, title="Search", first_page=text, meta_date="2017-07-13",
                         kind="court", text=text) == (date(2022, 8, 12), "inferred")
    # a court page whose markup's date its text bears out keeps it
    short = "Order list\n\nThe petition for a writ of certiorari is denied. The motion of May 3, 2017 is granted."
    assert document_date(known=None, known_source=None, title="Orders", first_page=short, meta_date="2017-07-13",
                         kind="court", text=short) == (date(2017, 7, 13), "metadata")


MASTHEAD = """City of Harwick Licensing Board
Voting Hearing Agenda
October 1, 2020
(all members present)

Disciplinary Hearings: September 29, 2020

1. Harbor Grill, LLC.
Location: 12 Front St
Date: 03/22/2020
Notice: Patron injured on premise."""

MASTHEAD_HEARING = """Commissioners: Mayor Dana Ruiz, Chair
Voting Agenda
January 21, 2021 at 10:00 a.m.

Emergency Premise Inspection Hearing:
Tuesday, January 19, 2021
1. Licensee Name: West End Dining, LLC"""


# the paper's name and its date on one line, over an incident's "Date:" field
MASTHEAD_NAMED = """Town of Harwick Commissioners:
Mayor Dana Ruiz Jo Ellen Park, Chairman
Licensing Board Marcus T. Lee
Voting Agenda, March 11, 2021
(all members present)
1) HARBOR GRILL, INC., Location: 12 FRONT ST
Date: 12/05/2020 Notice: Patron injured on premise.
NO VIOLATION"""

# a dozen lines of the board's people above the masthead, then a hearing the votes follow
MASTHEAD_DEEP = """Commissioners:
Jo Ellen Park, Chairman
Town of Harwick
Marcus T. Lee
Acting Mayor Dana Ruiz
Priya N. Shah
Licensing Board
Executive Secretary:
Owen Castellanos
Voting Agenda
June 3, 2021
All members present
Transactional Hearing: June 2, 2021
1. Bakery Row, Inc."""


@pytest.mark.parametrize("text, expected", [(MASTHEAD, date(2020, 10, 1)), (MASTHEAD_HEARING, date(2021, 1, 21)),
                                            (MASTHEAD_NAMED, date(2021, 3, 11)), (MASTHEAD_DEEP, date(2021, 6, 3))])
def test_a_meeting_papers_masthead_date_beats_an_items_date_field_and_a_hearing_it_reports(text: str, expected: date) -> None:
    """docdate.v13: an incident's "Date: 03/22/2020" and the hearing the votes follow ("Hearing: Tuesday, January
    19, 2021") used to date a voting agenda whose masthead states its own day."""
    assert from_text(text, kind="minutes") == expected


TOWN_MASTHEAD = """# Town of Harwick
April 20, 2020

## MINUTES/DISBURSEMENTS
Motion by Dana Hill, second by Gary Fenn to approve the emergency meeting on March 24. Motion carried."""

APPROVED_BY_NAME = """Harwick Town Board
Motion by Dana Hill, second by Gary Fenn to approve the emergency meeting on March 24, 2020. Motion carried.
The regular meeting was held on April 20, 2020 by teleconference."""


@pytest.mark.parametrize("text", [TOWN_MASTHEAD, APPROVED_BY_NAME])
def test_a_town_masthead_and_a_meeting_approved_by_name(text: str) -> None:
    """docdate.v14: a town names a masthead ("# Town of Harwick" / "April 20, 2020"), and the meeting a motion
    approves by name ("to approve the emergency meeting on March 24") is another meeting's day."""
    assert from_text(text, kind="minutes") == date(2020, 4, 20)


AGENDA_FOR = """CITY OF MERRILL, OHIO
Dana Hill, President
Council Agenda For October 7, 2019

Regular Meeting held on September 30, 2019. All members were present. Minutes of the previous meeting approved.
| 1 | ORDINANCE accepting a vacation plat for a portion of Elm Street; and declaring an emergency. (9/30/19) |"""

MINUTES_OF = """Harwick Board of Education
Minutes of Tuesday, March 3, 2020
The special meeting held on February 25, 2020 was reported on by the clerk."""


@pytest.mark.parametrize("text, kind, expected", [(AGENDA_FOR, "agenda", date(2019, 10, 7)),
                                                   (MINUTES_OF, "minutes", date(2020, 3, 3))])
def test_the_meeting_an_agenda_or_minutes_heading_names_beats_an_earlier_meeting_told(text: str, kind: str,
                                                                                       expected: date) -> None:
    """docdate.v15: "Council Agenda For October 7, 2019" names the agenda's meeting; the earlier meeting it
    reports on ("Regular Meeting held on September 30, 2019") used to date it."""
    assert from_text(text, kind=kind) == expected


WAIVER_LETTER = """DEPARTMENT OF HEALTH & HUMAN SERVICES OFFICE OF INSPECTOR GENERAL
Washington, D.C. 20201

March 9, 2017

Dana Reyes, M.D.
12 Elm Street
Harwick, OR 97000

Dear Dr. Reyes:

As described in the notice of exclusion to you dated October 4, 2016, your exclusion became effective
20 days from the date of that letter. By letter dated March 2, 2017, the State Medicaid Director requested
a waiver of your exclusion."""


@pytest.mark.parametrize("kind", ["report", "press"])
def test_a_letter_is_dated_by_its_own_line_not_by_the_papers_it_names(kind: str) -> None:
    """docdate.v16: "the notice of exclusion to you dated October 4, 2016" and "By letter dated March 2, 2017"
    are other papers' days; the letter's own date stands alone on its line (it was dated by the notice)."""
    assert from_text(WAIVER_LETTER, kind=kind) == date(2017, 3, 9)


STAMPED = """                                                                  APPROVED
                                                                  06/08/2022

Harwick Unified School District
Board of Trustees
1200 Elm Avenue, Harwick

                              Board of Trustees Minutes
                                    May 24, 2022

Regular Meeting
The meeting was called to order at 6:00 p.m. by the president, Dana Hill."""

FRONT_MATTER = """---
title: May 2019 Minutes
subtitle: Regular Session of the Harwick Harbor Commission
date: 05/30/2019
author: /clerk
---

Tuesday, May 14, 2019 06:30 PM at the Harbor Office

# CALL TO ORDER
Chair Hill called the meeting to order at 6:30."""


@pytest.mark.parametrize("text, meta_date, expected", [(STAMPED, None, date(2022, 5, 24)),
                                                       (FRONT_MATTER, "05/30/2019", date(2019, 5, 14))])
def test_a_stamp_or_front_matter_above_the_minutes_is_not_the_meeting_day(text: str, meta_date: str | None,
                                                                          expected: date) -> None:
    """docdate.v18: the day a paper was approved, stamped above its masthead, and the day a site posted the
    page (its front matter's "date:") dated every act of the meeting."""
    got = document_date(known=None, known_source=None, title=None, first_page=text, meta_date=meta_date,
                        kind="minutes", text=text)
    assert got == (expected, "first_page")
    # front matter alone still gives its date, from the page's metadata
    assert document_date(known=None, known_source=None, title=None, first_page=FRONT_MATTER.split("\n\n")[0],
                         meta_date="05/30/2019", kind="minutes")[0] == date(2019, 5, 30)


@pytest.mark.parametrize("stamp", [
    "Case: 1:18-cv-05587 Document #: 1000 Filed: 06/01/21 Page 8 of 18 PageID #:32475",
    "Case 20-12345-abc Doc 45 Filed 06/01/21 Entered 06/01/21 14:32:10 Desc Main Document Page 1 of 5",
    "Case 1:20-cv-01234 ECF No. 45, PageID.123 Filed 06/01/21 Page 1 of 5",
    "Case 3:19-cv-00321-JD Document 88 Filed 06/01/2021 Page 2 of 9",
])
def test_a_district_courts_filing_stamp_however_it_writes_its_fields(stamp: str) -> None:
    """docdate.v20: the Northern District of Illinois writes "Case:", "Document #:" and "Filed:"; a
    bankruptcy court "Doc" and "Entered"; others "ECF No." with a PageID between. Each stamp is the
    day the paper was filed, though the page's body states no full date at all."""
    body = "the Receiver continues to pile on fees, and the 11th Fee Application is denied in part."
    assert _date(f"{stamp}\n\n{body}", "court") == (date(2021, 6, 1), "first_page")
    # a stamp's shape without its case and entry is no stamp: nothing dates this page
    assert _date(f"Filed 06/01/21\n\n{body}", "court") == (None, None)


@pytest.mark.parametrize("written", ["Sept.5, 2021", "September 5 , 2021", "the 5th day of September, 2021",
                                     "5th day of September , 2021"])
def test_full_dates_written_the_ways_ocr_and_forms_write_them(written: str) -> None:
    """docdate.v20: a stop glued to the day ("Sept.5"), a space before the comma (OCR, some word
    processors) and the formal "5th day of September, 2021" are full dates: an order dated only so
    has a date, from its cue or as the latest day it states."""
    assert _date(f"ORDER\n\nThe motion is granted.\n\nDated: {written}", "court") == (date(2021, 9, 5), "first_page")
    assert document_date(known=None, known_source=None, title=None, first_page="ORDER", meta_date=None,
                         kind="court", text=f"ORDER\n\nOn {written}, the clerk entered the judgment.") == \
        (date(2021, 9, 5), "inferred")


@pytest.mark.parametrize("caption, expected", [
    ("REAGAN, United States Marshal, et al.\n\nv.\n\nAIKEN et al.\n\nJune 1, 2021.", date(2021, 6, 1)),
    ("UNITED STATES DISTRICT COURT\nUNITED STATES OF AMERICA v. JOHN ROE\nTRANSCRIPT OF SENTENCING HEARING\n"
     "Monday, June 7, 2021", date(2021, 6, 7)),
])
def test_a_court_paper_with_no_cue_is_dated_by_its_captions_own_line(caption: str, expected: date) -> None:
    """docdate.v20: a caption's day alone on its line, with no "Decided" or "Filed" before it, dates the
    paper; the latest day its story states (a hearing two months before) did, as an inferred date."""
    body = ("Mr. Justice Brewer delivered the opinion of the court. On April 2, 2021, the jury returned its "
            "verdict, and on April 9, 2021, the defendant moved for a new trial.")
    text = f"{caption}\n\n{body}"
    got = document_date(known=None, known_source=None, title=None, first_page=text, meta_date=None,
                        kind="court", text=text)
    assert got == (expected, "first_page")
    # a date inside a sentence is no caption: that page is dated by the latest day it states
    assert document_date(known=None, known_source=None, title=None, first_page=body, meta_date=None,
                         kind="court", text=body) == (date(2021, 4, 9), "inferred")
