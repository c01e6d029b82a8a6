"""One writing job at a time per case, and a record of each (`casefile runs`).

`casefile run`, `crawl` and `process` take the case's run lock, an exclusive flock(2) on
`<case>/.casefile-run.lock`: the kernel lets go of it when the process ends, however it ends, so a
killed run never leaves a stale lock behind. A second job finds it taken and either waits for it
(`--wait SECONDS`) or stops at once with one line and exit code 75 (EX_TEMPFAIL, sysexits.h:
"try again later"), which a scheduler can tell apart from a failed run (1).

Each job is a row of `runs` (index/schema.sql): written as `running` when it starts, completed with
its counts and failures when it ends. A row still `running` whose process is gone was killed: the
next job marks it `interrupted`.
"""
from __future__ import annotations

import fcntl
import json
import os
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, TextIO

from casefile.case import Case
from index.store import now
from queries.runs import other_running

BUSY_EXIT = 75
LOCK_NAME = ".casefile-run.lock"
POLL = 0.25   # seconds between two tries of a waiting job


class RunBusy(Exception):
    """Another job holds the case's run lock; the message is one line."""


def _holder(text: str) -> str:
    """Who holds the lock, from what it wrote into the lock file."""
    try:
        info = json.loads(text)
        return f"`casefile {info['command']}` (pid {info['pid']}, started {info['started_at']})"
    except (ValueError, KeyError, TypeError):
        return "casefile command"


@contextmanager
def run_lock(case: Case, command: str, wait: float = 0.0, err: TextIO | None = None) -> Iterator[datetime]:
    """Hold the case's run lock for one job; yields the moment the job started (after any wait)."""
    err = err or sys.stderr
    fh = open(case.root / LOCK_NAME, "a+", encoding="utf-8")
    try:
        began, told, holder = time.monotonic(), False, ""
        while True:
            try:
                fcntl.flock(fh, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                fh.seek(0)
                holder = _holder(fh.read()) if not holder else holder
                if time.monotonic() - began >= wait:
                    waited = f" after waiting {wait:g} s" if wait else ""
                    raise RunBusy(f"another {holder} is working on this case; `casefile {command}` did not "
                                  f"start{waited} (exit code {BUSY_EXIT}: try again later, or pass --wait)") from None
                if not told:
                    print(f"waiting for {holder} to finish (at most {wait:g} s)", file=err, flush=True)
                    told = True
                time.sleep(POLL)
        if told:
            print(f"waited {time.monotonic() - began:.0f} s for {holder} to finish; starting", file=err, flush=True)
        started = now()
        fh.seek(0)
        fh.truncate()
        fh.write(json.dumps({"command": command, "pid": os.getpid(),
                             "started_at": started.strftime("%Y-%m-%d %H:%M:%S UTC")}))
        fh.flush()
        try:
            yield started
        finally:
            fh.seek(0)
            fh.truncate()
            fh.flush()
            fcntl.flock(fh, fcntl.LOCK_UN)
    finally:
        fh.close()


@dataclass
class RunRecord:
    """The `runs` row of one job, written when it starts and completed when it ends."""
    case: Case
    command: str
    started_at: datetime
    sources: list[str] = field(default_factory=list)
    counts: dict[str, Any] = field(default_factory=dict)
    failures: list[dict[str, str]] = field(default_factory=list)

    @property
    def run_id(self) -> str:
        return f"{self.started_at.strftime('%Y%m%dT%H%M%S.%fZ')}-{os.getpid()}"

    def crawled(self, report: Any) -> None:
        """Take a crawl's CrawlReport: per-source counts, and each source that failed with why."""
        per = {}
        for name, rep in report.sources.items():
            per[name] = {"new": rep.new, "changed": rep.changed, "unchanged": rep.seen, "removed": rep.removed,
                         "fetches": rep.fetches, "failed": rep.failed}
            if rep.failed:
                reason = "; ".join(rep.failures) or "no document found"
                self.failures.append({"source": name, "reason": reason})
        self.sources = sorted(per)
        for key in ("new", "changed", "unchanged", "removed", "fetches"):
            self.counts[key] = sum(p[key] for p in per.values())
        self.counts["per_source"] = per

    def processed(self, report: Any) -> None:
        """Take a process run's report: documents processed and those that failed, with why."""
        self.counts["processed"] = report.processed
        self.counts["processing_failed"] = len(report.failed)
        self.failures += [{"doc_id": doc_id, "reason": reason} for doc_id, reason in report.failed]

    def write(self, status: str, error: str | None = None) -> None:
        row = {"run_id": self.run_id, "command": self.command, "started_at": self.started_at,
               "ended_at": None if status == "running" else now(), "status": status, "pid": os.getpid(),
               "sources": self.sources, "counts": self.counts, "failures": self.failures, "error": error}
        with self.case.store() as store, store.transaction():
            if status == "running":   # we hold the lock: a row still running is a job that was killed
                for old in other_running(store, self.run_id):
                    store.upsert("runs", [{**old, "status": "interrupted"}])
            store.upsert("runs", [row])

    def finish(self) -> None:
        self.write("failed" if self.failures else "ok")


@contextmanager
def recorded_run(case: Case, command: str, wait: float = 0.0) -> Iterator[RunRecord]:
    """Hold the run lock and keep the job's `runs` row: running, then ok / failed / error / interrupted."""
    with run_lock(case, command, wait) as started:
        record = RunRecord(case, command, started)
        record.write("running")
        try:
            yield record
        except KeyboardInterrupt:
            record.write("interrupted", "stopped by the user (Ctrl-C or SIGINT)")
            raise
        except Exception as exc:
            record.write("error", (str(exc).splitlines() or [type(exc).__name__])[0])
            raise
        record.finish()
