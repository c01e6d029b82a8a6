"""An agenda's record of what the body did at its last meeting: a section headed "ORDINANCES & RESOLUTIONS PASSED AT
PREVIOUS MEETING" (or "adopted at the last meeting") lists items that were decided then, each with its vote ("RES
252-2019 expressing support of … VOTE 13-0"). An agenda is written before its own meeting, so these items are the one
part of it that tells acts done: they take the day of the earlier meeting the agenda itself states ("Regular Meeting
held on September 9, 2019."), never the agenda's day; with no such day stated, none (no date is invented)."""
from __future__ import annotations

import re
from dataclasses import replace
from datetime import date, timedelta
from typing import Any

from pipeline.dates import DateInterval
from pipeline.headings import is_caps_line

# the section's heading, on a line of its own
_SECTION = re.compile(r"(?im)^[ \t]*[^\n]{0,80}?\b(?:passed|adopted|approved|enacted)\s+at\s+(?:the\s+)?"
                      r"(?:previous|last|prior|preceding)\s+(?:regular\s+|council\s+)?meeting\b[^\n]{0,40}$")
# the earlier meeting stated with its day ("Regular Meeting held on September 9, 2019.", "the meeting of May 3")
_HELD = re.compile(r"\bmeeting\s+(?:was\s+)?(?:held\s+)?(?:on|of)\s*$", re.IGNORECASE)
LOOKBACK_DAYS = 92   # how long before the agenda's own meeting its last meeting may lie


def earlier_meeting_day(texts: list[str], found: list[list[dict[str, Any]]], doc_date: date | None) -> DateInterval | None:
    """The day of the earlier meeting the agenda states: a day after "meeting held on" before the agenda's own day."""
    if doc_date is None:
        return None
    for text, dates in zip(texts, found):
        for d in dates:
            iv = d.get("interval")
            if iv is None or iv.precision != "day" or not doc_date - timedelta(days=LOOKBACK_DAYS) <= iv.start < doc_date:
                continue
            if _HELD.search(text, max(0, d["start"] - 40), d["start"]):
                return replace(iv, source="anaphoric")
    return None


# an item's vote on a line of its own ("VOTE 12-0 (Omobien abstained)"): the item's, no act of its own
_VOTE_ONLY = re.compile(r"\s*VOTE\s+\d{1,2}\s*[-–]\s*\d{1,2}\b", re.IGNORECASE)


def passed_before(text: str, start: int) -> bool:
    """The sentence at `start` is an item of the section of what the last meeting passed: the section's heading is
    above it, no heading in capitals of another section lies between, and it is no item's vote alone."""
    heads = list(_SECTION.finditer(text, 0, start))
    if not heads or _VOTE_ONLY.match(text, start):
        return False
    between = text[heads[-1].end():start]
    return not any(is_caps_line(line) and not re.match(r"\s*\d", line) for line in between.splitlines() if line.strip())
