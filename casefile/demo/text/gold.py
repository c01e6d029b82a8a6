"""Answer key for the demo case; build_site.py writes it to casefile/demo/gold.csv.

Columns: date, precision, people, event, source, quote, needs.
- date: ISO at the precision the source supports. ``season`` and ``quarter``
  rows carry the year only (ISO has no season; the period lies inside it).
- people: canonical full names, ';'-separated.
- quote: the exact sentence in ``source`` (PDF: after collapsing whitespace).
- needs: 'ocr' when the sentence is only on the image-only (scanned) page.
"""

REPORT = "/state/reviews/harlan-dss-review-2018.pdf"


def M(d):
    return f"/dss/board/minutes-{d}.pdf"


H_DEATH = "/herald/2017/11/28/toddler-death-questions-social-services.html"
H_RESIGN = "/herald/2018/03/09/whitfield-resigns.html"
H_COMMISSIONERS = "/herald/2018/04/03/commissioners-call-on-dss-board-to-resign.html"
H_REVIEW = "/herald/2018/06/30/state-review-finds-systemic-failures-at-dss.html"
H_INDICT = "/herald/2018/10/23/former-dss-supervisor-indicted.html"
H_OKAFOR = "/herald/2019/01/04/okafor-takes-over-dss.html"
G_MARCH = "/gazette/news/20180329-month-of-upheaval-harlan-dss.html"
G_SUIT = "/gazette/news/20180804-grandmother-sues-harlan-county.html"
G_SETTLE = "/gazette/news/20190613-harlan-county-settles-simms-lawsuit.html"

# (date, precision, people, event, source, quote, needs, hard_case)
# hard_case is documentation only (not written to gold.csv).
GOLD = [
    ("2013-07", "month", "Margaret Whitfield",
     "Board names Margaret Whitfield director of the department",
     H_DEATH, "The board named Whitfield director in July 2013.", "", "month"),
    ("2017", "year", "Margaret Whitfield",
     "Whitfield eliminates two supervisor positions in the Child Protective Services unit",
     REPORT, "In early 2017, Ms. Whitfield eliminated two supervisor positions in the Child Protective Services unit to offset a shortfall in the foster care budget.", "", "fuzzy"),
    ("2017", "quarter", "Margaret Whitfield",
     "Whitfield suspends the in-house training academy for new caseworkers",
     REPORT, "In the third quarter of 2017, Ms. Whitfield suspended the department's in-house training academy for new caseworkers.", "", "quarter"),
    ("2017-08-22", "day", "Linda Ortiz",
     "Caseworker Linda Ortiz recommends in writing that the Simms case remain open",
     REPORT, "On August 22, 2017, caseworker Linda Ortiz recommended in writing that the Simms case remain open for in-home services.", "", "explicit"),
    ("2017-10-03", "day", "Raymond Pruitt",
     "Supervisor Raymond Pruitt closes the Simms case without a home visit",
     REPORT, "On October 3, 2017, supervisor Raymond Pruitt closed the Simms case without the home visit required by state policy.", "", "explicit"),
    ("2017-11-20", "day", "Elijah Simms",
     "Two-year-old Elijah Simms dies of injuries attributed to abuse",
     REPORT, "Elijah Simms, a 2-year-old child, died on November 20, 2017, from injuries that the medical examiner attributed to abuse in the home.", "", "explicit+age"),
    ("2017-12-12", "day", "Cynthia Hale;James Ortiz",
     "Board votes 5-0 to request a state review of child protective services",
     M("2017-12-12"), "Vice Chair Hale moved to request that the State Department of Health and Human Services conduct a review of the department's child protective services; seconded by Commissioner Ortiz, the motion carried 5-0.", "", "meeting_date"),
    ("2017-12-12", "day", "Loretta Simms",
     "Loretta Simms addresses the board about reports on her grandson's household",
     M("2017-12-12"), "Loretta Simms, grandmother of Elijah Simms, addressed the board and asked why reports about her grandson's household were not investigated before his death.", "", "meeting_date+same_surname"),
    ("2017-12-19", "day", "Gerald Ames",
     "Secretary Gerald Ames orders a state review of the county department",
     REPORT, "On December 19, 2017, Secretary Gerald Ames ordered a review of the Harlan County Department of Social Services at the request of the Harlan County Social Services Board.", "", "explicit"),
    ("2018-01-09", "day", "James Ortiz;Denise Albright;Margaret Whitfield",
     "Motion to place Director Whitfield on administrative leave fails 2-3",
     M("2018-01-09"), "Commissioner Ortiz moved to place Director Whitfield on paid administrative leave pending the completion of the state review; seconded by Member Albright, the motion failed 2-3.", "", "meeting_date"),
    ("2018-01-09", "day", "Robert Kessler;Cynthia Hale",
     "Board approves six additional caseworker positions",
     M("2018-01-09"), "Member Kessler moved to approve six additional caseworker positions in the Child Protective Services unit; seconded by Vice Chair Hale, the motion carried 5-0.", "", "meeting_date"),
    ("2018-01-16", "day", "Patricia Lund",
     "Patricia Lund opens the state's on-site review at the department",
     REPORT, "Four weeks later, Deputy Director Patricia Lund opened the on-site review at the department's offices in Millbrook.", "", "anaphoric"),
    ("2018-02-02", "day", "Thomas Brennan",
     "Chair Thomas Brennan declines to be interviewed by the state review team",
     REPORT, "Chair Thomas Brennan declined to be interviewed by the review team on February 2, 2018, and later provided written answers to the team's questions.", "", "explicit"),
    ("2018-02-13", "day", "Cynthia Hale;James Ortiz;Margaret Whitfield",
     "Board votes 4-1 to place Director Whitfield on paid administrative leave",
     M("2018-02-13"), "Vice Chair Hale moved to place Director Margaret Whitfield on paid administrative leave effective immediately, pending the outcome of the state review; seconded by Commissioner Ortiz, the motion carried 4-1.", "", "meeting_date+news_disagrees"),
    ("2018-03-06", "day", "Margaret Whitfield",
     "Margaret Whitfield resigns as director",
     H_RESIGN, "Peggy Whitfield resigned last Tuesday as director of the Harlan County Department of Social Services, ending a career at the agency that spanned more than two decades.", "", "relative"),
    ("2018-03-20", "day", "Daniel Reyes",
     "Board appoints Daniel Reyes interim director",
     G_MARCH, "Two weeks later, the board appointed Deputy Director Dan Reyes as interim director at a special meeting.", "", "anaphoric+nickname"),
    ("2018-03-27", "day", "Linda Ortiz",
     "Caseworker Linda Ortiz files a whistleblower complaint with the state",
     G_MARCH, "Linda Ortiz, a caseworker in the department's Child Protective Services unit, filed a whistleblower complaint with the state on March 27.", "", "year_from_pubdate+same_surname"),
    ("2018-04-02", "day", "Sandra Loomis",
     "County commissioners vote 4-1 to ask the social services board to resign",
     H_COMMISSIONERS, "Led by Chairwoman Sandra Loomis, the Harlan County Board of Commissioners voted 4-1 on Monday to ask all five members of the county's Social Services Board to resign.", "", "relative"),
    ("2018-04-10", "day", "James Ortiz;Denise Albright",
     "Board rejects a resolution for all members to resign",
     M("2018-04-10"), "Commissioner Ortiz moved to adopt a resolution under which all members of the board would submit their resignations to the Board of County Commissioners; seconded by Member Albright, the motion failed 2-3.", "", "meeting_date+refusal"),
    ("2018-04-10", "day", "Thomas Brennan",
     "Chair Thomas Brennan refuses to resign",
     M("2018-04-10"), "Chair Brennan stated that he will not resign and that the board intends to complete the work of stabilizing the department.", "", "meeting_date+refusal"),
    ("2018-04-10", "day", "Linda Ortiz",
     "Caseworker Linda Ortiz tells the board she has carried up to 34 children",
     M("2018-04-10"), "Linda Ortiz, a caseworker in the Child Protective Services unit, addressed the board about caseloads and stated that she has carried as many as 34 children at one time.", "", "meeting_date+same_surname"),
    ("2018-04-20", "day", "Daniel Reyes;Raymond Pruitt",
     "Interim Director Reyes dismisses supervisor Raymond Pruitt",
     REPORT, "Interim Director Daniel Reyes dismissed Mr. Pruitt on April 20, 2018, after an internal review of the case records.", "", "explicit"),
    ("2018-05-14", "day", "Carla Jimenez",
     "District Attorney Carla Jimenez opens a criminal investigation into the department",
     M("2018-06-12"), "This office hereby notifies the Board that on May 14, 2018, District Attorney Carla Jimenez opened a criminal investigation into the handling of child protective services reports by the Harlan County Department of Social Services.", "ocr", "ocr"),
    ("2018-06-12", "day", "Robert Kessler;James Ortiz",
     "Board approves a temporary caseworker staffing contract",
     M("2018-06-12"), "Member Kessler moved to approve a contract with Brightpath Staffing Services for up to ten temporary licensed caseworkers through December 31, 2018, at a cost not to exceed $240,000; seconded by Commissioner Ortiz, the motion carried 4-0.", "", "meeting_date+distractor_date"),
    ("2018-06-12", "day", "Cynthia Hale;Robert Kessler",
     "Board adopts the department's FY2019 budget request",
     M("2018-06-12"), "Vice Chair Hale moved to adopt the department's FY2019 budget request of $14,210,000 for submission to the Board of County Commissioners; seconded by Member Kessler, the motion carried 4-0.", "", "meeting_date+fiscal_year"),
    ("2018-06-29", "day", "Gerald Ames",
     "Secretary Gerald Ames releases the state review",
     H_REVIEW, "State Health and Human Services Secretary Gerald Ames released the review on Friday, calling the problems it found \"systemic failures\" that no single employee could have fixed.", "", "relative"),
    ("2018-07-17", "day", "Patricia Lund",
     "State notifies the county it will withhold $850,000 in child welfare funding",
     M("2018-08-14"), "Interim Director Reyes reported that on July 17, 2018, Deputy Director Patricia Lund of the State Division of Child Welfare notified the county that the state would withhold $850,000 in child welfare funding until a corrective action plan is approved.", "", "explicit_in_minutes"),
    ("2018-08-03", "day", "Loretta Simms",
     "Loretta Simms files a wrongful-death lawsuit against the county",
     G_SUIT, "Loretta Simms, the grandmother of Elijah Simms, filed a wrongful-death lawsuit against Harlan County and its Social Services Board in federal court on Friday.", "", "relative+same_surname"),
    ("2018-08-14", "day", "Cynthia Hale;Robert Kessler",
     "Board adopts the corrective action plan",
     M("2018-08-14"), "Vice Chair Hale moved to adopt the corrective action plan as presented by Interim Director Reyes; seconded by Member Kessler, the motion carried 5-0.", "", "meeting_date"),
    ("2018-08-14", "day", "Thomas Brennan;Cynthia Hale;Robert Kessler",
     "Chair Brennan appoints Hale and Kessler to the director selection committee",
     M("2018-08-14"), "Chair Brennan appointed Vice Chair Hale and Member Kessler to a selection committee for the position of Director.", "", "meeting_date"),
    ("2018", "season", "Daniel Reyes",
     "Reyes hires 19 caseworkers and cuts caseloads to 22 children per worker",
     H_OKAFOR, "In the fall of 2018, Reyes hired 19 caseworkers and cut the average caseload to 22 children per worker, according to department figures.", "", "season"),
    ("2018-10-22", "day", "Raymond Pruitt;Carla Jimenez",
     "Grand jury indicts former supervisor Raymond Pruitt for obstruction of justice",
     H_INDICT, "A Harlan County grand jury on Monday indicted Raymond Pruitt, a former supervisor at the Department of Social Services, on two counts of obstruction of justice, District Attorney Carla Jimenez announced.", "", "relative"),
    ("2018-11-13", "day", "Paul Nguyen",
     "Finance Director presents the FY2018 audit finding $412,000 in unreconciled foster care payments",
     M("2018-11-13"), "County Finance Director Paul Nguyen presented the independent audit for FY2018, which found $412,000 in foster care payments that could not be reconciled with case records.", "", "meeting_date+fiscal_year"),
    ("2018-11-13", "day", "Elizabeth Okafor;Robert Kessler;Cynthia Hale",
     "Board appoints Elizabeth Okafor director",
     M("2018-11-13"), "Member Kessler moved to appoint Elizabeth Okafor as Director of Social Services effective January 2, 2019; seconded by Vice Chair Hale, the motion carried 5-0.", "", "meeting_date+distractor_date"),
    ("2019-01-02", "day", "Elizabeth Okafor",
     "Elizabeth Okafor is sworn in as director",
     H_OKAFOR, "Liz Okafor was sworn in as director of the Harlan County Department of Social Services on Jan. 2, becoming the third person to lead the agency in less than a year.", "", "year_from_pubdate+nickname"),
    ("2019-04-15", "day", "Raymond Pruitt",
     "Raymond Pruitt pleads guilty to obstruction of justice",
     G_SETTLE, "Pruitt pleaded guilty on April 15 to one count of obstruction of justice.", "", "year_from_pubdate+surname_only"),
    ("2019-06-11", "day", "James Ortiz;Denise Albright;Loretta Simms",
     "Board approves a $1.2 million settlement with Loretta Simms",
     M("2019-06-11"), "Commissioner Ortiz moved to approve the settlement agreement with Loretta Simms in the amount of $1,200,000; seconded by Member Albright, the motion carried 4-1.", "", "meeting_date"),
    ("2019-06-11", "day", "Thomas Brennan",
     "Chair Thomas Brennan announces he will leave the board",
     M("2019-06-11"), "Chair Brennan announced that he will step down from the board when his current term expires on June 30, 2019.", "", "meeting_date+distractor_date"),
]
