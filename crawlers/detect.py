"""Which meeting platform a page is, and the `[[sources]]` block that crawls it
(`casefile sources detect URL`).

A page is recognised by its address (`*.legistar.com`, `go.boarddocs.com/…/Board.nsf`,
`*.novusagenda.com`, `meetings.municode.com/PublishPage`, `*.primegov.com`,
`*.portal.civicclerk.com`, `*.granicus.com/ViewPublisher.php`, `/AgendaCenter`) or, when it is
served from a city's own domain, by the structure each spider reads (Legistar's calendar grid,
Granicus' listing rows, AgendaCenter rows, BoardDocs' committee list, NovusAGENDA's meetings
grid, Municode's meetings table). A city page that only embeds or links a platform (an iframe,
a link) names the platform page it points to.
"""
from __future__ import annotations

import json
import re
import urllib.error
import urllib.request
import urllib.robotparser
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from typing import Any
from urllib.parse import urljoin, urlsplit

from scrapy.http import HtmlResponse

from crawlers.spiders.boarddocs import app_url, committees

NAMES = {"legistar": "Legistar", "granicus": "Granicus ViewPublisher", "civicplus": "CivicPlus AgendaCenter",
         "boarddocs": "BoardDocs", "novusagenda": "NovusAGENDA", "municode": "Municode Meetings",
         "primegov": "PrimeGov", "civicclerk": "CivicClerk"}


class DetectError(Exception):
    """The page could not be read, or is no meeting platform casefile knows; worded for the user."""


@dataclass
class Detection:
    platform: str                     # the `spider` value
    start_url: str
    evidence: str                     # what gave it away
    options: dict[str, Any] = field(default_factory=dict)   # more keys of the source (committee, body)
    notes: list[str] = field(default_factory=list)

    def block(self, name: str | None = None, since: str | None = None) -> str:
        """The `[[sources]]` table to paste into case.toml."""
        name = name or f"{_place(self.start_url)}-{self.platform}"
        lines = ["[[sources]]", f"name = {json.dumps(name)}", f"spider = {json.dumps(self.platform)}",
                 f"start_urls = [{json.dumps(self.start_url)}]"]
        lines += [f"{key} = {json.dumps(value)}" for key, value in self.options.items()]
        lines.append(f"since = {json.dumps(since)}" if since else
                     '# since = "YYYY-MM-DD"    # how far back to crawl; without it, what the platform shows by default')
        return "\n".join(lines) + "\n"


def _place(url: str) -> str:
    """A short name for where a platform page is: the client's part of its address."""
    parts = urlsplit(url)
    host = parts.hostname or ""
    if "boarddocs.com" in host and len(bits := parts.path.strip("/").split("/")) >= 2:
        return bits[1].lower()  # go.boarddocs.com/mi/grand/Board.nsf -> grand
    if m := re.search(r"(?:^|&)cid=([^&]+)", parts.query):
        return m.group(1).lower()  # meetings.municode.com/PublishPage?cid=CLOVIS -> clovis
    labels = [x for x in host.split(".") if x not in ("www", "go", "meetings", "portal", "api")]
    return labels[0] if labels and not labels[0].isdigit() else "board"


# -- by address ------------------------------------------------------------------------------------
def by_address(url: str) -> Detection | None:
    parts = urlsplit(url)
    host, path = (parts.hostname or "").lower(), parts.path
    origin = f"{parts.scheme}://{parts.netloc}"
    if host.endswith(".legistar.com") and host.count(".") == 2:
        start = url if path.lower().endswith("calendar.aspx") else f"{origin}/Calendar.aspx"
        return Detection("legistar", start, f"{host} is a Legistar site")
    if "boarddocs.com" in host and (app := app_url(url)):
        return Detection("boarddocs", f"{app}/Public", f"{host} is BoardDocs")
    if host.endswith(".novusagenda.com"):
        return Detection("novusagenda", url, f"{host} is NovusAGENDA")
    if host == "meetings.municode.com" and "publishpage" in path.lower():
        return Detection("municode", url, "meetings.municode.com/PublishPage is a Municode Meetings publish page")
    if host.endswith(".primegov.com"):
        return Detection("primegov", f"{origin}/public/portal", f"{host} is PrimeGov")
    if host.endswith(".civicclerk.com") and host.count(".") == 3:
        portal = f"https://{host.split('.')[0]}.portal.civicclerk.com/"
        return Detection("civicclerk", portal, f"{host} is CivicClerk")
    if host.endswith(".granicus.com") and "viewpublisher.php" in path.lower():
        return Detection("granicus", url, f"{host}/ViewPublisher.php is a Granicus publisher page")
    if re.search(r"/AgendaCenter(/|$)", path, re.IGNORECASE):
        return Detection("civicplus", url, "/AgendaCenter is CivicPlus' agenda center")
    return None


# -- by structure ----------------------------------------------------------------------------------
def by_structure(page: HtmlResponse) -> Detection | None:
    for platform, test, evidence in _STRUCTURES:
        if test(page):
            found = Detection(platform, page.url, f"the page has {evidence}")
            if platform == "boarddocs":
                _committees(found, page)
            return found
    return None


_STRUCTURES: list[tuple[str, Callable[[HtmlResponse], Any], str]] = [
    ("legistar", lambda p: p.xpath("//table[contains(@class, 'rgMasterTable') and contains(@id, 'gridCalendar')]"),
     "Legistar's calendar grid (gridCalendar)"),
    ("novusagenda", lambda p: p.css("#SearchAgendasMeetings_radGridMeetings"), "NovusAGENDA's meetings grid"),
    ("granicus", lambda p: p.css("table.listingTable, tr.listingRow"), "Granicus' meeting listing (listingRow)"),
    ("civicplus", lambda p: p.css("tr.catAgendaRow"), "AgendaCenter's meeting rows (catAgendaRow)"),
    ("boarddocs", lambda p: p.css("a.committee-trigger[committeeid], select[name=committeeid]"),
     "BoardDocs' committee list"),
    ("municode", lambda p: p.css("table.div-table") and "municode" in p.text.lower(), "Municode Meetings' table"),
]


def _committees(found: Detection, page: HtmlResponse) -> None:
    named = committees(page)
    if app := app_url(found.start_url):
        found.start_url = f"{app}/Public"
    if len(named) == 1:
        [(cid, body)] = named.items()
        found.options.update({"committee": cid, "body": body})
    elif named:
        found.notes.append("committees: " + ", ".join(f"{cid} ({body})" for cid, body in named.items())
                           + "; without `committee` every one is crawled")


# -- embedded --------------------------------------------------------------------------------------
def embedded(page: HtmlResponse) -> Detection | None:
    """A platform page the page embeds (iframe) or links to."""
    for how, xpath in (("embeds", "//iframe/@src"), ("links to", "//a/@href")):
        for ref in page.xpath(xpath).getall():
            target = urljoin(page.url, ref.strip())
            if not target.startswith(("http://", "https://")) or \
                    urlsplit(target).hostname == urlsplit(page.url).hostname:
                continue
            found = by_address(target)
            if found is not None:
                found.evidence = f"the page {how} {target} ({found.evidence})"
                return found
    return None


def detect_page(page: HtmlResponse) -> Detection | None:
    """The platform of a fetched page: by its address, its structure, or a platform page it embeds."""
    found = by_address(page.url) or by_structure(page) or embedded(page)
    if found is not None and found.platform == "boarddocs" and "committee" not in found.options:
        _committees(found, page)
    return found


def check_since(since: str | None) -> None:
    if since is not None:
        try:
            date.fromisoformat(since)
        except ValueError:
            raise DetectError(f"--since must be a date, YYYY-MM-DD, not {since!r}") from None


# -- fetching the page -------------------------------------------------------------------------------
def fetch(url: str, *, user_agent: str, timeout: float, max_bytes: int, obey_robots: bool) -> HtmlResponse:
    """One GET of the page (after robots.txt, when obeyed); what it answered, for detect_page."""
    if not url.startswith(("http://", "https://")):
        raise DetectError(f"{url!r} is not an http(s) URL")
    if obey_robots:
        robots = urllib.robotparser.RobotFileParser(urljoin(url, "/robots.txt"))
        try:
            robots.read()
            allowed = robots.can_fetch(user_agent, url)
        except (urllib.error.URLError, OSError):
            allowed = True  # no robots.txt could be read: allowed, as Scrapy treats it
        if not allowed:
            raise DetectError(f"{url}: robots.txt does not allow it (the setting obey_robots)")
    request = urllib.request.Request(url, headers={"User-Agent": user_agent, "Accept": "text/html,*/*"})
    try:
        with urllib.request.urlopen(request, timeout=timeout) as answer:  # noqa: S310 (http(s) checked above)
            body = answer.read(max_bytes + 1)
            final, ctype = answer.geturl(), answer.headers.get("Content-Type", "")
    except urllib.error.HTTPError as exc:
        raise DetectError(f"{url}: HTTP {exc.code} {exc.reason}") from None
    except (urllib.error.URLError, OSError, ValueError) as exc:
        raise DetectError(f"{url}: {getattr(exc, 'reason', exc)}") from None
    if len(body) > max_bytes:
        raise DetectError(f"{url}: larger than {max_bytes} bytes")
    return HtmlResponse(url=final, body=body, headers={"Content-Type": ctype} if ctype else None)


def detect_url(url: str, *, user_agent: str, timeout: float = 60, max_bytes: int = 20 * 2**20,
               obey_robots: bool = True) -> Detection:
    page = fetch(url, user_agent=user_agent, timeout=timeout, max_bytes=max_bytes, obey_robots=obey_robots)
    found = detect_page(page)
    if found is None:
        raise DetectError(f"{url}: no meeting platform casefile knows ({', '.join(NAMES.values())}); "
                          "a page of links is the `listing` spider")
    return found
