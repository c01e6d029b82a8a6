"""Cases and a real `casefile serve` process for the web, pack and export tests.

The demo case is built once per test process (by the real `casefile demo` command) and shared by
every module that asks for it; a small case from the fixtures stands in when the demo is missing.
"""
from __future__ import annotations

import atexit
import os
import select
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from tests.conftest import FIXTURES, ROOT, build_demo_once, run_cli

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]
SCRIPT_TEXT = 'The board voted on March 6, 2018 to approve the contract. <script>alert("pwned")</script> ' \
              'Director Jane Roe resigned on March 9, 2018.\n'
SCRIPT_TITLE = "<script>alert('title')</script> Board memo"
_built: dict[str, Path] = {}


def _scratch() -> Path:
    if "scratch" not in _built:
        base = Path(tempfile.mkdtemp(prefix="casefile-web-tests-"))
        atexit.register(shutil.rmtree, base, True)
        _built["scratch"] = base
    return _built["scratch"]


def demo_case() -> Path:
    """The bundled demo case, built once per test session (tests/conftest.py)."""
    return build_demo_once()["case"]


def small_case(case: Path) -> Path:
    run_cli("init", str(case))
    run_cli("add", str(FIXTURES / "pdfs"), "--kind", "agenda", case=case)
    run_cli("add", str(FIXTURES / "news" / "nj.com1.html"), "--kind", "news", case=case)
    run_cli("process", case=case)
    return case


def script_case() -> Path:
    """A case whose one document carries `<script>` in its text and title, and a `javascript:` URL."""
    if "script" not in _built:
        case = _scratch() / "script"
        run_cli("init", str(case))
        memo = _scratch() / "memo.txt"
        memo.write_text(SCRIPT_TEXT * 3)
        run_cli("add", str(memo), "--kind", "minutes", "--date", "2018-03-10", "--title", SCRIPT_TITLE,
                "--url", "javascript:alert('url')", case=case)
        run_cli("process", case=case)
        _built["script"] = case
    return _built["script"]


class Server:
    """`casefile serve` as a real subprocess on 127.0.0.1 and a free port; stopped by its pid."""

    def __init__(self, case: Path, *args: str, env: dict[str, str] | None = None) -> None:
        self.case, self.args = case, args
        self.env = {k: v for k, v in os.environ.items() if k not in ("CASEFILE_CASE", "CASEFILE_TOKEN")}
        self.env.update({"HF_HUB_OFFLINE": "1", **(env or {})})
        self.proc: subprocess.Popen | None = None
        self.url = ""
        self.log = _scratch() / f"serve-{time.monotonic_ns()}.log"

    def __enter__(self) -> Server:
        cmd = [sys.executable, "-m", "casefile.cli", "--case", str(self.case), "serve", "--port", "0", *self.args]
        self._log = self.log.open("wb")
        self.proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=self._log, cwd=ROOT, env=self.env)
        line = self._first_line(timeout=60)
        if "http://" not in line:
            self.__exit__()
            raise AssertionError(f"casefile serve did not start: {line!r}\n{self.log.read_text()}")
        self.url = line.split("http://", 1)[1].split()[0]
        self.url = "http://" + self.url.split("?", 1)[0]
        return self

    def _first_line(self, timeout: float) -> str:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            ready, _, _ = select.select([self.proc.stdout], [], [], 0.2)
            if ready:
                return self.proc.stdout.readline().decode()
            if self.proc.poll() is not None:
                return ""
        return ""

    def __exit__(self, *exc: object) -> None:
        if self.proc and self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()
        if self.proc and self.proc.stdout:
            self.proc.stdout.close()
        self._log.close()
