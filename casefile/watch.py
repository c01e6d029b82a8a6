"""Keep watching a case: `casefile run` as a scheduled job, its digest, and the digest by email.

`run` holds the case's run lock (casefile/runs.py), crawls, processes, records its summary in
`runs`, then, when case.toml has a `[digest]` table, emails the digest of what is new since the
last emailed one (the first time: since this run started). Nothing is sent when nothing is new,
and the emailed digest is remembered only once the server took it, so a failed send is retried,
with everything since, after the next run.
"""
from __future__ import annotations

from datetime import datetime
from typing import Any

import typer

from casefile.case import Case
from casefile.jobs import run_crawl, run_process
from casefile.runs import RunRecord, recorded_run
from queries.changes import parse_since
from queries.digest import digest, digest_key, last_until, remember, watermark
from queries.filters import Filters, QueryError


def make_digest(case: Case, since: str | None, f: Filters, channel: str = "cli", keep: bool = True,
                first_since: datetime | None = None) -> dict[str, Any]:
    """The digest of what is new since a date, or since the last digest of the same filters ("last",
    the default); with `keep`, remembered for the next `--since last`."""
    key = digest_key(f, channel)
    with case.store() as store, store.transaction():
        until = watermark(store)
        if since in (None, "", "last"):
            start = last_until(store, key)
            since_from = "previous digest" if start else ("run start" if first_since else "beginning")
            start = start or first_since
        else:
            start, since_from = parse_since(since), "date"
        made = digest(store, start, until, f)
        made["since_from"] = since_from
        if keep:
            remember(store, key, start, until, made["counts"])
    made["_mark"] = (key, start, until)   # for `remember` once the email is sent; not shown
    return made


def mail_digest(case: Case, record: RunRecord) -> str:
    """Email the digest after a run when `[digest]` asks for it; returns what happened, in one line."""
    from casefile.digest_render import html, subject, text
    from casefile.mail import MailConfig, message, send

    config = MailConfig.from_case(case)
    if config is None:
        return ""
    f = Filters(person=config.person, issue=config.issue)
    try:
        made = make_digest(case, "last", f, channel="email", keep=False, first_since=record.started_at)
    except QueryError as exc:   # e.g. [digest] follows a person the case does not name yet
        return f"digest email: {exc}; nothing sent"
    if made["empty"]:
        return "digest email: nothing new, nothing sent"
    send(config, message(config, subject(made, case.name, config.subject), text(made, case.name),
                         html(made, case.name)))
    with case.store() as store:
        remember(store, *made["_mark"], made["counts"])
    return f"digest email sent to {', '.join(config.to)}"


def scheduled_run(case: Case, only: str | None = None, wait: float = 0.0) -> bool:
    """`casefile run`: crawl, process, record, email the digest. False when a source failed or the email
    could not be sent (a document that could not be processed is in the summary, as with `process`)."""
    from casefile.mail import MailConfig, MailError

    MailConfig.from_case(case)   # a mistake in [digest] is told before the crawl, not after
    with recorded_run(case, "run", wait) as record:
        crawled = run_crawl(case, only=only)
        record.crawled(crawled)
        record.processed(run_process(case))
        record.finish()   # the summary is in `runs` before the digest reads it
        mailed = True
        try:
            said = mail_digest(case, record)
        except MailError as exc:
            record.failures.append({"digest": "email", "reason": str(exc)})
            said, mailed = f"error: {exc}", False
        if said:
            typer.echo(said, err=True)
    return crawled.ok and mailed
