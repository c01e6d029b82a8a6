"""Real crawls of loopback sites, each in a subprocess (Twisted's reactor runs once per process).

tests/fixtures/crawl/site is a small county site: a paginated minutes listing, a state report,
a newspaper with an RSS feed and a news sitemap (one article off-topic), and an Atom feed.
The fault server below answers 500s, 404s, 429s, slow and oversize bodies, an off-site
redirect and a robots.txt that forbids a folder.
"""
from __future__ import annotations

import hashlib
import json
import os
import subprocess
import sys
import threading
import time
from datetime import date
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import duckdb
import pytest

from casefile.demo.server import serve_folder
from index.ids import derive

ROOT = Path(__file__).resolve().parents[1]
SITE = ROOT / "tests" / "fixtures" / "crawl" / "site"
FAST = {"download_delay": 0, "autothrottle_start_delay": 0, "autothrottle_max_delay": 0.5,
        "retry_backoff": 0.05, "retry_max_delay": 0.5, "contact": "desk@example.org"}

SITE_SOURCES = [
    {"name": "dss-board", "kind": "minutes", "spider": "listing",
     "start_urls": ["{base}/county/dss/board/index.html"],
     "documents": [r"\.pdf$"], "follow": [r"/dss/board/page-\d+\.html"]},
    {"name": "state-review", "kind": "report", "spider": "documents",
     "urls": ["{base}/state/reviews/harlan-dss-review-2018.pdf"]},
    {"name": "harlan-herald", "kind": "news", "spider": "news",
     "feeds": ["{base}/herald/feed.xml"], "sitemaps": ["{base}/herald/sitemap-index.xml"],
     "keywords": ["social services", "DSS", "Whitfield"]},
    {"name": "gazette", "kind": "news", "spider": "news",
     "feeds": ["{base}/gazette/atom.xml"], "keywords": ["dss"]},
]


def run_crawl(tmp: Path, sources: list[dict[str, Any]], settings: dict[str, Any],
              base: str | None = None) -> tuple[dict[str, Any], str, int]:
    cmd = [sys.executable, "-m", "crawlers.run", "--db", str(tmp / "case.duckdb"),
           "--archive", str(tmp / "archive"), "--sources-json", json.dumps(sources),
           "--settings-json", json.dumps(settings)]
    if base:
        cmd += ["--base", base]
    proc = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True, timeout=60,
                          env={**os.environ, "PYTHONPATH": str(ROOT)})
    assert proc.stdout, proc.stderr
    return json.loads(proc.stdout), proc.stderr, proc.returncode


def rows(tmp: Path, sql: str, params: list[Any] | None = None) -> list[dict[str, Any]]:
    con = duckdb.connect(str(tmp / "case.duckdb"), read_only=True)
    try:
        cur = con.execute(sql, params or [])
        names = [d[0] for d in cur.description]
        return [dict(zip(names, r)) for r in cur.fetchall()]
    finally:
        con.close()


def archive_files(tmp: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in (tmp / "archive").rglob("*") if p.is_file()}


# -- the fixture site, crawled twice ------------------------------------------------------
@pytest.fixture(scope="module")
def site() -> str:
    with serve_folder(SITE) as base:
        yield base


@pytest.fixture(scope="module")
def first(site: str, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    tmp = tmp_path_factory.mktemp("crawl")
    report, stderr, code = run_crawl(tmp, SITE_SOURCES, FAST, base=site)
    return {
        "tmp": tmp, "report": report, "stderr": stderr, "code": code,
        "docs": rows(tmp, "SELECT * FROM documents ORDER BY doc_id"),
        "fetches": rows(tmp, "SELECT * FROM fetches ORDER BY fetched_at"),
        "archive": archive_files(tmp),
    }


@pytest.fixture(scope="module")
def second(first: dict[str, Any], site: str) -> dict[str, Any]:
    tmp = first["tmp"]
    report, stderr, code = run_crawl(tmp, SITE_SOURCES, FAST, base=site)
    return {
        "report": report, "stderr": stderr, "code": code,
        "docs": rows(tmp, "SELECT * FROM documents ORDER BY doc_id"),
        "fetches": rows(tmp, "SELECT * FROM fetches ORDER BY fetched_at"),
        "archive": archive_files(tmp),
    }


def doc(first: dict[str, Any], name: str) -> dict[str, Any]:
    found = [d for d in first["docs"] if d["filename"] == name]
    assert len(found) == 1, [d["filename"] for d in first["docs"]]
    return found[0]


def test_every_source_yields_its_documents(first: dict[str, Any]) -> None:
    report = first["report"]
    assert first["code"] == 0, first["stderr"]
    assert report["ok"] and report["failed"] == []
    counts = {name: (s["new"], s["seen"]) for name, s in report["sources"].items()}
    assert counts == {"dss-board": (4, 0), "state-review": (1, 0), "harlan-herald": (3, 0), "gazette": (1, 0)}
    assert all(s["failures"] == [] and s["obey_robots"] for s in report["sources"].values())
    # progress lines, one per stored document
    assert first["stderr"].count(": new ") == 9


def test_listing_follows_pagination_and_reads_dates_in_link_text(first: dict[str, Any]) -> None:
    jan = doc(first, "minutes-2018-01-09.pdf")
    assert (jan["kind"], jan["source"], jan["title"]) == ("minutes", "dss-board", "Minutes — January 9, 2018")
    assert (jan["doc_date"], jan["doc_date_source"]) == (date(2018, 1, 9), "title")
    assert jan["content_type"] == "application/pdf"
    assert jan["url"].endswith("/county/dss/board/minutes-2018-01-09.pdf")
    assert json.loads(jan["meta"])["listing_url"].endswith("/board/index.html")
    dec = doc(first, "minutes-2017-12-12.pdf")  # only linked from page-2.html
    assert json.loads(dec["meta"])["listing_url"].endswith("/board/page-2.html")
    assert dec["doc_date"] == date(2017, 12, 12)
    special = doc(first, "special-meeting.pdf")
    assert special["doc_date"] is None and special["doc_date_source"] is None
    assert doc(first, "agenda-2018-01-09.pdf")["doc_date"] == date(2018, 1, 9)  # "1/9/2018"


def test_bodies_are_archived_by_sha256_and_every_fetch_is_logged(first: dict[str, Any]) -> None:
    archive = first["archive"]
    for d in first["docs"]:
        assert hashlib.sha256(archive[d["doc_id"]]).hexdigest() == d["doc_id"]
        assert d["size"] == len(archive[d["doc_id"]])
        assert d["status"] == "pending" and d["first_seen"] == d["last_seen"]
    fetched = {f["url"].split("/", 3)[3]: f for f in first["fetches"]}
    for page in ("county/dss/board/index.html", "county/dss/board/page-2.html", "herald/feed.xml",
                 "herald/sitemap-index.xml", "herald/news-sitemap.xml", "gazette/atom.xml", "robots.txt"):
        assert fetched[page]["status"] == 200 and fetched[page]["sha256"] in archive
    # listing pages and feeds are in the archive and the fetch log, but are not documents
    doc_urls = {d["url"].split("/", 3)[3] for d in first["docs"]}
    assert "county/dss/board/index.html" not in doc_urls and "herald/feed.xml" not in doc_urls
    for f in first["fetches"]:
        assert f["error"] is None and f["final_url"] == f["url"] and f["last_modified"]
        assert f["fetched_at"].tzinfo is not None
        assert f["fetch_id"] == derive(f["source"], f["url"], f["fetched_at"].isoformat(), f["status"])
        assert f["size"] == len(archive[f["sha256"]])
    assert set(archive) == {f["sha256"] for f in first["fetches"]}


def test_news_metadata_from_meta_tags_json_ld_and_feeds(first: dict[str, Any]) -> None:
    leave = doc(first, "dss-director-leave.html")  # <meta> tags
    assert leave["title"] == "County DSS director placed on leave"
    assert (leave["doc_date"], leave["doc_date_source"]) == (date(2018, 3, 6), "metadata")
    meta = json.loads(leave["meta"])
    assert (meta["author"], meta["outlet"]) == ("Dana Reyes", "The Harlan Herald")
    assert meta["published"] == "2018-03-06T09:00:00-05:00"
    budget = json.loads(doc(first, "commissioners-budget.html")["meta"])  # JSON-LD NewsArticle
    assert (budget["author"], budget["outlet"]) == ("Sam Ortiz", "The Harlan Herald")
    review = doc(first, "state-review.html")  # from the news sitemap; JSON-LD @graph
    assert review["title"] == "State review faults social services oversight"
    assert review["doc_date"] == date(2018, 6, 1)
    assert json.loads(review["meta"])["author"] == "Dana Reyes, Sam Ortiz"
    audit = doc(first, "dss-audit.html")  # no metadata on the page: the Atom entry's
    assert audit["title"] == "Advocates call for DSS audit" and audit["doc_date"] == date(2018, 4, 2)
    assert json.loads(audit["meta"])["author"] == "Lee Park"
    assert json.loads(audit["meta"])["outlet"] == "Valley Gazette"


def test_keyword_filter_drops_the_off_topic_article(first: dict[str, Any]) -> None:
    names = {d["filename"] for d in first["docs"]}
    assert "football-final.html" not in names
    # kept on its body ("Whitfield"), though its feed entry names no keyword
    assert "commissioners-budget.html" in names
    skipped = first["report"]["sources"]["harlan-herald"]["skipped"]
    assert len(skipped) == 1 and "football-final.html: off-topic" in skipped[0]


def test_second_crawl_is_conditional(first: dict[str, Any], second: dict[str, Any]) -> None:
    report = second["report"]
    assert report["ok"], second["stderr"]
    for name, s in report["sources"].items():
        assert s["new"] == 0 and s["seen"] == first["report"]["sources"][name]["new"]
        assert s["not_modified"] == s["fetches"]  # a static server that honours If-Modified-Since
    # the fetch log grew by one 304 per URL; nothing was downloaded or archived again
    assert len(second["fetches"]) == 2 * len(first["fetches"])
    again = second["fetches"][len(first["fetches"]):]
    assert {f["status"] for f in again} == {304}
    assert all(f["sha256"] is None and f["error"] is None for f in again)
    assert sorted(f["url"] for f in again) == sorted(f["url"] for f in first["fetches"])
    assert second["archive"] == first["archive"]
    # same documents; first_seen kept, last_seen moved forward
    assert [d["doc_id"] for d in second["docs"]] == [d["doc_id"] for d in first["docs"]]
    for old, new in zip(first["docs"], second["docs"]):
        assert new["first_seen"] == old["first_seen"] and new["last_seen"] > old["last_seen"]
        assert {k: v for k, v in new.items() if k != "last_seen"} == {k: v for k, v in old.items() if k != "last_seen"}


# -- faults --------------------------------------------------------------------------------
PDF = b"%PDF-1.4\n% fault fixture\n%%EOF\n"
MAX_HITS = 20  # any path asked for more often than this is a loop: answer 410 and stop it


class FaultHandler(BaseHTTPRequestHandler):
    hits: list[tuple[str, float, str, str]] = []  # path, time, User-Agent, Host
    lock = threading.Lock()

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002
        pass

    def send(self, status: int, body: bytes = b"", ctype: str = "text/html", **headers: str) -> None:
        try:
            self.send_response(status)
            self.send_header("Content-Type", ctype)
            self.send_header("Content-Length", str(len(body)))
            for name, value in headers.items():
                self.send_header(name.replace("_", "-"), value)
            self.end_headers()
            self.wfile.write(body)
        except (BrokenPipeError, ConnectionResetError):
            pass

    def do_GET(self) -> None:  # noqa: N802 - stdlib name
        path = self.path
        with self.lock:
            self.hits.append((path, time.monotonic(), self.headers.get("User-Agent", ""),
                              self.headers.get("Host", "")))
            count = sum(1 for hit in self.hits if hit[0] == path)
        port = self.server.server_address[1]
        if count > MAX_HITS:
            self.send(410)
        elif path == "/robots.txt":
            self.send(200, b"User-agent: *\nDisallow: /private/\n", "text/plain")
        elif path == "/boom/index.html":
            self.send(500, b"<h1>oops</h1>")
        elif path == "/ok/index.html":
            self.send(200, b'<a href="a.pdf">Minutes, March 6, 2018</a> <a href="missing.pdf">Gone</a>')
        elif path == "/empty/index.html":
            self.send(200, b'<p>We moved! See <a href="/new-site.html">our new site</a>.</p>')
        elif path == "/ok/a.pdf" or path.startswith("/private/"):
            self.send(200, PDF + path.encode(), "application/pdf")
        elif path == "/slow.pdf":
            time.sleep(2.0)
            self.send(200, PDF, "application/pdf")
        elif path == "/big.pdf":
            self.send(200, PDF + b"0" * 50_000, "application/pdf")
        elif path == "/throttled.pdf":
            if count == 1:
                self.send(429, b"slow down", Retry_After="2")
            else:
                self.send(200, PDF + b"throttled", "application/pdf")
        elif path == "/hop.pdf":
            self.send(302, b"", Location=f"http://localhost:{port}/ok/a.pdf")
        else:
            self.send(404, b"not found")


@pytest.fixture(scope="module")
def faults(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    server = ThreadingHTTPServer(("127.0.0.1", 0), FaultHandler)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.1}, daemon=True)
    thread.start()
    base = f"http://127.0.0.1:{server.server_address[1]}"
    FaultHandler.hits = []
    sources = [
        {"name": "broken-board", "kind": "minutes", "spider": "listing",
         "start_urls": [f"{base}/boom/index.html"], "documents": [r"\.pdf$"]},
        {"name": "ok-board", "kind": "minutes", "spider": "listing",
         "start_urls": [f"{base}/ok/index.html"], "documents": [r"\.pdf$"]},
        {"name": "moved-board", "kind": "minutes", "spider": "listing",
         "start_urls": [f"{base}/empty/index.html"], "documents": [r"\.pdf$"]},
        {"name": "mixed-docs", "kind": "report", "spider": "documents",
         "urls": [f"{base}/slow.pdf", f"{base}/big.pdf", f"{base}/throttled.pdf", f"{base}/hop.pdf",
                  f"{base}/private/secret.pdf", f"{base}/private/a.pdf", f"{base}/private/b.pdf"]},
        {"name": "unrobotic", "kind": "report", "spider": "documents", "obey_robots": False,
         "urls": [f"{base}/private/secret.pdf"]},
        {"name": "dead-host", "kind": "report", "spider": "documents", "urls": ["http://127.0.0.1:9/x.pdf"]},
        {"name": "typo", "kind": "report", "spider": "documnets", "urls": [f"{base}/ok/a.pdf"]},
    ]
    settings = {**FAST, "download_timeout": 1, "max_download_mb": 0.01, "retry_max_delay": 0.3}
    tmp = tmp_path_factory.mktemp("faults")
    started = time.monotonic()
    try:
        report, stderr, code = run_crawl(tmp, sources, settings)
    finally:
        server.shutdown()
        server.server_close()
    return {"tmp": tmp, "report": report, "stderr": stderr, "code": code, "base": base,
            "seconds": time.monotonic() - started, "hits": list(FaultHandler.hits),
            "fetches": rows(tmp, "SELECT * FROM fetches ORDER BY fetched_at"),
            "docs": rows(tmp, "SELECT * FROM documents")}


def fetches_of(faults: dict[str, Any], source: str, path: str) -> list[dict[str, Any]]:
    return [f for f in faults["fetches"] if f["source"] == source and f["url"] == faults["base"] + path]


def test_failed_sources_are_reported_and_the_others_complete(faults: dict[str, Any]) -> None:
    report = faults["report"]
    assert faults["code"] == 1
    assert sorted(report["failed"]) == ["broken-board", "dead-host", "moved-board", "typo"]
    sources = report["sources"]
    assert (sources["ok-board"]["new"], sources["mixed-docs"]["new"], sources["unrobotic"]["new"]) == (1, 1, 1)
    assert any("yielded no documents" in line for line in sources["moved-board"]["failures"])
    assert any("no link matches documents" in line for line in sources["moved-board"]["failures"])
    assert "source 'moved-board'" in faults["stderr"] and "Traceback" not in faults["stderr"]
    assert any("unknown spider 'documnets'" in line for line in sources["typo"]["failures"])
    assert faults["seconds"] < 30


def test_http_errors_get_fetch_rows_with_errors(faults: dict[str, Any]) -> None:
    boom = fetches_of(faults, "broken-board", "/boom/index.html")
    assert len(boom) == 3  # the first attempt and RETRY_TIMES=2 retries, each logged
    assert all(f["status"] == 500 and f["error"] == "HTTP 500 Internal Server Error" for f in boom)
    assert any("HTTP 500" in line for line in faults["report"]["sources"]["broken-board"]["failures"])
    missing = fetches_of(faults, "ok-board", "/ok/missing.pdf")
    assert [(f["status"], f["error"]) for f in missing] == [(404, "HTTP 404 Not Found")]
    assert any("missing.pdf: HTTP 404" in line for line in faults["report"]["sources"]["ok-board"]["failures"])
    assert {d["filename"] for d in faults["docs"] if d["source"] == "ok-board"} == {"a.pdf"}


def test_network_faults_timeouts_and_oversize_bodies_are_logged(faults: dict[str, Any]) -> None:
    slow = fetches_of(faults, "mixed-docs", "/slow.pdf")
    assert len(slow) == 3 and all(f["status"] == 0 and "took longer than 1.0 seconds" in f["error"] for f in slow)
    big = fetches_of(faults, "mixed-docs", "/big.pdf")
    assert len(big) == 1 and big[0]["status"] == 0 and "larger than download max size" in big[0]["error"]
    dead = [f for f in faults["fetches"] if f["source"] == "dead-host" and f["url"].endswith("/x.pdf")]
    assert len(dead) == 3 and all(f["status"] == 0 and "refused" in f["error"].lower() for f in dead)
    assert all("\n" not in (f["error"] or "") for f in faults["fetches"])


def test_retry_after_is_honoured_within_its_bound(faults: dict[str, Any]) -> None:
    rows_ = fetches_of(faults, "mixed-docs", "/throttled.pdf")
    assert [f["status"] for f in rows_] == [429, 200]
    times = [t for p, t, _, _ in faults["hits"] if p == "/throttled.pdf"]
    assert len(times) == 2 and 0.28 <= times[1] - times[0] < 1.95  # Retry-After: 2, capped at 0.3 s (slack for a loaded machine)


def test_redirects_stay_on_the_source_hosts(faults: dict[str, Any]) -> None:
    hop = fetches_of(faults, "mixed-docs", "/hop.pdf")
    assert len(hop) == 1 and hop[0]["status"] == 302 and "refused" in hop[0]["error"]
    assert not any(host.startswith("localhost") for _, _, _, host in faults["hits"])
    failures = faults["report"]["sources"]["mixed-docs"]["failures"]
    assert any("hop.pdf" in line and "localhost" in line for line in failures)


def test_robots_txt_is_obeyed_unless_the_source_says_not(faults: dict[str, Any]) -> None:
    # three requests wait on one robots.txt at once: every one of them is refused
    # (Scrapy 2.19 let all but the first through; crawlers.middlewares.RobotsTxt fixes it)
    for name in ("secret", "a", "b"):
        assert fetches_of(faults, "mixed-docs", f"/private/{name}.pdf") == []
        assert any(f"/private/{name}.pdf: Forbidden by robots.txt" in line
                   for line in faults["report"]["sources"]["mixed-docs"]["failures"])
    assert faults["report"]["sources"]["unrobotic"]["obey_robots"] is False
    assert [f["status"] for f in fetches_of(faults, "unrobotic", "/private/secret.pdf")] == [200]
    assert "unrobotic: robots.txt NOT obeyed" in faults["stderr"]


def test_requests_carry_an_honest_user_agent(faults: dict[str, Any]) -> None:
    agents = {ua for _, _, ua, _ in faults["hits"]}
    assert agents and all(ua.startswith("casefile/") and ua.endswith("contact: desk@example.org") for ua in agents)


# -- the bundled demo case (casefile/demo), as the CLI's `demo` command will crawl it ------
DEMO = ROOT / "casefile" / "demo"


@pytest.mark.skipif(not (DEMO / "case.toml").is_file(), reason="no demo case")
def test_demo_case_crawls_then_recrawls_with_304s(tmp_path: Path) -> None:
    def crawl_demo(base: str) -> tuple[dict[str, Any], str]:
        proc = subprocess.run(
            [sys.executable, "-m", "crawlers.run", "--db", str(tmp_path / "case.duckdb"),
             "--archive", str(tmp_path / "archive"), "--case-toml", str(DEMO / "case.toml"),
             "--base", base, "--settings-json", json.dumps(FAST)],
            cwd=ROOT, capture_output=True, text=True, timeout=60, env={**os.environ, "PYTHONPATH": str(ROOT)})
        assert proc.returncode == 0, proc.stderr
        return json.loads(proc.stdout), proc.stderr

    with serve_folder(DEMO / "site") as base:
        first, stderr = crawl_demo(base)
        docs = rows(tmp_path, "SELECT * FROM documents")
        n_fetches = len(rows(tmp_path, "SELECT * FROM fetches ORDER BY fetched_at"))
        second, _ = crawl_demo(base)
    assert first["ok"] and all(not s["failures"] for s in first["sources"].values()), stderr
    archive = archive_files(tmp_path)
    for d in docs:
        assert hashlib.sha256(archive[d["doc_id"]]).hexdigest() == d["doc_id"]
        if d["kind"] == "news":
            meta = json.loads(d["meta"])
            assert d["doc_date_source"] == "metadata" and d["title"] and meta["author"] and meta["outlet"]
        if d["source"] == "dss-board":
            assert d["doc_date_source"] == "title" and d["filename"].endswith(".pdf")
    # the demo has off-topic stories whose pages mention the scandal only in link rails
    assert any(s["skipped"] for s in first["sources"].values())
    again = [f for f in rows(tmp_path, "SELECT * FROM fetches ORDER BY fetched_at")[n_fetches:] if not f["url"].endswith("/robots.txt")]
    assert again and {f["status"] for f in again} == {304}  # the demo has no robots.txt: 404 each time
    assert all(s["new"] == 0 and s["seen"] == first["sources"][n]["new"] for n, s in second["sources"].items())
    assert rows(tmp_path, "SELECT count(*) AS n FROM documents")[0]["n"] == len(docs)
