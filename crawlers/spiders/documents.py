"""`spider = "documents"`: known document URLs (`urls = [...]`), each stored as a document."""
from __future__ import annotations

from collections.abc import Iterator

from scrapy.http import Request, Response

from crawlers.items import DocumentItem
from crawlers.spiders.base import SourceSpider


class DocumentsSpider(SourceSpider):
    name = "documents"
    spider = "documents"
    url_keys = ("urls",)

    def start_requests_for_source(self) -> list[Request]:
        return [r for url in self.urls if (r := self.request(url, self.parse_document))]

    def parse_document(self, response: Response) -> Iterator[DocumentItem]:
        item = self.document(response, title=self.source.get("title"))
        if item is not None:
            yield item
