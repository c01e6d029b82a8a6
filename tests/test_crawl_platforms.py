"""Meeting-platform spiders on saved real pages (tests/fixtures/listings, provenance in
tests/fixtures/SOURCES.md): no network, no reactor, time frozen by passing `now`.

Expected values were read off the saved HTML, not produced by the spiders: each test checks
one field of one document.
"""
from __future__ import annotations

import json
import os
import subprocess
import sys
import threading
from datetime import date, datetime, timezone
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import duckdb
import pytest
from scrapy.http import HtmlResponse, Request

from crawlers.items import DocumentItem
from crawlers.report import CrawlContext
from crawlers.spiders import LayoutError, SourceConfigError
from tests import platform_pages
from tests.platform_pages import context, field  # noqa: F401 (context is a fixture)

ROOT = Path(__file__).resolve().parents[1]
PAGES = ROOT / "tests" / "fixtures" / "listings"
NOW = datetime(2025, 12, 9, 10, 0, tzinfo=timezone.utc)  # "today" for the Tulsa page's "In Progress"

LAS_CRUCES = ("https://nm-lascruces.civicplus.com/AgendaCenter/Search/?term=&CIDs=all"
              "&startDate=11/08/2020&endDate=12/15/2020&dateRange=&dateSelector=")
CHICAGO = "https://chicago.legistar.com/Calendar.aspx"
TULSA = "https://tulsa-ok.granicus.com/ViewPublisher.php?view_id=4"
METRA = "http://metrarr.granicus.com/ViewPublisher.php?view_id=5"


def make(context: CrawlContext, spider: str, url: str, **source: Any):
    return platform_pages.make(context, spider, url, NOW, **source)


def page(name: str, url: str) -> HtmlResponse:
    return HtmlResponse(url=url, body=(PAGES / name).read_bytes(), request=Request(url))


def crawl_page(context: CrawlContext, spider: str, name: str, url: str, **source: Any) -> dict[str, DocumentItem]:
    """Every document the spider yields for a saved page, by URL (each link answered with a stub body)."""
    return platform_pages.documents(make(context, spider, url, **source), page(name, url), NOW)


@pytest.fixture(scope="module")
def civicplus(context: CrawlContext) -> dict[str, DocumentItem]:
    return crawl_page(context, "civicplus", "civplus_agenda_search_results_page.html", LAS_CRUCES)


@pytest.fixture(scope="module")
def legistar(context: CrawlContext) -> dict[str, DocumentItem]:
    return crawl_page(context, "legistar", "legistar_chicago_events.html", CHICAGO)


@pytest.fixture(scope="module")
def tulsa(context: CrawlContext) -> dict[str, DocumentItem]:
    return crawl_page(context, "granicus", "tulok_citycouncil.html", TULSA)


@pytest.fixture(scope="module")
def metra(context: CrawlContext) -> dict[str, DocumentItem]:
    return crawl_page(context, "granicus", "il_metra_board.html", METRA)


# -- CivicPlus AgendaCenter: Las Cruces NM search results, Nov 8 - Dec 15 2020 ---------------
LC = "https://nm-lascruces.civicplus.com/AgendaCenter/ViewFile"


def test_civicplus_yields_an_agenda_and_a_packet_per_row_and_four_minutes(civicplus) -> None:
    # 28 rows (tr.catAgendaRow), each with a PDF and a Packet link; 4 rows with minutes
    assert len(civicplus) == 28 + 28 + 4


@pytest.mark.parametrize("url, name, expected", [
    # first row, under <h2>Airport Advisory Board</h2>: "Nov 19, 2020 — Posted Nov 16, 2020 11:47 AM"
    (f"{LC}/Agenda/_11192020-808", "title", "Airport Advisory Board — Agenda — November 19, 2020"),
    (f"{LC}/Agenda/_11192020-808", "kind", "agenda"),
    (f"{LC}/Agenda/_11192020-808", "doc_date", date(2020, 11, 19)),
    (f"{LC}/Agenda/_11192020-808", "doc_date_source", "metadata"),
    (f"{LC}/Agenda/_11192020-808", "meta.body", "Airport Advisory Board"),
    (f"{LC}/Agenda/_11192020-808", "meta.meeting", "Airport Advisory Board Meeting Agenda for November 19, 2020"),
    (f"{LC}/Agenda/_11192020-808", "meta.document_type", "agenda"),
    (f"{LC}/Agenda/_11192020-808", "meta.posted", "Nov 16, 2020 11:47 AM"),
    (f"{LC}/Agenda/_11192020-808", "meta.meeting_status", "past"),
    (f"{LC}/Agenda/_11192020-808", "meta.listing_url", LAS_CRUCES),
    (f"{LC}/Agenda/_11192020-808?packet=true", "title", "Airport Advisory Board — Packet — November 19, 2020"),
    (f"{LC}/Agenda/_11192020-808?packet=true", "meta.document_type", "packet"),
    # Board of Commissioners for Las Cruces Utilities, Nov 12 2020: the row with minutes
    (f"{LC}/Minutes/_11122020-791", "title",
     "Board of Commissioners for Las Cruces Utilities — Minutes — November 12, 2020"),
    (f"{LC}/Minutes/_11122020-791", "kind", "minutes"),
    (f"{LC}/Minutes/_11122020-791", "doc_date", date(2020, 11, 12)),
    (f"{LC}/Minutes/_11122020-791", "meta.body", "Board of Commissioners for Las Cruces Utilities"),
    # "DRC Meeting on December 2, 2020 - CANCELLED"
    (f"{LC}/Agenda/_12022020-817", "meta.meeting_status", "cancelled"),
    (f"{LC}/Agenda/_12022020-817", "meta.body", "Development Review Committee"),
    # last row: University District Citizen's Design Review Board, Dec 7 2020
    (f"{LC}/Agenda/_12072020-819", "doc_date", date(2020, 12, 7)),
    (f"{LC}/Agenda/_12072020-819", "meta.body", "University District Citizen's Design Review Board"),
])
def test_civicplus_fields(civicplus, url: str, name: str, expected: Any) -> None:
    assert field(civicplus[url], name) == expected


def test_civicplus_does_not_store_the_html_rendering_twice(civicplus) -> None:
    assert not [u for u in civicplus if "html=true" in u]


def test_civicplus_types_option_keeps_only_those(context: CrawlContext) -> None:
    docs = crawl_page(context, "civicplus", "civplus_agenda_search_results_page.html", LAS_CRUCES,
                      types=["minutes"])
    assert sorted(docs) == [f"{LC}/Minutes/_11122020-791", f"{LC}/Minutes/_11182020-805",
                            f"{LC}/Minutes/_11192020-781", f"{LC}/Minutes/_11192020-800"]


# -- Legistar: Chicago's Calendar.aspx, January 2019 ------------------------------------------
MEDIA = "http://media.legistar.com/chic/meetings"
BUDGET = f"{MEDIA}/A38C4B2D-70A8-4B77-BC69-484466C45925/Budget%20Notice%2001-22_20190103120024.pdf"
HUMREL = f"{MEDIA}/91489BEA-87E0-42E1-8D86-743C2F7138A6/agenda%20hum%20rel.jan8_20190104101632.pdf"


def test_legistar_yields_every_document_link_of_the_grid(legistar) -> None:
    # 8 rows; City Council (1/23/2019) has none; 7 notices, and one agenda (Human Relations, 1/8/2019)
    assert len(legistar) == 8


@pytest.mark.parametrize("url, name, expected", [
    # second row: Committee on Budget and Government Operations, 1/22/2019, 10:00 AM, Notice
    (BUDGET, "title", "Committee on Budget and Government Operations — Notice — January 22, 2019"),
    (BUDGET, "kind", "agenda"),
    (BUDGET, "doc_date", date(2019, 1, 22)),
    (BUDGET, "doc_date_source", "metadata"),
    (BUDGET, "meta.body", "Committee on Budget and Government Operations"),
    (BUDGET, "meta.document_type", "notice"),
    (BUDGET, "meta.time", "10:00 AM"),
    (BUDGET, "meta.location", "Council Chambers -- City Hall -- Chicago, Illinois"),
    (BUDGET, "meta.details_url", "https://chicago.legistar.com/MeetingDetail.aspx?ID=670179"
                                 "&GUID=A38C4B2D-70A8-4B77-BC69-484466C45925&Options=info&Search="),
    # last row: Committee on Human Relations, 1/8/2019, location "... CANCELLED", an Agenda link
    (HUMREL, "title", "Committee on Human Relations — Agenda — January 8, 2019"),
    (HUMREL, "doc_date", date(2019, 1, 8)),
    (HUMREL, "meta.document_type", "agenda"),
    (HUMREL, "meta.meeting_status", "cancelled"),
])
def test_legistar_fields(legistar, url: str, name: str, expected: Any) -> None:
    assert field(legistar[url], name) == expected


def test_legistar_documents_may_come_from_legistars_media_host(context: CrawlContext) -> None:
    assert "media.legistar.com" in make(context, "legistar", CHICAGO).allowed_hosts


# -- Granicus: Tulsa's ViewPublisher (condensed) and Metra's (verbatim) -----------------------
TU = "https://tulsa-ok.granicus.com/AgendaViewer.php?view_id=4"
MV = "http://metrarr.granicus.com"


def test_granicus_tulsa_yields_one_agenda_per_agenda_link(tulsa) -> None:
    assert len(tulsa) == 17  # 13 archived + 4 upcoming rows with an AgendaViewer link


@pytest.mark.parametrize("url, name, expected", [
    # first archived row, in the "*City Council" panel: "November 19, 2025 - 5:00 PM", 00h 20m
    (f"{TU}&clip_id=7169", "title", "Regular Council Meeting — Agenda — November 19, 2025"),
    (f"{TU}&clip_id=7169", "kind", "agenda"),
    (f"{TU}&clip_id=7169", "doc_date", date(2025, 11, 19)),
    (f"{TU}&clip_id=7169", "doc_date_source", "metadata"),
    (f"{TU}&clip_id=7169", "meta.body", "City Council"),
    (f"{TU}&clip_id=7169", "meta.meeting", "Regular Council Meeting"),
    (f"{TU}&clip_id=7169", "meta.time", "5:00 PM"),
    (f"{TU}&clip_id=7169", "meta.duration", "00h 20m"),
    (f"{TU}&clip_id=7169", "meta.meeting_status", "past"),
    # "November  7, 2025" (padded with a non-breaking space)
    (f"{TU}&clip_id=7140", "doc_date", date(2025, 11, 7)),
    # upcoming table, first row: "December 17, 2025 - 5:00 PM"
    (f"{TU}&event_id=25636", "doc_date", date(2025, 12, 17)),
    (f"{TU}&event_id=25636", "meta.meeting_status", "upcoming"),
    # the row whose date cell is an "In Progress" link: the crawl's day
    (f"{TU}&event_id=26737", "doc_date", date(2025, 12, 9)),
    (f"{TU}&event_id=26737", "doc_date_source", "fetch_time"),
    (f"{TU}&event_id=26737", "meta.meeting_status", "in progress"),
    (f"{TU}&event_id=26737", "title", "Council Public Works Committee — Agenda — December 9, 2025"),
])
def test_granicus_tulsa_fields(tulsa, url: str, name: str, expected: Any) -> None:
    assert field(tulsa[url], name) == expected


def test_granicus_metra_yields_agendas_and_minutes_of_archived_meetings(metra) -> None:
    # 61 rows: 11 upcoming without documents; 50 AgendaViewer and 46 MinutesViewer links
    assert len(metra) == 50 + 46


@pytest.mark.parametrize("url, name, expected", [
    # "Metra December 2017 Board Meeting", "Dec 13, 2017 - 09:03 AM", 02h 32m
    (f"{MV}/AgendaViewer.php?view_id=5&clip_id=276", "title",
     "Metra December 2017 Board Meeting — Agenda — December 13, 2017"),
    (f"{MV}/AgendaViewer.php?view_id=5&clip_id=276", "doc_date", date(2017, 12, 13)),
    (f"{MV}/AgendaViewer.php?view_id=5&clip_id=276", "meta.body", "Board of Directors Meetings"),
    (f"{MV}/AgendaViewer.php?view_id=5&clip_id=276", "meta.time", "09:03 AM"),
    (f"{MV}/AgendaViewer.php?view_id=5&clip_id=276", "meta.duration", "02h 32m"),
    (f"{MV}/MinutesViewer.php?view_id=5&clip_id=276&doc_id=67620acc-fc9b-11e7-8dcb-00505691de41", "title",
     "Metra December 2017 Board Meeting — Minutes — December 13, 2017"),
    (f"{MV}/MinutesViewer.php?view_id=5&clip_id=276&doc_id=67620acc-fc9b-11e7-8dcb-00505691de41", "kind",
     "minutes"),
    (f"{MV}/MinutesViewer.php?view_id=5&clip_id=276&doc_id=67620acc-fc9b-11e7-8dcb-00505691de41",
     "meta.document_type", "minutes"),
    # second panel: "Citizen Advisory Board Meetings", "Citizens Advisory Board Meeting - January, 2018"
    (f"{MV}/AgendaViewer.php?view_id=5&clip_id=296", "meta.body", "Citizen Advisory Board Meetings"),
    (f"{MV}/AgendaViewer.php?view_id=5&clip_id=296", "doc_date", date(2018, 1, 31)),
])
def test_granicus_metra_fields(metra, url: str, name: str, expected: Any) -> None:
    assert field(metra[url], name) == expected


# -- pages that no longer match: an error that names the source -------------------------------
@pytest.mark.parametrize("spider, name, url, message", [
    ("civicplus", "legistar_chicago_events.html", CHICAGO, "no AgendaCenter rows"),
    ("legistar", "il_metra_board.html", METRA, "no Legistar calendar grid"),
    ("granicus", "civplus_agenda_search_results_page.html", LAS_CRUCES, "no Granicus meeting rows"),
])
def test_a_page_that_changed_raises_naming_the_source(context, spider, name, url, message) -> None:
    s = make(context, spider, url)
    with pytest.raises(LayoutError, match=rf"source 'board': .*{message}"):
        list(s.parse_listing(page(name, url)))


def test_legistar_grid_without_its_date_column_is_a_layout_error(context: CrawlContext) -> None:
    html = (PAGES / "legistar_chicago_events.html").read_text(encoding="utf-8").replace("Meeting Date", "When")
    response = HtmlResponse(url=CHICAGO, body=html.encode(), encoding="utf-8", request=Request(CHICAGO))
    with pytest.raises(LayoutError, match="no Name / Meeting Date columns"):
        list(make(context, "legistar", CHICAGO).parse_listing(response))


def test_dates_in_a_new_format_are_a_layout_error(context: CrawlContext) -> None:
    html = (PAGES / "legistar_chicago_events.html").read_text(encoding="utf-8")
    for day in ("1/23/2019", "1/22/2019", "1/17/2019", "1/16/2019", "1/15/2019", "1/8/2019"):
        html = html.replace(f">{day}<", ">TBD<")
    response = HtmlResponse(url=CHICAGO, body=html.encode(), encoding="utf-8", request=Request(CHICAGO))
    with pytest.raises(LayoutError, match=r"source 'board': .*no meeting date could be read \(the first reads 'TBD'\)"):
        list(make(context, "legistar", CHICAGO).parse_listing(response))


def test_one_unreadable_date_is_reported_and_its_documents_kept_undated(context: CrawlContext) -> None:
    html = (PAGES / "legistar_chicago_events.html").read_text(encoding="utf-8").replace(">1/8/2019<", ">TBD<")
    response = HtmlResponse(url=CHICAGO, body=html.encode(), encoding="utf-8", request=Request(CHICAGO))
    s = make(context, "legistar", CHICAGO)
    requests = list(s.parse_listing(response))
    assert len(requests) == 8
    assert s.report.failures == [f"{CHICAGO}: Committee on Human Relations: cannot read the meeting date 'TBD'"]
    assert s.describe(requests[-1].meta["meeting"], "agenda", CHICAGO)["doc_date"] is None


def test_an_empty_granicus_table_yields_nothing_without_blaming_the_layout(context: CrawlContext) -> None:
    body = b'<table class="listingTable"><tbody></tbody></table>'
    response = HtmlResponse(url=TULSA, body=body, request=Request(TULSA))
    assert list(make(context, "granicus", TULSA).parse_listing(response)) == []


def test_unknown_document_types_are_refused(context: CrawlContext) -> None:
    with pytest.raises(SourceConfigError, match="source 'board': `types` must be some of"):
        make(context, "granicus", TULSA, types=["video"])


# -- through the reactor: a saved CivicPlus page served on 127.0.0.1 ---------------------------
class AgendaCenter(BaseHTTPRequestHandler):
    """The Las Cruces page, three of its files, 404 for the rest; a Legistar source pointed here fails."""
    files = {"/AgendaCenter/ViewFile/Agenda/_11192020-808": b"%PDF-1.4 agenda 808",
             "/AgendaCenter/ViewFile/Agenda/_11192020-808?packet=true": b"%PDF-1.4 packet 808",
             "/AgendaCenter/ViewFile/Minutes/_11122020-791": b"%PDF-1.4 minutes 791"}

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002
        pass

    def do_GET(self) -> None:  # noqa: N802
        if self.path.startswith("/AgendaCenter/Search/"):
            status, ctype, body = 200, "text/html; charset=utf-8", (PAGES / "civplus_agenda_search_results_page.html").read_bytes()
        elif self.path in self.files:
            status, ctype, body = 200, "application/pdf", self.files[self.path]
        else:
            status, ctype, body = 404, "text/html", b"not found"
        self.send_response(status)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


def test_a_platform_crawl_stores_its_documents_and_fails_a_source_that_yields_none(tmp_path: Path) -> None:
    server = ThreadingHTTPServer(("127.0.0.1", 0), AgendaCenter)
    threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.1}, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_address[1]}"
    search = f"{base}/AgendaCenter/Search/?term=&CIDs=all&startDate=11/08/2020&endDate=12/15/2020"
    sources = [{"name": "las-cruces", "spider": "civicplus", "start_urls": [search]},
               {"name": "wrong-platform", "spider": "legistar", "start_urls": [search]}]
    settings = {"download_delay": 0, "autothrottle_start_delay": 0, "autothrottle_max_delay": 0.1,
                "obey_robots": False, "concurrent_per_domain": 8}
    try:
        proc = subprocess.run(
            [sys.executable, "-m", "crawlers.run", "--db", str(tmp_path / "c.duckdb"), "--archive",
             str(tmp_path / "archive"), "--sources-json", json.dumps(sources), "--settings-json",
             json.dumps(settings)], cwd=ROOT, capture_output=True, text=True, timeout=60,
            env={**os.environ, "PYTHONPATH": str(ROOT)})
    finally:
        server.shutdown()
        server.server_close()
    report = json.loads(proc.stdout)
    assert proc.returncode == 1 and report["failed"] == ["wrong-platform"], proc.stderr
    assert report["sources"]["las-cruces"]["new"] == 3
    assert len(report["sources"]["las-cruces"]["failures"]) == 60 - 3  # every other link: HTTP 404
    wrong = report["sources"]["wrong-platform"]["failures"]
    assert any("no Legistar calendar grid" in f for f in wrong) and any("yielded no documents" in f for f in wrong)
    con = duckdb.connect(str(tmp_path / "c.duckdb"), read_only=True)
    rows = con.execute("SELECT title, kind, doc_date, doc_date_source, meta FROM documents ORDER BY title").fetchall()
    con.close()
    assert [r[:4] for r in rows] == [
        ("Airport Advisory Board — Agenda — November 19, 2020", "agenda", date(2020, 11, 19), "metadata"),
        ("Airport Advisory Board — Packet — November 19, 2020", "agenda", date(2020, 11, 19), "metadata"),
        ("Board of Commissioners for Las Cruces Utilities — Minutes — November 12, 2020", "minutes",
         date(2020, 11, 12), "metadata"),
    ]
    assert json.loads(rows[0][4])["body"] == "Airport Advisory Board"
