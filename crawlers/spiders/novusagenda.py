"""`spider = "novusagenda"`: NovusAGENDA (`https://CITY.novusagenda.com/agendapublic/
meetingsgeneral.aspx?MeetingType=1&Date=6ms`), a Granicus product many counties use.

Meetings are a Telerik grid (`div#SearchAgendasMeetings_radGridMeetings table.rgMasterTable`)
whose header names the columns: `Meeting Date` (MM/DD/YY), `Meeting Type` (the body),
`Meeting Location`, `Online Agenda` (an HTML view opened by script), `Download Agenda`
(`DisplayAgendaPDF.ashx?MeetingID=N`), `Minutes Recap` and `Legal Minutes`
(`DisplayAgendaPDF.ashx?MinutesMeetingID=N`). The HTML view stands in for an agenda only when
there is no PDF.

The page shows a date span (`Date=6ms`: six months around today). With `since` (or `until`)
the page's own search form is posted once per year of the range, as a browser would after
choosing "Custom Date Range" (`ddlDateRange = cus`, `radCalendarFrom`/`radCalendarTo`) and
pressing Search, keeping the page's meeting type; a result's further pages are followed
through its pager (crawlers/spiders/aspnet.py).
"""
from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import date, timedelta
from typing import Any

from scrapy.http import Request, TextResponse

from crawlers.spiders import aspnet
from crawlers.spiders.history import Window
from crawlers.spiders.meetings import Meeting, MeetingSpider, clean, parse_day, text_of

_GRID = "//div[@id='SearchAgendasMeetings_radGridMeetings']//table[contains(@class, 'rgMasterTable')][1]"
_OPEN = re.compile(r"window\.open\(\s*'([^']+)'")
# Column header (lower case) -> document type; "online agenda" is the HTML view of the agenda.
COLUMNS = {"download agenda": "agenda", "legal minutes": "minutes", "minutes recap": "summary",
           "minutes": "minutes", "agenda packet": "packet"}
_FIELD = "SearchAgendasMeetings$"


class NovusAgendaSpider(MeetingSpider):
    name = "novusagenda"
    spider = "novusagenda"

    def meetings(self, response: TextResponse) -> list[Meeting]:
        grid = response.xpath(_GRID)
        if not grid:
            raise self.layout_error(response, "no NovusAGENDA meetings grid (#SearchAgendasMeetings_radGridMeetings)")
        headers = [text_of(th).lower() for th in grid[0].xpath("./thead/tr[not(contains(@class, 'rgPager'))][last()]/th")]
        col = {h: i for i, h in enumerate(headers) if h}
        if "meeting date" not in col:
            raise self.layout_error(response, f"the meetings grid has no Meeting Date column (found {headers})")
        out = []
        for row in grid[0].xpath("./tbody/tr[contains(@class, 'rgRow') or contains(@class, 'rgAltRow')]"):
            cells = row.xpath("./td")

            def cell(header: str) -> Any:
                i = col.get(header)
                return cells[i] if i is not None and i < len(cells) else None

            links = [(kind, href) for header, kind in COLUMNS.items() if (c := cell(header)) is not None
                     for href in c.css("a::attr(href)").getall() if not href.lower().startswith("javascript:")]
            view = cell("online agenda")
            if view is not None and not any(kind == "agenda" for kind, _ in links):
                links += [("agenda", m.group(1)) for m in map(_OPEN.search, view.css("a::attr(onclick)").getall()) if m]
            date_text = text_of(cell("meeting date")) if cell("meeting date") is not None else ""
            kind = text_of(cell("meeting type")) if cell("meeting type") is not None else ""
            out.append(Meeting(
                body=self.body_or(kind, ""), name=kind or self.body or "", links=links,
                date=parse_day(date_text, ("%m/%d/%y", "%m/%d/%Y")), date_text=date_text,
                details={"location": clean(text_of(cell("meeting location"))) or None
                         if cell("meeting location") is not None else None},
            ))
        return out

    def more(self, response: TextResponse, meetings: list[Meeting]) -> Iterable[Request | None]:
        window: Window | None = response.meta.get("novus_window")
        if window is None and (self.range.since or self.range.until):
            for w in self.range.windows(self.today):
                yield self.search(response, w)
        grid = response.xpath(_GRID)
        nxt = aspnet.next_page(grid[0]) if grid else None
        if nxt and (window is not None or not (self.range.since or self.range.until)):
            page = response.meta.get("page", 1) + 1
            label = f"{window.label()}&page={page}" if window else f"page={page}"
            yield self.request(aspnet.action(response), self.parse_listing, listing=True, form_label=label,
                               form=aspnet.postback(response, nxt[0]), novus_window=window, page=page,
                               casefile_window_end=window.end if window else None)

    def search(self, response: TextResponse, window: Window) -> Request | None:
        """The page's search form, posted for a custom date range: one window of the walk back."""
        end = window.end or self.today + timedelta(days=365)
        fields = aspnet.form_fields(response)
        fields.update({
            "__EVENTTARGET": "", "__EVENTARGUMENT": "",
            f"{_FIELD}ddlDateRange": "cus",
            f"{_FIELD}radCalendarFrom": window.start.isoformat(), f"{_FIELD}radCalendarTo": end.isoformat(),
            f"{_FIELD}radCalendarFrom$dateInput": short(window.start),
            f"{_FIELD}radCalendarTo$dateInput": short(end),
            f"{_FIELD}imageButtonSearch.x": "10", f"{_FIELD}imageButtonSearch.y": "10",
        })
        return self.window_request(aspnet.action(response), window, form=fields,
                                   form_label=f"{window.label()}&page=1", novus_window=window, page=1)


def short(day: date) -> str:
    """M/D/YYYY, as the date pickers show a date."""
    return f"{day.month}/{day.day}/{day.year}"
