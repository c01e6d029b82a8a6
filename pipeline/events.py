"""Events: a sentence with an action word that carries a date, or sits in dated minutes.

Dates resolve in document order so "two weeks later" anchors on the date before it; a sentence
without a resolvable date stays undated (no date is invented).
"""
from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import replace
from datetime import date, timedelta
from typing import Any

from index.ids import derive
from index.kinds import MEETING_KINDS
from pipeline import dates, page_runs
from pipeline.date_offsets import count_from_dates
from pipeline.date_rules import DAY_NAMED_RE, FRONTED_RE, MONTH_ALT, WRITTEN_DAY
from pipeline.candidates import procedural
from pipeline.court_orders import minutes_of_proceedings
from pipeline.event_filter import NO_TRIGGER
from pipeline.decided_items import entered, items_over_pages, sections_over_pages
from pipeline.lexicon import MEETING_PROCEDURE, MINUTES_TRIGGERS, NUMBER_LABEL_BEFORE
from pipeline.story_days import (CLOCK, DAY_END, INCIDENT_KINDS, STORY_KINDS, TODAY_TIME, TOLD_DAY, TOLD_TIME, clocked, incident_day,
                                 in_quotation, past_midnight, story_day, story_step)
from pipeline.earlier_meeting import earlier_meeting_day, passed_before
from pipeline.listed_acts import listed
from pipeline import testimony
from pipeline.transcript import is_transcript
from pipeline.verdicts import result_told

VERSION = "events.v133"   # v133: days listed with their years that the model tags as one span ("the April 19, 2022, June 21, 2022") are read as the first (dates._first_of_two) and join the list after them (_LISTED_DAY); v132: an agenda's section of what its body passed at the previous meeting ("ORDINANCES & RESOLUTIONS PASSED AT PREVIOUS MEETING" / "RES 252-2019 expressing support … VOTE 13-0") tells acts done at that meeting, dated by the day the agenda states for it ("Regular Meeting held on September 9, 2019."; pipeline/earlier_meeting.py); v131: in a story or a press release, an act told inside a quotation is the speaker's word, no entry, whatever day its attribution gives the saying ("“The democracy of this nation … is now being wrecked …”", "Mr Shapps said on Twitter: “… remove Turkey … this week.”"); one told outside it or dated by the paper's own words stays (QUOTING_KINDS); v130: a year after "In" run by the model into the name after it ("In 2011 Kilgore LLC borrowed …") is a date (_GLUED_YEAR); v129: a weekday of a week counted from the document's ("on Monday of this week", "Friday of last week") is that day (dates._weekday_of_week); v128: in a council's transcript, the meeting's own day said ("today", "this morning", "tonight") dates only a verdict, a motion or an act told as done in the past ("This morning, members of Council joined me to raise a flag"), not a speaker's talk there ("Today, members of Council are wearing gold ribbons", "what we are approving this morning") (_MEETING_NOW); v127: a count of days, weeks, months or years ago hedged or given two ways ("a couple of years ago", "nine or ten days ago", "a month or so ago", "probably six weeks ago"), which dateparser reads as nothing, is counted back from the document's day, two counts making the span from the farther to the nearer (dates._counted_ago); v126: in minutes, a list under a line announcing another meeting's report with its day or month ("Chair Dausman gave a report from the October Planning Commission meeting:" / "- Jacob McKay was sworn-in as Commissioner.") is done at that meeting (_reported_meeting); v125: in minutes, words quoted (a policy read out, an ordinance's section, an amended line of earlier minutes: "“Section 3. The Land Development Ordinance is amended by …”") take no meeting day: they are the text's, no act of the meeting; v124: an item of a list of decisions opened by its case number in a table's first cell and ended by a court's disposition in mixed case ("1200483 | Brett A. Deslonde v. …" / "| (Appeal from …)." / "| Affirmed.", "Affirmed. No Opinion.") is one entry, its act the disposition (decided_items._ROW_DECISION); v123: in minutes, a speaker's testimony under their name-and-address line ("Ken Marlow, 5548 Dogwood Drive, Rivergrove, OR" / "Mr. Marlow said that …") is one act of the meeting, its first sentence, whatever its words; the rest of what the speaker told ("He boats 100 days a year.", "She noted that …") takes no meeting day, only a day of its own (pipeline/testimony.py); a month before "financials", "bills", "warrants" or "invoices" labels the paper ("accept the October 2017 financials"); v122: a section's decision over its items goes on over a page break ("Special 1-Day Malt Wine" / "GRANTED" / items on the next pages), each item an entry with the section's decision and day; the section decision's line is no entry of its own (decided_items.sections_over_pages); v121: an item run over a page break takes the next page's lines up to its decision ("8. Home Run Cafe, Inc." / … / "License #: …" … "GRANTED"), its fields read as sentences no entries (decided_items._decided_by); v120: an item of a list of decisions whose decision opens the next page is one entry on its page, its quote run on to the decision ("… Attorney: Chase Liu" / "GRANTED"); the bare decision and the item's lines are no entries (decided_items.items_over_pages); v119: a weekday after a word that makes it a time ("Earlier Saturday, Yoon apologized …", "By Sunday, …"), which the model may leave untagged, is that day (_WEEKDAY); v118: a clause's act from a description in the present or a participle after its noun (nlp.v176) is dated only by a date of its own; v117: a sentence whose main act gets no date stands for the past act of its clause that has one ("… after the owner said a man entered the salon on Tuesday", candidates._dated_clause, _with_fallbacks); v116: a DATE the model reads with its label ("Item 2004", "Resolution No. 1998") is a number, no year; v115: an item of a list of decisions is dated by the list's day or the entry of an order it states ("Order entered 2/19/20."), never by a day it names (an incident's "Date:", the trial court's "Ruling Date"); v114: in minutes, a year before a closed-class word ("began in 2009 with a group of …", "in 2012 there were …") dates the act, it labels no thing as "the 2018 budget" does; v113: more citations date nothing: a reporter with its publisher ("64 T.C.M. (CCH) 948, 952 (1992)"), a statute's or a treatise's section with its edition's year ("§ 1051(a), (c) (2004)", "sec. 33:3 (2019)") (_CITED); v112: no act takes the day of a paper written before 1900 (an 1891 opinion's "The judgment, therefore, will be affirmed.", now that docdate.v20 dates such a caption): no entry is dated before EARLIEST, however its date was found; v111: in a court paper, this case's lower court acting with no date of its own ("Following a hearing, the district court denied the motion.") takes the day of the order cited right after it ("Mem. Op. at 1 (Feb. 12, 2007).") (_cited_order_day); v110: a cited book's edition ("Black's Law Dictionary 1635 (9th ed. 2009)") and a court rule's year ("3d Cir. L.A.R. 113 (2008)") date nothing (_CITED); v109: what a paper says it is doing, in the present ("Plaintiff files this complaint …", "Counsel files these objections …", "X submits this letter …"), is done on its stated day, as its "hereby" is (_HEREBY); v108: in a court paper or a report, a sentence opening on a day and its hour ("On September 9, 2006, around 9:00 p.m., Officer Alton stopped a car …") tells an incident: its next steps within 1,500 characters, no date of their own, take that day, marked anaphoric (story_days.incident_day); v107: a day labelling an incident the act concerns ("arrested … in connection with an April 8 shooting") does not date the act beside another date of it ("Last week, police arrested …") (_labels_an_incident); v106: a story's step told as before the day told last ("Day previously deployed a state of emergency …", "had earlier voted") does not take that day (story_days._BEFORE_TOLD); v105: a day, week, month or year counted from the one told last, opening a sentence the model leaves untagged ("The following day, the court granted the motion.", "That same day …"), is that day (story_days.TOLD_DAY); v104: in minutes, a resolution's recital ("WHEREAS the Act provides …") or a power it lists ("To sign any agreements …") takes no meeting day: only a day of its own dates it (_RECITAL); v103: in minutes, a day after "dated:" labels the paper ("the statement of accounts dated: May 23 & 26 …"), and a year after "Act," names a law ("the Municipal Act, 2001"); v102: a court's finding or order, or a paper's "hereby", inside a quotation ("'We find that this question … is a jury determination,'" quoted from an earlier opinion, a compact's "Each state hereby grants …") is not the paper's own act of its day; v101: a day before the minutes, an agenda or a packet it labels, up to three words between ("approve the Consent Calendar, specifically the May 23, 2018 minutes", "the March 31, 2022, quarterly Financial Status Report"), names the paper: the act takes the meeting's day (_PAPER_NOUN_AFTER); v100: a motion written with its mover and seconder and no verb ("Motion by Janet Keough, second by Dick Dillon to pass the attached resolution …") is the meeting's act (verdicts.VERDICT); a slip opinion's citation, its pages blank ("Sossamon v. Texas, 563 U. S. ___, ___ (2011)"), dates nothing (_CITED); v99: a table row is dated by the first of its first cells that holds only a day (_date_cell), whatever day its text tells ("| 03/30/2017 | 17 | ORDER …: On 3/15/17, Magistrate Judge … filed …", "| 24 | | Filed & Entered: | 06/12/2017 | | Terminated: | 06/13/2017 |", "… answer due 12/26/2017"), as eval/real/ANNOTATING.md dates a row; v98: a roll-call vote's fields in mixed case ("Aye: Trustees …", "No: None", "Absent: …", "Student Advisory Vote: Aye") are no speaker labels: five of them after every motion made a board's minutes a transcript, whose meeting day then dated none of its motions (pipeline/transcript._VOTE_FIELD); v97: a numeric day with a two-digit year after "on" ("on 3/25/08", a docket's "Dft sentenced on 3/30/09"), which the model tags a number, is a day (not a field's "Decision Date: 09/30/25" nor an exhibit list's "10/7/07 Email from …") (_MISSED; pipeline/dates reads its century nearest the document); v96: a day with its month abbreviated between dashes ("05-Mar-2019", _FULL_DATE) and a numeric day with dashes, month first ("3-5-2019", _MISSED), which the model tags as nothing, are days; v95: a month without its year in a story told in the past ("In May 2014, … In July, a general issued her a letter"), within two paragraphs of a month or day with its year, is the first such month from it on (July 2014), unless it is one of the document's last two months (_month_in_story); v94: v92's model year only after a determiner ("a 2015 Ford", "his 2009 Honda"; "In 2015 Ford recalled …" keeps its year); v93: a period whose ends are hedged ("from at least as early as January 12, 2012, through at least as late as April 19, 2017", "between about March 2019 and June 2019") is one span, dated at its start (_HEDGE); v92: a vehicle's model year ("A 2015 Ford driven by Jane Doe struck a deer") is no year (_COUNT_AFTER); v91: a court's disposition in a release list's record takes the day its record labels ("Decree: AFFIRMED" / … / "Opinion Date: 01/13/2025"), not the list's (_record_date); v90: a sentence that tells a time long past with no day ("After Apple suffered a slump in the mid-1980s, he was forced out", "which Apple bought years later") does not take the day the story told last (_long_ago); v89: v87's date cells withdrawn ("LC Case #: …; Ruling Date: …", "Trial Court … Date:" date a list's row again, as the reference dates a table's row by its date cell; a held-back bisection by clause, aggregates only); v88: a docket number opening on its year ("Consolidated with 2024-KM-01028-COA") is no year (numbered, _SERIAL_SPAN); v87: a court list's day of the decision below dates no act of this court ("LC Case #: …; Ruling Date: 07/18/2024", "Trial Court Judgment Date: …", a lower court's case in brackets with its day "(14-22-00013-CV, 704 SW3d 37, 08-31-23)") (_BELOW); v86: a running header or footer glued into the text, the day then the page's count ("January 12, 2011 7 of 18", "… January 27, 2020 Minutes Page 1 of 3"), dates nothing (_PAGE_HEADER); v85: more of a legal citation dates nothing: a reporter written with an apostrophe ("84 F. App’x 253, 256-57 (3d Cir. 2004)"), pins whose volume and reporter were on the line before ("669, 677 (3d Cir. 1999)"), a reporter's page that looks like a year ("129 S.Ct. 1937") and a docket's number ("No. A5943- 17T2, 2019 WL …") (_CITED); v84: days listed one after another, each written with its year and joined by a comma, a semicolon or "and" alone ("on October 18, 2017 and November 15, 2017", "its June 21, 2017, July 19, 2017, and October 18, 2017 hearings"), are one act told over several days, dated at the first as a span is, when the model tagged them apart (_ranges; one span's "X and Y" is pipeline/dates._first_of_two); v83: writing to someone ("On March 6 Mr Joseph wrote to her insisting …", "the mayor wrote to the Secretary") is a letter sent, a candidate, not a quote's attribution (candidates._wrote_to); v82: "proposed" or "scheduled" at its sentence's root is no planning cue of itself ("Ly proposed to the Council that the center be renamed", "the board scheduled a hearing"): a proposal made, done; "was expected to have a vote" stays ahead (candidates._planned); v81: a paper's own performative with no date of its own ("Your request is hereby approved.", "I hereby resign …") is an act of the paper's stated day, outside agendas and news; v80: a part of the document's own day or the night before ("this afternoon", "late last night", "tonight"), tagged TIME or untagged, is that day; a month with its year counted from the document's ("in January this year", "March 5 of last year") is that month or day (pipeline/date_rules.py); v79: a ruling's day ("appeal the February 27, 2007 judgment") labels it only beside another date of the act ("vacated the March 5 order on March 12"); alone it is the day told ("follows a 26 December 2019 ruling"); a figure that exceeded an amount ("These losses exceeded $31 million") is a statistic; v78: a source cited on a line that ends on its web address with a day beside it or inside it ("Rand Report: …, July 7, 2010, https://…", "… - Los Angeles Times https://…/2022-12-15/…") and a request to the reader ("please notify us …") are no candidates; v77: a day after a determiner before a paper's noun ("reviewed the March 5, 2010 memorandum", "withdrew its June 2 letter") labels the paper, unless the act was done by it ("In a March 5 letter, the agency asked …"); "issued our report dated June 29, 2012" is the act of that day; a capitals verdict before one plural word on its line ("TABLED ITEMS", "APPROVED MINUTES") is a section heading, no verdict; v76: the days a paper or a payment covers ("the warrant runs for the dates of October 15, 2022 through November 1, 2022", "Financial statements for the year ended 31 August 2012", "the quarter ending June 30, 2019") date no act; a day-first date inside a wider span ("the year ended 31 August 2012") is read whole; v75: the day of a gathering an act looks toward ("invited … to the Sept. 9 meeting", "well ahead of a Nov. 29 meeting") does not date a done act; v74: a quantity that moved, told with its period and no measure ("the property crime rate has fluctuated", "trends have worsened in 2020", "The amount of major crimes … has increased"), is a statistic, no candidate (candidates._QUANTITY_NOUNS), unless an act is told beside it; v73: what a speaker asks, suggests or urges, with no other trigger word and no date ("She asked if the boat ramp is a lawful use", "He implored Council to keep the ramp open", "She suggested the City post a sign") is no candidate unless its clause tells something done (candidates._ASKING); v72: a date inside a quoted title ('the memorandum, entitled "October 2013 Performance Review"') or the month, quarter or year a paper is for ("the metrics report for the fourth quarter of fiscal year 2013", "the financial statements for March 2013") names the paper: in minutes the act takes the meeting's day; v71: a day told the formal way ("HELD THIS 12TH DAY OF JANUARY, 2011", "this 5th day of March, 2019"), which the model splits or whose "this" stopped it parsing, is that day; v70: a trigger in a purpose clause ("… set a hearing … to adopt the codes") is no better an act than the main verb ("On October 18, 2022, the Board introduced an ordinance"): the main verb is chosen first; v69: a person's habit or state told in the simple present, no trigger word, no date ("He works downtown", "She paddleboards and kayaks from the ramp") is no candidate (candidates._habit); v68: a closed-caption file whose turns run on inside its lines ("… Congratulations. Al Sigala: Thank you", "Saltzman: Sure. Fish: What …") is a transcript, its labels read when their last word is a name (pipeline/transcript.py); v67: a year before a ruling or a permit ("the 2007 award", "the Board's 2010 Approval") labels it, like a year before an agreement; v66: a bare year after "for" ("deficiencies … for 2010 and 2011", "For 2008 he reported a net loss", "the schedule for 2023") is the period an act concerns, not its date; v65: a docket day without its comma ("| Apr 13 2022 |"), which the model reads in part ("13 2022"), is read whole; v64: a period the model tagged in two parts is one span dated at its start ("Between 2002 and" / "2010", "From October 18, 2005, through June 1, 2007", "late August and early September 2011"); v63: a view, a wish or a feeling told with no act done in its clause ("She believes the ramp should not be used …", "He doesn't want …", "She supports a compromise") is no candidate (candidates._opinion); v62: an iQM2 minutes' "RESULT: APPROVED [UNANIMOUS]" line is no act of its own under a procedural item ("2. APPROVAL OF THE AGENDA") or under a motion sentence that tells the act (pipeline/verdicts.result_told); v61: a date after "dated" labels the paper it follows ("Service Bulletin …, dated June 24, 2020, describes …"), unless the act was done by that paper ("By letter dated May 27, 2016, X requested …");  in every kind of document, a year right before a paper's name ("the 1999 Agreement", "the 2015 KPMG Report", "its 2005 settlement agreement") labels the paper and dates no act; v60: more words label a number that is no year ("Figure 2019", "Table 2010", "Schedule", "Appendix", "Attachment", lexicon.NUMBER_LABEL_BEFORE, shared with extract.nlp_text); v59: a full date a text glued to its month ("October3, 2024") is read whole; v58: an agenda is written before its meeting: an act its staff report tells as done with no date of its own takes no meeting day (an action agenda's verdicts keep it); v57: a page of the Congressional Record's floor proceedings is a transcript (its turns "Mr. MICA. Mr. Speaker, …", pipeline/transcript.py): the meeting's day dates the floor's acts, not the speeches; a year before 1900 told as a year ("In 1852, Brumidi immigrated") is read as a date no entry can carry, so neither the meeting's nor the story's day dates its sentence; v56: the day a state or a figure holds "as of" ("total assets as of June 30, 2011") dates no act; v55: a court's disposition alone on its line, under a case of a release list ("| Affirmed.", "Petition Denied. No Opinion.", "Reversed and remanded."), is its act of the decision's day (pipeline/verdicts.py); v54: a court's minutes in capitals are its acts of the hearing's day ("the Motions are TAKEN UNDER SUBMISSION", "… is TAKEN OFF-CALENDAR", "SUSTAINED", "OVERRULED", "CONTINUED"); the day a hearing was set for ("set for November 5, 2018") dates no done act of the sentence; v53: a vote's tally or record in minutes or a council's transcript ("The vote Your Worship, Yeas 13, Nays 3.", "A RECORDED VOTE was taken", "Councillor X is negative on 1 and 2.") is a decision of the meeting's day (pipeline/verdicts.py); v52: "since 2007" starts something still going on ("has increased … since 2007", "its first since 1980"): no date of an act, like "before X" (pipeline/dates.py), and a story's next step takes no day across it; v51: more words tell a story's next step ("On this occasion, …", "At that point, …", an opening "As she concluded the debate, …"); v50: in minutes, "MOTION: That the budget request … be approved." records the motion made at the meeting, an act of its day (an agenda's motion, "Recommended motion:" and the procedural motions stay off); v49: more legal citations date nothing: a reporter with "&" ("26 I&N Dec. 288, 290 (BIA 2014)"), a database citation's court and day in brackets ("1997 WL 582901, *3 (D.C. Cir. Sept. 23, 1997)"), a public-domain citation after a case's name ("Buchanan v. Carlex Glass Co., 2015 TN Wrk. …"); v48: an act someone tells of with its month and year or its year written out ("noted that a federal judge rescinded the designation in March 2016", "explained that in 2009, Congress signed …") is dated so; "last year", "in March" and a fiscal year stay background; v47: a court's minutes of its proceedings ("CIVIL MINUTES - GENERAL", "MINUTE ORDER") are minutes: what they tell in the present is done on the day of the hearing (pipeline/court_orders.py); v46: an early hour ("Around 12:30 a.m.") after a night told ("on Sunday night") is the next day; a story step takes the start of the day told, not a night's two days; v45: "April 25 and 26, 1996", tagged apart, is one period of that year (pipeline/dates.py reads "this the 13th day of September, 2019"); v44: in minutes, a date after "dated" (and one joined to it by "and"), a fiscal year ("the FY17 budget request") and a span of years before a noun ("the 2021-2022 City Council Priorities") label papers and do not date the act, which takes the meeting's day; v43: in an appellate opinion, "X argued the cause" takes the day its head says the case was argued ("Argued September 3, 1997"); v42: a story's year carries over a page break; in a court decision a day without its year keeps the case history's year even in the weeks before the decision ("CEVA denied the claim on August 13" after "On July 25, 2018" in an October 2019 order); v41: two dates the model tagged apart that make one period ("between October 2014 and April 2015", "from May 2019 to June 2020") date the act by the period, not by its end; v40: "By sundown", "at dusk" is the day the story told last; v39: "AD 2018– 23–51" (an airworthiness directive's number, a space after its dash) is no year; v38: in minutes, opening and closing the meeting itself ("convened a meeting of the Board members on …", "the members closed the meeting for executive session") and a line announcing a procedural motion ("The following motion was made …:" over the minutes' approval) are no acts; v37: the story's day carries from step to step, up to six paragraphs, and stops at a year or a month told; a step no trigger word chose takes it too, unless it says what someone said; v36: in news, a step of the story with no date of its own ("Kangaloo then cast her vote.") takes the day told close before it, marked anaphoric; a date inside a quotation does not become the story's day; a morning hour told after an evening one ("By 2:30 a.m." after "At 10:41 p.m.") is the next day; v35: a weekday written with a day without its year ("on Monday, Dec. 14" in a story of Dec. 16, 2016) takes the year in which that day was that weekday (2015), up to six years back (pipeline/dates.py); a story's year carried past a paragraph keeps the weekday too; v34: the day a cited web page was read ("Accessed at http://… on August 26, 2016", "(last visited May 3, 2016)") dates no act ("was accessed on March 11 by an intruder" stays); v33: a full date the model tagged only in part ("On or about February 8, 2019": its DATE is "2019") is read whole; a pin cite ("2017 WL 6453326, *5 [SDNY 2017]") is part of a citation; v32: a part of the day or a few hours on ("That night", "Hours later", "Late that evening", "the next morning") is counted from the day the story told last, even when the small model tags it TIME or nothing; v31: in minutes, a date in a bracketed aside ("(introduced April 19, 2022 …)") does not date the act, which takes the meeting's day; v30: a month told with its year ("in March 2024") places a later day of that month without its year ("on March 12") in that year, unless in the document's last 60 days; v29: a date of birth ("DOB: 06-08-1992", "born in 1990") dates no act; v28: past a paragraph break, a day without its year keeps a told date's year only for the story's next days (45), and not when it is in the document's last 60 days; v27: two dates joined by "and" ("June 17, 2020 and June 19, 2020") date the act by the first (pipeline/dates.py); v26: in minutes, an item of a list that a done act announces ("… reported the following business items:") is that act, of the meeting's day (pipeline/listed_acts.py); v25: v24 withdrawn ("as of" dates, with nlp.v45); v23: in minutes, a trigger outside the minutes' list with no date of its own takes the meeting's day for the learned filter to judge, like a sentence no trigger chose; v22: days counted from a written date ("the day after the Dec. 30 shooting") are that date plus the count (pipeline/date_offsets.py); v21: a figure over a fiscal year ("In FY 2011, courts sentenced 208 defendants") is a statistic, no act; v20: a year opening a serial number ("AD 2018–23–51", "2019-0412") is no date; v19: a sentence that runs over a page break is quoted whole, its fragment on the next page no event (pipeline/page_runs.py); v18: a year the model split off a day ("August 24" + "2020") is not read again once the day has grown into "August 24, 2020"; v17: in a transcript (speaker-labelled turns, pipeline/transcript.py) the meeting's day dates only a verdict or a performative said now ("I move …"), not what a speaker tells of; v16: a docket row's opening date cell dates its entry ("| 04/21/2005 | 126 | MOTION … (Entered: 04/25/2005)"); v15: a quote stops before the skipped page furniture (a running footer, a page number) its sentence ran on into; v14: a year or day inside a legal citation ("817, 823 (Tex. 2012)", "1004 [2024]", "2019 WL 123456") is when a cited case was decided, no date of an act here; v13: a period that runs to the present ("received from January 1, 2017 to the present") dates no act; v12: month names from date_rules.MONTH_ALT, whole words ("marching 3" is no date); v11: a written-out date beats a relative one that opens the sentence; v10: in minutes, a date that names a paper ("the report of June 11th", "the agenda dated May 28th") or a year that labels a thing ("the 2018 budget") does not date the act, which takes the meeting date; v9: a time that names its day ("3:15 p.m. Dec. 22", "late Tuesday") dates like a date; the one date inside a DATE span drawn too wide ("Dec. 18, a day") is read; v8: a day without its year after a full date in its paragraph keeps that date's year; v7: a day before its month ("26 December 2019") is part of the date; v6: a paragraph opening on a date label dates its sentences that have none (blotters, logs); v5: numeric days (03/04/2024, 2024-03-04) the small model misses; v4: a learned filter over every datable sentence (pipeline/event_filter.py); v3: labelled numbers are not years; impossible dates refused
QUOTING_KINDS = ("news", "press")   # papers that quote people, whose quoted words are theirs
DATED_KINDS = MEETING_KINDS   # records whose sentences happen at the meeting they minute
_MEETING_PROCEDURE = re.compile("|".join(MEETING_PROCEDURE), re.IGNORECASE)
_YEAR_AFTER = re.compile(r",?\s+(\d{4})\b")
# spaCy's small model reads "FY2019" as nothing, "Q1" as a number, and a numeric day ("03/04/2024" in a
# docket's or a blotter's table, "3-4-2024", "2024-03-04", and a two-digit year's "on 3/4/24") as nothing at all
_MISSED = re.compile(r"\b(?:FY\s?(?:19|20)?\d{2}(?:[-–/]\d{2,4})?|Q[1-4]\s+(?:FY\s?)?\d{4}"
                     r"|\d{1,2}/\d{1,2}/(?:19|20)\d{2}|(?<=\bon\s)\d{1,2}/\d{1,2}/\d{2}|\d{1,2}-\d{1,2}-(?:19|20)\d{2}|(?:19|20)\d{2}-[01]\d-[0-3]\d)\b(?![/-]\d)")
# a year after "in", "during", "since" or "until" with a capitalised word straight after it, which the small model
# reads as one name with it ("In 2011 Kilgore LLC borrowed $550,000", "In 2011 K LLC obtained Loan 2"): the year
_GLUED_YEAR = re.compile(r"\b(?:[Ii]n|[Dd]uring|[Ss]ince|[Uu]ntil)\s+((?:19|20)\d{2})(?=\s+[A-Z])")
# "winter weather", "summer camp": a season naming a kind of thing, not a time
_SEASON_WORD = re.compile(r"(?:winter|summer|spring|fall|autumn)\s+(?!of\b|in\b|and\b|or\b|to\b|when\b|break\b)[a-z]+",
                          re.IGNORECASE)
# Numbers that label or count things, never a year (events.numbered; the words before them: lexicon.NUMBER_LABEL_BEFORE).
_BARE_NUMBER = re.compile(r"(?:the\s+)?(?:no\.?\s*|#\s*)?\d{1,4}(?:[-–]\d{1,4})?", re.IGNORECASE)
# "the Great Ape Conservation Act of 2000", "the Municipal Act, 2001": a year in a law's name dates nothing
_NAMED_BEFORE = re.compile(r"\b(?:Act|Acts|Amendments|Code|Resolution)\s+of\s*$|\bAct,\s*$")   # "the Municipal Act, 2001"
_COUNT_AFTER = re.compile(r"\s*(?:hours\b|hrs\b|%|percent\b|block\b|[A-Z][a-z]+\s+(?:Street|St\.?|Avenue|Ave\.?|"
                          r"Road|Rd\.?|Boulevard|Blvd\.?|Drive|Dr\.?|Lane|Ln\.?|Way|Court|Ct\.?|Place|Pl\.?|"
                          r"Highway|Hwy\.?|Parkway|Pkwy\.?)\b|(?:students|people|residents|employees|workers|"
                          r"members|voters|homes|units|cases|children|families|calls|jobs|acres|feet|miles|"
                          r"pounds|dollars|copies|pages|signatures|votes)\b)")
# a vehicle's model year ("A 2015 Ford driven by …", "his 2009 Honda Civic"), after a determiner: "In 2015 Ford
# recalled …" is the year of the carmaker's act
_VEHICLE_AFTER = re.compile(r"\s+(?:Ford|Chevrolet|Chevy|Honda|Toyota|Nissan|Dodge|Jeep|GMC|Hyundai|Kia|Subaru|Volkswagen|"
                            r"VW|BMW|Mercedes(?:-Benz)?|Audi|Lexus|Mazda|Buick|Cadillac|Chrysler|Tesla|Ram|Harley-Davidson|"
                            r"Freightliner|Kenworth|Peterbilt|Volvo|Acura|Infiniti|Lincoln|Mitsubishi|Pontiac|Saturn|"
                            r"Oldsmobile|Plymouth|Suzuki|Yamaha|Kawasaki|Polaris|Land\s+Rover|Mini|Fiat|Porsche|Jaguar|"
                            r"International|Mack)\b")
_VEHICLE_DET = re.compile(r"\b(?:a|an|the|his|her|their|its|my|our|your|black|white|silver|gray|grey|red|blue)\s+$", re.IGNORECASE)
_TO_NOW = re.compile(r"\s*(?:to|through|until|till|[-–])\s*(?:the\s+)?(?:present|date|now)\b", re.IGNORECASE)
# A reported decision's year or day in a legal citation ("364 S.W.3d 817, 823 (Tex. 2012)", "41 NY3d
# 1004 [2024]", "2020 WL 2059848, at *3 (N.D. Cal. Apr. 29, 2020)"): when a cited case was decided,
# never an act of this document. A volume, a reporter and a page (pins after it), or a Westlaw
# star page, then brackets holding only court abbreviations before the date; the year that opens a
# database citation ("2019 WL 123456", "2026 NY Slip Op 00028").
_COURT_WORD = r"(?:(?:\d+(?:st|nd|rd|th|d)|[A-Z][\w.'’]*)(?:\s+|[—–-]\s*))"
_COURT_ABBREV = (r"[^()\[\]\n]{0,40}?(?:\b[A-Z]\.\s?[A-Z]|\b(?:Cir|App|Dist|Ct|Super|Supp|Bankr|Fed|Cl|Cal|Tex|Fla|Ill|Mass|"
                  r"Mich|Pa|Va|Wash|Wis|Ga|Ala|Ariz|Colo|Conn|Del|Ind|Kan|Ky|La|Md|Minn|Miss|Mo|Mont|Neb|Nev|Okla|Tenn|Vt)\.)")
# the reporters of US case law, whose volume and page stand either side ("129 S.Ct. 1937", "52 F.3d 1194")
_REPORTER = (r"(?:S\.\s?Ct\.|L\.\s?Ed\.(?:\s?2d)?|U\.S\.|F\.(?:\s?(?:2d|3d|4th)|\s?Supp\.(?:\s?[23]d)?|\s?App['’]x)?|"
             r"So\.(?:\s?[23]d)?|N\.[EW]\.(?:\s?[23]d)?|S\.[EW]\.(?:\s?[23]d)?|P\.(?:\s?[23]d)?|A\.(?:\s?[23]d)?|"
             r"Cal\.\s?Rptr\.(?:\s?[23]d)?|N\.Y\.S\.(?:\s?[23]d)?)")
_DECIDED = rf"[(\[](?:{_COURT_WORD}+(?i:{MONTH_ALT})\.?\s+\d{{1,2}},\s+|{_COURT_WORD}*)(?:19|20)\d\d[)\]]"
_CITED = re.compile(rf"(?:\b\d{{1,4}}\s+[A-Z][\w.&’']*(?:\s+[A-Z0-9&][\w.&’']*){{0,3}}?(?:\s+\([A-Z]{{2,5}}\))?\s+(?:\d{{1,5}}|_{{2,}})"
                    # (a reporter with its publisher: "64 T.C.M. (CCH) 948, 952 (1992)")
                    # (a slip opinion's page not yet known: "563 U. S. ___, ___ (2011)")
                    rf"(?:\s*(?:,|n\.)\s*(?:\*?\d+(?:\s*[–-]\s*\*?\d+)?|_{{2,}}))*|\bat\s+\*\d+)\s*{_DECIDED}"
                    r"|\b(?:19|20)\d\d\s+(?:WL|(?:U\.S\.\s+)?(?:Dist\.\s+|App\.\s+)?LEXIS|NY\s+Slip\s+Op)\s+\d+"
                    rf"(?:\s*,\s*\*?\d+)*(?:\s*{_DECIDED})?"   # "…, *5 [SDNY 2017]", "*3 (D.C. Cir. Sept. 23, 1997)"
                    # a public-domain citation after a case's name: "Buchanan v. Carlex Glass Co., 2015 TN Wrk. …",
                    # "LaGuardia v. Total Holdings USA, Inc., d/b/a …, 2017 TN Wrk. …",
                    # "Smith v. Acme Corp., 2019 IL App (1st) 181234"
                    r"|\bvs?\.\s+(?:[^;()\n]|\n(?!\s*\n)){1,100}?,\s+(?:19|20)\d\d\s+(?!WL\b|LEXIS\b|NY\s+Slip\b)[A-Z]{2,}\b"
                    # pins whose volume and reporter were on the line before ("669, 677 (3d Cir. 1999)", "at 797 (4th
                    # Cir. 2016)"): brackets that hold a court's abbreviation ("Cir.", "D.N.J.", "N.D. Cal.") and a year
                    rf"|\b\d{{1,5}}(?:\s*,\s*\*?\d+(?:\s*[–-]\s*\d+)?)*\s*[(\[](?={_COURT_ABBREV})[^()\[\]\n]{{0,40}}?(?:19|20)\d\d[)\]]"
                    # a reporter's page is never a year ("129 S.Ct. 1937", "84 F. App’x 253"), nor a docket's number
                    # ("No. A5943- 17T2, 2019 WL …")
                    rf"|\b\d{{1,4}}\s+{_REPORTER}\s+\d{{1,5}}\b|\bNos?\.\s+[A-Z]{{0,3}}\d\w*(?:\s*[–-]\s*[A-Z0-9]\w*)*"
                    # a book's edition ("Black's Law Dictionary 1635 (9th ed. 2009)", "Moore's Federal Practice ¶ 134.20[4]
                    # (3d ed. 2009)") and a court's rule with its year ("3d Cir. L.A.R. 113 (2008)")
                    r"|\((?:\d+(?:st|nd|rd|th|d)\s+|rev\.\s+)*ed\.\s+(?:19|20)\d\d\)"
                    r"|\b(?:[A-Z]\.){2,}\s*\d{1,4}(?:\.\d+)*\s*\((?:19|20)\d\d\)"
                    # a statute's or a treatise's section with the year of its edition ("Okla. Stat. Ann. tit. 22,
                    # § 1051(a), (c) (2004)", "Business Organizations sec. 33:3 (2019)")
                    r"|(?:§{1,2}|\bsecs?\.)\s*(?:[\w.:–-]+|\([a-zA-Z0-9]{1,4}\)|,\s*|\s+){1,12}?\((?:19|20)\d\d\)")
_BOUND = re.compile(r"\b(?:before|after|by|until|till|prior\s+to|ahead\s+of|no\s+later\s+than|"
                    r"not\s+until|for|since|as\s+of)\s+(?:the\s+end\s+of\s+)?$", re.IGNORECASE)
_AS_OF = re.compile(r"as\s+of\b", re.IGNORECASE)
# "set for November 5, 2018": the day a hearing was set for labels it, it dates no act of the sentence
_SET_FOR = re.compile(r"\b(?:set|scheduled|slated|calendared|noticed)\s+for\s+(?:(?:on|the)\s+)?$", re.IGNORECASE)
# "invited … to the Sept. 9 meeting", "asked for the papers well ahead of a Nov. 29 meeting": the day names a
# gathering the act looks toward, not when it was done
_TOWARD = re.compile(r"\b(?:to|for|ahead\s+of|before|until|prior\s+to)\s+(?:the|a|an|its|their|next)\s+$", re.IGNORECASE)
_GATHERING_AFTER = re.compile(r",?\s+(?:[a-z][\w-]*\s+){0,2}?(?:meeting|hearing|session|vote|election|deadline|conference|"
                              r"trial|workshop|forum|summit|sentencing|ceremony|rally|debate|town\s+hall)s?\b")


def _toward(text: str, d: dict[str, Any]) -> bool:
    return bool(_TOWARD.search(text, max(0, d["start"] - 30), d["start"])) and bool(_GATHERING_AFTER.match(text, d["end"]))


def resolve_page_dates(texts: list[str], analyses: list[dict[str, Any]], anchor: date | None,
                       fiscal_year_start_month: int = 7, kind: str | None = None) -> list[list[dict[str, Any]]]:
    """Per page, the DATE entities (and the fiscal years and quarters spaCy misses) with their
    resolved interval (None when unresolvable), in document order. `kind` "court": a decision tells
    its case's history, so a day without its year keeps the story's year even in the weeks before
    the decision (_narrative_years)."""
    spans = [(p, _with_bound(texts[p], _with_day(texts[p], _with_year(texts[p], e)))) for p, a in enumerate(analyses)
             for e in _date_spans(texts[p], a["entities"])]
    # "August 24" grown into "August 24, 2020": the model's separate "2020" is part of it, not a date again
    spans = [(p, e) for n, (p, e) in enumerate(spans)
             if not any(q == p and d["start"] <= e["start"] and e["end"] <= d["end"] and d is not e
                        for q, d in spans[max(0, n - 3):n])]
    # a date inside a quotation ("“… the happenings on Tuesday, 12/15/15,” the email began") is what
    # the speaker spoke of: it is read, but the story's next "At 10:17 p.m." counts from the day told before
    spans = [(p, {**e, "quoted": True} if in_quotation(texts[p], e["start"]) else e) for p, e in spans]
    told = [not e.get("quoted") for _, e in spans]
    spans = past_midnight(spans, told)
    resolved = dates.resolve_sequence([e.get("reads_as", e["text"]) for _, e in spans], anchor=anchor,
                                      fiscal_year_start_month=fiscal_year_start_month, told=told)
    previous = None
    for n, ((p, e), interval) in enumerate(zip(spans, resolved)):
        if interval is None and (inside := _date_inside(e)) is not None:
            interval = dates.normalize(inside["text"], anchor=anchor, previous=previous,
                                       fiscal_year_start_month=fiscal_year_start_month)
            if interval is not None:
                spans[n], resolved[n] = (p, inside), interval
        if told[n]:
            previous = interval or previous
    out: list[list[dict[str, Any]]] = [[] for _ in analyses]
    for (p, e), interval in zip(spans, resolved):
        if _AS_OF.match(e["text"]):
            interval = None   # "total assets as of June 30, 2011": the day a state or a figure holds, no act's
        if interval is not None and "reads_as" in e:
            interval = replace(interval, text=e["text"])   # the words as written, never the reading
        out[p].append({**e, "interval": interval})
    last: dict[str, Any] | None = None
    for p, found in enumerate(out):
        last = _narrative_years(texts[p], found, anchor, last, recent=kind != "court")
    return [count_from_dates(texts[p], found, anchor) for p, found in enumerate(out)]


_MONTH_NAME = rf"(?:{MONTH_ALT})\b\.?"   # the month names of pipeline/date_rules.py
# The date inside a DATE span spaCy drew too wide ("Dec. 18, a day", "age 23 in 2019"), read when
# the whole span is not a date; a span that counts from a date ("the day after the Dec. 30") is not it.
_DATE_INSIDE = re.compile(rf"\b\d{{1,2}}(?:st|nd|rd|th)?\s+{_MONTH_NAME}\s+(?:19|20)\d\d\b"   # "the year ended 31 August 2012"
                          rf"|\b{_MONTH_NAME}\s+\d{{1,2}}(?:st|nd|rd|th)?(?:,?\s+(?:19|20)\d\d)?\b"
                          rf"|\b{_MONTH_NAME}\s+(?:19|20)\d\d\b|(?<![\d/.,–-])\b(?:19|20)\d\d\b(?![/–-]\d)", re.IGNORECASE)
# a full date the small model tags as something else ("At the July 25, 2016, hearing": an EVENT), or
# only in part ("your September 7,2011, letter", "closed on October3, 2024": a text that lost a space)
# and a docket's day without its comma ("| Apr 13 2022 | MOTION DISTRIBUTED …"), which the model reads in part,
# and a day told the formal way, which it splits ("HELD THIS 12TH DAY OF" / "JANUARY, 2011")
_FULL_DATE = re.compile(rf"{WRITTEN_DAY}|\b(?:{MONTH_ALT})\.?\s+\d{{1,2}}\s+(?:19|20)\d\d\b(?![/:.-]?\d)"
                        rf"|\b\d{{1,2}}-(?:{MONTH_ALT})\.?-(?:19|20)\d\d\b"   # a docket's "05-Mar-2019"
                        rf"|\b(?:this\s+)?(?:the\s+)?\d{{1,2}}(?:st|nd|rd|th)?\s+day\s+of\s+(?:{MONTH_ALT})\.?,?\s+(?:19|20)\d\d\b",
                        re.IGNORECASE)
_COUNTS_FROM = re.compile(r"\b(?:before|after|since|until|till|following|prior|ago|later|earlier|from|between)\b",
                          re.IGNORECASE)
_YEARLESS_DAY = re.compile(rf"^(?:on\s+)?(?:[A-Za-z]+,?\s+)?{_MONTH_NAME}\s+\d{{1,2}}(?:st|nd|rd|th)?$", re.IGNORECASE)
_FULL_DAY = re.compile(r"\b(?:19|20)\d{2}\b")


def _date_inside(entity: dict[str, Any]) -> dict[str, Any] | None:
    """The one date written inside an unreadable DATE span, as a span of its own."""
    text = entity["text"]
    if "reads_as" in entity or _COUNTS_FROM.search(text) or _TO_NOW.search(text) or re.search(r"\d[/-]\d", text):
        return None   # counted from a date, a period to the present, a numeric range: no date of an act
    found = list(_DATE_INSIDE.finditer(text))
    if len(found) != 1 or found[0].group(0) == text:
        return None
    m = found[0]
    return {**entity, "start": entity["start"] + m.start(), "end": entity["start"] + m.end(), "text": m.group(0)}


NEXT_DAYS = timedelta(days=45)     # how far past a paragraph a told date's year carries
RECENT_DAYS = timedelta(days=60)   # a day this close before the document is the document's year


def _narrative_years(text: str, found: list[dict[str, Any]], anchor: date | None,
                     last: dict[str, Any] | None = None, recent: bool = True) -> dict[str, Any] | None:
    """A day written without its year ("on February 28") after a full date in the same paragraph
    ("On February 26, 2017, ...") is the first such day from that date on (else the nearest before
    it), never after the document: a story told in the past keeps its year. A month told with its
    year ("in March 2024") places a later day of that month ("on March 12"). Without such a date
    the document's year stands (pipeline/dates.py). `last`: the full date a page before told (a
    page break counts as a paragraph's); `recent` False: the weeks before the document do not take
    the document's year (a decision's history). Returns the last full date told, for the next page."""
    carried = last
    for d in found:
        iv = d["interval"]
        if iv is None:
            continue
        if iv.precision in ("day", "month") and iv.source == "explicit" and _FULL_DAY.search(d["text"]):
            last = d   # "On February 26, 2017", "in March 2024"
            continue
        if last is not None and iv.precision == "month" and iv.source == "relative" and \
                _BARE_MONTH.match(d["text"].strip()):
            _month_in_story(text, d, last, anchor)   # "In May 2014, … In July, a general issued …": July 2014
            continue
        if last is None or iv.precision != "day" or not _YEARLESS_DAY.match(d["text"].strip()):
            continue
        told = last["interval"].start
        near = recent and anchor is not None and iv.start >= anchor - RECENT_DAYS
        if last["interval"].precision == "month" and (iv.start.month != told.month or near):
            continue   # a month told ("in March 2024") places only its own days, and not the weeks before the document
        options = []
        for year in (told.year - 1, told.year, told.year + 1):
            try:
                options.append(iv.start.replace(year=year))
            except ValueError:   # February 29 of a year without one
                continue
        options = [o for o in options if (anchor is None or o <= anchor) and dates.weekday_fits(o, d["text"])]
        if last is carried or "\n\n" in text[last["end"]:d["start"]]:
            # past the paragraph, a day of the weeks before the document is news of now; one further
            # back that is among the story's next days ("on December 16, 2010" … "She returned on
            # December 27" in an April 2012 report) keeps the story's year
            if near:
                continue
            options = [o for o in options if told <= o <= told + NEXT_DAYS]
        # the story moves on: the first such day from the full date on, else the nearest before it
        day = min(options, key=lambda o: (o < told, abs((o - told).days)), default=iv.start)
        if day != iv.start:
            d["interval"] = replace(iv, start=day, end=day, source="anaphoric")
    return last


_BARE_MONTH = re.compile(rf"^(?:in\s+|by\s+|during\s+)?(?:(?:early|mid|late)[-\s]+)?{_MONTH_NAME}$", re.IGNORECASE)
STORY_MONTHS_PARAGRAPHS = 2   # how many paragraph breaks a told month-and-year carries its year over


def _month_in_story(text: str, d: dict[str, Any], last: dict[str, Any], anchor: date | None) -> None:
    """A month without its year ("In July") in a story told in the past, after a month or day with its year
    ("In May 2014, …"), is the first such month from that date on, within a year and not after the document,
    unless it is one of the document's own last months (news of now)."""
    iv, told = d["interval"], last["interval"].start
    if anchor is not None and iv.start >= anchor - RECENT_DAYS:
        return
    if text.count("\n\n", last["end"], d["start"]) > STORY_MONTHS_PARAGRAPHS:
        return
    start = next((date(y, iv.start.month, 1) for y in (told.year, told.year + 1)
                  if date(y, iv.start.month, 1) >= told.replace(day=1)), None)
    if start is None or start == iv.start or (anchor is not None and start > anchor) or start > told + timedelta(days=366):
        return
    end = date(start.year + (start.month == 12), start.month % 12 + 1, 1) - timedelta(days=1)
    d["interval"] = replace(iv, start=start, end=end, source="anaphoric")


def build_events(doc: dict[str, Any], pages: list[dict[str, Any]], analyses: list[dict[str, Any]],
                 page_dates: list[list[dict[str, Any]]], broad: bool = False) -> list[dict[str, Any]]:
    """Event rows for one document. `pages` are {"page", "text"}; analyses come from pipeline.nlp.
    `broad`: candidates without a trigger word too (`_rule` False), for the learned filter to judge."""
    doc_date: date | None = doc.get("doc_date")
    stated = doc.get("doc_date_source") in ("title", "first_page", "metadata", "user")
    meeting = stated and (doc.get("kind") in DATED_KINDS or
                          doc.get("kind") == "court" and bool(pages) and minutes_of_proceedings(pages[0]["text"]))
    ruling = doc.get("kind") == "court" and doc_date is not None
    transcript = meeting and is_transcript(page["text"] for page in pages)
    story = doc.get("kind") in STORY_KINDS
    spoken = doc.get("kind") in QUOTING_KINDS
    incident = doc.get("kind") in INCIDENT_KINDS
    minuted = meeting and doc.get("kind") == "minutes"
    agenda = meeting and doc.get("kind") == "agenda"
    argued = _argued_day(pages, page_dates) if ruling else None
    testimonies = testimony.read(pages) if minuted and not transcript else {}
    earlier = earlier_meeting_day([p["text"] for p in pages], page_dates, doc_date) if agenda else None
    rows = []
    for page, analysis, found in zip(pages, analyses, page_dates):
        steps: list[dict[str, Any]] = []   # the story's acts dated so far on this page, for the next step
        hours = [dict(d, clocked=clocked(page["text"], d)) for d in found] if incident else []   # an incident's day and hour
        made: set[int] = set()   # the sentences that gave a row
        told = testimonies.get(page["page"])
        for cand in _with_fallbacks(_with_testimonies(analysis, page["text"], told)):
            if cand.get("fallback_of") is not None and cand["fallback_of"] in made:
                continue   # the main act was dated: the clause's act stays part of its sentence
            if meeting and not transcript and listed(page["text"], cand["start"]):
                # an item under "Committee ordered favorably reported the following business items:":
                # the announced act, done at the meeting (pipeline/listed_acts.py)
                cand = {**cand, "rule": True, "generic": True, "modality": "done", "reported": False}
            if minuted and cand["modality"] == "planned" and _MOTION_MADE.match(page["text"], cand["start"]):
                # "MOTION: That the budget request … be approved.": minutes record the motion made at the
                # meeting, an act of its day (an agenda's "Recommended motion: That …" stays a proposal)
                cand = {**cand, "modality": "done"}
            if not (broad or cand.get("rule", True)):
                continue
            # a quotation's words are the speaker's or another paper's, never this paper's own act ("'We find that
            # this question … is a jury determination,'" quoted from an earlier opinion, a compact's "Each state
            # hereby grants …")
            quoted = in_quotation(page["text"], cand["start"]) or page["text"][cand["start"]] in "\"“"
            if spoken and in_quotation(page["text"], cand["trigger_at"]) and (quoted or not any(
                    cand["start"] <= d["start"] < cand["end"] and not in_quotation(page["text"], d["start"]) for d in found)):
                continue   # in a story or a release, an act told inside a quotation is the speaker's word ("“The democracy
                # of this nation … is now being wrecked …”", "We were taught to think and apply 50 years ago.”"), not the
                # paper's account (eval/real/ANNOTATING.md: optional), whatever day its attribution gives the saying; one
                # told outside it stays ("“…,” said King, who resigned … on Dec. 20"), and so does one the paper's own
                # words date ("In December 2020, he said, Government "approved the continuation …"")
            if meeting and cand.get("self_dated") and result_told(page["text"], cand["start"]):
                continue   # an iQM2 vote record under a procedural item or under the motion that tells its act
            if meeting and (_MEETING_PROCEDURE.search(page["text"], cand["start"], cand["end"]) or
                            _announces_procedure(page["text"], cand["end"])):
                continue   # the meeting opened or closed, or "The following motion was made …:" over the
                # motion to approve the last minutes: procedure, no act (lexicon.MEETING_PROCEDURE, PROCEDURAL)
            # a date inside another clause is that clause's ("who had been on leave since Feb. 14")
            inside = [d for d in found if cand["start"] <= d["start"] < cand["end"] and d["interval"]
                      and possible(d["interval"], doc_date, cand["modality"])
                      and not (cand["modality"] == "done" and (_SET_FOR.search(page["text"], max(0, d["start"] - 30), d["start"])
                                                               or _toward(page["text"], d)))]
            # (a plan keeps its day: "The board will vote at the hearing set for May 3" is planned for May 3)
            dated = [d for d in inside if not any(s <= d["start"] < e for s, e in cand.get("foreign", ()))] or \
                [d for d in inside if not any(s <= d["start"] < e for s, e in cand.get("loose_foreign", ()))]
            cell = _date_cell(page["text"], cand, inside)
            if cell is not None:
                dated = [cell]   # a table's row is dated by its date cell, whatever day its text tells
            if cand.get("clause_act") and not any(
                    not any(s <= d["start"] < e for s, e in cand["foreign"]) for d in dated):
                continue   # a clause's act is the sentence's act only on a date of its own
            if not dated and _before_records(found, cand):
                continue   # "In 1852, Brumidi immigrated …": history told with its own year, before any date
                # an entry may carry (EARLIEST); the meeting's or the story's day is not its date
            # "the 1999 Agreement", "the 2015 KPMG Report": a year that names a paper is no date of the act
            # in any kind of document ("Toshiba moves for summary judgment as to the 1999 Agreement")
            dated = [d for d in dated if not _titles_a_paper(page["text"], d) and not _cites_a_paper(page["text"], d)
                     and not _for_a_year(page["text"], d) and not _in_a_title(page["text"], d)]
            dated = [d for d in dated if not _labels_a_ruling(page["text"], d) and not _labels_an_incident(page["text"], d)] or dated
            papers: list[dict[str, Any]] = []
            if meeting:
                # A date after the meeting is a term of the decision ("effective January 2, 2019"),
                # not when it happened: the act happened at the meeting.
                papers = [d for d in dated if _names_a_paper(page["text"], d)]
                dated = [d for d in dated if d["interval"].start <= doc_date and d not in papers]
            interval = _best(dated, cand["trigger_at"], page["text"], cand["start"])
            date_text = interval.text if interval is not None else None
            if transcript and interval is not None and _MEETING_NOW.fullmatch((date_text or "").strip(" ,.")) and not (
                    cand.get("now") or cand.get("self_dated") or cand.get("past")):
                continue   # a council transcript's "today" is the meeting's: what a speaker does or says there is an
                # act only as a verdict or a motion is ("Today, members of Council are wearing gold ribbons …", "what
                # we are approving this morning", "I think today, I'm actually going to have to vote against …")
            if interval is None and cand.get("clause_act"):
                continue
            if cand.get("reported") and (interval is None or interval.precision not in ("day", "week") and not (
                    interval.source == "explicit" and interval.precision in ("month", "year")
                    and not any(_fiscal(page["text"], d) for d in dated))):
                continue  # what someone said happened "last year" or "in FY 2018" is background, not a dated act;
                # told with its month and year or its year written out ("noted that a judge rescinded it in
                # March 2016") it is dated so
            if cand.get("counted") and interval is not None and _FISCAL.match(interval.text or ""):
                continue  # "In FY 2011, courts sentenced 208 defendants": a year's figure, no act
            if interval is None and not cand.get("reported") and not cand.get("item"):
                interval = _paragraph_date(page["text"], cand["start"], found, doc_date, cand["modality"])
                date_text = interval.text if interval is not None else None
            if interval is None and minuted and not cand.get("self_dated") and cand["modality"] == "done":
                interval = _reported_meeting(page["text"], cand["start"], found, doc_date)   # "… gave a report from
                date_text = interval.text if interval is not None else None                # the October … meeting:"
            if interval is None and story and story_step(page["text"], cand) and not _long_ago(found, cand):
                interval = story_day(page["text"], cand["start"], found + steps,
                                     lambda iv: possible(iv, doc_date, "done"))
                date_text = interval.text if interval is not None else None   # the told day's words
            if interval is None and incident and cand["modality"] == "done" and not cand.get("reported") and \
                    not in_quotation(page["text"], cand["start"]) and not cand.get("present"):
                interval = incident_day(page["text"], cand["start"], hours, lambda iv: possible(iv, doc_date, "done"))
                date_text = interval.text if interval is not None else None
            if interval is None and ruling and cand["modality"] == "done" and not cand.get("reported") and \
                    _LOWER_COURT_ACT.search(page["text"], cand["start"], cand["end"]):
                interval = _cited_order_day(page["text"], cand["end"], doc_date)   # "… denied the motion. Mem. Op. (Feb. 12, 2007)."
                date_text = interval.text if interval is not None else None
            if interval is None and cand.get("item"):
                interval = entered(page["text"], cand["start"], cand["end"], doc_date)   # "Order entered 2/19/20."
                date_text = interval.text if interval is not None else date_text
            if interval is None and ruling and cand.get("self_dated") and not quoted:
                interval = _record_date(page["text"], cand["start"], found, doc_date)   # a list's record: its own day
            if interval is None and ruling and cand.get("self_dated") and not quoted:
                interval = dates.document_interval(doc_date)   # "we AFFIRM", "ORDERED that ...": the decision's day
            if interval is None and ruling and argued is not None and _ARGUED_CAUSE.search(page["text"], cand["start"], cand["end"]):
                interval, date_text = replace(argued["interval"], source="anaphoric"), argued["text"]   # "Karr argued the cause": that day
            if interval is None and stated and not (agenda or story) and cand["modality"] == "done" and not quoted and \
                    _HEREBY.search(page["text"], cand["start"], cand["end"]):
                interval = dates.document_interval(doc_date)   # "Your request is hereby approved.": done by the
                # paper itself, on its day (a letter's grant, a resignation, a board's resolution)
            rule = cand.get("rule", True)
            if interval is None and agenda and earlier is not None and passed_before(page["text"], cand["start"]):
                # "ORDINANCES & RESOLUTIONS PASSED AT PREVIOUS MEETING" / "RES 252-2019 expressing support … VOTE 13-0":
                # decided at the earlier meeting the agenda states (pipeline/earlier_meeting.py)
                interval, date_text, rule, cand = earlier, earlier.text, True, {**cand, "modality": "done"}
            if interval is None and agenda and cand["modality"] == "done" and not cand.get("self_dated"):
                continue   # an agenda is written before its meeting: what its staff reports tell as done
                # ("Building Division has initiated the implementation …") was not done at the meeting, and
                # with no date of its own it has none (an action agenda's "APPROVED" is the meeting's verdict)
            if interval is None and meeting and _recital(page["text"], cand):
                continue   # a resolution's recital ("WHEREAS the Act provides …", "WHEREAS municipal governments are
                # working …"), or its powers listed ("To sign any agreements …"): why and what for, nothing done at the
                # meeting; only a day of its own dates it
            if interval is None and minuted and quoted and not cand.get("self_dated"):
                continue   # words quoted in the minutes (a plan's policy read out: "“The City shall make an effort to
                # improve public access …”", a letter's lines): the text's or the speaker's, no act of the meeting's day
            if interval is None and testimony.inside(told, cand["start"]) and not (
                    cand.get("testimony") or cand.get("self_dated") or cand.get("now")):
                continue   # what a speaker told the meeting ("He boats 100 days a year.", "She noted that …"): the
                # testimony is the act (its first sentence); the meeting's day dates none of what it tells
            if interval is None and meeting and (
                    (cand.get("self_dated") or cand.get("now")) if transcript else
                    (papers or cand.get("generic") or not rule or cand.get("item") or MINUTES_TRIGGERS.intersection(cand["lemmas"]))):
                # in a transcript the meeting's day dates what is done at the meeting (a verdict, "I move …"),
                # not what a speaker tells of ("When this was brought forward …")
                interval = dates.document_interval(doc_date)
            elif interval is None and meeting and broad and not transcript:
                # a trigger the minutes' own list does not hold ("Committee ordered favorably reported
                # the nominations …"): the meeting's day, and the learned filter judges it as it does a
                # sentence no trigger word chose (the rules alone never date it so)
                interval, rule = dates.document_interval(doc_date), False
            if interval is None or interval.start < EARLIEST:
                continue  # no date it can carry: not an event for the timeline (no date is invented); nor
                # the day of a paper written before 1900 (an 1891 opinion's "The judgment … will be affirmed.")
            start, end = _trim(page["text"], cand["start"], cand["end"], page.get("skip") or ())
            if (story or incident) and cand["modality"] == "done":
                steps.append({"start": start, "end": end, "interval": interval})
            made.add(cand["start"])
            rows.append({
                "event_id": derive(doc["doc_id"], page["page"], start, end, VERSION),
                "doc_id": doc["doc_id"], "page": page["page"], "char_start": start, "char_end": end,
                "text": page["text"][start:end], "trigger": cand["trigger"], "type": cand["type"],
                "date_start": interval.start, "date_end": interval.end,
                "date_precision": interval.precision, "date_source": interval.source,
                "date_text": date_text, "modality": cand["modality"], "polarity": cand["polarity"],
                # how it was chosen, until the learned filter replaces it with its probability:
                # a trigger word with an explicit date, with another date, no trigger word
                "confidence": (0.9 if interval.source == "explicit" else 0.7) if rule else NO_TRIGGER,
                "_agents": cand["agents"], "_patients": cand["patients"], "_rule": rule,
            })
    row_id = lambda r: derive(doc["doc_id"], r["page"], r["char_start"], r["char_end"], VERSION)   # noqa: E731
    rows = items_over_pages(sections_over_pages(rows, pages, row_id), pages, row_id)
    return page_runs.continue_rows(rows, pages, [a["sentences"] for a in analyses])


def _with_testimonies(analysis: dict[str, Any], text: str, told: testimony.Told | None) -> list[dict[str, Any]]:
    """The page's candidates, each testimony's first sentence one of them: the speaker testified (pipeline/testimony.py),
    whether or not its own words chose an act; one that did keeps its act and its own date."""
    if told is None:
        return analysis["candidates"]
    out = []
    for cand in analysis["candidates"]:
        if testimony.opening(told, text, cand["start"], cand["end"]) and not cand.get("self_dated"):
            cand = {**cand, **testimony.ACT, "rule": True, "generic": False}
        out.append(cand)
    taken = {c["start"] for c in out if c.get("testimony")}
    for start, end in analysis["sentences"]:
        if testimony.opening(told, text, start, end) and not any(start <= t < end for t in taken):
            out.append({**testimony.candidate(text, start, end), "rule": True})
    return sorted(out, key=lambda c: c["start"])


def _with_fallbacks(candidates: list[dict[str, Any]]) -> Iterable[dict[str, Any]]:
    """Each candidate, then the act of its clause that holds a date of its own (candidates.py's "fallback"),
    which stands for the sentence only if the main act gets no date."""
    for cand in candidates:
        yield cand
        if cand.get("fallback"):
            yield {**cand["fallback"], "fallback_of": cand["start"]}


# "the report of June 11th", "the agenda dated May 28th", "the 2018 budget", "2018 Meetings Calendar",
# "(introduced April 19, 2022)": in minutes, a date that names a paper, a year that labels a thing or a
# date in a bracketed aside is not when the act happened (the act happened at the meeting).
_PAPER_BEFORE = re.compile(r"\b(?:reports?|agendas?|minutes|letters?|memo(?:randum|s)?|notices?|submissions?|"
                           r"communications?|correspondence|e-?mails?)\s+(?:of|dated|from)\s+(?:the\s+)?$", re.IGNORECASE)
_BARE_YEAR = re.compile(r"(?:19|20)\d\d(?:[-–](?:19|20)?\d\d)?")   # "the 2018 budget", "the 2021-2022 Priorities"
_DATED_BEFORE = re.compile(rf"\bdated\s*:?\s+(?:{_MONTH_NAME}\s+\d{{1,2}}(?:\s*(?:&|and|,)\s*\d{{1,2}})*,?\s+(?:\d{{4}},?\s+)?"
                           r"(?:and|&)\s+)?$", re.IGNORECASE)   # "dated: May 23 & 26 and June 1 & 2, 2023"
# (a word of a closed class after the year goes on the sentence: "began in 2009 with a group of parents",
# "in 2012 there were …", "closed in 2011 after the audit")
_WORD_AFTER = re.compile(r"\s+(?!(?:and|to|through|or|when|as|at|in|on|for|by|with|after|before|from|until|till|while|because|"
                         r"so|but|then|during|under|following|since|against|among|amid|despite|without|into|upon|if|where|"
                         r"which|who|that|was|were|is|are|had|has|have|we|he|she|they|i|it|the|a|an|our|their|his|her|"
                         r"its|there|this|these|those|also|again|alone|only|already|just)\b)[A-Za-z]", re.IGNORECASE)


def _names_a_paper(text: str, d: dict[str, Any]) -> bool:
    if _PAPER_BEFORE.search(text, max(0, d["start"] - 40), d["start"]) or _in_brackets(text, d):
        return True
    if _DATED_BEFORE.search(text, max(0, d["start"] - 40), d["start"]) or _FISCAL.match(d["text"]):
        return True   # "WARRANT REGISTERS dated April 29, 2022", "the FY17 budget request": a paper's date, a label
    return bool(_BARE_YEAR.fullmatch(d["text"])) and bool(_WORD_AFTER.match(text, d["end"]))


# a year before a paper's name: "the 1999 Agreement", "the 2002 Amendment", "the 2011 and 2015 KPMG Reports",
# "the 2019 Annual Report", "its 2005 settlement agreement"
_PAPER_NAME_AFTER = re.compile(
    r"(?:\s+(?:and|&)\s+(?:19|20)\d\d)?\s+(?:(?:[A-Z][\w&.’'-]*|annual|settlement|license|licence|consent|final)\s+){0,2}"
    r"(?:Agreement|Amendment|Addendum|Contract|Lease|License|Licence|Settlement|Report|Plan|Budget|Audit|Policy|"
    r"Memorandum|Ordinance|agreement|amendment|addendum|contract|lease|settlement|"
    # a ruling's or a permit's ("the 2007 award", "the Board's 2010 Approval", "the 2012 order")
    r"Award|Order|Judgment|Decree|Permit|Approval|award|order|judgment|decree|permit)s?\b")


# "for 2008", "For 2008 and 2009", "for tax year 2010": the year an act concerns (a return, a deficiency, a
# budget, a schedule), not when it was done; no reference dates an act by it (eval/real)
_FOR_BEFORE = re.compile(r"\bfor\s+(?:(?:the\s+)?(?:tax(?:able)?|fiscal|calendar|plan|school|program|budget)\s+)?(?:years?\s+)?"
                         r"(?:(?:19|20)\d\d\s*(?:,|[-–&]|and|or|to|through)\s*)*$", re.IGNORECASE)
_YEARS = re.compile(r"(?:for\s+)?(?:19|20)\d\d(?:\s*(?:[-–&]|and|or|to|through)\s*(?:19|20)?\d\d)?", re.IGNORECASE)


# a paper's period: "presented the metrics report for the fourth quarter of fiscal year 2013", "the financial
# statements for March 2019"
_PAPER_FOR = re.compile(r"\b(?:reports?|statements?|budgets?|audits?|reviews?|results|figures|data|metrics|summar(?:y|ies)|"
                        r"updates?|returns?|financials|numbers)\s+for\s+(?:the\s+)?(?:(?:first|second|third|fourth|last|final)\s+"
                        r"(?:quarter|half)\s+of\s+)?(?:(?:the\s+)?(?:fiscal|calendar|tax|school|plan)\s+)?(?:years?\s+)?$", re.IGNORECASE)


# the period a paper or a payment covers: "the warrant runs for the dates of October 15, 2022 through November 1,
# 2022", "Financial statements for the year ended 31 August 2012", "the quarter ending June 30, 2019"
_PERIOD_BEFORE = re.compile(r"(?:\bfor\s+the\s+(?:dates?|period|pay\s+periods?|weeks?|months?)\s+(?:of\s+|from\s+|between\s+)?"
                            r"|\b(?:year|period|quarter|month|half|week|years|periods|quarters|months)\s+end(?:ed|ing)\s+(?:on\s+)?)$",
                            re.IGNORECASE)

_PERIOD_ENDED = re.compile(r"(?:the\s+)?(?:(?:fiscal|calendar|financial)\s+)?(?:year|period|quarter|month|half|week)s?\s+end(?:ed|ing)\b",
                           re.IGNORECASE)


def _for_a_year(text: str, d: dict[str, Any]) -> bool:
    """A bare year after "for" ("The IRS determined deficiencies … for 2010 and 2011", "For 2008 he reported a
    net loss"), a month, a quarter or a year a paper is for ("the report for the fourth quarter of fiscal year
    2013") or the days it covers ("for the dates of October 15, 2022 through November 1, 2022", "for the year
    ended 31 August 2012"): the period the act concerns, not its date."""
    if d["interval"] and d["interval"].precision != "day" and _PAPER_FOR.search(text, max(0, d["start"] - 80), d["start"]):
        return True
    if _PERIOD_BEFORE.search(text, max(0, d["start"] - 40), d["start"]) or _PERIOD_ENDED.match(d["text"]):
        return True
    if not _YEARS.fullmatch(d["text"].strip()):
        return False
    return d["text"].lower().startswith("for") or bool(_FOR_BEFORE.search(text, max(0, d["start"] - 40), d["start"]))


# a date inside a title in quotation marks: 'reviewed the memorandum, entitled "July 2013 Performance Review"'
_TITLE_OPENS = re.compile(r"\b(?:entitled|titled|called|named|headed|headlined|captioned)\s*,?\s*[\"“]", re.IGNORECASE)


def _in_a_title(text: str, d: dict[str, Any]) -> bool:
    """A date inside a quoted title ('the memorandum, entitled "October 2013 Performance Review"') names the
    paper, not when the act was done."""
    window = text[max(0, d["start"] - 120):d["start"]]
    opens = list(_TITLE_OPENS.finditer(window))
    return bool(opens) and not re.search(r"[\"”]", window[opens[-1].end():])


# a day that labels a paper ("Ms. Ray reviewed the March 5, 2010 memorandum", "withdrew its June 2 letter"),
# unless the act was done by that paper ("In a March 5 letter, the agency asked …", _INSTRUMENT_BEFORE)
_DETERMINER_BEFORE = re.compile(r"(?<!\w)(?:(?i:in|by|via|through|with|under|per|to)\s+)?(?:the|a|an|its|his|her|their|this|that|"
                                r"our|your|[A-Z][\w.]*[’']s)\s+$")
_PAPER_NOUN_AFTER = re.compile(r",?\s+(?:[A-Za-z-]+\s+){0,3}?(?:memorandum|memo|letter|report|e-?mail|notice|complaint|"
                               r"filing|motion|petition|application|submission|proposal|presentation|survey|statement|brief|"
                               r"draft|version|edition|issue|minutes|agenda|packet|financials|bills|warrants|invoices)s?\b",
                               re.IGNORECASE)   # ("accept the October 2017 financials as submitted")
# the minutes a day labels, which the model takes into the DATE ("the January 9, 2018 minutes": "minutes" read as time)
_PAPER_TAIL = re.compile(r"\s(?:minutes|agenda|packet)$", re.IGNORECASE)
# a ruling's day labels it only beside another date of the act ("vacated the March 5 order on March 12"):
# alone, it is the day told ("follows a 26 December 2019 ruling by the Constitutional Court")
_RULING_NOUN_AFTER = re.compile(r",?\s+(?:[A-Za-z-]+\s+){0,2}?(?:order|opinion|decision|ruling|judgment|judgement|decree|"
                                r"verdict|award)s?\b", re.IGNORECASE)


def _day_before_noun(text: str, d: dict[str, Any], nouns: re.Pattern[str], before: re.Pattern[str] = _DETERMINER_BEFORE,
                    tail: re.Pattern[str] | None = None) -> bool:
    """A day (no bare year) between a determiner (`before`) and one of `nouns` (or one of them the model took into
    the DATE, `tail`), not after a preposition of the instrument ("reviewed the March 5, 2010 memorandum", not
    "In a March 5 letter, the agency asked …")."""
    det = before.search(text, max(0, d["start"] - 30), d["start"])
    return bool(det) and not _BARE_YEAR.fullmatch(d["text"]) \
        and not (before is _DETERMINER_BEFORE and re.match(r"(?:in|by|via|through|with|under|per|to)\s", det.group(0), re.IGNORECASE)) \
        and not d["text"].lower().startswith(("the ", "a ", "an ")) \
        and bool(nouns.match(text, d["end"]) or tail is not None and tail.search(d["text"]))


def _labels_a_ruling(text: str, d: dict[str, Any]) -> bool:
    return _day_before_noun(text, d, _RULING_NOUN_AFTER)


# an incident a day labels, which the act concerns ("arrested … in connection with an April 8 shooting"): beside
# another date of the act ("Last week, police arrested …") it is not the act's day; "In a March 5 shooting, two
# men were killed" is the incident itself
_INCIDENT_NOUN_AFTER = re.compile(r",?\s+(?:[A-Za-z-]+\s+){0,2}?(?:shooting|stabbing|crash|collision|attack|fire|explosion|"
                                  r"robbery|burglary|murder|killing|homicide|assault|accident|raid|riot)s?\b", re.IGNORECASE)
_INCIDENT_DETERMINER = re.compile(r"(?<!\w)(?:(?i:with|for|over|after|to|about|of)\s+)(?:the|a|an|its|his|her|their|that)\s+$")


def _labels_an_incident(text: str, d: dict[str, Any]) -> bool:
    return _day_before_noun(text, d, _INCIDENT_NOUN_AFTER, before=_INCIDENT_DETERMINER)


def _titles_a_paper(text: str, d: dict[str, Any]) -> bool:
    """A bare year right before a paper's name ("the 1999 Agreement"), or a day after a determiner before a
    paper's noun ("reviewed the March 5, 2010 memorandum"): the paper's label, not a date."""
    if _BARE_YEAR.fullmatch(d["text"]):
        return bool(_PAPER_NAME_AFTER.match(text, d["end"]))
    return _day_before_noun(text, d, _PAPER_NOUN_AFTER, tail=_PAPER_TAIL)


# the paper by which the act was done: "By letter dated May 27, 2016, X requested …", "in a decision, dated
# January 17, 2019, the court affirmed …", "we have issued a letter dated June 29, 2012"
# or a decision whose date is its act ("appeals from a judgment of the Supreme Court, Queens County (Leonard
# Livote, J.), dated December 15, 2020", "the District Court's Turnover Order dated June 30, 2025")
_INSTRUMENT_BEFORE = re.compile(r"\b(?:by|in|via|through|with)\s+(?:(?:a|an|the|its|his|her|their|this|that)\s+)?"
                                r"(?:[\w-]+\s+)?(?:letter|e-?mail|memo(?:randum)?|notice)s?,?\s+dated\s+$"
                                r"|\bissued\s+(?:a|an|its|the|our|their|his|her)\s+[\w\s-]{0,30}?\s+dated\s+$"
                                r"|\b(?:judgment|order|decision|opinion|ruling|decree|award|determination)s?\b[^;]{0,70}$",
                                re.IGNORECASE)


def _cites_a_paper(text: str, d: dict[str, Any]) -> bool:
    """A date after "dated" labels the paper it follows ("Service Bulletin 737–27–1318, Revision 1, dated June
    24, 2020, describes procedures …", "The terms of sale dated January 10, 2014, made …"): no date of the act,
    unless the paper is what the act was done by ("By letter dated May 27, 2016, X requested …")."""
    window = text[max(0, d["start"] - 80):d["start"]]
    return bool(_DATED_BEFORE.search(window)) and not _INSTRUMENT_BEFORE.search(window)


def _in_brackets(text: str, d: dict[str, Any]) -> bool:
    """A date in a bracketed aside: "ADOPTED ORDINANCE NO. 2217 … (introduced April 19, 2022 and Public
    Hearing held May 3, 2022)" tells the item's history, not when the meeting adopted it."""
    opening = text.rfind("(", max(0, d["start"] - 120), d["start"])
    if opening < 0 or ")" in text[opening:d["start"]] or "\n\n" in text[opening:d["start"]]:
        return False
    closing = text.find(")", d["end"], d["end"] + 200)
    return closing >= 0 and "\n\n" not in text[d["end"]:closing]


EARLIEST = date(1900, 1, 1)
AHEAD_DAYS = 366   # a done act dated more than a year after its document is a misread number


def _before_records(found: list[dict[str, Any]], cand: dict[str, Any]) -> bool:
    """The candidate's own clause holds a date before EARLIEST (not one in a clause of its own)."""
    return any(cand["start"] <= d["start"] < cand["end"] and d["interval"] and d["interval"].start < EARLIEST
               and not any(s <= d["start"] < e for s, e in cand.get("foreign", ())) for d in found)


# a time long past that no day can hold: a decade ("the mid-1980s", "the 1990s"), "years ago", "decades earlier"
_LONG_AGO = re.compile(r"\b\d{2,4}0['’]?s\b|\b(?:years|decades|centuries)\s+(?:ago|earlier|before|later)\b|\blong\s+ago\b", re.IGNORECASE)


def _long_ago(found: list[dict[str, Any]], cand: dict[str, Any]) -> bool:
    """The candidate's own clause tells a time long past with no day ("After Apple suffered a slump in the
    mid-1980s, he was forced out"): its act is not on the day the story told last."""
    return any(cand["start"] <= d["start"] < cand["end"] and d["interval"] is None and _LONG_AGO.search(d["text"])
               for d in found)   # (in another clause too: "After … in the mid-1980s, he was forced out")


# a performative the paper itself does ("is hereby approved", "I hereby resign"); not a notice's formula
# the meeting's own day, said in its transcript (events: dates only a verdict, a motion or an act told as done)
_MEETING_NOW = re.compile(r"(?:here\s+)?(?:today|this\s+(?:morning|afternoon|evening)|tonight)(?:['’]s)?", re.IGNORECASE)
_HEREBY = re.compile(r"\bhereby\s+(?!given\b)\w+"
                     # the paper's own act, told in the present: "Plaintiff files this complaint …", "Counsel files these
                     # objections …" (with a verb no trigger list holds, "X submits this letter …", only the learned filter
                     # can keep the candidate)
                     r"|\b(?:submits?|files?|transmits?|presents?|issues?|serves?)\s+(?:this|these|the\s+(?:following|attached|enclosed))\s+"
                     r"(?:[\w-]+\s+){0,2}?(?:letter|report|complaint|brief|notice|motion|petition|memorandum|declaration|"
                     r"comments?|response|reply|statement|application|request|objections?)s?\b", re.IGNORECASE)


def possible(interval: dates.DateInterval, doc_date: date | None, modality: str) -> bool:
    """A date a done act can carry: not before 1900, not more than a year after its document."""
    if interval.start < EARLIEST:
        return False
    return doc_date is None or modality == "planned" or (interval.start - doc_date).days <= AHEAD_DAYS


_LABEL_END = re.compile(r"\s*(?::|[—–]|-\s|\n)")


# An appellate opinion's head: "Argued September 3, 1997 Decided November 7, 1997", then "John W. Karr
# argued the cause and filed the briefs for appellants": counsel argued on the day the head gives.
_ARGUED_HEAD = re.compile(r"\bArgued(?:\s+and\s+submitted)?\s*(?:on\s*)?:?\s*$", re.IGNORECASE)
_ARGUED_CAUSE = re.compile(r"\bargued\s+(?:the\s+)?(?:cause|case|appeal|motion)\b", re.IGNORECASE)


def _argued_day(pages: list[dict[str, Any]], page_dates: list[list[dict[str, Any]]]) -> dict[str, Any] | None:
    """The day an appellate opinion's head says the case was argued, if it says one."""
    for page, found in zip(pages, page_dates):
        for d in found:
            if d["interval"] is not None and d["interval"].precision == "day" and \
                    _ARGUED_HEAD.search(page["text"], max(0, d["start"] - 30), d["start"]):
                return d
    return None


_BLANKS = re.compile(r"\s*")


def _announces_procedure(text: str, end: int) -> bool:
    """A line ending on a colon whose next paragraph is a procedural line."""
    last = end
    while last > 0 and text[last - 1].isspace():
        last -= 1
    if last == 0 or text[last - 1] != ":":
        return False
    start = _BLANKS.match(text, end).end()
    stop = text.find("\n\n", start)
    return procedural(text[start:stop if stop >= 0 else start + 400])


def _paragraph_date(text: str, start: int, found: list[dict[str, Any]], doc_date: date | None,
                    modality: str) -> dates.DateInterval | None:
    """The date a paragraph opens on as its label dates the paragraph's sentences that have none of
    their own: a police blotter's "October 21: ACCIDENT – A vehicle driven by ... The driver was
    ticketed", a log's "Dec. 18 — ...", a date alone on the paragraph's first line. Only a label
    (the date, then a colon, a dash or the line's end) at the paragraph's very start counts; the
    interval keeps the label's words and is marked anaphoric."""
    para = text.rfind("\n\n", 0, start)
    para = 0 if para < 0 else para + 2
    while para < start and text[para] in " \t\n•*-–":
        para += 1
    for d in found:
        if d["start"] == para and d["end"] <= start and d["interval"] is not None and \
                possible(d["interval"], doc_date, modality) and _LABEL_END.match(text, d["end"]):
            return replace(d["interval"], source="anaphoric")
        if d["start"] > para:
            break
    return None


# a line announcing what another body did at its meeting, the list of it below ("Chair Dausman gave a report from the
# October Planning Commission meeting:", "The Finance Committee reported on its March 3 meeting:")
_MEETING_REPORTED = re.compile(r"[^\n]*\bmeeting\b[^\n]*:[ \t]*$", re.IGNORECASE)
_LIST_LINE = re.compile(r"[ \t]*(?:[-•*▪]|\(?\d{1,2}[.)]|\(?[a-z][.)])[ \t]+")
REPORTED_LINES = 12   # how far above a list's item its announcing line may be
_MONTH_DAY = re.compile(rf"\b(?=[A-Z])(?i:{MONTH_ALT})\.?(?:\s+\d{{1,2}}(?:st|nd|rd|th)?)?(?:,?\s+(?:19|20)\d\d)?\b")


def _reported_meeting(text: str, start: int, found: list[dict[str, Any]], doc_date: date | None) -> dates.DateInterval | None:
    """In minutes, an item of a list under a line that announces another meeting's report, its day or month given
    ("Chair Dausman gave a report from the October Planning Commission meeting:" / "- Jacob McKay was sworn-in as
    Commissioner."): done at that meeting, not at this one. Only the list right under the line counts (its items and
    blank lines, up to REPORTED_LINES lines), and only a day or month before this meeting's."""
    line_start = text.rfind("\n", 0, start) + 1
    if not _LIST_LINE.match(text, line_start):
        return None
    at = line_start
    for _ in range(REPORTED_LINES):
        if at == 0:
            return None
        prev = text.rfind("\n", 0, at - 1) + 1
        line = text[prev:at - 1]
        if _MEETING_REPORTED.fullmatch(line):
            days = [d["interval"] for d in found if prev <= d["start"] < at - 1 and d["interval"] is not None]
            if not days:   # the model may read "the October Planning Commission" as an organisation's name
                days = [dates.normalize(m.group(0), anchor=doc_date) for m in _MONTH_DAY.finditer(line)]
            days = [d for d in days if d is not None and d.precision in ("day", "week", "month")
                    and (doc_date is None or d.end < doc_date)]
            return replace(days[-1], source="anaphoric") if days else None
        if line.strip() and not _LIST_LINE.match(line):
            return None
        at = prev
    return None


# this case's lower court acting, told in the past ("Following a hearing, the district court denied the motion.")
_LOWER_COURT_ACT = re.compile(r"\b(?:district|trial|superior|circuit|bankruptcy|county|lower|family|probate)\s+court\b"
                              r"[^.;]{0,120}?\b(?:denied|granted|dismissed|entered|issued|ruled|ordered|sentenced|"
                              r"awarded|rejected|adopted|vacated)\b", re.IGNORECASE)
# the paper that did it, cited right after with its day alone in brackets ("See Mem. Op. at 3 (Feb. 12, 2007).",
# "Order Denying Additional Attorney's Fees (July 18, 1996).")
_CITED_ORDER = re.compile(rf"\s*(?:See\s+)?[A-Z][^()\n]{{0,150}}?\((?P<day>(?i:{MONTH_ALT})\.?\s+\d{{1,2}},\s+(?:19|20)\d\d)\)\.?\s*(?:\n|$|[A-Z])")


def _cited_order_day(text: str, end: int, doc_date: date | None) -> dates.DateInterval | None:
    """The day of the order or opinion below that the next sentence cites for the act just told ("Following a
    hearing, the district court denied the motion. Mem. Op. at 1 (Feb. 12, 2007)."): that order's day."""
    m = _CITED_ORDER.match(text, end)
    if m is None or "\n\n" in text[end:m.start("day")]:
        return None
    interval = dates.normalize(m.group("day"), anchor=doc_date)
    if interval is None or interval.precision != "day" or not possible(interval, doc_date, "done"):
        return None
    return replace(interval, source="anaphoric", text=m.group("day"))


# a release list's record labels the day its decision was handed down on a line of its own: "Opinion Date: 01/13/2025",
# "Date Decided: …", "Decision Date: …"
_DECIDED_LABEL = re.compile(r"(?:\b(?:Opinion|Decision|Judgment|Order|Release|Disposition|Hand\s*-?\s*Down)\s+Date|"
                            r"\bDate\s+(?:Decided|Filed|Released|Issued|of\s+(?:Decision|Opinion|Judgment)))\s*:\s*$", re.IGNORECASE)


def _record_date(text: str, start: int, found: list[dict[str, Any]], doc_date: date | None) -> dates.DateInterval | None:
    """A court's disposition in a release list's record ("2024-CA-0075 / IKE SPEARS VS. … / Decree: AFFIRMED / …
    / Opinion Date: 01/13/2025") is of the day its record labels, not the list's: the one date in its paragraph
    after a label of the decision's day."""
    para = text.rfind("\n\n", 0, start)
    para = 0 if para < 0 else para + 2
    end = text.find("\n\n", start)
    end = len(text) if end < 0 else end
    labelled = [d for d in found if para <= d["start"] < end and d["interval"] is not None and
                possible(d["interval"], doc_date, "done") and
                _DECIDED_LABEL.search(text, text.rfind("\n", 0, d["start"]) + 1, d["start"])]
    return replace(labelled[0]["interval"], source="anaphoric") if len(labelled) == 1 else None


# "DOB: 06-08-1992", "date of birth 4/27/1986", "born in 1990": when someone was born dates no act here
_BIRTH_BEFORE = re.compile(r"(?:\bDOB|\bD\.O\.B\.?|\bdate\s+of\s+birth|\bbirth\s*date|\bborn(?:\s+(?:on|in))?)"
                           r"\s*[:#-]?\s*$", re.IGNORECASE)


# when a cited web page was read: "Accessed at http://… on August 26, 2016", "(last visited May 3, 2020)"
_ACCESSED_BEFORE = re.compile(r"(?:^|[(.;,\n]\s*)(?:[Aa]ccessed|[Rr]etrieved|[Ll]ast\s+visited|[Vv]isited\s+on)\b"
                              r"(?:\s+(?:at|from)\s+(?:https?:|www\.|\S*/)\S*(?:\s+\S+){0,6}?)?\s*(?:on\b)?\s*[:,]?\s*$")


def _birth(text: str, start: int) -> bool:
    """A date of birth, or the day a cited web page was read: no act's date."""
    return bool(_BIRTH_BEFORE.search(text, max(0, start - 25), start)) or \
        bool(_ACCESSED_BEFORE.search(text, max(0, start - 160), start))


# a running header or footer glued into the text: the day, then the page's count ("January 12, 2011 7 of 18",
# "Planning Commission January 27, 2020 Minutes Page 1 of 3"): the document's day printed on every page
_PAGE_HEADER = re.compile(rf"\b(?:{MONTH_ALT})\.?\s+\d{{1,2}},?\s+(?:19|20)\d\d\s+(?:(?:[A-Z][a-z]+\s+){{0,2}}Page\s+)?"
                          r"\d{1,3}\s+of\s+\d{1,3}\b", re.IGNORECASE)


# a lower court's case cited in brackets with its day ("(14-22-00013-CV, 704 SW3d 37, 08-31-23)"): when that court
# decided, like a citation's year. (A list's "LC Case #: …; Ruling Date: 07/18/2024" is a date cell, and the
# reference dates a table's row by its date cell (eval/real/ANNOTATING.md): events.v89 withdrew that clause.)
_LOWER_COURT_CASE = re.compile(r"\(\s*\d{1,4}-\d{1,4}-\d{3,6}(?:-[A-Z]{1,3})?\s*,[^()\n]{0,60}\)")


# a weekday after a word that makes it a time ("Earlier Saturday", "on Tuesday", "By Sunday, the authorities …"), not
# a name's ("Super Tuesday", "Good Friday", "the Sunday Times"): the day it names, with its part of the day
_WEEKDAY = re.compile(r"\b(?i:early|earlier|late|later|on|by|since|until|last|this|next)\s+"
                      r"((?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day(?:\s+(?:morning|afternoon|evening|night))?)\b(?!\s+[A-Z])")


def _date_spans(text: str, entities: list[dict[str, Any]]) -> list[dict[str, Any]]:
    cited = [(m.start(), m.end()) for m in (*_CITED.finditer(text), *_PAGE_HEADER.finditer(text), *_LOWER_COURT_CASE.finditer(text))]
    cited += [(m.start(), m.end()) for m in (*_MISSED.finditer(text), *_FULL_DATE.finditer(text)) if _birth(text, m.start())]
    found = [e for e in entities if e["label"] == "DATE" and not numbered(text, e["start"], e["end"])
             and not _SEASON_WORD.match(text, e["start"]) and not any(s <= e["start"] < t for s, t in cited)
             and not _birth(text, e["start"])]
    times = [e for e in entities if e["label"] == "TIME"
             and not any(d["start"] <= e["end"] and e["start"] <= d["end"] for d in found)]
    # a time that names its day ("about 3:15 p.m. Dec. 22", "late Tuesday", "Wednesday night") is that day
    found += [{**e, "label": "DATE"} for e in times if DAY_NAMED_RE.search(e["text"])]
    # a time of day alone ("At 9:24 p.m., Avalos texted") is on the day the text last named
    found += [{**e, "reads_as": "later that day"} for e in times
              if CLOCK.search(e["text"]) and not DAY_NAMED_RE.search(e["text"])]
    found += [{**e, "label": "DATE"} for e in times if TOLD_TIME.fullmatch(e["text"].strip())]
    # with no entity at all: "That night, deputies arrested …" (the day told last), "Police arrested two
    # men last night" (the document's day told)
    for m in (*TOLD_TIME.finditer(text), *TOLD_DAY.finditer(text), *TODAY_TIME.finditer(text)):
        if not any(e["start"] < m.end() and m.start() < e["end"] for e in found + times):
            found.append({"start": m.start(), "end": m.end(), "label": "DATE", "text": m.group(0)})
    for m in _WEEKDAY.finditer(text):   # "Earlier Saturday, Yoon apologized …", which the model may leave untagged
        if not any(e["start"] < m.end(1) and m.start(1) < e["end"] for e in found + times):
            found.append({"start": m.start(1), "end": m.end(1), "label": "DATE", "text": m.group(1)})
    for m in DAY_END.finditer(text):     # "By sundown, Mr. Rahami had been charged": the day told last
        if not any(e["start"] < m.end() and m.start() < e["end"] for e in found + times):
            found.append({"start": m.start(), "end": m.end(), "label": "DATE", "text": m.group(0),
                          "reads_as": "later that day"})
    for m in _GLUED_YEAR.finditer(text):   # "In 2011 Kilgore LLC borrowed …": the model ran the year into the name
        if not any(e["start"] < m.end(1) and m.start(1) < e["end"] for e in found + times) and \
                not numbered(text, m.start(1), m.end(1)) and not any(s <= m.start(1) < t for s, t in cited):
            found.append({"start": m.start(1), "end": m.end(1), "label": "DATE", "text": m.group(1)})
    for m in [*_MISSED.finditer(text), *_FULL_DATE.finditer(text)]:
        if any(s <= m.start() < t for s, t in cited):
            continue
        over = [e for e in found if e["start"] < m.end() and m.start() < e["end"]]
        if over and m.re is _FULL_DATE and all(m.start() <= e["start"] and e["end"] <= m.end() for e in over):
            # the model took only a part of a full date ("On or about February 8, 2019": its DATE is "2019")
            found = [e for e in found if e not in over]
            over = []
        if not over:
            found.append({"start": m.start(), "end": m.end(), "label": "DATE", "text": m.group(0)})
    return _ranges(text, sorted(found, key=lambda e: e["start"]))


# a period's ends may be hedged ("from at least as early as January 12, 2012, through at least as late as April
# 19, 2017", "from on or about May 1 to …"): the hedge is part of the join
_HEDGE_ALT = r"at\s+least|on\s+or\s+about|about|approximately|around"
_HEDGE = rf"(?:(?:{_HEDGE_ALT})\s+)?(?:as\s+(?:early|late)\s+as\s+)?"
_HEDGE_WORDS = re.compile(rf"\b(?:{_HEDGE_ALT})\s+|\bas\s+(?:early|late)\s+as\s+", re.IGNORECASE)
_RANGE_OPEN = re.compile(rf"\b(?:between|from)\s+{_HEDGE}$", re.IGNORECASE)
# what joins a period's two ends; a comma may close the first ("From October 18, 2005, through June 1, 2007")
_RANGE_JOIN = re.compile(rf"\s*,?\s*(?:and|to|through|until|till|[-–])\s*{_HEDGE}$", re.IGNORECASE)
# a period's opening year the model left out of the DATE it tagged ("Between 2002 and" / "2010")
_YEAR_RANGE_BEFORE = re.compile(r"\b(?:between|from)\s+((?:19|20)\d{2})\s*(?:and|to|through|until|till|[-–])\s*$",
                                re.IGNORECASE)
# the join the model took into the first end ("Between 2002 and" / "2010")
_JOIN_TAKEN = re.compile(r"\s(?:and|to|through|until|till)$", re.IGNORECASE)
# a month the model tagged without its year, that the next date's year completes ("late August and early
# September 2011", "March and April 2019"): the period's start, in that year
_YEARLESS_MONTH = re.compile(rf"^(?:(?:early|mid|late|the\s+end\s+of|the\s+beginning\s+of)[-\s]+)?{_MONTH_NAME}$",
                             re.IGNORECASE)


_DAY_WITH_YEAR = re.compile(r"\d{1,2}(?:st|nd|rd|th)?,?\s+(?:19|20)\d\d")
# days listed one after another ("continued from the April 19, 2022, June 21, 2022, and July 19, 2022
# meetings", "hearings on May 3, 2019 and June 2, 2019"): one act told over several days, dated at the
# first as a span is (eval/real/ANNOTATING.md), not at whichever day stands nearest its verb; these are the
# days the model tagged apart (one DATE span "X and Y" is read by pipeline/dates._first_of_two)
_LISTED_DAY = re.compile(rf"(?:the\s+)?(?:{WRITTEN_DAY})(?:,?\s+(?:and\s+)?(?:{WRITTEN_DAY}))*", re.IGNORECASE)   # (the model
# may tag two of them as one: "the April 19, 2022, June 21, 2022")
_LIST_JOIN = re.compile(r"\s*[,;]\s*(?:and\s+)?|\s+and\s+", re.IGNORECASE)


def _ranges(text: str, found: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Two dates the model tagged apart that make one period ("between October 2014 and April 2015",
    "from May 2019 to June 2020", "April 25 and 26, 1996") are one span, read as the period, not its
    end (nor "April 25" in the document's year)."""
    out: list[dict[str, Any]] = []
    for e in found:
        prev = out[-1] if out else None
        begun = _YEAR_RANGE_BEFORE.search(text, max(0, e["start"] - 30), e["start"])
        if begun and "reads_as" not in e and re.match(r"(?:19|20)\d{2}\b", e["text"]) and (
                prev is None or prev["end"] <= begun.start()):
            # "Between 2002 and 2010": the model tagged the period's end alone
            e = {**e, "start": begun.start(1), "text": text[begun.start(1):e["end"]], "reads_as": text[begun.start():e["end"]]}
        joined = prev is not None and (_RANGE_JOIN.fullmatch(text, prev["end"], e["start"]) is not None or (
            not text[prev["end"]:e["start"]].strip() and _JOIN_TAKEN.search(prev["text"].rstrip()) is not None))
        if joined and "reads_as" not in prev and "reads_as" not in e and (
                _YEARLESS_DAY.match(prev["text"].strip()) and _DAY_WITH_YEAR.fullmatch(e["text"]) or
                _YEARLESS_MONTH.match(prev["text"].strip()) and _FULL_DAY.search(e["text"])):
            out[-1] = {**prev, "end": e["end"], "text": text[prev["start"]:e["end"]]}   # "April 25 and 26, 1996"
            continue
        if prev is not None and _listed(text, prev, e):
            out[-1] = {**prev, "list_end": e["end"]}   # the later days of the list date nothing of their own
            continue
        if joined and "reads_as" not in prev and "reads_as" not in e:
            opening = _RANGE_OPEN.search(text, max(0, prev["start"] - 40), prev["start"])
            first = opening.start() if opening else prev["start"]   # the model may take "between" in
            if opening or _RANGE_OPEN.match(prev["text"].split(None, 1)[0] + " "):
                out[-1] = {**prev, "end": e["end"], "text": text[prev["start"]:e["end"]],
                           "reads_as": _HEDGE_WORDS.sub("", text[first:e["end"]])}
                continue
        out.append(e)
    return out


def _listed(text: str, prev: dict[str, Any], e: dict[str, Any]) -> bool:
    """`e` is the next day of a list that `prev` opens: both written days with their years, joined by a
    comma, a semicolon or "and" alone (no range: "between … and" was read above)."""
    end = prev.get("list_end", prev["end"])
    return ("reads_as" not in prev and "reads_as" not in e and end <= e["start"]
            and _LIST_JOIN.fullmatch(text, end, e["start"]) is not None
            and all(_LISTED_DAY.fullmatch(d["text"].strip().rstrip(",")) for d in (prev, e)))


_FISCAL = re.compile(r"(?:the\s+)?(?:FY|fiscal\s+(?:year|yr))", re.IGNORECASE)
_MOTION_MADE = re.compile(r"(?:MOTION|Motion)\s*:\s*(?:That|THAT|To|TO)\b")
_FISCAL_BEFORE = re.compile(r"\b(?:FY|fiscal\s+(?:year|yr))\s*$", re.IGNORECASE)


def _fiscal(text: str, d: dict[str, Any]) -> bool:
    """A fiscal year: "FY2018", or "2018" the model tagged after "FY " ("5 audits scheduled for FY 2018")."""
    return bool(_FISCAL.match(d["text"]) or _FISCAL_BEFORE.search(text, max(0, d["start"] - 15), d["start"]))
# "AD 2018–23–51", "Docket 2019-0412-07", a docket's "2024-KM-01028-COA": a serial number's parts after the year,
# never a month and a day
_DIRECTIVE = re.compile(r"AD\s+(?:19|20)\d\d$")
_SERIAL_SPAN = re.compile(r"(?:19|20)\d\d[-–][A-Z]{1,4}[-–]\d{3,}(?:[-–][A-Z]{1,4})?")
_SERIAL_AFTER = re.compile(r"[-–]\s?\d+[-–]\d+|[-–](?!(?:19|20)\d\d\b)\d{3,}|[-–][A-Z]{1,4}[-–]\d{3,}")   # ("2024-KM-01028-COA")


def numbered(text: str, start: int, end: int) -> bool:
    """A number the small model calls a DATE that is not a year: "Item 1602", "Resolution No.
    1875", "Case 1984", "Page 1776 of", "$1,950", "1200 Main Street", "1930 hours", "2000 students"."""
    span = text[start:end]
    if _DIRECTIVE.match(span) and _SERIAL_AFTER.match(text, end):
        return True   # "AD 2018– 23–51": an airworthiness directive's number, not Anno Domini 2018
    if _SERIAL_SPAN.fullmatch(span.strip()):
        return True   # the model's DATE is a whole docket number ("2024-KM-01028-COA")
    labelled = re.fullmatch(r"(\D*?)\s*(\d{1,6})", span.strip())
    if labelled and labelled.group(1) and NUMBER_LABEL_BEFORE.search(labelled.group(1)):
        return True   # the model's DATE holds its label: "Item 2004", "Resolution No. 1998"
    if not _BARE_NUMBER.fullmatch(span.strip()):
        return False
    return bool(NUMBER_LABEL_BEFORE.search(text, max(0, start - 40), start)) or \
        bool(_NAMED_BEFORE.search(text, max(0, start - 40), start)) or bool(_SERIAL_AFTER.match(text, end)) or \
        bool(_COUNT_AFTER.match(text, end)) or bool(_VEHICLE_AFTER.match(text, end)) and \
        bool(_VEHICLE_DET.search(text, max(0, start - 8), start)) or not (1900 <= (year := int(re.sub(r"\D", "", span)[-4:] or 0)) <= 2100 or
                                                   1600 <= year and _IN_A_YEAR.search(text, max(0, start - 12), start))


# "In 1852, Brumidi immigrated", "until his death in 1880": a year before EARLIEST told as a year (a date
# no entry can carry, which keeps the meeting's or the story's day off the sentence)
_IN_A_YEAR = re.compile(r"\b(?:[Ii]n|until|since|of|by|[Ss]ummer|[Ww]inter|[Ss]pring|[Ff]all|[Aa]utumn)\s+$")


def _with_bound(text: str, entity: dict[str, Any]) -> dict[str, Any]:
    """"by June", "before March 2018", "the audit for FY2018": spaCy leaves the preposition out of
    the DATE span, and without it the span would date the event at a bound or at the period it is
    about (pipeline/dates.py drops both). A period that runs to the present ("records from January
    1, 2017 to the present") is what something covers, never when an act happened: the span takes
    its open end, which pipeline/dates.py reads as no date."""
    open_end = _TO_NOW.match(text, entity["end"])   # "reports received from January 1, 2017 to the present"
    if open_end and not _TO_NOW.search(entity["text"]):
        entity = {**entity, "end": open_end.end(), "text": text[entity["start"]:open_end.end()]}
    m = _BOUND.search(text, max(0, entity["start"] - 30), entity["start"])
    if m and not re.search(r"\b(?:before|after|by|until|till|prior|ahead|than|for|since|as of)\b", entity["text"], re.I):
        return {**entity, "start": m.start(), "text": text[m.start():entity["end"]]}
    return entity


def _with_year(text: str, entity: dict[str, Any]) -> dict[str, Any]:
    """spaCy sometimes tags "January 2" in "January 2, 2019": take the year that follows."""
    m = _YEAR_AFTER.match(text, entity["end"])
    if m and not re.search(r"\d{4}", entity["text"]):
        return {**entity, "end": m.end(), "text": text[entity["start"]:m.end()]}
    return entity


_DAY_BEFORE = re.compile(r"(?<![\d.,/-])\b(\d{1,2})(?:st|nd|rd|th)?(?:\s+of)?\s+$")
_MONTH_FIRST = re.compile(rf"{_MONTH_NAME}\s", re.IGNORECASE)


def _with_day(text: str, entity: dict[str, Any]) -> dict[str, Any]:
    """spaCy reads "26 December 2019" as the number 26 and the DATE "December 2019": take the day
    that comes before the month."""
    m = _DAY_BEFORE.search(text, max(0, entity["start"] - 12), entity["start"])
    if m and _MONTH_FIRST.match(entity["text"]) and 1 <= int(m.group(1)) <= 31 and \
            not NUMBER_LABEL_BEFORE.search(text, max(0, m.start() - 40), m.start()):   # "Item 26 December 2019"
        return {**entity, "start": m.start(), "text": text[m.start():entity["end"]]}
    return entity


# a resolution's recital or a power it lists, opening its sentence (events.build_events)
_RECITAL = re.compile(r"\s*(?:[-•*]\s*|\(?[a-z0-9]{1,3}[.)]\s+)?(?:(?P<whereas>WHEREAS\b|Whereas\b)|To\s+(?!date\b|(?:that|this)\s+end\b)[a-z]+\s)")


def _recital(text: str, cand: dict[str, Any]) -> bool:
    """"WHEREAS …", or a power listed in the infinitive with nothing done after it ("To sign any agreements …";
    not "To mark the anniversary, the council unveiled a plaque", whose act follows the comma)."""
    m = _RECITAL.match(text, cand["start"])
    return bool(m) and (bool(m.group("whereas")) or "," not in text[cand["start"]:cand["trigger_at"]])


# a cell may hold its day's hour too ("| 05/10/2018 23:22:48 |")
_CELL_HOUR = re.compile(r"\d{1,2}:\d{2}(?::\d{2})?(?:\s*[AaPp]\.?[Mm]\.?)?")
FIRST_CELLS = 4   # a docket's date cell comes before its text: "| 24 | | Filed & Entered: | 06/12/2017 | …"


def _date_cell(text: str, cand: dict[str, Any], inside: list[dict[str, Any]]) -> dict[str, Any] | None:
    """The date of the first cell of a table row that holds only a day ("| 03/30/2017 | 17 | ORDER …: On
    3/15/17, Magistrate Judge … filed …"; "| 24 | | Filed & Entered: | 06/12/2017 | | Terminated: | 06/13/2017 |"),
    among the row's first cells; None for a sentence that is no table row."""
    line = text.rfind("\n", 0, cand["start"]) + 1
    if not text.startswith("|", line) or cand["start"] > text.find("|", line + 1):
        return None
    at = line + 1
    for _ in range(FIRST_CELLS):
        end = text.find("|", at)
        if end < 0 or end > cand["end"]:
            return None
        whole = [d for d in inside if at <= d["start"] and d["end"] <= end]
        if whole and whole[0]["interval"].precision == "day" and not text[at:whole[0]["start"]].strip() \
                and not _CELL_HOUR.sub("", text[whole[0]["end"]:end]).strip():
            return whole[0]
        at = end + 1
    return None


def _best(found: list[dict[str, Any]], trigger_at: int, text: str = "", start: int = 0) -> dates.DateInterval | None:
    """A date written out beats one counted or inferred ("About three years later, in August 2016");
    among those, a date that opens the sentence ("On April 25, 2020, the court granted ...") dates its
    main clause; otherwise explicit beats relative beats anaphoric, a day beats a month beats a year,
    then the date nearest the trigger word (a letter's own date is not the date of what it reports)."""
    order = {"day": 0, "week": 1, "month": 2, "quarter": 3, "season": 4, "year": 5}
    source = {"explicit": 0, "relative": 1, "anaphoric": 2, "document_date": 3}
    if not found:
        return None

    def fronted(d: dict[str, Any]) -> bool:
        return d["start"] >= start and bool(FRONTED_RE.fullmatch(text[start:d["start"]]))

    best = min(found, key=lambda d: (d["interval"].source != "explicit", not fronted(d), source.get(d["interval"].source, 9),
                                     order.get(d["interval"].precision, 9), abs(d["start"] - trigger_at)))
    return best["interval"]


def _trim(text: str, start: int, end: int, skip: Iterable[tuple[int, int]] = ()) -> tuple[int, int]:
    """The quote without the blanks and the skipped page furniture (a running footer the sentence's
    span ran on into) at its ends."""
    skip = list(skip)

    def out(i: int) -> bool:
        return text[i].isspace() or any(a <= i < b for a, b in skip)
    while start < end and out(start):
        start += 1
    while end > start and out(end - 1):
        end -= 1
    return start, end


def event_role(mention: dict[str, Any], event: dict[str, Any]) -> str:
    """agent | patient | mentioned, from the dependency spans the NLP pass recorded."""
    for role, spans in (("agent", event["_agents"]), ("patient", event["_patients"])):
        if any(s <= mention["start"] and mention["end"] <= e for s, e in spans):
            return role
    return "mentioned"
