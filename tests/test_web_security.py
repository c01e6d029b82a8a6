"""Safe by default: escaping, no path reaches the file system, loopback or token, plain errors.

Runs `casefile serve` as a real process and talks raw HTTP to it (http.client sends paths as they
are written, `../` included), on a case whose document holds `<script>` in its text and title.
"""
from __future__ import annotations

import http.client
import json
import time
from pathlib import Path
from urllib.parse import quote, urlsplit

import duckdb
import pytest

from tests.conftest import run_cli
from tests.web_cases import SCRIPT_TITLE, Server, script_case

TOKEN = "s3cret-token-for-tests"


@pytest.fixture(scope="module")
def case() -> Path:
    return script_case()


READ_WAIT = 1.0   # the `web_read_wait` setting: how long a page waits for a writer (15 s by default)


@pytest.fixture(scope="module")
def server(case):
    with Server(case, env={"CASEFILE_WEB_READ_WAIT": str(READ_WAIT)}) as s:
        yield s


@pytest.fixture(scope="module")
def doc_id(case) -> str:
    from index.store import Store

    with Store(case / "casefile.duckdb", read_only=True) as s:
        return s.scalar("SELECT doc_id FROM documents")


def get(server: Server, path: str, headers: dict[str, str] | None = None, method: str = "GET"):
    u = urlsplit(server.url)
    con = http.client.HTTPConnection(u.hostname, u.port, timeout=30)
    try:
        con.putrequest(method, path, skip_host=True, skip_accept_encoding=True)
        hdrs = {"Host": f"127.0.0.1:{u.port}", **(headers or {})}
        for k, v in hdrs.items():
            con.putheader(k, v)
        con.endheaders()
        r = con.getresponse()
        return r.status, {k.lower(): v for k, v in r.getheaders()}, r.read().decode("utf-8", "replace")
    finally:
        con.close()


# -- escaping -------------------------------------------------------------------------------------

@pytest.mark.parametrize("path", ["/", "/doc/{doc}", "/doc/{doc}?page=1&start=0&end=60", "/search?q=pwned&mode=bm25",
                                  "/people"])
def test_document_text_and_title_are_escaped(server, doc_id, path):
    status, headers, body = get(server, path.format(doc=doc_id))
    assert status == 200
    assert "<script>alert" not in body
    assert "<script>" not in body.replace('<script src="/static/app.js" defer></script>', "")
    if path.startswith("/doc"):
        assert "&lt;script&gt;alert(&#34;pwned&#34;)&lt;/script&gt;" in body or "&lt;script&gt;alert(" in body
        assert "&lt;script&gt;alert(&#39;title&#39;)&lt;/script&gt; Board memo" in body


def test_javascript_url_is_shown_as_text_never_a_link(server, doc_id):
    _, _, body = get(server, f"/doc/{doc_id}")
    assert 'href="javascript:' not in body
    assert "javascript:alert(&#39;url&#39;)" in body


def test_json_api_returns_text_as_data(server, doc_id):
    status, headers, body = get(server, f"/api/documents/{doc_id}")
    assert status == 200 and headers["content-type"].startswith("application/json")
    assert json.loads(body)["title"] == SCRIPT_TITLE


def test_security_headers(server):
    _, headers, _ = get(server, "/")
    assert "script-src 'self'" in headers["content-security-policy"]
    assert headers["x-content-type-options"] == "nosniff"
    assert headers["referrer-policy"] == "no-referrer"


# -- paths ----------------------------------------------------------------------------------------

EVIL = ["../../../../etc/passwd", "..%2F..%2F..%2F..%2Fetc%2Fpasswd", "%2Fetc%2Fpasswd", "/etc/passwd",
        "....//....//etc/passwd", "..\\..\\..\\etc\\passwd", "%2e%2e%2f%2e%2e%2fcase.toml", "../case.toml",
        "..%2Fcasefile.duckdb", "..", "%00", "%2e%2e"]
ROUTES = ["/doc/{}", "/person/{}", "/original/{}", "/api/documents/{}", "/api/people/{}", "/static/{}",
          "/doc/{}/x", "/original/{}/../case.toml"]


@pytest.mark.parametrize("route", ROUTES)
def test_no_path_parameter_reaches_the_file_system(server, case, route):
    secrets = [(case / "case.toml").read_text()[:60], "root:x:0:0"]
    for evil in EVIL:
        status, _, body = get(server, route.format(evil))
        assert status in (400, 404), (route, evil, status)
        assert not any(s in body for s in secrets), (route, evil)
        assert "Traceback" not in body


def test_originals_only_by_the_sha256_of_a_document(server, case, doc_id):
    status, headers, body = get(server, f"/original/{doc_id}")
    assert status == 200
    assert headers["content-type"] == "application/octet-stream"
    assert headers["content-disposition"].startswith("attachment")
    assert headers["content-security-policy"] == "sandbox"
    assert body.startswith("The board voted")
    assert get(server, "/original/" + "0" * 64)[0] == 404            # a well-formed hash of nothing in the case
    assert get(server, "/original/" + doc_id[:12])[0] == 404          # no prefixes for files
    assert get(server, "/original/" + doc_id.upper())[0] == 404


def test_filter_values_are_data_not_sql(server):
    evil = quote("x' OR 1=1 --")
    status, _, body = get(server, f"/?person={evil}")
    assert status == 200 and "no person matches" in body
    status, _, body = get(server, f"/api/timeline?person={evil}")
    assert status == 400 and "no person matches" in json.loads(body)["error"]
    status, _, body = get(server, f"/api/timeline?kind={evil}")
    assert status == 200 and json.loads(body) == []


# -- errors ---------------------------------------------------------------------------------------

def test_errors_are_plain_pages(server):
    for path, code in [("/nope", 404), ("/doc/zzzz", 404), ("/doc/" + "a" * 64, 404), ("/doc/abcdef?page=x", 400),
                       ("/api/search", 400), ("/search?mode=evil", 400)]:
        status, headers, body = get(server, path)
        assert status == code, path
        assert "Traceback" not in body and 'File "' not in body


def _asgi_get(app, path: str) -> tuple[int, str]:
    """One GET through the ASGI app in this process (the crash route exists only here)."""
    import asyncio

    sent: list[dict] = []

    async def receive() -> dict:
        return {"type": "http.request", "body": b"", "more_body": False}

    async def send(message: dict) -> None:
        sent.append(message)

    scope = {"type": "http", "asgi": {"version": "3.0"}, "http_version": "1.1", "method": "GET", "scheme": "http",
             "path": path, "raw_path": path.encode(), "query_string": b"", "root_path": "",
             "headers": [(b"host", b"127.0.0.1")], "client": ("127.0.0.1", 1), "server": ("127.0.0.1", 80)}
    try:
        asyncio.run(app(scope, receive, send))
    except RuntimeError:
        pass    # Starlette re-raises after answering, so the server can log it
    status = next(m["status"] for m in sent if m["type"] == "http.response.start")
    return status, b"".join(m.get("body", b"") for m in sent if m["type"] == "http.response.body").decode()


def test_a_crash_shows_no_stack_trace(case):
    from casefile.case import open_case
    from casefile.web.app import create_app

    app = create_app(open_case(case))

    @app.get("/boom")
    def boom() -> None:
        raise RuntimeError("secret internals /etc/passwd")

    status, body = _asgi_get(app, "/boom")
    assert status == 500
    assert "secret internals" not in body and "Traceback" not in body
    assert "Something went wrong" in body


def test_busy_case_answers_503_then_recovers(server, case):
    writer = duckdb.connect(str(case / "casefile.duckdb"))     # another process would hold this lock
    try:
        start = time.monotonic()
        status, headers, body = get(server, "/")
        waited = time.monotonic() - start
    finally:
        writer.close()
    assert status == 503 and "being updated" in body and headers["retry-after"]
    assert waited >= READ_WAIT   # it waited for the writer first
    assert get(server, "/")[0] == 200


# -- who may connect ------------------------------------------------------------------------------

def test_non_loopback_bind_without_token_is_refused(case):
    proc = run_cli("serve", "--host", "0.0.0.0", "--port", "0", case=case, check=False, timeout=60)
    assert proc.returncode == 1
    lines = proc.stderr.strip().splitlines()
    assert len(lines) == 1 and "without a token" in lines[0] and "CASEFILE_TOKEN" in lines[0]


def test_bind_check():
    from casefile.web.security import BindRefused, check_bind

    for host in ("127.0.0.1", "127.1.2.3", "::1", "[::1]", "localhost"):
        check_bind(host, None)
    for host in ("0.0.0.0", "::", "192.168.1.10", "example.org"):
        with pytest.raises(BindRefused):
            check_bind(host, None)
        check_bind(host, "a-token")


def test_foreign_host_header_is_refused_without_token(server):
    u = urlsplit(server.url)
    status, _, _ = get(server, "/", {"Host": "attacker.example"})   # DNS rebinding
    assert status == 400
    assert get(server, "/", {"Host": f"localhost:{u.port}"})[0] == 200


def test_token_is_required_on_every_request(case):
    with Server(case, env={"CASEFILE_TOKEN": TOKEN}) as s:
        for path in ("/", "/api/timeline", "/static/style.css", "/openapi.json", "/export/timeline.csv"):
            status, headers, body = get(s, path)
            assert status == 401, path
            assert "bearer" in headers["www-authenticate"].lower()
        assert get(s, "/", {"Authorization": "Bearer wrong"})[0] == 401
        assert get(s, "/", {"Authorization": f"Bearer {TOKEN}"})[0] == 200
        assert get(s, "/api/timeline", {"Authorization": f"Bearer {TOKEN}"})[0] == 200
        # ?token= once: traded for a cookie, and removed from the address
        status, headers, _ = get(s, f"/search?q=board&token={TOKEN}")
        assert status == 303 and headers["location"] == "/search?q=board"
        cookie = headers["set-cookie"]
        assert "HttpOnly" in cookie and "samesite=strict" in cookie.lower()
        assert get(s, "/search?q=board&mode=bm25", {"Cookie": cookie.split(";")[0]})[0] == 200
        assert get(s, "/?token=wrong")[0] == 401
