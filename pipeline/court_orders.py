"""A court's own orders and findings, made on the day it decides: "The Court finds that no bond is
required.", "Defendant Leon must preserve all relevant evidence …", "The parties shall bear their own
costs.", "Defendant …, his agents … are enjoined from …", "it is ordered that …", "This constitutes the
Order of the Court.", "the appeal will be sustained …" (a disposition written in the future), "X delivered
the opinion of the Appeals Board", "Opinion for the Court filed by Chief Judge Edwards", "This case is
referred to the Compliance Program". In a court's document these are acts of
its decision date (pipeline/events.py), not plans; "a plaintiff must show …" (the law's standard)
and a statute's "the Secretary shall …" are neither. Reads one parsed sentence, no model of its own."""
from __future__ import annotations

import re
from typing import Any

# who an order binds: the parties and those who act for them
PARTIES = {"defendant", "plaintiff", "party", "petitioner", "respondent", "appellant", "appellee", "movant",
           "claimant", "debtor", "intervenor", "counsel", "clerk"}   # "The Clerk of the Court is directed to …"
# what a court does by saying it in the present: "the Court finds", "we dismiss"
RULINGS = {"find", "conclude", "hold", "order", "grant", "deny", "direct", "enjoin", "dismiss", "affirm", "reverse",
           "vacate", "remand", "adopt", "accept", "overrule", "sustain", "decline"}
# what a party is by the order: "is enjoined from", "are ordered to"
BOUND = {"enjoin", "restrain", "prohibit", "order", "direct", "require",
         "sentence", "commit", "suspend", "disbar", "fine"}   # "Defendant is sentenced to …", "Respondent is suspended …"
_SOME = {"a", "an", "any", "every", "each", "no"}
# what a decision disposes of: "The appeal will be sustained", "the record will be remanded"
CASE_PAPERS = {"appeal", "motion", "petition", "judgment", "decision", "record", "proceeding", "case", "application",
               "complaint", "claim", "request", "action", "writ", "objection", "order", "cross-motion", "charge", "mandate"}
DISPOSALS = RULINGS | {"reinstate", "terminate", "sustain", "remand", "return", "close", "enter", "modify"}   # "Judgment is entered …"
DISPOSALS_ACTIVE = {"issue"}   # "The mandate shall issue forthwith."
# what the court says its words are: "This constitutes the Order of the Court."
DECISION_NOUNS = {"order", "decision", "judgment", "opinion", "ruling", "decree"}


# "IT IS HEREBY ORDERED that …", "Thus, it is further ordered …" (in capitals the parser may lose the "it")
_IT_IS_ORDERED = re.compile(r"^\W*(?:(?:thus|accordingly|therefore),?\s+)?it\s+is\s+(?:(?:hereby|further|also)\s+)*"
                            r"(?:ordered|adjudged|decreed)\b", re.IGNORECASE)


def court_order(sent: Any) -> bool:
    """The sentence is the court's own finding or order, said in the present."""
    if _IT_IS_ORDERED.match(sent.text):
        return True
    root = sent.root
    if root.lemma_.lower() == "deliver" and any(c.dep_ == "dobj" and c.lemma_.lower() == "opinion" and _of_this_court(c)
                                                for c in root.children):
        return True   # "Presiding Judge X delivered the opinion of the Appeals Board, in which …": its decision
    if root.lemma_.lower() in DECISION_NOUNS and root.pos_ in ("NOUN", "PROPN") and any(
            t.lemma_.lower() == "file" and t.dep_ == "acl" and any(c.dep_ == "agent" for c in t.children)
            for t in root.subtree):
        return True   # "Opinion for the Court filed by Chief Judge Edwards.": the decision's own line
    subject = next((c for c in root.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subject is None or any(c.dep_ == "mark" for c in root.children) or _conditional(root):
        return False
    aux = [c for c in root.children if c.dep_ in ("aux", "auxpass")]
    lemma = root.lemma_.lower()
    if subject.lower_ == "it" and lemma in ("order", "adjudge", "decree") and root.tag_ == "VBN" and \
            any(a.lower_ in ("is", "be") for a in aux):
        return True   # "it is ordered that …", "IT IS HEREBY ORDERED AND ADJUDGED"
    if subject.lower_ == "this" and lemma == "constitute" and any(
            c.dep_ in ("dobj", "attr") and c.lemma_.lower() in DECISION_NOUNS for c in root.children):
        return True   # "This constitutes the Order of the Court."
    if subject.lemma_.lower() == "mandate" and lemma in DISPOSALS_ACTIVE and any(a.lower_ in ("will", "shall") for a in aux):
        return True   # "The mandate shall issue forthwith.": the court's order to its clerk
    if subject.lemma_.lower() in CASE_PAPERS and lemma in DISPOSALS | {"refer"} and root.tag_ == "VBN" and \
            any(a.lower_ in ("will", "shall", "is", "are") for a in aux) and not _a_party(subject):
        return True   # "The appeal will be sustained, the proceedings will be reinstated …", "This case is
        # referred to the Compliance Program": the disposition
    if (subject.lemma_.lower() == "court" and root.tag_ == "VBZ" or subject.lower_ == "we" and root.tag_ == "VBP") \
            and lemma in RULINGS and not aux:
        return True   # "the Court finds", "we dismiss the appeal"
    if not _a_party(subject):
        return False
    if any(a.lower_ in ("shall", "must") for a in aux):
        return lemma not in BURDENS and not _purpose_fronted(root)   # "Defendant Leon must preserve …", "The
        # parties shall bear their own costs."; not the law's test ("The movant must demonstrate …", "To establish
        # standing, Plaintiff Hutchins must show …")
    return lemma in BOUND and root.tag_ == "VBN" and any(a.tag_ in ("VBZ", "VBP") for a in aux)   # "are enjoined"


# what a party must do to win, by the law's standard: "must show", "must demonstrate", "must establish"
BURDENS = {"show", "demonstrate", "establish", "prove", "allege", "plead", "satisfy", "meet", "persuade", "overcome",
           "identify", "articulate"}


def _purpose_fronted(root: Any) -> bool:
    """"To establish standing, X must …": an infinitive of purpose before the verb, the law's test."""
    return any(c.dep_ in ("advcl", "xcomp") and c.i < root.i and c.tag_ == "VB" and
               any(a.lower_ == "to" and a.dep_ == "aux" for a in c.children) for c in root.children)


def _a_party(subject: Any) -> bool:
    """A named or definite party ("Defendant Leon", "The parties"), never "a plaintiff" or "any party"."""
    words = {t.lemma_.lower() for t in subject.subtree if t.i <= subject.i}
    return bool(words & PARTIES) and not any(c.dep_ == "det" and c.lower_ in _SOME for c in subject.children)


def _conditional(root: Any) -> bool:
    """"If the motion is granted, the case will be dismissed": what would follow, no order."""
    return any(c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in ("if", "unless", "should") for m in c.children)
               for c in root.children)


def _of_this_court(opinion: Any) -> bool:
    """"the opinion of the Court", "… of the Appeals Board", a syllabus's "the opinion for a unanimous Court":
    the court's own name, capitalised (a lower court's opinion is "the opinion of the trial court")."""
    return any(p.dep_ == "prep" and p.lower_ in ("of", "for") and any(
        o.dep_ == "pobj" and o.text[:1].isupper() and o.lower_ in ("court", "board", "panel", "tribunal", "commission")
        for o in p.children) for p in opinion.children)


# A court's minutes of its own proceedings: "CIVIL MINUTES - GENERAL", "CRIMINAL MINUTES", "MINUTE ORDER",
# "MINUTE ENTRY", "MINUTES OF PROCEEDINGS" as a line of the first page's head.
_MINUTES_HEAD = re.compile(r"^[ \t]*(?:(?:CIVIL|CRIMINAL)\s+MINUTES\b|MINUTE\s+(?:ORDER|ENTRY)\b|MINUTES\s+OF\s+PROCEEDINGS?\b)",
                           re.MULTILINE)


def minutes_of_proceedings(first_page: str) -> bool:
    """The document is a court's minutes: what it tells in the present ("Hearing held and counsel are
    present.", "The Court takes the motions under submission.", "Court hears oral argument.") was done at
    the hearing the minutes record, as in a board's minutes (pipeline/events.py dates it so)."""
    return bool(_MINUTES_HEAD.search(first_page[:2500]))

