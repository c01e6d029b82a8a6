"""Golden files: the stored text of every real fixture, page by page, with its method and skipped
(header/footer) lines. A change in extraction shows up here as a diff to review.

Regenerate on purpose only:  CASEFILE_REGEN_GOLDEN=1 .venv/bin/python -m pytest tests/test_extract_golden.py
"""
from __future__ import annotations

import os
from pathlib import Path

import pytest

from pipeline.extract import Extracted, extract
from tests.conftest import FIXTURES

GOLDEN = FIXTURES / "extract" / "golden"
REAL = sorted([*(FIXTURES / "pdfs").glob("*.pdf"), *(FIXTURES / "news").glob("*.html")])
PAGE_MARK = "=== page "


def render(name: str, ex: Extracted) -> str:
    """The golden text: a header, then for each page its number, method, skipped lines and text."""
    out = [f"# golden extraction of {name}: {len(ex.pages)} page(s), format {ex.format}",
           f"# regenerate: CASEFILE_REGEN_GOLDEN=1 .venv/bin/python -m pytest tests/{Path(__file__).name}"]
    for page in ex.pages:
        skipped = " | ".join(page.text[a:b] for a, b in page.skip)
        out.append(f"{PAGE_MARK}{page.page} · {page.method} · skip: {skipped or '-'}")
        out.append(page.text)
    return "\n".join(out) + "\n"


def pages_of(golden: str) -> list[tuple[str, str]]:
    """(header line, text) per page of a golden file."""
    chunks = golden.split("\n" + PAGE_MARK)[1:]
    return [(PAGE_MARK + c.split("\n", 1)[0], c.split("\n", 1)[1].rstrip("\n")) for c in chunks]


@pytest.mark.parametrize("path", REAL, ids=[p.name for p in REAL])
def test_extraction_matches_golden(path: Path):
    name = f"{path.parent.name}/{path.name}"
    got = render(name, extract(path.read_bytes()))
    golden = GOLDEN / f"{path.name}.txt"
    if os.environ.get("CASEFILE_REGEN_GOLDEN") == "1":
        golden.write_text(got, encoding="utf-8")
        pytest.skip(f"golden regenerated: {golden.relative_to(FIXTURES.parent.parent)} (review the diff)")
    assert golden.exists(), f"no golden for {name}: run with CASEFILE_REGEN_GOLDEN=1 and review it"
    want = golden.read_text(encoding="utf-8")
    assert got.split("\n", 1)[0] == want.split("\n", 1)[0], "page count or format changed"
    for (got_head, got_text), (want_head, want_text) in zip(pages_of(got), pages_of(want)):
        assert got_head == want_head
        assert got_text == want_text, f"{name} {want_head}"
    assert got == want


def test_goldens_pin_page_counts_and_reading_order():
    """The goldens themselves say what was checked by hand (guards against a bad regeneration)."""
    def golden(name: str) -> str:
        return (GOLDEN / f"{name}.txt").read_text(encoding="utf-8")

    assert len(pages_of(golden("cuya_community_college_agenda.pdf"))) == 2
    cuya = pages_of(golden("cuya_community_college_agenda.pdf"))[0][1]
    steps = ["I. ROLL CALL", "II. ELECTION OF OFFICERS", "III. APPROVAL OF THE MINUTES", "V. COMMITTEE REPORTS",
             "1. Approval of Unum Life", "9. Approval of Installation", "Page 1 of 2"]
    assert [cuya.index(s) for s in steps] == sorted(cuya.index(s) for s in steps)
    roll = pages_of(golden("2017_vote_house.pdf"))
    assert len(roll) == 1 and "\nAdkins | | X | | | Louis | X | | |\n" in roll[0][1]
    notice = pages_of(golden("Notice-and-Agenda-001-2023-06-06.pdf"))
    assert len(notice) == 1 and "Date/Time: June 6, 530pm" in notice[0][1]
    for news in ("nj.com1.html", "oregonlive.com1.html", "pe.com1.html"):
        assert len(pages_of(golden(news))) == 1
    assert pages_of(golden("oregonlive.com1.html"))[0][1].startswith("GRANTS/DONATIONS\n\nBEAVERTON -- The Comcast")
