"""Walking back to `since`: the year, page and date-search controls of each platform on saved
real pages, then real crawls of a Legistar-like site on 127.0.0.1 (tests/legistar_site.py)
whose past years sit behind form posts, three pages each, and a re-crawl that asks only for
what may have changed (crawlers/spiders/history.py)."""
from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import tomllib
from pathlib import Path
from datetime import date, datetime, timedelta, timezone
from typing import Any
from urllib.parse import parse_qs

import duckdb
import pytest

from crawlers.report import CrawlContext
from crawlers.spiders import SourceConfigError
from crawlers.spiders.history import DateRange, Window, settled
from tests import legistar_site
from tests.platform_pages import PAGES, ROOT, context, documents, further, make, saved  # noqa: F401 (context)

CHICAGO = "https://chicago.legistar.com/Calendar.aspx"
CHICAGO_NOW = datetime(2019, 1, 20, tzinfo=timezone.utc)  # the saved calendar shows January 2019


# -- the range ---------------------------------------------------------------------------------
def test_windows_are_years_back_to_since_the_newest_open_ended() -> None:
    assert DateRange(date(2022, 3, 15)).windows(date(2024, 6, 1)) == [
        Window(date(2024, 1, 1), None), Window(date(2023, 1, 1), date(2023, 12, 31)),
        Window(date(2022, 3, 15), date(2022, 12, 31))]


def test_windows_stop_at_until() -> None:
    assert DateRange(date(2021, 1, 1), date(2022, 6, 30)).windows(date(2024, 6, 1)) == [
        Window(date(2022, 1, 1), date(2022, 6, 30)), Window(date(2021, 1, 1), date(2021, 12, 31))]


def test_without_since_the_current_year_is_the_only_window() -> None:
    assert DateRange().windows(date(2024, 6, 1)) == [Window(date(2024, 1, 1), None)]


def test_a_meeting_without_a_date_is_kept() -> None:
    assert DateRange(date(2022, 1, 1)).holds(None) and not DateRange(date(2022, 1, 1)).holds(date(2021, 12, 31))


def test_since_may_be_a_toml_date_or_a_string() -> None:
    toml = tomllib.loads('[[sources]]\nsince = 2019-01-01\nuntil = "2020-06-30"\n')["sources"][0]
    assert DateRange.from_source("s", toml) == DateRange(date(2019, 1, 1), date(2020, 6, 30))


@pytest.mark.parametrize("source, message", [
    ({"since": "last year"}, "`since` must be a date, YYYY-MM-DD, not 'last year'"),
    ({"since": "2020-01-01", "until": "2019-01-01"}, "`since` \\(2020-01-01\\) is after `until`"),
])
def test_a_range_that_cannot_be_read_is_a_config_error(source: dict[str, Any], message: str) -> None:
    with pytest.raises(SourceConfigError, match=f"source 's': {message}"):
        DateRange.from_source("s", source)


def test_settled_means_older_than_settle_days_and_zero_turns_it_off() -> None:
    today = date(2024, 6, 1)
    assert settled(date(2024, 3, 3), today, 90) and not settled(date(2024, 3, 4), today, 90)
    assert not settled(date(2000, 1, 1), today, 0)


# -- the controls on saved pages ----------------------------------------------------------------
def test_legistar_calendar_posts_its_year_list_for_each_year_back_to_since(context: CrawlContext) -> None:
    spider = make(context, "legistar", CHICAGO, CHICAGO_NOW, since="2017-06-01")
    posts = further(spider, saved(PAGES / "legistar_chicago_events.html", CHICAGO))
    forms = [{k: v[0] for k, v in parse_qs(r.body.decode(), keep_blank_values=True).items()} for r in posts]
    # its lstYears drop-down offers All Years, 2019 ... 2010, Last Year, This Month...
    assert [json.loads(f["ctl00_ContentPlaceHolder1_lstYears_ClientState"]) for f in forms] == [
        {"value": "2019"}, {"value": "2018"}, {"value": "2017"}]
    assert {f["__EVENTTARGET"] for f in forms} == {"ctl00$ContentPlaceHolder1$lstYears"}
    html = (PAGES / "legistar_chicago_events.html").read_text(encoding="utf-8")
    viewstate = re.search(r'name="__VIEWSTATE" id="__VIEWSTATE" value="([^"]+)"', html).group(1)
    assert {f["__VIEWSTATE"] for f in forms} == {viewstate}
    assert [(r.method, r.url, r.meta["casefile_form"]) for r in posts] == [
        ("POST", CHICAGO, f"year={y}&page=1") for y in (2019, 2018, 2017)]


def test_legistar_calendar_meetings_outside_the_range_are_not_fetched(context: CrawlContext) -> None:
    spider = make(context, "legistar", CHICAGO, CHICAGO_NOW, since="2017-01-01", until="2018-12-31")
    assert documents(spider, saved(PAGES / "legistar_chicago_events.html", CHICAGO), CHICAGO_NOW) == {}
    assert len(spider.listed) == 8  # still listed: not judged removed


def test_civicplus_searches_each_year_back_to_since(context: CrawlContext) -> None:
    spider = make(context, "civicplus", "https://nm-lascruces.civicplus.com/AgendaCenter",
                  datetime(2021, 3, 1, tzinfo=timezone.utc), since="2019-06-01")
    base = "https://nm-lascruces.civicplus.com/AgendaCenter/Search/?term=&CIDs=all"
    assert [r.url for r in spider.start_requests_for_source()] == [
        f"{base}&startDate=01/01/2021&endDate=12/31/2021&dateRange=&dateSelector=",
        f"{base}&startDate=01/01/2020&endDate=12/31/2020&dateRange=&dateSelector=",
        f"{base}&startDate=06/01/2019&endDate=12/31/2019&dateRange=&dateSelector="]


def test_granicus_keeps_the_archived_meetings_since(context: CrawlContext) -> None:
    url = "http://metrarr.granicus.com/ViewPublisher.php?view_id=5"
    spider = make(context, "granicus", url, datetime(2018, 2, 6, tzinfo=timezone.utc), since="2018-01-01")
    # of the 50 archived rows only two are dated 2018: Jan 17 (clip 288) and Jan 31 (clip 296), an agenda each
    found = documents(spider, saved(PAGES / "il_metra_board.html", url), datetime(2018, 2, 6, tzinfo=timezone.utc))
    assert sorted(item.doc_date for item in found.values()) == [date(2018, 1, 17), date(2018, 1, 31)]


# -- real crawls of a Legistar-like site ----------------------------------------------------------
SETTINGS = {"download_delay": 0, "autothrottle_start_delay": 0, "autothrottle_max_delay": 0.1,
            "obey_robots": False, "concurrent_per_domain": 8, "settle_days": 1}


def crawl(folder: Path, sources: list[dict[str, Any]]) -> dict[str, Any]:
    proc = subprocess.run(
        [sys.executable, "-m", "crawlers.run", "--db", str(folder / "c.duckdb"), "--archive", str(folder / "archive"),
         "--sources-json", json.dumps(sources), "--settings-json", json.dumps(SETTINGS)],
        cwd=ROOT, capture_output=True, text=True, timeout=120, env={**os.environ, "PYTHONPATH": str(ROOT)})
    assert proc.returncode == 0, proc.stderr
    return json.loads(proc.stdout)["sources"]


def rows(folder: Path, sql: str, *params: Any) -> list[tuple[Any, ...]]:
    con = duckdb.connect(str(folder / "c.duckdb"), read_only=True)
    try:
        return con.execute(sql, list(params)).fetchall()
    finally:
        con.close()


@pytest.fixture(scope="module")
def walked(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    """A calendar source, a Web API source and one whose API refuses (on a second site), all with
    `since` two years back, crawled twice."""
    folder = tmp_path_factory.mktemp("walk")
    today = date.today()
    since = f"{today.year - 2}-01-01"
    with legistar_site.serve(today) as base, legistar_site.serve(today) as other:
        sources = [{"name": "calendar", "spider": "legistar", "start_urls": [f"{base}/Calendar.aspx"], "since": since},
                   {"name": "api", "spider": "legistar", "start_urls": [f"{base}/Calendar.aspx"], "since": since,
                    "api": f"{base}/v1/loopcity"},
                   {"name": "locked", "spider": "legistar", "start_urls": [f"{other}/Calendar.aspx"], "since": since,
                    "api": f"{other}/v1/locked"}]
        first = crawl(folder, sources)
        between = datetime.now(timezone.utc)
        second = crawl(folder, sources)
    return {"folder": folder, "base": base, "other": other, "today": today, "first": first, "second": second,
            "between": between}


def expected_documents(base: str, today: date, source: str = "calendar") -> set[str]:
    mark = legistar_site.API_MARK if source == "api" else ""
    return {base + path + mark for m in legistar_site.all_meetings(today) for _, path in legistar_site.documents(m, today)}


@pytest.mark.parametrize("source", ["calendar", "api"])
def test_since_two_years_back_yields_every_meeting_of_both_years_once(walked, source: str) -> None:
    found = rows(walked["folder"], "SELECT url FROM documents WHERE source = ?", source)
    urls = [u for (u,) in found]
    assert len(urls) == len(set(urls))
    assert set(urls) == expected_documents(walked["base"], walked["today"], source)
    assert walked["first"][source]["new"] == len(urls)


def test_each_document_is_fetched_once(walked) -> None:
    fetched = rows(walked["folder"], "SELECT url, count(*) FROM fetches WHERE source = 'calendar' "
                   "AND url LIKE '%View.ashx%' AND fetched_at < ? GROUP BY url", walked["between"])
    assert {n for _, n in fetched} == {1}


def test_each_year_and_page_behind_the_form_post_is_logged(walked) -> None:
    logged = {u.split("#", 1)[1] for (u,) in rows(
        walked["folder"], "SELECT url FROM fetches WHERE source = 'calendar' AND url LIKE '%#post:%' AND fetched_at < ?",
        walked["between"])}
    years = [walked["today"].year - k for k in range(3)]
    assert logged == {f"post:year={y}&page={p}" for y in years for p in (1, 2, 3)}


def test_a_meetings_document_keeps_its_date_body_and_type(walked) -> None:
    year = walked["today"].year - 1
    [(title, kind, doc_date, meta)] = rows(
        walked["folder"], "SELECT title, kind, doc_date, meta FROM documents WHERE source = 'calendar' AND url = ?",
        f"{walked['base']}/View.ashx?M=M&ID={year}06")
    assert (title, kind, doc_date) == (f"Finance Committee — Minutes — June 10, {year}", "minutes", date(year, 6, 10))
    assert json.loads(meta)["body"] == "Finance Committee"


@pytest.mark.parametrize("source, past_listings", [("calendar", 6), ("api", 2)])
def test_a_recrawl_reads_settled_years_from_the_archive(walked, source: str, past_listings: int) -> None:
    # the two past years: three calendar pages each, or one API answer each
    assert walked["second"][source]["replayed"] == past_listings
    asked = [u for (u,) in rows(walked["folder"], "SELECT url FROM fetches WHERE source = ? AND fetched_at > ?",
                                source, walked["between"])]
    past = (str(walked["today"].year - 1), str(walked["today"].year - 2))
    assert not [u for u in asked if any(f"year={y}" in u or f"ID={y}" in u or f"'{y}-" in u for y in past)]


@pytest.mark.parametrize("source", ["calendar", "api"])
def test_a_recrawl_asks_only_for_documents_of_meetings_not_yet_settled(walked, source: str) -> None:
    today = walked["today"]
    mark = legistar_site.API_MARK if source == "api" else ""
    unsettled = {walked["base"] + path + mark for m in legistar_site.all_meetings(today)
                 if m["date"] > today - timedelta(days=1) for _, path in legistar_site.documents(m, today)}
    asked = {u for (u,) in rows(walked["folder"], "SELECT url FROM fetches WHERE source = ? AND fetched_at > ? "
                                "AND url LIKE '%View.ashx%'", source, walked["between"])}
    assert asked == unsettled
    second = walked["second"][source]
    assert second["settled"] == len(expected_documents(walked["base"], today, source)) - len(unsettled)
    assert (second["removed"], second["new"], second["failed"]) == (0, 0, False)


def test_when_the_web_api_refuses_the_calendar_is_walked_instead(walked) -> None:
    report = walked["first"]["locked"]
    assert report["new"] == len(expected_documents(walked["other"], walked["today"]))
    assert any("the Legistar Web API answered HTTP 403; read the calendar instead" in s for s in report["skipped"])
    refused = rows(walked["folder"], "SELECT count(*) FROM fetches WHERE source = 'locked' AND status = 403 "
                   "AND url LIKE '%/v1/locked/events%' AND fetched_at < ?", walked["between"])
    assert refused == [(3,)]  # one query per year, each logged
