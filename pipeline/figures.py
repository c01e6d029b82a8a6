"""A sentence that states a figure or a state, not an act: "ICE HSI arrests increased by more than
57 percent in comparison to FY 2010", "The number of clients has increased from over 65 percent since
2007", "As of June 30, 2011, BNY Mellon reported total assets of $280 billion". Reports and
speeches are full of them, and each is dated, so the learned filter, which reads the passage
around a sentence, takes them for acts. Plain data in (spaCy tokens, text), a verdict out."""
from __future__ import annotations

import re
from typing import Any

# verbs of a figure's change; intransitive ("arrests increased") — "The board increased the
# budget by 5 percent" has an object and is the board's act
CHANGE_VERBS = {"increase", "decrease", "rise", "fall", "grow", "decline", "drop", "climb", "jump", "surge",
                "plunge", "soar", "dip", "shrink", "double", "triple", "quadruple", "halve", "spike", "tumble"}
_FIGURE_PREPS = {"by", "from", "to", "over", "than", "in", "compared", "since"}
_FIGURE_ENTS = {"PERCENT", "CARDINAL", "MONEY", "QUANTITY"}
# "as of June 30, 2011": the date of a state (a balance, a count, a status), not of an act
AS_OF = re.compile(r"\bas\s+of\s+$", re.IGNORECASE)


def _figure(tok: Any) -> bool:
    return tok.like_num or tok.ent_type_ in _FIGURE_ENTS or tok.lower_ in ("percent", "%")


def figure_change(root: Any) -> bool:
    """The sentence's main verb tells how a figure changed: a verb of change with no object, and a
    figure it changed by, from or to ("increased by 24 percent", "rose from 12 to 30"), or a
    doubling ("Arrests doubled in 2019")."""
    lemma = root.lemma_.lower()
    if root.pos_ not in ("VERB", "AUX") or lemma not in CHANGE_VERBS or any(c.dep_ == "dobj" for c in root.children):
        return False
    if lemma in ("double", "triple", "quadruple", "halve"):
        return True
    return any(c.dep_ in ("prep", "npadvmod", "advmod") and (c.lower_ in _FIGURE_PREPS or _figure(c))
               and any(_figure(t) for t in c.subtree) for c in root.children)


def as_of(text: str, start: int) -> bool:
    """The date at `start` follows "as of": the day a state held, not the day of an act."""
    return bool(AS_OF.search(text, max(0, start - 12), start))
