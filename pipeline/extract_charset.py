"""Bytes -> str for HTML and plain text: byte-order mark, then valid UTF-8, then the declared charset,
then detection (charset-normalizer); and the plain-text handler built on it.
"""
from __future__ import annotations

import codecs
import re

from pipeline import front_matter
from pipeline.extract import Extracted, Page
from pipeline.extract_lines import compose, lines_from_text, paginate, running_lines

_BOMS = ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
         (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))
_DECLARED = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_:.-]+)"""
                       rb"""|<\?xml[^>]+encoding\s*=\s*["']([A-Za-z0-9_.-]+)""", re.IGNORECASE)
# Browsers read these labels as windows-1252 (WHATWG Encoding Standard), and so do we.
_AS_CP1252 = {"iso-8859-1", "iso8859-1", "latin-1", "latin1", "l1", "ascii", "us-ascii", "cp819", "iso_8859-1"}


def declared_charset(raw: bytes) -> str | None:
    """The charset an HTML/XML file declares in its first 4 KB, as a Python codec name."""
    match = _DECLARED.search(raw[:4096])
    if not match:
        return None
    label = (match.group(1) or match.group(2)).decode("ascii", "ignore").lower()
    if label in _AS_CP1252:
        return "cp1252"
    try:
        return codecs.lookup(label).name
    except LookupError:
        return None


def _bom(raw: bytes) -> str | None:
    for bom, name in _BOMS:
        if raw.startswith(bom):
            return name
    return None


def _utf8(raw: bytes, partial: bool) -> str | None:
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        if partial and exc.start >= len(raw) - 3:   # a sample cut inside a multi-byte character
            return raw[:exc.start].decode("utf-8")
        return None


def _detected(raw: bytes) -> str | None:
    from charset_normalizer import from_bytes

    best = from_bytes(raw[:200_000]).best()
    return best.encoding if best is not None else None


def decode_html(raw: bytes) -> tuple[str, str]:
    """The page as text and the encoding used. A declaration that contradicts the bytes loses."""
    bom = _bom(raw)
    if bom:
        return raw.decode(bom, errors="replace"), bom
    text = _utf8(raw, partial=False)
    if text is not None:   # valid UTF-8 with non-ASCII bytes is UTF-8, whatever the page declares
        return text, "utf-8"
    declared = declared_charset(raw)
    if declared and declared not in ("utf-8", "utf_8"):
        try:
            return raw.decode(declared), declared
        except (UnicodeDecodeError, LookupError):
            pass
    guess = _detected(raw) or "cp1252"
    return raw.decode(guess, errors="replace"), guess


def decode_text(raw: bytes, *, partial: bool = False) -> str | None:
    """Plain text in whatever encoding it came in, or None when it isn't text."""
    bom = _bom(raw)
    if bom:
        return raw.decode(bom, errors="replace")
    text = _utf8(raw, partial)
    if text is not None:
        return text
    guess = _detected(raw)
    if guess is None:
        return None
    return raw.decode(guess, errors="replace")


def extract_plain(raw: bytes) -> Extracted:
    """Plain text: form feeds are page breaks (as printers and pdftotext use them)."""
    text = decode_text(raw) or raw.decode("utf-8", errors="replace")
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    front = front_matter.split(text)
    parts = text.split("\f")
    if len(parts) > 1 and not parts[-1].strip():   # a final form feed ends the last page
        parts.pop()
    chunks = [page for part in parts for page in paginate(lines_from_text(part))]
    skips = running_lines(chunks) if len(chunks) > 1 else [set() for _ in chunks]
    title, meta = None, {}
    if front and chunks:   # its lines are the first page's first lines (blank lines are no Line)
        skips[0] = skips[0] | set(range(sum(1 for ln in front[1].splitlines() if ln.strip())))
        title, meta = front_matter.metadata(front[0])
    pages = []
    for number, (lines, skip) in enumerate(zip(chunks, skips), start=1):
        body, spans = compose(lines, skip)
        pages.append(Page(number, body, "plain", skip=spans))
    return Extracted(pages=pages, format="text", title=title, meta=meta)
