"""`spider = "civicplus"`: CivicPlus AgendaCenter pages (`/AgendaCenter`, or its search results
`/AgendaCenter/Search/?term=&CIDs=all&startDate=MM/DD/YYYY&endDate=MM/DD/YYYY`).

Each category (`div.listing`, its name in the `<h2>`) holds rows `tr.catAgendaRow`: the
meeting date in `h4 strong`, the meeting's description in `<p>`, the agenda PDF
(`/AgendaCenter/ViewFile/Agenda/_MMDDYYYY-NNN`), its packet (`?packet=true`) and minutes
(`/AgendaCenter/ViewFile/Minutes/...`). The `?html=true` rendering of an agenda is the same
agenda and is not stored twice.

With `since` (or `until`), each start URL's AgendaCenter is searched by date instead, one search
per year of the range (`startDate`/`endDate`, keeping the URL's `CIDs` and `term`): a search
answers every match on one page.
"""
from __future__ import annotations

import re
from datetime import date, timedelta
from typing import Any
from urllib.parse import parse_qs, urlencode, urlsplit

from scrapy.http import Request, TextResponse

from crawlers.spiders.meetings import Meeting, MeetingSpider, clean, parse_day, text_of

_FILE = re.compile(r"/AgendaCenter/ViewFile/(Agenda|Minutes)/([^?#]+)(?:\?([^#]*))?", re.IGNORECASE)
_ANCHOR_DATE = re.compile(r"^_(\d{2})(\d{2})(\d{4})-\d+$")
_CENTER = re.compile(r"^(.*?/AgendaCenter)(?:/|$)", re.IGNORECASE)


class CivicPlusSpider(MeetingSpider):
    name = "civicplus"
    spider = "civicplus"

    def start_requests_for_source(self) -> list[Request]:
        if not (self.range.since or self.range.until):
            return super().start_requests_for_source()
        out = []
        for url in self.urls:
            for window in self.range.windows(self.today):
                end = window.end or max(date(window.year, 12, 31), self.today + timedelta(days=180))
                request = self.window_request(search_url(url, window.start, end), window)
                if request is not None:
                    out.append(request)
        return out

    def meetings(self, response: TextResponse) -> list[Meeting]:
        rows = response.css("tr.catAgendaRow")
        if not rows:
            raise self.layout_error(response, "no AgendaCenter rows (tr.catAgendaRow): has the page "
                                    "changed, or is its date range empty?")
        out = []
        for row in rows:
            heading = row.xpath("ancestor::div[contains(@class, 'listing')][1]/h2/text()").getall()
            date_text = text_of(row.css("h4 strong"))
            when = parse_day(date_text, ("%b %d, %Y", "%B %d, %Y")) or anchor_date(row)
            description = clean(row.css("p::text").get()) or clean(row.css("h4 a::attr(title)").get())
            posted = re.search(r"Posted\s+(.+)$", text_of(row.css("h4")))
            out.append(Meeting(
                body=self.body_or(" ".join(heading), description), name=description, date=when,
                date_text=date_text, links=links(row.css("a[href]::attr(href)").getall()),
                details={"posted": posted.group(1) if posted else None},
            ))
        return out


def search_url(url: str, start: date, end: date) -> str:
    """The AgendaCenter date search of `url`'s site (its categories and term kept) from start to end."""
    m = _CENTER.match(urlsplit(url)._replace(query="", fragment="").geturl())
    center = m.group(1) if m else url.split("?", 1)[0].rstrip("/") + "/AgendaCenter"
    query = parse_qs(urlsplit(url).query)
    params = {"term": query.get("term", [""])[0], "CIDs": query.get("CIDs", ["all"])[0],
              "startDate": f"{start:%m/%d/%Y}", "endDate": f"{end:%m/%d/%Y}", "dateRange": "", "dateSelector": ""}
    return f"{center}/Search/?{urlencode(params, safe='/,')}"


def links(hrefs: list[str]) -> list[tuple[str, str]]:
    """(type, href) for a row's agenda, packet and minutes; an HTML rendering stands in for a
    missing PDF link, stripped of its `?html=true`."""
    out: list[tuple[str, str]] = []
    html_only: dict[str, str] = {}
    for href in hrefs:
        m = _FILE.search(href)
        if not m:
            continue
        what, query = m.group(1).lower(), (m.group(3) or "").lower()
        if "html=true" in query:
            html_only.setdefault(what, href.split("?", 1)[0])
        elif "packet=true" in query:
            out.append(("packet", href))
        else:
            out.append((what, href))
    for what, href in html_only.items():
        if not any(t == what for t, _ in out):
            out.append((what, href))
    return out


def anchor_date(row: Any) -> date | None:
    """The date in the row's anchor name (`_11192020-808`), when the printed one cannot be read."""
    for name in row.css("a[name]::attr(name)").getall():
        m = _ANCHOR_DATE.match(name)
        if m:
            return parse_day(f"{m.group(1)}/{m.group(2)}/{m.group(3)}", ("%m/%d/%Y",))
    return None
