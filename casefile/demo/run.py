"""`casefile demo`: build the bundled demo case end to end and print its timeline.

The demo site is served from 127.0.0.1 while the real spiders crawl it; nothing keeps running
afterwards. The case remembers its port, so a second run re-crawls the same URLs (and gets 304s).
"""
from __future__ import annotations

import json
from importlib import resources
from pathlib import Path
from typing import Any

import typer

from casefile import output
from casefile.case import init_case
from casefile.demo.server import serve_folder
from casefile.jobs import run_crawl, run_process

DEMO = resources.files("casefile.demo")
# The site is served by this process on 127.0.0.1: there is no one to be polite to, so the crawl does not
# wait between requests (~9 s less per run). Real sources keep the politeness settings (README, "Settings").
LOOPBACK_CRAWL = {"download_delay": 0.0, "autothrottle_start_delay": 0.0, "autothrottle_max_delay": 0.2}


def site_folder() -> Path:
    return Path(str(DEMO.joinpath("site")))


def with_base(sources: list[dict[str, Any]], base: str) -> list[dict[str, Any]]:
    """The demo's case.toml writes `{base}` for the loopback address it is served from."""
    return json.loads(json.dumps(sources).replace("{base}", base))


def run_demo(directory: Path, show: bool = True) -> None:
    case = init_case(directory, case_toml=DEMO.joinpath("case.toml").read_text(encoding="utf-8"))
    port_file = case.root / ".demo-port"
    port = int(port_file.read_text()) if port_file.exists() else 0
    with serve_folder(site_folder(), port=port) as base:
        port_file.write_text(base.rsplit(":", 1)[1])
        typer.echo(f"demo site served at {base}", err=True)
        run_crawl(case, sources=with_base(case.sources, base), settings=LOOPBACK_CRAWL)
    run_process(case)
    if show:
        from queries.timeline import timeline

        with case.store(read_only=True) as store:
            output.timeline(timeline(store), "table")
