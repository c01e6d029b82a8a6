"""`casefile add`: local files and folders, deduplicated by hash, each import a custody row."""
from __future__ import annotations

import hashlib
import json
from datetime import date
from pathlib import Path

import pytest

from casefile.case import CaseError, open_case
from casefile.importer import import_paths
from index.store import Store
from tests.conftest import run_cli

PDF = b"%PDF-1.4\n% a records-request response\n%%EOF\n"


@pytest.fixture
def foia(tmp_path: Path) -> Path:
    """A public-records response: two letters, a duplicate of one in a subfolder, a hidden file."""
    folder = tmp_path / "foia-2018"
    (folder / "attachments").mkdir(parents=True)
    (folder / "letter.pdf").write_bytes(PDF)
    (folder / "memo.txt").write_text("Memo: caseload figures for March 2018.\n")
    (folder / "attachments" / "letter copy.pdf").write_bytes(PDF)
    (folder / ".DS_Store").write_bytes(b"junk")
    return folder


def rows(case: Path, sql: str) -> list[dict]:
    with Store(case / "casefile.duckdb", read_only=True) as s:
        return s.query(sql)


def test_importing_a_folder_twice_adds_nothing_new_but_logs_every_import(fresh_case: Path, foia: Path) -> None:
    first = run_cli("add", str(foia), "--kind", "report", "--source", "foia-2018", case=fresh_case)
    assert first.stdout.strip() == "added 2 new, 0 new versions, 1 already known, 0 unreadable"
    second = run_cli("add", str(foia), "--kind", "report", "--source", "foia-2018", case=fresh_case)
    assert second.stdout.strip() == "added 0 new, 0 new versions, 3 already known, 0 unreadable"
    assert len(rows(fresh_case, "SELECT * FROM documents")) == 2
    fetches = rows(fresh_case, "SELECT * FROM fetches ORDER BY fetched_at")
    assert len(fetches) == 6  # three files read, twice; the hidden file is not one of them
    assert {f["source"] for f in fetches} == {"foia-2018"} and {f["status"] for f in fetches} == {0}
    assert all(f["error"] is None and f["fetched_at"].tzinfo is not None for f in fetches)


def test_original_name_path_and_options_are_recorded(fresh_case: Path, foia: Path) -> None:
    run_cli("add", str(foia / "letter.pdf"), "--kind", "report", "--source", "foia-2018",
            "--url", "https://county.example.gov/records/letter.pdf", "--date", "2018-03-06",
            "--title", "DA letter", case=fresh_case)
    [doc] = rows(fresh_case, "SELECT * FROM documents")
    assert doc["doc_id"] == hashlib.sha256(PDF).hexdigest()
    assert doc["filename"] == "letter.pdf"
    assert json.loads(doc["meta"])["path"] == str((foia / "letter.pdf").resolve())
    assert (doc["kind"], doc["source"], doc["title"]) == ("report", "foia-2018", "DA letter")
    assert doc["url"] == "https://county.example.gov/records/letter.pdf"
    assert (doc["doc_date"], doc["doc_date_source"]) == (date(2018, 3, 6), "user")
    assert (doc["content_type"], doc["size"], doc["status"]) == ("application/pdf", len(PDF), "pending")
    [fetch] = rows(fresh_case, "SELECT * FROM fetches")
    assert fetch["url"] == (foia / "letter.pdf").resolve().as_uri()  # custody: the file it came from
    assert (fetch["sha256"], fetch["size"]) == (doc["doc_id"], len(PDF))
    assert (fresh_case / "archive" / doc["doc_id"][:2] / doc["doc_id"][2:4] / doc["doc_id"]).read_bytes() == PDF


def test_a_file_edited_at_the_same_path_is_a_new_version(fresh_case: Path, foia: Path) -> None:
    case = open_case(fresh_case)
    memo = foia / "memo.txt"
    with case.store() as store:
        import_paths([memo], store=store, archive=case.archive, kind="other", source="local",
                     url=None, doc_date=None, title=None)
        memo.write_text("Memo: caseload figures for March 2018 (corrected).\n")
        report = import_paths([memo], store=store, archive=case.archive, kind="other", source="local",
                              url=None, doc_date=None, title=None)
        docs = store.query("SELECT doc_id, supersedes, url FROM documents ORDER BY first_seen")
    assert (report["new"], report["changed"]) == (0, 1)
    assert docs[1]["supersedes"] == docs[0]["doc_id"] and docs[0]["url"] == docs[1]["url"] == memo.resolve().as_uri()


def test_unreadable_and_empty_files_are_logged_and_reported(fresh_case: Path, tmp_path: Path) -> None:
    (tmp_path / "empty.pdf").write_bytes(b"")
    proc = run_cli("add", str(tmp_path / "empty.pdf"), str(tmp_path / "missing.pdf"), case=fresh_case)
    assert proc.stdout.strip() == "added 0 new, 0 new versions, 0 already known, 2 unreadable"
    assert "empty.pdf: empty file: nothing to store" in proc.stderr
    assert "missing.pdf: No such file or directory" in proc.stderr
    errors = sorted(f["error"] for f in rows(fresh_case, "SELECT error FROM fetches"))
    assert errors == ["cannot import file: No such file or directory", "cannot import file: empty file: nothing to store"]
    assert rows(fresh_case, "SELECT count(*) AS n FROM documents") == [{"n": 0}]


@pytest.mark.parametrize("args, message", [
    (["--url", "https://x.example/one.pdf"], "--url names one document, but 3 files were given: import them one by one"),
    (["--date", "March 6"], "--date 'March 6' is not a date: use YYYY-MM-DD"),
    (["--kind", "memo"], "--kind 'memo' is not one of minutes, agenda, report, court, press, news, other"),
])
def test_bad_options_are_one_line_errors(fresh_case: Path, foia: Path, args: list[str], message: str) -> None:
    proc = run_cli("add", str(foia), *args, case=fresh_case, check=False)
    assert proc.returncode == 1 and proc.stderr.strip() == f"error: {message}"
    assert rows(fresh_case, "SELECT count(*) AS n FROM fetches") == [{"n": 0}]


def test_library_refuses_url_for_a_folder(fresh_case: Path, foia: Path) -> None:
    case = open_case(fresh_case)
    with case.store() as store, pytest.raises(CaseError):
        import_paths([foia], store=store, archive=case.archive, kind="report", source="local",
                     url="https://x.example/a.pdf", doc_date=None, title=None)
