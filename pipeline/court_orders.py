"""A court's own orders and findings, made on the day it decides: "The Court finds that no bond is
required.", "Defendant Leon must preserve all relevant evidence …", "The parties shall bear their own
costs.", "Defendant …, his agents … are enjoined from …". In a court's document these are acts of
its decision date (pipeline/events.py), not plans; "a plaintiff must show …" (the law's standard)
and a statute's "the Secretary shall …" are neither. Reads one parsed sentence, no model of its own."""
from __future__ import annotations

from typing import Any

# who an order binds: the parties and those who act for them
PARTIES = {"defendant", "plaintiff", "party", "petitioner", "respondent", "appellant", "appellee", "movant",
           "claimant", "debtor", "intervenor", "counsel"}
# what a court does by saying it in the present: "the Court finds", "we dismiss"
RULINGS = {"find", "conclude", "hold", "order", "grant", "deny", "direct", "enjoin", "dismiss", "affirm", "reverse",
           "vacate", "remand", "adopt", "accept", "overrule", "sustain", "decline"}
# what a party is by the order: "is enjoined from", "are ordered to"
BOUND = {"enjoin", "restrain", "prohibit", "order", "direct", "require"}
_SOME = {"a", "an", "any", "every", "each", "no"}


def court_order(sent: Any) -> bool:
    """The sentence is the court's own finding or order, said in the present."""
    root = sent.root
    subject = next((c for c in root.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subject is None or any(c.dep_ == "mark" for c in root.children):
        return False
    aux = [c for c in root.children if c.dep_ in ("aux", "auxpass")]
    lemma = root.lemma_.lower()
    if (subject.lemma_.lower() == "court" and root.tag_ == "VBZ" or subject.lower_ == "we" and root.tag_ == "VBP") \
            and lemma in RULINGS and not aux:
        return True   # "the Court finds", "we dismiss the appeal"
    if not _a_party(subject):
        return False
    if any(a.lower_ in ("shall", "must") for a in aux):
        return True   # "Defendant Leon must preserve …", "The parties shall bear their own costs."
    return lemma in BOUND and root.tag_ == "VBN" and any(a.tag_ in ("VBZ", "VBP") for a in aux)   # "are enjoined"


def _a_party(subject: Any) -> bool:
    """A named or definite party ("Defendant Leon", "The parties"), never "a plaintiff" or "any party"."""
    words = {t.lemma_.lower() for t in subject.subtree if t.i <= subject.i}
    return bool(words & PARTIES) and not any(c.dep_ == "det" and c.lower_ in _SOME for c in subject.children)
