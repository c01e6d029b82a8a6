"""Issue 3, "Done when": the demo case re-crawled after a one-document change re-processes only it.

A copy of the demo site is served on 127.0.0.1 at the demo case's address; the case is a copy of
the session's demo case (built by the real `casefile demo`: crawl, process), one news article is
edited (a paragraph added), and `casefile crawl` + `casefile process` run again. When the demo's
port is taken, the case is built here instead, with `casefile crawl` and `casefile process`.
"""
from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

import pytest

from casefile.case import init_case
from casefile.demo.server import serve_folder
from index.store import Store
from tests.conftest import ROOT, run_cli

DEMO = ROOT / "casefile" / "demo"
ARTICLE = "herald/2018/03/09/whitfield-resigns.html"
ADDED = "Board members said on Friday that they would meet again next week."
ANCHOR = "Its report is expected by early summer.</p>"
FAST = "\n[settings]\ndownload_delay = 0\nautothrottle_start_delay = 0\nautothrottle_max_delay = 0.2\n"


@pytest.fixture(scope="module")
def rebuilt(demo: dict[str, Any], tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    tmp = tmp_path_factory.mktemp("demo-change")
    site = tmp / "site"
    shutil.copytree(DEMO / "site", site)
    out: dict[str, Any] = {"case": tmp / "case"}
    port = int((demo["case"] / ".demo-port").read_text())
    with serve_folder(site, port=port) as base:
        toml = (DEMO / "case.toml").read_text(encoding="utf-8").replace("{base}", base) + FAST
        if base.endswith(f":{port}"):   # the demo's own URLs: its case, crawled and processed once
            shutil.copytree(demo["case"], out["case"])
            (out["case"] / "case.toml").write_text(toml, encoding="utf-8")
            out["process_1"] = demo["first"]
        else:
            init_case(out["case"], case_toml=toml)
            run_cli("crawl", case=out["case"], timeout=120)
            out["process_1"] = run_cli("process", case=out["case"], timeout=300)
        with Store(out["case"] / "casefile.duckdb", read_only=True) as s:
            out["docs_1"] = s.query("SELECT doc_id, status, processed_at FROM documents")
        page = site / ARTICLE
        page.write_text(page.read_text(encoding="utf-8").replace(ANCHOR, f"{ANCHOR}\n<p>{ADDED}</p>", 1),
                        encoding="utf-8")
        out["crawl_2"] = run_cli("crawl", case=out["case"], timeout=120)
        out["process_2"] = run_cli("process", case=out["case"], timeout=300)
        out["url"] = f"{base}/{ARTICLE}"
    with Store(out["case"] / "casefile.duckdb", read_only=True) as s:
        out["docs_2"] = s.query("SELECT doc_id, url, status, processed_at, supersedes FROM documents")
        out["pages"] = s.query("SELECT doc_id, text FROM pages")
    out["changes"] = json.loads(run_cli("changes", "--format", "json", case=out["case"]).stdout)
    return out


def test_the_article_is_edited_in_the_copy_only() -> None:
    original = (DEMO / "site" / ARTICLE).read_text(encoding="utf-8")
    assert ADDED not in original and original.count(ANCHOR) == 1


def test_first_process_handles_every_document(rebuilt: dict[str, Any]) -> None:
    n = len(rebuilt["docs_1"])
    assert n > 20 and f"processed {n} documents, 0 failed" in rebuilt["process_1"].stderr


def test_second_crawl_finds_one_new_version(rebuilt: dict[str, Any]) -> None:
    assert "harlan-herald: 0 new, 1 changed, 7 unchanged, 0 removed" in rebuilt["crawl_2"].stderr
    for source in ("dss-board", "state-review", "valley-gazette"):
        assert f"{source}: 0 new, 0 changed," in rebuilt["crawl_2"].stderr


def test_second_process_handles_only_the_changed_document(rebuilt: dict[str, Any]) -> None:
    assert "processed 1 documents, 0 failed" in rebuilt["process_2"].stderr
    before = {d["doc_id"]: d["processed_at"] for d in rebuilt["docs_1"]}
    after = {d["doc_id"]: d for d in rebuilt["docs_2"]}
    assert all(after[doc_id]["processed_at"] == when for doc_id, when in before.items())  # untouched
    [new] = [d for d in rebuilt["docs_2"] if d["doc_id"] not in before]
    assert new["url"] == rebuilt["url"] and new["status"] == "done" and new["supersedes"] in before


def test_both_versions_stay_searchable(rebuilt: dict[str, Any]) -> None:
    [new] = [d for d in rebuilt["docs_2"] if d["supersedes"]]
    texts = {p["doc_id"]: p["text"] for p in rebuilt["pages"] if p["doc_id"] in (new["doc_id"], new["supersedes"])}
    assert ADDED in texts[new["doc_id"]] and ADDED not in texts[new["supersedes"]]


def test_changes_lists_the_new_version(rebuilt: dict[str, Any]) -> None:
    changed = [c for c in rebuilt["changes"]["changes"] if c["change"] != "new"]
    assert [(c["change"], c["source"], c["url"]) for c in changed] == [("changed", "harlan-herald", rebuilt["url"])]
