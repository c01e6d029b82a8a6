"""A small case for the search tests: documents with passages, titles, people and a toy encoder
(a bag of hashed words, so passages that share words are near each other)."""
from __future__ import annotations

import hashlib
from datetime import date
from pathlib import Path

import numpy as np

from index import search_index
from index.store import Store

DOCS = {
    "d-jury": ("news", "herald", date(2018, 10, 23), "Supervisor indicted", [
        "A Harlan County grand jury on Monday indicted Raymond Pruitt, a former supervisor.",
        "Prosecutors allege that Pruitt altered notes in the case file after the death."]),
    "d-resign": ("news", "gazette", date(2018, 3, 9), "Whitfield resigns", [
        "Director Margaret Whitfield resigned after the state review of the department.",
        "The board voted to accept her resignation on Tuesday."]),
    "d-suit": ("news", "herald", date(2018, 8, 4), "Grandmother sues county", [
        "A grandmother filed a wrongful-death lawsuit against the county.",
        "The lawsuit names the board, Whitfield and Pruitt as defendants."]),
    "d-settle": ("news", "gazette", date(2019, 6, 13), "County settles", [
        "The county will pay to end the lawsuit; the settlement was approved by the board.",
        "Member Kessler voted against the settlement agreement."]),
    "d-minutes": ("minutes", "dss-board", date(2018, 1, 9), "Minutes — January 9, 2018", [
        "Director Whitfield reported that caseworker turnover for the year was 41 percent.",
        "The jury of public opinion is grand, said one speaker.",
        "The board approved six caseworker positions."]),
}
PEOPLE = {"p-whitfield": ("Margaret Whitfield", ["Peggy Whitfield"]), "p-pruitt": ("Raymond Pruitt", [])}


def encode(texts: list[str]) -> list[list[float]]:
    out = []
    for text in texts:
        v = np.zeros(384, np.float32)
        for word in text.lower().replace(",", " ").replace(".", " ").split():
            seed = int(hashlib.md5(word.encode()).hexdigest()[:8], 16)
            v += np.random.default_rng(seed).standard_normal(384).astype(np.float32)
        out.append((v / max(np.linalg.norm(v), 1e-9)).tolist())
    return out


def chunk_rows(doc_id: str, passages: list[str]) -> list[dict]:
    vectors = encode(passages)
    return [{"chunk_id": f"{doc_id}-c{i}", "doc_id": doc_id, "page": i + 1, "char_start": 0,
             "char_end": len(text), "text": text, "embedding": vec} for i, (text, vec) in enumerate(zip(passages, vectors))]


def build(path: Path, *, index: bool = True) -> Store:
    store = Store(path)
    with store.transaction():
        for doc_id, (kind, source, day, title, passages) in DOCS.items():
            store.upsert("documents", [{"doc_id": doc_id, "kind": kind, "source": source, "doc_date": day,
                                        "title": title, "url": f"https://example.org/{doc_id}", "status": "done"}])
            store.upsert("chunks", chunk_rows(doc_id, passages))
        store.upsert("people", [{"person_id": pid, "name": name, "aliases": aliases}
                                for pid, (name, aliases) in PEOPLE.items()])
        store.upsert("mentions", [
            {"mention_id": f"m-{doc}-{pid}", "doc_id": doc, "page": 1, "char_start": 0, "char_end": 1, "text": "x",
             "label": "PERSON", "person_id": pid}
            for doc, pid in (("d-resign", "p-whitfield"), ("d-suit", "p-whitfield"), ("d-suit", "p-pruitt"),
                             ("d-jury", "p-pruitt"), ("d-minutes", "p-whitfield"))])
        if index:
            search_index.refresh(store.con, encode=encode)
    return store
