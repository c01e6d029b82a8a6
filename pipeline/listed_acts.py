"""Acts listed under a line that announces them: a digest's "Committee ordered favorably reported the
following business items:" / "S. 1420, to amend …; and" / "The nomination of Kathie L. Olsen …",
minutes' "Reports were filed today as follows:", "The following items were approved on consent:".
Each item is the act the line announces, done at the meeting, though the item itself has no verb
of its own that says so. Plain text in, a verdict out."""
from __future__ import annotations

import re

# the announcing line ends in "the following (…):" or "as follows:"
# ("The following items were approved on the consent agenda:", over one wrapped line at most)
_INTRO = re.compile(r"\b(?:the\s+following\b[^.:;\n]{0,80}(?:\n[^.:;\n]{0,80})?|as\s+follows)\s*:[ \t]*\n",
                    re.IGNORECASE)
# what is to come is no act done ("The board will consider the following items:"), nor who was there
# ("The following members were present:")
_NOT_DONE = re.compile(r"\b(?:will|shall|would|may|might|to\s+(?:be\s+)?consider(?:ed)?|scheduled|proposed|"
                       r"recommend(?:s|ed)?|requests?|present|absent|attend(?:ed|ing)?|attendance)\b", re.IGNORECASE)
# and the line says something was done: a verb in the past ("reported", "were filed", "received")
_DONE = re.compile(r"\b(?:\w{3,}ed|held|took|made|gave|sent|heard|read|won|lost|met|chose|struck)\b", re.IGNORECASE)
# an item before this one that ended in a full stop closed the list
_CLOSED = re.compile(r"[.!?][\"'”’)\]]*[ \t]*\n")
_SENTENCE_END = re.compile(r"[.!?:][\"'”’)\]]*(?:[ \t]*\n|[ \t]+(?=[A-Z]))|\n[ \t]*\n")
REACH = 1500   # characters back from an item to its announcing line


def listed(text: str, start: int) -> bool:
    """The sentence at `start` is an item of a list a done act announces: the announcing line is
    above it with no blank line between, and no item before it closed the list with a full stop."""
    window_start = max(0, start - REACH)
    intro = None
    for intro in _INTRO.finditer(text, window_start, start):
        pass
    if intro is None:
        return False
    between = text[intro.end():start]
    if "\n\n" in between or _CLOSED.search(between):
        return False
    opening = window_start   # the announcing sentence, over wrapped lines
    for end in _SENTENCE_END.finditer(text, window_start, intro.start()):
        opening = end.end()
    return not _NOT_DONE.search(text, opening, intro.end()) and bool(_DONE.search(text, opening, intro.end()))
