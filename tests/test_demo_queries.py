"""Queries on the demo case (built once per session by the real CLI); curation is tests/test_curation.py."""
from __future__ import annotations

import pytest

from index.store import Store
from tests.conftest import cli_json, run_cli

# query -> a distinctive part of the URL of the document that should rank first (BM25 and hybrid)
RELEVANCE = {
    "wrongful-death lawsuit grandmother": "grandmother-sues",
    "state review findings caseworker training": "state-review-finds-systemic-failures",  # titles are indexed
    "grand jury indicted supervisor": "indict",
}


def test_status_counts_documents_and_reports_no_failures(demo):
    s = cli_json("status", case=demo["case"])
    assert sum(r["n"] for r in s["documents"]) == s["counts"]["documents"] >= 20
    assert not s["failures"]


@pytest.mark.parametrize("query, expected", sorted(RELEVANCE.items()))
def test_search_ranks_the_expected_document_first(demo, query, expected):
    result = cli_json("search", query, "--mode", "bm25", case=demo["case"])
    assert result["total"] > 0
    top = result["results"][0]
    assert expected in (top["url"] or ""), [r["url"] for r in result["results"][:3]]
    hit = top["hits"][0]
    assert hit["page"] >= 1 and hit["marks"], "hits carry a page and marked words"


def test_doc_shows_provenance_and_pages(demo):
    with Store(demo["case"] / "casefile.duckdb", read_only=True) as s:
        doc_id = s.scalar("SELECT doc_id FROM documents WHERE url LIKE '%review-2018.pdf'")
    doc = cli_json("doc", doc_id[:10], "--page", "2", case=demo["case"])
    assert doc["doc_id"] == doc_id and [p["page"] for p in doc["pages"]] == [2]
    assert doc["fetches"] and doc["fetches"][0]["status"] == 200


def test_unknown_person_is_one_line_error(demo):
    proc = run_cli("timeline", "--person", "Nobody Atall", case=demo["case"], check=False)
    assert proc.returncode == 1 and proc.stderr.count("\n") == 1 and "no person matches" in proc.stderr
