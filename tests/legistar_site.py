"""A Legistar-like site on 127.0.0.1 for the history-walk tests (tests/test_crawl_history.py).

`Calendar.aspx` answers a GET with the current year's first page, and a form post the way an
ASP.NET page does: the year list (`__EVENTTARGET = ctl00$ContentPlaceHolder1$lstYears` with the
year in `ctl00_ContentPlaceHolder1_lstYears_ClientState`) or a page number of the grid's
Telerik pager (`__EVENTTARGET` from the page link's `__doPostBack`), each carrying the
`__VIEWSTATE` of the page it came from; a post without the page's state is an error 500, as
on a real WebForms site. The markup copies the real calendar's (the grid of
tests/fixtures/listings/legistar_chicago_events.html, its lstYears drop-down, a Telerik pager
as on tests/fixtures/listings/fre_dinuba_city_council.html). Every year has three pages of
two meetings (on the 10th of every other month); each meeting links an agenda and, once past,
minutes, served as small PDFs with an ETag. `/v1/loopcity/events` answers like the Legistar
Web API (`$filter` on EventDate, `$top`, `$skip`), its files' links marked `&via=api`; `/v1/locked/events` answers 403, as the
API does for a client that needs a token.
"""
from __future__ import annotations

import base64
import json
import re
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, unquote, urlsplit

PER_PAGE = 2
PAGES = 3
BODIES = ("Board of Social Services", "Finance Committee")
YEARS_CONTROL = "ctl00$ContentPlaceHolder1$lstYears"
PAGER = "ctl00$ContentPlaceHolder1$gridCalendar$ctl00$ctl02$ctl00$ctl{:02d}"
VALIDATION = "loopback-event-validation"
API_MARK = "&via=api"  # the API's links differ from the calendar's, so two sources never share a file


def meetings(year: int) -> list[dict[str, object]]:
    """The year's six meetings (the 10th of every other month), newest first as the calendar lists them."""
    return [{"id": year * 100 + month, "date": date(year, month, 10), "body": BODIES[month // 2 % 2]}
            for month in range(12, 0, -2)]


def all_meetings(today: date) -> list[dict[str, object]]:
    return [m for year in (today.year, today.year - 1, today.year - 2) for m in meetings(year)]


def documents(meeting: dict[str, object], today: date) -> list[tuple[str, str]]:
    """(type, path) of a meeting's documents: an agenda, and minutes once it is past."""
    out = [("agenda", f"/View.ashx?M=A&ID={meeting['id']}")]
    if meeting["date"] < today:  # type: ignore[operator]
        out.append(("minutes", f"/View.ashx?M=M&ID={meeting['id']}"))
    return out


def _state(year: int, page: int) -> str:
    return base64.b64encode(json.dumps({"year": year, "page": page}).encode()).decode()


def calendar_page(year: int, page: int, today: date) -> str:
    rows = meetings(year)[(page - 1) * PER_PAGE: page * PER_PAGE]
    current = ' class="rgCurrentPage" onclick="return false;"'
    pager = "".join(
        f'<a{current if n == page else ""} '
        f'href="javascript:__doPostBack(&#39;{PAGER.format(1 + 2 * n)}&#39;,&#39;&#39;)"><span>{n}</span></a>'
        for n in range(1, PAGES + 1))
    body = []
    for i, m in enumerate(rows):
        links = dict(documents(m, today))
        cells = [f'<td><a href="DepartmentDetail.aspx?ID={m["id"]}">{m["body"]}</a></td>',
                 f'<td>{m["date"].month}/{m["date"].day}/{m["date"].year}</td>',  # type: ignore[attr-defined]
                 "<td>6:00 PM</td>", "<td>County Building, Room 101</td>",
                 f'<td><a href="MeetingDetail.aspx?ID={m["id"]}">Meeting&nbsp;details</a></td>']
        for kind in ("agenda", "minutes"):
            cells.append(f'<td><a href="{links[kind]}">{kind.capitalize()}</a></td>' if kind in links
                         else "<td>Not&nbsp;available</td>")
        body.append(f'<tr class="{"rgRow" if i % 2 == 0 else "rgAltRow"}">{"".join(cells)}</tr>')
    years = "".join(f'<li class="rcbItem">{y}</li>' for y in range(today.year, today.year - 6, -1))
    return f"""<!DOCTYPE html><html><head><title>Loopback County - Calendar</title></head><body>
<form name="aspnetForm" method="post" action="./Calendar.aspx" id="aspnetForm">
<input type="hidden" name="__EVENTTARGET" id="__EVENTTARGET" value="" />
<input type="hidden" name="__EVENTARGUMENT" id="__EVENTARGUMENT" value="" />
<input type="hidden" name="__VIEWSTATE" id="__VIEWSTATE" value="{_state(year, page)}" />
<input type="hidden" name="__EVENTVALIDATION" id="__EVENTVALIDATION" value="{VALIDATION}" />
<div id="ctl00_ContentPlaceHolder1_lstYears" class="RadComboBox RadComboBox_Default">
<input name="{YEARS_CONTROL}" type="text" class="rcbInput" id="ctl00_ContentPlaceHolder1_lstYears_Input" value="{year}" disabled>
<div id="ctl00_ContentPlaceHolder1_lstYears_DropDown" class="RadComboBoxDropDown" style="display:none;">
<ul class="rcbList"><li class="rcbItem">All Years</li>{years}<li class="rcbItem">This Month</li></ul></div>
<input id="ctl00_ContentPlaceHolder1_lstYears_ClientState" name="ctl00_ContentPlaceHolder1_lstYears_ClientState" type="hidden"></div>
<div id="ctl00_ContentPlaceHolder1_MultiPageCalendar">
<table class="rgMasterTable" id="ctl00_ContentPlaceHolder1_gridCalendar_ctl00">
<thead><tr class="rgPager"><td colspan="7"><div class="rgWrap rgNumPart">{pager}</div></td></tr>
<tr><th class="rgHeader">Name</th><th class="rgHeader">Meeting Date</th><th class="rgHeader">Meeting Time</th>
<th class="rgHeader">Meeting Location</th><th class="rgHeader">Meeting Details</th><th class="rgHeader">Agenda</th>
<th class="rgHeader">Minutes</th></tr></thead>
<tbody>{"".join(body)}</tbody></table></div></form></body></html>"""


def api_events(query: str, today: date) -> list[dict[str, object]]:
    params = parse_qs(query)
    where = unquote(params.get("$filter", [""])[0])
    lo = re.search(r"EventDate ge datetime'([\d-]+)'", where)
    hi = re.search(r"EventDate lt datetime'([\d-]+)'", where)
    found = [m for m in all_meetings(today)
             if (not lo or m["date"] >= date.fromisoformat(lo.group(1)))  # type: ignore[operator]
             and (not hi or m["date"] < date.fromisoformat(hi.group(1)))]  # type: ignore[operator]
    found.sort(key=lambda m: m["id"])  # type: ignore[arg-type, return-value]
    skip, top = int(params.get("$skip", ["0"])[0]), int(params.get("$top", ["1000"])[0])
    return [{"EventId": m["id"], "EventBodyName": m["body"], "EventDate": f"{m['date']}T00:00:00",
             "EventTime": "6:00 PM", "EventLocation": "County Building, Room 101",
             "EventAgendaFile": None, "EventMinutesFile": None, "_docs": documents(m, today)}
            for m in found[skip: skip + top]]


class Site(BaseHTTPRequestHandler):
    today = date.today()
    base = ""
    log: list[tuple[str, str]] = []   # (method, path) of every request, for the tests

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002
        pass

    def _send(self, status: int, ctype: str, body: bytes, headers: dict[str, str] | None = None) -> None:
        self.send_response(status)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(body)))
        for k, v in (headers or {}).items():
            self.send_header(k, v)
        self.end_headers()
        self.wfile.write(body)

    def do_GET(self) -> None:  # noqa: N802
        self.log.append(("GET", self.path))
        path, _, query = self.path.partition("?")
        if path == "/robots.txt":
            self._send(404, "text/plain", b"")
        elif path == "/Calendar.aspx":
            self._send(200, "text/html; charset=utf-8", calendar_page(self.today.year, 1, self.today).encode())
        elif path == "/View.ashx":
            etag = f'"{query}"'
            if self.headers.get("If-None-Match") == etag:
                self._send(304, "application/pdf", b"", {"ETag": etag})
            else:
                port = self.server.server_address[1]  # two sites never serve the same bytes
                self._send(200, "application/pdf", f"%PDF-1.4 {port} {query}".encode(), {"ETag": etag})
        elif path == "/v1/loopcity/events":
            events = api_events(query, self.today)
            for e in events:
                for kind, doc in e.pop("_docs"):  # type: ignore[attr-defined]
                    e["EventAgendaFile" if kind == "agenda" else "EventMinutesFile"] = self.base + doc + API_MARK
            self._send(200, "application/json; charset=utf-8", json.dumps(events).encode())
        elif path == "/v1/locked/events":
            self._send(403, "application/json", b'{"Message":"Token is required"}')
        else:
            self._send(404, "text/html", b"not found")

    def do_POST(self) -> None:  # noqa: N802
        size = int(self.headers.get("Content-Length") or 0)
        form = {k: v[0] for k, v in parse_qs(self.rfile.read(size).decode(), keep_blank_values=True).items()}
        self.log.append(("POST", f"{self.path} {form.get('__EVENTTARGET')}"))
        if urlsplit(self.path).path != "/Calendar.aspx" or form.get("__EVENTVALIDATION") != VALIDATION:
            self._send(500, "text/html", b"Invalid postback or callback argument")
            return
        try:
            state = json.loads(base64.b64decode(form["__VIEWSTATE"]))
        except (KeyError, ValueError):
            self._send(500, "text/html", b"The state information is invalid for this page")
            return
        target = form.get("__EVENTTARGET", "")
        if target == YEARS_CONTROL:
            year, page = int(json.loads(form["ctl00_ContentPlaceHolder1_lstYears_ClientState"])["value"]), 1
        elif target.startswith(PAGER[:-6]):
            year, page = state["year"], (int(target[-2:]) - 1) // 2
        else:
            self._send(500, "text/html", b"unknown event target")
            return
        self._send(200, "text/html; charset=utf-8", calendar_page(year, page, self.today).encode())


@contextmanager
def serve(today: date) -> Iterator[str]:
    """The site on 127.0.0.1 (its base URL) until the block ends."""
    handler = type("LoopbackSite", (Site,), {"today": today, "log": []})
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    handler.base = f"http://127.0.0.1:{server.server_address[1]}"
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    try:
        yield handler.base
    finally:
        server.shutdown()
        server.server_close()
