"""Issue 16 on the demo case: overlapping runs, the digest after a quiet edit and a removal, the email.

The case is built once (tests/watch_case.py) with the real CLI, a loopback copy of the demo site
and a real SMTP server on 127.0.0.1.
"""
from __future__ import annotations

from typing import Any

import pytest

from casefile.runs import BUSY_EXIT
from index.store import Store
from tests.conftest import HAS_TESSERACT
from tests.watch_case import ADDED, ADJOURNED, ARTICLE, MINUTES, watched_case

# aiosmtpd warns about AUTH without TLS, from its own thread: the server hears only 127.0.0.1.
pytestmark = pytest.mark.filterwarnings("ignore:Requiring AUTH while not requiring TLS")


@pytest.fixture(scope="module")
def watched() -> dict[str, Any]:
    return watched_case()


def _docs(made: dict[str, Any], change: str) -> list[dict[str, Any]]:
    return [d for src in made["documents"] for d in src[change]]


def test_a_second_run_is_refused_in_one_line_with_its_own_exit_code(watched: dict[str, Any]) -> None:
    b = watched["b"]
    assert b.returncode == BUSY_EXIT == 75
    [line] = b.stderr.strip().splitlines()
    assert line.startswith("busy: another `casefile run` (pid ") and "did not start" in line
    assert "crawl:" not in b.stderr   # it did nothing


def test_a_run_with_wait_waits_for_the_first_and_then_runs(watched: dict[str, Any]) -> None:
    a, c = watched["a"], watched["c"]
    assert a.returncode == 0, a.stderr
    assert c.returncode == 0, c.stderr
    assert "waiting for `casefile run` (pid" in c.stderr and "s for `casefile run`" in c.stderr
    assert "processed 24 documents, 0 failed" in a.stderr
    assert "dss-board: 0 new, 0 changed, 9 unchanged" in c.stderr   # it ran after A, not alongside


def test_the_overlap_left_the_case_intact(watched: dict[str, Any]) -> None:
    docs = watched["documents"]
    assert len(docs) == len({d["doc_id"] for d in docs}) == 25   # 24 + the amended minutes
    # the scanned minutes are read in full with tesseract; without it they are kept, marked partial
    assert all(d["status"] == "done" or (not HAS_TESSERACT and d["status"] == "partial"
                                         and "apt-get install tesseract-ocr" in d["error"]) for d in docs), docs
    with Store(watched["case"] / "casefile.duckdb", read_only=True) as s:
        assert s.scalar("SELECT count(*) FROM runs WHERE status = 'running'") == 0
        assert s.scalar("SELECT count(*) FROM (SELECT url FROM documents WHERE supersedes IS NULL "
                        "GROUP BY url HAVING count(*) > 1)") == 0


def test_runs_lists_every_run_with_its_summary(watched: dict[str, Any]) -> None:
    runs = watched["runs"]
    assert [r["command"] for r in runs] == ["run"] * 4   # A, C, the second and the third; B never started
    assert all(r["status"] == "ok" and r["ended_at"] and not r["failures"] for r in runs)
    third, second, c, a = runs
    assert sorted(a["sources"]) == ["dss-board", "harlan-herald", "state-review", "valley-gazette"]
    assert (a["counts"]["new"], a["counts"]["processed"]) == (24, 24)
    assert (second["counts"]["changed"], second["counts"]["removed"], second["counts"]["processed"]) == (1, 1, 1)
    assert (c["counts"]["new"], c["counts"]["changed"], third["counts"]["changed"]) == (0, 0, 0)
    assert a["started_at"] < a["ended_at"] <= c["started_at"]   # C started only once A had ended


def test_the_first_digest_has_everything(watched: dict[str, Any]) -> None:
    first = watched["digest_1"]
    assert first["since"] is None and first["counts"]["new"] == 24 and first["counts"]["entries"] > 30


def test_the_digest_lists_exactly_the_changed_and_the_removed_document(watched: dict[str, Any]) -> None:
    made = watched["digest_2"]
    assert made["since_from"] == "previous digest"
    assert _docs(made, "new") == []
    [changed] = _docs(made, "changed")
    [removed] = _docs(made, "removed")
    assert changed["url"] == f"{watched['base']}/{MINUTES}"
    assert removed["url"] == f"{watched['base']}/{ARTICLE}" and removed["reason"] == "HTTP 404 Not Found"
    assert removed["entries"] >= 1   # the timeline still cites what the agency took down
    assert [s["source"] for s in made["documents"]] == ["dss-board", "valley-gazette"]


def test_the_changed_document_says_what_changed(watched: dict[str, Any]) -> None:
    diff = _docs(watched["digest_2"], "changed")[0]["diff"]
    assert (diff["pages_before"], diff["pages_after"], diff["pages_added"], diff["pages_removed"]) == (2, 2, [], [])
    assert [(p["removed"], p["added"]) for p in diff["passages"]] == [
        ([], [ADDED]), ([ADJOURNED.format("7:05")], [ADJOURNED.format("7:20")])]
    assert diff["more"] == 0


def test_the_digest_lists_the_new_timeline_entries_the_change_produced(watched: dict[str, Any]) -> None:
    made = watched["digest_2"]
    [entry] = made["entries"]
    assert " ".join(entry["text"].split()) == ADDED
    assert entry["date_start"] == "2019-06-11" and "Rosa Delgado" in entry["people"]
    [source] = entry["sources"]
    changed = _docs(made, "changed")[0]
    assert (source["doc_id"], source["page"]) == (changed["doc_id"], 2)
    assert [p["name"] for p in made["people"]] == ["Rosa Delgado"]
    assert made["people"][0]["first_mention"]["doc_id"] == changed["doc_id"]
    assert made["failures"] == [] and not made["empty"]


def test_since_last_is_empty_on_a_third_run(watched: dict[str, Any]) -> None:
    made = watched["digest_3"]
    assert made["empty"] and made["documents"] == [] and made["entries"] == [] and made["people"] == []
    assert made["since"] >= watched["digest_2"]["until"]


def test_a_person_digest_holds_only_that_person(watched: dict[str, Any]) -> None:
    made = watched["digest_person"]
    assert made["filters"] == {"person": "Rosa Delgado"} and made["since"] is None   # its own first digest
    assert [" ".join(e["text"].split()) for e in made["entries"]] == [ADDED]
    assert [d["url"] for d in _docs(made, "changed")] == [f"{watched['base']}/{MINUTES}"]
    assert _docs(made, "removed") == [] and _docs(made, "new") == []
    assert [p["name"] for p in made["people"]] == ["Rosa Delgado"]


def test_text_and_html_digests_show_the_changed_passage_and_the_quote(watched: dict[str, Any]) -> None:
    text, html = watched["digest_text"], watched["digest_html"]
    assert f"+ {ADDED}" in text and f"- {ADJOURNED.format('7:05')}" in text
    assert "NEW TIMELINE ENTRIES (1)" in text and "PEOPLE SEEN FOR THE FIRST TIME (1)" in text
    assert "Minutes — June 11, 2019, p. 2" in text
    assert html.startswith("<!doctype html>") and f'<div class="ins">+ {ADDED}</div>' in html
    assert 'id="entries"' in html and "Rosa Delgado" in html


def test_email_one_message_after_the_second_run_none_after_the_third(watched: dict[str, Any]) -> None:
    assert (watched["mail_after_a"], watched["mail_after_c"]) == (1, 1)   # the first run found the case; C nothing
    assert watched["mail_after_2"] == 2 and watched["mail_after_3"] == 2
    assert "digest email sent to desk@example.org" in watched["run_2"].stderr
    assert "digest email: nothing new, nothing sent" in watched["run_3"].stderr


def test_the_email_is_the_html_digest_of_the_run(watched: dict[str, Any]) -> None:
    msg = watched["inbox"].messages[1]
    assert msg["To"] == "desk@example.org" and msg["From"] == "casefile <casefile@example.org>"
    assert msg["Subject"].startswith("casefile digest: Harlan County DSS (demo) — ")
    assert "1 changed, 1 removed, 1 new timeline entries" in msg["Subject"]
    html = msg.get_body(("html",)).get_content()
    plain = msg.get_body(("plain",)).get_content()
    assert f'<div class="ins">+ {ADDED}</div>' in html and "Rosa Delgado" in html
    assert f"+ {ADDED}" in plain


def test_credentials_are_not_in_case_toml(watched: dict[str, Any]) -> None:
    toml = (watched["case"] / "case.toml").read_text()
    assert "[digest]" in toml and "not-in-case-toml" not in toml   # the server required AUTH: they came from the environment
