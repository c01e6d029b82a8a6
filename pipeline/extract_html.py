"""HTML: news articles through trafilatura (body, title, author, date, site name); other pages
(listings, notices) as their readable text.
"""
from __future__ import annotations

import re
from dataclasses import replace
from typing import Any

from pipeline.extract import Extracted, ExtractError, Page
from pipeline.extract_charset import decode_html
from pipeline.extract_lines import compose, lines_from_text, paginate

MIN_BODY_CHARS = 200     # less than this from the article extractor: look harder
MIN_BODY_SHARE = 0.3     # a non-article page whose "main text" is under this share of its visible text
                         # is a listing or index page: read all of it

# trafilatura's options, tuned on tests/fixtures/news (scored in tests/test_extract_html.py):
# favor_precision drops most of pe.com1's body; deduplicate keeps a process-wide cache, so the
# same document would extract differently the second time (and re-runs must change nothing).
_OPTIONS = dict(include_comments=False, include_tables=True, include_links=False, include_images=False,
                favor_precision=False, favor_recall=False, deduplicate=False)

_RULE = re.compile(r"^\|(?:\s*:?-+:?\s*\|)+$")
_BLOCK = {"p", "div", "br", "li", "tr", "h1", "h2", "h3", "h4", "h5", "h6", "table", "section", "article",
          "header", "footer", "ul", "ol", "dl", "dt", "dd", "pre", "blockquote", "form", "hr", "main",
          "nav", "aside", "caption", "figcaption", "address", "title"}


# characters no XML text may hold (lxml refuses them): a page saved with a stray control byte
# ("\x10" in a Gothamist article) is read with a space in its place
_NOT_XML = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


# A page whose body sits in a <textarea> as markup, for a script to render into a preview (a court's CMS
# prints its news release so: `<textarea id="PostContent"><div>… &lt;p&gt;The Opinions handed down …`):
# the browser shows the rendered body, a parser sees the textarea's raw text, tags and all
_TEXTAREA = re.compile(r"<textarea\b[^>]*>(.*?)</textarea\s*>", re.IGNORECASE | re.DOTALL)
_BLOCK_TAG = re.compile(r"<(?:p|div|br|table|tr|td|h[1-6]|li)\b", re.IGNORECASE)
MARKUP_TAGS = 5   # fewer is a form's field that holds a tag or two as text


def textarea_markup(html: str) -> str:
    """The page with each textarea that holds a rendered body replaced by that body, read as markup."""
    import html as htmllib

    def body(m: re.Match[str]) -> str:
        value = htmllib.unescape(m.group(1))
        return f"<div>{value}</div>" if len(_BLOCK_TAG.findall(value)) >= MARKUP_TAGS else m.group(0)
    return _TEXTAREA.sub(body, html) if "<textarea" in html.lower() else html


def extract_html(raw: bytes) -> Extracted:
    html, encoding = decode_html(raw)
    html = textarea_markup(_NOT_XML.sub(" ", html))
    text, doc, how = article_text(html)
    if how != "page" and " | " not in text and "<table" in html.lower():   # no table came out as rows
        text = table_rows(text, visible_text(html))
    if not text.strip():
        raise ExtractError("no readable text in HTML")
    meta: dict[str, Any] = {"charset": encoding, "extraction": how}
    if doc is not None:
        for key in ("author", "sitename", "description", "url", "hostname", "language"):
            value = getattr(doc, key, None)
            if value:
                meta[key] = value
    published = markup_date(html)
    if published:
        meta["date"] = published
    title = (getattr(doc, "title", None) if doc is not None else None) or _title(html)
    # trafilatura writes tables as Markdown; the |---|---| rule under the header is not text.
    # Each of its lines is a block (headline, paragraph, caption), never a wrapped line: a blank
    # line between blocks says so to the sentence splitter (a headline ends where it ends).
    lines = [ln for ln in lines_from_text(text) if not _RULE.match(ln.text.strip())]
    if not hard_wrapped(lines):   # preformatted text (<pre>, plain-text pages) wraps inside sentences
        lines = [replace(ln, para=True) for ln in lines]
    pages = []
    for number, lines in enumerate(paginate(lines), start=1):
        body, _ = compose(lines)
        pages.append(Page(number, body, "html"))
    return Extracted(pages=pages, format="html", title=title, meta=meta)


def article_text(html: str) -> tuple[str, Any, str]:
    """(text, trafilatura document or None, how): the article body, or the page's readable text."""
    import trafilatura

    try:
        doc = trafilatura.bare_extraction(html, with_metadata=True, **_OPTIONS)
    except Exception:   # trafilatura/lxml on hostile markup: fall through to plain lxml text
        doc = None
    text = (doc.text or "") if doc is not None else ""
    if text.strip() and _is_article(html):
        return text, doc, "article"
    visible = visible_text(html)
    if len(text) >= MIN_BODY_CHARS and len(text) >= MIN_BODY_SHARE * len(visible):
        return (visible, doc, "page") if _record_head_dropped(text, visible) or _lines_dropped(text, visible) \
            else (text, doc, "article")
    try:
        recall = trafilatura.bare_extraction(html, with_metadata=True, **{**_OPTIONS, "favor_recall": True})
    except Exception:
        recall = None
    recall_text = (recall.text or "") if recall is not None else ""
    if len(recall_text) >= MIN_BODY_CHARS and len(recall_text) >= MIN_BODY_SHARE * len(visible):
        return recall_text, recall if recall is not None else doc, "recall"
    return visible, doc if doc is not None else recall, "page"


# the heading of a record: "City Council Regular Meeting … Tuesday, May 17, 2022", "Agenda"
_RECORD_HEADING = re.compile(r"\b(?:minutes|agenda|meeting|session|hearing|proceedings)\b", re.IGNORECASE)


def _record_head_dropped(text: str, visible: str) -> bool:
    """The article extractor kept a record's body but dropped its heading: the visible text before
    the first line it kept names a meeting and states a full date (Granicus minutes pages, whose
    heading, roll call and opening items sit in a layout table). Such a page is read whole."""
    from pipeline.docdate import dates_in

    first = next((ln.strip() for ln in text.splitlines() if len(ln.strip()) >= 20), "")
    at = visible.find(first[:60]) if first else -1
    if at <= 0:
        return False
    head = visible[:at]
    return bool(_RECORD_HEADING.search(head)) and bool(dates_in(head))


LONG_LINE = 60          # a line of the page this long is content, not a menu's or a footer's
DROPPED_SHARE = 0.25    # a page (no article) whose extractor dropped this share of its long lines is read whole


def _lines_dropped(text: str, visible: str) -> bool:
    """The article extractor dropped much of a record page's content: rows of an agenda whose items are links
    (Akron's "ORDINANCES & RESOLUTIONS PASSED" table, each item an <a href="javascript:…">), taken for a menu.
    Only a record's page, whose kept text holds table rows; measured on the page's long lines: the share of their
    characters whose opening the kept text lacks."""
    if sum(ln.startswith("|") for ln in text.splitlines()) < 3:
        return False   # a story's prose kept, its related links dropped: no record
    kept = " ".join(text.split())
    long = [" ".join(ln.split()) for ln in visible.splitlines() if len(ln.strip()) >= LONG_LINE]
    total = sum(map(len, long))
    lost = sum(len(ln) for ln in long if ln[:50] not in kept)
    return total > 0 and lost >= DROPPED_SHARE * total


def hard_wrapped(lines: list[Any]) -> bool:
    """Text wrapped at a fixed width (a <pre> page, the Congressional Record): most long lines end
    inside a sentence. Blocks of an article end theirs."""
    long = [ln.text.rstrip() for ln in lines if len(ln.text.strip()) >= 50]
    if len(long) < 5:
        return False
    open_ended = sum(1 for t in long if not t.endswith((".", "!", "?", ":", ";", '"', "”", ")", "]", "|")))
    return open_ended / len(long) > 0.5


def markup_date(html: str) -> str | None:
    """The publication date the page's markup states (meta tags, JSON-LD, <time>, its URL), as
    YYYY-MM-DD; never one guessed from its words (htmldate's extensive search finds "2009" in "as
    far back as 2009" and calls it 2009-01-01)."""
    from htmldate import find_date

    try:
        return find_date(html, extensive_search=False, original_date=True, outputformat="%Y-%m-%d")
    except Exception:   # htmldate on hostile markup: no date rather than no document
        return None


def html_to_text(html: str) -> str:
    """Readable text of an HTML fragment (an e-mail body): the main text, else all visible text."""
    return article_text(html)[0]


def _is_article(html: str) -> bool:
    """The page says it is an article (og:type, <article>). A found date proves nothing: htmldate finds one
    on most pages, listings included."""
    head = html[:200_000].lower()
    return (re.search(r"""<meta[^>]+(?:property|name)=["']og:type["'][^>]+content=["']article""", head) is not None
            or "<article" in head)


def table_rows(text: str, visible: str) -> str:
    """Rows of a table that the article extractor wrote one cell per line (it does so when a table
    is nearly all a page holds: a docket, a blotter, an agenda): each run of lines that are exactly
    the cells of one of the page's rows, in order, becomes that row again ("11/28/2023 | Brief
    filed"), so a row is one sentence as it is on the page. Other text is left as it is."""
    by_first: dict[str, list[list[str]]] = {}
    for line in visible.splitlines():
        cells = [c.strip() for c in line.split(" | ") if c.strip()]
        if len(cells) >= 2:
            by_first.setdefault(cells[0], []).append(cells)
    lines = text.split("\n")
    content = [i for i, ln in enumerate(lines) if ln.strip()]
    joined: dict[int, str] = {}   # the first line of a row -> the row; the row's other lines (and blanks) go
    k = 0
    while k < len(content):
        row = next((r for r in sorted(by_first.get(lines[content[k]].strip(), []), key=len, reverse=True)
                    if [lines[i].strip() for i in content[k:k + len(r)]] == r), None)
        if row is None:
            k += 1
            continue
        first, last = content[k], content[k + len(row) - 1]
        joined.update({i: "" for i in range(first + 1, last + 1)})
        joined[first] = " | ".join(row)
        k += len(row)
    return "\n".join(joined.get(i, ln) for i, ln in enumerate(lines) if joined.get(i) != "")


def visible_text(html: str) -> str:
    """All text a reader sees, one block element per line (lxml; scripts and styles dropped)."""
    import lxml.etree
    import lxml.html

    try:
        root = lxml.html.document_fromstring(html)
    except (lxml.etree.ParserError, ValueError):
        return ""
    for bad in root.xpath("//script|//style|//noscript|//template|//head|//svg"):
        bad.drop_tree()
    for el in root.iter():
        if not isinstance(el.tag, str):
            continue
        tag = el.tag.lower()
        if tag in _BLOCK:
            el.tail = "\n" + (el.tail or "")
            el.text = "\n" + (el.text or "")
        elif tag in ("td", "th"):
            el.tail = " | " + (el.tail or "")
    text = root.text_content()
    return "\n".join(line.strip(" |\t") for line in text.splitlines())


def _title(html: str) -> str | None:
    match = re.search(r"<title[^>]*>(.*?)</title>", html[:100_000], re.IGNORECASE | re.DOTALL)
    if not match:
        return None
    import html as htmllib

    return " ".join(htmllib.unescape(match.group(1)).split()) or None

