"""Days counted from a written date: "the day after the Dec. 30 shooting", "two days before the
March 3 vote", "a week after Jan. 5". spaCy tags the count ("the day") and the date ("Dec. 30") as
two spans, and the count alone reads as nothing: here the two become one span dated by the count
from the date. Pure: the page's resolved date spans in, the same list (merged where counted) out."""
from __future__ import annotations

import re
from dataclasses import replace
from datetime import timedelta
from datetime import date
from typing import Any

from pipeline import dates

_COUNT = re.compile(r"(?:the\s+)?(?:(?P<n>a|an|one|two|three|four|five|six|seven|eight|nine|ten|\d{1,2})\s+)?"
                    r"(?P<unit>days?|weeks?)", re.IGNORECASE)
_LINK = re.compile(r"\s+(?P<way>after|before|following|prior\s+to)\s+(?:the\s+|a\s+)?", re.IGNORECASE)
_WORDS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
          "nine": 9, "ten": 10}


def count_from_dates(text: str, found: list[dict[str, Any]], anchor: date | None) -> list[dict[str, Any]]:
    out: list[dict[str, Any]] = []
    skip = -1
    for i, d in enumerate(found):
        if i == skip:
            continue
        count = _COUNT.fullmatch(d["text"].strip())
        link = _LINK.match(text, d["end"]) if count else None
        nxt = found[i + 1] if i + 1 < len(found) else None
        # the date after the link, read alone ("after Jan. 5" may have been read as a bound, which dates nothing)
        told = dates.normalize(text[link.end():nxt["end"]], anchor=anchor) \
            if count and link and nxt is not None and link.start() <= nxt["start"] <= link.end() else None
        if told is not None and told.precision == "day":
            n = count.group("n")
            days = (_WORDS.get(n.lower(), 0) if n and not n.isdigit() else int(n or 1)) * \
                (7 if count.group("unit").lower().startswith("week") else 1)
            sign = -1 if link.group("way").lower().startswith(("before", "prior")) else 1
            day = told.start + timedelta(days=sign * days)
            words = text[d["start"]:nxt["end"]]
            out.append({**d, "end": nxt["end"], "text": words,
                        "interval": replace(told, start=day, end=day, source="relative", text=words)})
            skip = i + 1
            continue
        out.append(d)
    return out
