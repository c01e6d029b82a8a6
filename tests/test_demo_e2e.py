"""End to end on the bundled demo: its site on loopback -> real crawl -> process -> timeline.

The demo is built once per test session by the real `casefile demo` command (a subprocess), then
built again on the same folder to check that a second run changes nothing but the fetch log.
"""
from __future__ import annotations

import csv
import shutil
from datetime import date

from index.store import Store
from tests.conftest import ROOT, cli_json

GOLD = ROOT / "casefile" / "demo" / "gold.csv"


def gold_rows() -> list[dict]:
    with GOLD.open(newline="") as fh:
        rows = list(csv.DictReader(fh))
    if shutil.which("tesseract") is None:
        rows = [r for r in rows if r["needs"] != "ocr"]
    return rows


def _flat(text: str) -> str:
    return " ".join(text.split()).lower()


def _matches_date(entry: dict, gold: dict) -> bool:
    """A gold date at some precision matches any event date inside that period."""
    if not entry["date_start"]:
        return False
    start, end = date.fromisoformat(entry["date_start"]), date.fromisoformat(entry["date_end"])
    g = gold["date"]
    parts = [int(x) for x in g.split("-")]
    if len(parts) == 3:
        return start <= date(*parts) <= end and (end - start).days <= 7
    if len(parts) == 2:
        return (start.year, start.month) == tuple(parts) and (end.year, end.month) == tuple(parts)
    return start.year == parts[0] and end.year == parts[0]


def test_demo_prints_a_timeline(demo):
    assert "Timeline" in demo["stdout"]
    assert demo["before"]["counts"]["events"] > 0


def test_gold_events_are_in_the_timeline_with_people_and_dates(demo):
    entries = cli_json("timeline", case=demo["case"])
    missing = []
    for g in gold_rows():
        quote = _flat(g["quote"])
        found = [e for e in entries if any(quote[:60] in _flat(src["text"]) or _flat(src["text"]) in quote
                                           for src in e["sources"])]
        ok = [e for e in found if _matches_date(e, g)
              and all(p in e["people"] for p in filter(None, g["people"].split(";")))]
        if not ok:
            missing.append((g["date"], g["event"], [(e["date_start"], e["people"]) for e in found]))
    assert not missing, "\n".join(map(str, missing))


def test_every_event_text_is_its_page_slice(demo):
    with Store(demo["case"] / "casefile.duckdb", read_only=True) as s:
        bad = s.query("""SELECT e.event_id FROM events e JOIN pages p USING (doc_id, page)
                         WHERE substr(p.text, e.char_start + 1, e.char_end - e.char_start) <> e.text""")
        total = s.scalar("SELECT count(*) FROM events")
        mentions_bad = s.scalar("""SELECT count(*) FROM mentions m JOIN pages p USING (doc_id, page)
                         WHERE substr(p.text, m.char_start + 1, m.char_end - m.char_start) <> m.text""")
    assert total > 0 and not bad and mentions_bad == 0


def test_second_demo_run_changes_nothing_but_the_fetch_log(demo):
    before, after = demo["before"], demo["after"]
    assert after["timeline"] == before["timeline"]
    fetches_before = before["counts"].pop("fetches")
    fetches_after = after["counts"].pop("fetches")
    assert after["counts"] == before["counts"]
    assert fetches_after > fetches_before


def test_person_timeline_finds_every_name_variant(demo):
    person = cli_json("people", "Peggy Whitfield", case=demo["case"])
    assert len(person) == 1
    names = set(person[0]["aliases"])
    assert {"Margaret Whitfield", "Peggy Whitfield"} <= names
    entries = cli_json("timeline", "--person", "Peggy Whitfield", case=demo["case"])
    assert entries and all(e["date_start"] for e in entries[:5])
    texts = " ".join(src["text"] for e in entries for src in e["sources"])
    for variant in ("Margaret Whitfield", "Peggy", "Director Whitfield"):
        assert variant in " ".join(texts.split()), variant
    assert all("Margaret Whitfield" in e["people"] for e in entries)
