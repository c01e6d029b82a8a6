"""The whole job on a batch of broken files mixed with good ones: `casefile add` + `casefile process`
records each bad one as failed with its one-line reason, processes every good one fully, and
`casefile status` lists the failures."""
from __future__ import annotations

from index.store import Store
from tests.conftest import cli_json, run_cli
from tests.test_extract_bad import HAS_TESSERACT, NEEDS_OCR, bad_documents, good_documents

# the worker-only cases (a stuck parser, a crashing library) need a test hook; they are covered
# by tests/test_extract_bad.py through the same ExtractWorker the runner uses
WORKER_ONLY = {"stuck", "crash"}


def test_bad_inputs_fail_alone_and_good_ones_are_processed(fresh_case, tmp_path):
    bad = {k: v for k, v in bad_documents().items() if k not in WORKER_ONLY}
    good = good_documents()
    folder = tmp_path / "records"
    folder.mkdir()
    names = {}
    for i, (name, (raw, _)) in enumerate(list(bad.items()) + list(good.items())):
        path = folder / f"{i:02d}-{name.replace(' ', '_').replace(',', '')}.pdf"  # names lie; content decides
        path.write_bytes(raw)
        names[path.name] = name
    run_cli("add", str(folder), "--kind", "report", case=fresh_case)
    proc = run_cli("process", case=fresh_case)
    assert "processed" in proc.stderr

    with Store(fresh_case / "casefile.duckdb", read_only=True) as s:
        docs = {names[r["filename"]]: r for r in s.query("SELECT doc_id, filename, status, error FROM documents")}
        pages = {r["doc_id"]: r["n"] for r in s.query("SELECT doc_id, count(*) AS n FROM pages GROUP BY doc_id")}
    # the zero-byte file is refused at import (nothing to archive); every other bad one is a failed row
    for name, (_, reason) in bad.items():
        if name == "zero-byte":
            assert name not in docs or docs[name]["status"] == "failed"
            continue
        doc = docs[name]
        assert doc["status"] == "failed", (name, doc)
        assert reason.lower() in doc["error"].lower() and "\n" not in doc["error"], (name, doc["error"])
    for name in good:
        doc = docs[name]
        if name in NEEDS_OCR and not HAS_TESSERACT:  # kept, and says what it needs
            assert doc["status"] == "partial" and "apt-get install tesseract-ocr" in doc["error"], (name, doc)
            assert pages.get(doc["doc_id"], 0) >= 1, name
            continue
        assert doc["status"] == "done", (name, doc)
        assert pages.get(doc["doc_id"], 0) >= 1, name

    status = cli_json("status", case=fresh_case)
    failed = {f["doc_id"] for f in status["failures"]}
    assert failed == {d["doc_id"] for n, d in docs.items() if n in bad}
