"""Progress of long commands: plain periodic lines off a terminal, a bar with counts, rate and ETA on one."""
from __future__ import annotations

import io

from casefile.progress import Bar, crawl_progress, progress


class Clock:
    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now


def test_plain_lines_are_periodic_with_count_rate_and_eta() -> None:
    out, clock = io.StringIO(), Clock()
    bar = Bar("process", stream=out, tty=False, every=5.0, clock=clock)
    for done in range(1, 11):
        clock.now += 1.0           # one document a second
        bar.update(done, 10, "documents")
    bar.close()
    lines = out.getvalue().splitlines()
    # at 5 s and 10 s only (periodic), then the last one says it is done
    assert lines == ["process: 5/10 documents, 1.0/s, ETA 5s", "process: 10/10 documents, 1.0/s, done in 10s"]


def test_a_count_without_total_reports_its_end() -> None:
    out, clock = io.StringIO(), Clock()
    bar = Bar("crawl", stream=out, tty=False, every=60.0, clock=clock)
    clock.now += 4
    bar.update(8, None)
    bar.close()
    assert out.getvalue() == "crawl: 8 documents, 2.0/s\n"


def test_crawl_lines_count_documents_and_show_the_rest() -> None:
    out = io.StringIO()
    with crawl_progress("crawl", stream=out, tty=False) as say:
        say("dss-board: new minutes-2018-01.pdf (http://127.0.0.1/dss/minutes-2018-01.pdf)")
        say("dss-board: unchanged minutes-2017-12.pdf (http://127.0.0.1/dss/minutes-2017-12.pdf)")
        say("herald: FAILED crawl: ConnectionRefusedError")
    lines = out.getvalue().splitlines()
    assert lines[0] == "herald: FAILED crawl: ConnectionRefusedError"
    assert lines[-1].startswith("crawl: 2 documents, ")


def test_terminal_bar_shows_counts_rate_and_eta() -> None:
    out = io.StringIO()
    with progress("process", stream=out, tty=True) as report:
        report(3, 12, "documents")
    shown = out.getvalue()
    assert "process" in shown and "3/12 documents" in shown and "documents/s" in shown and "ETA" in shown


def test_process_on_a_pipe_prints_plain_progress(fresh_case) -> None:
    """`casefile process` with its output captured (not a terminal): plain lines, no bar codes."""
    from tests.conftest import run_cli

    (fresh_case / "note.txt").write_text("The board met on March 6, 2018 and approved the budget.\n")
    run_cli("add", str(fresh_case / "note.txt"), "--kind", "other", case=fresh_case)
    proc = run_cli("process", case=fresh_case)
    assert "process: 1/1 documents" in proc.stderr and "\x1b[" not in proc.stderr
