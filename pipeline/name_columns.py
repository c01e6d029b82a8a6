"""Where a name ends, and where it begins, when a table's cell or a docket's block runs it on into
the next column. A court docket's attorney block ("Jane Roe Smith, Jones & Park LLP (NY) 12 Main
Street ... LEAD ATTORNEY Ann Lee Smith, Jones & Park LLP ...") reaches the small model as one line,
and its PERSON spans take in the firm, a label or the next cell. Pure: a spaCy `Doc` and token
indices in, token indices out (README, "Decisions about people").
"""
from __future__ import annotations

import re
from typing import Any

from pipeline.lexicon import TITLE_WORDS
from pipeline.person_spans import common_surnames, common_word, english_word, given_names

# The closing word of a firm's name: "Harcourt, Pryor & Yates LLP", "Adams, Hale & Roe, P.A."
FIRM_ENDS = {"llp", "l.l.p.", "llc", "l.l.c.", "lp", "p.c.", "pc", "p.a.", "pa", "pllc", "inc", "inc.", "ltd", "ltd."}
_JOINS = {"&", "and"}
_SUFFIXES = {"jr", "jr.", "sr", "sr.", "ii", "iii", "iv"}
# A note glued to a name by an opening bracket: "Bertram Hollis(Fenwick, Lydia)" in a docket entry.
_GLUED_BRACKET = re.compile(r"(?<=[^\W\d_.])\((?=[^\W\d_])")


def unbracketed(text: str) -> str:
    """A name as written up to a bracket glued onto its last word ("Bertram Hollis(Fenwick" is
    Bertram Hollis: what the bracket opens is a clerk's note, the next cell)."""
    return _GLUED_BRACKET.split(text, maxsplit=1)[0]


def column_start(doc: Any, start: int, ordinary: set[str]) -> int:
    """A given name the model left out before a span that opens a cell after a label in capitals
    ("ATTORNEY TO BE NOTICED Jeremy Robert Saks" read as "Robert Saks"): a capitalised word right
    before it, on the same line, that is a census given name or no English word (nor a title or an
    ordinary word of the document), and that itself follows no capitalised word (it opens the run:
    "Marc Ritter Minna Nashef" does not make "Ritter Minna Nashef")."""
    p = start - 1
    if p < 0 or doc[p].whitespace_ != " ":
        return start
    word = doc[p]
    low = word.lower_
    if not (_capitalised(word) and len(word.text) > 1) or low in TITLE_WORDS or low in ordinary \
            or word.ent_type_ not in ("", "PERSON") or not (low in given_names() or not english_word(low)):
        return start
    before = doc[p - 1] if p > 0 else None
    if before is not None and (not before.whitespace_ or (before.text[:1].isupper() and not _label(before))):
        return start   # "Gretchen S. Obrist Keller ...": the word before follows a name of its own
    return p


def column_end(doc: Any, start: int, end: int) -> int:
    """Where the name in tokens [start, end) ends when the span runs on into the next column: a
    label in capitals ("PRO SE"), a firm named in a list of its partners ("... Paul, Weiss & Co.
    LLP"), a block the document repeats after other names (a firm, its address), a field's label
    before its colon ("Judge Wendell Armitage Cause: 28:1332")."""
    end = _before_capitals_label(doc, start, end)
    end = _before_firm(doc, start, end)
    end = _before_repeated_block(doc, start, end)
    return _before_field_label(doc, start, end)


def _before_capitals_label(doc: Any, start: int, end: int) -> int:
    """"Colby Farraday PRO SE": a name in title case does not go on into a word in capitals that is an
    English word and no common surname; "Javier Ruiz N/A": nor into the letter of "N/A"."""
    for k in range(start + 2, end):
        tok = doc[k]
        if tok.is_alpha and tok.is_upper and len(tok.text) > 1 and tok.lower_ not in _SUFFIXES \
                and tok.lower_ not in common_surnames() and english_word(tok.lower_) \
                and any(_capitalised(t) for t in doc[start:k]):
            return k
    if end - start > 2 and end < len(doc) and doc[end].text == "/" and len(doc[end - 1].text) == 1 \
            and not doc[end - 1].whitespace_:
        return end - 1
    return end


def _before_firm(doc: Any, start: int, end: int) -> int:
    """"Thaddeus Wembley Harcourt" + ", Pryor, Dobbins & Yates LLP": the span's last word opens a
    firm named by its partners, a comma after each, "&" or "and" before the last, then LLP, P.C. ..."""
    if end - start < 2 or not _capitalised(doc[end - 1]):
        return end
    i, names, joined = end, 0, False
    while i + 1 < len(doc) and doc[i].text == ",":
        i += 1
        if doc[i].text in _JOINS:
            joined = True
            i += 1
        if i >= len(doc) or not _capitalised(doc[i]):
            break
        names += 1
        i += 1
        if i < len(doc) and doc[i].text in _JOINS:
            joined = True
            i += 1
            if i < len(doc) and _capitalised(doc[i]):
                names += 1
                i += 1
        if i < len(doc) and doc[i].lower_ in FIRM_ENDS or \
                (i + 1 < len(doc) and doc[i].text == "," and doc[i + 1].lower_ in FIRM_ENDS):
            return end - 1 if names and joined else end
    return end


def _before_repeated_block(doc: Any, start: int, end: int) -> int:
    """"Moira Elkins Voss Harcourt Pryor & Yates LLP" where "Harcourt Pryor & Yates LLP" also follows
    another attorney's name: the span's tail and what comes after it are a block the document writes
    after other names (a firm, its address), not part of this name. At least two words of the name
    stay; the block goes on in capitalised words ("Smith said the" is prose, never a block)."""
    stop = _block_end(doc, end)
    if stop is None:
        return end
    text = doc.text
    for k in range(start + 2, end):
        tok = doc[k]
        if not _capitalised(tok) or len(tok.text) < 2 or tok.lower_ in _SUFFIXES:
            continue
        block = text[tok.idx:stop]
        here_before = doc[k - 1].text
        for m in re.finditer(re.escape(block), text):
            if m.start() == tok.idx:
                continue
            before = text[:m.start()].split()
            if before and before[-1] != here_before and before[-1][:1].isupper():
                return k
    return end


def _block_end(doc: Any, end: int) -> int | None:
    """The end (a character offset) of the three words after a span when two or more go on in
    capitalised words, "&", "and", "of", commas and brackets, on the same line; None when they do
    not ("Thornburg (Entered: ..." is a docket entry's end, no block)."""
    words, i = 0, end
    while i < len(doc) and words < 3:
        tok = doc[i]
        if tok.is_space or "\n" in tok.text:
            break
        core = tok.text.strip("(),")
        if core and not (core[:1].isupper() or core in ("&", "and", "of")):
            break
        words += bool(core)
        i += 1
    if words < 2 or not any(_capitalised(t) for t in doc[end:i]):
        return None
    return doc[i - 1].idx + len(doc[i - 1].text)


def _before_field_label(doc: Any, start: int, end: int) -> int:
    """"Judge Wendell Q. Armitage Cause: 28:1332": an English word that is no surname, right before a
    colon, is the next field's label."""
    if end - start > 2 and end < len(doc) and doc[end].text == ":" and _capitalised(doc[end - 1]) \
            and common_word(doc[end - 1].text):
        return end - 1
    return end


def _label(tok: Any) -> bool:
    """A word in capitals: a docket's label ("NOTICED", "ATTORNEY"), not an initial ("S.")."""
    return tok.is_alpha and tok.is_upper and len(tok.text) > 1


def _capitalised(tok: Any) -> bool:
    """A capitalised word with lower-case letters: "Durham", "McKethan" (not "FBI", not "&")."""
    return tok.is_alpha and tok.text[:1].isupper() and any(c.islower() for c in tok.text)
