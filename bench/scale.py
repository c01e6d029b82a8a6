"""The index at scale: synthetic cases of N passages (bench/scale_data.py), built with casefile's
store and search index, then timed: BM25, semantic and hybrid search, the timeline of one person
and of one month, the refresh after adding 1,000 passages, opening the case. In the same run, the
same passages go into DuckDB's fts extension and SQLite FTS5 (the stack behind Datasette), and
their BM25 latency is compared with casefile's.

Usage: python bench/scale.py [--sizes 100000 1000000] [--queries 60] [--json bench/out/scale.json]
       [--workdir DIR] [--keep] [--reuse [--reindex]]
"""
from __future__ import annotations

import argparse
import json
import os
import platform
import random
import shutil
import sqlite3
import statistics
import sys
import tempfile
import time
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Any, Callable

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

import numpy as np  # noqa: E402

import scale_data  # noqa: E402  (bench/scale_data.py)
from index import fts, search_index, search_vectors  # noqa: E402
from index import timeline as timeline_table  # noqa: E402
from index.search_text import STOPWORDS  # noqa: E402
from index.store import Store  # noqa: E402
from queries.filters import Filters  # noqa: E402
from queries.search import search  # noqa: E402
from queries.search_semantic import nearest  # noqa: E402
from queries.timeline import timeline  # noqa: E402

TARGETS = {"timeline_p95_ms": 100, "hybrid_p95_ms": 500, "refresh_1000_s": 10}


def log(msg: str) -> None:
    print(f"[{datetime.now():%H:%M:%S}] {msg}", file=sys.stderr, flush=True)


def timed(fn: Callable[[], Any], repeat: int = 1) -> tuple[float, Any]:
    start = time.perf_counter()
    for _ in range(repeat):
        out = fn()
    return (time.perf_counter() - start) / repeat, out


def percentiles(seconds: list[float]) -> dict[str, float]:
    ms = sorted(s * 1000 for s in seconds)
    return {"p50_ms": round(statistics.median(ms), 1), "p95_ms": round(ms[min(len(ms) - 1, int(0.95 * len(ms)))], 1),
            "n": len(ms)}


def insert(store: Store, tables: dict[str, Any]) -> None:
    with store.transaction():
        for name, table in tables.items():
            if table.num_rows:
                cols = ", ".join(table.column_names)
                store.con.register("_bench", table)
                store.con.execute(f"INSERT INTO {name} ({cols}) SELECT {cols} FROM _bench")
                store.con.unregister("_bench")


def build(path: Path, n: int) -> dict[str, Any]:
    store = Store(path)
    t0 = time.perf_counter()
    insert(store, {"people": scale_data.people_table()})
    for tables in scale_data.batches(n):
        insert(store, tables)
    rows_s = time.perf_counter() - t0
    t1 = time.perf_counter()
    with store.transaction():   # as the case-wide steps of `casefile process` do
        timeline_table.refresh(store.con)
    timeline_s = time.perf_counter() - t1
    store.close()
    log(f"rows in {rows_s:.0f} s, timeline table in {timeline_s:.1f} s; indexing")
    return {"rows_seconds": round(rows_s, 1), "timeline_refresh_seconds": round(timeline_s, 1), **build_index(path)}


def build_index(path: Path) -> dict[str, Any]:
    """The search index from scratch, as `casefile process` builds it batch by batch (here in
    slices of REFRESH_SLICE documents), then sorted and its cells trained."""
    store = Store(path)
    with store.transaction():
        for table in ("search_chunks", "search_postings", "search_vectors", "search_cells"):
            store.con.execute(f"DELETE FROM {table}")
        store.con.execute("DELETE FROM meta WHERE key LIKE 'search_%'")
    t1 = time.perf_counter()
    docs = [r[0] for r in store.con.execute("SELECT doc_id FROM documents ORDER BY doc_id").fetchall()]
    for i in range(0, len(docs), search_index.REFRESH_SLICE):
        with store.transaction():
            search_index.refresh(store.con, docs[i:i + search_index.REFRESH_SLICE])
    index_s = time.perf_counter() - t1
    compact = search_index.compact_postings(store)
    vectors = search_vectors.maintain(store)
    store.close()
    return {"index_seconds": round(index_s, 1), "compact_seconds": compact["seconds"], "vectors": vectors,
            "index_build_seconds": round(time.perf_counter() - t1, 1)}


def db_mb(path: Path) -> float:
    return round(sum(p.stat().st_size for p in path.parent.glob(path.name + "*")) / 2**20, 1)


def make_queries(store: Store, count: int, seed: int = 5) -> list[dict[str, Any]]:
    rng = random.Random(seed)
    rows = store.query(f"SELECT text, embedding FROM chunks USING SAMPLE reservoir({count} ROWS) REPEATABLE ({seed})")
    stop = set(STOPWORDS)
    queries = []
    for i, r in enumerate(rows):
        words = [w.strip(".").lower() for w in r["text"].split()]
        content = [w for w in words if w not in stop and len(w) > 3]
        if len(content) < 3:
            continue
        if i % 10 == 0:  # a phrase: two neighbouring words
            j = next((k for k in range(len(words) - 1) if words[k] not in stop and words[k + 1] not in stop), 0)
            text = f'"{words[j]} {words[j + 1]}"'
        else:
            text = " ".join(rng.sample(content, rng.choice((2, 3))))
        vec = np.asarray(r["embedding"], np.float32) + np.random.default_rng(i).standard_normal(384).astype(np.float32) / 30
        queries.append({"text": text, "words": text.strip('"').split(), "phrase": text.startswith('"'),
                        "vector": (vec / np.linalg.norm(vec)).tolist()})
    return queries


def measure(path: Path, queries: list[dict[str, Any]]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    with Store(path, read_only=True) as store:
        for mode in ("bm25", "semantic", "hybrid"):
            times = []
            for q in queries:
                s, _ = timed(lambda: search(store, q["text"], mode=mode, encode=lambda _t, v=q["vector"]: [v]))
                times.append(s)
            out[mode] = percentiles(times)
            log(f"{mode}: {out[mode]}")
        out["semantic_recall_at_10"] = recall(store, queries[:20])
        names = [r[0] for r in store.con.execute("SELECT name FROM people USING SAMPLE 30 ROWS").fetchall()]
        out["timeline_person"] = percentiles([timed(lambda: timeline(store, Filters(person=name)))[0] for name in names])
        starts = [datetime(2015, 3, 1) + timedelta(days=30 * i) for i in range(30)]
        out["timeline_month"] = percentiles([timed(lambda: timeline(store, Filters(
            date_from=d.date(), date_to=(d + timedelta(days=30)).date())))[0] for d in starts])
        log(f"timeline: {out['timeline_person']} {out['timeline_month']}")
    out["open_read_only_ms"] = round(timed(lambda: Store(path, read_only=True).close(), 5)[0] * 1000, 1)
    return out


def recall(store: Store, queries: list[dict[str, Any]]) -> float:
    """Share of the exact top 10 (cosine over chunks.embedding) that the cells' search finds."""
    found = []
    for q in queries:
        exact = {r[0] for r in store.con.execute(
            "SELECT ('0x' || md5(chunk_id)[1:15])::BIGINT FROM chunks "
            "ORDER BY array_cosine_similarity(embedding, ?::FLOAT[384]) DESC LIMIT 10", [q["vector"]]).fetchall()}
        approx = {c for c, _, _ in nearest(store.con, None, q["vector"], limit=10)}
        found.append(len(exact & approx) / 10)
    return round(float(np.mean(found)), 3)


def refresh_cost(path: Path, n: int) -> dict[str, Any]:
    """Add 1,000 passages (50 documents) as a processing batch would, and time the index refresh."""
    store = Store(path)
    new = next(scale_data.batches(1000, seed=99, first_doc=10**7, prefix="added"))
    insert(store, new)
    docs = new["documents"].column("doc_id").to_pylist()
    t0 = time.perf_counter()
    with store.transaction():
        search_index.refresh(store.con, docs)
    refresh_s = time.perf_counter() - t0
    maintain_s, report = timed(lambda: search_index.maintain(store))
    t1 = time.perf_counter()
    with store.transaction():
        store.con.execute("UPDATE meta SET value = value WHERE key = 'schema_version'")
    commit = time.perf_counter() - t1   # a tiny commit by a writer that keeps the file
    store.release(force=True)
    t1 = time.perf_counter()
    with store.transaction():
        store.con.execute("UPDATE meta SET value = value WHERE key = 'schema_version'")
    store.release(force=True)
    write_cycle = time.perf_counter() - t1  # when a reader waits: reopen + tiny commit + close (checkpoint)
    store.close()
    return {"refresh_1000_s": round(refresh_s, 2), "maintain_after_s": round(maintain_s, 2),
            "maintain_report": report, "writer_commit_ms": round(commit * 1000, 1),
            "writer_open_commit_close_ms": round(write_cycle * 1000, 1)}


def fts_extension(path: Path, queries: list[dict[str, Any]]) -> dict[str, Any]:
    """DuckDB's fts extension on the same passages: its (only) way to refresh is a rebuild."""
    store = Store(path)
    with store.transaction():
        build_s, _ = timed(lambda: fts.rebuild(store.con))
    times = []
    fts.load(store.con)
    for q in queries:
        def run() -> list:
            return store.con.execute(
                "SELECT chunk_id FROM (SELECT chunk_id, fts_main_chunks.match_bm25(chunk_id, ?, conjunctive := 1) AS s "
                "FROM chunks) WHERE s IS NOT NULL ORDER BY s DESC LIMIT 200", [" ".join(q["words"])]).fetchall()
        times.append(timed(run)[0])
    with store.transaction():
        store.con.execute("DROP SCHEMA fts_main_chunks CASCADE")
    store.close()
    return {"rebuild_seconds": round(build_s, 1), "bm25": percentiles(times)}


def casefile_bm25_sql(path: Path, queries: list[dict[str, Any]]) -> dict[str, Any]:
    """casefile's BM25 statement alone (no grouping, snippets): the like-for-like number vs FTS5."""
    from queries.query_language import parse
    from queries.search import _analyse
    from queries.search_sql import DocFilter, bm25
    times = []
    with Store(path, read_only=True) as store:
        for q in queries:
            clauses, excluded = _analyse(store, parse(q["text"]))
            times.append(timed(lambda: bm25(store.con, clauses, excluded, DocFilter(), limit=200))[0])
    return percentiles(times)


def sqlite_fts5(path: Path, queries: list[dict[str, Any]]) -> dict[str, Any]:
    db = path.with_suffix(".fts5.sqlite")
    db.unlink(missing_ok=True)
    lite = sqlite3.connect(db)
    lite.execute("CREATE VIRTUAL TABLE passages USING fts5(text, tokenize = 'porter unicode61')")
    t0 = time.perf_counter()
    with Store(path, read_only=True) as store:
        cur = store.con.execute("SELECT text FROM chunks")
        while rows := cur.fetchmany(50_000):
            lite.executemany("INSERT INTO passages (text) VALUES (?)", rows)
    lite.commit()
    build_s = time.perf_counter() - t0
    times = []
    for q in queries:
        match = f'"{" ".join(q["words"])}"' if q["phrase"] else " ".join(f'"{w}"' for w in q["words"])
        times.append(timed(lambda: lite.execute(
            "SELECT rowid, bm25(passages) FROM passages WHERE passages MATCH ? ORDER BY rank LIMIT 200",
            [match]).fetchall())[0])
    lite.close()
    size = round(db.stat().st_size / 2**20, 1)
    db.unlink()
    return {"build_seconds": round(build_s, 1), "db_mb": size, "bm25": percentiles(times)}


def run_size(workdir: Path, n: int, count: int, keep: bool, reuse: bool, reindex: bool = False) -> dict[str, Any]:
    path = workdir / f"scale-{n}.duckdb"
    built = workdir / f"scale-{n}.build.json"
    result: dict[str, Any] = {"passages": n}
    if reuse and built.exists() and path.exists():  # measure again without building again
        result["build"] = json.loads(built.read_text())
        for added in workdir.glob(f"scale-{n}.before-refresh*"):
            shutil.copy(added, path.parent / added.name.replace(".before-refresh", ".duckdb"))
        with Store(path) as store:   # a case kept by an older casefile is upgraded first
            t0 = time.perf_counter()
            with store.transaction():
                timeline_table.refresh(store.con)
            result["build"]["timeline_refresh_seconds"] = round(time.perf_counter() - t0, 1)
        if reindex:
            log(f"indexing {n:,} passages again")
            result["build"].update(build_index(path))
            built.write_text(json.dumps(result["build"]))
            shutil.copy(path, workdir / f"scale-{n}.before-refresh")
    else:
        for old in workdir.glob(path.name + "*"):
            old.unlink()
        log(f"building {n:,} passages in {path}")
        result["build"] = build(path, n)
        built.write_text(json.dumps(result["build"]))
        if keep:
            shutil.copy(path, workdir / f"scale-{n}.before-refresh")
    result["db_mb"] = db_mb(path)
    with Store(path, read_only=True) as store:
        result["counts"] = store.counts()
        queries = make_queries(store, count)
    log(f"built: {result['build']} {result['db_mb']} MB")
    result["search"] = measure(path, queries)
    result["casefile_bm25_sql"] = casefile_bm25_sql(path, queries)
    result["refresh"] = refresh_cost(path, n)
    log(f"refresh: {result['refresh']}")
    result["sqlite_fts5"] = sqlite_fts5(path, queries)
    result["duckdb_fts"] = fts_extension(path, queries)
    p50 = result["casefile_bm25_sql"]["p50_ms"]
    result["bm25_p50_ratio_casefile_over_fts5"] = round(p50 / max(result["sqlite_fts5"]["bm25"]["p50_ms"], 0.01), 2)
    result["bm25_p50_ratio_casefile_over_duckdb_fts"] = round(p50 / max(result["duckdb_fts"]["bm25"]["p50_ms"], 0.01), 2)
    s = result["search"]
    result["targets"] = {
        "timeline_p95_ms": max(s["timeline_person"]["p95_ms"], s["timeline_month"]["p95_ms"]),
        "hybrid_p95_ms": s["hybrid"]["p95_ms"], "refresh_1000_s": result["refresh"]["refresh_1000_s"]}
    result["targets_met"] = {k: v <= TARGETS[k] for k, v in result["targets"].items()}
    log(f"{n:,}: {json.dumps(result['targets'])} met={result['targets_met']}")
    if not keep:
        for old in workdir.glob(path.name + "*"):
            old.unlink()
    return result


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", type=int, nargs="+", default=[100_000, 1_000_000])
    ap.add_argument("--queries", type=int, default=60)
    ap.add_argument("--json", type=Path, default=Path("bench/out/scale.json"))
    ap.add_argument("--workdir", type=Path, default=None)
    ap.add_argument("--keep", action="store_true", help="keep the built databases (and a copy before the refresh)")
    ap.add_argument("--reuse", action="store_true", help="measure databases kept by --keep in --workdir")
    ap.add_argument("--reindex", action="store_true", help="with --reuse: build the search index again first")
    args = ap.parse_args()
    workdir = args.workdir or Path(tempfile.mkdtemp(prefix="casefile-scale-"))
    workdir.mkdir(parents=True, exist_ok=True)
    report = {"date": datetime.now(timezone.utc).isoformat(timespec="seconds"),
              "machine": f"{platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}",
              "targets": TARGETS, "sizes": []}
    for n in args.sizes:
        report["sizes"].append(run_size(workdir, n, args.queries, args.keep, args.reuse, args.reindex))
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps(report, indent=2, default=str))
    if not args.keep and args.workdir is None:
        shutil.rmtree(workdir, ignore_errors=True)
    print(json.dumps(report, indent=2, default=str))


if __name__ == "__main__":
    main()
