"""The shared base of the meeting-platform spiders (CivicPlus, Legistar, Granicus, BoardDocs,
NovusAgenda, Municode Meetings, PrimeGov, CivicClerk).

A platform page lists meetings, each with a body (board, committee), a date and links to its
agenda, minutes, packet... A subclass implements one hook, `meetings(response)`, reading the
page into `Meeting`s, and raises LayoutError when the page lacks the platform's structure
(a page whose structure is there but holds no meetings returns []: the source then fails
for yielding no documents, without blaming the layout), and may implement `more(response,
meetings)`, the further listings a page leads to (next page, older year: the walk back to
`since`, crawlers/spiders/history.py). The base turns every link of a wanted type, of a
meeting in the source's date range, into one document: its kind from the type (agenda,
minutes), its date the meeting's (`doc_date_source = "metadata"`), its title
"<meeting> — <Type> — <Month D, YYYY>".

Source options shared by the platforms: `start_urls` (the listing pages), `types` (which
document types to store; default all), `body` (the body's name where the page gives none),
`since` / `until` (the meeting dates to reach), `bodies` (only the meetings of these boards
or committees, by name), `allowed_domains` (more hosts documents may be served from).
"""
from __future__ import annotations

import json
import re
from collections.abc import Iterable, Iterator
from dataclasses import asdict, dataclass, field
from datetime import date, datetime
from typing import Any, ClassVar
from urllib.parse import urldefrag

from scrapy.crawler import Crawler
from scrapy.http import Request, Response, TextResponse

from crawlers.items import DocumentItem
from crawlers.middlewares import fetch_key, from_archive
from crawlers.settings import DEFAULTS
from crawlers.spiders.base import LayoutError, SourceConfigError, SourceSpider, as_strings
from crawlers.spiders.history import DateRange, Window, read_after_settling, settled

# Document types a platform links from a meeting, and the kind of document each one is.
TYPES = ("agenda", "minutes", "packet", "notice", "summary")
TYPE_KINDS = {"agenda": "agenda", "packet": "agenda", "notice": "agenda", "minutes": "minutes"}
_CANCELLED = re.compile(r"\bcancel+ed\b", re.IGNORECASE)


@dataclass
class Meeting:
    body: str                       # the board or committee
    name: str                       # the meeting's own title on the page (may equal body)
    date: date | None
    date_text: str                  # the date cell as printed
    links: list[tuple[str, str]]    # (type, href as on the page)
    details: dict[str, Any] = field(default_factory=dict)  # time, location, posted, duration...
    in_progress: bool = False       # the page says "In Progress" instead of a date


class MeetingSpider(SourceSpider):
    url_keys = ("start_urls",)
    checks_listing = True
    title_from: ClassVar[str] = "body"  # which Meeting field leads the title: body | name

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        types = as_strings(self.name, "types", self.source.get("types", list(TYPES)))
        unknown = [t for t in types if t not in TYPES]
        if unknown or not types:
            raise SourceConfigError(f"source {self.name!r}: `types` must be some of {', '.join(TYPES)}")
        self.types = tuple(types)
        body = self.source.get("body")
        if body is not None and not isinstance(body, str):
            raise SourceConfigError(f"source {self.name!r}: `body` must be a string")
        self.body = body
        self.range = DateRange.from_source(self.name, self.source)
        self.bodies = {clean(b).lower() for b in as_strings(self.name, "bodies", self.source.get("bodies", []))}
        self.settle_days = int(DEFAULTS["settle_days"])  # the crawl's setting replaces it (from_crawler)
        self.asked: set[str] = set()  # document links handled on this crawl (each once)

    @classmethod
    def from_crawler(cls, crawler: Crawler, *args: Any, **kwargs: Any) -> MeetingSpider:
        spider = super().from_crawler(crawler, *args, **kwargs)
        spider.settle_days = crawler.settings.getint("CASEFILE_SETTLE_DAYS", spider.settle_days)
        return spider  # type: ignore[return-value]

    @property
    def today(self) -> date:
        return self.now.date()

    # -- the hooks -------------------------------------------------------------------------
    def meetings(self, response: TextResponse) -> list[Meeting]:
        raise NotImplementedError

    def more(self, response: TextResponse, meetings: list[Meeting]) -> Iterable[Request | None]:
        """Further listing requests this page leads to: its next page, an older year..."""
        return ()

    # -- crawling --------------------------------------------------------------------------
    def start_requests_for_source(self) -> list[Request]:
        return [r for url in self.urls if (r := self.request(url, self.parse_listing, listing=True))]

    def window_request(self, url: str, window: Window, **kwargs: Any) -> Request | None:
        """A listing request for one window of the walk back (a year of an API, of a calendar)."""
        return self.request(url, self.parse_listing, listing=True, casefile_window_end=window.end, **kwargs)

    def ask(self, request: Request | None) -> Iterator[Any]:
        """Ask for a listing, unless it lists settled meetings only and was read after they settled:
        then read its archived copy again (crawlers/spiders/history.py)."""
        if request is None:
            return
        end = request.meta.get("casefile_window_end")
        if end is not None and settled(end, self.today, self.settle_days):
            known = self.context.known(fetch_key(request))
            if known and read_after_settling(end, known["fetched_at"], self.settle_days):
                yield from self.replay(request, known)
                return
        yield request

    def replay(self, request: Request, known: dict[str, Any]) -> Iterator[Any]:
        key = fetch_key(request)
        request.meta["casefile_fetch"] = {"sha256": known["sha256"], "fetched_at": known["fetched_at"],
                                          "status": 200, "not_modified": True}
        response = from_archive(self.context.archive, request, request.url, known, ["replayed"])
        self.report.replayed += 1
        self.context.say(f"{self.name}: settled, read from the archive ({known['fetched_at']:%Y-%m-%d}): {key}")
        try:
            yield from request.callback(response)
        except LayoutError as exc:  # the archived copy no longer reads: ask the site again
            self.context.say(f"{self.name}: the archived copy of {key} does not read ({exc.why}): asking again")
            yield request

    def parse_listing(self, response: Response) -> Iterator[Any]:
        if not isinstance(response, TextResponse):
            raise self.layout_error(response, "expected a page of meetings, got "
                                    f"{response.headers.get('Content-Type', b'?').decode('latin-1')}")
        meetings = self.meetings(response)  # all rows read before anything is yielded
        if meetings and not any(m.date or m.in_progress for m in meetings):
            raise self.layout_error(response, f"no meeting date could be read (the first reads "
                                    f"{meetings[0].date_text!r}): has the page changed?")
        self.listing_read(response)
        for meeting in meetings:
            yield from self.documents_of(meeting, response)
        for request in self.more(response, meetings):
            yield from self.ask(request)

    def documents_of(self, meeting: Meeting, response: TextResponse) -> Iterator[Request]:
        """A request per wanted document link of a meeting in range; a settled meeting's document
        already stored is kept as it is (counted, not asked for again)."""
        if meeting.date is None and not meeting.in_progress:
            self.fail(response.url, f"{meeting.name}: cannot read the meeting date {meeting.date_text!r}")
        if meeting.date is not None:
            lo, hi = self.covered or (meeting.date, meeting.date)
            self.covered = (min(lo, meeting.date), max(hi, meeting.date))
        in_range = self.range.holds(meeting.date) and self.wants_body(meeting.body)
        for doc_type, href in meeting.links:
            url = urldefrag(response.urljoin(href)).url
            if doc_type not in self.types or url in self.asked:
                continue
            self.asked.add(url)
            if not in_range:  # listed, so not judged removed; outside since/until, so not fetched
                self.listed.add(url)
            elif settled(meeting.date, self.today, self.settle_days) and self.context.stored(self.name, url):
                self.listed.add(url)
                self.report.settled += 1
            elif request := self.request(url, self.parse_document, document=True, listing_url=response.url,
                                         meeting=asdict(meeting), doc_type=doc_type):
                yield request

    def wants_body(self, body: str) -> bool:
        return not self.bodies or clean(body).lower() in self.bodies

    def json(self, response: TextResponse) -> Any:
        """The JSON answer of a platform's API, or a LayoutError saying what came instead."""
        try:
            return json.loads(response.text)
        except ValueError:
            ctype = response.headers.get("Content-Type", b"?").decode("latin-1")
            raise self.layout_error(response, f"expected JSON from the platform's API, got {ctype}") from None

    def parse_document(self, response: Response) -> Iterator[DocumentItem]:
        m: dict[str, Any] = response.meta["meeting"]
        doc_type: str = response.meta["doc_type"]
        item = self.document(response, **self.describe(m, doc_type, response.meta.get("listing_url")))
        if item is not None:
            yield item

    def describe(self, m: dict[str, Any], doc_type: str, listing_url: str | None) -> dict[str, Any]:
        """The document's fields from its meeting: kind, title, date, and what else the row says."""
        when: date | None = m["date"]
        source = "metadata"
        if when is None and m["in_progress"]:
            when, source = self.now.date(), "fetch_time"  # "In Progress": the day it was crawled
        lead = m[self.title_from] or m["body"]
        title = f"{lead} — {doc_type.capitalize()}" + (f" — {long_date(when)}" if when else "")
        return {
            "kind": TYPE_KINDS.get(doc_type, self.kind),
            "title": title,
            "doc_date": when,
            "doc_date_source": source if when else None,
            "meta": {
                "body": m["body"], "meeting": m["name"], "document_type": doc_type,
                "meeting_date": when.isoformat() if when else None, "date_text": m["date_text"],
                "meeting_status": self.status(m, when), "platform": self.spider,
                "listing_url": listing_url, **m["details"],
            },
        }

    def status(self, m: dict[str, Any], when: date | None) -> str | None:
        """cancelled | in progress | upcoming | past, as of `now` (a page shows what it knew then)."""
        said = " ".join(str(v) for v in (m["name"], m["body"], *m["details"].values()) if v)
        if _CANCELLED.search(said):
            return "cancelled"
        if m["in_progress"]:
            return "in progress"
        if when is None:
            return None
        return "upcoming" if when > self.now.date() else "past"

    def body_or(self, found: str | None, fallback: str) -> str:
        return clean(found) or self.body or fallback


# -- helpers for the platform hooks ---------------------------------------------------------
def clean(text: str | None) -> str:
    """Whitespace (non-breaking spaces included) collapsed; None becomes ""."""
    return " ".join((text or "").replace("\xa0", " ").split())


def text_of(selector: Any) -> str:
    return clean(" ".join(selector.css("::text").getall()))


def parse_day(text: str, formats: tuple[str, ...]) -> date | None:
    text = clean(text).replace("Sept ", "Sep ")
    for fmt in formats:
        try:
            return datetime.strptime(text, fmt).date()
        except ValueError:
            continue
    return None


def long_date(day: date) -> str:
    return f"{day:%B} {day.day}, {day.year}"
