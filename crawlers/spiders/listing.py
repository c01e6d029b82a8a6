"""`spider = "listing"`: pages of links (agendas, minutes). Links matching `documents` are
stored; links matching `follow` are crawled as further listing pages (pagination)."""
from __future__ import annotations

from collections.abc import Iterator
from typing import Any
from urllib.parse import urldefrag

from scrapy.http import Request, Response, TextResponse

from crawlers.items import DocumentItem
from crawlers.metadata import date_in_text
from crawlers.spiders.base import SourceSpider


class ListingSpider(SourceSpider):
    name = "listing"
    spider = "listing"
    url_keys = ("start_urls",)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.documents = self.patterns("documents", required=True)
        self.follow = self.patterns("follow")

    checks_listing = True

    def start_requests_for_source(self) -> list[Request]:
        return [r for url in self.urls if (r := self.request(url, self.parse_listing, listing=True))]

    def parse_listing(self, response: Response) -> Iterator[Request]:
        if not isinstance(response, TextResponse):
            raise self.layout_error(response, "expected an HTML listing page, got "
                                    f"{response.headers.get('Content-Type', b'?').decode('latin-1')}")
        found = 0
        for link in response.css("a[href]"):
            href = link.attrib["href"].strip()
            if not href or href.startswith(("#", "mailto:", "javascript:", "tel:")):
                continue
            url = urldefrag(response.urljoin(href)).url
            text = " ".join(" ".join(link.css("::text").getall()).split()) or link.attrib.get("title")
            if any(p.search(url) for p in self.documents):
                found += 1
                request = self.request(url, self.parse_document, document=True,
                                       listing_url=response.url, link_text=text)
            elif any(p.search(url) for p in self.follow):
                request = self.request(url, self.parse_listing, listing=True)
            else:
                continue
            if request is not None:
                yield request
        if not found:
            patterns = ", ".join(p.pattern for p in self.documents)
            raise self.layout_error(response, f"no link matches documents [{patterns}]: has the page changed?")
        self.listing_read(response)

    def parse_document(self, response: Response) -> Iterator[DocumentItem]:
        text = response.meta.get("link_text")
        when = date_in_text(text)
        item = self.document(
            response, title=text, doc_date=when, doc_date_source="title" if when else None,
            meta={"listing_url": response.meta.get("listing_url"), "link_text": text},
        )
        if item is not None:
            yield item
