"""A helper process that serves requests over a pipe (extraction workers, analysis lanes): started
with `spawn` (no fork: the parent may hold torch and DuckDB threads), ready once its imports are done."""
from __future__ import annotations

import multiprocessing
from collections.abc import Callable
from multiprocessing.connection import Connection
from typing import Any

CONTEXT = multiprocessing.get_context("spawn")


def start(target: Callable[..., None], args: tuple[Any, ...], name: str,
          timeout: float) -> tuple[Any, Connection, bool]:
    """Start `target(conn, *args)` in a new process; (process, our end of the pipe, whether it said
    "ready" within `timeout` seconds). The caller stops a process that is not ready."""
    parent, child = CONTEXT.Pipe()
    proc = CONTEXT.Process(target=target, args=(child, *args), daemon=True, name=name)
    proc.start()
    child.close()
    try:
        ready = bool(parent.poll(timeout)) and parent.recv()[0] == "ready"
    except (EOFError, OSError):
        ready = False
    return proc, parent, ready
