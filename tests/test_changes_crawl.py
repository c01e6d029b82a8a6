"""Issue 3, "Done when": a faulty site on 127.0.0.1 crawled twice with the real CLI.

Round 1 has a 500 and a 429 (Retry-After) that succeed on retry, a response slower than the
timeout, a redirect loop, an oversize file and an HTML page served where a PDF is linked.
Between the rounds the agency edits one set of minutes and a statement, unlists one set of
minutes, and takes a statement down (404). The second crawl must download only what
changed, `casefile changes` must report exactly those changes and removals, both versions of
each changed document must be in the archive, and every fault must be in `fetches` with a
reason.
"""
from __future__ import annotations

import hashlib
import json
import socket
import threading
from datetime import datetime, timezone
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest

from casefile.case import init_case
from index.store import Store
from tests.conftest import run_cli

PDF = b"%PDF-1.4\n"
MAX_HITS = 30  # a path asked for more often than this is a runaway loop: 410 it


def minutes(text: str) -> bytes:
    return PDF + text.encode() + b"\n%%EOF\n"


class Site(BaseHTTPRequestHandler):
    round = 1
    hits: dict[tuple[int, str], int] = {}
    lock = threading.Lock()

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002
        pass

    def page(self) -> tuple[int, str, bytes, dict[str, str]]:
        """(status, content type, body, headers) for this round."""
        r, path = self.round, self.path
        with self.lock:
            n = self.hits[(r, path)] = self.hits.get((r, path), 0) + 1
        if n > MAX_HITS:
            return 410, "text/plain", b"runaway", {}
        if path == "/robots.txt":
            return 200, "text/plain", b"User-agent: *\nAllow: /\n", {}
        if path == "/board/index.html":
            links = ["minutes-jan.pdf", "minutes-feb.pdf", "agenda-may.pdf", "agenda-jun.pdf", "slow.pdf",
                     "big.pdf", "loop.pdf", "wrong.pdf"] + (["minutes-mar.pdf"] if r == 1 else [])
            body = "".join(f'<a href="{link}">{link}</a>\n' for link in links)
            return 200, "text/html; charset=utf-8", body.encode(), {}
        if path == "/board/minutes-jan.pdf":
            return 200, "application/pdf", minutes("January minutes"), {}
        if path == "/board/minutes-feb.pdf":  # quietly edited between the rounds
            return 200, "application/pdf", minutes("February minutes" + (" (as amended)" if r == 2 else "")), {}
        if path == "/board/minutes-mar.pdf":  # unlisted in round 2, though still served
            return 200, "application/pdf", minutes("March minutes"), {}
        if path == "/board/agenda-may.pdf":
            if r == 1 and n == 1:
                return 500, "text/html", b"<h1>Internal Server Error</h1>", {}
            return 200, "application/pdf", minutes("May agenda"), {}
        if path == "/board/agenda-jun.pdf":
            if r == 1 and n == 1:
                return 429, "text/plain", b"slow down", {"Retry-After": "1"}
            return 200, "application/pdf", minutes("June agenda"), {}
        if path == "/board/slow.pdf":
            threading.Event().wait(1.6)
            return 200, "application/pdf", minutes("slow"), {}
        if path == "/board/big.pdf":
            return 200, "application/pdf", PDF + b"0" * 1_300_000, {}
        if path in ("/board/loop.pdf", "/board/loop-2.pdf"):
            other = "/board/loop-2.pdf" if path == "/board/loop.pdf" else "/board/loop.pdf"
            return 302, "text/html", b"", {"Location": other}
        if path == "/board/wrong.pdf":
            return 200, "text/html; charset=utf-8", b"<html><body>Document not found</body></html>", {}
        if path == "/statements/director.html":
            words = "The director will serve out her term." if r == 1 else "The director resigned today."
            return 200, "text/html; charset=utf-8", f"<html><body><p>{words}</p></body></html>".encode(), {}
        if path == "/statements/retracted.html":
            if r == 2:
                return 404, "text/html", b"not found", {}
            return 200, "text/html; charset=utf-8", b"<html><body><p>A statement.</p></body></html>", {}
        return 404, "text/html", b"not found", {}

    def do_GET(self) -> None:  # noqa: N802
        status, ctype, body, headers = self.page()
        etag = '"' + hashlib.sha256(body).hexdigest()[:16] + '"'
        if status == 200 and self.headers.get("If-None-Match") == etag:
            status, body = 304, b""
        try:
            self.send_response(status)
            self.send_header("Content-Type", ctype)
            self.send_header("Content-Length", str(len(body)))
            if status in (200, 304):
                self.send_header("ETag", etag)
            for name, value in headers.items():
                self.send_header(name, value)
            self.end_headers()
            self.wfile.write(body)
        except (BrokenPipeError, ConnectionResetError):
            pass


CASE_TOML = """
[case]
name = "faults"
contact = "desk@example.org"

[[sources]]
name = "board"
kind = "minutes"
spider = "listing"
start_urls = ["{base}/board/index.html"]
documents = ['\\.pdf$']

[[sources]]
name = "statements"
kind = "other"
spider = "documents"
urls = ["{base}/statements/director.html", "{base}/statements/retracted.html"]

[settings]
download_delay = 0
autothrottle_start_delay = 0
autothrottle_max_delay = 0.2
retry_backoff = 0.05
retry_max_delay = 0.3
download_timeout = 1
max_download_mb = 1
"""


@pytest.fixture(scope="module")
def crawled(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    server = ThreadingHTTPServer(("127.0.0.1", 0), Site)
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.1}, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_address[1]}"
    case = tmp_path_factory.mktemp("faults") / "case"
    init_case(case, case_toml=CASE_TOML.replace("{base}", base))
    out: dict[str, Any] = {"case": case, "base": base}
    try:
        Site.round = 1
        out["first"] = run_cli("crawl", case=case, timeout=60)
        out["between"] = datetime.now(timezone.utc)
        with Store(case / "casefile.duckdb", read_only=True) as s:
            out["n_fetches_1"] = s.scalar("SELECT count(*) FROM fetches")
            out["docs_1"] = s.query("SELECT * FROM documents")
        Site.round = 2
        out["second"] = run_cli("crawl", case=case, timeout=60)
    finally:
        server.shutdown()
        server.server_close()
    with Store(case / "casefile.duckdb", read_only=True) as s:
        out["fetches"] = s.query("SELECT * FROM fetches ORDER BY fetched_at")
        out["docs"] = s.query("SELECT * FROM documents ORDER BY first_seen")
    out["changes"] = json.loads(run_cli("changes", "--since", out["between"].isoformat(), "--format", "json",
                                        case=case).stdout)
    return out


def path_of(url: str) -> str:
    return "/" + url.split("/", 3)[3]


def fetched(crawled: dict[str, Any], round_: int, path: str) -> list[dict[str, Any]]:
    rows = crawled["fetches"][:crawled["n_fetches_1"]] if round_ == 1 else crawled["fetches"][crawled["n_fetches_1"]:]
    return [f for f in rows if path_of(f["url"]) == path]


def by_path(crawled: dict[str, Any], path: str) -> list[dict[str, Any]]:
    return [d for d in crawled["docs"] if d["url"] and path_of(d["url"]) == path]


def test_first_crawl_stores_what_it_could(crawled: dict[str, Any]) -> None:
    assert sorted(path_of(d["url"]) for d in crawled["docs_1"]) == [
        "/board/agenda-jun.pdf", "/board/agenda-may.pdf", "/board/minutes-feb.pdf", "/board/minutes-jan.pdf",
        "/board/minutes-mar.pdf", "/statements/director.html", "/statements/retracted.html"]
    assert "board: 5 new, 0 changed, 0 unchanged, 0 removed" in crawled["first"].stderr


def test_every_fault_is_in_the_fetch_log_with_a_reason(crawled: dict[str, Any]) -> None:
    assert [(f["status"], f["error"]) for f in fetched(crawled, 1, "/board/agenda-may.pdf")] == [
        (500, "HTTP 500 Internal Server Error"), (200, None)]
    assert [(f["status"], f["error"]) for f in fetched(crawled, 1, "/board/agenda-jun.pdf")] == [
        (429, "HTTP 429 Too Many Requests"), (200, None)]
    slow = fetched(crawled, 1, "/board/slow.pdf")
    assert len(slow) == 3 and all(f["status"] == 0 and "took longer than 1.0 seconds" in f["error"] for f in slow)
    [big] = fetched(crawled, 1, "/board/big.pdf")
    assert big["status"] == 0 and "larger than download max size" in big["error"]
    [loop] = fetched(crawled, 1, "/board/loop.pdf")
    assert loop["status"] == 302 and loop["error"].startswith("HTTP 302: redirect loop: ")
    assert loop["error"].endswith("/board/loop.pdf -> " + crawled["base"] + "/board/loop-2.pdf -> "
                                  + crawled["base"] + "/board/loop.pdf")
    [wrong] = fetched(crawled, 1, "/board/wrong.pdf")
    assert wrong["status"] == 200 and wrong["error"].startswith("wrong content type: expected a PDF, got text/html")
    assert wrong["sha256"]  # the page it got is kept as evidence, but it is no version of the document
    assert by_path(crawled, "/board/wrong.pdf") == []
    [gone] = fetched(crawled, 2, "/statements/retracted.html")
    assert (gone["status"], gone["error"]) == (404, "HTTP 404 Not Found")
    assert all("\n" not in (f["error"] or "") for f in crawled["fetches"])


def test_second_crawl_downloads_only_what_changed(crawled: dict[str, Any]) -> None:
    second = crawled["fetches"][crawled["n_fetches_1"]:]
    downloads = sorted(path_of(f["url"]) for f in second if f["status"] == 200 and f["error"] is None)
    assert downloads == ["/board/index.html", "/board/minutes-feb.pdf", "/statements/director.html"]
    for path in ("/board/minutes-jan.pdf", "/board/agenda-may.pdf", "/board/agenda-jun.pdf"):
        assert [f["status"] for f in fetched(crawled, 2, path)] == [304], path
    assert {f["status"] for f in fetched(crawled, 2, "/robots.txt")} == {304}  # asked once per source
    assert fetched(crawled, 2, "/board/minutes-mar.pdf") == []  # no longer listed: not asked for
    assert "board: 0 new, 1 changed, 3 unchanged, 1 removed" in crawled["second"].stderr
    assert "statements: 0 new, 1 changed, 0 unchanged, 1 removed" in crawled["second"].stderr


def test_both_versions_of_a_changed_document_are_kept(crawled: dict[str, Any]) -> None:
    archive = crawled["case"] / "archive"
    for path in ("/board/minutes-feb.pdf", "/statements/director.html"):
        old, new = by_path(crawled, path)
        assert new["supersedes"] == old["doc_id"] and old["supersedes"] is None
        assert old["removed_at"] is None and new["removed_at"] is None
        for d in (old, new):
            body = (archive / d["doc_id"][:2] / d["doc_id"][2:4] / d["doc_id"]).read_bytes()
            assert hashlib.sha256(body).hexdigest() == d["doc_id"]
            assert d["status"] == "pending"  # both are processed, so both are searchable
    old, new = by_path(crawled, "/board/minutes-feb.pdf")
    assert (archive / old["doc_id"][:2] / old["doc_id"][2:4] / old["doc_id"]).read_bytes() == minutes("February minutes")


def test_changes_reports_exactly_the_changed_and_removed_documents(crawled: dict[str, Any]) -> None:
    got = sorted((c["change"], c["source"], path_of(c["url"]), c["reason"]) for c in crawled["changes"]["changes"])
    assert got == [
        ("changed", "board", "/board/minutes-feb.pdf", None),
        ("changed", "statements", "/statements/director.html", None),
        ("removed", "board", "/board/minutes-mar.pdf", "no longer listed"),
        ("removed", "statements", "/statements/retracted.html", "HTTP 404 Not Found"),
    ]
    counts = {s["source"]: (s["new"], s["changed"], s["removed"]) for s in crawled["changes"]["sources"]}
    assert counts == {"board": (0, 1, 1), "statements": (0, 1, 1)}
    [mar] = by_path(crawled, "/board/minutes-mar.pdf")
    assert crawled["between"] < mar["removed_at"]  # first seen missing during the second crawl


def test_changes_without_since_counts_everything(crawled: dict[str, Any]) -> None:
    out = json.loads(run_cli("changes", "--format", "json", case=crawled["case"]).stdout)
    counts = {s["source"]: (s["new"], s["changed"], s["removed"]) for s in out["sources"]}
    assert counts == {"board": (5, 1, 1), "statements": (2, 1, 1)}


def test_status_shows_the_counts(crawled: dict[str, Any]) -> None:
    out = json.loads(run_cli("status", "--format", "json", case=crawled["case"]).stdout)
    assert {r["source"]: (r["new"], r["changed"], r["removed"]) for r in out["changes"]} == {
        "board": (5, 1, 1), "statements": (2, 1, 1)}
    table = run_cli("status", case=crawled["case"]).stdout
    assert "Documents by source" in table and "statements" in table


def test_crawl_exits_1_when_a_source_fails_and_still_crawls_the_others(tmp_path: Path) -> None:
    server = ThreadingHTTPServer(("127.0.0.1", 0), Site)
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.1}, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_address[1]}"
    with socket.socket() as s:   # a port nobody listens on
        s.bind(("127.0.0.1", 0))
        dead = f"http://127.0.0.1:{s.getsockname()[1]}"
    case = tmp_path / "case"
    init_case(case, case_toml=f"""
[case]
name = "exit code"

[[sources]]
name = "gone"
kind = "other"
spider = "documents"
urls = ["{dead}/statements/director.html"]

[[sources]]
name = "statements"
kind = "other"
spider = "documents"
urls = ["{base}/statements/director.html"]

[settings]
download_delay = 0
retry_times = 0
download_timeout = 2
""")
    try:
        Site.round = 1
        proc = run_cli("crawl", case=case, check=False, timeout=60)
    finally:
        server.shutdown()
        server.server_close()
    assert proc.returncode == 1, proc.stderr
    assert "gone" in proc.stderr
    with Store(case / "casefile.duckdb", read_only=True) as s:
        assert s.scalar("SELECT count(*) FROM documents WHERE source = 'statements'") == 1
        assert s.scalar("SELECT count(*) FROM fetches WHERE source = 'gone' AND error IS NOT NULL") >= 1
