"""Extraction in a separate process with a per-document time limit.

A pathological file (a PDF whose layout takes hours, a parser stuck in a loop, a crash in a C
library) must fail alone, with a reason, without stopping the run. The worker process is reused
across documents and replaced when a document overruns or kills it.

    with ExtractWorker(timeout=300) as worker:
        for raw in documents:
            try:
                ex = worker.extract(raw)
            except ExtractError as exc:   # includes "extraction timed out after 300 s"
                ...
"""
from __future__ import annotations

import importlib
import os
from multiprocessing.connection import Connection
from typing import Any

from pipeline import served
from pipeline.extract import Extracted, ExtractError

DEFAULT_TIMEOUT = 300.0
STARTUP_TIMEOUT = 120.0   # a cold start on a busy laptop: imports only, no document yet


def _serve(conn: Connection, function: str) -> None:
    """Worker loop: raw bytes in, ("ok", Extracted) or ("error", reason) out."""
    os.environ["OMP_THREAD_LIMIT"] = "1"   # one Tesseract thread per worker
    module, _, name = function.partition(":")
    run = getattr(importlib.import_module(module), name)
    import pdfplumber  # noqa: F401  -- warm up before the clock of the first document starts

    conn.send(("ready", None))
    while True:
        try:
            raw = conn.recv_bytes()
        except (EOFError, OSError):
            return
        try:
            reply: tuple[str, Any] = ("ok", run(raw))
        except ExtractError as exc:
            reply = ("error", str(exc))
        except Exception as exc:   # report, don't die: the next document still needs this worker
            first = str(exc).splitlines()[0] if str(exc) else ""
            reply = ("error", f"{type(exc).__name__}: {first}".rstrip(": "))
        try:
            conn.send(reply)
        except (EOFError, OSError):
            return


class ExtractWorker:
    """One extraction process with a time limit per document; restarted after a timeout or a crash."""

    def __init__(self, timeout: float = DEFAULT_TIMEOUT, function: str = "pipeline.extract:extract") -> None:
        self.timeout = timeout
        self.function = function   # "module:name", importable in a fresh process (tests swap in a slow one)
        self._proc: Any = None
        self._conn: Connection | None = None

    def _start(self) -> None:
        """A fresh worker, ready to read: its start-up (imports) is not charged to a document."""
        self._proc, self._conn, ready = served.start(_serve, (self.function,), "casefile-extract", STARTUP_TIMEOUT)
        if not ready:
            self._kill()
            raise ExtractError("extraction worker did not start (see the log for the import error)")

    def extract(self, raw: bytes) -> Extracted:
        if not raw:
            raise ExtractError("empty file (0 bytes)")
        if self._proc is None or not self._proc.is_alive():
            self._start()
        assert self._conn is not None
        try:
            self._conn.send_bytes(raw)
            ready = self._conn.poll(self.timeout)
            if not ready:
                self._kill()
                raise ExtractError(f"extraction timed out after {self.timeout:g} s")
            status, value = self._conn.recv()
        except (EOFError, OSError):
            if self._proc is not None:
                self._proc.join(2)
            code = self._proc.exitcode if self._proc is not None else None
            self._kill()
            raise ExtractError(f"extraction process died (exit code {code}; out of memory or a crash "
                               "in a PDF/image library)") from None
        if status == "error":
            raise ExtractError(value)
        return value

    def extract_or_reason(self, raw: Any) -> Extracted | str:
        """`raw` (bytes, or a zero-argument callable returning them, called here) extracted, or the
        one-line reason it could not be: a broken file never stops the batch. Ray's tasks call this too."""
        try:
            return self.extract(raw() if callable(raw) else raw)
        except ExtractError as exc:
            return str(exc)
        except Exception as exc:
            return f"{type(exc).__name__}: {str(exc).splitlines()[0] if str(exc) else ''}".strip()

    def _kill(self) -> None:
        if self._proc is not None:
            self._proc.kill()
            self._proc.join(5)
        if self._conn is not None:
            self._conn.close()
        self._proc, self._conn = None, None

    def close(self) -> None:
        self._kill()

    def __enter__(self) -> ExtractWorker:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def extract_with_timeout(raw: bytes, seconds: float = DEFAULT_TIMEOUT) -> Extracted:
    """One document in a fresh worker process (for many documents, reuse an ExtractWorker)."""
    with ExtractWorker(seconds) as worker:
        return worker.extract(raw)
