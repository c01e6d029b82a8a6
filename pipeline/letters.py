"""A letter that answers one: "I am writing in response to your letter of November 20, 2014, …",
"… the concerns that you raised in your November 20, 2014 letter", "in response to your September 7,
2011, letter in which you requested …". The letter answered is an act of its writer on its date
(the request made, the concern raised), whatever the sentence's own verb: the reply's "I am writing"
is the present, and the request sits in a clause of its own. Pure text rules, no model."""
from __future__ import annotations

import re
from typing import Any

from pipeline.date_rules import WRITTEN_DAY

_PAPER = r"(?:letters?|e-?mails?|correspondence|inquiry|request|memorandum|memo)"
_DAY = rf"(?:{WRITTEN_DAY})"   # ("September 7,2011": a scan's text)
# "your letter of/dated November 20, 2014", "your November 20, 2014(,) letter"
LETTER_ANSWERED = re.compile(rf"\b(?:your|his|her|their)\s+(?:{_PAPER}\s+(?:of|dated)\s+(?P<after>{_DAY})"
                             rf"|(?P<before>{_DAY}),?\s+{_PAPER}\b)", re.IGNORECASE)


def letter_candidate(sent: Any, start: int, m: re.Match[str]) -> dict[str, Any]:
    """The candidate of the letter answered: done, dated by the letter's day (the only date it may take)."""
    day = "after" if m.group("after") else "before"
    at, end = m.start(day), m.end(day)
    return {"start": start, "end": sent.end_char, "trigger": "letter", "trigger_at": at, "lemma": "write",
            "type": "other", "lemmas": ["write"], "agents": [], "patients": [], "self_dated": False,
            "subtree": [sent.start, sent.end - 1], "reported": False, "generic": False,
            # every other part of the sentence is foreign to the act: only the letter's day dates it
            "foreign": [(sent.start_char, at), (end, sent.end_char)], "loose_foreign": [(sent.start_char, at), (end, sent.end_char)],
            "modality": "done", "polarity": "positive"}
