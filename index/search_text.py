"""Text analysis for casefile's full-text index: one tokenizer for passages and queries.

Passages are tokenized in SQL (fast, in bulk); queries go through the same SQL, so a word is
always split, lower-cased, stripped of accents and Porter-stemmed the same way on both sides.
Stemming uses `stem()` from DuckDB's fts extension (loaded from the duckdb-extension-fts package).
A term's id is the first 60 bits of the md5 of its stem: no dictionary table, the same id on
every machine and every run (STYLE.md rule 3).
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

import duckdb
import pyarrow as pa

from index import fts

# A short English list: BM25's idf already discounts frequent words; this only keeps the
# postings small. Words like "not", "no", "against" stay searchable on purpose.
STOPWORDS = sorted(set("""
a an and are as at be been but by for from had has have he her hers him his i if in into is it
its me my of on or our ours she so than that the their theirs them then there these they this
those to was we were which who whom will with would you your yours do does did can could should
shall may might must s t am being also
""".split()))

# A SQL list literal (constant, lower-case letters only): a list parameter would cost ~10 ms a query.
STOPWORDS_SQL = "[" + ", ".join(f"'{w}'" for w in STOPWORDS if w.isalpha() and w.islower()) + "]"
SPLIT = "[^a-z0-9]+"
# The tokens of a text, positions counted before stopwords are dropped (phrases need the gaps).
TOKENS_SQL = f"regexp_split_to_array(lower(strip_accents({{text}})), '{SPLIT}')"
TERM_ID_SQL = "('0x' || md5(stem({word}, 'porter'))[1:15])::BIGINT"
KEEP_SQL = "({word} <> '' AND (length({word}) > 1 OR {word} SIMILAR TO '[0-9]'))"


@dataclass(frozen=True)
class Token:
    word: str        # lower-case, accents stripped
    stem: str
    term_id: int
    offset: int      # position in the analysed text, stopwords counted


def analyze(con: duckdb.DuckDBPyConnection, texts: list[str]) -> list[list[Token]]:
    """The indexed tokens of each text (stopwords and empty pieces dropped, offsets kept)."""
    if not texts:
        return []
    fts.load(con)
    rows = con.execute(f"""
        WITH t AS (SELECT i, {TOKENS_SQL.format(text='s')} AS toks
                   FROM (SELECT unnest(?::VARCHAR[]) AS s, unnest(range(len(?::VARCHAR[]))) AS i)),
             w AS (SELECT i, unnest(toks) AS word, unnest(range(len(toks))) AS pos FROM t)
        SELECT i, word, stem(word, 'porter') AS stem, {TERM_ID_SQL.format(word='word')} AS term_id, pos
        FROM w WHERE {KEEP_SQL.format(word='word')} AND NOT list_contains({STOPWORDS_SQL}, word)
        ORDER BY i, pos""", [texts, texts]).fetchall()
    out: list[list[Token]] = [[] for _ in texts]
    for i, word, stem, term_id, pos in rows:
        out[i].append(Token(word, stem, term_id, pos))
    for tokens in out:  # offsets from the first kept token, so a phrase compares gaps only
        if tokens:
            first = tokens[0].offset
            tokens[:] = [Token(t.word, t.stem, t.term_id, t.offset - first) for t in tokens]
    return out


def stems(con: duckdb.DuckDBPyConnection, words: list[str]) -> dict[str, str]:
    """Porter stems of already-normalised words (for marking matches in snippets)."""
    if not words:
        return {}
    fts.load(con)
    con.register("_search_words", pa.table({"w": sorted(set(words))}))  # a list parameter is slow
    try:
        return dict(con.execute("SELECT w, stem(w, 'porter') FROM _search_words").fetchall())
    finally:
        con.unregister("_search_words")


WORD = re.compile(r"[^\W_]+")


def normalize(word: str) -> str:
    """What the SQL tokenizer does to one word: lower case, accents stripped."""
    if word.isascii():
        return word.lower()
    decomposed = unicodedata.normalize("NFKD", word.lower())
    return "".join(c for c in decomposed if not unicodedata.combining(c))
