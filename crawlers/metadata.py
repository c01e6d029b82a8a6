"""What a crawler can say about a document without extracting it: dates in link text,
an article's <meta> tags and JSON-LD, a filename from Content-Disposition."""
from __future__ import annotations

import email.utils
import json
import re
from datetime import date, datetime
from email.message import Message
from typing import Any
from urllib.parse import unquote, urlsplit

from parsel import Selector

_MONTH = (r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
          r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?")
# Only unambiguous, complete dates: "January 9, 2018", "9 January 2018", "2018-01-09", "1/9/2018".
_DATE_FORMS = re.compile(
    rf"\b{_MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}}\b"
    rf"|\b\d{{1,2}}(?:st|nd|rd|th)?\s+{_MONTH},?\s+\d{{4}}\b"
    r"|\b\d{4}-\d{2}-\d{2}\b"
    r"|\b\d{1,2}/\d{1,2}/\d{4}\b",
    re.IGNORECASE,
)
_ARTICLE_TYPES = {"NewsArticle", "Article", "ReportageNewsArticle", "AnalysisNewsArticle",
                  "OpinionNewsArticle", "BackgroundNewsArticle", "BlogPosting", "Report"}


def date_in_text(text: str | None) -> date | None:
    """The one clear date a title holds ("Minutes — January 9, 2018"), else None.

    Numeric slashed dates are read month first (US public records).
    """
    if not text:
        return None
    import dateparser  # slow to import; only listings with dated link text need it

    found: set[date] = set()
    for match in _DATE_FORMS.finditer(text):
        parsed = dateparser.parse(
            match.group(0), languages=["en"],
            settings={"DATE_ORDER": "MDY", "STRICT_PARSING": True, "REQUIRE_PARTS": ["day", "month", "year"]},
        )
        if parsed is not None:
            found.add(parsed.date())
    return found.pop() if len(found) == 1 else None


def parse_when(value: str | None) -> datetime | date | None:
    """An ISO 8601 (metadata, Atom, sitemaps) or RFC 822 (RSS) timestamp."""
    if not value or not value.strip():
        return None
    text = value.strip()
    try:
        if len(text) == 10:
            return date.fromisoformat(text)
        return datetime.fromisoformat(text)
    except ValueError:
        pass
    try:
        return email.utils.parsedate_to_datetime(text)
    except (TypeError, ValueError, IndexError):
        pass
    import dateparser

    return dateparser.parse(text, languages=["en"])


def day_of(when: datetime | date | None) -> date | None:
    if isinstance(when, datetime):
        return when.date()  # the day as the publisher wrote it, in its own offset
    return when


def iso(when: datetime | date | None, raw: str | None) -> str | None:
    return when.isoformat() if when is not None else raw


def filename_for(url: str, content_disposition: str | None) -> str | None:
    if content_disposition:
        msg = Message()
        msg["content-disposition"] = content_disposition
        name = msg.get_filename()
        if name:
            return name.strip().replace("/", "_") or None
    path = urlsplit(url).path
    last = unquote(path.rstrip("/").rsplit("/", 1)[-1]) if path else ""
    return last or None


def _clean(value: Any) -> str | None:
    if isinstance(value, str):
        text = " ".join(value.split())
        return text or None
    return None


def _names(value: Any) -> list[str]:
    """author / publisher in JSON-LD: a string, an object with a name, or a list of either."""
    if isinstance(value, list):
        return [n for v in value for n in _names(v)]
    if isinstance(value, dict):
        name = _clean(value.get("name"))
        return [name] if name else []
    name = _clean(value)
    return [name] if name else []


def _json_ld_article(sel: Selector) -> dict[str, Any]:
    for script in sel.xpath('//script[@type="application/ld+json"]/text()').getall():
        try:
            data = json.loads(script)
        except ValueError:
            continue
        stack = data if isinstance(data, list) else [data]
        while stack:
            node = stack.pop(0)
            if not isinstance(node, dict):
                continue
            types = node.get("@type")
            types = set(types) if isinstance(types, list) else {types}
            if types & _ARTICLE_TYPES:
                return node
            graph = node.get("@graph")
            if isinstance(graph, list):
                stack.extend(graph)
    return {}


def article_metadata(sel: Selector) -> dict[str, Any]:
    """title, author, outlet, published (raw string) from <meta> tags, then JSON-LD NewsArticle."""

    def meta(*names: str) -> str | None:
        for name in names:
            for value in sel.xpath(f'//meta[@property="{name}" or @name="{name}"]/@content').getall():
                if _clean(value):
                    return _clean(value)
        return None

    ld = _json_ld_article(sel)
    meta_author = meta("author")
    article_author = meta("article:author")
    if article_author and article_author.startswith(("http://", "https://")):
        article_author = None  # often a profile URL, not a name
    ld_authors = _names(ld.get("author"))
    ld_publisher = _names(ld.get("publisher"))
    return {
        "title": meta("og:title") or _clean(ld.get("headline")) or _clean(sel.xpath("//title/text()").get()),
        "author": meta_author or article_author or (", ".join(ld_authors) if ld_authors else None),
        "outlet": meta("og:site_name") or (ld_publisher[0] if ld_publisher else None),
        "published": meta("article:published_time") or _clean(ld.get("datePublished")),
    }


_NOT_PROSE = " or ".join(f"ancestor::{tag}" for tag in (
    "a", "script", "style", "noscript", "nav", "aside", "header", "footer", "form", "button"))


def page_text(sel: Selector) -> str:
    """An article's own words, for keyword matching: its title and description, and the text
    of <article>/<main> (else <body>) outside links and page furniture.

    Link text is left out because "Most read" rails, related stories and menus are links,
    and on a newspaper's site they mention the story of the week on every page.
    """
    scope = (sel.xpath("//*[@itemprop='articleBody'] | //article") or sel.xpath("//main")
             or sel.xpath("//body"))
    parts = sel.xpath("//title//text() | //meta[@name='description']/@content").getall()
    parts += scope.xpath(f".//text()[not({_NOT_PROSE})]").getall()
    return " ".join(" ".join(parts).split())
