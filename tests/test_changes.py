"""Document versions and removals in the store, the crawl context and `queries.changes` (no network)."""
from __future__ import annotations

import dataclasses
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest

from casefile.settings import Settings
from crawlers.middlewares import wrong_content
from crawlers.report import CrawlContext, SourceReport
from crawlers.settings import DEFAULTS
from crawlers.spiders import SPIDERS
from index.archive import Archive
from index.store import Store
from queries.changes import changes, parse_since
from queries.filters import QueryError
from tests.conftest import run_cli

T0 = datetime(2024, 5, 1, 12, 0, tzinfo=timezone.utc)
URL = "https://county.example.gov/board/minutes.pdf"


def at(hours: float) -> datetime:
    return T0 + timedelta(hours=hours)


def sight(store: Store, doc_id: str, url: str = URL, source: str = "board", hours: float = 0) -> str:
    return store.sight_document({"doc_id": doc_id * 64, "kind": "minutes", "source": source, "url": url,
                                 "last_seen": at(hours)})


@pytest.fixture
def store(tmp_path: Path) -> Store:
    s = Store(tmp_path / "c.duckdb")
    yield s
    s.close()


def doc(store: Store, doc_id: str) -> dict:
    return store.query("SELECT * FROM documents WHERE doc_id = ?", [doc_id * 64])[0]


# -- versions -------------------------------------------------------------------------------
def test_new_bytes_at_a_known_url_supersede_the_version_seen_there(store: Store) -> None:
    assert [sight(store, "a", hours=0), sight(store, "b", hours=1), sight(store, "c", hours=2)] == \
        ["new", "changed", "changed"]
    assert [doc(store, x)["supersedes"] for x in "abc"] == [None, "a" * 64, "b" * 64]
    assert store.counts()["documents"] == 3  # every version stays


def test_a_version_seen_again_is_seen_and_becomes_current(store: Store) -> None:
    sight(store, "a", hours=0)
    sight(store, "b", hours=1)
    assert sight(store, "a", hours=2) == "seen"  # the agency put the old text back
    assert store.current_at(URL)["doc_id"] == "a" * 64
    assert sight(store, "c", hours=3) == "changed" and doc(store, "c")["supersedes"] == "a" * 64


def test_the_same_bytes_at_another_url_are_one_document(store: Store) -> None:
    sight(store, "a")
    assert sight(store, "a", url="https://county.example.gov/archive/minutes.pdf", hours=1) == "seen"
    assert doc(store, "a")["url"] == URL


# -- removals -------------------------------------------------------------------------------
def test_a_removal_keeps_the_time_first_seen_missing(store: Store) -> None:
    sight(store, "a")
    assert store.mark_removed(["a" * 64], at(1)) == 1
    assert store.mark_removed(["a" * 64], at(2)) == 0
    assert doc(store, "a")["removed_at"] == at(1)


def test_a_removal_is_lifted_only_when_the_document_is_back_at_its_url(store: Store) -> None:
    sight(store, "a")
    store.mark_removed(["a" * 64], at(1))
    sight(store, "a", url="file:///home/reporter/saved/minutes.pdf", hours=2)  # a saved copy is not the web
    assert doc(store, "a")["removed_at"] == at(1)
    sight(store, "a", hours=3)
    assert doc(store, "a")["removed_at"] is None


@pytest.fixture
def context(store: Store, tmp_path: Path) -> CrawlContext:
    return CrawlContext(store=store, archive=Archive(tmp_path / "archive"))


def test_unlisted_marks_only_the_sources_current_web_documents(context: CrawlContext, store: Store) -> None:
    base = "https://county.example.gov/board/"
    sight(store, "a", url=base + "jan.pdf")
    sight(store, "b", url=base + "feb.pdf")
    sight(store, "c", url=base + "feb.pdf", hours=1)         # feb's current version
    sight(store, "d", url=base + "mar.pdf", source="herald")  # another source's
    sight(store, "e", url="file:///tmp/imported.pdf")         # imported under the same source name
    store.sight_document({"doc_id": "f" * 64, "kind": "minutes", "source": "board", "last_seen": at(0),
                          "url": base + "jan.pdf#exhibit.pdf", "meta": {"parent": "a" * 64}})  # an attachment
    marked = context.mark_unlisted("board", {base + "jan.pdf"}, at(2))
    assert marked == ["c" * 64]
    assert [doc(store, x)["removed_at"] for x in "abcdef"] == [None, None, at(2), None, None, None]


def test_gone_follows_a_link_to_where_it_redirected(context: CrawlContext, store: Store) -> None:
    link, final = "https://county.example.gov/get?id=7", "https://county.example.gov/files/7.pdf"
    store.add_fetch({"fetch_id": "f1", "url": link, "final_url": final, "source": "board",
                     "fetched_at": at(0), "status": 200, "sha256": "a" * 64})
    sight(store, "a", url=final)
    assert context.mark_gone([link], at(1)) == ["a" * 64]


def test_a_crawl_whose_listing_failed_removes_nothing(context: CrawlContext, store: Store) -> None:
    sight(store, "a", url="https://county.example.gov/board/jan.pdf")
    said: list[str] = []
    context.progress = said.append
    source = {"name": "board", "kind": "minutes", "spider": "listing",
              "start_urls": ["https://county.example.gov/board/"], "documents": [r"\.pdf$"]}
    spider = SPIDERS["listing"](source=source, context=context, report=SourceReport("board", "listing"))
    spider.listed = {"https://county.example.gov/board/feb.pdf"}
    spider.listings_ok = False  # e.g. page 2 answered 500
    spider._on_closed(spider, "finished")
    assert doc(store, "a")["removed_at"] is None and spider.report.removed == 0
    assert said == ["board: not checked for removed documents (a listing page was not read)"]
    spider.listings_ok = True
    spider._on_closed(spider, "finished")
    assert doc(store, "a")["removed_at"] is not None and spider.report.removed == 1


# -- queries.changes ------------------------------------------------------------------------
def test_changes_since_a_moment_with_reasons(store: Store) -> None:
    sight(store, "a", hours=0)
    sight(store, "b", hours=5)
    sight(store, "c", url="https://county.example.gov/board/old.pdf", hours=0)
    store.add_fetch({"fetch_id": "f1", "url": "https://county.example.gov/board/old.pdf", "source": "board",
                     "fetched_at": at(6), "status": 410, "error": "HTTP 410 Gone"})
    store.mark_removed(["c" * 64], at(6))
    got = changes(store, since=at(4))
    assert [(c["change"], c["doc_id"][0], c["supersedes"] and c["supersedes"][0], c["reason"])
            for c in got["changes"]] == [("changed", "b", "a", None), ("removed", "c", None, "HTTP 410 Gone")]
    assert got["sources"] == [{"source": "board", "new": 0, "changed": 1, "removed": 1, "fetches": 1,
                               "fetch_errors": 1, "last_fetch": at(6)}]
    assert [c["change"] for c in changes(store)["changes"]] == ["new", "new", "changed", "removed"]
    assert changes(store, source="herald")["changes"] == []


@pytest.mark.parametrize("text, expected", [
    ("2024-05-01T12:00:00+00:00", T0),
    ("2024-05-01T14:00+02:00", T0),
])
def test_since_takes_dates_and_times(text: str, expected: datetime) -> None:
    assert parse_since(text) == expected


def test_since_a_day_starts_at_local_midnight() -> None:
    when = parse_since("2024-05")
    assert (when.year, when.month, when.day, when.hour, when.minute) == (2024, 5, 1, 0, 0) and when.tzinfo


def test_since_refuses_what_is_not_a_date() -> None:
    with pytest.raises(QueryError, match="not a date"):
        parse_since("last week")


def test_changes_command_with_nothing_to_report(fresh_case: Path) -> None:
    proc = run_cli("changes", "--since", "2024-05-01", case=fresh_case)
    assert "no new, changed or removed documents since 2024-05-01T00:00:00" in proc.stdout
    assert run_cli("changes", "--format", "csv", case=fresh_case).stdout == \
        "change,when,source,kind,doc_id,url,title,supersedes,reason\n"


# -- the crawler's part ---------------------------------------------------------------------
@pytest.mark.parametrize("url, ctype, body, expected", [
    ("https://x/m.pdf", "text/html", b"<html>Document not found</html>", "expected a PDF, got text/html"),
    ("https://x/get?id=7", "application/pdf", b"<html>Please log in</html>", "expected a PDF, got application/pdf"),
    ("https://x/m.pdf", "application/octet-stream", b"%PDF-1.7\n...", None),
    ("https://x/m.pdf", "text/html", b"\n\n%PDF-1.4 served with the wrong type, still a PDF", None),
    ("https://x/page.html", "text/html", b"<html></html>", None),
])
def test_a_pdf_link_that_answers_something_else_is_flagged(url, ctype, body, expected) -> None:
    why = wrong_content(url, ctype, body)
    assert (why is None) if expected is None else (expected in why)


def test_crawler_defaults_are_the_settings_defaults() -> None:
    settings = {f.name: f.default for f in dataclasses.fields(Settings) if not f.name.startswith("_")}
    shared = set(settings) & set(DEFAULTS)
    assert {"download_delay", "retry_times", "conditional_requests", "max_download_mb"} <= shared
    assert {k: settings[k] for k in shared} == {k: DEFAULTS[k] for k in shared}
