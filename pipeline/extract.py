"""Extraction: raw bytes -> pages of text. One handler per format, chosen by content (magic bytes).

Page text is stored exactly as returned here; every later offset indexes it (DESIGN.md invariant).
Running headers, footers and page numbers stay in that text for display, and are listed in
`Page.skip`; `nlp_text(page)` blanks them (same length) so offsets into the stored text stay valid.
"""
from __future__ import annotations

import io
import re
import zipfile
from dataclasses import dataclass, field
from typing import Any

from pipeline.lexicon import NUMBER_LABEL_BEFORE

VERSION = "extract.v19"   # v19: an HTML page whose body sits in a <textarea> as markup for a script to render (a court's news release) is read as that markup; v18: the PDF fast path reads a character's size as drawn (the font size times the text matrix's scale): a word processor's "1 Tf" scaled to 13 points had made every character 1 point tall, so raised footnote markers, ordinal suffixes ("16th") and initials in another font left their line ("on April" / "8" / "6, 2006."); 86 of the 218 real-set pages it reads differed from pdfplumber's text, 2 now; v17: a non-article HTML page whose article extractor dropped a quarter or more of its long lines (an agenda's items written as links, taken for a menu) is read whole (extract_html._lines_dropped); v16: a typewriter face's spaces, lined up down the page, are no gutter between two columns: a page's gutter is wider than twice its usual space between words (extract_layout.min_gutter; a Second Circuit opinion in Courier read "On February" down the left, then "13, 2002, Plaintiff applied …"); v15: a symbol font's bullet in the private use area opening a line ("\uf0b7 Ed Childers") is a bullet, never part of a name; v14: a page holding a control byte no XML text may hold ("\x10") is read with a space in its place, not failed; v13: a non-article HTML page whose heading (a meeting named, a full date) the article extractor dropped is read whole (Granicus minutes); v12: words set sideways in a margin (a minority of the page) are not read, and a column that ends mid-sentence runs on into the next without a paragraph break (the Federal Register's three columns); v11: pleading paper's line numbers (1-28 down a court filing's margin) are skipped like page furniture; v10: a PDF annotation whose text cannot be decoded no longer fails its page (read without it); v9: a column beside a gutter may hold columns of its own (three-column pages); v8: a PDF page whose words come out glued is read again with a narrower word gap; v7: a saved page fragment without <html> (opening on <style>, <div>, ...) is read as HTML; v6: a table the article extractor wrote one cell per line is rows again; v5: YAML front matter of text files skipped and read as metadata; v3: HTML blocks are paragraphs (a blank line between them); v4: word boxes


class ExtractError(Exception):
    """The document cannot be read; the message is the one-line reason stored on the document."""


@dataclass
class Page:
    page: int          # 1-based, the page index a PDF viewer shows
    text: str          # display text; every stored offset indexes it
    method: str        # text | ocr | needs_ocr | failed | html | plain | docx | email | listing
    skip: list[tuple[int, int]] = field(default_factory=list)  # [start, end) of header/footer/page-number lines
    ocr_confidence: float | None = None   # mean Tesseract word confidence, 0-100, for method "ocr"
    label: str | None = None              # printed page label ("iii", "A-2") when the PDF defines one
    boxes: bytes | None = None            # word boxes on the page, for PDF and OCR pages (pipeline/word_boxes.py)


@dataclass
class Child:
    """A document inside this one (ZIP member, e-mail attachment): the runner archives and registers it."""
    filename: str
    raw: bytes
    content_type: str


@dataclass
class Extracted:
    pages: list[Page]
    format: str
    title: str | None = None
    meta: dict[str, Any] = field(default_factory=dict)   # author, date, sitename... from the content
    children: list[Child] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)    # one-line reasons when only part could be read


def nlp_text(page: Page) -> str:
    """The page text with skip spans and glued footnote numbers blanked (newlines kept): same length,
    so NLP offsets index `page.text`.
    A span that ends on a newline takes it along: a line skipped whole inside a paragraph (a pleading
    paper's line number alone on its line) leaves no blank line, which would end the sentence."""
    chars = list(page.text)
    for start, end in page.skip:
        for i in range(start, min(end, len(chars))):
            if chars[i] != "\n" or i == end - 1:
                chars[i] = " "
    # a footnote's number glued between a sentence's full stop and the next one ("… corrective
    # action.6The FAA sent …"): the parser would read one sentence; blanked, it reads two
    for m in _GLUED_NOTE.finditer(page.text):
        chars[m.start():m.end()] = " " * (m.end() - m.start())
    # … and one set off by a space from the next sentence ("… the Americans with Disabilities Act.2 The
    # Department …", "… the newly created OHRP in 2000.2 The function …"): the parser reads "Act.2" or
    # "2000.2" as one token and runs the two sentences together. Not after a word that labels a
    # number ("Sec.2", "Vol.12", "Fig.3": lexicon.NUMBER_LABEL_BEFORE).
    for m in _SPACED_NOTE.finditer(page.text):
        if not NUMBER_LABEL_BEFORE.search(page.text, max(0, m.start(1) - 40), m.end(2)):
            chars[m.start(3):m.end(3)] = " " * (m.end(3) - m.start(3))
    # a middle initial alone on its line inside a name ("Dana\nK.\nBilyeu of Nevada"): one line
    for m in _INITIAL_LINE.finditer(page.text):
        from pipeline.person_spans import given_names   # only when a page has such a line
        if m.group(1).lower() in given_names():
            chars[m.start(2)] = chars[m.end(2) - 1] = " "
    # a contraction or a possessive written with a curly apostrophe ("it’s", "don’t", "Agency’s"): the small
    # model reads "’s" as a verb whose lemma is "’", not "be"; the straight one it reads as trained
    for m in _CURLY_CLITIC.finditer(page.text):
        chars[m.start()] = "'"
    # a table cell run on to the next line, its border opening the line ("1200331 | … Buckley Kelley; Lynne U.
    # Chronister; James H." / "| Shumock; Tony G. Waldrop; …"): the cell's text goes on, a name across the break
    # is one name (a docket's row, "| 04/21/2005 | 126 | …", has more cells and keeps its borders)
    for at in _cells_run_on(page.text):
        chars[at] = " "
    return "".join(chars)


def _cells_run_on(text: str) -> list[int]:
    """Where each line that goes on with the table cell above it opens on its border: a line "| …" with no other
    border, under a line of cells ("1200331 | …") or another such line."""
    out, at, in_cells = [], 0, False
    for line in text.split("\n"):
        if in_cells and line.startswith("| ") and "|" not in line[1:]:
            out.append(at)
        else:
            in_cells = bool(_ONE_CELL_BORDER.match(line)) and line.count("|") == 1
        at += len(line) + 1
    return out


_ONE_CELL_BORDER = re.compile(r"[^|]*[^|\s][ \t]+\|[ \t]+\S")   # "1200331 | Network Cabling …"
_CURLY_CLITIC = re.compile(r"(?<=[A-Za-z])\u2019(?=(?:s|re|ve|ll|d|m|t)\b)")
_INITIAL_LINE = re.compile(r"\b([A-Z][a-z]+)(\n[A-Z]\.\n)(?=[A-Z][a-z]+\b)")
_GLUED_NOTE = re.compile(r"(?<=[a-z]{2}[.”\"])\d{1,2}(?=[A-Z][a-z])")
# (also after a word in capitals and before the next line: "AFFIRMED.13" / "Entered by the Court:")
_SPACED_NOTE = re.compile(r"\b([A-Za-z]*[a-z]{2}|[A-Z]{3,}|(?:19|20)\d\d)([.”\"])(\d{1,2})(?=(?:[ \t]+\n?|\n)[ \t]*[A-Z][a-z])")


_EMAIL_HEADERS = {"from", "to", "cc", "subject", "date", "message-id", "mime-version", "received",
                  "return-path", "reply-to", "content-type", "x-mailer", "delivered-to", "sender"}
_HEADER_LINE = re.compile(rb"^([A-Za-z][A-Za-z0-9-]{1,40}):[ \t]")


def sniff(raw: bytes) -> str:
    """The format of a file from its first bytes, never from its name."""
    head = raw[:2048]
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):   # UTF-16/32 text: look at it as UTF-8
        try:
            head = head.decode("utf-32" if head[:4] in (b"\xff\xfe\0\0", b"\0\0\xfe\xff") else "utf-16",
                               errors="ignore").encode("utf-8")
        except UnicodeError:
            return "binary"
        raw = head
    if raw[:5] == b"%PDF-" or b"%PDF-" in raw[:1024]:
        return "pdf"
    if head.startswith((b"PK\x03\x04", b"PK\x05\x06")):
        return _sniff_zip(raw)
    if head.startswith(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"):
        return "ole"   # legacy .doc/.xls/.msg
    if head.startswith((b"\x89PNG\r\n\x1a\n", b"\xff\xd8\xff", b"II*\x00", b"MM\x00*", b"GIF87a", b"GIF89a")):
        return "image"
    if head.startswith(b"{\\rtf"):
        return "rtf"
    if head.startswith(b"\x1f\x8b"):
        return "gzip"
    if _looks_like_email(raw[:8192]):   # before HTML: a message's HTML part may sit in its first KB
        return "email"
    low = head.lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if low.startswith((b"<!doctype html", b"<html")) or b"<html" in low[:1024] or b"<body" in low[:1024] \
            or _HTML_OPENING.match(low):
        return "html"
    if low.startswith(b"<?xml") and (b"<rss" in low or b"<feed" in low):
        return "feed"
    from pipeline.extract_charset import decode_text

    sample = raw[:8192]
    if b"\x00" in sample and not sample.startswith((b"\xff\xfe", b"\xfe\xff")):
        return "binary"
    text = decode_text(sample, partial=len(raw) > len(sample))
    if text is None:
        return "binary"
    printable = sum(c.isprintable() or c in "\n\r\t\f" for c in text)
    return "text" if printable >= 0.95 * max(1, len(text)) else "binary"


# A saved page without its <html> wrapper (a fragment a site loads into its pages, a page saved from
# the DOM) opens on one of the elements a page's head or body holds.
_HTML_OPENING = re.compile(rb"<(?:head|meta|link|style|script|div|section|article|main|header|nav|table|p|h[1-6]|ul|"
                           rb"ol|span|form|title|!--)[\s>/]")


def _sniff_zip(raw: bytes) -> str:
    try:
        names = set(zipfile.ZipFile(io.BytesIO(raw)).namelist()[:2000])
    except (zipfile.BadZipFile, ValueError, OSError):
        return "zip"   # the ZIP handler reports why it can't be read
    if "word/document.xml" in names:
        return "docx"
    if "xl/workbook.xml" in names:
        return "xlsx"
    if "ppt/presentation.xml" in names:
        return "pptx"
    if "mimetype" in names and "content.xml" in names:
        return "odf"
    return "zip"


def _looks_like_email(head: bytes) -> bool:
    """RFC 5322: the file opens with a block of `Name: value` headers including a few mail-specific ones."""
    lines = head.split(b"\n")
    if lines and lines[0].startswith(b"From "):   # mbox separator line
        lines = lines[1:]
    names: set[str] = set()
    for line in lines[:60]:
        line = line.rstrip(b"\r")
        if not line:
            break
        if line[:1] in (b" ", b"\t"):   # folded continuation
            continue
        match = _HEADER_LINE.match(line)
        if not match:
            return False
        names.add(match.group(1).decode().lower())
    return len(names & _EMAIL_HEADERS) >= 3 and bool(names & {"from", "received", "message-id"})


_UNSUPPORTED = {
    "ole": "legacy Office/Outlook file (.doc/.xls/.msg): save it as DOCX, PDF or EML",
    "xlsx": "spreadsheet (XLSX) is not supported yet",
    "pptx": "presentation (PPTX) is not supported yet",
    "odf": "OpenDocument file is not supported yet: save it as DOCX or PDF",
    "rtf": "RTF is not supported yet: save it as DOCX or PDF",
    "gzip": "gzip-compressed file: decompress it first",
    "feed": "RSS/Atom feed (a list of links, not a document)",
}


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
        from pipeline.extract_charset import extract_plain

        return extract_plain(raw)
    if kind == "docx":
        from pipeline.extract_docx import extract_docx

        return extract_docx(raw)
    if kind == "email":
        from pipeline.extract_email import extract_email

        return extract_email(raw)
    if kind == "zip":
        from pipeline.extract_zip import extract_zip

        return extract_zip(raw)
    if kind == "image":
        from pipeline.extract_ocr import extract_image

        return extract_image(raw)
    if kind in _UNSUPPORTED:
        raise ExtractError(_UNSUPPORTED[kind])
    raise ExtractError(f"unsupported content ({kind}, starts {raw[:8]!r})")
