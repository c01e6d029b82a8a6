"""The casefile command line: each command opens the case and calls one library function."""
from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Annotated, Any, Optional

import typer

from casefile import output
from casefile.case import Case, CaseError, find_case, init_case
from index.kinds import KIND_HELP
from index.store import StoreError
from queries.filters import Filters, QueryError, parse_date

app = typer.Typer(add_completion=False, no_args_is_help=True, rich_markup_mode=None,
                  help="casefile: a sourced, searchable timeline of who did what, when.")

_state: dict[str, Any] = {"case": None}

# Options shared by the query commands, defined once.
PersonOpt = Annotated[Optional[str], typer.Option("--person", help="Only events/hits involving this person (any of their names).")]
IssueOpt = Annotated[Optional[str], typer.Option("--issue", help="Only this issue (e.g. staff_turnover).")]
KindOpt = Annotated[Optional[str], typer.Option("--kind", help=KIND_HELP)]
SourceOpt = Annotated[Optional[str], typer.Option("--source", help="Only documents from this source (its name in case.toml).")]
FromOpt = Annotated[Optional[str], typer.Option("--from", help="From this date: YYYY, YYYY-MM or YYYY-MM-DD.")]
ToOpt = Annotated[Optional[str], typer.Option("--to", help="Up to this date (inclusive).")]
LimitOpt = Annotated[Optional[int], typer.Option("--limit", help="At most this many entries.")]
FormatOpt = Annotated[str, typer.Option("--format", help="table | json | csv")]
WaitOpt = Annotated[float, typer.Option("--wait", help="Seconds to wait for another run on this case to finish (default: stop at once, exit code 75).")]
TimelineFormatOpt = Annotated[str, typer.Option("--format", help="table | json | csv | timelinejs (TimelineJS's JSON format)")]


def _filters(person, issue, kind, source, date_from, date_to, limit) -> Filters:
    return Filters(person=person, issue=issue, kind=kind, source=source,
                   date_from=parse_date(date_from), date_to=parse_date(date_to, end=True), limit=limit)


def case() -> Case:
    return find_case(_state["case"])


@app.callback()
def main_options(
    case_dir: Annotated[Optional[Path], typer.Option("--case", help="The case folder (else $CASEFILE_CASE, else the current folder).")] = None,
) -> None:
    _state["case"] = case_dir


@app.command()
def init(directory: Path, name: Annotated[Optional[str], typer.Option(help="The case's name.")] = None) -> None:
    """Create a case folder: case.toml, curation.toml, casefile.duckdb, archive/.

    Example: casefile init harlan-dss
    """
    c = init_case(directory, name)
    typer.echo(f"created case {c.name!r} in {c.root}")


@app.command()
def add(
    paths: Annotated[Optional[list[Path]], typer.Argument(help="Files or folders (recursive).")] = None,
    kind: Annotated[str, typer.Option(help=KIND_HELP)] = "other",
    source: Annotated[str, typer.Option(help="Source name recorded in the chain of custody.")] = "local",
    url: Annotated[Optional[str], typer.Option(help="Where the file came from, if it has an address.")] = None,
    date_: Annotated[Optional[str], typer.Option("--date", help="The document's date, YYYY-MM-DD.")] = None,
    title: Annotated[Optional[str], typer.Option(help="Title to record.")] = None,
    manifest: Annotated[Optional[Path], typer.Option(
        help="A CSV listing files to import: path (relative to the CSV) and any of kind, source, url, date, title.")] = None,
) -> None:
    """Import local files (e.g. records from a public-records request) into the case.

    Example: casefile add ~/foia/2018-response/ --kind report --source foia-2018
    Example: casefile add --manifest eval/real/documents.csv
    """
    from casefile.importer import import_date, import_manifest, import_paths

    c = case()
    if bool(paths) == bool(manifest):
        raise CaseError("give files or folders to import, or --manifest FILE.csv, not both")
    with c.store() as store:
        if manifest:
            report = import_manifest(manifest, store=store, archive=c.archive, kind=kind, source=source)
        else:
            report = import_paths(paths or [], store=store, archive=c.archive, kind=kind, source=source,
                                  url=url, doc_date=import_date(date_), title=title)
    typer.echo(f"added {report['new']} new, {report['changed']} new versions, {report['known']} already known, "
               f"{report['failed']} unreadable")
    for line in report["errors"]:
        typer.echo(f"  {line}", err=True)


@app.command()
def crawl(source: Annotated[Optional[str], typer.Option(help="Only this source.")] = None, wait: WaitOpt = 0.0) -> None:
    """Fetch every source in case.toml (or one), archiving what it finds. Every source is crawled;
    the exit code is 1 when any of them failed (an error, or no document at all).

    Example: casefile crawl --source dss-board
    """
    from casefile.jobs import run_crawl
    from casefile.runs import recorded_run

    c = case()
    with recorded_run(c, "crawl", wait) as record:
        report = run_crawl(c, only=source)
        record.crawled(report)
    if not report.ok:   # every source was crawled; a failed one is the exit code
        raise typer.Exit(1)


@app.command()
def process(retry_failed: Annotated[bool, typer.Option("--retry-failed", help="Retry documents that failed before.")] = False,
            force: Annotated[bool, typer.Option("--force", help="Re-process every document (curation still holds).")] = False,
            engine: Annotated[Optional[str], typer.Option(
                "--engine", help="local (this machine) or ray (a Ray cluster); default: the `engine` setting.")] = None,
            ray_address: Annotated[Optional[str], typer.Option(
                "--ray-address", help="HOST:PORT of the Ray cluster's head, or auto; default: the `ray_address` setting.")] = None,
            wait: WaitOpt = 0.0) -> None:
    """Extract, tag and index every pending document.

    Example: casefile process --retry-failed

    Example (on a Ray cluster): casefile process --engine ray --ray-address 10.0.0.5:6379
    """
    from casefile.jobs import run_process
    from casefile.runs import recorded_run

    c = case()
    with recorded_run(c, "process", wait) as record:
        record.processed(run_process(c, retry_failed=retry_failed, force=force, engine=engine,
                                     ray_address=ray_address))


@app.command()
def run(source: Annotated[Optional[str], typer.Option(help="Only this source.")] = None, wait: WaitOpt = 0.0) -> None:
    """Crawl, then process; record the run (`casefile runs`) and, with [digest] in case.toml, email
    what is new. One job at a time per case: another one still running makes this one wait (--wait)
    or stop with exit code 75. Exit code 1: a source failed or the digest email was not sent.

    Example: casefile run

    Example (cron, every morning at 6): 0 6 * * * casefile --case /srv/harlan run --wait 600
    """
    from casefile.watch import scheduled_run

    if not scheduled_run(case(), only=source, wait=wait):   # the other sources are processed all the same
        raise typer.Exit(1)


@app.command()
def runs(limit: LimitOpt = 20, fmt: FormatOpt = "table") -> None:
    """The latest runs (run, crawl, process): start, end, status, sources, counts, failures.

    Example: casefile runs --limit 5
    """
    from queries.runs import runs as get_runs

    with case().store(read_only=True) as store:
        output.runs(get_runs(store, limit), fmt)


@app.command()
def digest(since: Annotated[str, typer.Option("--since", help="last (since the previous digest of the same filters), or a date (YYYY-MM-DD) or time (YYYY-MM-DDTHH:MM).")] = "last",
           person: PersonOpt = None, issue: IssueOpt = None,
           fmt: Annotated[str, typer.Option("--format", help="text | html | json")] = "text",
           out: Annotated[Optional[Path], typer.Option("-o", "--output", help="Write to this file instead of the screen.")] = None) -> None:
    """What is new: new, changed and removed documents per source (with what changed), new timeline
    entries with their quotes and citations, people seen for the first time, failures. The digest is
    remembered: the next `--since last` with the same filters starts where it ended.

    Example: casefile digest --since last --person "Margaret Whitfield" --format html -o digest.html
    """
    from casefile.digest_render import render
    from casefile.watch import make_digest

    c = case()
    page = render(make_digest(c, since, Filters(person=person, issue=issue)), fmt, c.name)
    if out is None:
        sys.stdout.write(page)
    else:
        out.write_text(page, encoding="utf-8")
        typer.echo(f"wrote {out}", err=True)


@app.command()
def status(fmt: FormatOpt = "table") -> None:
    """Counts of documents by kind and status, and every failure with its reason.

    Example: casefile status
    """
    from queries.status import status as get_status

    with case().store(read_only=True) as store:
        output.status(get_status(store), fmt)


@app.command()
def changes(since: Annotated[Optional[str], typer.Option("--since", help="From this date (YYYY, YYYY-MM, YYYY-MM-DD) or time (YYYY-MM-DDTHH:MM).")] = None,
            source: SourceOpt = None, fmt: FormatOpt = "table") -> None:
    """New, changed (new versions at a known URL) and removed documents, per source.

    Example: casefile changes --since 2024-05-01
    """
    from queries.changes import changes as get_changes, parse_since

    when = parse_since(since)
    with case().store(read_only=True) as store:
        output.changes(get_changes(store, when, source), fmt)


sources_app = typer.Typer(no_args_is_help=True, rich_markup_mode=None,
                          help="Find out how to crawl a source.\n\nExample: casefile sources detect https://go.boarddocs.com/mi/grand/Board.nsf/Public")
app.add_typer(sources_app, name="sources")


@sources_app.command("detect")
def sources_detect(
    url: Annotated[str, typer.Argument(help="A page of meetings: the platform's own, or a city page that embeds it.")],
    name: Annotated[Optional[str], typer.Option(help="The source's name in the block (default: from the host).")] = None,
    since: Annotated[Optional[str], typer.Option(help="How far back to crawl, YYYY-MM-DD, written into the block.")] = None,
) -> None:
    """Read a page, say which meeting platform it is, and print the [[sources]] block for case.toml.

    Example: casefile sources detect https://chicago.legistar.com/Calendar.aspx --since 2021-01-01
    """
    from casefile.settings import Settings
    from crawlers.detect import NAMES, DetectError, check_since, detect_url

    s = Settings.load()
    try:
        check_since(since)  # a malformed date: one line, before any request
        found = detect_url(url, user_agent=s.user_agent, timeout=s.download_timeout,
                           max_bytes=s.max_download_mb * 2**20, obey_robots=s.obey_robots)
    except DetectError as exc:
        typer.echo(f"error: {exc}", err=True)
        raise typer.Exit(1) from None
    typer.echo(f"{found.platform}: {NAMES[found.platform]} ({found.evidence})")
    for note in found.notes:
        typer.echo(f"  {note}")
    typer.echo(f"\nPaste into case.toml:\n\n{found.block(name, since)}", nl=False)


@app.command()
def timeline(person: PersonOpt = None, issue: IssueOpt = None, kind: KindOpt = None,
             source: SourceOpt = None, date_from: FromOpt = None, date_to: ToOpt = None,
             limit: LimitOpt = None, fmt: TimelineFormatOpt = "table") -> None:
    """The timeline: one entry per event, dated at its precision, with its sources.

    Example: casefile timeline --person "Peggy Whitfield" --from 2018 --format json
    """
    from queries.browse import issue_labels
    from queries.timeline import timeline as get_timeline

    f = _filters(person, issue, kind, source, date_from, date_to, limit)
    c = case()
    with c.store(read_only=True) as store:
        output.timeline(get_timeline(store, f), fmt, title=c.name, issue_labels=issue_labels(c.config.get("issues")))


@app.command()
def search(query: str, person: PersonOpt = None, issue: IssueOpt = None, kind: KindOpt = None,
           source: SourceOpt = None, date_from: FromOpt = None, date_to: ToOpt = None,
           limit: LimitOpt = None, fmt: FormatOpt = "table",
           mode: Annotated[str, typer.Option(help="hybrid | bm25 | semantic")] = "hybrid",
           fusion: Annotated[str, typer.Option(help="how hybrid combines the rankings: scores | rrf")] = "scores",
           ) -> None:
    """Search the documents; results grouped by document with page numbers and snippets.

    QUERY: words (all of them), "an exact phrase", a OR b, -excluded, and the filters
    person: issue: kind: source: from: to: (they combine with the options).

    Example: casefile search "caseworker turnover" --kind minutes

    Example: casefile search '"grand jury" indicted OR charged -settlement person:Pruitt from:2018'
    """
    from queries.query_language import parse
    from queries.search import FUSIONS, MODES, search as do_search

    f = _filters(person, issue, kind, source, date_from, date_to, limit)
    parse(query)  # a malformed query is told before the embedding model loads
    if mode not in MODES:
        raise QueryError(f"unknown search mode {mode!r}: use one of {', '.join(MODES)}")
    if fusion not in FUSIONS:
        raise QueryError(f"unknown fusion {fusion!r}: use one of {', '.join(FUSIONS)}")
    c = case()
    encode = None
    if mode != "bm25":
        from pipeline.embed import Embedder

        encode = Embedder.from_settings(c.settings).encode
    with c.store(read_only=True) as store:
        output.search(do_search(store, query, f, mode=mode, encode=encode, fusion=fusion), fmt)


@app.command("people")
def people(words: Annotated[Optional[list[str]], typer.Argument(
               help="A name (or part of one); or `merge NAME NAME…` / `split NAME NAME…`.")] = None,
           limit: LimitOpt = None, fmt: FormatOpt = "table") -> None:
    """People with their aliases and roles over time; `people merge`/`people split` record curation.

    Example: casefile people Whitfield --format json
    Example: casefile people merge "Margaret Whitfield" "M. Whitfield"
    Example: casefile people split "Linda Ortiz" "L. Ortiz"
    """
    words = words or []
    if words and words[0] in ("merge", "split"):
        from casefile.curation import add_entry
        from casefile.jobs import relink

        if len(words) < 3:
            raise QueryError(f"people {words[0]} needs at least two names")
        c = case()
        add_entry(c, words[0], {"people": words[1:]})
        relink(c)
        typer.echo(f"recorded in curation.toml: {words[0]} {', '.join(words[1:])}")
        return
    from queries.people import people as get_people

    with case().store(read_only=True) as store:
        output.people(get_people(store, " ".join(words) or None, limit), fmt)


@app.command()
def reject(event_id: str) -> None:
    """Record in curation.toml that an event is false; it leaves the timeline on every run.

    Example: casefile reject 3f2a9c1d0b7e
    """
    from casefile.curation import add_entry, event_entry

    c = case()
    entry = event_entry(c, event_id)
    full = entry["event"]
    add_entry(c, "reject", entry)
    from casefile.jobs import relink

    relink(c)
    typer.echo(f"rejected event {full}")


@app.command()
def doc(doc_id: str, page: Annotated[Optional[int], typer.Option("--page", help="Only this page.")] = None,
        fmt: FormatOpt = "table") -> None:
    """A document's provenance and text, page by page.

    Example: casefile doc 9c4e1f --page 2
    """
    from queries.documents import document

    with case().store(read_only=True) as store:
        output.document(document(store, doc_id, page), fmt)


@app.command()
def demo(directory: Annotated[Path, typer.Argument(help="Where to build the demo case.")] = Path("demo-case")) -> None:
    """Build the bundled demo case: serve its site on 127.0.0.1, crawl, process, print the timeline.

    Example: casefile demo /tmp/harlan
    """
    from casefile.demo.run import run_demo

    run_demo(directory)


@app.command("eval")
def eval_(reference: Annotated[Path, typer.Option("--reference", help=(
              "A CSV with columns date, people, event; or a real-world set's folder (documents.csv and "
              "reference/, e.g. eval/real), scored per document."))],
          split: Annotated[str, typer.Option(help="Real-world set only: dev | heldout | all.")] = "all",
          fmt: FormatOpt = "table") -> None:
    """Score the timeline against a reference: date, event and person recall/precision.

    Example: casefile eval --reference casefile/demo/gold.csv
    Example: casefile add --manifest eval/real/documents.csv && casefile process && casefile eval --reference eval/real
    """
    c = case()
    if reference.is_dir():
        from queries.evaluate_real import evaluate_real

        if split not in ("dev", "heldout", "all"):
            raise QueryError(f"--split {split!r} is not one of dev, heldout, all")
        with c.store(read_only=True) as store:
            output.evaluation_real(evaluate_real(store, reference, split), fmt)
        return
    from pipeline.embed import Embedder
    from queries.evaluate import evaluate, load_reference

    ref = load_reference(reference)
    with c.store(read_only=True) as store:
        output.evaluation(evaluate(store, ref, Embedder.from_settings(c.settings).encode), fmt)


@app.command()
def serve(
    host: Annotated[str, typer.Option(help="Address to listen on; any but loopback (127.0.0.1, ::1) needs a token.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="Port to listen on (0 picks a free one and prints it).")] = 8765,
    token: Annotated[Optional[str], typer.Option(envvar="CASEFILE_TOKEN", show_envvar=True,
                                                 help="Access token every request must carry (Bearer header, or ?token= once).")] = None,
) -> None:
    """Browse the case in a web browser (read-only): timeline, search, people, documents, evidence packs.

    Example: casefile serve --port 8765
    """
    from casefile.web.serve import serve as run_server

    run_server(case(), host=host, port=port, token=token)


@app.command()
def pack(person: PersonOpt = None, issue: IssueOpt = None, kind: KindOpt = None, source: SourceOpt = None,
         date_from: FromOpt = None, date_to: ToOpt = None, limit: LimitOpt = None,
         event: Annotated[Optional[list[str]], typer.Option("--event", help="Only this event (id or prefix; repeat for more).")] = None,
         out: Annotated[Path, typer.Option("-o", "--output", help="The ZIP file to write.")] = Path("evidence-pack.zip")) -> None:
    """Write an evidence pack: report.html and report.pdf, events.csv, the cited original files, page crops, manifest.json.

    Example: casefile pack --person "Margaret Whitfield" --from 2018 -o whitfield-pack.zip
    """
    from casefile.formatting import date_label
    from pipeline.run import STAGE_VERSIONS
    from queries.browse import issue_labels
    from queries.packs import write_pack_file

    f = _filters(person, issue, kind, source, date_from, date_to, limit)
    c = case()
    with c.store(read_only=True) as store:
        result = write_pack_file(store, c.archive, out, f, event or [], case_name=c.name, label=date_label,
                                 stage_versions=STAGE_VERSIONS, issue_labels=issue_labels(c.config.get("issues")),
                                 images=c.page_images)
    typer.echo(f"wrote {out}: {len(result.entries)} timeline entries, {len(result.documents)} original files, "
               f"{len(result.crops)} page crops")


@app.command()
def verify(pack_file: Annotated[Path, typer.Argument(help="An evidence pack (.zip) made by `casefile pack`.")]) -> None:
    """Check an evidence pack against its manifest (no case folder needed); names every altered, missing or added file.

    Example: casefile verify whitfield-pack.zip
    """
    from queries.pack_verify import verify_pack

    result = verify_pack(pack_file)
    for problem, name in result.problems:
        typer.echo(f"{problem}: {name}")
    if not result.ok:
        typer.echo(f"FAILED: {pack_file} does not match its manifest ({len(result.problems)} problems)", err=True)
        raise typer.Exit(1)
    m = result.manifest or {}
    typer.echo(f"OK: all {result.checked} files match the manifest of {pack_file} "
               f"(created {m.get('created')}, casefile {m.get('casefile_version')})")
    typer.echo(f"manifest sha256: {result.fingerprint}")


def main() -> None:
    import os

    # OpenMP threads (torch's) that finish their share sleep instead of spinning: on a busy machine (the
    # extraction workers, another casefile command) spinning threads took an embedding batch from 2.3 s
    # to 7.0 s; passive ones 4.3 s, and the same 2.3 s on an idle machine. Read when torch loads, later.
    os.environ.setdefault("OMP_WAIT_POLICY", "PASSIVE")
    from casefile.runs import BUSY_EXIT, RunBusy
    from index.archive_object import ArchiveError
    from pipeline.engine_ray import EngineError

    try:
        app()
    except RunBusy as exc:
        typer.echo(f"busy: {exc}", err=True)
        sys.exit(BUSY_EXIT)
    except (CaseError, QueryError, StoreError, EngineError, ArchiveError) as exc:
        typer.echo(f"error: {exc}", err=True)
        sys.exit(1)


if __name__ == "__main__":
    main()
