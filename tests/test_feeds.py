"""Atom feeds of the watched demo case (tests/watch_case.py) from a real `casefile serve`, read back with
feedparser; the timeline page links to them (checked in Debian's Chromium when it is installed)."""
from __future__ import annotations

import json
import os
import urllib.request
from typing import Any
from urllib.parse import quote, urlsplit

import pytest

from tests.conftest import run_cli
from tests.watch_case import ADDED, ARTICLE, MINUTES, watched_case
from tests.web_cases import CHROMIUM, CHROMIUM_ARGS, Server

# aiosmtpd warns about AUTH without TLS, from its own thread: the server hears only 127.0.0.1.
pytestmark = pytest.mark.filterwarnings("ignore:Requiring AUTH while not requiring TLS")

feedparser = pytest.importorskip("feedparser")


@pytest.fixture(scope="module")
def watched() -> dict[str, Any]:
    return watched_case()


@pytest.fixture(scope="module")
def server(watched: dict[str, Any]):
    with Server(watched["case"]) as s:
        yield s


def feed(server: Server, path: str) -> Any:
    with urllib.request.urlopen(server.url + path) as r:
        assert r.headers["Content-Type"] == "application/atom+xml; charset=utf-8"
        parsed = feedparser.parse(r.read())
    assert not parsed.bozo, parsed.bozo_exception   # well-formed
    assert parsed.version == "atom10"
    return parsed


def test_a_person_feed_holds_that_persons_entries(server: Server, watched: dict[str, Any]) -> None:
    parsed = feed(server, "feeds/timeline.atom?person=" + quote("Rosa Delgado"))
    [entry] = parsed.entries
    assert " ".join(entry.content[0].value.split()).startswith(f"<blockquote>{ADDED}</blockquote>")
    assert entry.title.startswith("June 11, 2019: Vice Chair Hale moved to appoint Rosa Delgado")
    link = urlsplit(entry.link)
    assert link.path.startswith("/doc/") and "page=2" in link.query and link.fragment == "page-2"
    assert parsed.feed.title == "Harlan County DSS (demo) — timeline (person: Rosa Delgado)"


def test_the_feed_has_the_same_entries_as_the_timeline_for_a_person(server: Server, watched: dict[str, Any]) -> None:
    name = "Margaret Whitfield"
    timeline = json.loads(run_cli("timeline", "--person", name, "--format", "json", case=watched["case"]).stdout)
    parsed = feed(server, "feeds/timeline.atom?person=" + quote(name))
    assert sorted(e.id for e in parsed.entries) == sorted(f"urn:casefile:event:{e['event_id']}" for e in timeline)
    assert len(parsed.entries) >= 5
    # newest first: what joined the timeline last comes first
    updated = [e.updated_parsed for e in parsed.entries]
    assert updated == sorted(updated, reverse=True)


def test_every_entry_links_to_its_page_in_the_ui(server: Server) -> None:
    parsed = feed(server, "feeds/timeline.atom?issue=staff_turnover")
    assert parsed.entries
    for entry in parsed.entries[:5]:
        with urllib.request.urlopen(entry.link) as r:
            page = r.read().decode()
        # the document page with the quote highlighted: marked in the text of an HTML page, boxed on
        # the image of a PDF page (issue 15)
        assert r.status == 200 and ("<mark" in page or ('<g id="quote"><rect' in page)), entry.link


def test_the_documents_feed_of_a_source(server: Server, watched: dict[str, Any]) -> None:
    board = feed(server, "feeds/documents.atom?source=dss-board")
    titles = [e.title for e in board.entries]
    assert titles[0] == "Changed: Minutes — June 11, 2019" and len(titles) == 10   # 9 new + 1 changed
    assert all(e.tags[0].term == "dss-board" for e in board.entries)
    assert ADDED in " ".join(board.entries[0].content[0].value.split())
    gazette = feed(server, "feeds/documents.atom?source=valley-gazette")
    assert gazette.entries[0].title.startswith("Removed: ")
    assert f"{watched['base']}/{ARTICLE}" in gazette.entries[0].content[0].value
    assert MINUTES not in " ".join(e.content[0].value for e in gazette.entries)


def test_a_bad_filter_is_a_400_not_a_feed(server: Server) -> None:
    with pytest.raises(urllib.error.HTTPError) as err:
        urllib.request.urlopen(server.url + "feeds/timeline.atom?person=Nobody%20Atall")
    assert err.value.code == 400


@pytest.mark.skipif(not os.path.exists(CHROMIUM), reason="needs Debian's chromium (.ci/run installs it)")
def test_the_timeline_page_links_to_its_feed(server: Server) -> None:
    playwright = pytest.importorskip("playwright.sync_api")
    with playwright.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            page = browser.new_page()
            page.goto(server.url + "?person=" + quote("Rosa Delgado"))
            alternate = page.locator('link[rel="alternate"][type="application/atom+xml"]').first
            assert alternate.get_attribute("href") == "/feeds/timeline.atom?person=Rosa+Delgado"
            with page.expect_response(lambda r: "/feeds/timeline.atom" in r.url) as caught:
                page.locator("#feed-timeline").click()
            body = caught.value.body()
            with urllib.request.urlopen(server.url + "api/people?name=" + quote("Rosa Delgado")) as r:
                [person] = json.loads(r.read())
            page.goto(f"{server.url}person/{person['person_id']}")
            assert page.locator("#feed-person").get_attribute("href") == "/feeds/timeline.atom?person=Rosa+Delgado"
        finally:
            browser.close()
    [entry] = feedparser.parse(body).entries
    assert "Rosa Delgado" in entry.title
