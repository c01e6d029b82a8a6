"""Shared fixtures: fresh case folders, the CLI as a subprocess, the fixtures folder."""
from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

FIXTURES = Path(__file__).parent / "fixtures"
ROOT = Path(__file__).parent.parent
HAS_TESSERACT = shutil.which("tesseract") is not None
TESSERACT_MISSING = "Tesseract not installed (apt-get install tesseract-ocr)"
# OCR tests run when the Debian package is there (.ci/run installs it) and skip, naming it, when not
needs_tesseract = pytest.mark.skipif(not HAS_TESSERACT, reason=TESSERACT_MISSING)


# Files whose module fixtures take longest (`pytest --durations`: the real set's whole job ~7 min of
# one worker, the watched case, the learned filter's three runs, the pack's case, the crash runs) are
# handed to the two workers first: `--dist loadfile` deals files in collection order, and the longest
# first leaves no seven-minute file to start when the other worker is nearly done.
SLOW_FIRST = ("test_eval_real.py", "test_watch.py", "test_event_filter.py", "test_pack.py",
              "test_crash_process.py", "test_changes_demo.py")


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    rank = {name: i for i, name in enumerate(SLOW_FIRST)}
    items.sort(key=lambda item: rank.get(item.path.name, len(SLOW_FIRST)))   # stable: files keep their order


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
_SESSION: dict = {}


@pytest.fixture(scope="session", autouse=True)
def _session_tmp(tmp_path_factory: pytest.TempPathFactory) -> None:
    _SESSION["tmp"] = tmp_path_factory


def built_once(name: str, build: Callable[[Path], dict]) -> dict:
    """`build(folder)` run once per test session, its result shared: with pytest-xdist the first
    worker to ask builds (under a file lock) in pytest's temporary folder, the others read the result."""
    import fcntl
    import pickle

    if "PYTEST_XDIST_WORKER" not in os.environ:
        import atexit
        import shutil
        import tempfile

        folder = Path(tempfile.mkdtemp(prefix=f"casefile-{name}-"))
        atexit.register(shutil.rmtree, folder, True)
        return build(folder)
    shared = _SESSION["tmp"].getbasetemp().parent   # the same for every worker of the session
    with (shared / f"{name}.lock").open("w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        done = shared / f"{name}.pickle"
        if not done.exists():
            (shared / name).mkdir(exist_ok=True)
            result = build(shared / name)
            done.write_bytes(pickle.dumps(result))
        return pickle.loads(done.read_bytes())


def _build_demo(root: Path) -> dict:
    case = root / "case"
    first = run_cli("demo", str(case), timeout=900)
    before = snapshot(case)
    second = run_cli("demo", str(case), timeout=900)
    return {"case": case, "first": first, "stdout": first.stdout, "before": before, "after": snapshot(case),
            "second": second}


def build_demo_once() -> dict:
    """The demo case built twice by the real `casefile demo` (site on loopback, crawl, process),
    once per test session and shared by every test that needs it."""
    if not _DEMO:
        _DEMO.update(built_once("demo", _build_demo))
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


@pytest.fixture(scope="session")
def tagger():
    """The real spaCy model with casefile's rules (the model a setting names), loaded once per test process."""
    from casefile.settings import Settings
    from pipeline.tagger import Tagger

    return Tagger(Settings().spacy_model)


def page_rows(tagger, text: str, kind: str, doc_date, *, broad: bool = False) -> list[dict]:
    """The timeline rows `events.build_events` makes of one generated page (before the learned filter)."""
    from pipeline import events, nlp

    analyses = tagger.tag([text])
    nlp.add_known_names([text], analyses)
    found = events.resolve_page_dates([text], analyses, doc_date)
    doc = {"doc_id": "d" * 64, "kind": kind, "doc_date": doc_date, "doc_date_source": "title"}
    return events.build_events(doc, [{"page": 1, "text": text}], analyses, found, broad=broad)


def candidate_texts(tagger, text: str) -> list[str]:
    """The sentences of one generated page the rules make candidates of."""
    return [text[c["start"]:c["end"]] for c in tagger.tag([text])[0]["candidates"]]


@pytest.fixture(scope="module")
def people() -> Callable[[str], list[str]]:
    """The people the real spaCy model and the person rules find in a text (one page), as shown."""
    from casefile.settings import Settings
    from pipeline import nlp
    from pipeline.tagger import Tagger

    tagger = Tagger(Settings().spacy_model)

    def read(text: str) -> list[str]:
        [analysis] = tagger.tag([text])
        nlp.drop_outvoted([analysis])
        return [m["name"] for m in analysis["people"]]
    return read
