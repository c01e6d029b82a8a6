"""A case of generated documents for the crash and concurrency tests, a way to run `casefile
process` as a process of its own, and the contents to compare between two runs."""
from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import numpy as np

from index.store import Store
from tests.conftest import ROOT, run_cli

NAMES = ["Ann Lee", "Carl Mendez", "Rosa Patel", "Victor Chu"]
ENV = {"CASEFILE_BATCH_SIZE": "2", "CASEFILE_WORKERS": "1", "HF_HUB_OFFLINE": "1"}
PAGE = """<html><head><title>Harlan board meeting {i}</title></head><body>
<h1>Harlan County Social Services Board, meeting {i}</h1>
<p>On March {day}, 2018, Director {name} resigned from the Harlan County Department of Social Services.</p>
<p>The board voted 4-1 on April {day}, 2018, to appoint {other} as interim director.</p>
<p>Commissioner James Ortiz said the state review found caseworker turnover of {pct} percent in {year}.</p>
<p>{name} declined to comment on the lawsuit filed by the family in May {year}.</p>
</body></html>"""

# What must be equal after a crash and a re-run (timestamps and float scores left out).
JOB_RECORDS = ("runs", "digests")
CONTENTS = {
    "documents": "doc_id, kind, source, title, doc_date, doc_date_source, status, error, stage_versions",
    "pages": "doc_id, page, text, method",
    "chunks": "chunk_id, doc_id, page, char_start, char_end, text",
    "mentions": "mention_id, doc_id, page, char_start, char_end, text, label, name_key, person_id, event_role",
    "people": "person_id, name, aliases, roles",
    "events": "event_id, doc_id, page, char_start, char_end, text, date_start, date_end, date_precision, "
              "date_source, cluster_id, rejected",
    "event_people": "*", "event_issues": "event_id, issue, method",
    "search_chunks": "*", "search_postings": "*", "search_vectors": "chunk_key, doc_key, cell",
    "fetches": "*",
}


def write_documents(folder: Path, n: int = 12) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for i in range(n):
        page = PAGE.format(i=i, day=i + 1, name=NAMES[i % 4], other=NAMES[(i + 1) % 4], pct=30 + i,
                           year=2016 + i % 3)
        (folder / f"meeting-{i:02d}.html").write_text(page)
    return folder


def imported_case(root: Path, n: int = 12) -> Path:
    docs = write_documents(root / "docs", n)
    case = root / "case"
    run_cli("init", str(case))
    run_cli("add", str(docs), "--kind", "minutes", "--source", "generated", case=case)
    return case


def copy_case(case: Path, dest: Path) -> Path:
    shutil.copytree(case, dest)
    return dest


def start(case: Path, *args: str) -> subprocess.Popen:
    env = {k: v for k, v in os.environ.items() if k != "CASEFILE_CASE"}
    env.update(ENV)
    return subprocess.Popen([sys.executable, "-m", "casefile.cli", "--case", str(case), *args],
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, cwd=ROOT, env=env)


def processed(case: Path) -> tuple[int, int]:
    """(documents done, documents) as a reader sees them (waiting while the writer commits)."""
    with Store(case / "casefile.duckdb", read_only=True) as s:
        return s.scalar("SELECT count(*) FROM documents WHERE status = 'done'"), s.scalar("SELECT count(*) FROM documents")


def wait_until(proc: subprocess.Popen, ready, timeout: float = 240) -> bool:
    """Poll `ready()` until it holds; False when the process ended first."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            return False
        if ready():
            return True
        time.sleep(0.05)
    raise AssertionError("timed out waiting for casefile process")


def contents(case: Path) -> dict[str, list[tuple]]:
    with Store(case / "casefile.duckdb", read_only=True) as s:
        out = {t: s.con.execute(f"SELECT {cols} FROM {t} ORDER BY ALL").fetchall() for t, cols in CONTENTS.items()}
        # the record of jobs differs by design: a killed run is in it, marked interrupted (tests/test_crash_process.py)
        out["counts"] = sorted((t, n) for t, n in s.counts().items() if t not in JOB_RECORDS)
        vectors = s.con.execute("SELECT chunk_id, embedding FROM chunks ORDER BY chunk_id").fetchall()
    out["embeddings_close"] = [(cid, np.round(np.asarray(v, np.float32), 3).tolist()) for cid, v in vectors]
    return out


def archive_problems(case: Path) -> list[str]:
    """Files under a real name whose bytes are not that name's hash, and documents without bytes."""
    problems = []
    for path in (case / "archive").rglob("*"):
        if path.is_file() and not path.name.startswith("."):
            if hashlib.sha256(path.read_bytes()).hexdigest() != path.name:
                problems.append(f"half-written or altered: {path.name}")
    with Store(case / "casefile.duckdb", read_only=True) as s:
        for (doc_id,) in s.con.execute("SELECT doc_id FROM documents").fetchall():
            if not (case / "archive" / doc_id[:2] / doc_id[2:4] / doc_id).is_file():
                problems.append(f"missing from the archive: {doc_id}")
    return problems
