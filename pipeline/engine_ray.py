"""`engine = "ray"`: the runner's two pools on a Ray cluster, running the same stage code.

pipeline/run.py streams batches exactly as it does locally; only what a "worker" and a "lane" are
changes. Extraction: one actor per extraction slot (`EXTRACT_CPUS`), each holding an `ExtractWorker`
that reads a document's original from the archive where it runs (a shared folder or `s3://`,
index/archive_object.py) and extracts it in its own process, so the per-document time limit and
crash isolation hold as they do locally. Analysis: one actor per CPU of the cluster, each
an `InProcess` lane (pipeline/analyse_pool.py) that loads spaCy and MiniLM once. The results come
back to this process, the one writer, which stores them batch by batch and runs the case-wide steps.

Faults: an actor that dies (its process or its node) is restarted and its call retried
(`EXTRACT_RETRIES`, `LANE_RETRIES`), so a run that loses a worker finishes with the
same rows. A document that still cannot be done fails alone, with the reason, as it does locally.

Why Ray core (tasks, actors) rather than Ray Data: the runner already streams bounded batches to
one writer (at most three in flight: back pressure) and its records are nested Python values
(pages, rows with vectors), not tables; Ray Data would add pandas and a second streaming executor
between the same stages. Every node must run the same casefile install (checked: stage versions).
"""
from __future__ import annotations

import logging
import os
import socket
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from pipeline.analyse_pool import THREAD_VARS, AnalysePool, InProcess
from pipeline.extract_pool import ExtractPool
from pipeline.extract_worker import DEFAULT_TIMEOUT, ExtractWorker

EXTRACT_CPUS = 0.5    # an extractor waits on its extraction process; with a lane per CPU at LANE_CPUS each
LANE_CPUS = 0.5       # core holds one lane and one extraction, as locally (2 workers + 2 lanes on 2 cores)
EXTRACT_RETRIES = 3   # an extraction call whose actor died runs again on the restarted actor
LANE_RETRIES = 3      # a lane call whose actor died runs again on the restarted actor
OBJECT_STORE_MB = 256  # for a Ray started here (`ray_address` empty): batches in flight, not the corpus
LOOPBACK = ("127.0.0.1", "localhost", "::1")
CONNECT_TIMEOUT = 5.0


class EngineError(Exception):
    """Ray missing, unreachable or unusable; one line for the user."""


def _one_line(exc: BaseException) -> str:
    text = str(exc).strip()
    return text.splitlines()[0] if text else type(exc).__name__


def _import_ray(address: str) -> Any:
    os.environ.setdefault("RAY_USAGE_STATS_ENABLED", "0")   # Ray must not reach the internet
    if not address or address.rsplit(":", 1)[0].strip("[]") in LOOPBACK:
        # Ray rewrites a loopback address to the machine's network address unless this is off
        # (its name is historical: ray/_private/services.py, get_node_ip_address); keep it on loopback
        os.environ.setdefault("RAY_ENABLE_WINDOWS_OR_OSX_CLUSTER", "0")
    try:
        import ray
    except ImportError:
        raise EngineError("--engine ray needs Ray: pip install 'casefile[ray]'") from None
    return ray


def _check_reachable(address: str) -> None:
    """Ray retries an unreachable head for a minute or more; a plain connection says so at once."""
    if address in ("", "auto") or address.startswith("ray://"):
        return
    host, _, port = address.rpartition(":")
    if not host or not port.isdigit():
        raise EngineError(f"ray_address {address!r} is not HOST:PORT (or auto)")
    try:
        socket.create_connection((host.strip("[]"), int(port)), timeout=CONNECT_TIMEOUT).close()
    except OSError as exc:
        raise EngineError(f"cannot reach the Ray cluster at {address}: {exc.strerror or _one_line(exc)}") from None


@contextmanager
def connected(settings: Any) -> Iterator[int]:
    """Ray joined (the cluster at `ray_address`) or started here (`workers` CPUs); yields its CPUs."""
    address = settings.ray_address.strip()
    ray = _import_ray(address)
    _check_reachable(address)
    env = {"HF_HUB_OFFLINE": "1", "TRANSFORMERS_OFFLINE": "1", "RAY_USAGE_STATS_ENABLED": "0"}
    common: dict[str, Any] = {"log_to_driver": False, "logging_level": logging.WARNING,
                              "runtime_env": {"env_vars": env}}
    try:
        if address:
            ray.init(address=address, **common)
        else:
            ray.init(num_cpus=max(1, settings.workers), include_dashboard=False,
                     object_store_memory=OBJECT_STORE_MB << 20, **common)
    except Exception as exc:
        raise EngineError(f"could not join the Ray cluster at {address or 'this machine'}: {_one_line(exc)}") from None
    try:
        cpus = int(ray.cluster_resources().get("CPU", 0))
        if cpus < 1:
            raise EngineError(f"the Ray cluster at {address} has no CPUs for casefile's tasks")
        _check_versions(ray)
        yield cpus
    finally:
        ray.shutdown()


def _stage_versions() -> dict[str, str]:
    from pipeline.run import STAGE_VERSIONS

    return STAGE_VERSIONS


def _check_versions(ray: Any) -> None:
    """The cluster's workers import casefile and run the stage versions this writer records."""
    try:
        theirs = ray.get(ray.remote(num_cpus=0)(_stage_versions).remote())
    except Exception as exc:
        raise EngineError(f"the Ray cluster's workers cannot run casefile: {_one_line(exc)}") from None
    if theirs != _stage_versions():
        raise EngineError(f"the Ray cluster's workers run other stage versions ({theirs}): "
                          "install this casefile on every node")


class RayExtractor:
    """ExtractPool's worker on Ray: an actor holding an `ExtractWorker` (the local pool's extraction
    process, so the per-document time limit and crash isolation hold), the original read where it
    runs. An actor rather than a task per document: Ray stops a task's worker process once it idles
    past `idle_worker_killing_time_threshold_ms` (1 s) while the cluster holds more workers than
    CPUs, and the next task pays a new worker and a new extraction process (43 worker starts on the
    bench's full corpus, 6 with actors; bench/RESULTS.md)."""

    _actor_class: Any = None

    def __init__(self, timeout: float = DEFAULT_TIMEOUT, function: str = "pipeline.extract:extract") -> None:
        self.timeout, self.function = timeout, function
        self._actor: Any = None

    def extract_or_reason(self, raw: Any) -> Any:
        import ray

        if RayExtractor._actor_class is None:
            RayExtractor._actor_class = ray.remote(
                num_cpus=EXTRACT_CPUS, max_restarts=-1, max_task_retries=EXTRACT_RETRIES,
                scheduling_strategy="SPREAD")(ExtractWorker)
        if self._actor is None:
            self._actor = RayExtractor._actor_class.remote(self.timeout, self.function)
        try:
            return ray.get(self._actor.extract_or_reason.remote(raw))
        except ray.exceptions.RayError as exc:   # its process died EXTRACT_RETRIES + 1 times: this document fails
            return f"extraction on Ray failed: {_one_line(exc)}"

    def __enter__(self) -> RayExtractor:
        return self

    def __exit__(self, *exc: object) -> None:
        if self._actor is not None:
            import ray

            ray.kill(self._actor)
            self._actor = None


class RayLane:
    """AnalysePool's lane on Ray: an actor holding an `InProcess` lane (models loaded once)."""

    _actor_class: Any = None

    def __init__(self, settings: Any, taxonomy: dict[str, Any] | None) -> None:
        self.settings, self.taxonomy = settings, taxonomy
        self._actor: Any = None

    def call(self, kind: str, payload: Any) -> Any:
        import ray

        if RayLane._actor_class is None:
            RayLane._actor_class = ray.remote(
                num_cpus=LANE_CPUS, max_restarts=-1, max_task_retries=LANE_RETRIES, scheduling_strategy="SPREAD",
                runtime_env={"env_vars": {var: "1" for var in THREAD_VARS}})(InProcess)   # one thread each
        if self._actor is None:
            self._actor = RayLane._actor_class.remote(self.settings, self.taxonomy, 1)
        try:
            return ray.get(self._actor.call.remote(kind, payload))
        except ray.exceptions.RayError as exc:
            raise RuntimeError(f"analysis on Ray failed: {_one_line(exc)}") from None

    def close(self) -> None:
        if self._actor is not None:
            import ray

            ray.kill(self._actor)
            self._actor = None


@contextmanager
def ray_pools(settings: Any, taxonomy: dict[str, Any] | None,
              function: str | None) -> Iterator[tuple[ExtractPool, AnalysePool]]:
    """pipeline/run.py's two pools with a lane and an extraction slot per CPU of the cluster."""
    with connected(settings) as cpus, \
            ExtractPool(cpus, settings.extract_timeout, function=function, worker=RayExtractor) as pool, \
            AnalysePool(cpus, settings, taxonomy, lane=RayLane) as lanes:
        yield pool, lanes
