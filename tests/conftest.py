"""Shared fixtures: fresh case folders, the CLI as a subprocess, the fixtures folder."""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

FIXTURES = Path(__file__).parent / "fixtures"
ROOT = Path(__file__).parent.parent


def run_cli(*args: str, case: Path | None = None, check: bool = True, env: dict | None = None,
            timeout: int = 600) -> subprocess.CompletedProcess:
    """The real `casefile` command in its own process (Scrapy's reactor runs once per process)."""
    cmd = [sys.executable, "-m", "casefile.cli"]
    if case is not None:
        cmd += ["--case", str(case)]
    full_env = {k: v for k, v in os.environ.items() if k != "CASEFILE_CASE"}
    full_env.update({"HF_HUB_OFFLINE": "1", "COLUMNS": "200", **(env or {})})
    proc = subprocess.run(cmd + list(args), capture_output=True, text=True, env=full_env, timeout=timeout,
                          cwd=ROOT)
    if check and proc.returncode != 0:
        raise AssertionError(f"casefile {' '.join(args)} exited {proc.returncode}\n{proc.stdout}\n{proc.stderr}")
    return proc


def cli_json(*args: str, case: Path) -> object:
    return json.loads(run_cli(*args, "--format", "json", case=case).stdout)


@pytest.fixture
def fresh_case(tmp_path: Path) -> Path:
    from casefile.case import init_case

    init_case(tmp_path / "case", "test case")
    return tmp_path / "case"


def snapshot(case: Path) -> dict:
    """Row counts of every table and the timeline, to compare two runs."""
    from index.store import Store

    with Store(case / "casefile.duckdb", read_only=True) as s:
        counts = s.counts()
        timeline = s.query("SELECT cluster_id, event_id, date_start, date_end, text FROM timeline ORDER BY ALL")
    return {"counts": counts, "timeline": timeline}


_DEMO: dict = {}


def build_demo_once() -> dict:
    """The demo case built twice by the real `casefile demo` (site on loopback, crawl, process),
    once per test process and shared by every test that needs it."""
    if not _DEMO:
        import atexit
        import shutil
        import tempfile

        root = Path(tempfile.mkdtemp(prefix="casefile-demo-"))
        atexit.register(shutil.rmtree, root, True)
        case = root / "case"
        first = run_cli("demo", str(case), timeout=900)
        before = snapshot(case)
        second = run_cli("demo", str(case), timeout=900)
        _DEMO.update({"case": case, "stdout": first.stdout, "before": before, "after": snapshot(case),
                      "second": second})
    return _DEMO


@pytest.fixture(scope="session")
def demo() -> dict:
    return build_demo_once()


@pytest.fixture
def demo_copy(demo, tmp_path) -> Path:
    """A private copy of the demo case for tests that write to it."""
    import shutil

    dest = tmp_path / "demo-copy"
    shutil.copytree(demo["case"], dest)
    return dest
