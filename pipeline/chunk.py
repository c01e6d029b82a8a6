"""Passages for search and embeddings: consecutive sentences of one page, up to a word budget."""
from __future__ import annotations

from typing import Any

from index.ids import derive

VERSION = "chunk.v1"
MAX_WORDS = 120   # all-MiniLM-L6-v2 reads 256 word pieces; 120 words stays inside that


def chunk_page(doc_id: str, page: int, text: str, sentences: list[tuple[int, int]]) -> list[dict[str, Any]]:
    chunks: list[dict[str, Any]] = []
    start = end = None
    words = 0
    for s, e in sentences:
        n = len(text[s:e].split())
        if start is not None and words + n > MAX_WORDS:
            chunks.append(_row(doc_id, page, text, start, end))
            start, words = None, 0
        if start is None:
            start = s
        end, words = e, words + n
    if start is not None:
        chunks.append(_row(doc_id, page, text, start, end))
    return [c for c in chunks if c["text"].strip()]


def _row(doc_id: str, page: int, text: str, start: int, end: int) -> dict[str, Any]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return {"chunk_id": derive(doc_id, page, start, end, VERSION), "doc_id": doc_id, "page": page,
            "char_start": start, "char_end": end, "text": text[start:end]}
