"""Read RSS 2.0, Atom and XML sitemaps (news sitemaps and sitemap indexes too) into entries.

Links are resolved against the feed's own URL: feeds often give root-relative links.
"""
from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any
from urllib.parse import urljoin

from parsel import Selector
from scrapy.utils.gz import gunzip
from w3lib.html import remove_tags, replace_entities


@dataclass
class Entry:
    url: str
    title: str | None = None
    description: str | None = None
    published: str | None = None
    author: str | None = None
    outlet: str | None = None
    keywords: str | None = None

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass
class Feed:
    kind: str | None            # rss | atom | sitemap | sitemapindex | None (not a feed)
    title: str | None = None
    entries: list[Entry] = field(default_factory=list)
    sitemaps: list[str] = field(default_factory=list)   # children of a sitemap index


def _text(node: Selector, xpath: str) -> str | None:
    value = node.xpath(xpath).get()
    if value is None:
        return None
    value = " ".join(remove_tags(replace_entities(value)).split())
    return value or None


def parse_feed(body: bytes, url: str, *, max_size: int = 0) -> Feed:
    if body[:2] == b"\x1f\x8b":
        body = gunzip(body, max_size=max_size)
    try:
        sel = Selector(body=body, type="xml")
    except (ValueError, TypeError):
        return Feed(kind=None)
    sel.remove_namespaces()
    root = sel.xpath("/*")
    tag = root.xpath("name()").get() if root else None
    if tag == "rss" or tag == "RDF":
        return _rss(sel, url)
    if tag == "feed":
        return _atom(sel, url)
    if tag == "urlset":
        return _sitemap(sel, url)
    if tag == "sitemapindex":
        return Feed(kind="sitemapindex", sitemaps=[
            urljoin(url, loc.strip()) for loc in sel.xpath("/sitemapindex/sitemap/loc/text()").getall()
            if loc.strip()])
    return Feed(kind=None)


def _rss(sel: Selector, url: str) -> Feed:
    title = _text(sel, "//channel/title/text()")
    entries = []
    for item in sel.xpath("//item"):
        link = _text(item, "link/text()") or _text(item, "guid[not(@isPermaLink='false')]/text()")
        if not link:
            continue
        entries.append(Entry(
            url=urljoin(url, link),
            title=_text(item, "title/text()"),
            description=" ".join(filter(None, [_text(item, "description/text()"),
                                               _text(item, "encoded/text()")])) or None,
            published=_text(item, "pubDate/text()") or _text(item, "date/text()"),
            author=_text(item, "creator/text()") or _text(item, "author/text()"),
            outlet=title,
            keywords=" ".join(item.xpath("category/text()").getall()) or None,
        ))
    return Feed(kind="rss", title=title, entries=entries)


def _atom(sel: Selector, url: str) -> Feed:
    title = _text(sel, "/feed/title/text()")
    entries = []
    for entry in sel.xpath("/feed/entry"):
        link = (entry.xpath("link[@rel='alternate']/@href").get()
                or entry.xpath("link[not(@rel)]/@href").get())
        if not link:
            continue
        entries.append(Entry(
            url=urljoin(url, link.strip()),
            title=_text(entry, "title/text()"),
            description=" ".join(filter(None, [_text(entry, "summary/text()"),
                                               _text(entry, "content/text()")])) or None,
            published=_text(entry, "published/text()") or _text(entry, "updated/text()"),
            author=", ".join(entry.xpath("author/name/text()").getall()) or None,
            outlet=title,
            keywords=" ".join(entry.xpath("category/@term").getall()) or None,
        ))
    return Feed(kind="atom", title=title, entries=entries)


def _sitemap(sel: Selector, url: str) -> Feed:
    entries = []
    for node in sel.xpath("/urlset/url"):
        loc = _text(node, "loc/text()")
        if not loc:
            continue
        entries.append(Entry(
            url=urljoin(url, loc),
            title=_text(node, "news/title/text()"),
            published=_text(node, "news/publication_date/text()"),  # not lastmod: an edit isn't a publication
            outlet=_text(node, "news/publication/name/text()"),
            keywords=_text(node, "news/keywords/text()"),
        ))
    return Feed(kind="sitemap", entries=entries)
