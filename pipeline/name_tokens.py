"""Token-level tests for people's names in a parsed page, and the mention record a found name
becomes: a capitalised word, an initial, a word in capitals, where a name really ends (past ", Jr.").
Shared by the name finders of `pipeline/nlp.py` and `pipeline/name_runs.py`."""
from __future__ import annotations

import re
from typing import Any

from pipeline.doc_text import text_of
from pipeline.lexicon import NAME_SUFFIXES, ROLE_TITLES, TITLE_WORDS
from pipeline.name_columns import unbracketed

DASHES = ("-", "–", "—")
SUFFIXES = NAME_SUFFIXES | {f"{s}." for s in NAME_SUFFIXES}   # as tokenised: "Jr." and "Jr"
APPOSITIVE = re.compile(
    r"^,\s+(?:the\s+|a\s+|then[- ]|who\s+(?:is|was)\s+(?:the\s+)?)?((?:(?:former|interim|acting|deputy|"
    r"assistant|new|longtime|county|state|board)\s+)*(?:%s))\b(?!\s+[A-Z][a-z])" % "|".join(
        sorted((re.escape(r) for r in ROLE_TITLES), key=len, reverse=True)),
    re.IGNORECASE)   # ", the county's director": a role after a name


def capitalised(tok: Any) -> bool:
    """A capitalised word with lower-case letters: "Durham", "McKethan", "O'Neill" (not "FBI")."""
    return tok.is_alpha and tok.text[:1].isupper() and any(c.islower() for c in tok.text)


def name_word(tok: Any) -> bool:
    return tok.is_alpha and tok.is_title and len(tok.text) > 1 and tok.pos_ in ("PROPN", "NOUN", "ADJ", "VERB")


def initial(tok: Any) -> bool:
    return len(tok.text) == 2 and tok.text[0].isupper() and tok.text[1] == "."


def caps_word(tok: Any) -> bool:   # "KATZMANN", "O'HAGAN", "ZEPEDA-RIVAS", "McSWEENEY"
    text = tok.text[2:] if tok.text.startswith("Mc") and len(tok.text) > 3 else tok.text
    letters = [c for c in text if c.isalpha()]
    return len(letters) > 1 and text.isupper() and all(c.isalpha() or c in "'’-" for c in text)


def name_end(doc: Any, end: int) -> int:
    """Where a name really ends: past ", Jr." / ", III" the model leaves out, and past a surname the
    line wrapped onto the next line after a middle initial ("Charles F.\nConner")."""
    if end + 1 < len(doc) and doc[end].text == "," and doc[end + 1].lower_ in SUFFIXES:
        return end + 2
    if end + 2 < len(doc) and doc[end].text == "," and doc[end + 1].is_space and doc[end + 1].text.count("\n") == 1 \
            and doc[end + 2].lower_ in SUFFIXES:
        return end + 3   # "Kenneth D. Upton,\nJr.": the suffix wrapped onto the next line
    if end < len(doc) and doc[end].lower_ in SUFFIXES and doc[end].text[:1].isupper():
        return end + 1   # "Alex Azar II"
    last = doc[end - 1]
    if initial(last) and end + 1 < len(doc) \
            and doc[end].is_space and doc[end].text.count("\n") == 1 and doc[end + 1].is_title \
            and doc[end + 1].is_alpha and doc[end + 1].lower_ not in TITLE_WORDS:
        return end + 2
    if initial(last) and end < len(doc) \
            and doc[end].is_title and doc[end].is_alpha and not doc[end].is_stop and doc[end].lower_ not in TITLE_WORDS \
            and doc[end].idx == last.idx + 3 and end - 2 >= 0 and doc[end - 2].is_alpha and doc[end - 2].is_title:
        return end + 1   # "Council Member Larry G. Weber": the model stopped at the initial
    return end


# a nickname in quotes inside a name ("Anthony “Tony” Soprano", 'Robert "Bobby" Lee Jones')
_NICKNAME = re.compile(r"(?<=\S)\s+[“\"‘][A-Z][\w.'-]*[”\"’](?=\s+\S)")


def mention(doc: Any, start: int, end: int, name: Any, title: str | None) -> dict[str, Any]:
    span = doc[start:end]
    after = text_of(doc)[span.end_char:span.end_char + 80]
    m = APPOSITIVE.match(after)
    role = m.group(1).lower() if m else None
    text = unbracketed(span.text).rstrip("".join(DASHES))   # "Emmanuel J. Estrada- Mayor/Chair": the dash is no part
    name = unbracketed(name if isinstance(name, str) else name.text)   # "Bertram Hollis(Fenwick, Lydia)"
    name = _NICKNAME.sub("", name)   # "Edward Lawrence “Larry” Kerin": the name, not the nickname
    return {"start": span.start_char, "end": span.start_char + len(text), "text": text,
            "name": name.rstrip("".join(DASHES)), "title": title,
            "role": role, "label": "PERSON"}
