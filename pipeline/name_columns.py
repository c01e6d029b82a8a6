"""Where a name ends, and where it begins, when a table's cell or a docket's block runs it on into
the next column. A court docket's attorney block ("Jane Roe Smith, Jones & Park LLP (NY) 12 Main
Street ... LEAD ATTORNEY Ann Lee Smith, Jones & Park LLP ...") reaches the small model as one line,
and its PERSON spans take in the firm, a label or the next cell. Pure: a spaCy `Doc` and token
indices in, token indices out (README, "Decisions about people").
"""
from __future__ import annotations

import re
from typing import Any

from pipeline.doc_text import text_of
from pipeline.lexicon import TITLE_WORDS
from pipeline.person_spans import common_surnames, common_word, english_word, given_names

# The closing word of a firm's name: "Harcourt, Pryor & Yates LLP", "Adams, Hale & Roe, P.A."
FIRM_ENDS = {"llp", "l.l.p.", "llc", "l.l.c.", "lp", "p.c.", "pc", "p.a.", "pa", "pllc", "inc", "inc.", "ltd", "ltd."}
_JOINS = {"&", "and"}
_SUFFIXES = {"jr", "jr.", "sr", "sr.", "ii", "iii", "iv"}
# A note glued to a name by an opening bracket: "Bertram Hollis(Fenwick, Lydia)" in a docket entry.
_GLUED_BRACKET = re.compile(r"(?<=[^\W\d]|\.)\((?=[^\W\d_])")   # also after "L.L.P.(WA)"


def unbracketed(text: str) -> str:
    """A name as written up to a bracket glued onto its last word ("Bertram Hollis(Fenwick" is
    Bertram Hollis: what the bracket opens is a clerk's note, the next cell)."""
    return _GLUED_BRACKET.split(text, maxsplit=1)[0]


def column_start(doc: Any, start: int, end: int, ordinary: set[str]) -> int:
    """A given name the model left out before a span of two words or more that opens a cell after a
    label in capitals ("ATTORNEY TO BE NOTICED Jeremy Robert Saks" read as "Robert Saks"): a
    capitalised word right before it that is a census given name or no English word (nor a title or
    an ordinary word of the document), and that itself opens the cell ("Neil Porter Dana Hallis"
    does not make "Porter Dana Hallis", nor "Owen Pratt, Halloran Wexley" a "Halloran Wexley")."""
    p = start - 1
    if p < 0 or doc[p].whitespace_ != " " or end - start < 2:
        return start
    word = doc[p]
    low = word.lower_
    if not (_capitalised(word) and len(word.text) > 1) or low in TITLE_WORDS or low in ordinary \
            or word.ent_type_ not in ("", "PERSON") or not (low in given_names() or not english_word(low)):
        return start
    return p if _opens_cell(doc, p) else start


def column_end(doc: Any, start: int, end: int) -> int:
    """Where the name in tokens [start, end) ends when the span runs on into the next column: a
    label in capitals ("PRO SE"), a firm named in a list of its partners ("... Paul, Weiss & Co.
    LLP"), a block the document repeats after other names (a firm, its address), a field's label
    before its colon ("Judge Wendell Armitage Cause: 28:1332")."""
    end = _before_capitals_label(doc, start, end)
    end = _before_firm(doc, start, end)
    cut = _before_repeated_block(doc, start, end)
    end = _through_cell_word(doc, start, end) if cut == end else cut
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
    if end - start < 2 or not _capitalised(doc[end - 1]) or not _opens_cell(doc, start):
        return end   # prose names a person, then the firm: "and Lee Levine, Levine, Sullivan & Koch, LLP"
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
    stay; the block goes on in capitalised words ("Smith said the" is prose, never a block). A span
    that is all block, glued after a name here too, is none ("Harcourt Pryor" of "Oliver Brandt
    Harcourt Pryor (NY)" read as a span of its own)."""
    whole = _block_end(doc, end, least=1)   # the span's own words count towards the block
    if whole is not None and end - start >= 2 and start > 0 and _name_word(doc[start - 1]) \
            and doc[start - 1].whitespace_ and _repeated(text_of(doc), doc[start].idx, whole, doc[start - 1].text, True):
        return start
    stop = _block_end(doc, end)
    if stop is None:
        return end
    for k in range(start + 2, end):
        tok = doc[k]
        if _capitalised(tok) and len(tok.text) > 1 and tok.lower_ not in _SUFFIXES \
                and _repeated(text_of(doc), tok.idx, stop, doc[k - 1].text):
            return k
    return end


def _through_cell_word(doc: Any, start: int, end: int) -> int:
    """"ATTORNEY TO BE NOTICED Lena Hart Voss Harcourt Pryor (NY)" read as "Lena Hart": the one
    capitalised word between the span and a block the document writes after other names (the
    firm) is the rest of the name; not after a suffix ("Lena Hart, Jr"), which ends a name."""
    if end + 1 >= len(doc) or not _name_word(doc[end]) or not doc[end - 1].whitespace_ \
            or doc[end - 1].lower_ in _SUFFIXES or not doc[end].whitespace_ or not _opens_cell(doc, start):
        return end
    stop = _block_end(doc, end + 1)
    if stop is not None and _repeated(text_of(doc), doc[end + 1].idx, stop, doc[end].text, name_before=True):
        return end + 1
    return end


def _repeated(text: str, at: int, stop: int, here_before: str, name_before: bool = False) -> bool:
    """The text [at, stop) is written elsewhere too, after another capitalised word than
    `here_before` (with `name_before`, a word with lower-case letters: a name's, not a label's)."""
    block = text[at:stop]
    for m in re.finditer(re.escape(block), text):
        if m.start() == at:
            continue
        before = re.search(r"(\S+)\s+$", text[max(0, m.start() - 40):m.start()])
        word = before.group(1) if before else ""
        if word and word != here_before and word[:1].isupper() and \
                (not name_before or any(c.islower() for c in word)):
            return True
    return False


def _name_word(tok: Any) -> bool:
    """A capitalised word that may end or go on with a name: no title ("Attorney"), no label."""
    return _capitalised(tok) and len(tok.text) > 1 and tok.lower_ not in TITLE_WORDS


def _block_end(doc: Any, end: int, least: int = 2) -> int | None:
    """The end (a character offset) of the three words after a span when `least` or more go on in
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
    if words < least or not any(_capitalised(t) or _label(t) for t in doc[end:i]):
        return None
    return doc[i - 1].idx + len(doc[i - 1].text)


def _before_field_label(doc: Any, start: int, end: int) -> int:
    """"Judge Wendell Q. Armitage Cause: 28:1332": an English word that is no surname, right before a
    colon, is the next field's label."""
    if end - start > 2 and end < len(doc) and doc[end].text == ":" and _capitalised(doc[end - 1]) \
            and common_word(doc[end - 1].text):
        return end - 1
    return end


def _opens_cell(doc: Any, i: int) -> bool:
    """Token i opens a table's cell or a docket's field: after "|", a line break, or a label in
    capitals ("ATTORNEY TO BE NOTICED Jeremy ...")."""
    if i == 0:
        return True
    before = doc[i - 1]
    return before.text == "|" or "\n" in before.text or _label(before)


def _label(tok: Any) -> bool:
    """A word in capitals: a docket's label ("NOTICED", "ATTORNEY"), not an initial ("S.")."""
    return tok.is_alpha and tok.is_upper and len(tok.text) > 1


def _capitalised(tok: Any) -> bool:
    """A capitalised word with lower-case letters: "Durham", "McKethan" (not "FBI", not "&")."""
    return tok.is_alpha and tok.text[:1].isupper() and any(c.islower() for c in tok.text)


# A postal address line: "777 South Figueroa Street", "1900 N Street, N.W.", "Suite 400", "P.O. Box 12"
_ADDRESS_LINE = re.compile(
    r"\s*(?:(?:\d{1,6}[A-Za-z]?|One|Two|Three|Four|Five)\s+(?:[NSEW]\.?\s+)?(?:[A-Z0-9][\w.'’-]*,?\s+){0,5}(?:Street|St\.?|Avenue|Ave\.?|"
    r"Boulevard|Blvd\.?|Road|Rd\.?|Drive|Dr\.?|Lane|Ln\.?|Way|Place|Pl\.?|Square|Plaza|Parkway|Pkwy\.?|Court|"
    r"Ct\.?|Circle|Highway|Hwy\.?|Center|Centre|Tower|Building|Floor)\b|P\.?\s*O\.?\s+Box\b|Suite\s+\d)")
# A line that is a person's name alone: "Mr. William S. Mattingly", "Stephen M. Russell, Jr."
_NAME_LINE = re.compile(r"\s*(?:(?:Mr|Mrs|Ms|Dr)\.?\s+)?[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){1,4}"
                        r"(?:,?\s+(?:Jr|Sr|II|III|IV)\.?)?\s*$")


def firm_line(text: str, start: int, end: int) -> bool:
    """The span sits on the middle line of an address block: a person's name on the line above, a
    street address on the line below. That line is the person's firm or agency ("William T. Marks" /
    "Paul Weiss Rifkind Wharton & Garrison" / "2001 K Street, N.W."), never a person; a name right
    above its own address ("Gerald Krovatin" / "60 Park Place") stays."""
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    if line_start == 0 or line_end < 0:
        return False
    prev_start = text.rfind("\n", 0, line_start - 1) + 1
    next_end = text.find("\n", line_end + 1)
    previous = text[prev_start:line_start - 1]
    following = text[line_end + 1:next_end if next_end >= 0 else len(text)]
    return bool(_NAME_LINE.match(previous)) and bool(_ADDRESS_LINE.match(following))


def caps_run_end(doc: Any, start: int, end: int) -> int:
    """A name in mixed case does not take the first word of a run of capitals glued on after it
    ("Deborah S. Hunt POTTER STEWART U.S. COURTHOUSE": a letterhead's next column)."""
    if end >= len(doc) or not any(t.is_title for t in doc[start:end]):
        return end
    k = end
    while k - 1 > start and doc[k - 1].is_upper and doc[k - 1].is_alpha and len(doc[k - 1]) > 1:
        k -= 1
    nxt = doc[end]
    glued = k < end and not doc[k - 1].whitespace_   # "App Brf-OA": one word's parts, no run after a name
    return k if k < end and not glued and nxt.is_upper and nxt.is_alpha and len(nxt) > 1 else end
