"""The date a document speaks from: meeting date of minutes, publication date of news, report date.

Later stages anchor relative dates ("last Tuesday") on it. Each result says where it came from:
metadata | title | first_page | user | fetch_time.
"""
from __future__ import annotations

import re
from datetime import date

from dateparser.date import DateDataParser

VERSION = "docdate.v1"

_MONTH = r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
_FULL_DATE = rf"{_MONTH}\s+\d{{1,2}},?\s+\d{{4}}"
# Phrases that introduce the date a record speaks from, strongest first.
_CUES = [
    rf"(?:meeting|session|hearing)\s+(?:held\s+)?(?:on\s+)?(?:\w+day,\s+)?({_FULL_DATE})",
    rf"held\s+(?:on\s+)?(?:\w+day,\s+)?({_FULL_DATE})",
    rf"(?:dated|issued|published|report date:?|date of report:?)\s+({_FULL_DATE})",
    rf"({_FULL_DATE})",
]
_parser: DateDataParser | None = None


def parse_day(text: str) -> date | None:
    """A full calendar date from text, or None (no guessing of missing parts)."""
    global _parser
    if _parser is None:
        _parser = DateDataParser(languages=["en"], settings={"STRICT_PARSING": True})
    data = _parser.get_date_data(text)
    if data and data.date_obj and data.period == "day":
        return data.date_obj.date()
    return None


def from_text(text: str, *, window: int = 1500) -> date | None:
    head = text[:window]
    for cue in _CUES:
        for match in re.finditer(cue, head, flags=re.IGNORECASE):
            found = parse_day(match.group(1))
            if found:
                return found
    return None


def document_date(*, known: date | None, known_source: str | None, title: str | None,
                  first_page: str, meta_date: str | None, kind: str) -> tuple[date | None, str | None]:
    """Pick the document date; a date the user or the crawler's metadata gave wins."""
    if known and known_source in ("user", "metadata"):
        return known, known_source
    if kind in ("minutes", "agenda", "report"):
        for text, source in ((title or "", "title"), (first_page, "first_page")):
            found = from_text(text)
            if found:
                return found, source
    if meta_date:
        found = parse_day(meta_date)
        if found:
            return found, "metadata"
    if known:
        return known, known_source
    if kind not in ("minutes", "agenda", "report"):
        found = from_text(first_page, window=600)
        if found:
            return found, "first_page"
    return None, None
