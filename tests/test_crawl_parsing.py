"""Spider parsing, feeds, metadata and settings on saved pages: no network, no reactor."""
from __future__ import annotations

import re
from datetime import date, datetime, timedelta, timezone
from email.utils import format_datetime
from pathlib import Path

import pytest
from parsel import Selector
from scrapy.http import HtmlResponse, Request

from crawlers.feeds import parse_feed
from crawlers.metadata import article_metadata, date_in_text, filename_for, page_text, parse_when
from crawlers.middlewares import host_allowed, parse_retry_after
from crawlers.report import CrawlContext, SourceReport
from crawlers.run import CrawlError, crawl, expand
from crawlers.settings import scrapy_settings, source_settings
from crawlers.spiders import SPIDERS, LayoutError, SourceConfigError
from index.archive import Archive
from index.store import Store

SITE = Path(__file__).resolve().parent / "fixtures" / "crawl" / "site"
BASE = "http://county.example.gov"


@pytest.fixture()
def context(tmp_path: Path) -> CrawlContext:
    store = Store(tmp_path / "case.duckdb")
    yield CrawlContext(store=store, archive=Archive(tmp_path / "archive"))
    store.close()


def spider(context: CrawlContext, **source: object):
    source = {"name": "board", "kind": "minutes", **source}
    cls = SPIDERS[str(source["spider"])]
    return cls(source=source, context=context, report=SourceReport("board", str(source["spider"])))


def saved(path: str, url: str) -> HtmlResponse:
    return HtmlResponse(url=url, body=(SITE / path).read_bytes(), encoding="utf-8",
                        request=Request(url))


# -- listing ------------------------------------------------------------------------------
def test_listing_yields_documents_and_pagination(context: CrawlContext) -> None:
    s = spider(context, spider="listing", start_urls=[f"{BASE}/county/dss/board/index.html"],
               documents=[r"\.pdf$"], follow=[r"/dss/board/page-\d+\.html"])
    out = list(s.parse_listing(saved("county/dss/board/index.html", f"{BASE}/county/dss/board/index.html")))
    docs = [r for r in out if r.callback == s.parse_document]
    pages = [r for r in out if r.callback == s.parse_listing]
    assert [r.url for r in docs] == [f"{BASE}/county/dss/board/minutes-2018-01-09.pdf",
                                     f"{BASE}/county/dss/board/agenda-2018-01-09.pdf"]
    assert docs[0].meta["link_text"] == "Minutes — January 9, 2018"
    assert [r.url for r in pages] == [f"{BASE}/county/dss/board/page-2.html"]


def test_listing_raises_naming_the_source_when_the_page_changed(context: CrawlContext) -> None:
    s = spider(context, spider="listing", start_urls=[f"{BASE}/board"], documents=[r"\.docx$"])
    with pytest.raises(LayoutError, match=r"source 'board': .*index\.html: no link matches documents"):
        list(s.parse_listing(saved("county/dss/board/index.html", f"{BASE}/county/dss/board/index.html")))


def test_listing_keeps_to_the_source_hosts(context: CrawlContext) -> None:
    s = spider(context, spider="listing", start_urls=[f"{BASE}/board"], documents=[r"\.pdf$"])
    page = HtmlResponse(url=f"{BASE}/board", encoding="utf-8", request=Request(f"{BASE}/board"),
                        body=b'<a href="/a.pdf">A</a> <a href="https://cdn.example.net/b.pdf">B</a>')
    assert [r.url for r in s.parse_listing(page)] == [f"{BASE}/a.pdf"]
    assert s.report.skipped == ["https://cdn.example.net/b.pdf: outside county.example.gov"]


@pytest.mark.parametrize("source, message", [
    ({"spider": "listing", "start_urls": [f"{BASE}/b"]}, "needs `documents`"),
    ({"spider": "listing", "start_urls": [f"{BASE}/b"], "documents": ["(unclosed"]}, "documents regex"),
    ({"spider": "documents"}, "needs `urls`"),
    ({"spider": "documents", "urls": "ftp://x/y.pdf"}, "is not an http(s) URL"),
    ({"spider": "news", "feeds": [f"{BASE}/f.xml"], "kind": "blog"}, "kind 'blog'"),
    ({"spider": "news", "feeds": [f"{BASE}/f.xml"], "keywords": "DSS", "match_body": "yes"}, "match_body"),
])
def test_bad_sources_are_refused_with_their_name(context: CrawlContext, source: dict, message: str) -> None:
    with pytest.raises(SourceConfigError, match=rf"source 'board'.*{re.escape(message)}"):
        spider(context, **source)


# -- feeds and article metadata ------------------------------------------------------------
def test_rss_links_are_resolved_against_the_feed() -> None:
    feed = parse_feed((SITE / "herald/feed.xml").read_bytes(), f"{BASE}/herald/feed.xml")
    assert feed.kind == "rss" and feed.title == "The Harlan Herald"
    first = feed.entries[0]
    assert first.url == f"{BASE}/herald/2018/dss-director-leave.html"
    assert (first.author, first.published) == ("Feed Byline", "Tue, 06 Mar 2018 14:00:00 GMT")
    assert len(feed.entries) == 3


def test_atom_sitemap_index_and_news_sitemap() -> None:
    atom = parse_feed((SITE / "gazette/atom.xml").read_bytes(), f"{BASE}/gazette/atom.xml")
    assert atom.kind == "atom" and atom.entries[0].url == f"{BASE}/gazette/dss-audit.html"
    assert (atom.entries[0].author, atom.entries[0].outlet) == ("Lee Park", "Valley Gazette")
    index = parse_feed((SITE / "herald/sitemap-index.xml").read_bytes(), f"{BASE}/herald/sitemap-index.xml")
    assert index.kind == "sitemapindex" and index.sitemaps == [f"{BASE}/herald/news-sitemap.xml"]
    news = parse_feed((SITE / "herald/news-sitemap.xml").read_bytes(), f"{BASE}/herald/news-sitemap.xml")
    entry = news.entries[0]
    assert (entry.title, entry.outlet) == ("State review faults social services oversight", "The Harlan Herald")
    assert entry.published == "2018-06-01T08:00:00-04:00"


def test_a_page_that_is_not_a_feed() -> None:
    assert parse_feed((SITE / "county/dss/board/index.html").read_bytes(), BASE).kind is None
    assert parse_feed(b"", BASE).kind is None


def test_article_metadata_meta_tags_then_json_ld() -> None:
    tags = article_metadata(Selector(text=(SITE / "herald/2018/dss-director-leave.html").read_text()))
    assert tags == {"title": "County DSS director placed on leave", "author": "Dana Reyes",
                    "outlet": "The Harlan Herald", "published": "2018-03-06T09:00:00-05:00"}
    graph = article_metadata(Selector(text=(SITE / "herald/2018/state-review.html").read_text()))
    assert graph["author"] == "Dana Reyes, Sam Ortiz" and graph["outlet"] == "The Harlan Herald"
    assert graph["title"] == "State review faults social services oversight"
    body = page_text(Selector(text=(SITE / "herald/2018/commissioners-budget.html").read_text()))
    assert "Paul Whitfield" in body and "NewsArticle" not in body  # scripts are not text


# -- dates, filenames, retries, settings ------------------------------------------------------
@pytest.mark.parametrize("text, expected", [
    ("Minutes — January 9, 2018", date(2018, 1, 9)),
    ("Regular meeting 9 Jan. 2018 (amended)", date(2018, 1, 9)),
    ("Agenda 2018-03-06", date(2018, 3, 6)),
    ("Agenda, 1/9/2018", date(2018, 1, 9)),
    ("Special meeting minutes", None),
    ("Minutes, March 2018", None),                                  # no day: not a clear date
    ("Minutes of January 9, 2018, approved February 13, 2018", None),  # two dates: which one?
])
def test_dates_in_link_text(text: str, expected: date | None) -> None:
    assert date_in_text(text) == expected


def test_publication_dates() -> None:
    assert parse_when("2018-03-06T09:00:00-05:00").date() == date(2018, 3, 6)
    assert parse_when("Tue, 06 Mar 2018 14:00:00 GMT") == datetime(2018, 3, 6, 14, tzinfo=timezone.utc)
    assert parse_when("2018-06-01") == date(2018, 6, 1)
    assert parse_when("") is None


def test_filenames() -> None:
    assert filename_for(f"{BASE}/docs/Minutes%202018.pdf", None) == "Minutes 2018.pdf"
    assert filename_for(f"{BASE}/download?id=7", 'attachment; filename="minutes.pdf"') == "minutes.pdf"
    assert filename_for(f"{BASE}/d", "attachment; filename*=UTF-8''r%C3%A9sum%C3%A9.pdf") == "résumé.pdf"
    assert filename_for(f"{BASE}/", None) is None


def test_retry_after_forms() -> None:
    assert parse_retry_after("120") == 120.0
    later = format_datetime(datetime.now(timezone.utc) + timedelta(seconds=30), usegmt=True)
    assert 25 < parse_retry_after(later) <= 30
    assert parse_retry_after("soon") is None and parse_retry_after(None) is None


def test_hosts_include_subdomains_only() -> None:
    assert host_allowed("https://www.county.example.gov/x", ["county.example.gov"])
    assert not host_allowed("https://county.example.gov.evil.net/x", ["county.example.gov"])


def test_polite_scrapy_settings() -> None:
    s = scrapy_settings({"contact": "desk@example.org", "max_download_mb": 5, "download_timeout": 30})
    assert s["USER_AGENT"].startswith("casefile/") and s["USER_AGENT"].endswith("contact: desk@example.org")
    assert s["ROBOTSTXT_OBEY"] and s["AUTOTHROTTLE_ENABLED"] and s["CONCURRENT_REQUESTS_PER_DOMAIN"] == 2
    assert s["DOWNLOAD_MAXSIZE"] == 5 * 1024 * 1024 and s["DOWNLOAD_TIMEOUT"] == 30
    assert not s["TELNETCONSOLE_ENABLED"] and not s["REMOTE_CONTROL_ENABLED"]
    assert s["LOG_LEVEL"] == "WARNING" and 429 in s["RETRY_HTTP_CODES"]
    assert source_settings({"obey_robots": False}) == {"ROBOTSTXT_OBEY": False}
    assert scrapy_settings({"scrapy": {"DOWNLOAD_DELAY": 0}})["DOWNLOAD_DELAY"] == 0


def test_crawl_refuses_what_it_cannot_run_before_starting_the_reactor(context: CrawlContext) -> None:
    sources = [{"name": "a", "kind": "report", "spider": "documents", "urls": [f"{BASE}/a.pdf"]}]
    with pytest.raises(CrawlError, match="no source named 'b'"):
        crawl(sources, store=context.store, archive=context.archive, settings={}, only="b")
    with pytest.raises(CrawlError, match="two sources are named 'a'"):
        crawl(sources * 2, store=context.store, archive=context.archive, settings={})


def test_base_is_expanded_in_urls_only() -> None:
    [source] = expand([{"name": "x", "start_urls": ["{base}/board"], "documents": ["{base}"]}], "http://h:1/")
    assert source["start_urls"] == ["http://h:1/board"] and source["documents"] == ["{base}"]
