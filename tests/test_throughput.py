"""The fast runner (extraction a batch ahead, analysis lanes, one embedding call per unit, the pdfium
fast path) changes nothing in what is stored: the demo's timeline is the same as the serial
reference's (one document at a time, in one process, pdfplumber on every page). No timing here."""
from __future__ import annotations

import json
import subprocess
import sys

from tests.conftest import ROOT, cli_json

_REFERENCE = """
import sys
from pathlib import Path
from casefile.case import open_case
from pipeline.run import process

if __name__ == "__main__":
    case = open_case(Path(sys.argv[1]))
    with case.store() as store:
        report = process(store, case.archive, settings=case.settings, curation=case.curation(),
                         taxonomy=case.config.get("issues"), force=True, serial=True)
    print(report.processed, len(report.failed))
"""


def test_demo_timeline_is_unchanged_by_the_fast_runner(demo, demo_copy) -> None:
    fast = cli_json("timeline", case=demo["case"])
    out = subprocess.run([sys.executable, "-c", _REFERENCE, str(demo_copy)], cwd=ROOT, capture_output=True,
                         text=True, timeout=1200, check=True)
    processed, failed = map(int, out.stdout.split())
    assert processed == 24 and failed == 0
    reference = cli_json("timeline", case=demo_copy)
    assert json.dumps(fast, sort_keys=True) == json.dumps(reference, sort_keys=True)
    assert len(fast) > 20


def test_nothing_is_pending_after_a_run(demo_copy) -> None:
    """Work whose inputs and stage versions are unchanged is skipped: a second run selects nothing."""
    from index.store import Store
    from pipeline.run import STAGE_VERSIONS, pending_ids

    with Store(demo_copy / "casefile.duckdb") as store:
        assert pending_ids(store) == []
        doc_id = store.scalar("SELECT doc_id FROM documents ORDER BY doc_id LIMIT 1")
        store.set_document(doc_id, stage_versions={**STAGE_VERSIONS, "events": "events.v0"})
        assert pending_ids(store) == [doc_id]          # an older stage version: that document only
        store.set_document(doc_id, status="partial")   # read in part: its text is analysed by old rules too
        assert pending_ids(store) == [doc_id]
        assert len(pending_ids(store, force=True)) == 24


def test_a_batch_is_shared_out_in_units_of_about_equal_text() -> None:
    from pipeline.extract import Extracted, Page
    from pipeline.run import _units

    sizes = [9000, 100, 200, 3000, 3000, 50, 2500, 400]
    items = [(i, Extracted(pages=[Page(1, "x" * n, "text")], format="pdf")) for i, n in enumerate(sizes)]
    units = _units(items, 4)
    assert sorted(i for unit in units for i, _ in unit) == list(range(8))     # each document once
    loads = [sum(sizes[i] for i, _ in unit) for unit in units]
    assert loads == sorted(loads, reverse=True) and loads[0] == 9000           # heaviest unit first
    assert all(unit == sorted(unit, key=lambda it: it[0]) for unit in units)   # document order kept
    assert _units(items[:1], 4) == [[items[0]]]
