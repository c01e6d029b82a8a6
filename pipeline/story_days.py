"""The day a story tells without writing it: its order.

A news story tells its steps in order. A step without a date of its own ("Kangaloo then cast her
vote.", "After taking money, the man fled on foot.") happens on the day the story told last
(`story_day`, marked anaphoric for the learned filter to judge); a time told alone ("At 10:17 p.m.",
"That night", "By sundown") is on the day told last, and a morning hour after an evening one is the
next day (`past_midnight`). A date inside a quotation is what a speaker spoke of, never the story's
day (`in_quotation`). A court paper or a report tells an incident the same way only from a sentence that opens on
its day and hour (`incident_day`). pipeline/events.py calls these; pipeline/dates.py resolves the words."""
from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace
from typing import Any

from pipeline.date_rules import DAY_NAMED_RE, NUMERIC_WITH_YEAR_RE
from pipeline.dates import DateInterval
from pipeline.lexicon import SPEECH_VERBS

# a time the story counts from the day it told last ("That night", "Hours later", "the next morning"):
# the small model often leaves it untagged, or tags it TIME; pipeline/dates.py reads it from the day before
TOLD_TIME = re.compile(r"\b(?:(?:later|earlier|late|early)\s+)?(?:that|the\s+(?:same|next|following))\s+"
                       r"(?:morning|afternoon|evening|night)\b|\b(?:hours|minutes|moments)\s+(?:later|afterwards?)\b",
                       re.IGNORECASE)
# a day, week, month or year counted from the one told last ("The following day, the court granted …", "That same
# day", "The previous year"), which the small model leaves untagged when it opens a sentence
TOLD_DAY = re.compile(r"\b(?:the|that)\s+(?:(?:very\s+)?same|following|next|previous)\s+(?:day|week|month|year)\b",
                      re.IGNORECASE)
# a part of the document's own day or the night before ("this afternoon", "late last night", "tonight"),
# which the small model often leaves untagged
TODAY_TIME = re.compile(r"\b(?:(?:later|earlier|late|early)\s+)?(?:this\s+(?:morning|afternoon|evening)|last\s+night)\b"
                        r"|\btonight\b", re.IGNORECASE)
DAY_END = re.compile(r"\b(?:by|at|around|until)\s+(?:sundown|sunset|dusk|nightfall)\b(?!\s+(?:on|of)\b)", re.IGNORECASE)

# a time of day ("At 9:24 p.m.", "noon", "midnight"); its hour and minutes when it writes them
CLOCK = re.compile(r"\b(\d{1,2})(?::(\d{2}))?\s*([ap])\.?m\b|\b(noon)\b|\bmidnight\b", re.IGNORECASE)


def _clock(text: str) -> int | None:
    """Minutes after midnight of a time of day ("10:41 p.m." 1301, "noon" 720), else None ("midnight"
    ends one day and opens the next: no count)."""
    m = CLOCK.search(text)
    if m is None or m[1] is None:
        return 720 if m is not None and m[4] else None
    hour = int(m[1]) % 12 + (12 if m[3].lower() == "p" else 0)
    return hour * 60 + int(m[2] or 0)


_NIGHT = re.compile(r"\b(?:night|evening)\b", re.IGNORECASE)
NIGHT = 21 * 60   # the minutes a night told without its hour counts as


def past_midnight(spans: list[tuple[int, dict[str, Any]]], told: list[bool]) -> list[tuple[int, dict[str, Any]]]:
    """A night told hour by hour ("At 10:17 p.m. …", "By 10:41 p.m. …", "By 2:30 a.m. …"): a morning
    time after an evening one, with no day told between, is the next day's."""
    out, last = [], None
    for (p, e), is_told in zip(spans, told):
        if is_told and e.get("reads_as") == "later that day" and (minutes := _clock(e["text"])) is not None:
            if last is not None and last >= 720 > minutes and (last != NIGHT or minutes < 6 * 60):
                e = {**e, "reads_as": "the next day"}
            last = minutes
        elif is_told and (DAY_NAMED_RE.search(e["text"]) or TOLD_TIME.search(e["text"])
                          or NUMERIC_WITH_YEAR_RE.search(e["text"])):
            # a day told ("on Monday, Dec. 14", "the next morning") starts the count again; its night
            # ("Sunday night") is late: "Around 12:30 a.m." after it is the next day's
            last = NIGHT if _NIGHT.search(e["text"]) else None
        out.append((p, e))
    return out


# A news story tells its steps in order: a step without a date of its own ("Kangaloo then cast her
# vote.", "After taking money, the man fled on foot.") happens on the day the story told last, when
# that is a day (not a year or a month: background) close before it, or on the day of the story's
# step before it. Only a sentence told as done, not reported, not a quotation and not what someone
# says, with a step word; the day is marked anaphoric and the learned filter judges it.
STORY_KINDS = ("news",)
STORY_PARAGRAPHS = 6     # how many paragraph breaks back the told day may lie
STORY_CHARS = 3000       # and how many characters
_STEP = re.compile(r"\b(?:then|later|afterwards?|after|shortly|soon|during|when|subsequently|following|"
                   r"meanwhile|upon|once|until|on\s+(?:this|that)\s+occasion|at\s+that\s+(?:point|time|moment))\b"
                   # "As she concluded the debate, Deonarine proposed …": an opening clause of the story's time
                   r"|^\s*As\s+(?:he|she|they|it|we|the\s+\w+|[A-Z][\w’'-]+)\s+(?:\w+\s+){0,2}?\w+ed\b[^,.;]{0,60},",
                   re.IGNORECASE)
# a quotation's words and a sentence that ends on its speaker ("… we survived,’” Montoya-Lewis said after …")
_SPOKEN = re.compile(r'^\s*["“]|["”],?\s+(?:[\w.’\'-]+\s+){0,4}(?:said|says|told|added|wrote|asked|recalled|explained)\b')



_SINCE = re.compile(r"(?:ever\s+)?since\b", re.IGNORECASE)


def in_quotation(text: str, pos: int) -> bool:
    """Whether `pos` lies inside a quotation opened earlier in its paragraph (curly or straight marks)."""
    before = text[text.rfind("\n\n", 0, pos) + 1:pos]
    return before.count("“") > before.count("”") or before.count('"') % 2 == 1


# a step told as before the day told last ("Day previously deployed a state of emergency …", "had earlier voted"):
# some earlier time, not that day
_BEFORE_TOLD = re.compile(r"\b(?:previously|formerly|earlier(?!\s+(?:that|this|the\s+same|in\s+the)\b))\b", re.IGNORECASE)


def story_step(text: str, cand: dict[str, Any]) -> bool:
    start, end = cand["start"], cand["end"]
    return cand["modality"] == "done" and not cand.get("reported") and not cand.get("present") and \
        not _BEFORE_TOLD.search(text, start, end) and \
        (cand.get("rule", True) or cand["lemma"] not in SPEECH_VERBS | {"speak"}) and \
        bool(_STEP.search(text[start:end])) and not in_quotation(text, start) and not _SPOKEN.search(text[start:end])


def story_day(text: str, start: int, found: list[dict[str, Any]],
              possible: Callable[[DateInterval], bool]) -> DateInterval | None:
    """The day the story told last before `start` (not in a quotation), if close enough and a day a
    done act can carry (`possible`)."""
    told = [d for d in found if d["end"] <= start and (d["interval"] is not None or _SINCE.match(d["text"]))
            and not d.get("quoted")]
    if not told:
        return None
    d = max(told, key=lambda d: d["end"])
    if d["interval"] is None or d["interval"].precision != "day" or not possible(d["interval"]):
        return None   # the story last told a year or a month ("in 1998") or a state since then ("since
        # January"): background, no day
    if text.count("\n\n", d["end"], start) > STORY_PARAGRAPHS or start - d["end"] > STORY_CHARS:
        return None
    # the step follows the day's start ("A short time later" after a night told over two days)
    return replace(d["interval"], end=d["interval"].start, source="anaphoric")


INCIDENT_KINDS = ("court", "report")   # papers that tell an incident's night step by step in their facts
INCIDENT_CHARS = 1500   # an incident's steps follow its hour closely (a news story's day reaches STORY_CHARS)


def incident_day(text: str, start: int, found: list[dict[str, Any]],
                 possible: Callable[[DateInterval], bool]) -> DateInterval | None:
    """The day of an incident a court paper or a report tells step by step ("On September 9, 2006, around
    9:00 p.m., Officer Alton stopped a car …" / "Alton then measured the windows …" / "He retrieved the knife
    …"): the day told last, when it was told with its hour, dates the steps up to INCIDENT_CHARS after it."""
    told = [d for d in found if d["end"] <= start and d["interval"] is not None and not d.get("quoted")]
    if not told:
        return None
    told.sort(key=lambda d: d["end"])
    d = told[-1]
    if not d.get("clocked") and len(told) > 1 and told[-2].get("clocked") and d["start"] - told[-2]["end"] < 15:
        d = told[-2]   # the hour itself ("around 9:00 p.m.") told right after its day
    if not d.get("clocked") or start - d["end"] > INCIDENT_CHARS:
        return None
    return story_day(text, start, [d], possible)


def clocked(text: str, d: dict[str, Any]) -> bool:
    """A day that opens its sentence, its hour right after it ("On September 9, 2006, around 9:00 p.m., Officer
    Alton stopped a car …"): the day of an incident whose steps the next sentences tell (incident_day)."""
    on = max(0, d["start"] - 3)
    if d["interval"] is None or d["interval"].precision != "day" or text[on:d["start"]] != "On ":
        return False
    before = text[:on].rstrip(" \t")
    return (not before or before[-1] in ".:;\n") and bool(_INCIDENT_CLOCK.match(text, d["end"]))   # (after a sentence or a heading)


_INCIDENT_CLOCK = re.compile(r",?\s+(?:(?:at|around|about|approximately|shortly\s+(?:before|after))\s+){0,2}"
                             r"\d{1,2}(?::\d{2})?\s*[ap]\.?m\.?,?\s", re.IGNORECASE)
