"""The long-running jobs behind `crawl`, `process` and `run`, with progress and a summary line."""
from __future__ import annotations

import dataclasses
from typing import Any

import typer

from casefile.case import Case, CaseError
from casefile.progress import crawl_progress, progress


def crawler_settings(case: Case) -> dict[str, Any]:
    s = dataclasses.asdict(case.settings)
    s.pop("_extra", None)
    contact = case.config.get("case", {}).get("contact")
    if contact:
        s["user_agent"] = f"{s['user_agent']} contact: {contact}"
    return s


def run_crawl(case: Case, only: str | None = None, sources: list[dict[str, Any]] | None = None,
              settings: dict[str, Any] | None = None) -> Any:
    """`settings`: crawl settings that replace the case's for this crawl (the demo's loopback site)."""
    from crawlers.run import crawl

    sources = sources if sources is not None else case.sources
    if not sources:
        raise typer.BadParameter("case.toml has no [[sources]] to crawl")
    with case.store() as store, crawl_progress("crawl") as say:
        report = crawl(sources, store=store, archive=case.archive,
                       settings={**crawler_settings(case), **(settings or {})}, only=only, progress=say)
    typer.echo(str(report), err=True)
    return report


def run_process(case: Case, retry_failed: bool = False, force: bool = False, engine: str | None = None,
                ray_address: str | None = None) -> Any:
    from pipeline.run import process

    settings = case.settings
    try:   # --engine / --ray-address stand in for the settings, checked the same way
        settings = dataclasses.replace(settings, **{k: v for k, v in (("engine", engine), ("ray_address", ray_address))
                                                    if v is not None})
    except ValueError as exc:
        raise CaseError(str(exc)) from None
    with case.store() as store, progress("process") as report_progress:
        report = process(store, case.archive, settings=settings, curation=case.curation(),
                         taxonomy=case.config.get("issues"), retry_failed=retry_failed, force=force,
                         progress=report_progress)
    typer.echo(f"processed {report.processed} documents, {len(report.failed)} failed", err=True)
    if report.seconds:
        typer.echo("time: " + ", ".join(f"{k} {v:.1f} s" for k, v in report.seconds.items()), err=True)
    for doc_id, reason in report.failed:
        typer.echo(f"  failed {doc_id[:12]}: {reason}", err=True)
    return report


def relink(case: Case) -> None:
    """Re-apply the case-wide steps and curation without re-processing documents."""
    from pipeline.link import link_case

    with case.store() as store, store.transaction():
        link_case(store, case.curation())
