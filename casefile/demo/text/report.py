"""Text of the (fictional) state review of the Harlan County DSS.

Sections are rendered one per page (each ``page`` starts a new PDF page).
Block kinds: ("h", heading), ("p", paragraph), ("bullets", [..]),
("numbered", [..]), ("table", name), ("caption", text), ("small", text),
("people_table", name).
"""

REPORT_DATE = "June 29, 2018"
HEADER = "Review of the Harlan County Department of Social Services \u2014 June 2018"

COVER = {
    "agency": "STATE DEPARTMENT OF HEALTH AND HUMAN SERVICES",
    "division": "Division of Child Welfare",
    "title": "Review of the Harlan County Department of Social Services",
    "subtitle": "Child Protective Services Practice, Staffing and Governance",
    "date_line": "Report date: June 29, 2018",
    "prepared": "Prepared by the Child Welfare Review Team",
    "note": "This report is a public record. Information that could identify children or families, other than information already made public by a court or by family members, has been omitted.",
}

# Quarterly staffing table (Child Protective Services unit).
TABLE_QUARTERS = [
    ["Quarter", "Budgeted caseworker positions", "Vacant at quarter end",
     "Separations", "Average caseload (children per worker)"],
    ["Q1 2017", "44", "6", "5", "24"],
    ["Q2 2017", "44", "8", "4", "26"],
    ["Q3 2017", "44", "9", "4", "29"],
    ["Q4 2017", "44", "11", "5", "31"],
    ["Q1 2018", "50", "12", "4", "29"],
]

INTERVIEWED = [
    ["Name", "Position"],
    ["Margaret Whitfield", "Director (on administrative leave at the time of interview)"],
    ["Daniel Reyes", "Deputy Director; later Interim Director"],
    ["Raymond Pruitt", "Supervisor, Child Protective Services"],
    ["Linda Ortiz", "Caseworker, Child Protective Services"],
    ["Thomas Brennan", "Chair, Social Services Board (written responses)"],
    ["Cynthia Hale", "Vice Chair, Social Services Board"],
    ["James Ortiz", "Member, Social Services Board; County Commissioner"],
    ["Robert Kessler", "Member, Social Services Board"],
    ["Denise Albright", "Member, Social Services Board"],
]

PAGES = [
    # page 2: transmittal letter
    [
        ("h", "Letter of Transmittal"),
        ("p", "June 29, 2018"),
        ("p", "To the members of the Harlan County Social Services Board and the Harlan County Board of Commissioners:"),
        ("p", "I am transmitting the report of the Division of Child Welfare's review of the Harlan County Department of Social Services. The review was conducted by a team led by Deputy Director Patricia Lund, and it examined child protective services practice, staffing and the oversight provided by the Social Services Board."),
        ("p", "The review found serious deficiencies in staffing, supervision and case practice in the department's Child Protective Services unit, and weaknesses in the oversight provided by the board. These findings are not a judgment of the many caseworkers who continued to serve the children of Harlan County under very difficult conditions."),
        ("p", "The Department expects the board to adopt a corrective action plan that addresses each recommendation in this report. The Division of Child Welfare will provide technical assistance to the county throughout that process, and it will report publicly on the county's progress."),
        ("p", "Sincerely,"),
        ("p", "Gerald Ames<br/>Secretary, State Department of Health and Human Services"),
    ],
    # page 3: executive summary
    [
        ("h", "Executive Summary"),
        ("p", "The Harlan County Department of Social Services did not have enough trained caseworkers or supervisors to respond to reports of child abuse and neglect in a timely and thorough way during 2017. The review team identified the following principal findings."),
        ("bullets", [
            "Caseworker turnover in the Child Protective Services unit reached 41 percent in 2017, compared with a statewide average of 23 percent.",
            "The average caseload rose from 24 children per worker in the first quarter of 2017 to 31 children per worker in the fourth quarter, about twice the state practice standard.",
            "Initial contact with the child occurred after the required time frame in 36 percent of the investigations the team examined.",
            "Thirty-one investigations were closed in 2017 without the home visit that state policy requires.",
            "Entries in at least one case record were created or modified after the death of the child who was the subject of the case.",
            "The Social Services Board did not receive caseload or timeliness data until late 2017 and did not ask for it.",
        ]),
        ("p", "The report makes ten recommendations. The most urgent are a limit on caseloads, the restoration of caseworker training, a second level of approval before any investigation is closed, and regular reporting of performance data to the board."),
    ],
    # page 4: background and methodology
    [
        ("h", "1. Background and Scope"),
        ("p", "The Harlan County Department of Social Services serves a county of approximately 96,000 residents from its main office in Millbrook and a satellite office in Pine Ridge. The department is governed by the five-member Harlan County Social Services Board, which appoints the director. One member of the board is a county commissioner appointed by the Board of County Commissioners."),
        ("p", "On December 19, 2017, Secretary Gerald Ames ordered a review of the Harlan County Department of Social Services at the request of the Harlan County Social Services Board. Four weeks later, Deputy Director Patricia Lund opened the on-site review at the department's offices in Millbrook. The review team consisted of six child welfare consultants and two program auditors from the Division of Child Welfare."),
        ("p", "The review covered child protective services reports received from January 1, 2017, through March 31, 2018. It did not examine the department's economic services, adult services or child support programs, which are monitored separately."),
        ("h", "2. Methodology"),
        ("p", "The team examined 212 case records selected at random, all 31 investigations closed in 2017 without a home visit, and personnel and training records for the Child Protective Services unit. The team interviewed 48 current and former employees, four of the five members of the Social Services Board, and representatives of law enforcement, the courts and the public schools."),
        ("p", "Findings were shared in draft with the department, which was given an opportunity to correct factual errors. The department's response is on file with the Division of Child Welfare."),
    ],
    # page 5: finding 1 + table
    [
        ("h", "3. Finding 1: Staffing, Training and Caseloads"),
        ("p", "The Child Protective Services unit had 44 budgeted caseworker positions throughout 2017. Separations in 2017 totaled 18, and caseworker turnover reached 41 percent, compared with a statewide average of 23 percent. Vacancies grew in every quarter of the year."),
        ("p", "In early 2017, Ms. Whitfield eliminated two supervisor positions in the Child Protective Services unit to offset a shortfall in the foster care budget. In the third quarter of 2017, Ms. Whitfield suspended the department's in-house training academy for new caseworkers."),
        ("p", "As a result, caseworkers hired after the academy was suspended received an average of nine days of training before they were assigned cases, compared with six weeks under the state standard. Several of these caseworkers told the review team that they carried more than 30 children within two months of being hired."),
        ("table", "quarters"),
        ("caption", "Table 1. Child Protective Services staffing and caseloads by quarter. Source: Harlan County Department of Social Services personnel and case management records. Six positions were added in January 2018."),
    ],
    # page 6: finding 2 - the Simms case
    [
        ("h", "4. Finding 2: Handling of Reports Concerning the Simms Household"),
        ("p", "The review examined in detail the department's handling of reports concerning the household of Elijah Simms. His family has spoken publicly about the case, and the facts below are limited to those necessary to explain the findings."),
        ("p", "The department received three reports concerning the household in 2017, each alleging inadequate supervision. Two of the three reports were screened in for assessment, and in each instance the initial contact occurred after the time frame required by state policy."),
        ("p", "On August 22, 2017, caseworker Linda Ortiz recommended in writing that the Simms case remain open for in-home services. On October 3, 2017, supervisor Raymond Pruitt closed the Simms case without the home visit required by state policy. The case record contains no explanation for the decision, and Mr. Pruitt told the review team that the unit's workload did not allow a visit."),
        ("p", "Elijah Simms, a 2-year-old child, died on November 20, 2017, from injuries that the medical examiner attributed to abuse in the home."),
        ("p", "The review team found that several entries in the case record that are dated before the child's death were created or modified after his death. The team has referred this matter to the appropriate authorities and makes no finding about who made the entries."),
    ],
    # page 7: finding 3 - supervision and records
    [
        ("h", "5. Finding 3: Supervision and Case Records"),
        ("p", "Supervisors in the Child Protective Services unit were each responsible for an average of nine caseworkers, compared with the state standard of five. Supervisors told the review team that they approved case closures based on summaries without reading the underlying record."),
        ("p", "The team found 31 investigations closed without a home visit in 2017. Of these, 14 had been approved by a single supervisor, and 9 involved families that were reported to the department again within six months."),
        ("p", "The department's case management system allows a user to change the date of an entry without leaving an audit trail. The department has since asked its software vendor to lock entries after 24 hours."),
        ("p", "Interim Director Daniel Reyes dismissed Mr. Pruitt on April 20, 2018, after an internal review of the case records. The review team notes that the department has also begun a case-by-case review of every investigation closed without a home visit."),
    ],
    # page 8: finding 4 - governance
    [
        ("h", "6. Finding 4: Leadership and Board Oversight"),
        ("p", "Board members told the review team that they relied on the director's monthly reports and that those reports did not include caseload or timeliness data until late 2017. The board did not ask for such data, and it did not ask for a review of staffing until the caseworker turnover described in Finding 1 had already occurred."),
        ("p", "Chair Thomas Brennan declined to be interviewed by the review team on February 2, 2018, and later provided written answers to the team's questions. The other four members of the board were interviewed in person."),
        ("p", "The board placed Ms. Whitfield on administrative leave in February 2018, and Ms. Whitfield resigned in March 2018. Daniel Reyes, the deputy director, has led the department as interim director since then."),
        ("p", "The review team found that the board has no written procedure for evaluating the director, for receiving concerns from staff, or for requesting information from the department between meetings."),
    ],
    # page 9: recommendations
    [
        ("h", "7. Recommendations"),
        ("numbered", [
            "Limit caseloads in the Child Protective Services unit to 15 children per caseworker by December 31, 2018, using temporary staff if necessary.",
            "Restore the in-house training academy so that no caseworker is assigned cases before completing the state's pre-service training.",
            "Require a second level of supervisory approval before any investigation is closed, and require a documented home visit before closure.",
            "Restore the two supervisor positions eliminated in 2017 and reduce the ratio of caseworkers to supervisors to five.",
            "Conduct a salary study for caseworker and supervisor positions and compare pay with neighboring counties.",
            "Provide the board with monthly data on caseloads, timeliness of initial contact, turnover and vacancies.",
            "Adopt a corrective action plan that addresses each of these recommendations by August 31, 2018.",
            "Complete governance training for all board members within 90 days of this report.",
            "Configure the case management system so that entries cannot be altered without an audit trail.",
            "Cooperate fully with any inquiry by law enforcement concerning the case records described in Finding 2.",
        ]),
        ("p", "The Division of Child Welfare will conduct a follow-up review in the spring of 2019 and will publish its results."),
    ],
    # page 10: appendix
    [
        ("h", "Appendix A. Officials and Staff Interviewed"),
        ("p", "The review team interviewed the following officials and staff, among others. Titles are those held at the time of the interview."),
        ("people_table", "interviewed"),
        ("h", "Appendix B. Review Team"),
        ("p", "Patricia Lund, Deputy Director, Division of Child Welfare (team lead); six child welfare practice consultants; two program auditors. The team was supported by the Division's data unit."),
        ("small", "State Department of Health and Human Services, Division of Child Welfare. This report may be reproduced in full without permission."),
    ],
]
