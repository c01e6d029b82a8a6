"""A speaker's testimony in minutes: a line naming the speaker with their address ("Ken Marlow, 5548 Dogwood Drive,
Rivergrove, OR"), then what they said, told in the third person ("Mr. Marlow said that the people … When he moved in
40+ years ago, no one knew about the ramp. … His neighbors don't want to move."), in one or more paragraphs.

The testimony is one act of the meeting: the speaker spoke, and its first sentence tells it (eval/real/ANNOTATING.md:
"testimony given"). The rest of the paragraphs tell what the speaker said, thinks, does or saw; the meeting's day does
not date them (a day of their own still does: "bought his home in 1998", "the ramp was deeded in 1975"). The testimony
ends at the next speaker's line, or at a paragraph that opens on someone else ("Mayor Kibbey asked Mr. Robinson …",
"Councilor Bahrman asked if anyone …", "Motion: …"); a paragraph opening on a pronoun or on the speaker's name
("He implored City Council …", "Mr. Mandel stated …") goes on with it, also over a page break."""
from __future__ import annotations

import functools
import re
from typing import Any, NamedTuple

from pipeline.page_runs import first_read

# "Ken Marlow, 5548 Dogwood Drive, Rivergrove, OR", "Loren Jahraus – 19221 Marlin Court, Rivergrove, OR",
# "David Rodenkirch, 5400 Dawn, Rivergrove OR", "Pat Knight, 4800 Dogwood Drive, Rivergrove, OR.", and run on into
# its sentence: "Mary Lou Van Slavie, 19514 Marlin Ave, Rivergrove, Oregon, interjected that …"
SPEAKER = re.compile(
    r"(?m)^[ \t]*(?P<name>[A-Z][a-z][\w'’-]*(?:[ \t]+(?:[A-Z]\.|[A-Z][\w'’-]+)){1,3})[ \t]*(?:,|[-–—])[ \t]*"
    r"\d{1,6}[ \t]+[A-Z0-9][^,\n]{1,40}(?:,[ \t]*[A-Z][^,\n]{1,30}){1,2}[ \t]*[.,]?[ \t]*(?:$|(?=[a-z]))")
# a paragraph that goes on with the testimony: it opens on a pronoun, or on the speaker by title and surname
_GOES_ON = r"(?:He|She|They|His|Her|Their|It|This)\b"
_TITLED = r"(?:(?:Mr|Ms|Mrs|Miss|Dr)\.?[ \t]+)?"
# a paragraph of page furniture (a page number) interrupts nothing
_FURNITURE = re.compile(r"[\W\d_]{0,12}")
# what a testimony's first sentence is as an act, whatever its words chose: the speaker testified, at the meeting
ACT = {"lemma": "testify", "lemmas": ["testify"], "type": "other", "reported": False, "modality": "done",
       "testimony": True}


class Told(NamedTuple):
    """A page's testimonies: where each one opens (its speaker's line, from its start to its end; the page's top
    for one whose line ended the page before), and the span each runs over."""
    openings: tuple[tuple[int, int], ...]
    spans: tuple[tuple[int, int], ...]


def read(pages: list[dict[str, Any]]) -> dict[int, Told]:
    """Each page's testimonies (by page number), a testimony run over a page break going on at the next page's top."""
    out: dict[int, Told] = {}
    carried: tuple[str, bool] | None = None   # the open testimony's speaker surname, and whether its first sentence is told
    for page in pages:
        text = page["text"]
        openings: list[tuple[int, int]] = []
        spans: list[tuple[int, int]] = []
        top = first_read(text, page.get("skip") or ())
        speakers = list(SPEAKER.finditer(text))
        if carried is not None and not carried[1] and not _names(text, top, carried[0]):
            carried = None   # the line at the page before's foot was no speaker's: nothing here tells of them
        if carried is not None:
            told = _told(text, top, carried[0], speakers[0].start() if speakers else len(text))
            spans += told
            if not carried[1]:
                openings.append((top, top))   # the speaker's line ended the page before: the testimony opens here
            carried = (carried[0], True) if told and told[-1][1] >= len(text) else None
        for n, m in enumerate(speakers):
            stop = speakers[n + 1].start() if n + 1 < len(speakers) else len(text)
            start = m.start() + len(m.group(0)) - len(m.group(0).lstrip())
            surname = m.group("name").split()[-1]
            inline = m.end() < len(text) and not text[m.end()].isspace()   # "…, Oregon, interjected that …"
            at_foot = _FURNITURE.fullmatch(text[m.end():].strip())
            if not (inline or at_foot or _names(text, m.end(), surname)):
                continue   # the next line tells of someone else: an address, no speaker's line
            told = _told(text, m.end(), surname, stop)
            spans += [(start, told[0][1])] + told[1:] if told else [(start, m.end())]
            said = bool(told) and not _FURNITURE.fullmatch(text[told[0][0]:told[0][1]].strip())
            if said:   # (a speaker's line alone at the page's foot: the next page tells it)
                openings.append((start, m.end()))
            if n + 1 == len(speakers):
                ends_page = bool(told) and told[-1][1] >= len(text) or not said
                carried = (surname, said) if ends_page else None
        out[page["page"]] = Told(tuple(openings), tuple(spans))
    return out


@functools.lru_cache(maxsize=64)
def _naming(surname: str) -> re.Pattern[str]:
    """The speaker named by title and surname, initials or given names between ("Mr. Marlow", "Mr. D. Nyberg"); no
    word boundary after the surname, so a typo's extra letter is taken ("Mr. Knighte" for Roger Knight)."""
    return re.compile(rf"\s*{_TITLED}(?:[A-Z][\w'’-]*\.?[ \t]+){{0,2}}{re.escape(surname)}")


def _names(text: str, at: int, surname: str) -> bool:
    """The text from `at` opens on the speaker ("Mr. Marlow said …")."""
    return bool(_naming(surname).match(text, at))


def _told(text: str, at: int, surname: str, stop: int) -> list[tuple[int, int]]:
    """The spans of a testimony told from `at` up to `stop` (the next speaker's line): its paragraphs, each opening on
    a pronoun or on the speaker; another's paragraph ("Mayor Kibbey and Councilor Bahrman thanked him.") is not in it,
    and after one only the speaker's name takes the testimony up again ("Mr. Lane is willing to volunteer …")."""
    goes_on = re.compile(rf"[ \t]*{_GOES_ON}")
    spans, start, open_ = [], at, True
    for para in [*re.finditer(r"\n[ \t]*\n[ \t\n]*", text[:stop]), None]:
        end = para.start() if para else stop
        if end <= start:
            continue
        if open_:
            spans.append((start, end))
        if para is None:
            break
        opens = para.end()
        nl = text.find("\n", opens, stop)
        line = text[opens:stop if nl < 0 else nl]
        if _FURNITURE.fullmatch(line.strip()):
            continue   # a page number between the paragraphs: the testimony goes on
        open_ = bool(_names(line, 0, surname) or open_ and goes_on.match(line))
        start = opens
    return spans


def opening(told: Told | None, text: str, start: int, end: int) -> bool:
    """The sentence `start`…`end` is a testimony's first: the speaker spoke. It holds the speaker's line, or is the
    first sentence after it (the line read as a sentence of its own)."""
    return told is not None and any(start <= a < end and text[b:end].strip() or a < start and not text[b:start].strip()
                                    for a, b in told.openings)


def candidate(text: str, start: int, end: int) -> dict[str, Any]:
    """A testimony's first sentence as the act of its meeting ("Ms. Gentry lives adjacent to the east side of the
    boat ramp.", "Mr. Lahsene explained that he lives next to the boat ramp …"): the speaker testified. Made when the
    sentence's own words chose no act (a speaker's telling is no act of its own, candidates.py)."""
    line = SPEAKER.match(text, start)
    body = line.end() if line else start
    word = re.search(r"\b[a-z][a-z’'-]+\b", text[body:end])
    trigger, at = (word.group(0), body + word.start()) if word else ("testified", start)
    return {"start": start, "end": end, "trigger": trigger, "trigger_at": at, "agents": [], "patients": [],
            "self_dated": False, "subtree": [0, 0], "foreign": [], "loose_foreign": [], "generic": False,
            "polarity": "positive", **ACT}


def inside(told: Told | None, start: int) -> bool:
    """`start` is inside a testimony (its first sentence too)."""
    return told is not None and any(a <= start < b for a, b in told.spans)
