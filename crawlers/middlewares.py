"""Downloader middlewares: the fetch log (chain of custody), polite retries, same-site redirects.

FetchLog sits between HttpCompression and Retry (see crawlers/settings.py), so it sees every
attempt (retries included) once, decoded, after redirects. It archives each body under its
sha256, appends one `fetches` row per attempt, sends conditional GETs for URLs fetched before,
and answers a 304 with the archived body so spiders parse it as if it were fresh.
"""
from __future__ import annotations

import email.utils
from datetime import datetime, timezone
from http import HTTPStatus
from typing import TYPE_CHECKING, Any
from urllib.parse import urldefrag, urljoin, urlsplit

from scrapy.downloadermiddlewares.retry import RetryMiddleware
from scrapy.downloadermiddlewares.robotstxt import RobotsTxtMiddleware
from scrapy.exceptions import IgnoreRequest
from scrapy.http import Headers, Request, Response
from scrapy.responsetypes import responsetypes
from scrapy.utils.defer import maybe_deferred_to_future
from scrapy.utils.httpobj import urlparse_cached
from twisted.internet.defer import Deferred

from index.ids import derive

if TYPE_CHECKING:
    from scrapy.crawler import Crawler

    from crawlers.spiders.base import SourceSpider

REDIRECTS = (301, 302, 303, 307, 308)


def now() -> datetime:
    return datetime.now(timezone.utc)


def one_line(exc: BaseException | str) -> str:
    text = str(exc).strip()
    first = text.splitlines()[0] if text else ""
    if isinstance(exc, BaseException):
        return f"{type(exc).__name__}: {first}" if first else type(exc).__name__
    return first


def status_text(status: int) -> str:
    """'404 Not Found', '429 Too Many Requests' (Scrapy's own table lacks some codes)."""
    try:
        return f"{status} {HTTPStatus(status).phrase}"
    except ValueError:
        return str(status)


def header(headers: Headers, name: str) -> str | None:
    value = headers.get(name)
    return value.decode("latin-1").strip() if value else None


def wrong_content(url: str, content_type: str | None, body: bytes) -> str | None:
    """Why a 200 is not the file it claims to be, or None: a PDF (by its link's extension or
    its Content-Type) whose bytes are not a PDF — typically an HTML error or login page served
    with 200, which must not become a new version of the document."""
    ctype = (content_type or "").split(";")[0].strip().lower()
    wants_pdf = urlsplit(url).path.lower().endswith(".pdf") or ctype == "application/pdf"
    if wants_pdf and b"%PDF-" not in body[:1024]:
        return f"wrong content type: expected a PDF, got {ctype or 'no Content-Type'} ({len(body)} bytes)"
    return None


def fetch_key(request: Request) -> str:
    """The address a fetch is logged (and looked up) under: the URL first asked for; for a form
    post, that URL with the form's meaning after a `#` (`Calendar.aspx#post:year=2023&page=2`),
    so that each year and page of a calendar behind a form post has its own rows."""
    url = (request.meta.get("redirect_urls") or [request.url])[0]
    return _with_form(url, request)


def _with_form(url: str, request: Request) -> str:
    form = request.meta.get("casefile_form")
    if form is None and request.method == "GET":
        return url
    return f"{urldefrag(url).url}#post:{form or 'form'}"


def from_archive(archive: Any, request: Request, url: str, known: dict[str, Any],
                 flags: list[str]) -> Response:
    """A response rebuilt from the archived body of an earlier fetch (a 304, or a settled listing)."""
    body = archive.get(known["sha256"])
    headers = Headers()
    if known["content_type"]:
        headers["Content-Type"] = known["content_type"]
    for name in ("ETag", "Last-Modified"):
        if known[name.lower().replace("-", "_")]:
            headers[name] = known[name.lower().replace("-", "_")]
    cls = responsetypes.from_args(headers=headers, url=url, body=body)
    return cls(url=url, status=200, headers=headers, body=body, request=request, flags=flags)


def host_allowed(url: str, allowed: list[str]) -> bool:
    """True when the URL's host is one of `allowed` or a subdomain of one (Scrapy's rule)."""
    host = urlsplit(url).hostname or ""
    return any(host == h or host.endswith("." + h) for h in allowed)


class FetchLog:
    """Archive every body, log every attempt, and make re-crawls conditional (module docstring)."""

    def __init__(self, crawler: Crawler) -> None:
        self.crawler = crawler
        self.conditional = crawler.settings.getbool("CASEFILE_CONDITIONAL", True)

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> FetchLog:
        return cls(crawler)

    @property
    def spider(self) -> SourceSpider:
        return self.crawler.spider  # type: ignore[return-value]

    def process_request(self, request: Request) -> None:
        if not self.conditional or "If-Modified-Since" in request.headers \
                or "If-None-Match" in request.headers or _with_form(request.url, request) != request.url:
            return None  # a form post is never conditional: its URL does not say what it asks
        known = self.spider.context.known(request.url)
        if known is None or not (known["etag"] or known["last_modified"]):
            return None
        request.meta["casefile_known"] = known
        if known["etag"]:
            request.headers["If-None-Match"] = known["etag"]
        if known["last_modified"]:
            request.headers["If-Modified-Since"] = known["last_modified"]
        return None

    def process_response(self, request: Request, response: Response) -> Response:
        spider = self.spider
        fetched_at = now()
        status = response.status
        body = response.body
        sha = spider.context.archive.put(body) if body and status != 304 else None
        error = None
        if status in REDIRECTS:
            error = request.meta.get("casefile_redirect_refused") or f"HTTP {status}: redirect not followed"
        elif not (200 <= status < 300 or status == 304):
            error = f"HTTP {status_text(status)}"
        elif status != 304:
            error = wrong_content(response.url, header(response.headers, "Content-Type"), body)
        row = {
            "url": fetch_key(request),
            "final_url": _with_form(response.url, request),
            "source": spider.name,
            "fetched_at": fetched_at,
            "status": status,
            "etag": header(response.headers, "ETag"),
            "last_modified": header(response.headers, "Last-Modified"),
            "sha256": sha,
            "content_type": header(response.headers, "Content-Type"),
            "size": len(body) if status != 304 else None,
            "error": error,
        }
        self._log(row)
        known = request.meta.get("casefile_known")
        if status == 304 and known:
            spider.report.not_modified += 1
            request.meta["casefile_fetch"] = {"sha256": known["sha256"], "fetched_at": fetched_at,
                                              "status": 304, "not_modified": True}
            return from_archive(spider.context.archive, request, response.url, known, ["not_modified"])
        request.meta["casefile_fetch"] = {"sha256": sha, "fetched_at": fetched_at,
                                          "status": status, "not_modified": False, "error": error}
        return response

    def process_exception(self, request: Request, exception: Exception) -> None:
        if isinstance(exception, IgnoreRequest):
            return None  # robots.txt or off-site: nothing was fetched; the spider reports it
        self._log({
            "url": fetch_key(request), "final_url": _with_form(request.url, request), "source": self.spider.name,
            "fetched_at": now(), "status": 0, "error": one_line(exception),
        })
        return None

    def _log(self, row: dict[str, Any]) -> None:
        row["fetch_id"] = derive(row["source"], row["url"], row["fetched_at"].isoformat(), row["status"])
        self.spider.context.store.add_fetch(row)
        self.spider.report.fetches += 1


class BackoffRetry(RetryMiddleware):
    """Scrapy's retry (429, 5xx, network errors; RETRY_TIMES), waiting before each new attempt:
    the server's Retry-After when it gives one, else an exponential backoff; both capped."""

    def __init__(self, settings: Any) -> None:
        super().__init__(settings)
        self.backoff = settings.getfloat("CASEFILE_RETRY_BACKOFF", 1.0)
        self.cap = settings.getfloat("CASEFILE_RETRY_MAX_DELAY", 60.0)

    async def process_response(self, request: Request, response: Response) -> Request | Response:
        if request.meta.get("dont_retry", False) or response.status not in self.retry_http_codes:
            return response
        retry = self._retry(request, status_text(response.status))
        if retry is None:
            return response
        await self._wait(self.delay(request, header(response.headers, "Retry-After")))
        return retry

    async def process_exception(self, request: Request, exception: Exception) -> Request | Response | None:
        if not isinstance(exception, self.exceptions_to_retry) or request.meta.get("dont_retry", False):
            return None
        retry = self._retry(request, exception)
        if retry is not None:
            await self._wait(self.delay(request, None))
        return retry

    def delay(self, request: Request, retry_after: str | None) -> float:
        wait = parse_retry_after(retry_after)
        if wait is None:
            wait = self.backoff * 2 ** request.meta.get("retry_times", 0)
        return max(0.0, min(wait, self.cap))

    @staticmethod
    async def _wait(seconds: float) -> None:
        if seconds <= 0:
            return
        from twisted.internet import reactor
        from twisted.internet.task import deferLater

        await maybe_deferred_to_future(deferLater(reactor, seconds, lambda: None))


def parse_retry_after(value: str | None) -> float | None:
    """Retry-After is either delta-seconds or an HTTP-date (RFC 9110 §10.2.3)."""
    if not value:
        return None
    if value.strip().isdigit():
        return float(value.strip())
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=timezone.utc)
    return (when - now()).total_seconds()


class RobotsTxt(RobotsTxtMiddleware):
    """Scrapy's robots.txt middleware, fixed for requests that wait on the same robots.txt.

    Scrapy 2.19 awaits the one shared Deferred from every waiting request; turning a Deferred
    into a Future consumes its result, so every waiter after the first got None ("no
    robots.txt") and was let through. Each waiter here gets its own Deferred, as Scrapy did
    before https://github.com/scrapy/scrapy/pull/6802.
    """

    async def robot_parser(self, request: Request) -> Any:
        pending = self._parsers.get(urlparse_cached(request).netloc)
        if isinstance(pending, Deferred):
            mine: Deferred[Any] = Deferred()

            def relay(result: Any) -> Any:
                mine.callback(result)
                return result  # leave the result for the next waiter

            pending.addCallback(relay)
            return await maybe_deferred_to_future(mine)
        return await super().robot_parser(request)


class SameSiteRedirects:
    """Refuse a redirect that leaves the source's hosts, loops, or goes on too long: the 3xx is
    logged and reported instead (Scrapy would drop a loop without a trace in the fetch log)."""

    def __init__(self, crawler: Crawler) -> None:
        self.crawler = crawler
        self.max_hops = crawler.settings.getint("REDIRECT_MAX_TIMES", 10)

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> SameSiteRedirects:
        return cls(crawler)

    def process_response(self, request: Request, response: Response) -> Response:
        location = header(response.headers, "Location")
        if response.status not in REDIRECTS or not location:
            return response
        target = urljoin(request.url, location)
        allowed = self.crawler.spider.allowed_hosts  # type: ignore[union-attr]
        chain = [*request.meta.get("redirect_urls", []), request.url]
        why = None
        if not host_allowed(target, allowed):
            why = f"redirect to {target} refused (outside {', '.join(allowed)})"
        elif target in chain:
            why = f"redirect loop: {' -> '.join(chain[chain.index(target):])} -> {target}"
        elif len(chain) > self.max_hops:
            why = f"more than {self.max_hops} redirects (last to {target})"
        if why:  # RedirectMiddleware leaves it alone; FetchLog logs it; the spider reports it
            request.meta["dont_redirect"] = True
            request.meta["casefile_redirect_refused"] = f"HTTP {response.status}: {why}"
        return response
