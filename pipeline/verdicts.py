"""The record of a vote, a motion or a court's decision written as a formula rather than a sentence:
"Carried.", "Motion carried 5-0", "APPROVED – 2018 budget", "Moved by …, Seconded by …", "We AFFIRM",
"The judgment is affirmed.", "IT IS SO ORDERED.", "…, JJ., concur.", "BARRON, Circuit Judge,
concurring …". Each is an act of the meeting's or the decision's day (events.py dates it so)."""
from __future__ import annotations

import re
from typing import Any

# a disposition followed by a condition is a rule or a standard of review, not the court disposing ("We reverse a
# grant of summary judgment only if …", "Costs are awarded to the prevailing party when the statute allows them.")
_NO_CONDITION = r"(?![^.;]*\b(?i:if|unless|when|whenever|where|only)\b)"
# a turn's speaker in a transcript: "Mayor Katz: ", "Mr. Speaker: "
SPEAKER_TURN = r"(?:[A-Z][\w'’.-]*[ \t]+){0,3}[A-Z][\w'’.-]*:[ \t]+"
# The record of a vote or motion written as a formula rather than a sentence (minutes, transcripts).
VERDICT = re.compile(
    rf"(?:{SPEAKER_TURN}(?=\S))?"   # a turn's speaker: "Mayor Katz: Motion is carried."
    r"(?:(?i:thank\s+you|okay|ok|all\s+right|alright)[,.!]?[ \t]+(?=\S))?"   # the chair's courtesy: "Thank you, motion passed."
    r"(?:(?:RESULT:\s*)?(?P<caps>APPROVED|ADOPTED|CARRIED|PASSED|DENIED|REJECTED|TABLED|FAILED|DEFEATED|RATIFIED|"
    r"ACCEPTED)\b(?!\s+[a-z])(?![ \t]+[A-Z]{2,}S[ \t]*(?:\n|$))"   # a section's heading: "TABLED ITEMS", "APPROVED MINUTES"
    r"|(?i:(?:the\s+|that\s+)?(?:main\s+|amended\s+)?motion\s+(?:is\s+|was\s+|has\s+)?(?P<motion>carried|passed|failed|"
    r"approved|adopted|defeated|carries|passes|fails)\b)"
    # the chair ruling on a motion named by what it moves, or on the matter before the meeting ("The motion to refer
    # it back to EPC is defeated, and you'll speak to the report.", "The matter is referred.")
    r"|(?i:the\s+(?:motion|amendment)\s+to\s+[^,.;:?!\n]{1,60}?\s+(?:is|was|has\s+been)\s+(?P<motion4>carried|passed|failed|"
    r"approved|adopted|defeated|lost|withdrawn)\b)"
    r"|(?i:the\s+(?:matter|item|motion)\s+is\s+(?:hereby\s+)?(?P<referred>referred|withdrawn|tabled)\b)"
    # the motion told with its mover and seconder ("Action: On a motion by Clark, seconded by Wood, and
    # carried (Aye: …) to give …")
    r"|(?i:on\s+(?:a|the)\s+motion\s+(?:by|of)\s+[^,;.()]{1,60},\s+seconded\s+by\s+[^,;.()]{1,60},?\s+and\s+"
    r"(?P<motion2>carried|passed|approved|adopted|failed|defeated)\b)"
    r"|(?i:(?P<alone>carried|adopted|approved|passed|defeated|lost)(?:\s+(?:unanimously|\d+\s*[-–]\s*\d+))?[.!]?\s*$)"
    r"|(?i:(?P<moved>moved)\s+by\s+(?=[A-Z]))"
    # a by-law's enactment line ("Read a first, second and third time and passed this 6th day of June, 2023.")
    r"|(?i:read\s+a\s+first(?:,?\s+(?:and\s+)?(?:second|third))*\s+time\s+and\s+(?:finally\s+)?(?P<enacted>passed|enacted|adopted)\b)"
    # a motion with its mover and seconder and no verb ("Motion by Janet Keough, second by Dick Dillon to pass
    # the attached resolution …", "Motion by Trustee Lee, seconded by Trustee Park, to award …")
    r"|(?P<motion3>(?i:motion))(?i:\s+(?:was\s+)?(?:made\s+)?by)\s+(?=[A-Z])[^,;.()\n]{1,60},?\s+(?i:second(?:ed)?\s+by)\s+(?=[A-Z])"
    # a vote's tally or its record ("The vote Your Worship, Yeas 13, Nays 3.", "A RECORDED VOTE was taken",
    # "Councillor Eadie is negative on 1 and 2.")
    r"|.{0,60}?\b(?P<tally>(?i:yeas|ayes))\s*:?\s*\d+\s*[,;]?\s*(?i:nays|noes)\s*:?\s*\d+"
    r"|(?i:an?\s+)?(?P<recorded>(?i:recorded\s+vote))\s+(?i:was\s+taken)"
    # the Congressional Record's account of the floor's acts ("The question was taken; and … the rules were
    # suspended and the concurrent resolution was agreed to.", "The yeas and nays were ordered.", "A motion to
    # reconsider was laid on the table.", "The amendment was agreed to.")
    r"|(?P<floor>(?i:the\s+question\s+was\s+taken|the\s+yeas\s+and\s+nays\s+were\s+ordered|"
    r"a\s+motion\s+to\s+reconsider\s+was\s+laid\s+on\s+the\s+table|"
    r"the\s+(?:concurrent\s+|joint\s+)?(?:resolution|bill|amendment|motion|conference\s+report)(?:,\s+as\s+amended,)?"
    r"\s+was\s+(?:agreed\s+to|passed|rejected|adopted)))\b"
    # a court's disposition alone on its line, under a case of a release list ("| Affirmed.", "Petition
    # Denied. No Opinion.", "Reversed and remanded.")
    # (a headnote's paper before it: "Judgment reversed.", "Decree affirmed.", "Motion to dismiss appeal granted.",
    # "Application for leave to appeal denied.")
    # (a syllabus's last line names the judgment below by its citation: "656 F. 3d 1222, affirmed.")
    r"|(?:\|\s*)?(?:\d{1,4}\s+(?:(?:[A-Z][\w.]*|\d(?:d|th|st|nd|rd)\b)\s*){1,5}\d{1,5},\s+)?(?:(?i:(?:motion|application|petition|request)\s+(?:for|to)\s+[\w'’ -]{1,60}?|petition|writ|application|"
    r"rehearing|appeal|judgment|decree|order|conviction|sentence|certiorari)\s+)?(?P<disposed>(?i:affirmed|reversed|vacated|"
    r"dismissed|remanded|denied|granted|quashed))(?:\s+(?i:in\s+part|and\s+remanded|as\s+modified|with\s+instructions|"
    r"for\s+further\s+proceedings|with(?:out)?\s+costs))*"
    r"(?:\s+by\s+(?:published|unpublished)\s+(?:per\s+curiam\s+)?opinion)?[.;]?"   # a circuit's head: "Affirmed by published opinion."
    r"(?:\s+(?i:no\s+opinion)\.?)?\s*\|?\s*$"
    # a court list's row that labels its disposition ("…; Majority Opinion: McCarty, J. Disposition: Affirmed.",
    # "Vote: REVERSED AND REMANDED.", "Decree: WRIT GRANTED"): this court's act on the list's day
    r"|(?s:.{0,600}?)\b(?:Disposition|Decree|Vote|Decision)\s*:\s*(?:(?i:appeal|petition|writ|application|motion)\s+)?"
    r"(?P<labelled>(?i:affirmed|reversed|vacated|dismissed|remanded|denied|granted|quashed))\b"
    r"|(?:[A-Z][\w'’.-]*[ \t]+){1,3}(?:is|are)\s+(?P<negative>negative|opposed)\s+(?:on|to)\s+(?:items?\s+)?\d"
    # members named as voting against, or one's "Nay." in their turn ("Councillor Fielding and Councillor Wyatt in
    # opposition.", "Councillor Swandel: Nay."): the recorded vote, at the meeting
    r"|(?:(?:Deputy\s+)?(?P<members>Councill?ors?|Council\s+Members?|Councilmembers?|Mayor|Trustees?|Commissioners?|"
    r"Supervisors?|Aldermen|Alderman|Directors?|Members?)\s+[A-Z][\w'’-]+(?:(?:,?\s+and|,)\s+(?:(?P=members)\s+)?[A-Z][\w'’-]+){0,8}"
    r"\s+(?:(?:is|are|were|was)\s+)?(?:recorded\s+)?in\s+(?P<dissent>opposition)|(?P<nay>Nay))[.!]?(?:\s+(?i:recorded\s+in\s+opposition)\.?)?\s*$"
    # a court's own decision in its opinion or order, made on the day it is decided (over line breaks:
    # "the district court's judgment dismissing St.\nPierre's claims is AFFIRMED"; "So Ordered."); in
    # lower case only in the present ("The judgment is affirmed."; not "… was dismissed.", a story's
    # past) and not in a condition ("If the extension is granted, …")
    # ("…, and we now affirm.", "We agree and affirm."; never a standard of review: "We reverse … only if …")
    # ("We granted a certificate of appealability (COA) and now affirm.": a parenthesis among the words between)
    rf"|(?s:.{{0,200}}?)\b(?i:we\s+(?:(?:[\w’'().-]+,?\s+){{1,8}}?and\s+)?(?:(?:hereby|therefore|thus|now|accordingly|also|"
    r"respectfully)\s+)*(?P<we>affirm|reverse|vacate|remand|dismiss|deny|grant|modify|reinstate)\b"
    rf"{_NO_CONDITION})"
    # the court in capitals, in the present: "The Court GRANTS Defendant's Motion to Dismiss."
    r"|(?s:.{0,200}?)\bCourt\s+(?:hereby\s+)?(?P<courts>GRANTS|DENIES|DISMISSES|AFFIRMS|REVERSES|VACATES|SUSTAINS|OVERRULES)\b"
    r"|(?s:.{0,300}?)\b(?:is|are|be|was)\s+(?:hereby\s+)?(?P<ruled>AFFIRMED|REVERSED|VACATED|REMANDED|DISMISSED|DENIED|"
    r"GRANTED|MODIFIED|SUSTAINED|OVERRULED|STRICKEN|CONTINUED|TAKEN\s+UNDER\s+SUBMISSION|TAKEN\s+OFF[-\s]CALENDAR)(?=[\s,.;])"
    r"|(?s:(?:(?!\b(?i:if|unless|whether|when|until|once)\b).){0,300}?)\b(?:is|are)\s+(?:hereby\s+)?"
    r"(?P<ruled2>(?i:affirmed|reversed|vacated|remanded|dismissed|denied|granted|consolidated|stayed|awarded|remitted|"
    r"extended(?=\s+(?:until|to|through)\b)))\b"
    rf"{_NO_CONDITION}"   # ("These three appeals are consolidated.", "The time … is extended until …")
    r"|(?:IT\s+IS\s+)?(?:SO\s+|FURTHER\s+)?(?P<ordered>ORDERED)\b|(?i:(?:it\s+is\s+)?so\s+)(?P<ordered2>(?i:ordered))\b"
    r"|(?:(?:[A-Z][A-Za-z.'’-]+,?\s+|and\s+(?=[A-Z])){1,8}(?:JJ?\.|J\.P\.),?\s+)+(?P<concur>concur)\b|(?P<concur2>Concur)\s*[—–-]"
    # a judge's separate opinion opens on its author ("BARRON, Circuit Judge, concurring in part …",
    # "SMITH, J., dissenting."): written and filed with the decision
    r"|[A-Z][A-Z'’-]+,\s+(?:(?:Chief|Circuit|District|Senior|Associate)\s+)*(?:Judge|Justice|J\.|C\.J\.),\s+"
    r"(?P<separate>concurring|dissenting)\b"
    # a justice's vote a release list records under its case ("Hughes, J., dissents for the reasons assigned by
    # Justice Crain.", "Weimer, C.J., additionally concurs and assigns reasons."): cast with the decision
    r"|[A-Z][\w'’-]+,\s+(?:C\.\s?J\.|P\.\s?J\.|J\.)(?:\s+Pro\s+Tem\.?)?,?\s+(?:(?:additionally|also)\s+)?(?P<votes>concurs|dissents)\b)")
_VERDICT_LEMMAS = {"approved": "approve", "adopted": "adopt", "carried": "carry", "carries": "carry",
                   "passed": "pass", "passes": "pass", "denied": "deny", "rejected": "reject",
                   "tabled": "table", "failed": "fail", "fails": "fail", "defeated": "defeat",
                   "ratified": "ratify", "accepted": "accept", "lost": "fail", "withdrawn": "withdraw", "referred": "refer", "moved": "motion", "motion": "motion", "enacted": "enact",
                   "affirm": "affirm", "reverse": "reverse", "vacate": "vacate", "remand": "remand",
                   "dismiss": "dismiss", "deny": "deny", "grant": "grant", "modify": "modify",
                   "reinstate": "reinstate", "quashed": "quash", "affirmed": "affirm", "reversed": "reverse", "vacated": "vacate",
                   "remanded": "remand", "dismissed": "dismiss", "granted": "grant", "modified": "modify",
                   "consolidated": "consolidate", "stayed": "stay", "extended": "extend", "awarded": "award", "remitted": "remit",
                   "sustained": "sustain", "overruled": "overrule", "stricken": "strike", "continued": "continue",
                   "taken under submission": "submit", "taken off-calendar": "vacate", "taken off calendar": "vacate",
                   "grants": "grant", "denies": "deny", "dismisses": "dismiss", "affirms": "affirm", "reverses": "reverse",
                   "vacates": "vacate", "sustains": "sustain", "overrules": "overrule",
                   "ordered": "order", "concur": "concur", "concurs": "concur", "dissents": "dissent", "concurring": "concur", "dissenting": "dissent",
                   "ayes": "vote", "yeas": "vote", "floor": "vote", "recorded vote": "vote", "negative": "vote", "opposed": "vote",
                   "opposition": "vote", "nay": "vote"}


# VERDICT's groups in the order they are tried; a meeting's verdicts are decisions, a court's legal acts
_VERDICT_GROUPS = ("caps", "motion", "motion4", "referred", "motion2", "alone", "moved", "motion3", "enacted", "tally", "recorded", "floor", "labelled", "negative", "dissent", "nay", "disposed", "we", "courts", "ruled", "ruled2", "ordered", "ordered2", "concur", "concur2",
                   "separate", "votes")
_MEETING_VERDICTS = {"caps", "motion", "motion4", "referred", "motion2", "alone", "moved", "motion3", "enacted", "tally", "recorded", "floor", "negative",
                     "dissent", "nay"}


def verdict_candidate(sent: Any, start: int, m: re.Match[str]) -> dict[str, Any]:
    """The candidate a verdict formula makes: self-dated (the meeting's or the decision's day), done."""
    word = next(g for g in _VERDICT_GROUPS if m.group(g))
    lemma = _VERDICT_LEMMAS["floor" if word == "floor" else " ".join(m.group(word).lower().split())]
    return formula_candidate(sent, start, m.group(word), m.start(word), lemma,
                             "decision" if word in _MEETING_VERDICTS else "legal")


def formula_candidate(sent: Any, start: int, trigger: str, at: int, lemma: str, type_: str) -> dict[str, Any]:
    """A record's formula as a candidate (a verdict, a docket's entry): done, dated by the record's own day
    (the meeting's or the decision's, or a row's date cell), no agents or patients of its own."""
    return {"start": start, "end": sent.end_char, "trigger": trigger, "trigger_at": at,
            "lemma": lemma, "type": type_, "lemmas": [lemma], "agents": [], "patients": [], "self_dated": True,
            "subtree": [sent.start, sent.end - 1], "foreign": [], "loose_foreign": [], "reported": False, "generic": False,
            "modality": "done", "polarity": "positive"}


# An iQM2 (Granicus) minutes' vote record: "RESULT: APPROVED [UNANIMOUS]" / "MOVER: …" / "AYES: …" under the
# item it closes ("2. APPROVAL OF THE AGENDA", or the item's motion sentence).
_RESULT_LINE = re.compile(r"[ \t]*RESULT:[ \t]*[A-Z]")
_ITEM_HEAD = re.compile(r"(?m)^[ \t]*\d{1,2}\.[ \t]+[A-Z][A-Z0-9 ,&/'’()-]{3,}$")
_PROCEDURAL_ITEM = re.compile(r"\b(?:APPROVAL|ADOPTION)\s+OF\s+(?:THE\s+)?(?:AGENDA|MINUTES)\b|\bROLL\s+CALL\b|"
                              r"\bCALL\s+TO\s+ORDER\b|\bADJOURN", re.IGNORECASE)
_MOTION_TOLD = re.compile(r"\bmade\s+a\s+motion\b|\bmotion\s+(?:was|to)\b|\bmoved\s+(?:to|that)\b|"
                          r"\bmotion\s+(?:approved|carried|passed|failed)\b", re.IGNORECASE)


def result_told(text: str, start: int) -> bool:
    """A "RESULT: …" line (iQM2 minutes) that adds no act of its own: its item is procedure with nothing
    told under its heading ("2. APPROVAL OF THE AGENDA" / "RESULT: APPROVED"), or a motion sentence of the
    item already tells the act ("Commissioner X made a motion, seconded by Y, to continue this item …
    Motion approved." / "RESULT: APPROVED"). An item told by its description alone keeps the line."""
    if not _RESULT_LINE.match(text, start):
        return False
    before = text[:start]
    item = before[before.rfind("RESULT:") + 1:] if "RESULT:" in before else before
    heads = list(_ITEM_HEAD.finditer(item))
    if heads:
        if _PROCEDURAL_ITEM.search(heads[-1].group(0)) and not item[heads[-1].end():].strip():
            return True
        item = item[heads[-1].end():]
    return bool(_MOTION_TOLD.search(item))

