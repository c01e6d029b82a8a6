"""A small relevance test on the demo case: queries written down with the document a reader would
want first, scored for BM25, semantic and hybrid search. Hybrid must do at least as well as the
better of the two it fuses. The numbers are also what chose the fusion (queries/search.py)."""
from __future__ import annotations

import pytest

from index.store import Store
from queries.search import search

# query -> a distinctive part of the URL of the document that should come first (a tuple: any of them)
EXPECTED = {
    "wrongful-death lawsuit grandmother": "grandmother-sues",
    "grand jury indicted supervisor": "supervisor-indicted",
    "state review findings caseworker training": ("harlan-dss-review-2018.pdf", "state-review-finds-systemic"),
    "county settles lawsuit for $1.2 million": "settles-simms-lawsuit",
    "Okafor sworn in as director": "okafor-takes-over",
    "board hires Okafor as permanent director": "picks-okafor",
    "board votes 4-1 to place Whitfield on paid leave": "placed-on-leave",
    "motion to put the director on leave fails": "rejects-leave",
    "Whitfield resigns": "whitfield-resigns",
    "commissioners ask social services board to resign": "commissioners-call",
    "board refuses to step down": "refuses-to-resign",
    "whistleblower complaint by caseworker Linda Ortiz": "month-of-upheaval",
    "toddler death raises questions about social services": "toddler-death-questions",
    "board asks the state to review the agency": "asks-state-review",
    "systemic failures": "systemic-failures",
    "seven temporary caseworkers are now carrying cases": "minutes-2018-08-14",
    "foster care payments could not be matched to case records": "picks-okafor",
    "Pruitt pleaded guilty and was sentenced to probation": "settles-simms-lawsuit",
    "agenda proposed settlement agreement Simms v. Harlan County": "agenda-2019-06-11",
    "turnover 41 percent the highest rate the department has recorded": "minutes-2017-12-12",
    "reopened cases and families now receiving services": "minutes-2018-06-12",
    "district attorney opened a criminal investigation": "minutes-2018-06-12",
    "Whitfield has been director since 2013": "toddler-death-questions",
    "restored training academy class will graduate": "minutes-2019-06-11",
    "county pays the family to end the court case over the boy's death": "settles-simms-lawsuit",
    "new head of the agency takes office in January": "okafor-takes-over",
    "criminal charges for altering the case file": "supervisor-indicted",
    "elected officials want the whole oversight board gone": "commissioners-call",
}
# What each mode gets right today (of 28): a floor, so a change that loses relevance is seen.
FLOOR = {"bm25": 25, "semantic": 15, "hybrid": 27}


@pytest.fixture(scope="module")
def firsts(demo) -> dict[str, dict[str, str]]:
    from casefile.case import open_case
    from pipeline.embed import Embedder

    encode = Embedder.from_settings(open_case(demo["case"]).settings).encode
    out: dict[str, dict[str, str]] = {}
    with Store(demo["case"] / "casefile.duckdb", read_only=True) as store:
        for mode in ("bm25", "semantic", "hybrid"):
            out[mode] = {}
            for query in EXPECTED:
                results = search(store, query, mode=mode, encode=encode)["results"]
                out[mode][query] = results[0]["url"] if results else ""
    return out


def right(first: str, expected: str | tuple[str, ...]) -> bool:
    return any(e in first for e in (expected if isinstance(expected, tuple) else (expected,)))


def scores(firsts: dict[str, dict[str, str]]) -> dict[str, int]:
    return {mode: sum(right(firsts[mode][q], e) for q, e in EXPECTED.items()) for mode in firsts}


def test_there_are_at_least_twenty_queries():
    assert len(EXPECTED) >= 20


@pytest.mark.parametrize("mode", ["bm25", "semantic", "hybrid"])
def test_each_mode_ranks_the_expected_document_first(firsts, mode):
    wrong = {q: firsts[mode][q] for q, e in EXPECTED.items() if not right(firsts[mode][q], e)}
    assert scores(firsts)[mode] >= FLOOR[mode], wrong


def test_hybrid_is_at_least_as_good_as_the_better_of_the_two(firsts):
    s = scores(firsts)
    assert s["hybrid"] >= max(s["bm25"], s["semantic"]), s
