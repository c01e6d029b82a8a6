"""`spider = "legistar"`: Legistar's meeting calendar (`https://CITY.legistar.com/Calendar.aspx`).

The calendar is a Telerik grid (`table.rgMasterTable`, id ending `gridCalendar_ctl00`) whose
header names the columns: `Name` (the body), `Meeting Date` (M/D/YYYY), `Meeting Time`,
`Meeting Location`, `Meeting Details`, then one column per document (`Agenda`, `Minutes`,
`Notice`, `Summary`, `Agenda Packet`...), "Not available" when there is none. Columns are
found by their header, so a city's extra or missing columns do not shift anything.
Documents are served from the city's host or Legistar's media hosts.

The grid shows the page's current filter (this year, by default); earlier years need their own
start URL only when the city publishes one — Legistar's year filter is a form post.
"""
from __future__ import annotations

from scrapy.http import TextResponse

from crawlers.spiders.meetings import Meeting, MeetingSpider, clean, parse_day, text_of

# Column header (lower case) -> document type.
DOC_COLUMNS = {
    "agenda": "agenda", "published agenda": "agenda", "minutes": "minutes", "published minutes": "minutes",
    "agenda packet": "packet", "packet": "packet", "notice": "notice", "meeting notice": "notice",
    "summary": "summary",
}
_GRID = "//table[contains(@class, 'rgMasterTable') and contains(@id, 'gridCalendar')]"


class LegistarSpider(MeetingSpider):
    name = "legistar"
    spider = "legistar"
    platform_hosts = ("media.legistar.com", "legistar.granicus.com", "legistar1.granicus.com",
                      "legistar2.granicus.com", "legistar3.granicus.com")

    def meetings(self, response: TextResponse) -> list[Meeting]:
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
