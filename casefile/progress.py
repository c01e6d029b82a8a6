"""Progress for long commands: on a terminal a bar with counts, rate and ETA (rich); otherwise (a log,
CI, a pipe) a plain line every few seconds and one at the end, so output stays readable.

    with progress("process") as report:      # report(done, total, "documents")
        ...
    with crawl_progress("crawl") as say:     # say(line): the crawler's line for each document
        ...
"""
from __future__ import annotations

import re
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import IO

Report = Callable[[int, int, str], None]
PLAIN_EVERY = 5.0   # seconds between plain progress lines
# the crawler says "<source>: <state> <file> (<url>)" once per document it stores
_DOCUMENT_LINE = re.compile(r"^[^:\n]+: (?:new|changed|unchanged|seen) ")


class Bar:
    """Counts with their rate and ETA, drawn as a bar on a terminal or written as periodic lines."""

    def __init__(self, label: str, stream: IO[str] | None = None, tty: bool | None = None,
                 every: float = PLAIN_EVERY, clock: Callable[[], float] = time.monotonic) -> None:
        self.label, self.stream, self.every, self.clock = label, stream or sys.stderr, every, clock
        self.tty = self.stream.isatty() if tty is None else tty
        self.start = self.last = clock()
        self.done, self.total, self.what = 0, None, "documents"
        self._bar = None
        if self.tty:
            from rich.console import Console
            from rich.progress import BarColumn, Progress, TextColumn, TimeElapsedColumn, TimeRemainingColumn

            self._bar = Progress(TextColumn("{task.description}"), BarColumn(),
                                 TextColumn("{task.fields[count]}"), TextColumn("{task.fields[rate]}"),
                                 TextColumn("ETA"), TimeRemainingColumn(), TimeElapsedColumn(),
                                 console=Console(file=self.stream, force_terminal=True), transient=False)
            self._task = self._bar.add_task(label, total=None, count="", rate="")
            self._bar.start()

    def update(self, done: int, total: int | None = None, what: str = "documents") -> None:
        self.done, self.total, self.what = done, total, what
        now = self.clock()
        if self._bar is not None:
            self._bar.update(self._task, completed=done, total=total, count=self._count(),
                             rate=f"{self._rate(now):.1f} {what}/s")
        elif (total is not None and done >= total) or now - self.last >= self.every:
            self.last = now
            self._line(now)

    def say(self, line: str) -> None:
        """A message of its own (a failure, a warning), above the bar or on its own line."""
        if self._bar is not None:
            self._bar.console.print(line, markup=False, highlight=False)
        else:
            print(line, file=self.stream, flush=True)

    def close(self) -> None:
        if self._bar is not None:
            self._bar.stop()
        elif self.done and self.total is None:   # a count without a total: say where it ended
            self._line(self.clock())

    def _rate(self, now: float) -> float:
        return self.done / max(now - self.start, 1e-6)

    def _count(self) -> str:
        return f"{self.done}/{self.total} {self.what}" if self.total is not None else f"{self.done} {self.what}"

    def _line(self, now: float) -> None:
        rate = self._rate(now)
        parts = [f"{self.label}: {self._count()}", f"{rate:.1f}/s"]
        if self.total is not None:
            left = max(self.total - self.done, 0)
            parts.append(f"ETA {_duration(left / rate) if rate else '?'}" if left else
                         f"done in {_duration(now - self.start)}")
        print(", ".join(parts), file=self.stream, flush=True)


def _duration(seconds: float) -> str:
    seconds = int(round(seconds))
    if seconds < 60:
        return f"{seconds}s"
    if seconds < 3600:
        return f"{seconds // 60}m{seconds % 60:02d}s"
    return f"{seconds // 3600}h{seconds % 3600 // 60:02d}m"


@contextmanager
def progress(label: str, stream: IO[str] | None = None, tty: bool | None = None) -> Iterator[Report]:
    """A `report(done, total, what)` callback (the runner's), shown as a bar or plain lines."""
    bar = Bar(label, stream, tty)
    try:
        yield lambda done, total, what: bar.update(done, total, what)
    finally:
        bar.close()


@contextmanager
def crawl_progress(label: str, stream: IO[str] | None = None,
                   tty: bool | None = None) -> Iterator[Callable[[str], None]]:
    """A callback for the crawler's lines: each stored document counts (the total is unknown while
    the sites are read); any other line (a failure, a removal, robots.txt) is shown as it comes."""
    bar = Bar(label, stream, tty)

    def say(line: str) -> None:
        if _DOCUMENT_LINE.match(line):
            bar.update(bar.done + 1, None, "documents")
        else:
            bar.say(line)
    try:
        yield say
    finally:
        bar.close()
