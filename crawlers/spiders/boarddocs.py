"""`spider = "boarddocs"`: BoardDocs (`https://go.boarddocs.com/<state>/<site>/Board.nsf/Public`),
used by school boards and many county boards.

The public page is an application; its meetings come from `BD-GetMeetingsList?open`, posted
with the committee (`current_committee_id=<id>`), as JSON: one object per meeting, newest
first, with `unique` (the meeting's id), `name` and `numberdate` (YYYYMMDD); the list ends
with an empty object on some sites. The committee is the source's `committee` option, else
every committee the public page offers (`a.committee-trigger[committeeid]`, named by its
`aria-label`, which becomes the meeting's body; with `committee` given, the body is the
source's `body`, else "BoardDocs <state>/<site>").

Documents per meeting: the detailed agenda, `PRINT-AgendaDetailed?open&id=<meeting>&
current_committee_id=<committee>` (HTML, item texts included), and for a past meeting its
minutes, `BD-GetMinutes?open&id=...` (HTML; empty when none are posted: noted, not a
failure). The public app posts the same fields; casefile sends them in the query string so
each document has an address of its own. The meeting's public link is `goto?open&id=<meeting>`.
Every meeting of a committee comes in one list, so `since`/`until` choose which are fetched.
"""
from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import datetime
from typing import Any
from urllib.parse import urlencode

from scrapy.http import Request, Response, TextResponse

from crawlers.items import DocumentItem
from crawlers.spiders.base import SourceConfigError, as_strings
from crawlers.spiders.meetings import Meeting, MeetingSpider, clean

_APP = re.compile(r"^(https?://[^/]+/.+?/board\.nsf)(?:/|$)", re.IGNORECASE)


def app_url(url: str) -> str | None:
    """`https://go.boarddocs.com/mi/grand/Board.nsf` from any URL inside that application."""
    m = _APP.match(url)
    return m.group(1) if m else None


def committees(response: TextResponse) -> dict[str, str]:
    """The public page's committees: id -> name."""
    out: dict[str, str] = {}
    for a in response.css("a.committee-trigger[committeeid]"):
        out.setdefault(a.attrib["committeeid"], clean(a.attrib.get("aria-label")) or clean(a.css("::text").get()))
    for option in response.css("select[name=committeeid] option[value]"):
        out.setdefault(option.attrib["value"], clean(option.css("::text").get()))
    return {k: v for k, v in out.items() if k}


class BoardDocsSpider(MeetingSpider):
    name = "boarddocs"
    spider = "boarddocs"
    title_from = "name"
    platform_hosts = ("boarddocs.com",)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.app = app_url(self.urls[0])
        if not self.app:
            raise SourceConfigError(f"source {self.name!r}: a BoardDocs URL looks like "
                                    "https://go.boarddocs.com/STATE/SITE/Board.nsf/Public")
        given = self.source.get("committee")
        self.committees = {c: "" for c in as_strings(self.name, "committee", given)} if given else {}

    def start_requests_for_source(self) -> list[Request]:
        if self.committees:
            return [r for c in self.committees if (r := self.list_request(c))]
        return [r for r in [self.request(self.urls[0], self.parse_public, listing=True)] if r]

    def parse_public(self, response: Response) -> Iterator[Any]:
        if not isinstance(response, TextResponse) or not (found := committees(response)):
            raise self.layout_error(response, "no committee on the BoardDocs public page "
                                    "(a.committee-trigger[committeeid]): set the source's `committee`")
        self.listing_read(response)
        self.committees = found
        for committee in found:
            yield from self.ask(self.list_request(committee))

    def list_request(self, committee: str) -> Request | None:
        return self.request(f"{self.app}/BD-GetMeetingsList?open", self.parse_listing, listing=True,
                            form={"current_committee_id": committee}, form_label=f"committee={committee}",
                            committee=committee)

    def meetings(self, response: TextResponse) -> list[Meeting]:
        listed = self.json(response)
        if not isinstance(listed, list):
            raise self.layout_error(response, "BD-GetMeetingsList did not answer a list of meetings")
        committee = response.meta["committee"]
        body = self.committees.get(committee) or self.body or f"BoardDocs {'/'.join(self.app.split('/')[-3:-1])}"
        out = []
        for m in listed:
            if not isinstance(m, dict) or not m.get("unique"):
                continue  # the list's empty objects
            date_text = str(m.get("numberdate") or "")
            try:
                day = datetime.strptime(date_text, "%Y%m%d").date()
            except ValueError:
                day = None
            ids = urlencode({"id": m["unique"], "current_committee_id": committee})
            links = [("agenda", f"{self.app}/PRINT-AgendaDetailed?open&{ids}")]
            if day is not None and day <= self.today:
                links.append(("minutes", f"{self.app}/BD-GetMinutes?open&{ids}"))
            out.append(Meeting(
                body=body, name=clean(m.get("name")) or body, date=day, date_text=date_text, links=links,
                details={"details_url": f"{self.app}/goto?open&id={m['unique']}", "meeting_id": m["unique"],
                         "committee_id": committee},
            ))
        return out

    def parse_document(self, response: Response) -> Iterator[DocumentItem]:
        if response.meta["doc_type"] == "minutes" and not response.body.strip():
            self.report.skipped.append(f"{response.url}: no minutes posted")
            return iter(())
        return super().parse_document(response)
