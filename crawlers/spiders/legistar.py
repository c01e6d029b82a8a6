"""`spider = "legistar"`: Legistar (`https://CITY.legistar.com/Calendar.aspx`), through its Web
API when the city has one, else its HTML calendar.

Web API (crawlers/spiders/legistar_api.py): one query per year of the source's range (the
current year without `since`), paged; an event's agenda and minutes files are its documents.
When the API fails (no such client, a token required, an error), the calendar is read instead
and the report says why.

Calendar: a Telerik grid (`table.rgMasterTable`, id ending `gridCalendar_ctl00`) whose header
names the columns: `Name` (the body), `Meeting Date` (M/D/YYYY), `Meeting Time`, `Meeting
Location`, `Meeting Details`, then one column per document (`Agenda`, `Minutes`, `Notice`,
`Summary`, `Agenda Packet`...), "Not available" when there is none. Columns are found by their
header, so a city's extra or missing columns do not shift anything. The grid shows the
calendar's default filter (this month or this year); with `since`, every year of the range
that the year list (`lstYears`) offers is chosen by a form post, and each year's further pages
by its pager (crawlers/spiders/aspnet.py). Documents are served from the city's host or
Legistar's file hosts.
"""
from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from typing import Any

from scrapy.http import Request, TextResponse
from scrapy.spidermiddlewares.httperror import HttpError
from twisted.python.failure import Failure

from crawlers.middlewares import one_line
from crawlers.spiders import aspnet, legistar_api
from crawlers.spiders.base import as_strings
from crawlers.spiders.history import Window
from crawlers.spiders.meetings import Meeting, MeetingSpider, clean, parse_day, text_of

# Column header (lower case) -> document type.
DOC_COLUMNS = {
    "agenda": "agenda", "published agenda": "agenda", "minutes": "minutes", "published minutes": "minutes",
    "agenda packet": "packet", "packet": "packet", "notice": "notice", "meeting notice": "notice",
    "summary": "summary",
}
_GRID = "//table[contains(@class, 'rgMasterTable') and contains(@id, 'gridCalendar')]"
_YEARS = "//div[contains(@id, 'lstYears_DropDown')]//li"
_YEARS_CONTROL = "ctl00$ContentPlaceHolder1$lstYears"


class LegistarSpider(MeetingSpider):
    name = "legistar"
    spider = "legistar"
    platform_hosts = ("media.legistar.com", "legistar.granicus.com", "legistar1.granicus.com",
                      "legistar2.granicus.com", "legistar3.granicus.com", "legistar1.com",
                      "legistar2.com", "legistar3.com")

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.api = legistar_api.api_base(self.name, self.source, self.urls[0])
        token = self.source.get("api_token")
        self.api_token = as_strings(self.name, "api_token", token)[0] if token else None
        if self.api:
            self.allow(self.api)
        self.on_calendar = self.api is None  # the API failed or there is none

    # -- where to start ------------------------------------------------------------------------
    def start_requests_for_source(self) -> list[Request]:
        if not self.api:
            return super().start_requests_for_source()
        return [r for window in self.range.windows(self.today) if (r := self.api_request(window))]

    def api_request(self, window: Window, skip: int = 0) -> Request | None:
        url = legistar_api.events_url(self.api or "", window, sorted(self.source.get("bodies") or []),
                                      self.api_token, skip)
        return self.request(url, self.parse_listing, listing=False, errback=self.api_failed,
                            casefile_window_end=window.end, legistar_api=True, window=window, skip=skip)

    def api_failed(self, failure: Failure) -> Iterator[Request]:
        """The API did not answer: note why (once) and read the calendar instead."""
        exc = failure.value
        why = f"HTTP {exc.response.status}" if isinstance(exc, HttpError) else one_line(exc)
        self.report.skipped.append(f"{failure.request.url}: the Legistar Web API answered {why}; "  # type: ignore[attr-defined]
                                   "read the calendar instead")
        if self.on_calendar:
            return
        self.on_calendar = True
        self.context.say(f"{self.name}: the Legistar Web API answered {why}: reading the calendar instead")
        for request in super().start_requests_for_source():
            yield from self.ask(request)

    # -- reading -------------------------------------------------------------------------------
    def meetings(self, response: TextResponse) -> list[Meeting]:
        if response.meta.get("legistar_api"):
            events = self.json(response)
            if not isinstance(events, list) or not all(isinstance(e, dict) for e in events):
                raise self.layout_error(response, "the Web API's answer is not a list of events")
            return [legistar_api.meeting(e, self.body) for e in events]
        return self.calendar(response)

    def calendar(self, response: TextResponse) -> list[Meeting]:
        grid = response.xpath(_GRID)
        if not grid:
            raise self.layout_error(response, "no Legistar calendar grid (table.rgMasterTable#…gridCalendar…)")
        grid = grid[0]
        headers = [text_of(th).lower() for th in grid.xpath("./thead/tr[not(contains(@class, 'rgPager'))][last()]/th")]
        col = {h: i for i, h in enumerate(headers) if h}
        if "name" not in col or "meeting date" not in col:
            raise self.layout_error(response, f"the calendar has no Name / Meeting Date columns (found {headers})")
        out = []
        for row in grid.xpath("./tbody/tr[contains(@class, 'rgRow') or contains(@class, 'rgAltRow')]"):
            cells = row.xpath("./td")

            def cell(header: str) -> str:
                i = col.get(header)
                return text_of(cells[i]) if i is not None and i < len(cells) else ""

            links = []
            for header, i in col.items():
                if header in DOC_COLUMNS and i < len(cells):
                    links += [(DOC_COLUMNS[header], h) for h in cells[i].css("a::attr(href)").getall()
                              if h and not h.lower().startswith("javascript:")]
            details_href = cells[col["meeting details"]].css("a::attr(href)").get() \
                if "meeting details" in col and col["meeting details"] < len(cells) else None
            date_text = cell("meeting date")
            out.append(Meeting(
                body=self.body_or(cell("name"), ""), name=cell("name"), date=parse_day(date_text, ("%m/%d/%Y",)),
                date_text=date_text, links=links,
                details={"time": cell("meeting time") or None, "location": clean(cell("meeting location")) or None,
                         "details_url": response.urljoin(details_href) if details_href else None},
            ))
        return out

    # -- walking back --------------------------------------------------------------------------
    def more(self, response: TextResponse, meetings: list[Meeting]) -> Iterable[Request | None]:
        if response.meta.get("legistar_api"):
            if len(meetings) >= legistar_api.PAGE_SIZE:  # a full page: there may be more
                yield self.api_request(response.meta["window"], response.meta["skip"] + legistar_api.PAGE_SIZE)
            return
        year = response.meta.get("legistar_year")
        page = response.meta.get("legistar_page", 1)
        if year is None and (self.range.since or self.range.until):
            yield from self.years(response)  # the years' own pages stand in for the default view's
            return
        nxt = aspnet.next_page(response.xpath(_GRID) or response)
        if nxt:
            label = f"year={year}&page={page + 1}" if year else f"page={page + 1}"
            yield self.request(aspnet.action(response), self.parse_listing, listing=True,
                               form=aspnet.postback(response, nxt[0], **self.year_state(year)), form_label=label,
                               casefile_window_end=response.meta.get("casefile_window_end"),
                               legistar_year=year, legistar_page=page + 1)

    def years(self, response: TextResponse) -> Iterator[Request | None]:
        """A form post per year of the range that the calendar's year list offers."""
        offered = {int(t) for t in (clean(x) for x in response.xpath(f"{_YEARS}/text()").getall()) if t.isdigit()}
        if not offered:
            raise self.layout_error(response, "the calendar has no year list (lstYears): cannot walk back to `since`")
        for window in self.range.windows(self.today):
            if window.year not in offered:
                self.report.skipped.append(f"{response.url}: the calendar's year list has no {window.year}")
                continue
            yield self.window_request(aspnet.action(response), window, form=aspnet.postback(
                response, _YEARS_CONTROL, **self.year_state(window.year)), form_label=f"year={window.year}&page=1",
                legistar_year=window.year, legistar_page=1)

    @staticmethod
    def year_state(year: int | None) -> dict[str, str]:
        """The year list's client state, as the page's script would post it."""
        return {"ctl00_ContentPlaceHolder1_lstYears_ClientState": json.dumps({"value": str(year)})} if year else {}

