"""A document's title, and where it came from, when nobody gave one.

Real PDFs rarely carry a useful metadata title ("untitled", "Microsoft Word - agenda.docx",
"Document1"), and a list of "untitled" results is useless to a reader. In order: the title the
user or the crawler gave; the file's own metadata title when it reads like a title; the heading
lines that open page 1 ("Regular Meeting of the Board of Trustees — Cuyahoga Community College
District"); the file name. `title_source` says which: user | crawler | metadata | first_page |
filename.
"""
from __future__ import annotations

import re
from pathlib import PurePosixPath

from pipeline.headings import is_caps_line, is_heading

MAX_LINES = 3        # heading lines joined into a title
MAX_CHARS = 160

_JUNK = re.compile(
    r"^(?:untitled|document\d*|doc\d*|microsoft\s+\w+\s*-.*|powerpoint presentation|slide\s*\d*|"
    r"title|no title|new document|print|page\s*\d+|\W*|.*\.(?:docx?|pdf|xlsx?|pptx?|rtf|wpd|txt|html?))$",
    re.IGNORECASE)
_NOT_HEADING = re.compile(r"^(?:page\s+\d+(?:\s+of\s+\d+)?|\d+|[ivxlc]+|-\s*\d+\s*-)$", re.IGNORECASE)


def usable(title: str | None) -> bool:
    """A metadata title that reads like a title, not a placeholder or a file name."""
    if not title:
        return False
    t = " ".join(title.split())
    return len(t) >= 4 and any(c.isalpha() for c in t) and not _JUNK.match(t)


def from_first_page(text: str) -> str | None:
    """The heading lines that open the page, joined with " — " (at most MAX_LINES): lines of
    capitalised words, or a short opening block set off by a blank line ("Farrowdale County Board
    of Social Services" / "Minutes of the special meeting held March 4, 2019" / blank line)."""
    block: list[str] = []
    for raw in text.splitlines():
        line = " ".join(raw.split())
        if not line:
            if block:
                break
            continue
        if _NOT_HEADING.match(line):
            continue
        block.append(line)
        if len(block) > MAX_LINES + 1:
            break
    lines: list[str] = []
    for line in block:
        if not (is_heading(line) or is_caps_line(line)) or len(line) > 120:
            break
        lines.append(line)
    opening = block[:MAX_LINES + 1]
    if len(block) <= MAX_LINES and all(len(ln) <= 120 and not ln.endswith((".", ",", ";", ":")) for ln in opening):
        lines = block   # the whole opening block, set off by a blank line
    title = " — ".join(lines[:MAX_LINES])
    if not title or not any(c.isalpha() for c in title):
        return None
    return title if len(title) <= MAX_CHARS else title[:MAX_CHARS].rsplit(" ", 1)[0] + " …"


def from_filename(name: str | None) -> str | None:
    if not name:
        return None
    stem = PurePosixPath(name.replace("\\", "/")).name
    stem = re.sub(r"\.[A-Za-z0-9]{1,5}$", "", stem)
    words = " ".join(re.sub(r"[_+]+|%20", " ", stem).split())
    return words or None


def choose(given: str | None, given_source: str | None, metadata: str | None, first_page: str,
           filename: str | None) -> tuple[str | None, str | None]:
    """(title, source) by the order in the module docstring."""
    if given:
        return given, given_source or "user"
    if usable(metadata):
        return " ".join(metadata.split()), "metadata"   # type: ignore[union-attr]
    heading = from_first_page(first_page)
    if heading:
        return heading, "first_page"
    named = from_filename(filename)
    if named:
        return named, "filename"
    return None, None
