"""Verbatim transcripts: a council's Hansard, a hearing's record, where each turn opens on its
speaker's label ("Mayor Katz: I move that …", "Madam Speaker: Carried."). In such a record the
meeting's day dates what is done at the meeting (a verdict, a motion moved, a vote called), not
what a speaker tells of ("When this was brought forward …" happened some time before): the rest
needs a date of its own (pipeline/events.py). Pure text rules, no model."""
from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable

from pipeline.person_spans import common_word

# A line opening on one to four capitalised words and a colon, then the turn's first word:
# "Councillor Browaty: I move", "Mr. Speaker: He’s speaking", "Deputy City Clerk: The vote".
_LABEL = re.compile(r"^((?:[A-Z][\w'’.-]*[ \t]+){0,3}[A-Z][\w'’.-]*):[ \t]+(?=[A-Z“\"])", re.MULTILINE)
MIN_TURNS = 10      # labelled lines in the document
MIN_SPEAKERS = 3    # labels that each open two turns or more
# A roll-call vote's fields, in any case, are no speakers ("Aye: Trustees Knight, Lee", "No: None",
# "Absent: Trustee Ortiz", "Student Advisory Vote: Aye"): the label's last word is one of these
_VOTE_FIELD = frozenset("aye ayes yes yea yeas no noes nay nays absent absence abstain abstains abstained abstaining "
                        "abstention abstentions recused recusal excused present vote votes voting motion moved mover "
                        "second seconded seconder action result roll attendance".split())


# The Congressional Record's turns: a title, the member's surname in capitals and a full stop
# ("Mr. MICA. Mr. Speaker, I move …", "Ms. MILLENDER-McDONALD. …", "Mr. SMITH of Texas. …"), or the
# chair ("The SPEAKER pro tempore (Mr. Foley). The question is …", "The PRESIDING OFFICER. Without …").
_RECORD_LABEL = re.compile(
    r"^[ \t]*((?:Mr|Ms|Mrs|Miss|Dr)\.[ \t]+(?:Mc|Mac)?[A-Z][A-Z'’]+(?:-(?:Mc|Mac)?[A-Z][A-Z'’]+)*"
    r"(?:[ \t]+of[ \t]+[A-Z][a-z]+(?:[ \t]+[A-Z][a-z]+)?)?"
    r"|The[ \t]+(?:SPEAKER|PRESIDING[ \t]+OFFICER|CHAIRMAN|CHAIR|ACTING[ \t]+PRESIDENT|PRESIDENT|VICE[ \t]+PRESIDENT)"
    r"(?:[ \t]+pro[ \t]+tempore)?(?:[ \t]+\([^)\n]*\))?)\.[ \t]+(?=[A-Z])", re.MULTILINE)
# A page of the Record's House or Senate floor proceedings (not its Daily Digest, whose entries
# summarise): "[Congressional Record Volume 151, Number 99 (Wednesday, July 20, 2005)]" / "[House]"
_FLOOR_PAGE = re.compile(r"^\[Congressional Record Volume [^\]\n]*\]\s*\n\s*\[(?:House|Senate)\]", re.MULTILINE)


# A closed-caption file runs its turns on inside a line: "… Congratulations. Al Sigala: Thank you, mr.
# Mayor", "[gavel pounding] Adams: Good morning and welcome …", "Saltzman: Sure. Fish: What i've noticed …".
_INLINE_LABEL = re.compile(r"(?<=[.?!\]])[ \t]+((?:[A-Z][a-z'’-]+[ \t]+){0,2}[A-Z][a-z'’-]+):[ \t]+(?=[A-Za-z“\"\[])")


def speaker_labels(text: str) -> list[str]:
    """The speaker labels opening lines of `text`, in order, and those a caption file runs on inside a
    line when their last word is no English word (person_spans.common_word: "Adams:", "Al Sigala:",
    "Okafor:", not "Note:", "Disposition:"). A label in capitals ("MOTION BY:", "AYES:", "ACTION:") is a form's field
    in minutes, not a speaker, and so is a roll-call vote's field in any case ("Aye:", "Absent:", _VOTE_FIELD)."""
    labels = [(m.start(), m.group(1)) for m in _LABEL.finditer(text) if any(c.islower() for c in m.group(1))
              and m.group(1).split()[-1].lower() not in _VOTE_FIELD]
    labels += [(m.start(), m.group(1)) for m in _RECORD_LABEL.finditer(text)]
    labels += [(m.start(1), m.group(1)) for m in _INLINE_LABEL.finditer(text) if not common_word(m.group(1).split()[-1])]
    return [label for _, label in sorted(labels)]


def is_transcript(pages: Iterable[str]) -> bool:
    """A record of turns: at least MIN_TURNS labelled lines, with MIN_SPEAKERS labels that recur; or a
    page of the Congressional Record's floor proceedings, however few its turns (one member's special
    order is still a speech told on the floor)."""
    texts = list(pages)
    if texts and _FLOOR_PAGE.search(texts[0][:400]):
        return True
    turns = Counter(label for text in texts for label in speaker_labels(text))
    return sum(turns.values()) >= MIN_TURNS and sum(n >= 2 for n in turns.values()) >= MIN_SPEAKERS


# A transcript's word index: "congressional [3] 26:23,25 27:6", each word with where it stands (page:line)
_PAGE_LINE = re.compile(r"(?<![\d:])\d{1,3}:\d{1,2}(?![\d:])")
MIN_REFERENCES = 30      # page:line references on the page
REFERENCE_SHARE = 0.15   # of its words


def is_word_index(text: str) -> bool:
    """A page of a transcript's word index (concordance): words in alphabetical runs, each followed by
    its count and page:line references. Glued neighbours ("Laden Lamberth", "a Congressperson") are
    no names, and it reports nothing."""
    refs = len(_PAGE_LINE.findall(text))
    return refs >= MIN_REFERENCES and refs >= REFERENCE_SHARE * len(text.split())
