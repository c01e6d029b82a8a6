"""The digest: what is new in a case in a period [since, until) (issue 16).

- documents, per source: new ones, new versions (with what changed: queries/version_diff.py) and
  removed ones (queries/changes.py), each with how many timeline entries cite it;
- timeline entries that joined the timeline in the period, with their quotes and citations;
- people seen for the first time (their earliest mention);
- failures the jobs of the period recorded (sources that failed, documents that could not be read).

When did a timeline entry join? When casefile first saw its earliest source document (`first_seen`),
except that a sentence a new version carries over unchanged from an earlier version at the same URL
dates from that earlier version: an amended set of minutes brings as new only what the amendment
added. An entry is new when every one of its sentences is; a new article that reports an event
already on the timeline adds a source, not an entry.

`until` is a watermark, not just "now": it never passes a job still running (its documents are not
all processed yet) nor a document still waiting to be processed, so the next digest that starts at
this one's `until` (`--since last`) reports them, with their timeline entries, once they are in.
"""
from __future__ import annotations

import json
from collections import Counter
from datetime import datetime, timezone
from typing import Any

from index.store import Store, now
from queries.changes import CHANGES, changes
from queries.filters import Filters, person_ids
from queries.runs import failures_between, running_since
from queries.timeline import timeline
from queries.version_diff import compare

NORMAL = "regexp_replace(trim({}), '\\s+', ' ', 'g')"   # a sentence with its whitespace folded


def digest_key(f: Filters, channel: str = "cli") -> str:
    """What `--since last` remembers a digest by: its filters (and whether it was the emailed one)."""
    return json.dumps({"channel": channel, "person": f.person, "issue": f.issue}, sort_keys=True)


def last_until(store: Store, key: str) -> datetime | None:
    """Where the latest digest with this key ended, or None when there was none."""
    return store.scalar("SELECT max(until) FROM digests WHERE digest_key = ?", [key])


def remember(store: Store, key: str, since: datetime | None, until: datetime, counts: dict[str, int]) -> None:
    """Record a digest, so that the next `--since last` with the same key starts at its `until`."""
    store.upsert("digests", [{"digest_key": key, "made_at": now(), "since": since, "until": until,
                              "counts": counts}])


def watermark(store: Store) -> datetime:
    """Now, or earlier: the start of a job still running, or the first sighting of a pending document."""
    marks = [now(), running_since(store),
             store.scalar("SELECT min(first_seen) FROM documents WHERE status = 'pending'")]
    return min(m for m in marks if m is not None)


def entries_first_seen(store: Store, entries: list[dict[str, Any]]) -> list[datetime | None]:
    """When each timeline entry joined the timeline (see the module's docstring)."""
    doc_ids = sorted({s["doc_id"] for e in entries for s in e["sources"]})
    docs = {r["doc_id"]: r for r in store.query(
        "SELECT doc_id, url, first_seen FROM documents WHERE doc_id IN (SELECT unnest(?))", [doc_ids])}
    # Sentences at URLs with several versions: the first sighting of the version that first had each.
    carried = {(r["url"], r["text"]): r["first"] for r in store.query(
        f"SELECT d.url, {NORMAL.format('e.text')} AS text, min(d.first_seen) AS first "
        "FROM events e JOIN documents d USING (doc_id) WHERE d.url IN "
        "(SELECT url FROM documents WHERE url IS NOT NULL GROUP BY url HAVING count(*) > 1) GROUP BY ALL")}
    out: list[datetime | None] = []
    for e in entries:
        times = []
        for s in e["sources"]:
            d = docs.get(s["doc_id"])
            if d is None or d["first_seen"] is None:
                continue
            times.append(min(d["first_seen"], carried.get((d["url"], " ".join(s["text"].split())), d["first_seen"])))
        out.append(min(times) if times else None)
    return out


def _in(when: datetime | None, since: datetime | None, until: datetime) -> bool:
    return when is not None and (since is None or when >= since) and when < until


def _iso(value: Any) -> Any:
    if isinstance(value, datetime):
        value = value if value.tzinfo else value.replace(tzinfo=timezone.utc)
        return value.astimezone(timezone.utc).isoformat(timespec="seconds")
    return value.isoformat() if hasattr(value, "isoformat") else value


def _documents(store: Store, since: datetime | None, until: datetime, cites: Counter,
               filtered: bool) -> list[dict[str, Any]]:
    per: dict[str, dict[str, Any]] = {}
    for row in changes(store, since, until=until)["changes"]:
        if filtered and not (cites[row["doc_id"]] or cites[row["supersedes"]]):
            continue   # with --person/--issue: only documents the matching timeline cites
        doc = {k: _iso(row[k]) for k in ("doc_id", "title", "url", "kind", "when", "doc_date", "supersedes",
                                         "reason")}
        doc["title"] = row["title"] or row["filename"] or row["url"] or row["doc_id"][:12]
        doc["entries"] = cites[row["doc_id"]]
        if row["change"] == "changed":
            doc["diff"] = compare(store, row["supersedes"], row["doc_id"])
        per.setdefault(row["source"], {"source": row["source"], **{c: [] for c in CHANGES}})[row["change"]].append(doc)
    return sorted(per.values(), key=lambda s: s["source"])


def _people(store: Store, since: datetime | None, until: datetime, keep: set[str] | None) -> list[dict[str, Any]]:
    rows = store.query(
        """
        SELECT p.person_id, p.name, p.aliases, min(d.first_seen) AS first_seen,
               arg_min({'doc_id': m.doc_id, 'title': coalesce(d.title, d.filename, d.url), 'url': d.url,
                        'page': m.page, 'char_start': m.char_start, 'char_end': m.char_end, 'text': m.text},
                       {'seen': d.first_seen, 'doc': m.doc_id, 'page': m.page, 'at': m.char_start}) AS first
        FROM mentions m JOIN documents d USING (doc_id) JOIN people p USING (person_id)
        GROUP BY p.person_id, p.name, p.aliases
        HAVING ($since IS NULL OR min(d.first_seen) >= $since) AND min(d.first_seen) < $until
        ORDER BY p.name, p.person_id
        """, {"since": since, "until": until})  # type: ignore[arg-type]
    return [{"person_id": r["person_id"], "name": r["name"], "aliases": sorted(r["aliases"] or []),
             "first_seen": _iso(r["first_seen"]), "first_mention": r["first"]}
            for r in rows if keep is None or r["person_id"] in keep]


def digest(store: Store, since: datetime | None, until: datetime, f: Filters | None = None) -> dict[str, Any]:
    """Everything new in [since, until) (since None: from the case's beginning), filtered like the timeline
    by person and issue: {"since", "until", "filters", "documents", "entries", "people", "failures",
    "counts", "empty"}."""
    f = Filters(person=f.person, issue=f.issue) if f else Filters()
    filtered = bool(f.person or f.issue)
    matching = timeline(store, f)
    cites = Counter(s["doc_id"] for e in matching for s in {x["doc_id"]: x for x in e["sources"]}.values())
    entries = []
    for entry, seen in zip(matching, entries_first_seen(store, matching)):
        if _in(seen, since, until):
            entries.append({**entry, "first_seen": _iso(seen)})
    keep = None
    if filtered:   # people of the new matching entries (and only the person asked for, if one was)
        names = {p for e in entries for p in e["people"]}
        keep = {r["person_id"] for r in store.query("SELECT person_id FROM people WHERE name IN (SELECT unnest(?))",
                                                     [sorted(names)])}
        if f.person:
            keep &= set(person_ids(store, f.person))
    documents = _documents(store, since, until, cites, filtered)
    people = _people(store, since, until, keep)
    failures = [{**x, "when": _iso(x["when"])} for x in failures_between(store, since, until)]
    counts = {c: sum(len(s[c]) for s in documents) for c in CHANGES}
    counts.update(entries=len(entries), people=len(people), failures=len(failures))
    return {"since": _iso(since), "until": _iso(until),
            "filters": {k: v for k, v in (("person", f.person), ("issue", f.issue)) if v},
            "documents": documents, "entries": entries, "people": people, "failures": failures,
            "counts": counts, "empty": not any(counts.values())}
