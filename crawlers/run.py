"""Run a case's sources in one Scrapy CrawlerProcess and say what happened.

Library: `crawl(sources, store=..., archive=..., settings=...) -> CrawlReport`.
The Twisted reactor runs once per process, so call `crawl` once per process; to crawl again
(tests, a long-running app) start a new process, e.g. this module's command line:

    python -m crawlers.run --db case/casefile.duckdb --archive case/archive \\
        --sources-json sources.json [--settings-json settings.json] [--only NAME] [--base URL]

It prints progress lines on stderr and the report as JSON on stdout, and exits 1 when a
source failed (yielded no document), 2 on a usage error.
"""
from __future__ import annotations

import argparse
import json
import logging
import sys
import threading
import tomllib
from collections.abc import Callable
from pathlib import Path
from typing import Any

from index.archive import Archive, open_archive
from index.store import Store

from crawlers.report import CrawlContext, CrawlReport, SourceReport
from crawlers.settings import obeys_robots, scrapy_settings, source_settings

URL_KEYS = ("start_urls", "urls", "feeds", "sitemaps")


class CrawlError(Exception):
    """A crawl that cannot start, worded for the user."""


def crawl(sources: list[dict[str, Any]], *, store: Store, archive: Archive, settings: dict[str, Any],
          only: str | None = None, progress: Callable[[str], None] | None = None) -> CrawlReport:
    """Crawl every source (or only the one named `only`) into the store and archive.

    One failing source never stops the others; a source that yields no document is reported
    failed. `settings` holds casefile's settings as a plain dict (see crawlers/settings.py).
    """
    from scrapy.crawler import CrawlerProcess

    from crawlers.spiders import SPIDERS, SourceConfigError

    _check_reactor_unused()
    logging.getLogger("scrapy.core.scraper").addFilter(_layout_errors_in_one_line)
    logging.getLogger("scrapy.downloadermiddlewares.robotstxt").addFilter(_no_traceback)
    if only is not None:
        sources = [s for s in sources if s.get("name") == only]
        if not sources:
            raise CrawlError(f"no source named {only!r}")
    context = CrawlContext(store=store, archive=archive, progress=progress)
    report = CrawlReport()
    runnable = []
    for i, source in enumerate(sources):
        name = str(source.get("name") or f"source #{i + 1}")
        if name in report.sources:
            raise CrawlError(f"two sources are named {name!r}")
        kind = str(source.get("spider", ""))
        rep = report.sources[name] = SourceReport(source=name, spider=kind,
                                                  obey_robots=obeys_robots(source, settings))
        cls = SPIDERS.get(kind)
        try:
            if cls is None:
                raise SourceConfigError(f"source {name!r}: unknown spider {kind!r} "
                                        f"(one of {', '.join(sorted(SPIDERS))})")
            cls(source=source, context=context, report=rep)  # check the config before the reactor
        except SourceConfigError as exc:
            _fail(context, rep, "config", str(exc))
            continue
        if not rep.obey_robots:
            context.say(f"{name}: robots.txt NOT obeyed (obey_robots = false)")
        per_source = type(f"{cls.__name__}_{i}", (cls,), {"custom_settings": source_settings(source, settings)})
        runnable.append((per_source, source, rep))

    if runnable:
        process = CrawlerProcess(scrapy_settings(settings))
        for spidercls, source, rep in runnable:
            done = process.crawl(spidercls, source=source, context=context, report=rep)
            done.addErrback(lambda failure, rep=rep: _fail(context, rep, "crawl", _one_line(failure.value)))
        process.start(install_signal_handlers=threading.current_thread() is threading.main_thread())

    for rep in report.sources.values():
        if rep.failed:
            _fail(context, rep, rep.source, "yielded no documents")
    return report


def _fail(context: CrawlContext, rep: SourceReport, where: str, why: str) -> None:
    rep.failures.append(f"{where}: {why}")
    context.say(f"{rep.source}: FAILED {where}: {why}")


def _one_line(exc: BaseException) -> str:
    text = str(exc).strip()
    return f"{type(exc).__name__}: {text.splitlines()[0]}" if text else type(exc).__name__


def _layout_errors_in_one_line(record: logging.LogRecord) -> bool:
    """A page that changed is a finding for the report, not a traceback on the console."""
    from crawlers.spiders import LayoutError

    if record.exc_info and isinstance(record.exc_info[1], LayoutError):
        record.msg, record.args, record.exc_info = "%s", (str(record.exc_info[1]),), None
    return True


def _no_traceback(record: logging.LogRecord) -> bool:
    """robots.txt that cannot be fetched is an expected event: one line, not a traceback."""
    record.exc_info = None
    return True


def _check_reactor_unused() -> None:
    reactor = sys.modules.get("twisted.internet.reactor")
    if reactor is not None and getattr(reactor, "_startedBefore", False):
        raise CrawlError("crawl() already ran in this process (Twisted's reactor runs once): "
                         "start a new process, e.g. `python -m crawlers.run`")


def expand(sources: list[dict[str, Any]], base: str) -> list[dict[str, Any]]:
    """Sources with `{base}` in their URLs replaced (the demo's case.toml uses it)."""
    out = []
    for source in sources:
        source = dict(source)
        for key in URL_KEYS:
            if isinstance(source.get(key), list):
                source[key] = [u.replace("{base}", base.rstrip("/")) for u in source[key]]
        out.append(source)
    return out


# -- command line --------------------------------------------------------------------------
def _json_arg(value: str) -> Any:
    if value == "-":
        return json.load(sys.stdin)
    if value.lstrip().startswith(("{", "[")):
        return json.loads(value)
    return json.loads(Path(value).read_text(encoding="utf-8"))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m crawlers.run", description=__doc__.split("\n\n")[0])
    parser.add_argument("--db", required=True, type=Path, help="DuckDB file of the case")
    parser.add_argument("--archive", required=True, help="archive folder of the case, or s3://bucket/prefix")
    given = parser.add_mutually_exclusive_group(required=True)
    given.add_argument("--sources-json", help="JSON list of sources: a file, inline JSON, or - for stdin")
    given.add_argument("--case-toml", type=Path, help="read [[sources]], [settings] and [case] contact")
    parser.add_argument("--settings-json", help="JSON object of settings: a file or inline JSON")
    parser.add_argument("--only", help="crawl only the source with this name")
    parser.add_argument("--base", help="replace {base} in source URLs with this URL")
    parser.add_argument("--quiet", action="store_true", help="no progress lines on stderr")
    args = parser.parse_args(argv)

    settings: dict[str, Any] = {}
    try:
        if args.case_toml:
            with args.case_toml.open("rb") as fh:
                config = tomllib.load(fh)
            sources = list(config.get("sources", []))
            settings.update(config.get("settings", {}))
            settings["contact"] = config.get("case", {}).get("contact", "")
        else:
            sources = _json_arg(args.sources_json)
        if args.settings_json:
            settings.update(_json_arg(args.settings_json))
    except (OSError, ValueError, tomllib.TOMLDecodeError) as exc:
        print(f"error: {_one_line(exc)}", file=sys.stderr)
        return 2
    if not isinstance(sources, list):
        print("error: sources must be a JSON list of objects", file=sys.stderr)
        return 2
    if args.base:
        sources = expand(sources, args.base)

    def progress(line: str) -> None:
        print(line, file=sys.stderr, flush=True)

    with Store(args.db) as store:
        try:
            report = crawl(sources, store=store, archive=open_archive(args.archive, Path.cwd()), settings=settings,
                           only=args.only, progress=None if args.quiet else progress)
        except CrawlError as exc:
            print(f"error: {exc}", file=sys.stderr)
            return 2
    json.dump(report.to_dict(), sys.stdout, indent=2)
    print()
    return 0 if report.ok else 1


if __name__ == "__main__":
    sys.exit(main())
