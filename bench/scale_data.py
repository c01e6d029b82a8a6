"""Synthetic cases for bench/scale.py: documents, pages, passages with embeddings, events, people.

Text: words drawn from a Zipf law over a vocabulary whose top ranks are English stopwords (as in
real text: "the" ~6% of words, a common content word well under 1%), passages of 10-120 words
(~85 on average, like pipeline/chunk.py's), 20 passages to a document, 3 to a page.
Embeddings: 384-d, a topic direction per document plus noise, normalised, so that passages of one
document are near each other (cosine ~0.5) and unrelated passages are not (~0), as with MiniLM.
10% of passages carry an event (its first sentence, a date, 1-3 of a few thousand people).
Everything derives from the seed: the same N gives the same case.
"""
from __future__ import annotations

import hashlib
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, timedelta

import numpy as np
import pyarrow as pa

from index.search_text import STOPWORDS

DIM = 384
PASSAGES_PER_DOC = 20
PASSAGES_PER_PAGE = 3
EVENT_SHARE = 0.10
PEOPLE = 3_000
TOPICS = 400
VOCAB = 40_000
KINDS = ("minutes", "news", "report", "agenda", "other")
SYLLABLES = [c + v for c in "bcdfghjklmnprstvwz" for v in ("a", "e", "i", "o", "u", "ai", "ou")]
FIRST = ["Ann", "James", "Linda", "Robert", "Maria", "David", "Susan", "Carlos", "Grace", "Peter",
         "Helen", "Omar", "Rosa", "Victor", "Nina", "Samuel", "Laura", "Tom", "Priya", "Dan"]


def _id(*parts: object) -> str:
    return hashlib.sha256("\x1f".join(map(str, parts)).encode()).hexdigest()[:24]


@dataclass
class Vocabulary:
    words: np.ndarray          # object array: rank -> word
    probs: np.ndarray

    @classmethod
    def make(cls, seed: int = 7) -> Vocabulary:
        rng = np.random.default_rng(seed)
        content: set[str] = set()
        while len(content) < VOCAB:
            n = int(rng.integers(2, 5))
            content.add("".join(SYLLABLES[i] for i in rng.integers(0, len(SYLLABLES), n)))
        words = list(STOPWORDS) + sorted(content)
        order = rng.permutation(len(STOPWORDS))  # stopwords take the top ranks, in some order
        words[:len(STOPWORDS)] = [STOPWORDS[i] for i in order]
        ranks = np.arange(1, len(words) + 1)
        probs = 1.0 / ranks
        return cls(np.array(words, dtype=object), probs / probs.sum())


def people_names(n: int = PEOPLE, seed: int = 11) -> list[str]:
    rng = np.random.default_rng(seed)
    names: set[str] = set()
    while len(names) < n:
        last = "".join(SYLLABLES[i] for i in rng.integers(0, len(SYLLABLES), 3)).capitalize()
        names.add(f"{FIRST[int(rng.integers(0, len(FIRST)))]} {last}")
    return sorted(names)


def passages_text(vocab: Vocabulary, rng: np.random.Generator, n: int) -> list[str]:
    lengths = np.clip(rng.normal(85, 25, n).astype(int), 10, 120)
    tokens = rng.choice(len(vocab.words), size=int(lengths.sum()), p=vocab.probs)
    words = vocab.words[tokens]
    out, at = [], 0
    for length in lengths:
        piece = words[at:at + length]
        at += length
        cut = max(3, length // 2)  # two sentences: events quote the first
        out.append(" ".join(piece[:cut]).capitalize() + ". " + " ".join(piece[cut:]).capitalize() + ".")
    return out


def embeddings(rng: np.random.Generator, topics: np.ndarray, doc_topics: np.ndarray) -> np.ndarray:
    """One row per passage: its document's topic direction plus noise, normalised."""
    base = topics[doc_topics]
    noise = rng.standard_normal(base.shape).astype(np.float32) / np.sqrt(DIM)
    vectors = base + noise
    return (vectors / np.linalg.norm(vectors, axis=1, keepdims=True)).astype(np.float32)


def topic_matrix(seed: int = 3) -> np.ndarray:
    rng = np.random.default_rng(seed)
    t = rng.standard_normal((TOPICS, DIM)).astype(np.float32)
    return t / np.linalg.norm(t, axis=1, keepdims=True)


def batches(n_passages: int, *, seed: int = 1, batch_docs: int = 2_500, first_doc: int = 0,
            prefix: str = "doc") -> Iterator[dict[str, pa.Table]]:
    """Arrow tables per table name, a batch of documents at a time."""
    vocab, topics, names = Vocabulary.make(), topic_matrix(), people_names()
    person_ids = [_id("person", n) for n in names]
    n_docs = -(-n_passages // PASSAGES_PER_DOC)
    for start in range(first_doc, first_doc + n_docs, batch_docs):
        rng = np.random.default_rng([seed, start])
        docs = range(start, min(start + batch_docs, first_doc + n_docs))
        per_doc = [min(PASSAGES_PER_DOC, n_passages - (d - first_doc) * PASSAGES_PER_DOC) for d in docs]
        texts = passages_text(vocab, rng, sum(per_doc))
        doc_topics = np.repeat(rng.integers(0, TOPICS, len(per_doc)), per_doc)
        vectors = embeddings(rng, topics, doc_topics)
        yield _tables(prefix, docs, per_doc, texts, vectors, rng, names, person_ids)


def _tables(prefix: str, docs: range, per_doc: list[int], texts: list[str], vectors: np.ndarray,
            rng: np.random.Generator, names: list[str], person_ids: list[str]) -> dict[str, pa.Table]:
    rows: dict[str, dict[str, list]] = {t: {} for t in ("documents", "pages", "chunks", "events",
                                                        "event_people", "event_issues")}

    def add(table: str, **values: object) -> None:
        for k, v in values.items():
            rows[table].setdefault(k, []).append(v)
    at = 0
    epoch = date(2015, 1, 1)
    for d, n in zip(docs, per_doc):
        doc_id = hashlib.sha256(f"{prefix}{d}".encode()).hexdigest()
        doc_date = epoch + timedelta(days=int(rng.integers(0, 3650)))
        add("documents", doc_id=doc_id, kind=KINDS[d % len(KINDS)], source=f"source-{d % 40}",
            url=f"https://example.org/{prefix}/{d}", title=f"Document {d}: " + texts[at][:60], doc_date=doc_date,
            status="done")
        for p in range(0, n, PASSAGES_PER_PAGE):
            page_texts = texts[at + p:at + min(n, p + PASSAGES_PER_PAGE)]
            page_no = p // PASSAGES_PER_PAGE + 1
            add("pages", doc_id=doc_id, page=page_no, text=" ".join(page_texts), method="text")
            offset = 0
            for i, text in enumerate(page_texts):
                k = at + p + i
                chunk_id = _id(doc_id, page_no, offset)
                add("chunks", chunk_id=chunk_id, doc_id=doc_id, page=page_no, char_start=offset,
                    char_end=offset + len(text), text=text, embedding=vectors[k])
                if rng.random() < EVENT_SHARE:
                    sentence = text[:text.index(".") + 1]
                    event_id = _id("event", chunk_id)
                    day = doc_date - timedelta(days=int(rng.integers(0, 60)))
                    add("events", event_id=event_id, doc_id=doc_id, page=page_no, char_start=offset,
                        char_end=offset + len(sentence), text=sentence, trigger="voted", type="vote",
                        modality="done", polarity="positive", confidence=0.8,
                        date_start=day, date_end=day, date_precision="day", date_source="explicit",
                        embedding=vectors[k])
                    for j in rng.choice(len(names), int(rng.integers(1, 4)), replace=False):
                        add("event_people", event_id=event_id, person_id=person_ids[j],
                            role=("agent", "patient", "mentioned")[int(rng.integers(0, 3))])
                    add("event_issues", event_id=event_id, issue=f"issue_{int(rng.integers(0, 12))}",
                        score=1.0, method="keyword")
                offset += len(text) + 1
        at += n
    out = {}
    for table, cols in rows.items():
        if "embedding" in cols:
            flat = np.stack(cols.pop("embedding")).reshape(-1)
            arrays = {k: pa.array(v) for k, v in cols.items()}
            arrays["embedding"] = pa.FixedSizeListArray.from_arrays(pa.array(flat, pa.float32()), DIM)
            out[table] = pa.table(arrays)
        else:
            out[table] = pa.table(cols)
    return out


def people_table() -> pa.Table:
    names = people_names()
    return pa.table({"person_id": [_id("person", n) for n in names], "name": names,
                     "aliases": [[n.split()[-1]] for n in names]})
