"""YAML front matter: the `---` block that opens a Markdown or text file saved by a static-site
generator or an archiver (Jekyll, Hugo, the White House and agency archives). Its fields are
metadata, not text anyone wrote as the document: a title, a date, the page's address. Read with
PyYAML; the block stays in the stored page (the original is shown as it is) but is skipped like a
running header, so no "--- tags: ... date: '2021-06-24'" becomes a sentence, an event or a name.
"""
from __future__ import annotations

import re
from typing import Any

MAX_CHARS = 8_000   # a front matter block is short; a "---" further down is a rule, not a block
_OPEN = re.compile(r"\A\ufeff?---[ \t]*\n")
_CLOSE = re.compile(r"^(?:---|\.\.\.)[ \t]*$", re.MULTILINE)
DATE_KEYS = ("date", "published_time", "published", "pubdate", "date_published")
URL_KEYS = ("source_url", "url", "canonical_url", "permalink")


def split(text: str) -> tuple[dict[str, Any], str] | None:
    """(fields, the block as written, both `---` lines included) when `text` opens on YAML front
    matter whose content is a mapping of fields; None otherwise."""
    opened = _OPEN.match(text)
    if not opened:
        return None
    closed = _CLOSE.search(text, opened.end(), min(len(text), MAX_CHARS))
    if not closed:
        return None
    import yaml

    try:
        fields = yaml.safe_load(text[opened.end():closed.start()])
    except yaml.YAMLError:
        return None
    if not isinstance(fields, dict) or not fields or not all(isinstance(k, str) for k in fields):
        return None
    return fields, text[:closed.end()]


def metadata(fields: dict[str, Any]) -> tuple[str | None, dict[str, Any]]:
    """(title, meta) in Extracted's terms: the title, and the date and address if given. The date
    goes on as written (YAML may have made it a date or a timestamp); docdate.parse_day reads it
    like any other extracted date."""
    lowered = {k.lower(): v for k, v in fields.items()}
    title = " ".join(str(lowered.get("title") or "").split()) or None
    meta: dict[str, Any] = {}
    date = next((lowered[k] for k in DATE_KEYS if lowered.get(k)), None)
    if date is not None:
        meta["date"] = str(date).strip()
    url = next((lowered[k] for k in URL_KEYS if isinstance(lowered.get(k), str)), None)
    if url:
        meta["url"] = url
    return title, meta
