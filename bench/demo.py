"""End-to-end benchmark of the demo case: documents/s, pages/s and peak memory of `casefile process`,
against a naive baseline run in the same script on the same crawled documents.

The demo site is crawled once (real spiders, loopback); then the naive baseline (per document:
pdfplumber/trafilatura, full spaCy `nlp(text)`, `model.encode`, row-by-row INSERTs) and casefile's
runner each process every document. casefile runs REPEAT times on fresh copies; medians are reported.
Usage: python bench/demo.py [--repeat 3] [--json bench/out/demo.json]
"""
from __future__ import annotations

import argparse
import json
import platform
import resource
import shutil
import statistics
import sys
import tempfile
import time
from datetime import datetime, timezone
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from casefile.case import init_case, open_case  # noqa: E402
from casefile.demo.run import DEMO, site_folder, with_base  # noqa: E402
from casefile.demo.server import serve_folder  # noqa: E402
from casefile.jobs import run_crawl  # noqa: E402


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def crawl_template(root: Path) -> Path:
    case = init_case(root, case_toml=DEMO.joinpath("case.toml").read_text())
    with serve_folder(site_folder()) as base:
        run_crawl(case, sources=with_base(case.sources, base))
    return root


def naive(case_root: Path) -> dict:
    """What a first script would do: one document at a time, every model component, row by row."""
    import io

    import duckdb
    import pdfplumber
    import spacy
    import trafilatura
    from sentence_transformers import SentenceTransformer

    from pipeline.embed import model_path

    case = open_case(case_root)
    t0 = time.perf_counter()
    nlp = spacy.load(case.settings.spacy_model)
    model = SentenceTransformer(str(model_path(case.settings.embedding_model)), device="cpu")
    load = time.perf_counter() - t0
    with case.store(read_only=True) as s:
        ids = [r["doc_id"] for r in s.query("SELECT doc_id FROM documents ORDER BY doc_id")]
    con = duckdb.connect(":memory:")
    con.execute("CREATE TABLE rows (doc_id VARCHAR, page INTEGER, text VARCHAR, embedding FLOAT[384])")
    pages = words = 0
    t0 = time.perf_counter()
    for doc_id in ids:
        raw = case.archive.get(doc_id)
        if raw.startswith(b"%PDF"):
            with pdfplumber.open(io.BytesIO(raw)) as pdf:
                texts = [p.extract_text() or "" for p in pdf.pages]
        else:
            texts = [trafilatura.extract(raw.decode("utf-8", "replace")) or ""]
        for n, text in enumerate(texts, 1):
            doc = nlp(text)
            sents = [s.text for s in doc.sents]
            vectors = model.encode(sents) if sents else []
            for sent, vec in zip(sents, vectors):
                con.execute("INSERT INTO rows VALUES (?, ?, ?, ?)", [doc_id, n, sent, vec.tolist()])
            pages += 1
            words += len(text.split())
    return {"seconds": time.perf_counter() - t0, "load_seconds": load, "documents": len(ids),
            "pages": pages, "words": words}


def casefile_run(template: Path, work: Path) -> dict:
    from pipeline.run import process

    if work.exists():
        shutil.rmtree(work)
    shutil.copytree(template, work)
    case = open_case(work)
    t0 = time.perf_counter()
    with case.store() as store:
        report = process(store, case.archive, settings=case.settings, curation=case.curation())
        pages = store.scalar("SELECT count(*) FROM pages")
        words = store.scalar("SELECT coalesce(sum(len(string_split(text, ' '))), 0) FROM pages")
        events = store.scalar("SELECT count(*) FROM timeline")
    return {"seconds": time.perf_counter() - t0, "documents": report.processed, "pages": pages,
            "words": words, "timeline": events}


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--json", type=Path, default=Path("bench/out/demo.json"))
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        template = crawl_template(Path(tmp) / "template")
        base = naive(template)
        base_rss = peak_rss_mb()
        runs = [casefile_run(template, Path(tmp) / f"run{i}") for i in range(args.repeat)]
    med = statistics.median(r["seconds"] for r in runs)
    r0 = runs[0]
    result = {
        "date": datetime.now(timezone.utc).isoformat(timespec="seconds"),
        "machine": f"{platform.machine()}, {platform.processor() or 'cpu'}, {__import__('os').cpu_count()} cores, "
                   f"Python {platform.python_version()}",
        "documents": r0["documents"], "pages": r0["pages"], "words": r0["words"],
        "timeline_entries": r0["timeline"],
        "casefile_seconds_median": round(med, 2),
        "casefile_seconds_all": [round(r["seconds"], 2) for r in runs],
        "casefile_docs_per_s": round(r0["documents"] / med, 2),
        "casefile_pages_per_s": round(r0["pages"] / med, 2),
        "naive_seconds": round(base["seconds"] + base["load_seconds"], 2),
        "naive_pages_per_s": round(base["pages"] / (base["seconds"] + base["load_seconds"]), 2),
        "ratio_casefile_over_naive_pages_per_s": round(
            (r0["pages"] / med) / (base["pages"] / (base["seconds"] + base["load_seconds"])), 2),
        "peak_rss_mb_after_naive": round(base_rss, 1),
        "peak_rss_mb_overall": round(peak_rss_mb(), 1),
    }
    args.json.parent.mkdir(parents=True, exist_ok=True)
    args.json.write_text(json.dumps(result, indent=2))
    width = max(map(len, result))
    for k, v in result.items():
        print(f"{k:<{width}}  {v}")


if __name__ == "__main__":
    main()
