"""The parts of issue 16 without a crawl: the run lock and run records, what changed between two
versions, when a timeline entry is new, the digest's watermark, and the [digest] email settings."""
from __future__ import annotations

import io
import os
import socket
import subprocess
import sys
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest

from casefile.case import CaseError, init_case, open_case
from casefile.runs import RunBusy, recorded_run, run_lock
from index import timeline as timeline_table
from index.store import Store
from queries.digest import digest, watermark
from queries.runs import runs
from queries.version_diff import compare, summary
from tests.conftest import ROOT

T0 = datetime(2024, 5, 1, 6, 0, tzinfo=timezone.utc)
URL = "https://county.example.gov/board/minutes.pdf"
HEADER = "Harlan County Board — Minutes — Page {} of {}"


def at(hours: float) -> datetime:
    return T0 + timedelta(hours=hours)


# -- the run lock and the runs table ---------------------------------------------------------------

def test_a_second_job_is_refused_while_the_first_holds_the_case(fresh_case: Path) -> None:
    case = open_case(fresh_case)
    with run_lock(case, "run"):
        with pytest.raises(RunBusy) as err:
            with run_lock(case, "crawl"):
                pass
        message = str(err.value)
        assert "\n" not in message and f"`casefile run` (pid {os.getpid()}, started " in message
        assert "`casefile crawl` did not start (exit code 75" in message
        said = io.StringIO()
        with pytest.raises(RunBusy, match="after waiting 0.3 s"):
            with run_lock(case, "process", wait=0.3, err=said):
                pass
        assert said.getvalue().startswith("waiting for `casefile run` (pid ")
    with run_lock(case, "crawl"):   # free again once the first let go
        pass


def test_the_lock_dies_with_its_process(fresh_case: Path) -> None:
    holder = subprocess.Popen([sys.executable, "-c", (
        "import sys, time; from casefile.case import open_case; from casefile.runs import run_lock\n"
        f"with run_lock(open_case({str(fresh_case)!r}), 'run'):\n"
        "    print('held', flush=True); time.sleep(60)")], cwd=ROOT, stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "held"
        with pytest.raises(RunBusy):
            with run_lock(open_case(fresh_case), "run"):
                pass
    finally:
        holder.kill()   # killed, not stopped: nothing of it runs to release the lock
        holder.wait()
    with run_lock(open_case(fresh_case), "run"):
        pass


def test_a_run_is_recorded_and_a_killed_one_marked_interrupted(fresh_case: Path) -> None:
    case = open_case(fresh_case)
    with case.store() as s:
        s.upsert("runs", [{"run_id": "killed", "command": "run", "started_at": at(0), "status": "running",
                           "pid": 2 ** 22 + 17, "sources": [], "counts": {}, "failures": []}])
    with recorded_run(case, "process") as record:
        with case.store(read_only=True) as s:
            [row] = [r for r in runs(s) if r["run_id"] == record.run_id]
            assert row["status"] == "running" and row["ended_at"] is None
        record.failures.append({"doc_id": "ab" * 32, "reason": "unreadable PDF"})
    with pytest.raises(ValueError):
        with recorded_run(case, "crawl"):
            raise ValueError("the crawl broke\nsecond line")
    with case.store(read_only=True) as s:
        got = {r["command"]: r for r in runs(s)}
    assert got["run"]["status"] == "interrupted"
    assert got["process"]["status"] == "failed" and got["process"]["failures"][0]["reason"] == "unreadable PDF"
    assert got["crawl"]["status"] == "error" and got["crawl"]["error"] == "the crawl broke"


# -- what changed between two versions --------------------------------------------------------------

def _version(store: Store, doc_id: str, pages: list[str], hours: float, url: str = URL) -> None:
    store.sight_document({"doc_id": doc_id, "kind": "minutes", "source": "board", "url": url, "title": "Minutes",
                          "last_seen": at(hours)})
    rows = []
    for n, body in enumerate(pages, 1):
        header = HEADER.format(n, len(pages)) + "\n"
        rows.append({"doc_id": doc_id, "page": n, "text": header + body, "method": "text",
                     "skip": [[0, len(header)]]})
    store.upsert("pages", rows)
    store.set_document(doc_id, status="done")


@pytest.fixture
def store(tmp_path: Path) -> Store:
    s = Store(tmp_path / "c.duckdb")
    yield s
    s.close()


def test_a_changed_sentence_and_an_added_page(store: Store) -> None:
    _version(store, "a" * 64, ["1. CALL TO ORDER\nThe chair opened the meeting. The board met\nin the hall.",
                               "2. ADJOURNMENT\nThe meeting was adjourned at 7:05 p.m."], 0)
    _version(store, "b" * 64, ["1. CALL TO ORDER\nThe chair opened the meeting. The board met in\nthe hall.",
                               "2. ADJOURNMENT\nThe meeting was adjourned at 7:20 p.m.",
                               "ATTACHMENT A\nA letter from the District Attorney."], 1)
    diff = compare(store, "a" * 64, "b" * 64)
    assert (diff["pages_before"], diff["pages_after"], diff["pages_added"], diff["pages_removed"]) == (2, 3, [3], [])
    assert [(p["page"], p["removed"], p["added"]) for p in diff["passages"]] == [
        (2, ["The meeting was adjourned at 7:05 p.m."],
         ["The meeting was adjourned at 7:20 p.m.", "ATTACHMENT A", "A letter from the District Attorney."])]
    assert summary(diff) == "2 pages → 3 pages (page 3 added); 1 changed passage"


def test_text_that_only_moved_to_another_page_is_no_change(store: Store) -> None:
    _version(store, "a" * 64, ["The chair opened the meeting. The vote carried.", "The meeting ended."], 0)
    _version(store, "b" * 64, ["The chair opened the meeting.", "The vote carried. The meeting ended."], 1)
    diff = compare(store, "a" * 64, "b" * 64)
    assert diff["passages"] == [] and diff["note"] == "same text; the file changed (layout, metadata or images)"


def test_a_version_not_yet_extracted_says_so(store: Store) -> None:
    _version(store, "a" * 64, ["The chair opened the meeting."], 0)
    store.sight_document({"doc_id": "b" * 64, "kind": "minutes", "source": "board", "url": URL, "last_seen": at(1)})
    assert compare(store, "a" * 64, "b" * 64)["note"] == "text not extracted yet"


# -- new timeline entries and the watermark --------------------------------------------------------

def _event(store: Store, doc_id: str, n: int, text: str, day: str) -> None:
    page = store.scalar("SELECT text FROM pages WHERE doc_id = ? AND page = 1", [doc_id])
    start = page.index(text)
    store.upsert("events", [{"event_id": f"{doc_id[:4]}{n}", "doc_id": doc_id, "page": 1, "char_start": start,
                             "char_end": start + len(text), "text": text, "date_start": day, "date_end": day,
                             "date_precision": "day", "date_source": "document_date", "modality": "done"}])


def test_a_sentence_carried_over_by_a_new_version_is_not_new(store: Store) -> None:
    resigned, appointed = "Ann Lee resigned.", "The board appointed Bo Park."
    _version(store, "a" * 64, [f"Minutes. {resigned}"], 0)
    _event(store, "a" * 64, 1, resigned, "2019-06-11")
    _version(store, "b" * 64, [f"Minutes. {resigned} {appointed}"], 2)
    _event(store, "b" * 64, 1, resigned, "2019-06-11")
    _event(store, "b" * 64, 2, appointed, "2019-06-11")
    timeline_table.refresh(store.con)   # no clustering here: each sentence is its own entry
    made = digest(store, at(1), at(3))
    assert [e["text"] for e in made["entries"]] == [appointed]
    [changed] = made["documents"][0]["changed"]
    assert changed["doc_id"] == "b" * 64 and changed["diff"]["passages"][0]["added"] == [appointed]
    assert digest(store, at(3), at(4))["empty"]
    assert len(digest(store, None, at(4))["entries"]) == 3   # from the beginning: every entry


def test_the_watermark_stops_at_a_document_not_yet_processed(store: Store) -> None:
    _version(store, "a" * 64, ["Minutes."], 0)
    assert watermark(store) > at(0)
    store.sight_document({"doc_id": "c" * 64, "kind": "news", "source": "herald", "url": "https://h.example/1",
                          "last_seen": at(5)})   # crawled, pending
    assert watermark(store) == at(5)


# -- the [digest] email settings -------------------------------------------------------------------

DIGEST_OK = '[digest]\nto = "desk@example.org"\nfrom = "casefile@example.org"\nsmtp_host = "127.0.0.1"\n'


@pytest.mark.parametrize("table, message", [
    (DIGEST_OK + 'password = "hunter2"\n', "remove password: SMTP credentials come from the environment "
                                           "(CASEFILE_SMTP_USER, CASEFILE_SMTP_PASSWORD), never from case.toml"),
    (DIGEST_OK + 'smtp_user = "desk"\n', "remove smtp_user"),
    (DIGEST_OK.replace('"desk@example.org"', '"desk"'), "`to` must be an email address or a list of them"),
    (DIGEST_OK + 'security = "tls"\n', "security must be one of starttls, ssl, none"),
    (DIGEST_OK + 'smpt_port = 25\n', "unknown key(s) smpt_port"),
])
def test_a_bad_digest_table_is_one_line(tmp_path: Path, table: str, message: str) -> None:
    from casefile.mail import MailConfig

    case = init_case(tmp_path / "case", case_toml=f'[case]\nname = "t"\n{table}')
    with pytest.raises(CaseError) as err:
        MailConfig.from_case(case)
    assert message in str(err.value) and "\n" not in str(err.value)


def test_a_run_with_a_bad_digest_table_stops_before_crawling(tmp_path: Path) -> None:
    from tests.conftest import run_cli

    init_case(tmp_path / "case", case_toml=f'[case]\nname = "t"\n{DIGEST_OK}password = "x"\n')
    proc = run_cli("run", case=tmp_path / "case", check=False, timeout=60)
    assert proc.returncode == 1 and proc.stderr.startswith("error: [digest] in ") and "crawl" not in proc.stderr


def test_an_unreachable_smtp_server_is_one_line(tmp_path: Path) -> None:
    from casefile.mail import MailConfig, MailError, message, send

    with socket.socket() as s:   # a port nobody listens on
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    case = init_case(tmp_path / "case", case_toml=f'[case]\nname = "t"\n{DIGEST_OK}smtp_port = {port}\n'
                                                  'security = "none"\ntimeout = 2\n')
    config = MailConfig.from_case(case)
    with pytest.raises(MailError) as err:
        send(config, message(config, "s", "text", "<p>html</p>"))
    assert str(err.value).startswith(f"digest email not sent via 127.0.0.1:{port}: ") and "\n" not in str(err.value)


def test_credentials_never_go_unencrypted_to_another_host(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    from casefile.mail import MailConfig, MailError, message, send

    monkeypatch.setenv("CASEFILE_SMTP_USER", "desk")
    case = init_case(tmp_path / "case", case_toml='[case]\nname = "t"\n' + DIGEST_OK.replace(
        "127.0.0.1", "smtp.example.org") + 'security = "none"\n')
    config = MailConfig.from_case(case)
    with pytest.raises(MailError, match="refusing to send SMTP credentials unencrypted to smtp.example.org"):
        send(config, message(config, "s", "text", "<p>html</p>"))


def test_runs_and_digest_commands_on_a_fresh_case(fresh_case: Path) -> None:
    from tests.conftest import run_cli

    assert "no runs recorded yet" in run_cli("runs", case=fresh_case).stdout
    with recorded_run(open_case(fresh_case), "crawl") as record:
        record.failures.append({"source": "dss-board", "reason": "HTTP 500 on the listing page"})
    table = run_cli("runs", case=fresh_case).stdout
    assert "crawl" in table and "failed" in table and "dss-board: HTTP 500 on the listing page" in table
    made = run_cli("digest", case=fresh_case).stdout
    assert "from the beginning of the case to " in made and "FAILURES (1)" in made
    assert "source dss-board" not in made and "dss-board (crawl of " in made
    assert run_cli("digest", case=fresh_case).stdout.endswith("Nothing new.\n")   # --since last
    bad = run_cli("digest", "--since", "yesterday", case=fresh_case, check=False)
    assert bad.returncode == 1 and bad.stderr.strip() == "error: not a date: 'yesterday' (use YYYY, YYYY-MM or YYYY-MM-DD)"
