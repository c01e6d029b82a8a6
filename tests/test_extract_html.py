"""HTML: article bodies scored against the expected texts, metadata, charsets, non-article pages."""
from __future__ import annotations

import pytest
from rapidfuzz import fuzz

from pipeline.extract import extract
from pipeline.extract_charset import decode_html, declared_charset
from pipeline.extract_html import _record_head_dropped
from tests.conftest import FIXTURES, ROOT

# a real Granicus minutes page of the evaluation set (eval/real/SOURCES.md has its origin)
WALNUT_CREEK = ROOT / "eval" / "real" / "documents" / "minutes" / "walnut_creek_city_council_minutes_2022-05-17.html"

BODY = ("Le conseil a approuvé le budget. Der Ausschuss prüfte die Akten. "
        "The director’s “résumé” was reviewed — twice. ") * 8


def score(name: str) -> float:
    """rapidfuzz ratio (0-100) of the extracted body to the expected text, whitespace normalised."""
    ex = extract((FIXTURES / f"news/{name}.html").read_bytes())
    expected = (FIXTURES / f"news/{name}.txt").read_text(encoding="utf-8")
    return fuzz.ratio(" ".join(ex.pages[0].text.split()), " ".join(expected.split()))


@pytest.mark.parametrize("name", ["nj.com1", "oregonlive.com1"])
def test_article_body_matches_expected_text(name):
    assert score(name) >= 90


def test_pe_com_scores_below_a_clean_match_because_of_gallery_boilerplate():
    # pe.com1.txt opens with "Share Pin It More Galleries ADVERTISEMENT ... Related article »",
    # photo-gallery chrome that newspaper kept and trafilatura (rightly) drops.
    expected = (FIXTURES / "news/pe.com1.txt").read_text(encoding="utf-8")
    assert "Share Pin It More Galleries ADVERTISEMENT" in expected
    text = extract((FIXTURES / "news/pe.com1.html").read_bytes()).pages[0].text
    assert "ADVERTISEMENT" not in text and "Judy Avalos, of Perris, was arrested at the hospital" in text
    assert 90 <= score("pe.com1") < 100


def test_article_metadata():
    ex = extract((FIXTURES / "news/nj.com1.html").read_bytes())
    assert ex.title == "Republican N.J. senator rips Christie over State of the State speech"
    assert ex.meta["date"] == "2015-01-14" and ex.meta["sitename"] == "NJ.com"
    assert "Matt Friedman" in ex.meta["author"] and ex.meta["extraction"] == "article"
    assert ex.pages[0].text.startswith("TRENTON — Gov. Chris Christie’s State of the State speech")


def test_same_article_extracts_identically_twice():
    # trafilatura's deduplicate option keeps a process-wide cache: a re-run would lose text
    raw = (FIXTURES / "news/oregonlive.com1.html").read_bytes()
    assert extract(raw).pages[0].text == extract(raw).pages[0].text


def _page(charset_meta: str, body: str = BODY) -> str:
    return (f"<html><head>{charset_meta}<title>Budget</title></head><body><article>"
            f"<h1>Budget</h1><p>{body}</p></article></body></html>")


@pytest.mark.parametrize("raw, encoding", [
    (_page('<meta charset="utf-8">').encode("utf-8"), "utf-8"),
    (_page('<meta charset="windows-1252">').encode("cp1252"), "cp1252"),
    (_page("").encode("cp1252"), None),                                    # undeclared
    (_page('<meta charset="utf-8">').encode("cp1252"), None),              # declared wrong
    (_page('<meta http-equiv="Content-Type" content="text/html; charset=iso-8859-1">').encode("utf-8"), "utf-8"),
    (_page('<meta charset="utf-8">').encode("utf-16"), "utf-16"),          # BOM wins
])
def test_charsets_declared_undeclared_and_wrong(raw, encoding):
    ex = extract(raw)
    text = ex.pages[0].text
    assert "approuvé" in text and "prüfte" in text and "“résumé”" in text and "\ufffd" not in text
    if encoding:
        assert ex.meta["charset"] == encoding


def test_cyrillic_page_in_an_undeclared_single_byte_charset():
    body = "Совет директоров утвердил бюджет на следующий год. Председатель подал в отставку. " * 6
    text, _ = decode_html(_page("", body).encode("cp1251"))
    assert "Совет директоров утвердил бюджет" in text


def test_declared_charset_labels():
    assert declared_charset(b'<meta charset="ISO-8859-1">') == "cp1252"   # as browsers read it
    assert declared_charset(b'<meta charset="koi8-r">') == "koi8-r"
    assert declared_charset(b'<meta charset="no-such-thing">') is None


def test_listing_page_is_read_whole():
    rows = "".join(f"<tr><td>June {k}, 2018</td><td><a href='m{k}.pdf'>Minutes — June {k}, 2018</a></td></tr>"
                   for k in range(1, 21))
    html = (f"<html><head><title>Board minutes</title></head><body><nav><a href='/'>Home</a></nav>"
            f"<h1>Board minutes</h1><table>{rows}</table></body></html>")
    ex = extract(html.encode())
    text = ex.pages[0].text
    assert all(f"Minutes — June {k}, 2018" in text for k in range(1, 21))
    assert ex.title == "Board minutes"


def test_a_minutes_page_keeps_the_heading_an_article_extractor_drops():
    """A real Granicus minutes page: trafilatura keeps its motions but drops the heading (the
    meeting's date), the roll call and the closed session; the page is read whole."""
    ex = extract(WALNUT_CREEK.read_bytes())
    text = ex.pages[0].text
    assert ex.meta["extraction"] == "page"
    assert text.index("Tuesday, May 17, 2022") < text.index("All Councilmembers were in attendance.") < \
        text.index("Councilmember Wilk pulled Item 2e from the Consent Calendar.")


@pytest.mark.parametrize("head, dropped", [
    ("Board of Supervisors Regular Meeting\n\nMarch 4, 2019\n\nROLL CALL", True),
    ("Planning Commission Agenda\n\nTuesday, June 9, 2020", True),
    ("Home | News | Sports\n\nPosted March 4, 2019", False),        # no meeting named
    ("City Council Regular Meeting\n\nCITY HALL", False),           # no date
    ("", False),                                                       # nothing dropped
])
def test_a_dropped_record_heading_is_a_meeting_named_with_its_date(head, dropped):
    body = "Motion by Member Avery, second by Mayor Costa, carried unanimously, to adopt the resolution."
    assert _record_head_dropped(body, f"{head}\n\n{body}\n\nContact us") is dropped


def test_a_news_page_without_a_meeting_heading_stays_an_article():
    paras = "".join(f"<p>The county board voted on the road repair contract for district {k} after a long "
                    f"debate about the cost of the work and who would pay for it in the coming years.</p>"
                    for k in range(1, 7))
    html = (f"<html><head><title>Roads</title></head><body><nav><a href='/'>Home</a> <a href='/n'>News</a></nav>"
            f"<div>Posted March 4, 2019</div><div>{paras}</div><footer>Contact us</footer></body></html>").encode()
    assert extract(html).meta["extraction"] == "article"


def test_short_article_keeps_its_body():
    html = (b"<html><head><meta property='og:type' content='article'><title>DSS director on leave</title>"
            b"</head><body><article><h1>DSS director on leave</h1><p>Margaret Whitfield was placed on "
            b"paid leave on Tuesday, March 6, 2018.</p></article></body></html>")
    ex = extract(html)
    assert ex.meta["extraction"] == "article" and ex.title == "DSS director on leave"
    assert ex.pages[0].text.endswith("\nMargaret Whitfield was placed on paid leave on Tuesday, March 6, 2018.")


@pytest.mark.parametrize("rows", [
    [("11/28/2023", "Brief filed - oral argument not requested", "State"), ("10/03/2023", "Clerks record filed", "")],
    [("Item 4", "Contract with Arbor Roofing", "Approved 5-0"), ("Item 5", "Budget amendment", "Tabled"),
     ("Item 6", "Appointment of the clerk", "Approved 4-1")],
])
def test_a_page_that_is_a_table_keeps_its_rows(rows):
    """A page that is nearly all one table (a docket, an agenda's actions): the article extractor
    writes it one cell per line; each row must stay one line, its cells joined as on the page."""
    from pipeline.extract import extract

    body = "".join("<tr>" + "".join(f"<td>{c}</td>" for c in r) + "</tr>" for r in rows)
    html = (f"<html><body><h1>Case Events</h1><table><tr><th>Date</th><th>Event Type</th><th>Disposition</th></tr>"
            f"{body}</table></body></html>")
    text = extract(html.encode()).pages[0].text
    for r in rows:
        assert " | ".join(c for c in r if c) in text.splitlines(), text


def _agenda_with_linked_items() -> str:
    """An agenda page (generated) whose passed items are links into the agenda system, as a council's is."""
    plain = "".join(f"<tr><td>{i}</td><td>ORDINANCE accepting a plat for a portion of Elm Street number {i} and "
                    "declaring an emergency.</td></tr>" for i in range(1, 6))
    linked = "".join(f'<tr><td>{i}</td><td><a href="javascript:loadItem({i},false);">RES {300 + i}-2021 authorizing the '
                     f"Director of Public Works to enter into contract number {i} for road resurfacing; and declaring "
                     "an emergency. VOTE 9-0</a></td></tr>" for i in range(1, 9))
    return ("<html><head><title>Council Agenda</title></head><body><h1>CITY OF MAPLEFORD, OHIO</h1>"
            "<p>Council Agenda, Monday, March 1, 2021</p>"
            f"<table><tr><td colspan=2>CONSENT AGENDA</td></tr>{plain}</table>"
            "<table><tr><td colspan=2>ORDINANCES &amp; RESOLUTIONS PASSED AT PREVIOUS MEETING</td></tr>"
            f"{linked}</table></body></html>")


def test_an_agendas_items_written_as_links_are_not_dropped():
    """trafilatura takes a table of links for a menu; a record page that lost a quarter of its long lines is read
    whole (extract.v17), every passed item kept."""
    text = "\n".join(p.text for p in extract(_agenda_with_linked_items().encode()).pages)
    assert all(f"RES {300 + i}-2021 authorizing" in text for i in range(1, 9)), text
    assert "ORDINANCE accepting a plat for a portion of Elm Street number 5" in text


def _release(cases: list[tuple[str, str]]) -> str:
    """A court's news release as its CMS stores it: the body's markup inside a textarea (its own markup escaped
    once more inside it), rendered by a script into a preview the reader sees."""
    items = "".join(f"&lt;p&gt;{name}&lt;br /&gt;{ruling} SEE OPINION.&lt;/p&gt;" for name, ruling in cases)
    body = (f"<div><div class=\"bcrumb\"><ol><li><a href=\"/\">Home</a></li></ol></div>"
            f"&lt;div&gt;&lt;table&gt;&lt;tr&gt;&lt;td&gt;FOR IMMEDIATE NEWS RELEASE&lt;/td&gt;&lt;/tr&gt;&lt;/table&gt;"
            f"&lt;p&gt;The Opinions handed down on the &lt;span class=&quot;nrdate&quot;&gt;3rd day of May, 2024"
            f"&lt;/span&gt; are as follows:&lt;/p&gt;{items}&lt;/div&gt;</div>")
    return (f"<html><head><title>May 3, 2024 - Opinions</title></head><body><nav><a href=\"/\">Home</a></nav>"
            f"<div id=\"preview\"></div><textarea id=\"PostContent\" rows=\"5\">{body}</textarea>"
            f"<script>render('PostContent')</script></body></html>")


@pytest.mark.parametrize("cases", [
    [("2024-C-00012 STATE VS. DANA ROE", "AFFIRMED."), ("2024-K-00301 STATE VS. LEE VANCE", "REVERSED AND REMANDED.")],
    [(f"2023-CA-{k:05d} HARWICK PAVING, LLC VS. CITY OF MERRILL", "WRIT DENIED.") for k in range(1, 6)],
])
def test_a_body_kept_as_markup_in_a_textarea_is_read_as_the_page_shows_it(cases):
    """extract.v19: a Louisiana Supreme Court release page gave its markup as text ("class=\"nrbody\"><style>…"),
    so no sentence of it was an act."""
    text = extract(_release(cases).encode()).pages[0].text
    assert "The Opinions handed down on the 3rd day of May, 2024 are as follows:" in " ".join(text.split())
    assert all(name in text and ruling in text for name, ruling in cases)
    assert "<" not in text and "&lt;" not in text and "nrdate" not in text


def test_a_forms_textarea_keeps_its_text():
    html = ("<html><body><h1>Public comment</h1><p>Comments on the draft budget are open until June 1, 2024.</p>"
            "<form><textarea name=\"c\">Write your comment here. Use &lt;b&gt; for bold.</textarea></form></body></html>")
    text = extract(html.encode()).pages[0].text
    assert "Comments on the draft budget are open until June 1, 2024." in text
