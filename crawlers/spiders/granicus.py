"""`spider = "granicus"`: Granicus ViewPublisher pages (`https://CITY.granicus.com/ViewPublisher.php?view_id=N`).

Meetings are rows `tr.listingRow`, in an "upcoming events" table and in archive tables
(`table#archive`) inside collapsible panels whose tab names the body ("Board of Directors
Meetings"). A row's cells carry `headers="Name"` and `headers="Date …"`; the date reads
"Dec 13, 2017 - 09:03 AM" or "December 13, 2017 - 9:03 PM", or "In Progress" for a meeting
under way (then the crawl's day is its date, `doc_date_source = "fetch_time"`). Documents are
`AgendaViewer.php` (agenda) and `MinutesViewer.php` (minutes) links; rows without them are
upcoming meetings with nothing published yet. AgendaViewer may redirect to a file on another
host: add that host to the source's `allowed_domains`, or the redirect is refused and logged.
"""
from __future__ import annotations

import re

from scrapy.http import TextResponse

from crawlers.spiders.meetings import Meeting, MeetingSpider, clean, parse_day, text_of

_LINK_TYPES = ((re.compile(r"/(?:Generated)?AgendaViewer\.php", re.I), "agenda"),
               (re.compile(r"/MinutesViewer\.php", re.I), "minutes"),
               (re.compile(r"/AgendaPacket|[?&]packet", re.I), "packet"))
_FORMATS = ("%b %d, %Y", "%B %d, %Y")


class GranicusSpider(MeetingSpider):
    name = "granicus"
    spider = "granicus"
    title_from = "name"  # "Metra December 2017 Board Meeting — Agenda — …" says more than the panel

    def meetings(self, response: TextResponse) -> list[Meeting]:
        rows = response.xpath("//tr[contains(concat(' ', normalize-space(@class), ' '), ' listingRow ')]")
        if not rows:
            if response.css("table.listingTable"):
                return []  # the tables are there, with no meeting in them
            raise self.layout_error(response, "no Granicus meeting rows (table.listingTable tr.listingRow)")
        out = []
        for row in rows:
            name_cell = row.xpath("./td[starts-with(normalize-space(@headers), 'Name')]")
            date_cell = row.xpath("./td[starts-with(normalize-space(@headers), 'Date')]")
            if not name_cell or not date_cell:
                raise self.layout_error(response, "a meeting row has no Name or Date cell (td[headers])")
            name = text_of(name_cell[0])
            date_text = text_of(date_cell[0])
            in_progress = date_text.lower() == "in progress"
            day_part = date_text.split(" - ", 1)[0]
            time_part = date_text.split(" - ", 1)[1] if " - " in date_text else None
            duration = row.xpath("./td[starts-with(normalize-space(@headers), 'Duration')]")
            panel = row.xpath("ancestor::div[contains(@class, 'CollapsiblePanel')]"
                              "/div[contains(@class, 'CollapsiblePanelTab')][1]")
            out.append(Meeting(
                body=self.body_or(text_of(panel[-1]).lstrip("*").strip() if panel else None, name),
                name=name, date=None if in_progress else parse_day(day_part, _FORMATS),
                date_text=date_text, in_progress=in_progress,
                links=[(kind, href) for href in row.css("a::attr(href)").getall()
                       if (kind := link_type(href))],
                details={"time": clean(time_part) or None,
                         "duration": text_of(duration[0]) if duration else None},
            ))
        return out


def link_type(href: str) -> str | None:
    if href.lower().startswith("javascript:"):
        return None
    for pattern, kind in _LINK_TYPES:
        if pattern.search(href):
            return kind
    return None
