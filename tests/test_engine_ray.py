"""`casefile process --engine ray` on a real two-node Ray cluster on this machine (ray.cluster_utils),
with the archive in a folder and on an S3 server (moto's server mode), and with a worker killed
mid-run: the timeline, people and search results equal the local runner's on the demo case.

One cluster for the module: a head with no CPUs and two nodes of one CPU each, 100 MB of object
store each, on 127.0.0.1, no dashboard, no usage stats. The S3 server starts first, so the nodes'
workers inherit its endpoint and credentials from the environment, as a real cluster's would."""
from __future__ import annotations

import json
import os
import re
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.conftest import ROOT, run_cli

BUCKET = "casefile-test"
NODE = {"num_cpus": 1, "object_store_memory": 100 << 20, "node_ip_address": "127.0.0.1"}
QUERIES = ("caseworker turnover", '"grand jury"', "Whitfield resigned")


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def s3():
    """moto's S3 server on 127.0.0.1 with one bucket; AWS_* point at it for this module."""
    port = _free_port()
    server = subprocess.Popen([sys.executable, "-m", "moto.server", "-H", "127.0.0.1", "-p", str(port)],
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    env = {"AWS_ACCESS_KEY_ID": "casefile", "AWS_SECRET_ACCESS_KEY": "casefile-secret",
           "AWS_DEFAULT_REGION": "us-east-1", "AWS_REGION": "us-east-1",
           "AWS_ENDPOINT_URL": f"http://127.0.0.1:{port}", "AWS_ALLOW_HTTP": "true",
           "RAY_USAGE_STATS_ENABLED": "0", "RAY_ENABLE_WINDOWS_OR_OSX_CLUSTER": "0"}
    with pytest.MonkeyPatch.context() as mp:
        for k, v in env.items():
            mp.setenv(k, v)
        import boto3

        client = boto3.client("s3")
        for _ in range(100):
            try:
                client.create_bucket(Bucket=BUCKET)
                break
            except Exception:
                time.sleep(0.1)
        else:
            raise AssertionError("moto's S3 server did not start")
        try:
            yield client
        finally:
            server.terminate()
            server.wait(10)


@pytest.fixture(scope="module")
def cluster(s3):
    from ray.cluster_utils import Cluster

    c = Cluster(initialize_head=True, head_node_args={**NODE, "num_cpus": 0, "include_dashboard": False})
    for _ in range(2):
        c.add_node(**NODE)
    c.wait_for_nodes()
    try:
        yield c
    finally:
        c.shutdown()


_ENCODE: list = []


def _results(case: Path) -> dict:
    """What `timeline`, `people` and `search` answer (the functions behind the CLI, in this process)."""
    from casefile.settings import Settings
    from index.store import Store
    from pipeline.embed import Embedder
    from queries.filters import Filters
    from queries.people import people
    from queries.search import search
    from queries.timeline import timeline

    if not _ENCODE:
        _ENCODE.append(Embedder.from_settings(Settings.load()).encode)
    with Store(case / "casefile.duckdb", read_only=True) as store:
        return {"timeline": timeline(store, Filters()), "people": people(store, None, None),
                "search": {q: search(store, q, Filters(), encode=_ENCODE[0]) for q in QUERIES}}


def _differences(x: object, y: object, path: str = "") -> list[str]:
    """Where two answers differ: floats by more than 0.005 (embeddings of texts batched differently
    differ: in the 6th decimal in float32, in the 3rd in bfloat16, which `embedding_precision =
    "auto"` uses where the CPU has it; a search score moved 0.0007 on such a machine), strings once
    the demo site's port is taken out of URLs, everything else exactly."""
    if isinstance(x, float) and isinstance(y, float):
        return [] if abs(x - y) <= 0.005 else [f"{path}: {x} != {y}"]
    if isinstance(x, str) and isinstance(y, str):
        port = re.compile(r"127\.0\.0\.1:\d+")
        return [] if port.sub("PORT", x) == port.sub("PORT", y) else [f"{path}: {x!r} != {y!r}"]
    if isinstance(x, dict) and isinstance(y, dict):
        if x.keys() != y.keys():
            return [f"{path}: keys {sorted(x)} != {sorted(y)}"]
        return [d for k in x for d in _differences(x[k], y[k], f"{path}.{k}")]
    if isinstance(x, (list, tuple)) and isinstance(y, (list, tuple)):
        if len(x) != len(y):
            return [f"{path}: {len(x)} items != {len(y)}"]
        return [d for n, (u, v) in enumerate(zip(x, y)) for d in _differences(u, v, f"{path}[{n}]")]
    return [] if x == y else [f"{path}: {x!r} != {y!r}"]


def _same(a: dict, b: dict) -> None:
    for part in a:
        diff = _differences(json.loads(json.dumps(a[part], default=repr)), json.loads(json.dumps(b[part], default=repr)), part)
        assert not diff, diff[:5]
    assert len(a["timeline"]) > 20 and a["people"]


def test_archive_on_s3_crawled_and_processed_on_the_cluster(demo, cluster, s3, tmp_path):
    case = tmp_path / "s3-case"
    env = {"CASEFILE_ARCHIVE": f"s3://{BUCKET}/harlan", "CASEFILE_ENGINE": "ray",
           "CASEFILE_RAY_ADDRESS": cluster.address}
    run_cli("demo", str(case), env=env, timeout=900)   # crawl into S3, process on the cluster
    _same(_results(case), _results(demo["case"]))
    files = sorted(str(p.relative_to(case)) for p in case.rglob("*") if p.is_file())
    assert [f for f in files if f not in ("case.toml", "curation.toml", ".demo-port") and not f.startswith("casefile.duckdb")] == []

    from index.archive import key
    from index.store import Store

    with Store(case / "casefile.duckdb", read_only=True) as store:
        doc_ids = [r["doc_id"] for r in store.query("SELECT doc_id FROM documents")]
        pdf = store.scalar("SELECT doc_id FROM documents WHERE content_type LIKE '%pdf%' LIMIT 1")
    objects = {o["Key"] for o in s3.list_objects_v2(Bucket=BUCKET, Prefix="harlan/")["Contents"]}
    assert {f"harlan/{key(d)}" for d in doc_ids} <= objects

    extra = tmp_path / "note.txt"
    extra.write_text("A records request returned this note on March 6, 2018.\n")
    added = run_cli("add", str(extra), env=env, case=case)
    assert "added 1 new" in added.stdout
    assert run_cli("add", str(extra), env=env, case=case).stdout.startswith("added 0 new, 0 new versions, 1 already")

    from casefile.case import open_case

    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("CASEFILE_ARCHIVE", env["CASEFILE_ARCHIVE"])
        image = open_case(case).page_images.get(pdf, 1)   # a page drawn from a copy fetched from S3
    assert image.startswith((b"\x89PNG", b"\xff\xd8\xff"))
    assert (case / "derived" / "originals" / key(pdf)).is_file()


def _lane_processes(cluster) -> list[tuple[int, str]]:
    """(pid, title) of the analysis actors under this cluster's raylets (Ray titles them ray::InProcess…)."""
    from ray._private import ray_constants

    raylets = {info.process.pid for node in cluster.list_all_nodes()
               for info in node.all_processes.get(ray_constants.PROCESS_TYPE_RAYLET, [])}
    found = []
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            title = Path(f"/proc/{entry}/cmdline").read_bytes().split(b"\0")[0].decode(errors="replace")
            ppid = int(Path(f"/proc/{entry}/stat").read_text().rsplit(")", 1)[1].split()[1])
        except (OSError, IndexError, ValueError):
            continue
        if ppid in raylets and title.startswith("ray::InProcess"):
            found.append((int(entry), title))
    return found


def test_two_nodes_with_a_worker_killed_mid_run_process_the_demo_as_the_local_runner_does(demo, demo_copy, cluster):
    """The demo on the two-node cluster, its archive a folder; an analysis actor is killed (SIGKILL)
    while it analyses a unit: Ray restarts it and retries the call; nothing differs from the local
    runner's results. (The undisturbed two-node run is the S3 test's: one Ray run each keeps the
    module near two minutes.)"""
    cmd = [sys.executable, "-m", "casefile.cli", "--case", str(demo_copy), "process", "--force",
           "--engine", "ray", "--ray-address", cluster.address]
    env = {**os.environ, "HF_HUB_OFFLINE": "1", "COLUMNS": "200"}
    proc = subprocess.Popen(cmd, cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    killed = None
    seen_idle = set()
    deadline = time.monotonic() + 600
    while proc.poll() is None and killed is None and time.monotonic() < deadline:
        for pid, title in _lane_processes(cluster):
            if not title.startswith("ray::InProcess.call"):
                seen_idle.add(pid)          # its models are loaded (the warm-up call is over)
            elif pid in seen_idle:          # analysing a unit of documents: kill it
                os.kill(pid, signal.SIGKILL)
                killed = pid
                break
        time.sleep(0.05)
    out, err = proc.communicate(timeout=600)
    assert killed is not None, "no analysis actor was seen at work"
    assert proc.returncode == 0, err
    assert "processed 24 documents, 0 failed" in err
    _same(_results(demo_copy), _results(demo["case"]))


def test_unreachable_cluster_is_one_line_and_exit_1(fresh_case):
    port = _free_port()
    proc = run_cli("process", "--engine", "ray", "--ray-address", f"127.0.0.1:{port}", case=fresh_case, check=False)
    assert proc.returncode == 1
    assert proc.stderr.strip() == f"error: cannot reach the Ray cluster at 127.0.0.1:{port}: Connection refused"


def test_without_ray_installed_is_one_line_and_exit_1(fresh_case, tmp_path):
    fake = tmp_path / "no-ray" / "ray"
    fake.mkdir(parents=True)
    (fake / "__init__.py").write_text("raise ImportError(\"No module named 'ray'\")\n")
    proc = run_cli("process", "--engine", "ray", case=fresh_case, check=False,
                   env={"PYTHONPATH": os.pathsep.join([str(fake.parent), str(ROOT)])})
    assert proc.returncode == 1
    assert proc.stderr.strip() == "error: --engine ray needs Ray: pip install 'casefile[ray]'"


def test_an_unknown_engine_is_one_line_and_exit_1(fresh_case):
    proc = run_cli("process", "--engine", "spark", case=fresh_case, check=False)
    assert proc.returncode == 1
    assert proc.stderr.strip() == "error: engine must be one of local, ray, not 'spark'"
