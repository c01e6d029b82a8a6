"""The search query language of `casefile search` and the web's search box.

    caseworker turnover            both words (in any order, anywhere in the document)
    "grand jury"                   this phrase: these words, in this order, next to each other
    resigned OR fired              either word (OR, in capitals, joins the items on its sides)
    lawsuit -settlement            documents that do not mention settlement (-"a phrase" too)
    person:"Peggy Whitfield"       the filters of the command line, in the query:
    issue:staff_turnover kind:minutes source:dss-board from:2018 to:2018-06

Words and phrases are matched after lower-casing, dropping accents and punctuation, and
stemming ("resigned" finds "resigning"). A query the parser cannot read raises QueryError with
one line saying why. Parsing produces plain data; nothing here builds SQL.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from queries.filters import QueryError

FILTER_FIELDS = ("person", "issue", "kind", "source", "from", "to")
MAX_QUERY_CHARS = 1000
MAX_ITEMS = 40
# One piece of a query: an optional minus, an optional `field:`, then a "phrase" or a bare word.
PIECE = re.compile(r'(?P<neg>-)?(?:(?P<field>[A-Za-z]+):)?(?:"(?P<phrase>[^"]*)"|(?P<word>[^\s"]+))?')


@dataclass(frozen=True)
class Item:
    text: str
    phrase: bool = False


@dataclass
class Query:
    clauses: list[list[Item]] = field(default_factory=list)   # all clauses; any item of each
    excluded: list[Item] = field(default_factory=list)
    filters: dict[str, list[str]] = field(default_factory=dict)

    @property
    def text(self) -> str:
        """What the query means, for the embedding model: its words and phrases, no operators."""
        return " ".join(item.text for clause in self.clauses for item in clause)


def parse(query: str) -> Query:
    if len(query) > MAX_QUERY_CHARS:
        raise QueryError(f"the query is too long ({len(query)} characters; at most {MAX_QUERY_CHARS})")
    if query.count('"') % 2:
        raise QueryError('a quote is not closed: put the phrase between two double quotes, "like this"')
    parsed = Query()
    pending_or = False
    pos = 0
    text = query.strip()
    while pos < len(text):
        if text[pos].isspace():
            pos += 1
            continue
        m = PIECE.match(text, pos)
        if m is None or m.end() == pos:  # a stray quote: `"` not at the start of a piece
            raise QueryError(f"cannot read the query near {text[pos:pos + 20]!r}: quotes go around a whole phrase")
        pos = m.end()
        if pos < len(text) and not text[pos].isspace():
            raise QueryError(f"put a space after {m.group(0)!r}")
        neg, name, phrase, word = m.group("neg"), m.group("field"), m.group("phrase"), m.group("word")
        if word == "OR" and not neg and not name:
            if pending_or or not parsed.clauses:
                raise QueryError("OR needs a word or a phrase on each side (e.g. resigned OR fired)")
            pending_or = True
            continue
        if name and name.lower() in FILTER_FIELDS:
            _filter(parsed, name.lower(), phrase if phrase is not None else word, neg, pending_or)
            continue
        if name:  # not a filter: `word:word` is text, as typed
            word = f"{name}:{word or ''}" if phrase is None else None
            phrase = phrase if word is None else None
            if word is None:
                raise QueryError(f"unknown filter {name}: use one of {', '.join(f + ':' for f in FILTER_FIELDS)}")
        value = phrase if phrase is not None else word
        if value is None or not value.strip():
            if neg:
                raise QueryError("a minus needs a word or a phrase right after it (-word)")
            raise QueryError('an empty phrase: put words between the quotes ("like this")')
        item = Item(" ".join(value.split()), phrase=phrase is not None)
        if neg:
            if pending_or:
                raise QueryError("OR cannot join an excluded word: write a OR b -c")
            parsed.excluded.append(item)
        elif pending_or:
            parsed.clauses[-1].append(item)
            pending_or = False
        else:
            parsed.clauses.append([item])
        if sum(map(len, parsed.clauses)) + len(parsed.excluded) > MAX_ITEMS:
            raise QueryError(f"too many words in the query (at most {MAX_ITEMS})")
    if pending_or:
        raise QueryError("OR needs a word or a phrase on each side (e.g. resigned OR fired)")
    return parsed


def _filter(parsed: Query, name: str, value: str | None, neg: str | None, pending_or: bool) -> None:
    if neg:
        raise QueryError(f"a filter cannot be excluded (-{name}:): use the other values of {name}: instead")
    if pending_or:
        raise QueryError("OR joins words or phrases, not filters")
    if value is None or not value.strip():
        raise QueryError(f'{name}: needs a value, e.g. {name}:value or {name}:"two words"')
    parsed.filters.setdefault(name, []).append(" ".join(value.split()))
