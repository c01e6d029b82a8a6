"""The shared base of the meeting-platform spiders (CivicPlus AgendaCenter, Legistar, Granicus).

A platform page lists meetings, each with a body (board, committee), a date and links to its
agenda, minutes, packet... A subclass implements one hook, `meetings(response)`, reading the
page into `Meeting`s, and raises LayoutError when the page lacks the platform's structure
(a page whose structure is there but holds no meetings returns []: the source then fails
for yielding no documents, without blaming the layout). The base turns every link of a
wanted type into one document: its kind from the type (agenda, minutes), its date the
meeting's (`doc_date_source = "metadata"`), its title "<meeting> — <Type> — <Month D, YYYY>".

Source options shared by the platforms: `start_urls` (the listing pages), `types` (which
document types to store; default all), `body` (the body's name where the page gives none),
`allowed_domains` (more hosts documents may be served from).
"""
from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import asdict, dataclass, field
from datetime import date, datetime
from typing import Any, ClassVar
from urllib.parse import urldefrag

from scrapy.http import Request, Response, TextResponse

from crawlers.items import DocumentItem
from crawlers.spiders.base import SourceConfigError, SourceSpider, as_strings

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

    # -- the hook --------------------------------------------------------------------------
    def meetings(self, response: TextResponse) -> list[Meeting]:
        raise NotImplementedError

    # -- crawling --------------------------------------------------------------------------
    def start_requests_for_source(self) -> list[Request]:
        return [r for url in self.urls if (r := self.request(url, self.parse_listing, listing=True))]

    def parse_listing(self, response: Response) -> Iterator[Request]:
        if not isinstance(response, TextResponse):
            raise self.layout_error(response, "expected an HTML page of meetings, got "
                                    f"{response.headers.get('Content-Type', b'?').decode('latin-1')}")
        meetings = self.meetings(response)  # all rows read before anything is yielded
        if meetings and not any(m.date or m.in_progress for m in meetings):
            raise self.layout_error(response, f"no meeting date could be read (the first reads "
                                    f"{meetings[0].date_text!r}): has the page changed?")
        self.listing_read(response)
        for meeting in meetings:
            if meeting.date is None and not meeting.in_progress:
                self.fail(response.url, f"{meeting.name}: cannot read the meeting date {meeting.date_text!r}")
            seen: set[str] = set()
            for doc_type, href in meeting.links:
                url = urldefrag(response.urljoin(href)).url
                if doc_type not in self.types or url in seen:
                    continue
                seen.add(url)
                request = self.request(url, self.parse_document, document=True, listing_url=response.url,
                                       meeting=asdict(meeting), doc_type=doc_type)
                if request is not None:
                    yield request

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
