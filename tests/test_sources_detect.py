"""`casefile sources detect URL`: every saved page of tests/fixtures/listings, served from
127.0.0.1 under its original path, is named by its platform, and the block printed for it is
a source its spider accepts."""
from __future__ import annotations

import threading
import tomllib
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
import yaml
from scrapy.http import HtmlResponse
from typer.testing import CliRunner

from casefile.cli import app
from crawlers.detect import by_address, detect_page
from crawlers.report import SourceReport
from crawlers.spiders import SPIDERS
from tests.platform_pages import API, PAGES

ROOT_FIXTURES = PAGES.parent
# saved page -> (the path it was served under, its platform)
EXPECTED = {
    "civplus_agenda_search_results_page.html": (
        "/AgendaCenter/Search/?term=&CIDs=all&startDate=11/08/2020&endDate=12/15/2020", "civicplus"),
    "legistar_chicago_events.html": ("/Calendar.aspx", "legistar"),
    "tulok_citycouncil.html": ("/ViewPublisher.php?view_id=4", "granicus"),
    "il_metra_board.html": ("/ViewPublisher.php?view_id=5", "granicus"),
    "clovis_city_council.html": ("/PublishPage?cid=CLOVIS&ppid=5157d66d-a361-43e8-87a4-3d5eca4821de&p=1", "municode"),
    "fre_dinuba_city_council.html": ("/agendapublic/meetingsgeneral.aspx?MeetingType=1&Date=6ms", "novusagenda"),
}
BOARDDOCS_PUBLIC = "/pa/stco/Board.nsf/Public"


def boarddocs_public() -> bytes:
    """The State College Area SD public page, as civic-scraper recorded it."""
    recorded = yaml.safe_load((API / "boarddocs_stco_public.yaml").read_text(encoding="utf-8"))
    return recorded["interactions"][0]["response"]["body"]["string"].encode("utf-8")


class Pages(BaseHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:  # noqa: A002
        pass

    def do_GET(self) -> None:  # noqa: N802
        served = {path: PAGES / name for name, (path, _) in EXPECTED.items()}
        if self.path in served:
            body, status = served[self.path].read_bytes(), 200
        elif self.path == BOARDDOCS_PUBLIC:
            body, status = boarddocs_public(), 200
        elif self.path == "/news/nj.com1.html":
            body, status = (ROOT_FIXTURES / "news" / "nj.com1.html").read_bytes(), 200
        else:
            body, status = b"not found", 404
        self.send_response(status)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


@pytest.fixture(scope="module")
def site() -> Iterator[str]:
    server = ThreadingHTTPServer(("127.0.0.1", 0), Pages)
    threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


def detect(*args: str):
    return CliRunner().invoke(app, ["sources", "detect", *args])


def test_every_saved_listing_page_has_an_expected_platform() -> None:
    assert sorted(EXPECTED) == sorted(p.name for p in PAGES.glob("*.html"))


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_sources_detect_names_the_platform_of_each_saved_page(site: str, name: str) -> None:
    path, platform = EXPECTED[name]
    result = detect(site + path)
    assert result.exit_code == 0, result.output
    assert result.output.startswith(f"{platform}: ")


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_the_printed_block_is_a_source_its_spider_accepts(site: str, name: str) -> None:
    path, platform = EXPECTED[name]
    result = detect(site + path, "--since", "2019-01-01", "--name", "board")
    block = result.output.split("Paste into case.toml:", 1)[1]
    [source] = tomllib.loads(block)["sources"]
    assert (source["name"], source["spider"], source["start_urls"], source["since"]) == (
        "board", platform, [site + path], "2019-01-01")
    SPIDERS[platform](source=source, context=None, report=SourceReport("board", platform))  # no config error


def test_a_boarddocs_public_page_gives_its_committee(site: str) -> None:
    result = detect(site + BOARDDOCS_PUBLIC)
    assert result.output.startswith("boarddocs: BoardDocs (the page has BoardDocs' committee list)")
    [source] = tomllib.loads(result.output.split("Paste into case.toml:", 1)[1])["sources"]
    assert (source["committee"], source["body"]) == ("A8EGER437CB9", "Board of School Directors")


def test_a_page_of_no_known_platform_is_one_line_and_exit_1(site: str) -> None:
    result = detect(site + "/news/nj.com1.html")
    assert result.exit_code == 1
    assert result.output.strip().splitlines() == [
        f"error: {site}/news/nj.com1.html: no meeting platform casefile knows (Legistar, Granicus ViewPublisher, "
        "CivicPlus AgendaCenter, BoardDocs, NovusAGENDA, Municode Meetings, PrimeGov, CivicClerk); "
        "a page of links is the `listing` spider"]


def test_a_page_that_answers_404_is_one_line(site: str) -> None:
    result = detect(site + "/nothing-here")
    assert (result.exit_code, result.output) == (1, f"error: {site}/nothing-here: HTTP 404 Not Found\n")


@pytest.mark.parametrize("url, platform, start", [
    ("https://chicago.legistar.com/", "legistar", "https://chicago.legistar.com/Calendar.aspx"),
    ("https://go.boarddocs.com/mi/grand/Board.nsf/vpublic?open", "boarddocs",
     "https://go.boarddocs.com/mi/grand/Board.nsf/Public"),
    ("https://claytoncountyga.primegov.com/public/portal?fromiframe=true", "primegov",
     "https://claytoncountyga.primegov.com/public/portal"),
    ("https://southfultonga.api.civicclerk.com/v1/Events", "civicclerk", "https://southfultonga.portal.civicclerk.com/"),
    ("https://hennepin.novusagenda.com/agendapublic/", "novusagenda", "https://hennepin.novusagenda.com/agendapublic/"),
])
def test_platforms_known_by_their_address(url: str, platform: str, start: str) -> None:
    found = by_address(url)
    assert (found.platform, found.start_url) == (platform, start)


def test_a_city_page_that_embeds_a_platform_names_the_embedded_page() -> None:
    page = HtmlResponse(url="https://www.example-county.gov/board", encoding="utf-8", body=(
        b'<html><body><h1>Board meetings</h1>'
        b'<iframe src="https://metrarr.granicus.com/ViewPublisher.php?view_id=5"></iframe></body></html>'))
    found = detect_page(page)
    assert (found.platform, found.start_url) == ("granicus", "https://metrarr.granicus.com/ViewPublisher.php?view_id=5")
    assert found.evidence.startswith("the page embeds https://metrarr.granicus.com/ViewPublisher.php?view_id=5")

