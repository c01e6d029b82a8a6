"""The shared base spider: one spider per source, built from the source's dict in case.toml.

A subclass declares which keys hold its URLs and writes small `parse_*` callbacks; the base
checks the configuration, keeps requests on the source's hosts, turns responses into
DocumentItems, and reports every failure in one line naming the source. A page that does not
look the way the configuration says raises LayoutError rather than yielding nothing.

Removals: a document whose URL answers 404/410 is marked removed. A spider that lists
documents (`checks_listing`) also marks the source's documents its listings no longer link
to, but only after a crawl in which every listing page was read: a listing that failed
proves nothing.
"""
from __future__ import annotations

import re
from collections.abc import AsyncIterator, Callable, Iterator
from datetime import date, datetime
from typing import Any, ClassVar
from urllib.parse import urlsplit

import scrapy
from scrapy import signals
from scrapy.crawler import Crawler
from scrapy.exceptions import IgnoreRequest
from scrapy.http import FormRequest, Request, Response
from scrapy.spidermiddlewares.httperror import HttpError
from twisted.python.failure import Failure

from crawlers.items import DocumentItem
from crawlers.metadata import filename_for
from crawlers.middlewares import header, host_allowed, one_line
from crawlers.middlewares import now as utc_now
from crawlers.report import CrawlContext, SourceReport
from crawlers.settings import hosts
from index.kinds import KINDS

GONE = (404, 410)  # a document URL answering these is marked removed


class SourceConfigError(ValueError):
    """A source in case.toml that cannot be crawled as written."""


class LayoutError(Exception):
    """A page does not match what the source's configuration expects (the site changed?)."""

    def __init__(self, source: str, url: str, why: str) -> None:
        super().__init__(f"source {source!r}: {url}: {why}")
        self.why = why


class SourceSpider(scrapy.Spider):
    spider: ClassVar[str] = ""                  # the `spider = "..."` value this class serves
    url_keys: ClassVar[tuple[str, ...]] = ()    # source keys that hold the URLs to start from
    platform_hosts: ClassVar[tuple[str, ...]] = ()  # hosts the platform serves documents from
    checks_listing: ClassVar[bool] = False      # a document no longer listed is marked removed

    def __init__(self, source: dict[str, Any], context: CrawlContext, report: SourceReport,
                 now: datetime | None = None, **kwargs: Any) -> None:
        name = source.get("name")
        if not name or not isinstance(name, str):
            raise SourceConfigError(f"a source has no name: {source!r}")
        super().__init__(name=name, **kwargs)
        self.source = source
        self.context = context
        self.report = report
        # "Today" for pages that say "in progress" rather than a date; tests pass a fixed one.
        self.now = now or datetime.now().astimezone()
        self.kind = source.get("kind", "other")
        if self.kind not in KINDS:
            raise SourceConfigError(f"source {name!r}: kind {self.kind!r} is not one of {', '.join(KINDS)}")
        self.urls = self.configured_urls()
        extra = source.get("allowed_domains", [])
        self.allowed_hosts = hosts(self.urls) + [h for h in as_strings(name, "allowed_domains", extra)]
        self.allowed_hosts += [h for h in self.platform_hosts if h not in self.allowed_hosts]
        self.allowed_domains = list(self.allowed_hosts)  # Scrapy's OffsiteMiddleware agrees with us
        self.listed: set[str] = set()        # document links found on this crawl's listing pages
        self.listings_ok = True              # every listing page was fetched and read
        self.listed_at: datetime | None = None
        self.covered: tuple[date, date] | None = None  # meeting dates the listings covered, when known

    @classmethod
    def from_crawler(cls, crawler: Crawler, *args: Any, **kwargs: Any) -> SourceSpider:
        spider = super().from_crawler(crawler, *args, **kwargs)
        crawler.signals.connect(spider._on_spider_error, signal=signals.spider_error)
        crawler.signals.connect(spider._on_closed, signal=signals.spider_closed)
        return spider

    # -- configuration -------------------------------------------------------------------
    def configured_urls(self) -> list[str]:
        urls: list[str] = []
        for key in self.url_keys:
            urls += as_strings(self.name, key, self.source.get(key, []))
        if not urls:
            keys = " or ".join(f"`{k}`" for k in self.url_keys)
            raise SourceConfigError(f"source {self.name!r}: spider {self.spider!r} needs {keys}")
        for url in urls:
            if not url.startswith(("http://", "https://")):
                raise SourceConfigError(f"source {self.name!r}: {url!r} is not an http(s) URL")
        return urls

    def allow(self, url: str) -> None:
        """Let the crawl reach `url`'s host too (a platform's API host, for instance)."""
        host = urlsplit(url).hostname
        if host and host not in self.allowed_hosts:
            self.allowed_hosts.append(host)
            self.allowed_domains.append(host)

    def patterns(self, key: str, *, required: bool = False) -> list[re.Pattern[str]]:
        values = as_strings(self.name, key, self.source.get(key, []))
        if required and not values:
            raise SourceConfigError(f"source {self.name!r}: spider {self.spider!r} needs `{key}`")
        out = []
        for value in values:
            try:
                out.append(re.compile(value))
            except re.error as exc:
                raise SourceConfigError(f"source {self.name!r}: {key} regex {value!r}: {exc}") from None
        return out

    # -- requests ------------------------------------------------------------------------
    async def start(self) -> AsyncIterator[Any]:
        for request in self.start_requests_for_source():
            for out in self.ask(request):
                yield out

    def start_requests_for_source(self) -> list[Request]:
        raise NotImplementedError

    def ask(self, request: Request | None) -> Iterator[Any]:
        """What to do for a listing request: ask for it (a meeting spider may instead read a settled
        listing again from the archive, crawlers/spiders/meetings.py)."""
        if request is not None:
            yield request

    def request(self, url: str, callback: Callable[..., Any], *, listing: bool = False,
                document: bool = False, form: dict[str, str] | None = None, form_label: str | None = None,
                errback: Callable[[Failure], Any] | None = None, **meta: Any) -> Request | None:
        """A request on the source's hosts, or None (and a note in the report) for one elsewhere.

        `listing`: a page that lists documents (its failure makes the listing incomplete);
        `document`: a document link found on a listing (it counts as listed);
        `form`: the fields of a form post, `form_label` what it asks for (the fetch log's name
        for it: `URL#post:<label>`); `errback`: handles a failure instead of reporting it.
        """
        if not host_allowed(url, self.allowed_hosts):
            self.report.skipped.append(f"{url}: outside {', '.join(self.allowed_hosts)}")
            return None
        if document:
            self.listed.add(url)
        meta = {**meta, "casefile_listing": listing}
        if form is not None:
            meta["casefile_form"] = form_label or "form"
            return FormRequest(url, formdata=form, callback=callback, errback=errback or self._on_failure,
                               meta=meta)
        return Request(url, callback=callback, errback=errback or self._on_failure, meta=meta)

    def listing_read(self, response: Response) -> None:
        """Note a listing page read in full (the time the newest one was fetched dates removals)."""
        fetched_at = (response.meta.get("casefile_fetch") or {}).get("fetched_at")
        if fetched_at and (self.listed_at is None or fetched_at > self.listed_at):
            self.listed_at = fetched_at

    # -- documents -----------------------------------------------------------------------
    def document(self, response: Response, **fields: Any) -> DocumentItem | None:
        fetch = response.meta.get("casefile_fetch") or {}
        sha = fetch.get("sha256")
        if fetch.get("error"):  # e.g. an HTML error page where a PDF was linked: logged, not a version
            self.fail(response.url, fetch["error"])
            return None
        if not sha:
            self.fail(response.url, "empty body: nothing to store")
            return None
        fields.setdefault("kind", self.kind)
        return DocumentItem(
            source=self.name, url=response.url, sha256=sha,
            fetched_at=fetch["fetched_at"], not_modified=bool(fetch.get("not_modified")),
            filename=filename_for(response.url, header(response.headers, "Content-Disposition")),
            content_type=header(response.headers, "Content-Type"), size=len(response.body),
            **fields,
        )

    def layout_error(self, response: Response, why: str) -> LayoutError:
        return LayoutError(self.name, response.url, why)

    # -- failures ------------------------------------------------------------------------
    def fail(self, where: str, why: str) -> None:
        self.report.failures.append(f"{where}: {why}")
        self.context.say(f"{self.name}: FAILED {where}: {why}")

    def _on_failure(self, failure: Failure) -> None:
        request = failure.request  # type: ignore[attr-defined]
        exc = failure.value
        if request.meta.get("casefile_listing"):
            self.listings_ok = False
        if isinstance(exc, HttpError):
            response = exc.response
            why = response.meta.get("casefile_redirect_refused") or f"HTTP {response.status}"
            if response.status in GONE:
                self._gone(request, response)
        elif isinstance(exc, IgnoreRequest):
            why = str(exc) or "request ignored"
        else:
            why = one_line(exc)
        self.fail(request.url, why)

    def _on_spider_error(self, failure: Failure, response: Response | None, spider: scrapy.Spider) -> None:
        if spider is self:
            if response is None or response.meta.get("casefile_listing"):  # None: the start requests failed
                self.listings_ok = False
            exc = failure.value
            why = exc.why if isinstance(exc, LayoutError) else one_line(exc)
            self.fail(response.url if response is not None else "start", why)

    # -- removals ------------------------------------------------------------------------
    def _gone(self, request: Request, response: Response) -> None:
        when = (response.meta.get("casefile_fetch") or {}).get("fetched_at") or utc_now()
        urls = [(request.meta.get("redirect_urls") or [request.url])[0], request.url, response.url]
        for doc_id in self.context.mark_gone(urls, when):
            self.report.removed += 1
            self.context.say(f"{self.name}: removed {doc_id[:12]} ({response.url}: HTTP {response.status})")

    def _on_closed(self, spider: scrapy.Spider, reason: str) -> None:
        if spider is not self or not self.checks_listing or reason != "finished":
            return
        if not self.listings_ok or not self.listed:
            why = "a listing page was not read" if not self.listings_ok else "its listings linked no document"
            self.context.say(f"{self.name}: not checked for removed documents ({why})")
            return
        for doc_id in self.context.mark_unlisted(self.name, self.listed, self.listed_at or utc_now(), self.covered):
            self.report.removed += 1
            self.context.say(f"{self.name}: removed {doc_id[:12]} (no longer listed)")


def as_strings(source: str, key: str, value: Any) -> list[str]:
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise SourceConfigError(f"source {source!r}: `{key}` must be a list of strings")
    return list(value)
