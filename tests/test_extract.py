"""Extraction on real public records (the saved fixtures) and on bad input."""
from __future__ import annotations

import pytest
from rapidfuzz import fuzz

from pipeline.extract import ExtractError, extract, sniff
from tests.conftest import FIXTURES


def _read(name: str) -> bytes:
    return (FIXTURES / name).read_bytes()


def test_format_is_chosen_by_content_not_name():
    assert sniff(_read("pdfs/2017_vote_house.pdf")) == "pdf"
    assert sniff(_read("news/nj.com1.html")) == "html"
    assert sniff(b"plain minutes text") == "text"


def test_pdf_pages_are_numbered_from_one_with_their_text():
    ex = extract(_read("pdfs/cuya_community_college_agenda.pdf"))
    assert [p.page for p in ex.pages] == [1, 2]
    assert all(p.method == "text" for p in ex.pages)
    assert "Regular Meeting of the Board of Trustees" in ex.pages[0].text
    assert "September 26, 2019" in ex.pages[0].text


def test_roll_call_text_survives():
    text = extract(_read("pdfs/2017_vote_house.pdf")).pages[0].text
    assert "RCS# 46" in text and "SB 176" in text


def test_news_article_body_through_trafilatura():
    ex = extract(_read("news/nj.com1.html"))
    expected = _read("news/nj.com1.txt").decode()
    assert len(ex.pages) == 1 and ex.pages[0].method == "html"
    assert fuzz.ratio(" ".join(ex.pages[0].text.split()), " ".join(expected.split())) > 80


@pytest.mark.parametrize("raw, reason", [
    (b"", "empty file"),
    (b"%PDF-1.4\n% truncated", "PDF"),
    (b"\x00\x01\x02\x03junk" * 10, "unsupported"),
])
def test_bad_input_is_one_line_reason(raw, reason):
    with pytest.raises(ExtractError) as err:
        extract(raw)
    assert reason.lower() in str(err.value).lower() and "\n" not in str(err.value)
