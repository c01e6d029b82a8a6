"""Helpers for the meeting-platform tests: a spider on a saved page, with no network and no
reactor, time frozen by passing `now`; every link it would fetch answered with a stub PDF."""
from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest
from scrapy.http import HtmlResponse, Request, Response, TextResponse

from crawlers.items import DocumentItem
from crawlers.report import CrawlContext, SourceReport
from crawlers.spiders import SPIDERS
from index.archive import Archive
from index.store import Store

ROOT = Path(__file__).resolve().parents[1]
PAGES = ROOT / "tests" / "fixtures" / "listings"
API = ROOT / "tests" / "fixtures" / "api"


@pytest.fixture(scope="module")
def context(tmp_path_factory: pytest.TempPathFactory) -> Iterator[CrawlContext]:
    """A crawl context over a fresh store and archive, shared by a test module."""
    tmp = tmp_path_factory.mktemp("platforms")
    store = Store(tmp / "case.duckdb")
    yield CrawlContext(store=store, archive=Archive(tmp / "archive"))
    store.close()


def make(context: CrawlContext, spider: str, url: str, now: datetime, **source: Any):
    source = {"name": "board", "spider": spider, "start_urls": [url], **source}
    return SPIDERS[spider](source=source, context=context, report=SourceReport("board", spider), now=now)


def saved(path: Path, url: str, body: bytes | None = None, **meta: Any) -> TextResponse:
    """A saved page (HTML) or API answer (JSON) as the response to a request for `url`."""
    cls = HtmlResponse if path.suffix == ".html" else TextResponse
    return cls(url=url, body=body if body is not None else path.read_bytes(), encoding="utf-8",
               request=Request(url, meta=meta))


def listing(spider: Any, response: TextResponse) -> list[Any]:
    """Everything the spider yields for a listing page: document requests and further listings."""
    return list(spider.parse_listing(response))


def documents(spider: Any, response: TextResponse, now: datetime) -> dict[str, DocumentItem]:
    """The document each document request of a listing yields, by URL."""
    out: dict[str, DocumentItem] = {}
    for request in listing(spider, response):
        if "doc_type" not in request.meta:
            continue
        request.meta["casefile_fetch"] = {"sha256": "0" * 64, "fetched_at": now}
        [item] = list(request.callback(Response(url=request.url, body=b"%PDF-1.4", request=request)))
        out[request.url] = item
    return out


def further(spider: Any, response: TextResponse) -> list[Request]:
    """The further listing requests (next pages, other years) a listing leads to."""
    return [r for r in listing(spider, response) if "doc_type" not in r.meta]


def field(item: DocumentItem, name: str) -> Any:
    """`title` is the item's own field; `meta.body` a key of its meta."""
    return item.meta.get(name[5:]) if name.startswith("meta.") else getattr(item, name)
