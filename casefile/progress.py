"""Progress for long commands: a rich bar on a terminal, plain periodic lines otherwise."""
from __future__ import annotations

import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Callable

from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

Report = Callable[[int, int, str], None]
PLAIN_EVERY = 5.0  # seconds between plain progress lines


@contextmanager
def progress(label: str) -> Iterator[Report]:
    if sys.stderr.isatty():
        bar = Progress(TextColumn(f"{label}"), BarColumn(), MofNCompleteColumn(),
                       TextColumn("{task.fields[rate]}"), TimeRemainingColumn(), transient=False)
        task = bar.add_task(label, total=None, rate="")
        start = time.monotonic()
        with bar:
            def report(done: int, total: int, what: str) -> None:
                rate = done / max(time.monotonic() - start, 1e-6)
                bar.update(task, completed=done, total=total, rate=f"{rate:.1f} {what}/s")
            yield report
        return
    start = last = time.monotonic()

    def plain(done: int, total: int, what: str) -> None:
        nonlocal last
        t = time.monotonic()
        if done == total or t - last >= PLAIN_EVERY:
            last = t
            rate = done / max(t - start, 1e-6)
            eta = (total - done) / rate if rate and total else 0
            print(f"{label}: {done}/{total} {what} ({rate:.1f}/s, eta {eta:.0f}s)", file=sys.stderr, flush=True)
    yield plain
