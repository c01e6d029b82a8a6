"""`casefile process` killed with SIGKILL at several points, then run again, ends exactly where an
uninterrupted run ends; a killed `casefile add` leaves nothing half-written in the archive."""
from __future__ import annotations

import os
import random
import signal
import time
from pathlib import Path

import pytest

from index.store import Store
from queries.runs import runs
from tests.conftest import run_cli
from tests.process_case import (ENV, archive_problems, contents, copy_case, imported_case, processed, start,
                                wait_until, write_documents)


@pytest.fixture(scope="module")
def template(tmp_path_factory) -> Path:
    return imported_case(tmp_path_factory.mktemp("crash"), n=24)


@pytest.fixture(scope="module")
def uninterrupted(template, tmp_path_factory) -> dict:
    case = copy_case(template, tmp_path_factory.mktemp("whole") / "case")
    run_cli("process", case=case, env=ENV)
    return contents(case)


def kill(proc) -> None:
    if proc.poll() is None:
        os.kill(proc.pid, signal.SIGKILL)
    proc.wait()


def test_process_killed_three_times_ends_like_an_uninterrupted_run(template, uninterrupted, tmp_path):
    case = copy_case(template, tmp_path / "case")
    total = processed(case)[1]
    points = []

    # 1. anywhere in the first seconds: loading models, extracting, maybe inside the first batch
    proc = start(case, "process")
    time.sleep(random.Random(6).uniform(2.0, 6.0))
    kill(proc)
    points.append(("early", processed(case)[0]))

    # 2. between batches, with some documents committed and more to go
    proc = start(case, "process")
    target = points[-1][1] + 1
    wait_until(proc, lambda: processed(case)[0] >= target)
    kill(proc)
    points.append(("mid-run", processed(case)[0]))

    # 3. once every document is stored: in the case-wide steps (people, clusters) or the index upkeep
    proc = start(case, "process")
    reached = wait_until(proc, lambda: processed(case)[0] == total)
    kill(proc)
    points.append(("case-wide" if reached else "finished", processed(case)[0]))

    run_cli("process", case=case, env=ENV)
    assert 0 < points[1][1] < total, points
    after = contents(case)
    print("kill points (documents done):", points, dict(after["counts"]))
    for table in uninterrupted:
        missing = [r for r in uninterrupted[table] if r not in after[table]][:3]
        extra = [r for r in after[table] if r not in uninterrupted[table]][:3]
        assert after[table] == uninterrupted[table], (table, points, missing, extra)
    assert not archive_problems(case)
    with Store(case / "casefile.duckdb", read_only=True) as s:
        statuses = [r["status"] for r in runs(s, None)]
    assert statuses[0] == "ok" and set(statuses[1:]) <= {"interrupted", "ok"}, statuses   # the kills are on record
    assert statuses.count("interrupted") >= 2, (statuses, points)


def test_add_killed_leaves_the_archive_whole(tmp_path):
    docs = write_documents(tmp_path / "docs", 40)
    for i, path in enumerate(sorted(docs.iterdir())):  # bigger files: the kill lands mid-import
        path.write_bytes(path.read_bytes() + os.urandom(1 << 18) * (i % 3 == 0))
    case = tmp_path / "case"
    run_cli("init", str(case))
    proc = start(case, "add", str(docs), "--kind", "minutes")
    time.sleep(random.Random(9).uniform(1.5, 3.0))
    kill(proc)
    assert not archive_problems(case)
    run_cli("add", str(docs), "--kind", "minutes", case=case)
    assert not archive_problems(case)
    assert processed(case)[1] == 40
