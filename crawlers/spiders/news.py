"""`spider = "news"`: articles found in RSS/Atom `feeds` or XML `sitemaps` (news sitemaps and
sitemap indexes too), kept when a keyword appears in the feed's title/description or, once
fetched, in the page's text. The article's own metadata (<meta> tags, JSON-LD NewsArticle)
gives its title, author, outlet and publication date.

`keywords` match case-insensitively as whole words; no keywords keeps every article.
`match_body = false` skips fetching entries whose feed text has no keyword.
"""
from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from scrapy.http import Request, Response, TextResponse

from crawlers.feeds import parse_feed
from crawlers.items import DocumentItem
from crawlers.metadata import article_metadata, day_of, iso, page_text, parse_when
from crawlers.spiders.base import SourceConfigError, SourceSpider, as_strings


class NewsSpider(SourceSpider):
    name = "news"
    spider = "news"
    url_keys = ("feeds", "sitemaps")

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        words = as_strings(self.name, "keywords", self.source.get("keywords", []))
        self.keywords = re.compile(
            "|".join(rf"(?<!\w){re.escape(w.strip())}(?!\w)" for w in words if w.strip()), re.IGNORECASE,
        ) if any(w.strip() for w in words) else None
        self.match_body = self.source.get("match_body", True)
        if not isinstance(self.match_body, bool):
            raise SourceConfigError(f"source {self.name!r}: `match_body` must be true or false")

    def start_requests_for_source(self) -> list[Request]:
        return [r for url in self.urls if (r := self.request(url, self.parse_feed))]

    def on_topic(self, *texts: str | None) -> bool:
        if self.keywords is None:
            return True
        return any(t and self.keywords.search(t) for t in texts)

    def parse_feed(self, response: Response) -> Iterator[Request]:
        feed = parse_feed(response.body, response.url, max_size=self.settings.getint("DOWNLOAD_MAXSIZE"))
        if feed.kind is None:
            raise self.layout_error(response, "not an RSS, Atom or XML sitemap document")
        if not feed.entries and not feed.sitemaps:
            raise self.layout_error(response, f"the {feed.kind} has no entries")
        for url in feed.sitemaps:
            if request := self.request(url, self.parse_feed):
                yield request
        for entry in feed.entries:
            hit = self.on_topic(entry.title, entry.description, entry.keywords)
            if not hit and not self.match_body:
                self.report.skipped.append(f"{entry.url}: off-topic (no keyword in the feed entry)")
                continue
            request = self.request(entry.url, self.parse_article, entry=entry.as_dict(),
                                   feed_url=response.url, feed_match=hit)
            if request is not None:
                yield request

    def parse_article(self, response: Response) -> Iterator[DocumentItem]:
        entry: dict[str, Any] = response.meta["entry"]
        html = isinstance(response, TextResponse)
        found = article_metadata(response.selector) if html else {}
        if not response.meta.get("feed_match") and not (html and self.on_topic(page_text(response.selector))):
            self.report.skipped.append(f"{response.url}: off-topic (no keyword in the feed entry or the page)")
            return
        raw = found.get("published") or entry.get("published")
        when = parse_when(raw)
        day = day_of(when)
        item = self.document(
            response,
            title=found.get("title") or entry.get("title"),
            doc_date=day, doc_date_source="metadata" if day else None,
            meta={
                "author": found.get("author") or entry.get("author"),
                "outlet": found.get("outlet") or entry.get("outlet"),
                "published": iso(when, raw),
                "feed_url": response.meta.get("feed_url"),
            },
        )
        if item is not None:
            yield item
