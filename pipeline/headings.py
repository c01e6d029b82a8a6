"""Heading lines: a line of a page that names what follows ("A. Personnel Matter", "Farrowdale
County Board of Social Services", "4. DIRECTOR'S REPORT") is not part of the sentence after it.
Pure text rules, shared by the spaCy pass (sentence boundaries, pipeline/tagger.py), the event
quotes (pipeline/candidates.py) and untitled documents' titles (pipeline/titles.py)."""
from __future__ import annotations

import re

from pipeline.date_rules import MONTH_ALT, WEEKDAY_ALT

_SMALL_WORDS = {"of", "and", "the", "for", "to", "in", "on", "a", "an", "at", "by", "with", "or", "&"}
# A bullet (any symbol, a private-use glyph of a PDF's bullet font, "o", a dash) or an enumerator
# ("3.", "(b)", "iv)", "II.", "B)") opening a line; never "J. Barndt" (an initial).
LIST_ITEM = re.compile(r"[•▪◦‣●○■□➢►✓✔·*\-–—\ue000-\uf8ff]\s|o\s(?=[A-Z$\d])|\(?(?:\d{1,3}|[a-z]|[ivx]{1,4}|[IVX]{2,4})[.)]\s|\(?[A-Z]\)\s")
_CAPS = re.compile(r"^(?:[A-Z0-9]+[.)]\s+)?[^a-z]*[A-Z][^a-z]*$")


def is_caps_line(line: str) -> bool:
    """A line in capitals ("4. DIRECTOR'S REPORT", a letterhead), not ending in a comma or hyphen."""
    line = line.strip()
    return bool(_CAPS.match(line)) and not line.endswith((",", "-"))


_CLOCK_WORDS = {"a.m", "p.m", "am", "pm"}
MAX_WORDS = 16   # "Performance Audit of the Thrift Savings Plan National Defense Authorization Act Pre-Implementation Controls"


# a line that is a date and nothing else ("Wednesday, July 29, 2015" under "FOR IMMEDIATE RELEASE")
_DATE_LINE = re.compile(rf"(?:(?:{WEEKDAY_ALT}),?\s+)?(?:{MONTH_ALT})\.?\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}}", re.IGNORECASE)


# a date fronted before the sentence it opens ("On May 20, 2009, …", "In March 2016, …")
_FRONTED_DATE = re.compile(rf"(?:on|in|by|during|since|as\s+of)\s+(?:(?:{WEEKDAY_ALT}),?\s+)?(?:{MONTH_ALT})\.?"
                           rf"(?:\s+\d{{1,2}}(?:st|nd|rd|th)?,?)?\s+\d{{4}}\s*,\s+\S", re.IGNORECASE)


def is_heading(line: str) -> bool:
    """A short line of capitalised words (small words aside), with no sentence punctuation at its end."""
    if _DATE_LINE.fullmatch(line.strip()):
        return True
    words = line.split()
    if not words or len(words) > MAX_WORDS or line.rstrip()[-1:] in ",;-—":
        return False
    if ";" in line or re.search(r":\s+\S", line):
        return False   # "MEMBERS PRESENT: Chair Thomas Brennan; ...": a list, wrapped onto the next line
    if words[-1].lower() in _SMALL_WORDS:
        return False
    if len(words) > 3 and words[0].endswith(",") and _sentence_opener(words[0][:-1]):
        return False   # "Today, Domestic Policy Advisor Susan Rice, White House Counsel Dana" / "Remus, and …"
    if _FRONTED_DATE.match(line.strip()):
        return False   # "On May 20, 2009, HHS Secretary Kathleen Sebelius and Attorney General" / "Eric Holder
        # announced …": a date fronted before the comma opens a sentence, whose names wrap onto the next line
    for i, w in enumerate(words):
        core = w.strip("()[]:,.’'\"“”*_")   # (a Markdown file's emphasis: "**July 9, 2020 Board Meeting …**")
        if not core or not any(c.isalpha() for c in core) or core.lower() in _CLOCK_WORDS:
            continue  # numbers, list markers, dashes, a time's "p.m." ("… Meeting Minutes August 19, 2020 – 6:00 p.m.")
        if core.lower() in _SMALL_WORDS and i:
            continue
        if not core[0].isupper():
            return False
    return not re.search(r"[a-z]{2,}[.!?]$", line.strip())


def wrapped_heading(line: str, next_line: str) -> bool:
    """A heading wrapped onto a second line: the first line ends on a small word and the two read
    as one heading ("Brooklyn Man Sentenced to 25 Years to Life for" / "Fatally Shooting His Close
    Friend"), up to MAX_WORDS words."""
    words = line.split()
    return bool(words) and words[-1].lower() in _SMALL_WORDS and not is_heading(line) and \
        is_heading(line.rstrip() + " " + next_line.strip())


def runs_on(next_line: str) -> bool:
    """Whether a capitalised line's words run on into `next_line`, making it a name wrapped in a
    paragraph and no heading: "The United States Department of Health and Human" / "Services
    declared the coronavirus …" (the next line goes on in lower case, or in capitals and then lower
    case). A heading's next line opens on a small word ("Minutes of the …") or a new sentence ("The
    plaintiff …", "He filed …")."""
    from pipeline.cluster import stop_words   # spaCy's list, read once (numpy, not spaCy, comes with it)

    stop = stop_words()
    words = re.findall(r"[^\W\d_][\w'’-]*", next_line)
    if not words:
        return False
    if words[0][0].islower():
        return True
    return len(words) > 1 and words[0].lower() not in stop and words[0][1:] == words[0][1:].lower() and \
        words[1][0].islower() and words[1].lower() not in stop


def _sentence_opener(word: str) -> bool:
    """"Today", "However", "Meanwhile": a frequent English word that is no name (a roll call's line
    opens on a surname and a comma: "Sherrard, Allen Fisk, Bello")."""
    from pipeline.person_spans import FREQUENT, given_names, surnames, zipf

    low = word.lower()
    return word.isalpha() and zipf(low) >= FREQUENT and low not in surnames() and low not in given_names()
