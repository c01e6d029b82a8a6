"""Search noise on the demo case: a rare name answers the one document that has it, not "200
passages in 3 documents"; documents found by meaning only come apart, as related, above a floor."""
from __future__ import annotations

import urllib.request

import pytest

from index.store import Store
from queries.search import RELATED_FLOOR, search
from tests.web_cases import Server, demo_case

RARE = "Nguyen"   # the county finance director, named only in the minutes of November 13, 2018


@pytest.fixture(scope="module")
def store():
    with Store(demo_case() / "casefile.duckdb", read_only=True) as s:
        yield s


@pytest.fixture(scope="module")
def encode():
    from casefile.case import open_case
    from pipeline.embed import Embedder

    return Embedder.from_settings(open_case(demo_case()).settings).encode


def holding(store, word: str) -> set[str]:
    return {r["doc_id"] for r in store.query("SELECT DISTINCT doc_id FROM pages WHERE text ILIKE ?", [f"%{word}%"])}


def test_a_rare_name_answers_its_one_document(store, encode):
    [doc_id] = holding(store, RARE)
    result = search(store, RARE, encode=encode)
    assert [g["doc_id"] for g in result["results"]] == [doc_id]
    assert (result["total"], result["documents"]) == (2, 1)            # the two passages that name him
    assert all(RARE in h["snippet"] and h["marks"] for h in result["results"][0]["hits"])
    assert result["related"] == []                                   # nothing else comes near in meaning


def test_documents_found_by_meaning_only_are_apart_and_above_the_floor(store, encode):
    result = search(store, "caseworker turnover", encode=encode)
    words = {g["doc_id"] for g in search(store, "caseworker turnover", mode="bm25")["results"]}
    assert {g["doc_id"] for g in result["results"]} == words            # results: the documents with the words
    assert result["documents"] == len(words)
    related = result["related"]
    assert related and not {g["doc_id"] for g in related} & words
    assert all(g["score"] >= RELATED_FLOOR and len(g["hits"]) <= 2 for g in related)
    assert [g["score"] for g in related] == sorted((g["score"] for g in related), reverse=True)


def test_without_every_word_meaning_still_ranks_with_words(store, encode):
    result = search(store, "county pays the family to end the court case over the boy's death", encode=encode)
    assert result["query"]["all_words"] is False and result["related"] == []
    assert "settles-simms-lawsuit" in result["results"][0]["url"]


def test_the_search_page_says_how_it_ranks_and_lists_related_apart():
    with Server(demo_case()) as server:
        rare = urllib.request.urlopen(server.url + f"search?q={RARE}").read().decode()
        broad = urllib.request.urlopen(server.url + "search?q=caseworker+turnover").read().decode()
    assert "2 passages in 1 document</p>" in rare and "Related by meaning" not in rare
    assert rare.count('<li class="result ') == 1
    assert "fused by rank" not in rare and "scaled to 0–1 and averaged" in rare
    assert "related by meaning" in broad and '<ol class="results related">' in broad
