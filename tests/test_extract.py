"""Extraction on real public records (the saved fixtures): format by content, pages, offsets."""
from __future__ import annotations

import pytest
from rapidfuzz import fuzz

from pipeline.extract import ExtractError, Page, extract, nlp_text, sniff
from tests.conftest import FIXTURES

REAL = ["pdfs/cuya_community_college_agenda.pdf", "pdfs/Notice-and-Agenda-001-2023-06-06.pdf",
        "pdfs/2017_vote_house.pdf", "news/nj.com1.html", "news/oregonlive.com1.html", "news/pe.com1.html"]


def _read(name: str) -> bytes:
    return (FIXTURES / name).read_bytes()


def test_format_is_chosen_by_content_not_name():
    assert sniff(_read("pdfs/2017_vote_house.pdf")) == "pdf"
    assert sniff(_read("news/nj.com1.html")) == "html"
    assert sniff(b"plain minutes text") == "text"
    assert sniff("Café minutes, naïve résumé".encode("cp1252")) == "text"
    assert sniff(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 100) == "ole"
    assert sniff(b"\x00\x01\x02\x03junk" * 10) == "binary"


def test_pdf_pages_are_numbered_from_one_with_their_text():
    ex = extract(_read("pdfs/cuya_community_college_agenda.pdf"))
    assert [p.page for p in ex.pages] == [1, 2]
    assert all(p.method == "text" for p in ex.pages)
    assert ex.pages[0].text.startswith("Regular Meeting of the Board of Trustees\n")
    assert "Thursday, September 26, 2019" in ex.pages[0].text
    assert "13. Approval of the Guaranteed Maximum Price 1" in ex.pages[1].text
    assert ex.title == "REGULAR MEETING OF THE BOARD OF TRUSTEES" and ex.meta["created"] == "2019-09-16"


def test_running_headers_and_page_numbers_are_skipped_for_nlp_but_kept_for_display():
    ex = extract(_read("pdfs/cuya_community_college_agenda.pdf"))
    first, second = ex.pages
    skipped = [[p.text[a:b] for a, b in p.skip] for p in ex.pages]
    # page 1 carries the title block once (analysed); page 2 repeats it (skipped); "Page N of 2" always
    assert skipped[0] == ["Page 1 of 2"]
    assert skipped[1] == ["Regular Meeting of the Board of Trustees", "Cuyahoga Community College District",
                          "Thursday, September 26, 2019", "Jerry Sue Thornton Center – Ford Room", "1:30 p.m.",
                          "Page 2 of 2"]
    analysed = nlp_text(second)
    assert "Cuyahoga" in second.text and "Cuyahoga" not in analysed and "Page 2" not in analysed
    assert "10. Purchase and Installation of Exterior LED Video Sign" in analysed


@pytest.mark.parametrize("name", REAL)
def test_nlp_text_has_the_stored_texts_length_and_offsets(name):
    for page in extract(_read(name)).pages:
        blanked = nlp_text(page)
        assert len(blanked) == len(page.text)
        inside = {i for a, b in page.skip for i in range(a, b)}
        # (outside them, only a curly apostrophe before a clitic is read as the straight one: "it’s" -> "it's")
        assert all(blanked[i] == page.text[i] or (page.text[i], blanked[i]) == ("\u2019", "'")
                   for i in range(len(page.text)) if i not in inside)
        for a, b in page.skip:   # a skip span is whole lines: starts and ends at line boundaries
            assert a == 0 or page.text[a - 1] == "\n"
            assert b == len(page.text) or page.text[b] == "\n"
            assert page.text[a:b].strip() and not blanked[a:b].strip()


def test_nlp_text_blanks_exactly_the_spans():
    page = Page(1, "HEADER\nbody text\nPage 2", "text", skip=[(0, 6), (17, 23)])
    assert nlp_text(page) == "      \nbody text\n      "
    assert nlp_text(Page(1, "no spans", "text")) == "no spans"


def test_stored_text_has_normalised_whitespace():
    for name in REAL:
        for page in extract(_read(name)).pages:
            assert "  " not in page.text and "\t" not in page.text and "\n\n\n" not in page.text
            assert not any(line != line.strip() for line in page.text.split("\n"))


def test_news_article_body_through_trafilatura():
    ex = extract(_read("news/nj.com1.html"))
    expected = _read("news/nj.com1.txt").decode()
    assert len(ex.pages) == 1 and ex.pages[0].method == "html"
    assert fuzz.ratio(" ".join(ex.pages[0].text.split()), " ".join(expected.split())) >= 90


@pytest.mark.parametrize("raw, reason", [
    (b"", "empty file"),
    (b"%PDF-1.4\n% truncated", "broken pdf"),
    (b"\x00\x01\x02\x03junk" * 10, "unsupported"),
])
def test_bad_input_is_one_line_reason(raw, reason):
    with pytest.raises(ExtractError) as err:
        extract(raw)
    assert reason.lower() in str(err.value).lower() and "\n" not in str(err.value)
