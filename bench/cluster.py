"""`process --engine ray` measured: the `full` corpus (bench/corpus.py) through the local runner and
through Ray on this machine (2 workers) in the same run, then on simulated clusters of 1, 2 and 4
single-CPU nodes (ray.cluster_utils, all on this machine's cores), and the single writer's rows/s.

    .venv/bin/python bench/cluster.py [--size small|medium|full] [--nodes 1 2 4] [--record]

Each run processes a fresh copy of the same case in its own process (model loading, Ray's start and
the case-wide steps included). --record writes "## On a cluster (Ray)" in bench/RESULTS.md.
(Not named ray.py: run as a script, its folder comes first on sys.path and would hide the package.)
"""
from __future__ import annotations

import argparse
import dataclasses
import importlib.util
import json
import os
import subprocess
import sys
import tempfile
import time
from datetime import datetime, timezone
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:] = [str(ROOT)] + [p for p in sys.path if Path(p or ".").resolve() != ROOT / "bench"] + [str(ROOT / "bench")]
TABLES = ("pages", "chunks", "mentions", "events", "event_issues")
NODE = {"num_cpus": 1, "object_store_memory": 100 << 20, "node_ip_address": "127.0.0.1"}


def _bench_pipeline():
    """bench/pipeline.py (its corpus, case template and machine line), loaded by path."""
    spec = importlib.util.spec_from_file_location("bench_pipeline", ROOT / "bench" / "pipeline.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def part(case_root: Path, engine: str, address: str) -> dict:
    """One end-to-end `process` (in its own process): time, phases, rows stored."""
    from casefile.case import open_case
    from pipeline.run import process

    case = open_case(case_root)
    settings = dataclasses.replace(case.settings, engine=engine, ray_address=address)
    start = time.perf_counter()
    with case.store() as store:
        report = process(store, case.archive, settings=settings, curation=case.curation(),
                         taxonomy=case.config.get("issues"))
        seconds = time.perf_counter() - start
        rows = {t: store.scalar(f"SELECT count(*) FROM {t}") for t in TABLES}
        timeline = store.query("SELECT cluster_id, event_id, date_start, date_end, text FROM timeline ORDER BY ALL")
    return {"seconds": seconds, "documents": report.processed, "failed": len(report.failed), "rows": rows,
            "phases": {k: round(v, 2) for k, v in report.seconds.items()},
            "timeline": json.dumps(timeline, default=str, sort_keys=True)}


def run_part(case_root: Path, engine: str, address: str = "") -> dict:
    out = Path(tempfile.mkstemp(suffix=".json")[1])
    cmd = [sys.executable, str(Path(__file__).resolve()), "--part", str(case_root), engine, address, "--out", str(out)]
    subprocess.run(cmd, cwd=ROOT, env={**os.environ, "HF_HUB_OFFLINE": "1"}, check=True)
    result = json.loads(out.read_text())
    out.unlink()
    return result


def simulated(nodes: int, case_root: Path) -> dict:
    """The case on a cluster of `nodes` single-CPU nodes (and a head without CPUs) on this machine."""
    os.environ.setdefault("RAY_USAGE_STATS_ENABLED", "0")
    os.environ.setdefault("RAY_ENABLE_WINDOWS_OR_OSX_CLUSTER", "0")   # stay on 127.0.0.1
    from ray.cluster_utils import Cluster

    cluster = Cluster(initialize_head=True, head_node_args={**NODE, "num_cpus": 0, "include_dashboard": False})
    try:
        for _ in range(nodes):
            cluster.add_node(**NODE)
        cluster.wait_for_nodes()
        return run_part(case_root, "ray", cluster.address)
    finally:
        cluster.shutdown()


def writer_rows_per_second(result: dict) -> float:
    return sum(result["rows"].values()) / max(result["phases"].get("storing", 0.0), 1e-9)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--size", choices=("small", "medium", "full"), default="full")
    parser.add_argument("--nodes", type=int, nargs="*", default=[1, 2, 4])
    parser.add_argument("--record", action="store_true")
    parser.add_argument("--part", nargs=3, help=argparse.SUPPRESS)
    parser.add_argument("--out", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.part:
        case_root, engine, address = args.part
        args.out.write_text(json.dumps(part(Path(case_root), engine, address), default=str))
        return
    bp = _bench_pipeline()
    from corpus import SIZES, build   # bench/corpus.py

    stamp = datetime.now(timezone.utc).strftime("%Y-%m-%d %H:%M UTC")
    with tempfile.TemporaryDirectory(prefix="casefile-bench-cluster-") as tmp:
        work = Path(tmp)
        files = build(bp.OUT / f"corpus-{args.size}", SIZES[args.size])
        template = bp.build_template(work / "template", files)
        runs: list[tuple[str, int, dict]] = []
        for name, engine in (("local runner (2 extraction workers, 2 lanes)", "local"),
                             ("Ray on this machine (2 workers: `ray_address` empty)", "ray")):
            runs.append((name, 2, run_part(bp.fresh_copy(template, work / engine), engine)))
            print(name, json.dumps({k: v for k, v in runs[-1][2].items() if k != "timeline"}), flush=True)
        for n in args.nodes:
            name = f"Ray, simulated cluster of {n} single-CPU node{'s' if n > 1 else ''}"
            runs.append((name, n, simulated(n, bp.fresh_copy(template, work / f"nodes-{n}"))))
            print(name, json.dumps({k: v for k, v in runs[-1][2].items() if k != "timeline"}), flush=True)
    load = ", ".join(f"{x:.1f}" for x in os.getloadavg())
    block = report(runs, args.size, stamp, bp.machine(), load)
    print("\n".join(block))
    if args.record:
        from bench.pages import record

        record(block, ROOT / "bench" / "RESULTS.md", "bench/cluster.py", "On a cluster (Ray)")


def report(runs: list[tuple[str, int, dict]], size: str, stamp: str, machine: str, load: str) -> list[str]:
    local = runs[0][2]
    same = all(r["timeline"] == local["timeline"] for _, _, r in runs)
    lines = [f"`bench/cluster.py{'' if size == 'full' else ' --size ' + size}` run {stamp} on {machine}; "
             f"load average at the end {load}. {local['documents']} documents, "
             f"{sum(local['rows'].values()):,} rows; every run's timeline equal to the local runner's: {same}.", "",
             "| run | seconds | vs local | documents/s | documents/s per node | storing s | writer rows/s | case-wide s |",
             "|---|---:|---:|---:|---:|---:|---:|---:|"]
    for name, nodes, r in runs:
        docs_s = r["documents"] / r["seconds"]
        lines.append(f"| {name} | {r['seconds']:.1f} | {r['seconds'] / local['seconds']:.2f}x | {docs_s:.2f} | "
                     f"{docs_s / nodes:.2f} | {r['phases'].get('storing', 0):.1f} | "
                     f"{writer_rows_per_second(r):,.0f} | {r['phases'].get('case-wide steps', 0):.1f} |")
    return lines


if __name__ == "__main__":
    main()
