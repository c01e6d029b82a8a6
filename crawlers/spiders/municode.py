"""`spider = "municode"`: Municode Meetings publish pages
(`https://meetings.municode.com/PublishPage?cid=CITY&ppid=<guid>&p=1`), often embedded in a
city's site.

Meetings are rows of `table.div-table`, newest first, their cells classed by column: `meeting`
(the meeting's name), `date` (M/D/YYYY), `time`, `venue`, then `agenda`, `packet`, `minutes`
with a link each when published (`https://meetings.municode.com/d/f?u=<file on
mccmeetings.blob.core.usgovcloudapi.net>&n=<name>`, which redirects to the file) and
`multimedia` (video, not stored). The page's pager is a list of page numbers (`p=1..N`).

Without `since` the start page is read; with it, the following pages too, until a page's
oldest meeting is older than `since` or the last page.
"""
from __future__ import annotations

import re
from collections.abc import Iterable
from urllib.parse import parse_qsl, urlencode, urlsplit

from scrapy.http import Request, TextResponse

from crawlers.spiders.meetings import Meeting, MeetingSpider, clean, parse_day, text_of

DOC_CELLS = {"agenda": "agenda", "packet": "packet", "minutes": "minutes"}


def cell_class(td: object) -> str:
    """The column a cell belongs to: its class after `div-table-col` (`date`, `agenda`...)."""
    classes = (td.attrib.get("class") or "").split()  # type: ignore[attr-defined]
    names = [c for c in classes if c not in ("div-table-col", "med", "dark")]
    return names[0] if names else ""


def page_url(url: str, page: int) -> str:
    parts = urlsplit(url)
    query = [(k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True) if k.lower() != "p"]
    return parts._replace(query=urlencode([*query, ("p", str(page))], safe="")).geturl()


class MunicodeSpider(MeetingSpider):
    name = "municode"
    spider = "municode"
    title_from = "name"
    platform_hosts = ("meetings.municode.com", "mccmeetings.blob.core.usgovcloudapi.net")

    def meetings(self, response: TextResponse) -> list[Meeting]:
        table = response.css("table.div-table")
        if not table:
            raise self.layout_error(response, "no Municode Meetings table (table.div-table)")
        out = []
        for row in table[0].xpath(".//tr[td]"):
            cells = {cell_class(td): td for td in row.xpath("./td")}
            if "date" not in cells:
                raise self.layout_error(response, "a meeting row has no date cell (td.div-table-col.date)")
            name = text_of(cells["meeting"]) if "meeting" in cells else ""
            date_text = text_of(cells["date"])
            links = [(kind, href) for column, kind in DOC_CELLS.items() if column in cells
                     for href in cells[column].css("a::attr(href)").getall()]
            out.append(Meeting(
                body=self.body_or(None, name), name=name or self.body or "", links=links,
                date=parse_day(date_text, ("%m/%d/%Y",)), date_text=date_text,
                details={"time": text_of(cells["time"]) if "time" in cells else None,
                         "location": clean(text_of(cells["venue"])) or None if "venue" in cells else None},
            ))
        return out

    def more(self, response: TextResponse, meetings: list[Meeting]) -> Iterable[Request | None]:
        if self.range.since is None:
            return
        dates = [m.date for m in meetings if m.date]
        if not dates or min(dates) < self.range.since:
            return  # this page reaches back past `since` (or holds no meeting): the walk ends here
        current = int(dict(parse_qsl(urlsplit(response.url).query)).get("p", "1") or 1)
        pages = [int(p) for p in re.findall(r"\d+", " ".join(response.css(
            "select[id='agendapal.page.dropbox'] option::attr(value)").getall()))]
        if current < max(pages, default=current):
            yield self.request(page_url(response.url, current + 1), self.parse_listing, listing=True)
