"""What the spaCy pass reads off a parsed page: sentences, entities, person mentions (with titles
and roles) and event candidates, as plain data (character offsets into the page text), never spaCy
objects. How the model is loaded and run is `pipeline/tagger.py`."""
from __future__ import annotations

import re
from typing import Any

from spacy.tokens import Span

from pipeline.doc_text import text_of
from pipeline.candidates import event_candidate
from pipeline.lexicon import ALSO_SURNAMES, HONORIFICS, NAME_SUFFIXES, ORG_WORDS, ROLE_NOUNS, ROLE_TITLES, TITLE_WORDS
from pipeline.judges import judge_spans
from pipeline.language import foreign_sentence
from pipeline.transcript import is_word_index
from pipeline.name_columns import caps_run_end, column_end, column_start, firm_line, unbracketed
from pipeline.name_runs import aged_names, caps_names, census_names, couples, field_names, inverted_names, who_names
from pipeline.name_tokens import DASHES, capitalised, initial, mention, name_end
from pipeline.person_spans import (NOT_PERSON_LABELS, NUMBER_LABELS, PARTICLES, Around, common_word, entity_key, given_names,
                                   ordinary_head, ordinary_tail, org_heads, outvoted, refuse, surnames, trim, zipf)

VERSION = "nlp.v201"   # v201: review, no change in output: one speaker-turn pattern (verdicts.SPEAKER_TURN), one "seconded by" pattern, one test of a motion said with pleasure (candidates._pleased); v200: a verbless second alone ("Seconded by Councilor Ruble.", a stamp's shape) is the second made at the meeting, unless its motion is procedure (candidates._SECONDED_BY); v199: a clause's date counted from the document's own ("an overhaul that Gates detailed this week", "training sessions that the Province hosted this weekend", "this month", "this morning", "this year") is a date of its own (candidates._DAY_WORDS); v198: a motion made by saying so is the rules' own act ("I'd like to move that the report of September 12th … be adopted": its candidate's `rule`), not left to the learned filter alone; v197: a motion made with pleasure ("I'm pleased to introduce the Report of April 11 and move Consent Items 1 and 2", "I am pleased to introduce Items 1 to 6 as consent items") is made at the meeting, no state of the speaker's (candidates._PLEASED); v196: the chair ruling on a motion named by what it moves or on the matter before the meeting ("The motion to refer it back to EPC is defeated, …", "The matter is referred.") and a member's "Nay. Recorded in opposition." are the meeting's decisions (verdicts.VERDICT); v195: the chair calling the vote ("All those in favour? Opposed?") between a procedural motion and its "Carried." keeps the verdict procedure (candidates._VOTE_CALLED); v194: a word in lower case straight after a number ends no sentence ("I move that By-law No. 89/2013 | be read a first time", tagger._caps_inside); v183: a polite motion the parser hangs under the speaker's thanks ("Thank you, Mr. Speaker I'd like to introduce the report and move Items 1 through 14") is made, not told of; v182: a table cell run on to the next line, its border opening the line ("… Lynne U. Chronister; James H." / "| Shumock; …"), is read as one text, so a name across the break is one (extract.nlp_text); an Alabama list's item, case number to its mixed-case disposition, is one sentence (decided_items); v181: a motion made politely is made ("I would like to introduce the report and move adoption of consent agenda Items 1 to 9", "I'd like to move Items 1 to 3": done, said now; "move adoption of", "move Items" are motions; "we will move on to Finance" is none); a resolution's "THAT this Council …" opening a line starts a sentence, so "Moved by …, Seconded by …," is its own; the second, the abstentions and the vote ("It passed 4-0.") after a procedural motion are procedure too, and "moved to accept the October 9, 2017 meeting minutes" is one; a markdown heading ("### 1. Type IV Hearing for …") is no act; v180: an item of a list opens on a number glued to a name's number ("5.20 Guest St Courtyard, Manager: …"); a new section's heading ends a grouped item, whose decision it is not (decided_items._scan); v179: a quotation's elision (". . .", "…") before a word in lower case ends no sentence (tagger._elided); v178: a clause's act is none inside a relative clause about a person ("Dan Reyes, who led the department after Peggy Whitfield resigned last March": counted from the story) nor a participle without who did it ("the positions approved in January" labels them); v177: "agreed to" a thing to do ("Fidelity agreed to acquire SunGard") is an agreement made, an act, not a view told (candidates._agreed_to); v176: a description in the present and a participle after its noun give their clause's dated act ("The bank is a subsidiary of a holding company that was formed in July 2007"); a date after "from", "since", "until" bounds a clause's act; v175: a candidate carries the past act of a clause with a date of its own, for when its main act has none (candidates._dated_clause); v174: "Motion: Mayor Kibbey moved that …" is a motion made at the meeting, no proposal, whatever day it puts the matter off to; a decision line under a section's heading covers the items after it that have none of their own ("Special 1-Day All Alcohol" / "GRANTED" / "1.LAST HOPE K9 RESCUE, …"); v173: a judge written surname first with the title after ("Barnes, Donna M., C.J.", "McCarty, David Neil, J.") is one person; a caption's run of capitals is cut at its "AND"s and "VS."s, each part read as a name on its own ("… STATE UNIVERSITY AND THOMAS GALLIGAN, INDIVIDUALLY"); v172: an item of a list of decisions (a voting list's licensee to its "GRANTED", a court release's case to its "AFFIRMED. SEE OPINION.", a hand-down list's "…; Disposition: …" paragraph) is one sentence and its decision the act (pipeline/decided_items.py); a justice's vote a release records ("Hughes, J., dissents …") is a verdict; a name run into a field label ("J. Disposition: Affirmed") is no person; v171: a capitalised pronoun, article or other closed-class word after "a.m."/"p.m." opens a sentence ("… at 4 p.m. I'd like to know …"); v170: a line opening on a footnote's number ("1Three cases are consolidated …", "8 In his brief, …") after a blank line takes no sentence that stopped on "to" or "of" above it (tagger._FOOTNOTE_OPENS); v169: with two namesakes in a document and no title to tell them apart, "Mr." or "Ms." rules out the one whose given name the census gives only to the other sex ("Mr. Bordelon" beside "Rock Bordelon" and "Torie Bordelon"; person_spans.given_name_sex); v168: a word nameparser lists as a title but records never write as one, opening a two-word name, is its given name ("Rock Bordelon" had been a titled "Bordelon" and was linked to "Torie Bordelon"; names._TITLES_BEFORE_NAMES); a name with a facility's kind in lower case right after it ("taken to Royal Shrewsbury hospital") is no person (person_spans._FACILITY_AFTER); v167: a filing's or a letter's close with its day and signatures on one line ("August 5, 2020 Respectfully Submitted, s/Amalia Wille s/Judah Lakin") is no candidate (candidates._SIGNED_OFF); v166: a court's disposition after words holding a parenthesis ("We granted a certificate of appealability (COA) and now affirm."), a syllabus's last line naming the judgment below by its citation ("656 F. 3d 1222, affirmed.") and its "X, J., delivered the opinion for a unanimous Court." are the court's own acts of its decision day; v165: after a title and "of", a span that opens on the office or the place ("Director of Law Eve Belfance", "Secretary of State John Kerry") starts at its given name (_past_the_office); v164: one word after a title and "of" is the office it heads ("Director of Law", "Secretary of State"), no person; v163: a given name and a surname only shaped like an English word ("Eve Belfance", "-ance"), that no dictionary holds and the document never writes in lower case, is a name (person_spans._surname_shaped); v162: money or a programme named after a person, its noun right after the name and a determiner or preposition before it ("for Stewart B. McKinney funds", "the Ryan White program"), is no person; v161: a "name" whose first word is an English word no census name bears and no place ("Assistance Grant", left when "Justice" was taken for a title) is no person (person_spans.refuse); v160: more of a court's own dispositions: a headnote's paper and its disposition ("Judgment affirmed.", "Motion to strike … granted.", "Reversed and remanded for further proceedings."), "Costs are awarded to …", "The mandate shall issue forthwith.", "Defendant is sentenced to …", "Respondent is suspended …"; a disposition followed by a condition ("… are awarded … when the statute allows them") is a rule, not the court's act; v159: a procedural line's words are looked for in a sentence's first 200 characters only: a hearing's long account that a boundary missed after "D.C." ran on into "Hearings recessed subject to the call." keeps its act (candidates.PROCEDURAL_REACH); v158: a first initial the model tagged apart ("R." as NORP) before a given name and a surname stays in the name ("R. Daniel Prentiss", _initial_left_out); v157: a year glued to the next sentence by a missing space ("in July of 2020.I attended …") ends its sentence and stays a date (pipeline/tagger.py splits the token); v156: a court's disposition in a coordinated last clause ("We agree and affirm.", "…, and we now affirm."), a circuit's "Affirmed by published opinion.", "The Court GRANTS …" in capitals, the Clerk directed and judgment entered are the court's own acts; "We reverse … only if …" (a standard of review) is not; v155: in minutes, a bare verdict ("Carried.", "Seconded by X. Motion carried unanimously.") after a procedural motion is procedure; minutes still to approve, the next meeting, a member leaving or back at the table, the body meeting "pursuant to adjournment", the agenda approved, "moved to adjourn" are procedure (lexicon.PROCEDURAL); a by-law's "Read a first, second and third time and passed this …" is the meeting's decision, no imperative (verdicts.VERDICT); v154: winning and being elected are acts ("Brown won 55.88% of the vote Sunday night", "since she was elected at age 23 in 2019"): "win", "elect", "reelect" are trigger words (lexicon.TRIGGERS); v153: an item's purpose put as what a body is asked to do ("For the Board of Directors to ratify Director Lewis' appointment …") is a proposal (candidates._PROPOSAL_LABEL); v152: the pledge however it is told ("Those present repeated the pledge to the flag.") and who was there under any body's label ("Commissioners Present: …") are procedure (lexicon.PROCEDURAL); v151: a docket's entry ("| 04/07/2008 | 8 | AFFIDAVIT of Financial Status of …", "| 02/05/2015 | WRIT RECEIVED | | |") is an act of its row's day whether or not its words hold a verb (candidates._DOCKET_ENTRY); v150: "There was no disciplinary hearing on August 11, 2020." is nothing done (candidates._nothing_done), and a licence's hours ("Hours of operation: Monday – Friday: 9:00 AM – 5:00 PM; …") report no act; v149: a crash's aftermath told apart ("The vehicle was towed from the scene.", "The vehicle sustained damage to the front end …") reports no act; the crash does ("The vehicle struck the deer and sustained damage …") (candidates._AFTERMATH); v148: a reporter's inquiry left unanswered ("An email … to the agency was not returned Wednesday.", "his father did not respond to questions", "declined to comment") reports no act (candidates._NO_REPLY); v147: a release list's link line ("Opinion Date: 01/09/2025 View Document") reports no act (candidates._LINK_LABEL); v146: a court list's row that labels its disposition ("…; Majority Opinion: McCarty, J. Disposition: Affirmed.", "Vote: APPEAL DISMISSED.", "Decree: WRIT GRANTED") is this court's act, of the list's day (pipeline/verdicts.py); v145: what a party must show by the law's test ("The movant must demonstrate either …", "To establish standing, Plaintiff Hutchins must show …") is no order of the court (court_orders.BURDENS, a fronted purpose); "Defendant Leon must preserve …" stays one; v144: a heading's "(all commissioners present)" is procedure (lexicon.PROCEDURAL); a form's fields, two labels or more with no verb and no date ("Manager: Ki Seok Kim Hours of Operation: 6:00 PM to 10:30 PM"), report no act (candidates._form_fields); v143: calling the roll or the vote ("Karla, can you please call the roll.", "Can you please call the vote on the substitution.") is procedure (lexicon.PROCEDURAL); v142: the Eighth Circuit's filing stamp ("Appellate Case: 17-2543 Page: 1 Date Filed: 07/26/2017 …") and an issue on appeal put as "Whether …" report no act ("Whether or not the board acted, the director resigned …" does); a court's order in the present that consolidates, stays or extends ("These three appeals are consolidated.", "The time … is extended until March 8, 2013.") is its act of the decision's day (pipeline/verdicts.py); v141: a post held or a service over a period, told in the past with no trigger word, is a state even when dated ("Seabrook was the President of the COBA in June 2016", "She served on the Superior Court from January 2015 to December 2019", "had active duty service … from September 1965 to September 1969"), no candidate (candidates._tenure); v140: approving earlier minutes told with their days before the word "minutes" ("Adopt the June 10, 2019; … and September 23, 2019 Planning Commission minutes.") is procedure (lexicon.PROCEDURAL); v139: a heading line may hold a time's "p.m." and a Markdown file's emphasis ("**July 9, 2020 Board Meeting Action Summary Minutes**", "Board Special Meeting Minutes August 19, 2020 – 6:00 p.m."): the minutes' own heading, no act (pipeline/headings.is_heading); v138: the chair conducting a spoken meeting, said ahead ("We'll vote on one through three.", "I'll call the question.", "I'll move adjournment.", "we'll move on then to the report of …"), is procedure, no candidate (lexicon.PROCEDURAL); a motion ("I'll move that the report be adopted") and the vote's result stay; v137: a line that opens on a date fronted before its comma ("On May 20, 2009, HHS Secretary Kathleen Sebelius and Attorney General" / "Eric Holder announced …") opens a sentence whose names wrap onto the next line, no heading (pipeline/headings.is_heading); v136: a name that ends on a month no census surname bears ("Graham Sept" of a grant table's cells run together; not "March", "May", "June") is no person; v135: a name that ends on a day's name is no person (a page's "Alexa Black Friday" deals); v134: no person is an office's abbreviation ("Fish Dept", "Hemphill Elem"), a word cut at a line's hyphen or a lone letter for a surname ("Review- G"), words a roll glued ("andHonCHAN Chi-chuen") or a three-letter street ("… Way"); plural titles ("Clerks", "Governors", "Directors", …) and a bilingual council's "Conseiller" are titles; v133: a curly apostrophe before a clitic ("it’s", "don’t", "Agency’s") is read as the straight one (extract.nlp_text), which the small model lemmatises ("’s" was a verb of lemma "’"); v132: a suffix ends a name ("Donald B. Verrilli Jr." before a firm's "Munger, Tolles & Olson"); v131: harbours, marinas, wharves and meadows are places ("Kahului Harbor", "Castlebury Meadows"), a burger joint, a shoppe, a steakhouse, a grille or a creamery a shop ("Tasty Burger", "Sandwich Shoppe"); v130: no person is a place or an eatery ("Elk Grove", "Hippo Kitchen", "Yellow Door Taqueria"), a diploma's Latin ("Cum Laude") or a name opening on a state's ("California State Senate"); "Student Trustee" is a title; v129: a news page's update stamp whose time zone the parser read as a verb ("Updated: Nov 8, 2023 / 11:55 PM PST", with or without "by: Josh DuBose") is no candidate; v128: a lettered heading ("C. Toshiba’s Termination of the 1999 Agreement", "B. Whitfield's Resignation") opens on an outline letter, not an initial, even with its neighbours on other pages (nlp._OUTLINE_HEADING); v127: a surname of two letters ends a first name before a second one glued on ("Michelle Wu Kathleen M. Joyce, Chairman": "Michelle Wu" and "Kathleen M. Joyce"); a trade name after a licence form's "Doing business as:" label is no person; "That the Board of Trustees approve the minutes of the board meetings held on …" is procedure (lexicon.PROCEDURAL, any tense); v126: no person is the law's Latin ("Amici Curiae", "Qui Tam", lexicon.LEGAL_LATIN), a party's paper or a court's state in a citation ("Tessera Opp.", "S.D. Cal."), a county abbreviated ("Prince Edward Cty."), a court's verb in capitals before a name ("GRANTS Flores’s motion") or a weekday's short form ("Sat"); v125: a firm named for its trade ("Purdue Pharma", "Southeastern Rehab", "Ellis Logistics") and a letter's closing glued to the name above it ("Daniel Sincerely") are no people (lexicon.ORG_WORDS, FURNITURE); staff titles of minutes and agencies ("Senior Planner", "Assessor", "social worker") are titles, and "International" ends a firm's name; a surname alone in the model's span takes the given name it left out before it ("Caseworker Ana Kowalczyk"); v124: one list of a vote's roll labels (lexicon.ROLL_LABELS: "AYE:", "EXCUSED:", "ABSTENTIONS:" too) for the roll alone and the roll under its vote; a footnote's number is kept after any word that labels a number (lexicon.NUMBER_LABEL_BEFORE, as events.numbered reads it); v123: a court's preamble ("At a Stated Term of the … Court of Appeals …, held at …", "At IAS Part 14 of the Supreme Court …"), a reporter's citation heading a decision ("Cite as 27 I&N Dec. 48 …") and "Notice is hereby given that …" are procedure (lexicon.PROCEDURAL); v122: a footnote's number after a full stop and before a space and the next sentence ("… Disabilities Act.2 The Department …", "… in 2000.2 The function …") is blanked for the parser (pipeline/extract.nlp_text), not after "Sec.", "Vol.", …; v121: a vote's roll under "… carried with the following roll call vote:" (Ayes / Noes / Absent lines, over blank lines) is that sentence's; a single item on the line after "… the following nominations:" is the clause's object (pipeline/tagger.heading_breaks); v120: what a thing is or does, told in the present with no trigger word and no date but a possessive ("The grants support programs aimed at … tomorrow's leaders", "The project includes …"), is no candidate; v119: how a report's figure was worked out ("… were calculated using fourth quarter 2010 figures", "… estimated based on …") is no candidate (candidates._METHOD); v118: more procedure of minutes ("Motion to approve the minutes …", "The minutes are approved as written.", "Motion to adjourn …", "Adjournment passes."); "Ranking Member" is a title (an address block's "The Honorable Charles E. Grassley" / "Ranking Member" / "Committee on Finance" is a person); v117: a letter's people: the addressee in capitals after "THE HONORABLE", the salutation's "Dear Faraj Alhadi Ghabag:", a name a clause on "who" follows ("Alain Amador who was sentenced", not outvoted by the model's ORG) (name_runs.who_names); a town before its state or country is no person ("Great Falls, Montana"); v116: a motion told with its mover and seconder ("On a motion by Clark, seconded by Wood, and carried (…) to give …") is the meeting's verdict (pipeline/verdicts.py); a roll call vote is no roll call ("… it carried with the following roll call vote:"); v115: a roster's name stops before its title on the line ("Greg Zlotnick Water Resources Manager", "Shawn Huckaby - Customer Service Manager", nlp._title_on_the_line); a given name then a surname that is also a furniture word is a person ("Gary Page"); a word the document writes as a surname after a given name reads as no given name after a comma ("(Page, Carey)", name_runs.inverted_names); v114: a nickname in quotes inside a name ("Edward Lawrence “Larry” Kerin") stays inside one person, shown without it (name_tokens.mention; nlp._nickname_then_surname where the model ended the name before it); v113: more procedure of minutes (lexicon.PROCEDURAL): "called the closed session meeting to order", "convened to Closed Session", "reconvened to Open Session", "Board members present:", "(arrived at 6:06 pm)", "moved item VI.1 before the consent calendar"; v112: a sentence opening mid-line has no heading line to cut off ("… improvements. In January 2021, the Los Angeles County" / "Metropolitan …", candidates.content_start); v111: the letter a reply answers ("in response to your letter of November 20, 2014", "your September 7, 2011, letter in which you requested …") is an act of its day (pipeline/letters.py); v110: a form's field that names people ("Applicant: Sina Khajavi / SK Architects, …", "Owner: Vivek Tandon & Suresh Tandon") names each before the firm or the address (pipeline/name_runs.field_names); v109: the Congressional Record's account of the floor's acts ("The question was taken; …", "The yeas and nays were ordered.", "A motion to reconsider was laid on the table.", "The amendment was agreed to.") is a vote of the meeting's day (pipeline/verdicts.py); v108: a measure's number in Congress ("H. Con. Res. 211", "H. Rept. 109-175", "S. 1250") ends no sentence (pipeline/tagger._measure_numbers); v107: review mends: one test for "no finite verb" in candidates; the dateline rule lives only in the capitals reader (pipeline/name_runs.py); v106: an item's title in capitals, a noun and no verb told ("ADOPTION OF RESOLUTION declaring …"), is no candidate; one that records the act ("… Motion by Ames, carried 5-0") stays; v105: more procedural lines: "Minutes of the previous meeting approved.", an agenda's "Minutes of the Regular City Council Meeting of October 4, 2022, …" (lexicon.PROCEDURAL); v104: a letterhead's or a footer's address with its ZIP code and a phone number ("… Chicago IL 60625 | p: 773.728.3890") reports no act; v103: a vote's roll under its labels with no verb ("AYES: Mashack, Brown, … ABSENT:") is no candidate; v102: words a page glued together ("newsLTC Cash Voucher SchemeSGX", a flattened menu) are no person ("DeShawn", "MacArthur", "FitzGerald" stay); v101: a next line in lower case also carries a sentence over a blank line; v100: a sentence runs on over a blank line when the line before stops on a word like "of", "the", "to" (a PDF's wide line spacing), unless the next line opens a list item, a speaker's turn or a line in capitals; v99: a given name alone at the end of the line before a two-word name is the name's ("…, Francis" / "Ford Coppola"), even when the model read it apart; a dam, a reservoir, a levee are no people; v98: a phrase that places the act after or before another event with its own date ("sentenced today following his conviction on June 18") holds that event's date, not the act's (pipeline/date_scope.py); v97: a line that is only a date ("Wednesday, July 29, 2015") is a heading, and so is a headline wrapped onto a second line after a small word ("… Sentenced to 25 Years to Life for" / "Fatally Shooting His Close Friend"): a press release's lead is its own sentence; v96: no person is a menu's month names ("April" / "May"), a dateline in capitals before its dash ("SANTA ANA – …") or a headline's "<Town> Man Charged"; v95: no person is a city before its state and ZIP code ("Silver Spring, Maryland 20910"), an address's unit ("Suite 210"), a firm named by its partners ("… Harris & Russell PLLC"), a form's label ("… First name") or a brokerage; v94: an office on the line after a name that ends its line ("The Honorable X" / "Inspector General" / "U.S. Department of …") is no facility the name runs into; a given name the model left out before an initial is the name's ("Alejandro" + "M. Sanchez"); v93: an acronym inside a name in mixed case is an organisation or a product ("BBC Sport", "Santander UK"; "JD Vance", "Jane Roe MD" stay); abbreviated military ranks are titles ("LTG H. Steven Blum"); a verb of planning joined on by "and" is no modal of the act before it; v92: no person is a ship ("USS Higgins"), a holiday greeting ("Merry Christmas"), a newspaper named by its city ("Washington Examiner") or a name right after "the" with no title and no noun after it ("from the Cleveland Browns"); a roster's name before a label line, a name the model stopped at its middle initial ("Larry G. Weber"), a table cell's border ("| Bob Hoch") and a middle initial alone on its line keep the name whole; an agent noun that is also a surname before a given name is the role ("Farmer Chad Smith"); a state or an ongoing matter told under a verb of telling, even in the past or with a vague date ("reported that there was no indication …"), is no candidate; v91: a word in lower case straight after a word opens no sentence ("… blew apart a trash | can just before …", pipeline/tagger.py); v90: "I certify that a copy … was sent on …" is what was told, dated by its clause; v89: "Parts of the meeting were open to the public …" is procedure; thanking, expressing, describing with no clause, no trigger and no date ("Mr. Long thanked Mr. Saul for his comments") is talk at the meeting; v88: an act named only as the subject of a description ("This audit focused on …", "The first audit Mr. Ahuja discussed was …"), with no date, is no candidate; a title-case line of up to 16 words is a heading ("Performance Audit of the Thrift Savings Plan … Controls"); v87: a two-word name the model ended before a third part that is no English word at all, written like a name ("Yoon Suk" + "Yeol"), takes it; v86: "IT IS HEREBY ORDERED that …" is the court's order even when the parser loses its "it"; v85: "Opinion for the Court filed by Chief Judge Edwards." and "This case is referred to the Compliance Program" are the court's own acts of its decision day; v84: a firm abroad written with its suffix ("Petersen Energia Inversora, S.A.U.", "Philips N.V.") is no person; "S.A. Brown" after a comma still is; v83: a state told in the past with no trigger word and no date ("There were three new recommendations", "The meeting was open to the public") is no candidate; v82: a plan told on a day ("Haley said on Tuesday that she would resign") is an announcement done that day; v81: a bare verb after a fronted phrase ("Before further flight, do all applicable actions …") is a requirement, no act; a bulletin or a paragraph that specifies or provides says what a text says; v80: a PERSON span the model ran on into a facility word ("Walter Sillers Building" on an address line) is a building, no person; v79: a staff report of what was going on or might be ("explained that the Agency was conducting a capacity study", "answered that challenges may affect the timeline"), with no date of its own, is no candidate ("answered the complaint" stays a filing); v78: who attended, name by title ("Gregory T. Long, Executive Director; Megan G. Grumbine, Acting Secretary; …"), and a figure that moved ("arrests increased by more than 57 percent", "BlackRock outperformed the index by 7 basis points", "the G Fund experienced an inflow of $1.4 billion") are no candidates; v77: with no trigger word, a reporting root over a clause that holds a date ("She reported that on March 25, 2021, the City Council identified five priorities") is what was told, dated by its clause and judged as reported (a day or a week, else no entry); v76: a reporting verb over a clause ("Walther confirmed that the Agency held a conference on December 14, 2012") is not the act: the clause's act is, with its own date (an appointee's confirmation has no clause); v75: more procedural lines of minutes are no candidates: who attended ("In attendance were …"), the approval of an earlier meeting's minutes ("entertained a motion for approval of the minutes …", "MOTION: That the minutes of … be approved", "APPROVED … MINUTES of May 3"), going into or out of executive session (lexicon.PROCEDURAL); v74: what a staff member or a speaker tells of now or ahead ("Ms. Crowder explained that the growth is based …", "Mr. Ahuja noted that the Agency finds …", "… the City may adopt …"), with no date in the sentence and no act word outside the telling, is no candidate (in minutes the meeting would date it; told in the past it may be an act); v73: a transcript's word index ("congressional [3] 26:23,25 27:6", pipeline/transcript.is_word_index) names no one and reports nothing; a name opening on a lower-case word ("a Congressperson"), holding a speaker's break ("George -- George Mason") or naming a case ("the Baker Botts case") is no person; "Congressperson" is a title; v72: "Asst." is a title ("LAPD Asst. Chief Earl Paysinger"); a name with an age after it (", 30, are being held") is not outvoted by the model calling it an organisation; a headline's verb before a given name ("Jury Finds Dylann …") is no name; v71: a row of a report's list of reports, opening on the report's number ("A-07-12-05023 Medicare Compliance Review … 11/13/2012"), reports no act; v70: a line that opens on a word and a comma ("Today, Domestic Policy Advisor Susan Rice, … Counsel Dana" / "Remus, and …") is a sentence wrapped, no heading (the word a frequent English word and no name: a roll call's "Sherrard, Allen Fisk, …" stays a line of its own); v69: more of a court's own words are its acts of the decision day (pipeline/court_orders.py): "it is ordered that …", "This constitutes the Order of the Court.", a disposition in the future ("the appeal will be sustained, … the record will be remanded"), "X delivered the opinion of the Appeals Board"; none under "if"; v68: two given names the model ended before a rare census surname take it ("Johnathan Jackson" + "Pledger"); a given name the model took for a place, in a comma list of people, is a name ("…, Amelia Warner, …"); a given name and initials before a surname that is also a place word are a person ("Michael E. Ward"); "co-founder" after a name is no "& Co."; v67: a few people counted as the subject ("TWO men were killed", "Three deputies were fired") are an incident's, not a figure (up to 12); streets named the British way ("Harp Close", "… Crescent", "… Mews") are no people; v66: an agenda item's label in capitals then a dash, then a bare verb ("EXEMPTION DETERMINATION - Waive the second reading …"), is a recommendation, no act; v65: a verbless line headed by a preposition ("From the Congressional Record Online through …") reports no act; legislators' and judges' titles and the plural titles that name several ("Congressmen Hyde and McCollum", "Commissioners …", "Justice") are no part of a name; v64: the foreign-language test runs once per sentence (nlp.analyse), for people and candidates alike; no change in output; v63: a list of capitalised names with no verb ("Darling, Haskew, Wilk, Mayor Pro Tem Silva, Mayor Francois.", a vote's roll under a label on the line before) reports no act; v62: a run of capitals too long for one name splits into a masthead's names where a census given name follows a census surname ("RAY PEARL NED E. DAVIS KELLY HONIG …"); "McSWEENEY" is a word in capitals; v61: capitals inside a line of running text go on its sentence, and "No." before a number ends none ("… to ADOPT RESOLUTION NO. 22-24 declaring …" is one sentence); v60: the middle line of an address block (a name above, a street address below) is a firm, no person; a mixed-case name takes no word of a capitals run glued on after it ("Hunt POTTER STEWART"); "Schedule C", "… L. Treatise" are no people; v59: a press office's contact block (a label and a phone number or e-mail) and a listing's "Read More" links report no act; v58: a sentence in another language (pipeline/language.py) names no person and reports no act; v57: a name that "which" follows (", which maintains …") is a thing or an organisation, no person; v56: a capital "V." between a given name and a surname is an initial, not "versus" (only "v."/"vs." or "V." in capitals); a name with an age after it (", 58, of Quincy") is a person (name_runs.aged_names); v55: a name a rule read after its title (a judge on a concurrence line, "Commissioner X") is not outvoted by the model calling the same words an ORG; a bare surname that opens on a particle ("St. Pierre’s", curly possessive too) takes the full name; v54: a frequent English word no census name bears (wordfreq: "Withdraw", "Limit") ends a name or, inside it, unmakes it ("Art Contest Winners"); a state then such a word ("California Building Laws"), a lower-case word that is no particle ("Vlomey ton"), a code section before its number ("RMC Sec. 1.08.020") are no people; v53: judges named by surname in capitals on a separate opinion's or a concurrence's line are people, titled (pipeline/judges.py); v52: no person is a case named "In re …" or cited by its reporter (", 582 F.3d at 133"), a firm ("…, Esq., PLLC."), a church ("… Baptist"); v51: a sentence opening on a text as its subject before a present verb ("The rule waives …") is what the text says, however parsed; v50: a resolution's clause opening a line in capitals ("WHEREAS", "THEREFORE BE IT RESOLVED") starts a sentence; v49: a judge's separate opinion ("BARRON, Circuit Judge, concurring …") and a concurrence naming its judges with "and" are the court's acts of its decision day; v48: a line that ends on "; and" or "; or" ends a list item, so the next line's item is a sentence of its own; v47: an abbreviated rank ("Sgt.", "Det.", "Supt") is a title, one token; v46: v45 withdrawn (a figure's change and a line with no verb no candidates: better precision on dev, lower dated recall on the held-back split); v44: no person is a country, state or province, holds a possessive or a hyphen's lower-case English half inside, lists names joined by hyphens, or is an eponym ("Lou Gehrig’s disease"); v43: a name ends at its line's end when the one word after the break is a common English word ("Jason Garnett" / "Woman’s Subcommittee"); v42: a dated aside counts only for its own verb and a written day or year ("who led … after Whitfield resigned last March" is not hers); v41: "counted" is a count of records or people ("sentenced 208 defendants"), not "cut 12 positions" (a decision); v40: a candidate says whether its act is a figure ("counted"); v39: a footnote number glued between a full stop and the next sentence ("action.6The FAA") is blanked for the parser; v38: plain saying only in the past, outside a table row (a docket row's "to Continue", "attachment(s) added" stay); "is to approve" is arranged, not done; v37: plain saying with nothing else done ("“…,” Rene said Wednesday.", "X shared that sentiment on Monday") and a text's provisions in the present even with a trigger word ("The ordinance waives …", "Table 2 depicts …") are no candidates; v36: a dated aside about someone named ("…, said King, who resigned … and filed to run on Dec. 20.") is their act, not a description; v35: a verbless complement ("declared [the virus a national emergency on January 31]") is no clause of its own: its date is the verb's; v34: a court's own finding or order in the present ("The Court finds …", "Defendant X must preserve …", "The parties shall bear their own costs.", "… are enjoined from …") is done and dated by its decision (pipeline/court_orders.py); v33: a candidate says whether it is a performative said now ("I move", "we'll vote": "now"); v32: v26 withdrawn (a verbless trigger-less sentence is a candidate again: refusing it cost held-back recall 0.534 -> 0.494, found by a bisect on aggregate figures); v31: the people10 branch merged (its v23-v25: a docket block's next column is no part of a name, pipeline/name_columns.py); people10 v25: a bracket glued on after a full stop ("L.L.P.(WA)") opens a note too; people10 v24: a firm's block read as a span of its own after a name is no one, the word between a span and such a block is the name's, only a cell's span loses a partner's name to a firm, words without a vowel ("Crt Rptr") and English words right before a full name are no people; people10 v23: a docket block's next column is no part of a name (a firm named by its partners, a block repeated after other names, "PRO SE", a label before its colon, a bracket glued on), a given name before a cell's span is, a city before ", ST 12345" and a name ending in a street word are no people; main: v30: a docket row's opening date cell frames the row (date_rules.FRONTED_RE); v29: a trigger-less sentence in the present whose subject is a text or its part ("The rule provides …", "This AD applies to …") is no candidate; v28: a page marker on a line of its own inside running text ("[[Page D786]]", "[*5]", "- 12 -") ends no sentence; v27: a trigger-less sentence whose main verb is "is/are" states a state or a schedule ("Her last day is April 1."), no candidate; v26: a sentence with no verb and no trigger word, outside a table row, is no candidate ("AYES: …", "Question period for Public Works."); v25: a photo caption in the present ("… is seen in Glasgow, Scotland December 29, 2014", "are pictured", "poses") is no candidate; "is due to / set to / about to" + verb is an act ahead (planned); v24: a date that opens the sentence ("On January 10, 2015, …") is never foreign to a main-verb trigger, whatever clause the parser hung it on; v23: a court's own decision read over line breaks ("… St.\nPierre's claims is AFFIRMED"), "So Ordered.", lower case only in the present and outside a condition ("is affirmed", not "was dismissed", "If … is granted"); a capitalised line whose words run on into the next ("… Health and Human" / "Services declared …") is no heading; v22: the people branch's last two rules merged (people branch v19: two given names sharing a surname are two people ("George and Marilyn Hartwell"); people branch v18: a census surname opening a name is no role cut off it ("Han Dong-su")); v21: a TIME span that names its day ("about 3:15 p.m. Dec. 22") is a date of the sentence's own, so a reported act dated so stays; v20: a court's electronic filing stamp ("Case: 20-16276, 08/05/2020, ID: …") is no candidate; v19: in a list whose lines end on ";" or ":", a line opening on a capital or a digit opens a sentence ("S. 1250, to reauthorize …;"); v18: the event rules of main and the people rules of the people branch together; people branch: v17: names written surname first ("| Whitcomb, Harold T. |", "Present: Alvarez, Teresa;") are read whole; v16: English words before a given name are no part of the name ("Liaison Kenneth Toyos"); v15: trade names ("... Salon", "... Books", after "dba") and a compass point after a house number ("1840 W. Harrison") are no people; v14: a run of English words with no given name is no person ("Event Calendar", "Tenant Ejected"), nor a headline verb after a surname ("Morales Sues");; main: v16: a line of capitalised words without a trigger word is a candidate again (v13 refused it; that cost acts); v15: talk at a meeting in the first person and the present ("We have two reports", "I think …") and a chair's cue ("Councillor X to close.") are no candidates, while "I move that …" stays; v14: nothing done ("No injuries were reported", "arrested no one") is no candidate; a title-case headline ("… To Replace The …") without a finite verb is none either; v13: a past act inside what a verb of reporting reports ("records revealed the domain had been registered on Oct. 28") is a candidate, reported (it needs a date of its own); v12: a capitals run holding O'HAGAN-like words counts them; v11: names in capitals (a court's caption, a judge's signature); v10: a second name glued on a span over a line break is read as its own; a document part opening a span is no person; v9: legal citation abbreviations, parts of a document, headlines cut short and sentence openers are no people; v8: proposals, modals and conditions are not done acts; date and time stamps are no candidates; v7: a label before its number ("Check Nos. 221568") is no person; v6: addresses, lettered list items, labels on the next line, census names inside longer capitalised runs are no people; v5: a document's majority label outvotes a PERSON span, titles and second names inside a span split it; v4: candidates without a trigger word, for the learned filter; v3: person spans refused or trimmed (pipeline/person_spans.py), heading and blank-line sentence breaks
_ROLE_NOUN = re.compile(
    r"\bthe\s+((?:interim\s+|acting\s+|new\s+|former\s+)?(?:%s))\b(?!\s+[A-Z])" % "|".join(
        sorted((re.escape(r) for r in ROLE_NOUNS), key=len, reverse=True)))


def analyse(doc: Any) -> dict[str, Any]:
    text = text_of(doc)
    # spaCy builds `doc.ents` (and `Span.ents`, which walks it) anew on every access: read it once
    ents = tuple(doc.ents)
    sents = list(doc.sents)
    sentences = [(s.start_char, s.end_char) for s in sents]
    entities = [{"start": e.start_char, "end": e.end_char, "label": e.label_, "text": e.text}
                for e in ents]
    roles = [{"start": m.start(1), "end": m.end(1), "text": m.group(1), "label": "ROLE"}
             for m in _ROLE_NOUN.finditer(text)]
    if is_word_index(text):   # a transcript's word index ("Laden Lamberth Landgraf …") names no one, reports nothing
        return {"sentences": sentences, "entities": entities, "people": [], "roles": roles, "candidates": []}
    # a menu or notice in another language ("Formulario de Denuncia en Línea …") names no one and reports nothing
    foreign = [(s.start_char, s.end_char) for s in sents if foreign_sentence(s)]
    people = [m for m in _person_mentions(doc, ents) if not any(a <= m["start"] < b for a, b in foreign)]
    candidates = [c for s in sents if (s.start_char, s.end_char) not in foreign
                  and (c := event_candidate(s, _within(ents, s)))]
    return {"sentences": sentences, "entities": entities, "people": people, "roles": roles,
            "candidates": candidates}


_NAME_SUFFIXES = NAME_SUFFIXES | {"esq"}


def _over_the_line(spans: list[Any]) -> list[Any]:
    """A given name the model read alone at a line's end, then the two-word name it begins on the
    next line ("…, Francis" / "Ford Coppola"): one name."""
    out: list[Any] = []
    for span in spans:
        prev = out[-1] if out else None
        if prev is not None and len(prev) == 1 and prev.end + 1 == span.start and \
                _given_name_over_the_line(span.doc, span.start, span.end, set()):
            out[-1] = Span(span.doc, prev.start, span.end, label="PERSON")
            continue
        out.append(span)
    return out


def _given_name_over_the_line(doc: Any, start: int, end: int, taken: set[int]) -> bool:
    """A given name alone at the end of the line before a two-word name, after no other capitalised
    word ("… immigrants, Francis" / "Ford Coppola was …"): the model left it out."""
    if start < 2 or end - start != 2 or not doc[start - 1].is_space or doc[start - 1].text.count("\n") != 1:
        return False
    given = doc[start - 2]
    before = doc[start - 3] if start >= 3 else None
    return given.is_title and given.is_alpha and given.lower_ in given_names() and start - 2 not in taken and \
        (before is None or not (before.is_title and before.is_alpha)) and "\n" not in given.whitespace_


def _line_end(doc: Any, start: int, end: int) -> int:
    """A name ends at its line's end when the first word after the break is a common English word: an
    agenda's "… – Jason Garnett" / "Woman’s Subcommittee – …", "Krishna Brahmamdam" / "Pilot of Risk
    Supervision" (the next item's first word); "Steven Clyde" / "Sharpe" goes on."""
    brk = next((t.i for t in reversed(doc[start:end]) if t.is_space and "\n" in t.text), None)
    if brk is not None and brk - start >= 2 and brk + 1 < end and common_word(doc[brk + 1].text) and \
            doc[brk + 1].text.rstrip(".").lower() not in _NAME_SUFFIXES:   # "Kenneth D. Upton," / "Jr."
        return brk   # "Woman’s", "Budget Review", "Adoption of Risk Assessment System"
    return end


def _title_on_the_line(doc: Any, start: int, end: int) -> int:
    """A roster's line, a name then its title ("Greg Zlotnick Water Resources Manager", "Shawn Huckaby -
    Customer Service Manager"): a span the model ran on into the title stops at a spaced dash, or at the
    title's first word, an English word past the name's second, when the line ends on a title word."""
    dash = next((k for k in range(start + 2, end) if doc[k].text in DASHES and doc[k - 1].whitespace_
                 and doc[k].whitespace_), None)
    if dash is not None:
        return dash   # "Shawn Huckaby - Customer Service" (+ "Manager"): the title after a spaced dash
    if end - start < 3:
        return end
    last = end
    while last < len(doc) and not doc[last].is_space and "\n" not in doc[last - 1].whitespace_:
        last += 1   # the line's last word
    words = doc[start:last]
    if not words or words[-1].lower_ not in TITLE_WORDS | {"counsel"} or not all(
            t.is_title or t.text in ("/", "&", "of", "and") for t in words):
        return end
    cut = next((k for k in range(start + 2, end) if common_word(doc[k].text)), end)
    return cut


def _within(ents: tuple[Any, ...], span: Any) -> list[Any]:
    """`span.ents`, from entities already read."""
    return [e for e in ents if e.start >= span.start and e.end <= span.end]


def _person_mentions(doc: Any, ents: tuple[Any, ...]) -> list[dict[str, Any]]:
    found: list[dict[str, Any]] = []
    taken: set[int] = set()
    ordinary = {t.text for t in doc if t.is_alpha and t.is_lower}   # "good" is a word here, not a name
    heads = org_heads([[t.text for t in e] for e in ents if e.label_ == "ORG"])

    def around(start: int, end: int, titled: bool = False) -> Around:
        at = doc[end - 1].idx + len(doc[end - 1]) if 0 < end <= len(doc) else len(text_of(doc))
        after = text_of(doc)[at:at + 40]   # (a bounded slice: the rest of a long page is not copied per name)
        line_end = "\n" in after[:len(after) - len(after.lstrip())]
        return Around(_words(doc, start, -1), _words(doc, end, 1, 6), ordinary, heads, titled, line_end)

    letters = set(_ENUMERATOR.findall(text_of(doc)))
    found += inverted_names(doc, taken, {w.lower() for w in ordinary})
    found += couples(doc, taken, {w.lower() for w in ordinary})
    inverted = set(taken)
    queue = _over_the_line([e for e in ents if e.label_ == "PERSON"])
    for ent in queue:   # grows by the second names of glued spans
        if any(t.i in inverted for t in ent):
            continue   # the span runs over names read already: surname first ("Whitcomb, Harold T."), a couple
        lead, tail = trim([t.text for t in ent])   # `Christie “`: quote marks are not the name
        versus = next((t.i for t in ent if t.lower_ in ("v.", "vs.", "v", "vs") and t.i > ent.start + lead), None)
        if versus is not None:   # "Jessica Parker v. C. R. Bard": the first party of a caption
            tail = min(tail, versus - ent.start)
        start_tok, end_tok = ent.start + lead, name_end(doc, _label_line(doc, ent.start + lead, ent.start + tail))
        end_tok = _surname_left_out(doc, start_tok, end_tok)
        if (nicknamed := _nickname_then_surname(doc, end_tok)) > end_tok:
            inverted.add(end_tok + 1)   # "Edward Lawrence" + “Larry” + "Kerin": the nickname is no one else
            end_tok = nicknamed
        if 0 < start_tok < end_tok - 1 and initial(doc[start_tok]) and doc[start_tok - 1].is_title and \
                doc[start_tok - 1].is_alpha and doc[start_tok - 1].lower_ in given_names() and \
                start_tok - 1 not in taken:
            start_tok -= 1   # "Alejandro" + "M. Sanchez": the model left the given name out
        elif _given_name_over_the_line(doc, start_tok, end_tok, taken):
            start_tok -= 2   # "…, Francis" / "Ford Coppola": the given name ends the line before
        elif end_tok - start_tok >= 2 and _initial_left_out(doc, start_tok, taken):
            start_tok -= 1   # "R." + "Daniel Prentiss": the model tagged the first initial apart (as NORP)
        elif end_tok - start_tok == 1 and _given_name_left_out(doc, start_tok, taken):
            start_tok -= 1   # "Caseworker" + "Ana" + "Kowalczyk": the model read the title as a group
            # and left the given name between them out
        start_tok = _past_the_office(doc, start_tok, end_tok)   # "Director of Law" + "Eve Belfance"
        enumerated = _enumerator(doc, start_tok, letters)
        if enumerated:   # "B. Brian Bergman" on a roll call lettered A., B., C.: "B." is the list's
            start_tok += 1
            while start_tok < end_tok and doc[start_tok].is_space:
                start_tok += 1
        # A PERSON span that begins with a title: keep the title apart from the name.
        while start_tok < end_tok - 1 and doc[start_tok].lower_ in TITLE_WORDS:
            start_tok += 1
        title_start = start_tok
        # Title words right before the entity ("Interim Director" + "Daniel Okafor"), also across
        # a line break ("Deputy\nDirector Patricia Lund").
        while (prev := _title_before(doc, title_start)) is not None:
            title_start = prev
        if start_tok >= end_tok:
            continue
        end_tok = _suffix_end(doc, start_tok, end_tok)
        name_start, cut = _unglued(doc, start_tok, end_tok)
        if cut < end_tok and name_start == start_tok:   # a second name glued on: read it as a span of its own
            runs_on = cut == end_tok - 1 and doc[cut].lower_ in given_names()   # "... Winterbourne Neil" + "Porter"
            queue.append(Span(doc, cut, cut + 2 if runs_on else end_tok, label="PERSON"))
        end_tok = cut
        if name_start != start_tok:   # the name after a title inside the span: that title is its own
            title_start = name_start
            while title_start > start_tok and doc[title_start - 1].lower_ in TITLE_WORDS:
                title_start -= 1
            start_tok = name_start
        if end_tok - start_tok == 1 and title_start == start_tok and _given_name_left_out(doc, start_tok, taken):
            start_tok = title_start = start_tok - 1   # "Wu" cut off "Wu Kathleen M. Joyce": "Michelle" before it
            while (prev := _title_before(doc, title_start)) is not None:
                title_start = prev
        if title_start == start_tok and not enumerated:   # a docket's cell: "NOTICED Jeremy Robert Saks"
            start_tok = title_start = column_start(doc, start_tok, end_tok, ordinary)
        end_tok = column_end(doc, start_tok, end_tok)   # "Ann Lee Voss Harcourt, Pryor & Yates LLP", "PRO SE"
        end_tok = caps_run_end(doc, start_tok, end_tok)  # "Deborah S. Hunt POTTER STEWART U.S. COURTHOUSE"
        end_tok = _line_end(doc, start_tok, end_tok)
        end_tok = _title_on_the_line(doc, start_tok, end_tok)
        cut = ordinary_tail([t.text for t in doc[start_tok:end_tok]], ordinary)
        if cut and doc[end_tok - cut].lower_ in ORG_WORDS - ALSO_SURNAMES:
            continue   # the model's span runs on into a facility word: "Walter Sillers Building" is a building
        end_tok -= cut
        head = ordinary_head([t.text for t in doc[start_tok:end_tok]], ordinary)
        if head:   # "Liaison Kenneth Toyos": a word before the given name is no part of the name
            title_start = title_start + head if title_start == start_tok else title_start
            start_tok += head
        while end_tok > start_tok + 1 and not doc[end_tok - 1].text.strip(_EDGE_MARKS):
            end_tok -= 1   # "Alejandra Avila -" once the title or word after the dash is cut off
        name = doc[start_tok:end_tok]
        if enumerated and len(name) < 2:
            continue   # "B. Remarks by the Outgoing Mayor": an agenda's lettered item
        if not len(name) or not any(t.is_alpha and t.is_title for t in name) \
                or all(t.lower_ in TITLE_WORDS for t in name) \
                or refuse(unbracketed(name.text), around(title_start, end_tok, title_start < start_tok)):
            continue  # a title alone ("Supervisor", a table cell), an organisation, a place, a credit
        title_text = doc[title_start:start_tok].text if title_start < start_tok else None
        found.append(mention(doc, title_start, end_tok, name, title_text))
        taken.update(range(title_start, end_tok))
    # Title + capitalised surname that the statistical NER missed ("Commissioner Ortiz").
    for i, tok in enumerate(doc[:-1]):
        if i in taken or tok.lower_ not in TITLE_WORDS or not tok.is_title or \
                _title_before(doc, i) is not None:
            continue  # a title run is read from its first word
        j = i
        while (nxt := _title_after(doc, j)) is not None:
            j = nxt
        k = j + 1
        while k < len(doc) and doc[k].is_title and doc[k].is_alpha and doc[k].lower_ not in TITLE_WORDS \
                and doc[k].pos_ == "PROPN" and k - j <= 3:
            k += 1
        if k > j + 1:   # "Attorney General Ortiz Announces Settlement": a headline's words after the name
            k -= ordinary_tail([t.text for t in doc[j + 1:k]], ordinary, least=1)
        if k == j + 1 or any(t in taken for t in range(i, k)):
            continue
        if doc[k - 1].ent_type_ in ("GPE", "FAC", "LOC", "DATE", "NORP"):
            continue
        if doc[k - 1].ent_type_ == "ORG" and not _title_org(ents, i, k):
            continue
        if not _whole_title(doc[i:j + 1].text) or refuse(doc[j + 1:k].text, around(i, k, True)):
            continue  # "Harlan County Human Services Center": "County" is no title, a Center no person
        found.append(mention(doc, i, k, doc[j + 1:k], doc[i:j + 1].text))
        taken.update(range(i, k))
    found += field_names(doc, taken, around)
    found += who_names(doc, taken, around)
    found += census_names(doc, taken, around, {w.lower() for w in ordinary})
    found += caps_names(doc, taken, around, {w.lower() for w in ordinary})
    found += aged_names(doc, taken, around)
    for start, end, title in judge_spans(text_of(doc)):   # "BARRON, Circuit Judge, concurring", "…, JJ., concur."
        span = doc.char_span(start, end)
        if span is not None and not any(t.i in taken for t in span):
            found.append({**mention(doc, span.start, span.end, span, title), "method": "judge_line"})
            taken.update(range(span.start, span.end))
    found = [m for m in found if not firm_line(text_of(doc), m["start"], m["end"])]   # a firm's line in an address block
    return sorted(found, key=lambda m: m["start"])


def _suffix_end(doc: Any, start: int, end: int) -> int:
    """A suffix ends a name: "Donald B. Verrilli Jr." in "Donald B. Verrilli Jr. Munger, Tolles & Olson LLP"
    (the rest is a firm's name, no name of its own)."""
    for k in range(start + 2, end - 1):
        if doc[k].lower_.rstrip(".") in NAME_SUFFIXES and doc[k].text[:1].isupper() and doc[k + 1].is_title:
            return k + 1
    return end


def _unglued(doc: Any, start: int, end: int) -> tuple[int, int]:
    """The one name in a PERSON span that a table's row or a roll call glued to its neighbours:
    a title inside it ("Nordman Councillor Havixbeck": the name after the title; "Orlikow
    Councillor": the name before it) and a second full name after a first one ("J. Kevin McKethan
    William W. Durham": the first; the second is found on its own)."""
    def after_dash(tok: Any) -> bool:   # "Daniel Damian - Mayor", "Emmanuel J. Estrada- Mayor"
        return doc[tok.i - 1].text.endswith(DASHES)

    def title(tok: Any) -> bool:
        return tok.is_title and tok.lower_ in TITLE_WORDS - HONORIFICS and (tok.lower_ not in surnames() or after_dash(tok))

    for k in range(start + 1, end):
        if title(doc[k]):
            if after_dash(doc[k]):
                return start, k   # the name, a dash, its title (even one that is also a surname)
            after = k + 1
            while after < end and title(doc[after]):
                after += 1
            return (after, end) if after < end else (start, k)
    # the first name may be its surname alone when the model left its given name out before the span
    # ("Michelle" + "Wu Kathleen M. Joyce")
    first = start + 1 if end - start >= 3 and _given_name_left_out(doc, start, set()) else start + 2
    for k in range(first, min(end, len(doc) - 1)):   # the second name may run past the span
        before, word = doc[k - 1], doc[k]
        if before.is_space and "\n" in before.text and k - 2 > start:
            before = doc[k - 2]   # one name a line: "R. Bruce Carlson" / "Stephanie K. Goldin"
        if word.is_title and word.lower_ in given_names() and capitalised(before) and not initial(before) \
                and before.lower_ not in given_names() and len(before.text) >= 2 and before.lower_ not in PARTICLES \
                and (doc[k + 1].is_title or initial(doc[k + 1])):
            return start, k
    return start, end


_ENUMERATOR = re.compile(r"(?m)^[ \t]*([A-Z])\.[ \t]")
_EDGE_MARKS = " \t\n,;:-–—•·*"
_LABEL_AFTER = NUMBER_LABELS | {":"}


def _enumerator(doc: Any, i: int, letters: set[str]) -> bool:
    """Token i is the letter of a lettered list ("A. Norm Zezula ... B. Brian Bergman"): a capital
    and a full stop that open a line, on a page whose lines also open on the letter before or after it,
    or a lettered heading (_OUTLINE_HEADING)."""
    tok = doc[i]
    if not initial(tok):
        return False
    line_start = text_of(doc).rfind("\n", 0, tok.idx) + 1
    letter = tok.text[0]
    if text_of(doc)[line_start:tok.idx].strip(" \t"):
        return False
    return chr(ord(letter) - 1) in letters or chr(ord(letter) + 1) in letters or _OUTLINE_HEADING.match(text_of(doc), tok.idx) is not None


# A lettered heading of an opinion or a report, its neighbours on other pages: "C. Toshiba’s Termination of the
# 1999 Agreement", "B. Whitfield's Resignation" (a possessive after one word, the line in title case, no full stop)
_OUTLINE_HEADING = re.compile(r"[A-Z]\.[ \t]+[A-Z][\w-]+[’']s[ \t]+[A-Z][\w-]*(?:[ \t]+(?:[A-Z0-9][\w-]*|of|the|and|to|for|in|on|a|an))*[ \t]*$",
                              re.MULTILINE)



def _label_line(doc: Any, start: int, end: int) -> int:
    """Where a name ends when its span runs over a line break onto a label: "Chair Ramirez\nNOES:
    None", "Case Name: Mathew Rodriguez\nCase No. 2:22-cv-01069" (a name wrapped onto the next line
    goes on: "Julie\nRodriguez")."""
    for k in range(start + 1, end - 1):
        if not (doc[k].is_space and "\n" in doc[k].text):
            continue
        word = doc[k + 1]
        after = doc[k + 2].lower_ if k + 2 < len(doc) else ""
        if (word.is_alpha and word.is_upper and len(word.text) > 1) or after in _LABEL_AFTER:
            return k
    return end


def _initial_left_out(doc: Any, start: int, taken: set[int]) -> bool:
    """A first initial right before a given name and surname, on the same line ("R. Daniel Prentiss",
    "F. Scott Keller"), that the model's span left out."""
    if start == 0 or start - 1 in taken or initial(doc[start]):
        return False
    first = doc[start - 1]
    return initial(first) and not first.whitespace_.count("\n") and first.whitespace_ == " " and \
        doc[start].lower_ in given_names() and (start < 2 or not initial(doc[start - 2]))


def _past_the_office(doc: Any, start: int, end: int) -> int:
    """After a title and "of" ("Director of", "Secretary of"), the model's span may open on the office or the place
    ("Law Eve Belfance", "State John Kerry"): the name starts at the first given name that has a word after it."""
    if start < 2 or doc[start - 1].lower_ != "of" or doc[start - 2].lower_ not in TITLE_WORDS:
        return start
    for k in range(start, end - 1):
        if doc[k].lower_ in given_names() and doc[k].is_title:
            return k
    return start


def _given_name_left_out(doc: Any, start: int, taken: set[int]) -> bool:
    """A surname alone in the model's span, after a given name on the same line that is no ordinary
    word ("Ana" in "Caseworker Ana Kowalczyk"; not "Mark" or "Will")."""
    if start == 0 or start - 1 in taken:
        return False
    given = doc[start - 1]
    return given.is_title and given.is_alpha and given.lower_ in given_names() and \
        given.lower_ not in TITLE_WORDS and not common_word(given.text) and not given.whitespace_.count("\n")


def _words(doc: Any, at: int, step: int, n: int = 4) -> list[str]:
    """The texts of up to n words from token `at` on (step 1) or before it (step -1), in reading
    order, up to a blank line: a name may run on into "Center", or follow "known as"."""
    out: list[str] = []
    i = at if step > 0 else at - 1
    while 0 <= i < len(doc) and len(out) < n:
        tok = doc[i]
        if tok.is_space and tok.text.count("\n") > 1:
            break
        if not tok.is_space:
            out.append(tok.text)
        i += step
    return out if step > 0 else out[::-1]


def _title_before(doc: Any, i: int) -> int | None:
    """The index of a capitalised title word just before token i. A line break may sit inside a
    title ("Deputy\nDirector Patricia Lund"), not between a title and a name (a table's rows)."""
    p = i - 1
    if p >= 0 and doc[p].is_space and doc[p].text.count("\n") == 1 and doc[i].lower_ in TITLE_WORDS:
        p -= 1
    if p >= 0 and doc[p].lower_ in TITLE_WORDS and doc[p].is_title:
        return p
    return None


def _title_after(doc: Any, i: int) -> int | None:
    n = i + 1
    if n < len(doc) and doc[n].is_space and doc[n].text.count("\n") == 1:
        n += 1
    if n < len(doc) and doc[n].lower_ in TITLE_WORDS and doc[n].is_title:
        return n
    return None


def _whole_title(text: str) -> bool:
    """A title run ends in a whole title or honorific ("Vice Chair", "County Finance Director")."""
    words = text.lower().split()
    return any(" ".join(words[n:]) in ROLE_TITLES or " ".join(words[n:]) in HONORIFICS
               for n in range(len(words)))


def _title_org(ents: tuple[Any, ...], start: int, end: int) -> bool:
    """spaCy's small model calls "Chair Hale" an ORG; an ORG that is only title + name is a person."""
    org = next(e for e in ents if e.start <= end - 1 < e.end)
    return org.end == end and org.start >= start


def drop_outvoted(analyses: list[dict[str, Any]]) -> None:
    """A document's person mentions whose words its pages name, by majority, as an organisation or
    a place (pipeline/person_spans.py, `outvoted`): dropped from the analyses in place."""
    votes: dict[str, dict[str, int]] = {}
    for a in analyses:
        for m in a["people"]:
            key = votes.setdefault(entity_key(m["name"]), {})
            key["PERSON"] = key.get("PERSON", 0) + 1
        for e in a["entities"]:
            if e["label"] in NOT_PERSON_LABELS:
                key = votes.setdefault(entity_key(e["text"]), {})
                key[e["label"]] = key.get(e["label"], 0) + 1
    heads = org_heads([e["text"].split() for a in analyses for e in a["entities"] if e["label"] == "ORG"])
    for a in analyses:   # "BNY Mellon" on one page, "BNY Mellon National Association" on another
        a["people"] = [m for m in a["people"] if m.get("method") in ("judge_line", "aged_name", "who_name", "field_name") or m.get("title") or
                       (outvoted(m["name"], votes) is None and " ".join(m["name"].split()) not in heads)]


def add_known_names(texts: list[str], analyses: list[dict[str, Any]]) -> None:
    """Names the statistical NER missed ("Reyes hired…", "Pruitt pleaded…") when the same document
    names that person in full elsewhere: full names first, then bare surnames, never inside
    another mention. Adds PERSON mentions (method "known_name") to the analyses in place."""
    full = {m["name"] for a in analyses for m in a["people"] if len(m["name"].split()) >= 2}
    surnames = {_surname(n) for n in full if n.split()[-1][:1].isupper()}
    patterns = [re.escape(n) for n in sorted(full, key=len, reverse=True)] + \
               [re.escape(s) for s in sorted(surnames, key=len, reverse=True)]
    if not patterns:
        return
    finder = re.compile(r"(?<![\w-])(?:%s)(?:['’]s)?(?![\w-])(?!\s+[A-Z][a-z])" % "|".join(patterns))
    for text, analysis in zip(texts, analyses):
        taken = [(m["start"], m["end"]) for m in analysis["people"]]
        added = []
        for match in finder.finditer(text):
            start, end = match.start(), match.end()
            if any(s < end and start < e for s, e in taken):
                continue
            name = match.group(0).removesuffix("'s").removesuffix("’s")
            before = re.search(r"((?:[A-Z][a-z]*\.?\s+){1,2})$", text[max(0, start - 40):start])
            title = None
            if before and all(w.lower() in TITLE_WORDS for w in before.group(1).split()):
                title = before.group(1).strip()
                start -= len(before.group(1))
            elif before and before.group(1).split()[-1][:1].isupper() and not _sentence_start(text, start):
                continue  # another capitalised word before it: part of a name we do not know
            written = text[start:end].removesuffix("'s").removesuffix("’s")
            added.append({"start": start, "end": start + len(written),
                          "text": written, "name": name, "title": title,
                          "role": None, "label": "PERSON", "method": "known_name"})
            taken.append((start, end))
        if added:
            analysis["people"] = sorted(analysis["people"] + added, key=lambda m: m["start"])


def _surname(name: str) -> str:
    """A full name's surname with the particles that open it: "St. Pierre" of "Vanessa St. Pierre",
    "de Blasio" of "Bill de Blasio"."""
    words = name.split()
    k = len(words) - 1
    while k > 1 and words[k - 1].lower().rstrip(".") in PARTICLES:
        k -= 1
    return " ".join(words[k:])


def _sentence_start(text: str, pos: int) -> bool:
    head = text[:pos].rstrip()
    return not head or head[-1] in ".!?\n:;\"“"


RARE = 2.5   # wordfreq Zipf: a word rarer than this is no English word a name would stop before ("Pledger" 0)


_QUOTES_OPEN, _QUOTES_CLOSE = ("“", '"', "‘"), ("”", '"', "’")


def _nickname_then_surname(doc: Any, end: int) -> int:
    """"Edward Lawrence" + “Larry” + "Kerin": a name the model ended before a nickname in quotes, then
    the surname, runs on to the surname (the name shown leaves the nickname out: name_tokens.mention)."""
    if end + 3 >= len(doc) or doc[end].text not in _QUOTES_OPEN or doc[end + 2].text not in _QUOTES_CLOSE:
        return end
    nick, last = doc[end + 1], doc[end + 3]
    if not (nick.is_alpha and nick.is_title) or not capitalised(last) or last.lower_ in ORG_WORDS or \
            last.ent_type_ in ("GPE", "LOC", "ORG", "FAC") or any("\n" in doc[k].whitespace_ for k in range(end - 1, end + 3)):
        return end
    return end + 4


def _surname_left_out(doc: Any, start: int, end: int) -> int:
    """"Johnathan Jackson" + "Pledger,": a span of two given names that the model ended before a rare
    census surname (no English word of any frequency, no place or firm word) takes it; so does any
    two-word span before a third part that is no English word at all ("Yoon Suk" + "Yeol")."""
    if end - start != 2 or end >= len(doc):
        return end
    nxt = doc[end]
    given = all(doc[i].lower_ in given_names() for i in range(start, end))
    # "Yoon Suk" + "Yeol": a third part that is no word of English at all, written like a name
    foreign = nxt.is_alpha and nxt.is_title and len(nxt) >= 3 and zipf(nxt.lower_) == 0 and \
        nxt.lower_ not in given_names() and not doc[end - 1].whitespace_.count("\n")
    if not capitalised(nxt) or not (given and nxt.lower_ in surnames() and zipf(nxt.lower_) < RARE or foreign) or \
            nxt.lower_ in ORG_WORDS or nxt.ent_type_ in ("GPE", "LOC", "ORG", "FAC") or nxt.whitespace_.count("\n"):
        return end
    after = doc[end + 1] if end + 1 < len(doc) else None
    return end + 1 if after is None or after.is_punct or after.is_lower else end
