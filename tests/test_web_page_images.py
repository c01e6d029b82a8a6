"""The page as evidence, in a real browser (Debian's Chromium through Playwright) against `casefile
serve` on the demo case: a timeline source opens its page image with the quote boxed exactly on the
quote's words (checked against the stored word boxes), pages turn with the keyboard, the text is a
toggle away, and zoom works on a phone-sized screen."""
from __future__ import annotations

import json
import urllib.request

import pytest

from pipeline.word_boxes import rects as line_runs
from tests.browser_cases import ARTIFACTS, browser, page, server, tab  # noqa: F401  (fixtures)
from tests.conftest import needs_tesseract
from tests.web_cases import demo_case


def sources(server) -> list[dict]:
    with urllib.request.urlopen(server.url + "api/timeline") as r:
        entries = json.loads(r.read())
    return [dict(s, cluster_id=e["cluster_id"]) for e in entries for s in e["sources"]]


def methods() -> dict[tuple[str, int], str]:
    from index.store import Store

    with Store(demo_case() / "casefile.duckdb", read_only=True) as store:
        return {(r["doc_id"], r["page"]): r["method"] for r in store.query("SELECT doc_id, page, method FROM pages")}


def stored_boxes(doc_id: str, page: int) -> list[tuple]:
    from index.store import Store
    from queries.page_view import page_boxes

    with Store(demo_case() / "casefile.duckdb", read_only=True) as store:
        return page_boxes(store, doc_id, page)


def on_image(page) -> list[tuple[float, float, float, float]]:
    """The highlight rectangles as drawn, as fractions of the page image on screen."""
    page.wait_for_function("document.querySelector('img.pageimg').complete "
                           "&& document.querySelector('img.pageimg').naturalWidth > 0")
    img, rects = page.evaluate("""() => {
        const box = e => { const b = e.getBoundingClientRect(); return [b.x, b.y, b.width, b.height]; };
        return [box(document.querySelector('img.pageimg')),
                [...document.querySelectorAll('svg.highlight rect')].map(box)];
    }""")
    ix, iy, iw, ih = img
    return [((x - ix) / iw, (y - iy) / ih, (x + w - ix) / iw, (y + h - iy) / ih) for x, y, w, h in rects]


def assert_boxes_the_quote(drawn, source) -> None:
    """Every word of the quote (its stored box) lies inside a drawn rectangle; no other word does."""
    def inside(box, rect, slack=0.002) -> bool:
        _, _, x0, top, x1, bottom = box
        cx, cy = (x0 + x1) / 2, (top + bottom) / 2
        return rect[0] - slack <= cx <= rect[2] + slack and rect[1] - slack <= cy <= rect[3] + slack

    boxes = stored_boxes(source["doc_id"], source["page"])
    quote = [b for b in boxes if b[0] < source["char_end"] and b[1] > source["char_start"]]
    others = [b for b in boxes if b not in quote]
    assert quote and drawn
    assert all(any(inside(b, r) for r in drawn) for b in quote)
    assert not [b for b in others if any(inside(b, r, slack=0) for r in drawn)]
    # and the rectangles hug the words: they are the quote's word boxes joined along each line
    # (pipeline/word_boxes.rects), as drawn, and no bigger
    def area(rs) -> float:
        return sum((r[2] - r[0]) * (r[3] - r[1]) for r in rs)

    words, shown = area([b[2:6] for b in quote]), area(drawn)
    expected = area(line_runs(boxes, source["char_start"], source["char_end"]))
    assert words <= shown * 1.02 and abs(shown - expected) <= 0.03 * expected, (words, expected, shown)


@pytest.mark.parametrize("method", ["text", pytest.param("ocr", marks=needs_tesseract)])
def test_a_timeline_source_opens_its_page_with_the_quote_boxed(page, server, method):
    kinds = methods()
    source = max((s for s in sources(server) if kinds[(s["doc_id"], s["page"])] == method),
                 key=lambda s: (s["page"], s["char_start"]))           # a later page: the link really moved
    page.goto(server.url)
    page.locator(f"#e-{source['cluster_id']} a.src[href*='{source['doc_id']}']"
                 f"[href*='start={source['char_start']}&']").first.click()
    page.wait_for_url(f"**/doc/{source['doc_id']}*")
    assert page.locator(f"figure#page-{source['page']} img.pageimg").count() == 1
    assert page.locator(".pager input[name=page]").input_value() == str(source["page"])
    drawn = on_image(page)
    assert_boxes_the_quote(drawn, source)
    box, height = page.locator("#quote").bounding_box(), page.viewport_size["height"]
    assert box and 0 <= box["y"] < height                              # scrolled into view
    assert "the quote is boxed" in page.locator("figcaption").inner_text()
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"page-image-{method}.png"))


def test_keys_turn_pages_and_show_the_text(page, server):
    kinds = methods()
    source = next(s for s in sources(server) if kinds[(s["doc_id"], s["page"])] == "text" and s["page"] == 2)
    page.goto(server.url + f"doc/{source['doc_id']}?page=2&start={source['char_start']}&end={source['char_end']}")
    page.keyboard.press("ArrowRight")
    page.wait_for_url("**page=3*")
    assert page.locator("figure#page-3 img.pageimg").count() == 1 and page.locator("svg.highlight").count() == 0
    page.keyboard.press("ArrowLeft")
    page.wait_for_url("**page=2*")
    page.goto(server.url + f"doc/{source['doc_id']}?page=2&start={source['char_start']}&end={source['char_end']}")
    page.keyboard.press("t")
    page.wait_for_url("**view=text*")
    quote = page.locator("section#page-2 mark#quote")
    assert " ".join(quote.inner_text().split()) == " ".join(source["text"].split())
    page.click(".viewswitch a")
    page.wait_for_selector("img.pageimg")
    assert page.locator("svg.highlight rect").count() > 0


def test_zoom_on_a_phone(browser, server):
    kinds = methods()
    source = next(s for s in sources(server) if kinds[(s["doc_id"], s["page"])] == "text")
    with tab(browser, viewport={"width": 390, "height": 844}, device_scale_factor=2, is_mobile=True,
             has_touch=True) as page:
        page.goto(server.url + f"doc/{source['doc_id']}?page={source['page']}"
                  f"&start={source['char_start']}&end={source['char_end']}")
        viewport = page.locator("meta[name=viewport]").get_attribute("content")
        assert "user-scalable=no" not in viewport and "maximum-scale" not in viewport   # pinch zoom stays on
        fit = on_image(page)
        assert page.evaluate("window.innerWidth") == 390                  # nothing widens the page past the phone
        assert page.locator("img.pageimg").bounding_box()["width"] <= 390
        page.tap("button[data-zoom=in]")
        page.tap("button[data-zoom=in]")
        assert page.locator("figure.sheet").get_attribute("data-zoom") == "2"
        assert page.locator("img.pageimg").bounding_box()["width"] > 2 * 300
        assert page.locator("figure.sheet").evaluate("s => s.scrollWidth > s.clientWidth")
        zoomed = on_image(page)                                         # the boxes move with the page
        assert len(zoomed) == len(fit) and all(abs(a - b) < 0.003 for r, q in zip(fit, zoomed) for a, b in zip(r, q))
        box = page.locator("#quote").bounding_box()
        assert box and box["x"] < 390 and box["x"] + box["width"] > 0   # the quote stays in view
        ARTIFACTS.mkdir(exist_ok=True)
        page.screenshot(path=str(ARTIFACTS / "page-image-phone-zoomed.png"))


def test_page_images_are_drawn_once_then_served_from_the_case(server):
    from index.store import Store

    case = demo_case()
    with Store(case / "casefile.duckdb", read_only=True) as store:
        doc_id, pages = store.query("SELECT doc_id, count(*) AS n FROM pages JOIN documents USING (doc_id) "
                                    "WHERE kind = 'report' GROUP BY doc_id")[0].values()
    url = server.url + f"page-image/{doc_id}/{pages}"
    first = urllib.request.urlopen(url)
    body = first.read()
    assert first.headers["Content-Type"] == "image/png" and body.startswith(b"\x89PNG")
    cached = list((case / "derived" / "pages").rglob(f"{doc_id}/{pages}-*"))
    assert len(cached) == 1 and cached[0].read_bytes() == body
    assert urllib.request.urlopen(url).read() == body
    for bad in (f"page-image/{doc_id}/{pages + 1}", f"page-image/{'0' * 64}/1", f"page-image/{doc_id[:12]}/1"):
        with pytest.raises(urllib.error.HTTPError) as err:
            urllib.request.urlopen(server.url + bad)
        assert err.value.code == 404


def test_a_packs_report_shows_its_crops_from_the_unzipped_folder(browser, tmp_path):
    """report.html's own Content-Security-Policy lets it show the crops beside it, and nothing else."""
    import io
    import zipfile

    from casefile.case import open_case
    from casefile.formatting import date_label
    from queries.filters import Filters
    from queries.packs import build_pack

    case = open_case(demo_case())
    buf = io.BytesIO()
    with case.store(read_only=True) as store:
        pack = build_pack(store, case.archive, buf, Filters(person="Margaret Whitfield"), case_name=case.name,
                          label=date_label, images=case.page_images)
    zipfile.ZipFile(buf).extractall(tmp_path)
    with tab(browser, viewport={"width": 1200, "height": 900}) as page:
        page.goto((tmp_path / "report.html").as_uri())
        shown = page.locator("figure.crop img")
        assert shown.count() == sum(1 for e in pack.entries for q in e["quotes"] if q["crop"]) > 0
        page.wait_for_function("[...document.querySelectorAll('figure.crop img')].every(i => i.complete)")
        assert shown.evaluate_all("imgs => imgs.every(i => i.naturalWidth >= 700)")
        ARTIFACTS.mkdir(exist_ok=True)
        shown.first.scroll_into_view_if_needed()
        page.screenshot(path=str(ARTIFACTS / "pack-report-crop.png"))
