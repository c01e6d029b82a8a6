"""`spider = "civicclerk"`: CivicClerk portals (`https://TENANT.portal.civicclerk.com/`).

The portal is an application over an OData API, `https://TENANT.api.civicclerk.com/v1/Events`,
asked here for one year of the range at a time (`$filter=startDateTime ge 2019-01-01 and
startDateTime lt 2020-01-01`), following `@odata.nextLink` for more. An event has
`eventName`, `startDateTime` (the local time, though it ends in "Z"), `categoryName` (the
body), `eventLocation` and `publishedFiles`: `type` ("Agenda", "Agenda Packet", "Minutes",
"Other"...), `name` and `fileId`. A file is `/v1/Meetings/GetMeetingFileStream(fileId=N,
plainText=false)` on the API host; the event's page is `/event/<id>` on the portal.
"""
from __future__ import annotations

from collections.abc import Iterable
from datetime import date, timedelta
from typing import Any
from urllib.parse import quote, urlsplit

from scrapy.http import Request, TextResponse

from crawlers.spiders.base import SourceConfigError
from crawlers.spiders.history import Window
from crawlers.spiders.meetings import Meeting, MeetingSpider, clean

FILE_TYPES = {"agenda": "agenda", "agenda packet": "packet", "packet": "packet", "minutes": "minutes",
              "notice": "notice", "meeting notice": "notice", "summary": "summary"}


class CivicClerkSpider(MeetingSpider):
    name = "civicclerk"
    spider = "civicclerk"
    title_from = "name"

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        parts = urlsplit(self.urls[0])
        host = parts.hostname or ""
        api = self.source.get("api")
        if isinstance(api, str):
            self.api = api.rstrip("/")
        elif host.endswith(".civicclerk.com") and len(host.split(".")) == 4:
            self.api = f"https://{host.split('.')[0]}.api.civicclerk.com/v1"
        else:
            raise SourceConfigError(f"source {self.name!r}: a CivicClerk portal looks like "
                                    "https://TENANT.portal.civicclerk.com/ (or set `api`)")
        self.portal = f"{parts.scheme}://{parts.netloc}"
        self.allow(self.api)

    def start_requests_for_source(self) -> list[Request]:
        return [r for w in self.range.windows(self.today) if (r := self.window_request(self.events_url(w), w))]

    def events_url(self, window: Window) -> str:
        end = window.end + timedelta(days=1) if window.end else date(window.year + 2, 1, 1)
        where = f"startDateTime ge {window.start.isoformat()} and startDateTime lt {end.isoformat()}"
        return f"{self.api}/Events?$filter={quote(where)}&$orderby={quote('startDateTime desc')}"

    def meetings(self, response: TextResponse) -> list[Meeting]:
        answer = self.json(response)
        events = answer.get("value") if isinstance(answer, dict) else None
        if not isinstance(events, list):
            raise self.layout_error(response, "the CivicClerk API did not answer {\"value\": [events]}")
        out = []
        for e in events:
            if not isinstance(e, dict) or e.get("isDeleted"):
                continue
            date_text = str(e.get("startDateTime") or "")
            try:
                day = date.fromisoformat(date_text[:10])
            except ValueError:
                day = None
            place = e.get("eventLocation") or {}
            location = ", ".join(clean(place.get(k)) for k in ("name", "address1", "address2", "city", "state")
                                 if clean(place.get(k))) if isinstance(place, dict) else ""
            out.append(Meeting(
                body=self.body_or(e.get("categoryName"), clean(e.get("eventName"))), name=clean(e.get("eventName")),
                date=day, date_text=date_text, links=self.links(e.get("publishedFiles") or []),
                details={"time": date_text[11:16] or None, "location": location or None,
                         "details_url": f"{self.portal}/event/{e.get('id')}", "event_id": e.get("id")},
            ))
        return out

    def links(self, files: list[dict[str, Any]]) -> list[tuple[str, str]]:
        return [(FILE_TYPES[kind], f"{self.api}/Meetings/GetMeetingFileStream(fileId={f['fileId']},plainText=false)")
                for f in files if isinstance(f, dict) and f.get("fileId") is not None
                and (kind := clean(f.get("type")).lower()) in FILE_TYPES]

    def more(self, response: TextResponse, meetings: list[Meeting]) -> Iterable[Request | None]:
        nxt = self.json(response).get("@odata.nextLink")
        if isinstance(nxt, str) and nxt:
            yield self.request(response.urljoin(nxt), self.parse_listing, listing=True,
                               casefile_window_end=response.meta.get("casefile_window_end"))
