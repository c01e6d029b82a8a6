"""The Legistar Web API (`https://webapi.legistar.com/v1/{client}/events`), as the `legistar`
spider reads it.

Events are asked for by date range (and body), an OData query per year:
`$filter=EventDate ge datetime'2019-01-01' and EventDate lt datetime'2020-01-01'`,
1000 events a page (`$top`, then `$skip`), as python-legistar-scraper pages them. An event
carries its body (`EventBodyName`), date (`EventDate`, midnight), time, location, its agenda
and minutes files (`EventAgendaFile`, `EventMinutesFile`: PDFs on Legistar's file hosts, or
null), their status (`EventAgendaStatusName`, `EventMinutesStatusName`) and its page on the
calendar (`EventInSiteURL`).

The client is the calendar's subdomain (`chicago.legistar.com` -> `chicago`) unless the source
says `api = "https://webapi.legistar.com/v1/<client>"`; some clients need `api_token`.
`EventLastModifiedUtc` is not used to skip events: minutes are often published without moving
it (python-legistar-scraper's `api_events` says so), so settled years are replayed instead
(crawlers/spiders/history.py).
"""
from __future__ import annotations

from datetime import date, timedelta
from typing import Any
from urllib.parse import quote, urlencode, urlsplit

from crawlers.spiders.base import SourceConfigError
from crawlers.spiders.history import Window
from crawlers.spiders.meetings import Meeting, clean

PAGE_SIZE = 1000  # the API's largest page


def api_base(name: str, source: dict[str, Any], calendar_url: str) -> str | None:
    """The API's base URL for a source, or None when it has none (then only the calendar is read)."""
    api = source.get("api")
    if api is False:
        return None
    if isinstance(api, str):
        if not api.startswith(("http://", "https://")):
            raise SourceConfigError(f"source {name!r}: `api` must be the API's URL "
                                    "(https://webapi.legistar.com/v1/CLIENT) or false")
        return api.rstrip("/")
    if api is not None:
        raise SourceConfigError(f"source {name!r}: `api` must be the API's URL or false")
    host = urlsplit(calendar_url).hostname or ""
    parts = host.split(".")
    if len(parts) == 3 and parts[1:] == ["legistar", "com"] and parts[0] not in ("www", "webapi"):
        return f"https://webapi.legistar.com/v1/{parts[0]}"
    return None


def events_url(base: str, window: Window, bodies: list[str], token: str | None, skip: int = 0) -> str:
    """One page of the events of a window (and of the given bodies)."""
    conditions = [f"EventDate ge datetime'{window.start.isoformat()}'"]
    if window.end is not None:
        conditions.append(f"EventDate lt datetime'{(window.end + timedelta(days=1)).isoformat()}'")
    if bodies:
        names = " or ".join(f"EventBodyName eq '{b.replace(chr(39), chr(39) * 2)}'" for b in bodies)
        conditions.append(f"({names})")
    query = {"$filter": " and ".join(conditions), "$orderby": "EventId",  # a total order for $skip
             "$top": str(PAGE_SIZE), "$skip": str(skip)}
    if token:
        query["token"] = token
    return f"{base}/events?{urlencode(query, quote_via=quote, safe=chr(39) + ',')}"


def meeting(event: dict[str, Any], fallback_body: str | None) -> Meeting:
    body = clean(event.get("EventBodyName")) or fallback_body or ""
    date_text = str(event.get("EventDate") or "")
    try:
        day: date | None = date.fromisoformat(date_text[:10])
    except ValueError:
        day = None
    links = [(kind, href) for kind, key in (("agenda", "EventAgendaFile"), ("minutes", "EventMinutesFile"))
             if isinstance(href := event.get(key), str) and href.strip()]
    return Meeting(
        body=body, name=body, date=day, date_text=date_text, links=links,
        details={"time": clean(event.get("EventTime")) or None, "location": clean(event.get("EventLocation")) or None,
                 "details_url": event.get("EventInSiteURL") or None, "event_id": event.get("EventId"),
                 "agenda_status": event.get("EventAgendaStatusName"),
                 "minutes_status": event.get("EventMinutesStatusName"),
                 "comment": clean(event.get("EventComment")) or None},
    )
