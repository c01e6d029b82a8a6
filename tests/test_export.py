"""Timeline exports: TimelineJS JSON (checked against its documented field list), CSV and JSON,
the same from the CLI and the web."""
from __future__ import annotations

import csv
import io
import json
from pathlib import Path
from typing import Any

import pytest

from casefile.formatting import date_label
from queries.exports import TIMELINEJS_FIELDS, timeline_csv, timelinejs
from tests.conftest import run_cli
from tests.web_cases import Server, demo_case


def entry(text="The board voted to approve the contract.", start="2018-03-06", end="2018-03-06", precision="day",
          **extra):
    src = {"doc_id": "a" * 64, "event_id": "e1", "title": "Minutes — March 6, 2018", "url": "https://county.example/m.pdf",
           "kind": "minutes", "source": "board", "page": 3, "char_start": 10, "char_end": 50, "text": text,
           "date_start": start, "date_end": end, "date_precision": precision}
    base = {"event_id": "e1", "cluster_id": "c1", "date_start": start, "date_end": end, "date_precision": precision,
            "date_source": "explicit", "text": text, "people": ["Margaret Whitfield"], "issues": ["board_governance"],
            "dates_disagree": False, "sources": [src]}
    base.update(extra)
    return base


def check_documented_fields(data: dict) -> None:
    """Every key is one TimelineJS documents (https://timeline.knightlab.com/docs/json-format.html)."""
    assert set(data) <= TIMELINEJS_FIELDS["timeline"] and isinstance(data["events"], list)
    slides = data["events"] + ([data["title"]] if "title" in data else [])
    for slide in slides:
        assert set(slide) <= TIMELINEJS_FIELDS["slide"], set(slide) - TIMELINEJS_FIELDS["slide"]
        assert set(slide.get("text", {})) <= TIMELINEJS_FIELDS["text"]
        for key in ("start_date", "end_date"):
            if key in slide:
                assert set(slide[key]) <= TIMELINEJS_FIELDS["date"] and isinstance(slide[key]["year"], int)
    for slide in data["events"]:
        assert "start_date" in slide                    # required for every slide but the title
        assert slide["text"]["headline"] and slide["text"]["text"]


def test_dates_follow_the_events_precision():
    cases = {
        ("2018-03-06", "2018-03-06", "day"): ({"year": 2018, "month": 3, "day": 6}, None),
        ("2018-03-05", "2018-03-11", "week"): ({"year": 2018, "month": 3, "day": 5}, {"year": 2018, "month": 3, "day": 11}),
        ("2018-03-01", "2018-03-31", "month"): ({"year": 2018, "month": 3}, None),
        ("2018-04-01", "2018-06-30", "quarter"): ({"year": 2018, "month": 4}, {"year": 2018, "month": 6}),
        ("2018-06-01", "2018-08-31", "season"): ({"year": 2018, "month": 6}, {"year": 2018, "month": 8}),
        ("2018-01-01", "2018-12-31", "year"): ({"year": 2018}, None),
    }
    for (start, end, precision), (want_start, want_end) in cases.items():
        slide = timelinejs([entry(start=start, end=end, precision=precision)], date_label)["events"][0]
        assert slide["start_date"] == want_start, precision
        assert slide.get("end_date") == want_end, precision
        assert slide["display_date"] == date_label(start, end, precision)


def test_documented_fields_citations_and_escaping():
    nasty = 'He said <script>alert("x")</script> & left.'
    e = entry(text=nasty, issues=["staff_turnover"])
    e["sources"].append({**e["sources"][0], "doc_id": "b" * 64, "event_id": "e2", "title": "Herald <b>story</b>",
                         "url": "javascript:alert(1)", "kind": "news", "page": 1, "text": "Another wording."})
    undated = entry(start=None, end=None, precision="none", cluster_id="c2")
    data = timelinejs([e, undated], date_label, title="Case <x>", issue_labels={"staff_turnover": "Staff turnover"})
    check_documented_fields(data)
    assert len(data["events"]) == 1 and "1 undated" in data["title"]["text"]["text"]
    slide = data["events"][0]
    assert slide["group"] == "Staff turnover" and slide["unique_id"] == "c1"
    html = slide["text"]["text"] + slide["text"]["headline"] + data["title"]["text"]["headline"]
    assert "<script>" not in html and "<b>" not in html and "&lt;script&gt;" in html
    assert 'href="javascript:' not in html
    assert '<a href="https://county.example/m.pdf">Minutes — March 6, 2018</a>, p. 3' in html
    assert "Herald &lt;b&gt;story&lt;/b&gt;, p. 1 (news)" in html


def test_csv_export_has_one_row_per_entry_with_sources():
    rows = list(csv.DictReader(io.StringIO(timeline_csv([entry(), entry(cluster_id="c2")], date_label))))
    assert len(rows) == 2
    assert rows[0]["date"] == "March 6, 2018" and rows[0]["sources"] == "Minutes — March 6, 2018 p.3"
    assert rows[0]["source_urls"] == "https://county.example/m.pdf" and rows[0]["people"] == "Margaret Whitfield"


@pytest.fixture(scope="module")
def case() -> Path:
    return demo_case()


def test_cli_timelinejs_on_the_demo_carries_every_citation(case):
    data = json.loads(run_cli("timeline", "--format", "timelinejs", case=case).stdout)
    entries = json.loads(run_cli("timeline", "--format", "json", case=case).stdout)
    check_documented_fields(data)
    by_id = {e["cluster_id"]: e for e in entries}
    assert len(data["events"]) == sum(1 for e in entries if e["date_start"])
    for slide in data["events"]:
        e = by_id[slide["unique_id"]]
        for s in e["sources"]:
            assert f"p. {s['page']}" in slide["text"]["text"]
            assert (s["url"] or "") in slide["text"]["text"]
            title = s["title"] or s["url"] or s["doc_id"][:12]
            assert title.replace("'", "&#x27;") in slide["text"]["text"] or title in slide["text"]["text"]


def test_web_exports_match_the_cli(case):
    import urllib.request

    person = json.loads(run_cli("people", "--limit", "1", "--format", "json", case=case).stdout)[0]["name"]
    with Server(case) as s:
        def fetch(path: str) -> tuple[bytes, Any]:
            with urllib.request.urlopen(s.url + path) as r:
                return r.read(), r.headers

        for fmt, path in (("csv", "export/timeline.csv"), ("json", "export/timeline.json"),
                          ("timelinejs", "export/timelinejs.json")):
            body, headers = fetch(f"{path}?person={person.replace(' ', '+')}")
            cli = run_cli("timeline", "--person", person, "--format", fmt, case=case).stdout
            assert headers["Content-Disposition"].startswith("attachment")
            if fmt == "csv":
                assert body.decode() == cli
            else:
                assert json.loads(body) == json.loads(cli)
