"""Reading while `casefile process` writes: `casefile serve` and read-only commands keep answering
(at most a batch behind) and the writer never fails because a reader has the case open."""
from __future__ import annotations

import json
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from index.store import Store, StoreError
from tests.conftest import run_cli
from tests.process_case import imported_case, processed, start
from tests.web_cases import Server


def get(url: str) -> tuple[int, dict]:
    try:
        with urllib.request.urlopen(url, timeout=60) as response:
            return response.status, json.loads(response.read())
    except urllib.error.HTTPError as exc:
        return exc.code, json.loads(exc.read() or b"{}")


def test_serve_and_cli_answer_while_process_writes(tmp_path: Path):
    case = imported_case(tmp_path, n=16)
    total = processed(case)[1]
    stop = threading.Event()
    held: list[float] = []

    def slow_reader() -> None:  # a reader that keeps the file open a while, again and again
        while not stop.is_set():
            with Store(case / "casefile.duckdb", read_only=True) as s:
                s.scalar("SELECT count(*) FROM chunks")
                time.sleep(0.5)
                held.append(0.5)
            time.sleep(0.2)

    with Server(case) as server:
        writer = start(case, "process")
        reader = threading.Thread(target=slow_reader)
        reader.start()
        done_seen, answers, cli = [], [], []
        try:
            while writer.poll() is None:
                code, body = get(server.url + "api/status")
                answers.append(code)
                if code == 200:
                    done_seen.append(sum(r["n"] for r in body["documents"] if r["status"] == "done"))
                code, body = get(server.url + "api/search?mode=bm25&q=board+resigned")
                answers.append(code)
                if len(cli) < 2:  # read-only commands too, as processes of their own
                    cli.append(run_cli("search", "board resigned", "--mode", "bm25", "--format", "json",
                                       case=case, check=False, timeout=120))
                time.sleep(0.1)
        finally:
            stop.set()
            reader.join()
        err = writer.stderr.read().decode()
        assert writer.wait() == 0, err
        code, body = get(server.url + "api/search?mode=bm25&q=board+resigned")
        assert code == 200 and body["documents"] == total
    assert set(answers) == {200}, answers
    assert len(done_seen) >= 3 and done_seen == sorted(done_seen), done_seen     # never goes back
    assert done_seen[0] < total and held, (done_seen, len(held))                  # reads happened mid-run
    assert cli and all(p.returncode == 0 for p in cli), [p.stderr for p in cli]
    assert all("total" in json.loads(p.stdout) for p in cli)  # answered, perhaps a few batches behind
    assert json.loads(run_cli("status", "--format", "json", case=case).stdout)["counts"]["documents"] == total


HOLD = """
import duckdb, sys, time
con = duckdb.connect(sys.argv[1], read_only=sys.argv[2] == "read")
if sys.argv[2] == "commit":
    con.execute("BEGIN TRANSACTION")
    con.execute("INSERT INTO meta VALUES ('k', 'v')")
print("holding", flush=True)
time.sleep(float(sys.argv[3]))
if sys.argv[2] == "commit":
    con.execute("COMMIT")
con.close()
"""


def hold(path: Path, how: str, seconds: float) -> subprocess.Popen:
    """Another process holding the case: `commit` (a writer mid-transaction), `read` or `write`."""
    proc = subprocess.Popen([sys.executable, "-c", HOLD, str(path), how, str(seconds)], stdout=subprocess.PIPE, text=True)
    assert proc.stdout.readline().strip() == "holding"
    return proc


def test_a_reader_waits_for_a_commit_instead_of_failing(tmp_path: Path):
    path = tmp_path / "c.duckdb"
    Store(path).close()
    holder = hold(path, "commit", 1.0)
    t = time.monotonic()
    with Store(path, read_only=True, wait=30) as s:
        waited = time.monotonic() - t
        assert s.scalar("SELECT value FROM meta WHERE key = 'k'") == "v"   # the committed batch
    assert holder.wait() == 0 and waited >= 0.5


def test_a_writer_waits_for_readers_and_readers_give_way(tmp_path: Path):
    path = tmp_path / "c.duckdb"
    marker = path.parent / "c.duckdb.writer-waiting"
    Store(path).close()
    holder = hold(path, "read", 1.5)
    seen: list[bool] = []

    def watch() -> None:
        time.sleep(0.7)
        seen.append(marker.exists())
    watcher = threading.Thread(target=watch)
    watcher.start()
    t = time.monotonic()
    with Store(path, wait=30) as w:                   # waits for the reader, then writes
        w.upsert("people", [{"person_id": "p", "name": "Ann Lee"}])
    watcher.join()
    assert time.monotonic() - t >= 1.0 and seen == [True] and not marker.exists()
    assert holder.wait() == 0

    sleeper = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(30)"])
    try:
        marker.write_text(str(sleeper.pid))          # a live writer waiting: a new reader lets it go first
        threading.Timer(0.8, marker.unlink).start()
        t = time.monotonic()
        with Store(path, read_only=True, wait=30) as s:
            assert s.counts()["people"] == 1
        assert time.monotonic() - t >= 0.7
    finally:
        sleeper.kill()
        sleeper.wait()


def test_a_busy_case_is_one_line_after_the_wait(tmp_path: Path):
    path = tmp_path / "c.duckdb"
    Store(path).close()
    holder = hold(path, "write", 30)
    try:
        t = time.monotonic()
        with pytest.raises(StoreError, match="another casefile command is writing") as err:
            Store(path, read_only=True, wait=0.5)
        assert time.monotonic() - t >= 0.5 and "\n" not in str(err.value)
    finally:
        holder.kill()
        holder.wait()
