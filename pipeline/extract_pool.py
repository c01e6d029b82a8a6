"""Extraction on several cores, each document under a time limit: N worker processes
(`ExtractWorker`), fed from threads, so the runner submits a batch and goes on with other work."""
from __future__ import annotations

import queue
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from typing import Any

from pipeline.extract import Extracted, extract, sniff
from pipeline.extract_worker import ExtractWorker

REFERENCE = "pipeline.extract_pool:extract_reference"


def extract_reference(raw: bytes) -> Extracted:
    """`extract` with every PDF page read by pdfplumber (no pdfium fast path): the reference."""
    if sniff(raw) == "pdf":
        from pipeline.extract_pdf import extract_pdf

        return extract_pdf(raw, fast=False)
    return extract(raw)


class ExtractPool:
    def __init__(self, workers: int, timeout: float, function: str | None = None,
                 worker: Callable[..., Any] = ExtractWorker) -> None:
        self.size = max(1, workers)
        self.timeout = timeout
        self.function = function   # "module:name" run in the workers; None: pipeline.extract:extract
        self.worker = worker       # what extracts: a local process, or a Ray task (pipeline/engine_ray.py)
        self._idle: queue.Queue[ExtractWorker] = queue.Queue()
        self._threads: ThreadPoolExecutor | None = None
        self._all: list[ExtractWorker] = []

    def __enter__(self) -> ExtractPool:
        self._threads = ThreadPoolExecutor(self.size, thread_name_prefix="casefile-extract")
        for _ in range(self.size):
            worker = self.worker(timeout=self.timeout, **({"function": self.function} if self.function else {}))
            worker.__enter__()
            self._all.append(worker)
            self._idle.put(worker)
        return self

    def __exit__(self, *exc: Any) -> None:
        if self._threads:
            self._threads.shutdown(wait=True)
        for worker in self._all:
            worker.__exit__(None, None, None)

    def extract_all(self, raws: list[Any]) -> list[Extracted | str]:
        """Each item: the Extracted document, or the one-line reason it could not be read.
        `raws` holds bytes or zero-argument callables returning bytes (read lazily, in the thread)."""
        return [f.result() for f in self.submit(raws)]

    def submit(self, raws: list[Any]) -> list[Future[Extracted | str]]:
        """Start extracting; each future holds what `extract_all` returns for its item."""
        assert self._threads is not None, "use ExtractPool as a context manager"
        return [self._threads.submit(self._one, raw) for raw in raws]

    def _one(self, raw: Any) -> Extracted | str:
        worker = self._idle.get()
        try:
            return worker.extract_or_reason(raw)
        finally:
            self._idle.put(worker)
