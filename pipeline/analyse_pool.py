"""Analysis on several cores: N lane processes, each with its own spaCy and embedding model running on
one thread, take units of extracted documents from a shared queue and return their rows.

Why lanes rather than one process per stage: embedding is most of the work (bench/RESULTS.md), so
both cores must embed; a lane that tags then embeds keeps its core busy, and single-threaded torch
and spaCy in each lane never fight over the cores (no oversubscription, no OpenMP spin-waits).
Units hold plain data (document rows and `Extracted` pages in, row dicts out), as stages must.

    with AnalysePool(2, settings, taxonomy) as pool:
        future = pool.submit([(doc, extracted), ...])   # -> list of results, or one-line reasons
        vectors = pool.encode(["a title"])               # the lanes' embedding model, for the runner
"""
from __future__ import annotations

import os
import queue
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from multiprocessing.connection import Connection
from typing import Any

from pipeline import served

STARTUP_TIMEOUT = 300.0   # imports of spaCy and torch on a busy laptop
THREAD_VARS = ("OMP_NUM_THREADS", "MKL_NUM_THREADS", "OPENBLAS_NUM_THREADS")


def _serve(conn: Connection, settings: Any, taxonomy: dict[str, Any] | None, threads: int) -> None:
    """Lane loop: ("analyse", items) -> ("ok", results); ("encode", texts) -> ("ok", vectors)."""
    for var in THREAD_VARS:   # before numpy/torch load: their thread pools size themselves once
        os.environ[var] = str(threads)
    from pipeline.run import Models, analyse_unit

    models = Models(settings, taxonomy, threads=threads)
    conn.send(("ready", None))
    while True:
        try:
            kind, payload = conn.recv()
        except (EOFError, OSError):
            return
        try:
            if kind == "encode":
                reply: tuple[str, Any] = ("ok", models.embedder.encode(payload))
            elif kind == "warm":
                reply = ("ok", bool(models.tagger and models.issue_tagger))
            else:
                reply = ("ok", analyse_unit(payload, models, settings))
        except Exception as exc:   # report, don't die: the next unit still needs this lane
            first = str(exc).splitlines()[0] if str(exc) else ""
            reply = ("error", f"{type(exc).__name__}: {first}".rstrip(": "))
        try:
            conn.send(reply)
        except (EOFError, OSError):
            return


class Lane:
    """One analysis process; started on first use, restarted after a crash."""

    def __init__(self, settings: Any, taxonomy: dict[str, Any] | None, threads: int = 1) -> None:
        self.args = (settings, taxonomy, threads)
        self._proc: Any = None
        self._conn: Connection | None = None

    def _start(self) -> None:
        self._proc, self._conn, ready = served.start(_serve, self.args, "casefile-analyse", STARTUP_TIMEOUT)
        if not ready:
            self.close()
            raise RuntimeError("analysis process did not start (see the log for the import error)")

    def call(self, kind: str, payload: Any) -> Any:
        if self._proc is None or not self._proc.is_alive():
            self._start()
        assert self._conn is not None
        try:
            self._conn.send((kind, payload))
            status, value = self._conn.recv()
        except (EOFError, OSError):
            code = self._proc.exitcode if self._proc is not None else None
            self.close()
            raise RuntimeError(f"analysis process died (exit code {code}; out of memory?)") from None
        if status == "error":
            raise RuntimeError(value)
        return value

    def close(self) -> None:
        if self._conn is not None:
            self._conn.close()
        if self._proc is not None:
            self._proc.join(5)
            if self._proc.is_alive():
                self._proc.kill()
                self._proc.join(5)
        self._proc, self._conn = None, None


class InProcess:
    """A lane in the calling process (one worker, or tests): same calls, no pickling."""

    def __init__(self, settings: Any, taxonomy: dict[str, Any] | None, threads: int | None = None) -> None:
        from pipeline.run import Models

        self.settings = settings
        self.models = Models(settings, taxonomy, threads=threads)

    def call(self, kind: str, payload: Any) -> Any:
        from pipeline.run import analyse_unit

        if kind == "encode":
            return self.models.embedder.encode(payload)
        if kind == "warm":
            return bool(self.models.tagger and self.models.issue_tagger)
        return analyse_unit(payload, self.models, self.settings)

    def close(self) -> None:
        pass


class AnalysePool:
    """`lanes` processes (0: analyse in this process), fed from threads: the runner submits and goes on."""

    def __init__(self, lanes: int, settings: Any, taxonomy: dict[str, Any] | None,
                 lane: Callable[..., Any] | None = None) -> None:
        """`lane`: what a lane is (default a local process; a Ray actor in pipeline/engine_ray.py)."""
        self.size = max(1, lanes)
        if lanes <= 0:
            self._all: list[Any] = [InProcess(settings, taxonomy, threads=max(1, settings.workers))]
        else:
            self._all = [(lane or Lane)(settings, taxonomy) for _ in range(lanes)]
        self._idle: queue.Queue[Any] = queue.Queue()
        for lane in self._all:
            self._idle.put(lane)
        self._threads: ThreadPoolExecutor | None = None

    def __enter__(self) -> AnalysePool:
        self._threads = ThreadPoolExecutor(self.size, thread_name_prefix="casefile-analyse")
        return self

    def __exit__(self, *exc: Any) -> None:
        if self._threads:
            self._threads.shutdown(wait=True, cancel_futures=True)
        self.close()

    def close(self) -> None:
        """Stop the lane processes (a later call starts one again); call when no unit is in flight."""
        for lane in self._all:
            lane.close()

    def submit(self, items: list[tuple[dict[str, Any], Any]]) -> Future[list[dict[str, Any] | str]]:
        """Rows for each (document, extracted) of the unit, or the one-line reason it failed."""
        assert self._threads is not None, "use AnalysePool as a context manager"
        return self._threads.submit(self._analyse, items)

    def warm(self) -> None:
        """Start every lane and load its models now, in the background (work is on its way)."""
        assert self._threads is not None, "use AnalysePool as a context manager"
        for _ in self._all:
            self._threads.submit(self._warm)

    def _warm(self) -> None:
        try:
            self._call("warm", None)
        except Exception:   # the first unit reports why the lane can't start
            pass

    def encode(self, texts: list[str]) -> list[list[float]]:
        """Embeddings from a lane's model (the runner itself loads no model)."""
        if not texts:
            return []
        return self._call("encode", list(texts))

    def _analyse(self, items: list[tuple[dict[str, Any], Any]]) -> list[dict[str, Any] | str]:
        try:
            return self._call("analyse", items)
        except Exception as exc:   # a lane that died fails its unit, with the reason, and is restarted
            reason = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
            return [reason for _ in items]

    def _call(self, kind: str, payload: Any) -> Any:
        lane = self._idle.get()
        try:
            return lane.call(kind, payload)
        finally:
            self._idle.put(lane)
