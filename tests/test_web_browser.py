"""The web UI in a real browser: Debian's headless Chromium driven by Playwright, against
`casefile serve` running as a subprocess on the demo case."""
from __future__ import annotations

import json
import urllib.request
import zipfile
from urllib.parse import parse_qs, urlsplit

import pytest

from tests.browser_cases import ARTIFACTS, browser, page, server  # noqa: F401  (fixtures)
from tests.web_cases import Server


def api(server: Server, path: str):
    with urllib.request.urlopen(server.url + path) as r:
        return json.loads(r.read())


@pytest.fixture(scope="module")
def person(server) -> str:
    """The person with the most events in the case."""
    return api(server, "api/people?limit=1")[0]["name"]


def test_timeline_filtered_by_person(page, server, person):
    page.goto(server.url)
    assert page.title().startswith("Timeline")
    total = page.locator("article.entry").count()
    assert total > 0 and page.locator(".chart svg rect").count() > 0
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "timeline.png"))

    page.fill("form.filters input[name=person]", person)
    page.click("form.filters button[type=submit]")
    page.wait_for_url("**/?*person=*")
    entries = page.locator("article.entry")
    n = entries.count()
    assert 0 < n < total
    assert n == len(api(server, f"api/timeline?person={person.replace(' ', '+')}"))
    for i in range(n):
        assert person in entries.nth(i).locator(".tags").inner_text()
    assert page.locator("form.filters input[name=person]").input_value() == person
    assert "matching the filters" in page.locator(".lede").inner_text()


def test_open_a_source_lands_on_its_page_with_the_quote_highlighted(page, server, person):
    entries = api(server, f"api/timeline?person={person.replace(' ', '+')}")
    sources = [s for e in entries for s in e["sources"]]
    source = max(sources, key=lambda s: s["page"])          # a later page shows the anchor really moved
    page.goto(server.url + f"?person={person.replace(' ', '+')}")
    link = page.locator(f"ul.sources a.src[href*='{source['doc_id']}'][href*='start={source['char_start']}&']").first
    link.click()
    page.wait_for_url(f"**/doc/{source['doc_id']}*")
    url = urlsplit(page.url)
    assert url.fragment == f"page-{source['page']}"
    assert parse_qs(url.query)["page"] == [str(source["page"])]
    if page.locator("figure.sheet").count():     # a PDF opens on its page image (test_web_page_images.py)
        page.click(".pager a.toggle")             # its text is one click away, the quote marked there too
        page.wait_for_url("**view=text*")
    quote = page.locator(f"section#page-{source['page']} mark#quote")
    assert quote.count() == 1
    assert " ".join(quote.inner_text().split()) == " ".join(source["text"].split())
    assert quote.is_visible()
    box, height = quote.bounding_box(), page.viewport_size["height"]
    assert box and 0 <= box["y"] < height                     # scrolled into view
    assert page.locator(".provenance code.sha").inner_text() == source["doc_id"]


def test_search_shows_snippets_with_pages(page, server):
    page.goto(server.url + "search")
    page.fill("input[name=q]", "caseworker turnover")
    page.press("input[name=q]", "Enter")
    page.wait_for_selector("ol.results")
    assert "passage" in page.locator(".count").inner_text()
    assert page.locator("ol.results > li").count() > 0
    first = page.locator(".snippet mark").first
    assert first.inner_text().lower().startswith(("caseworker", "turnover"))
    hit = page.locator("a.hitpage").first
    label = hit.inner_text()
    hit.click()
    page.wait_for_selector("#quote")              # the passage: boxed on its page image, or marked in the text
    assert page.url.endswith("#page-" + label.split()[-1])


def test_person_page(page, server, person):
    page.goto(server.url + "people")
    page.click(f"table.people a:text-is('{person}')")
    page.wait_for_url("**/person/*")
    assert page.locator("h1").inner_text() == person
    assert page.locator("article.entry").count() > 0
    assert page.locator("ul.docs li").count() > 0


def test_build_and_download_a_pack(page, server, person, tmp_path):
    from queries.pack_verify import verify_pack

    page.goto(server.url + f"?person={person.replace(' ', '+')}")
    boxes = page.locator("article.entry input[name=event]")
    assert page.locator("#pack-selected").is_disabled()
    chosen = [boxes.nth(i).get_attribute("value") for i in (0, 1)]
    boxes.nth(0).check()
    boxes.nth(1).check()
    assert page.locator("#pick-count").inner_text() == "2"
    with page.expect_download() as info:
        page.click("#pack-selected")
    path = tmp_path / info.value.suggested_filename
    info.value.save_as(path)
    assert path.name.startswith("evidence-pack-") and path.suffix == ".zip"
    result = verify_pack(path)
    assert result.ok, result.problems
    manifest = json.loads(zipfile.ZipFile(path).read("manifest.json"))
    assert manifest["entries"] == chosen and manifest["filters"] == {"person": person}

    with page.expect_download() as info:
        page.click("#pack-all")
    everything = tmp_path / "all.zip"
    info.value.save_as(everything)
    manifest = json.loads(zipfile.ZipFile(everything).read("manifest.json"))
    assert len(manifest["entries"]) == boxes.count() and verify_pack(everything).ok
