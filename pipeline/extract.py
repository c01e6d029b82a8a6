"""Extraction: raw bytes -> pages of text. One handler per format, chosen by content (magic bytes).

Page text is stored exactly as returned here; every later offset indexes it (DESIGN.md invariant).
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

VERSION = "extract.v1"


class ExtractError(Exception):
    """The document cannot be read; the message is the one-line reason stored on the document."""


@dataclass
class Page:
    page: int          # 1-based
    text: str
    method: str        # text | ocr | needs_ocr | html | plain


@dataclass
class Extracted:
    pages: list[Page]
    format: str
    title: str | None = None
    meta: dict[str, Any] = field(default_factory=dict)   # author, date, sitename from the content


def sniff(raw: bytes) -> str:
    """The format of a file from its first bytes, never from its name."""
    head = raw[:2048].lstrip()
    if raw[:5] == b"%PDF-" or b"%PDF-" in raw[:1024]:
        return "pdf"
    low = head[:1024].lower()
    if low.startswith((b"<!doctype html", b"<html")) or b"<html" in low or b"<body" in low:
        return "html"
    if low.startswith(b"<?xml") and (b"<rss" in low or b"<feed" in low):
        return "feed"
    sample = raw[:4096]
    if b"\x00" in sample:
        return "binary"
    try:
        text = sample.decode("utf-8") if len(raw) <= 4096 else sample[:-4].decode("utf-8", errors="ignore")
    except UnicodeDecodeError:
        return "binary"
    printable = sum(c.isprintable() or c in "\n\r\t" for c in text)
    return "text" if printable >= 0.95 * len(text) else "binary"


def extract(raw: bytes) -> Extracted:
    if not raw:
        raise ExtractError("empty file (0 bytes)")
    kind = sniff(raw)
    if kind == "pdf":
        from pipeline.extract_pdf import extract_pdf

        return extract_pdf(raw)
    if kind == "html":
        from pipeline.extract_html import extract_html

        return extract_html(raw)
    if kind == "text":
        text = raw.decode("utf-8", errors="replace")
        return Extracted(pages=[Page(1, text, "plain")], format="text")
    raise ExtractError(f"unsupported content ({kind}, starts {raw[:8]!r})")
