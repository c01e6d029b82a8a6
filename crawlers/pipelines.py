"""Item pipeline: record each document sighting in the index.

The body is already in the archive and its fetch already in the fetch log: FetchLog
(crawlers/middlewares.py) does both for every response, documents or not, so listing pages,
feeds, retries and errors are in the chain of custody too. Here the document row is added
(new; changed when it is new bytes at a known URL, a version that supersedes the one before)
or its last_seen moved forward (seen).
"""
from __future__ import annotations

from typing import TYPE_CHECKING

from crawlers.items import DocumentItem

if TYPE_CHECKING:
    from scrapy.crawler import Crawler

    from crawlers.spiders.base import SourceSpider


class DocumentPipeline:
    def __init__(self, crawler: Crawler) -> None:
        self.crawler = crawler

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> DocumentPipeline:
        return cls(crawler)

    def process_item(self, item: DocumentItem) -> DocumentItem:
        spider: SourceSpider = self.crawler.spider  # type: ignore[assignment]
        ctx = spider.context
        if not ctx.archive.has(item.sha256):  # FetchLog stored it; never record a dangling id
            raise RuntimeError(f"{item.source}: {item.url}: body {item.sha256} is not in the archive")
        sighting = ctx.store.sight_document(item.row())
        setattr(spider.report, sighting, getattr(spider.report, sighting) + 1)  # new | changed | seen
        state = "unchanged" if sighting == "seen" and item.not_modified else sighting
        ctx.say(f"{item.source}: {state} {item.filename or item.url} ({item.url})")
        return item
