"""What a query matches and how results come back: words, phrases, OR, exclusions, filters,
marks, totals, and that typed text only ever reaches SQL as a bound parameter."""
from __future__ import annotations

import pytest

from queries.filters import Filters, QueryError
from queries.search import search
from tests.search_case import build, encode


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    s = build(tmp_path_factory.mktemp("search") / "c.duckdb")
    yield s
    s.close()


def docs(store, query, mode="bm25", f=None):
    return [r["doc_id"] for r in search(store, query, f, mode=mode, encode=encode)["results"]]


def test_all_words_must_be_in_the_document_not_one_passage(store):
    # "grandmother" and "defendants" are in different passages of d-suit, in no passage together
    result = search(store, "grandmother defendants", mode="bm25")
    assert [r["doc_id"] for r in result["results"]] == ["d-suit"] and result["query"]["all_words"]
    assert {h["page"] for h in result["results"][0]["hits"]} == {1, 2}


def test_words_match_by_stem(store):
    assert set(docs(store, "resigning")) == {"d-resign"}
    assert set(docs(store, "lawsuits")) == {"d-suit", "d-settle"}


def test_a_phrase_needs_its_words_together_in_order(store):
    assert docs(store, '"grand jury"') == ["d-jury"]  # d-minutes has "jury ... grand", not the phrase
    assert set(docs(store, "grand jury")) == {"d-jury", "d-minutes"}
    assert docs(store, '"jury grand"') == []
    assert docs(store, '"accept her resignation"') == ["d-resign"]  # a stopword inside is kept in place


def test_or_and_exclusions(store):
    assert set(docs(store, "indicted OR settlement")) == {"d-jury", "d-settle"}
    assert set(docs(store, "lawsuit")) == {"d-suit", "d-settle"}
    assert docs(store, "lawsuit -settlement") == ["d-suit"]          # the whole document is excluded
    assert docs(store, 'board -"state review" -lawsuit') == ["d-minutes"]


def test_titles_are_searched_with_the_first_passage(store):
    result = search(store, "grandmother sues", mode="bm25")
    assert [r["doc_id"] for r in result["results"]] == ["d-suit"]
    assert result["results"][0]["hits"][0]["page"] == 1


def test_no_document_with_every_word_falls_back_to_some_of_them(store):
    result = search(store, "turnover lawsuit", mode="bm25")
    assert result["query"]["all_words"] is False
    assert {r["doc_id"] for r in result["results"]} == {"d-minutes", "d-suit", "d-settle"}
    assert search(store, "lawsuit", mode="bm25")["query"]["all_words"] is True


def test_query_filters_combine_with_command_line_filters(store):
    assert set(docs(store, "board kind:news")) == {"d-resign", "d-suit", "d-settle"}
    assert docs(store, "board", f=Filters(kind="minutes")) == ["d-minutes"]
    assert docs(store, "board kind:news", f=Filters(kind="minutes")) == []      # both must hold
    assert set(docs(store, "board source:gazette")) == {"d-resign", "d-settle"}
    assert docs(store, "board from:2019") == ["d-settle"]
    assert set(docs(store, 'board person:"Peggy Whitfield"')) == {"d-resign", "d-suit", "d-minutes"}
    assert docs(store, "board person:Whitfield person:Pruitt") == ["d-suit"]  # every person named
    assert docs(store, "board to:2018-02", f=Filters(person="Whitfield")) == ["d-minutes"]


def test_results_are_grouped_with_pages_marks_and_totals(store):
    result = search(store, "board", mode="bm25")
    assert result["total"] == 4 and result["documents"] == 4
    assert len({r["doc_id"] for r in result["results"]}) == len(result["results"]) == 4
    for r in result["results"]:
        assert set(r) >= {"doc_id", "title", "url", "kind", "source", "doc_date", "score", "hits"}
        for h in r["hits"]:
            assert set(h) >= {"chunk_id", "page", "char_start", "char_end", "score", "snippet", "marks"}
            assert [h["snippet"][a:b].lower() for a, b in h["marks"]] == ["board"]
    scores = [r["score"] for r in result["results"]]
    assert scores == sorted(scores, reverse=True)


def test_a_phrase_is_one_mark(store):
    hit = search(store, '"grand jury" pruitt', mode="bm25")["results"][0]["hits"][0]
    assert [hit["snippet"][a:b] for a, b in hit["marks"]] == ["grand jury", "Pruitt"]


def test_limit_counts_documents(store):
    result = search(store, "board", Filters(limit=2), mode="bm25")
    assert len(result["results"]) == 2 and result["documents"] == 4


@pytest.mark.parametrize("mode", ["semantic", "hybrid"])
def test_semantic_and_hybrid_find_by_meaning_and_honour_rules(store, mode):
    assert docs(store, "grandmother wrongful-death lawsuit county", mode)[0] == "d-suit"
    assert "d-settle" not in docs(store, "lawsuit -settlement", mode)
    assert set(docs(store, '"grand jury"', mode)) == {"d-jury"}           # a phrase is a rule in every mode
    assert set(docs(store, "board kind:minutes", mode)) == {"d-minutes"}


def test_semantic_needs_the_model(store):
    with pytest.raises(QueryError, match="embedding model"):
        search(store, "board", mode="semantic")


@pytest.mark.parametrize("query", [
    "'; DROP TABLE chunks; --", '"x\'); DELETE FROM documents; --"', "person:\"O'Brien\"", "kind:\"'news'\"",
    "source:%", "board -'", "$p0 $1 ? ?", "from:2018 \\\\' OR 1=1",
])
def test_typed_text_never_becomes_sql(store, query):
    before = store.counts()
    try:
        search(store, query, mode="hybrid", encode=encode)
    except QueryError as exc:
        assert "\n" not in str(exc)
    assert store.counts() == before


def test_unknown_mode_and_empty_queries_are_one_line(store):
    for query, mode, message in [("board", "fuzzy", "unknown search mode"), ("", "bm25", "empty query"),
                                 ("the of", "bm25", "only very common words"), ("-board", "bm25", "only excludes"),
                                 ("kind:news", "bm25", "empty query"), ("board person:Nobody", "bm25", "no person")]:
        with pytest.raises(QueryError, match=message):
            search(store, query, mode=mode, encode=encode)
