"""The runner: the only code that knows how stages execute. It selects pending documents from the
index, streams them through the stages in batches, and stores each batch in one transaction.

Stages stay pure (no DB, no network); this module moves rows between them and the store.
How a batch flows (bench/RESULTS.md, "Pipeline throughput", has the measurements behind it):
extraction runs one batch ahead in its worker processes (`ExtractPool`); the extracted documents
are cut into units that analysis lanes (`AnalysePool`: spaCy, rows, embeddings, issues, one
process per core) take from a queue; the runner stores the batch before while they work. At most
three batches are in flight, whatever the size of the corpus.
"""
from __future__ import annotations

import functools
import json
import time
from collections import deque
from collections.abc import Callable, Iterator
from concurrent.futures import Future
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from index import search_index
from index.archive import Archive
from index.ids import derive
from index.store import Store, now
from pipeline import chunk, docdate, embed, event_filter, events, extract, issues, nlp, titles
from pipeline.analyse_pool import AnalysePool
from pipeline.extract_pool import REFERENCE, ExtractPool
from pipeline.link import link_case

if TYPE_CHECKING:
    from pipeline.tagger import Tagger

STAGE_VERSIONS = {m.__name__.split(".")[-1]: m.VERSION
                  for m in (extract, docdate, nlp, events, event_filter, chunk, embed, issues)}
Progress = Callable[[int, int, str], None]
MAX_CHILD_DEPTH = 5   # attachments of attachments of ... stop here
FEW_DOCUMENTS = 8       # below this many pending documents, no analysis lanes (processes) are started


@dataclass
class Report:
    processed: int = 0
    failed: list[tuple[str, str]] = field(default_factory=list)
    skipped: int = 0
    # wall seconds the runner spent in each phase (what it waited for, what it did itself)
    seconds: dict[str, float] = field(default_factory=dict)

    @contextmanager
    def timed(self, phase: str) -> Iterator[None]:
        start = time.perf_counter()
        try:
            yield
        finally:
            self.seconds[phase] = self.seconds.get(phase, 0.0) + time.perf_counter() - start


class Models:
    """Models load once per run, and only when there is work for them."""

    def __init__(self, settings: Any, taxonomy: dict[str, Any] | None, threads: int | None = None) -> None:
        self.settings = settings
        self.taxonomy = taxonomy
        self.threads = threads if threads is not None else settings.workers   # torch's threads
        self._tagger: Tagger | None = None   # noqa: F821 (imported when first used)
        self._embedder: embed.Embedder | None = None
        self._issues: issues.IssueTagger | None = None

    @property
    def tagger(self) -> Tagger:
        if self._tagger is None:
            from pipeline.tagger import Tagger   # spaCy loads in the analysis lanes, not in the runner

            self._tagger = Tagger(self.settings.spacy_model)
        return self._tagger

    @property
    def embedder(self) -> embed.Embedder:
        if self._embedder is None:
            self._embedder = embed.Embedder.from_settings(self.settings, threads=self.threads)
        return self._embedder

    @property
    def issue_tagger(self) -> issues.IssueTagger:
        if self._issues is None:
            self._issues = issues.IssueTagger(issues.load_taxonomy(self.taxonomy), self.embedder.encode)
        return self._issues


def pending_ids(store: Store, retry_failed: bool = False, force: bool = False) -> list[str]:
    """Ids of the documents to process, oldest first: new ones, failures on request, and those done
    (or done in part: some pages unreadable) by other stage versions. Ids only; the rows are read
    batch by batch."""
    cur = store.con.execute("SELECT doc_id, status, stage_versions FROM documents ORDER BY first_seen, doc_id")
    todo = []
    while rows := cur.fetchmany(2048):
        for doc_id, status, versions in rows:
            stale = status in ("done", "partial") and (json.loads(versions) if versions else {}) != STAGE_VERSIONS
            if force or status == "pending" or stale or (status in ("failed", "partial") and retry_failed):
                todo.append(doc_id)
    return todo


def _documents(store: Store, ids: list[str]) -> list[dict[str, Any]]:
    rows = {r["doc_id"]: r for r in store.query("SELECT * FROM documents WHERE doc_id IN (SELECT unnest(?))", [ids])}
    return [rows[i] for i in ids if i in rows]


def process(store: Store, archive: Archive, *, settings: Any, curation: dict[str, Any] | None = None,
            taxonomy: dict[str, Any] | None = None, retry_failed: bool = False, force: bool = False,
            progress: Progress | None = None, serial: bool = False) -> Report:
    """Process every pending document, then the case-wide steps.

    `serial`: one document at a time, analysed in this process, every PDF page through pdfplumber:
    the reference the tests hold the fast paths to (same rows, same timeline).
    """
    report = Report()
    done: set[str] = set()
    todo = pending_ids(store, retry_failed, force)
    # a few documents are analysed here: starting lanes (a model load each) would cost more
    lanes = 0 if serial or settings.workers <= 1 or len(todo) < FEW_DOCUMENTS else settings.workers
    with _pools(settings, taxonomy, lanes, REFERENCE if serial else None) as (pool, lanes_pool):
        run = _Run(store, archive, pool, lanes_pool, settings, report, done, progress, serial)
        if todo:
            lanes_pool.warm()   # models load in the lanes while the first batch is extracted
        while todo:  # a second round picks up the attachments and archive members found in the first
            run.stream(todo)
            todo = [d for d in pending_ids(store) if d not in done]
        lanes_pool.close()   # their memory back before the case-wide steps (a lane restarts if needed)
        with report.timed("case-wide steps"), store.transaction():
            link_case(store, curation or {})
        # whatever is left stale (by a crash, a schema upgrade), then compaction when due
        with report.timed("search index upkeep"):
            search_index.maintain(store, encode=lanes_pool.encode)
    return report


@contextmanager
def _pools(settings: Any, taxonomy: dict[str, Any] | None, lanes: int,
           function: str | None) -> Iterator[tuple[ExtractPool, AnalysePool]]:
    """The engine: extraction workers and analysis lanes on this machine, or on a Ray cluster
    (`engine = "ray"`, pipeline/engine_ray.py), which runs the same stage code as tasks and actors."""
    if settings.engine == "ray":
        from pipeline.engine_ray import ray_pools

        with ray_pools(settings, taxonomy, function) as pools:
            yield pools
        return
    with ExtractPool(settings.workers, settings.extract_timeout, function=function) as pool, \
            AnalysePool(lanes, settings, taxonomy) as lanes_pool:
        yield pool, lanes_pool


@dataclass
class _Batch:
    docs: list[dict[str, Any]]
    results: list[Any]                                  # Extracted, then rows; or a one-line reason
    units: list[tuple[list[int], Future[list[Any]]]]    # document indexes, their analysis


class _Run:
    """One pass over a list of ids: extraction a batch ahead, analysis in lanes, storing behind."""

    def __init__(self, store: Store, archive: Archive, pool: ExtractPool, lanes: AnalysePool, settings: Any,
                 report: Report, done: set[str], progress: Progress | None, serial: bool) -> None:
        self.store, self.archive, self.pool, self.lanes = store, archive, pool, lanes
        self.settings, self.report, self.done, self.progress, self.serial = settings, report, done, progress, serial

    def stream(self, ids: list[str]) -> None:
        size = max(1, self.settings.batch_size)
        batches = [ids[i:i + size] for i in range(0, len(ids), size)]
        stored = 0
        behind: deque[_Batch] = deque()
        ahead = self._extract(batches[0]) if batches else None
        for k in range(len(batches)):
            assert ahead is not None
            docs, extracting = ahead
            with self.report.timed("waiting for extraction"):
                extracted = [f.result() for f in extracting]
            ahead = self._extract(batches[k + 1]) if k + 1 < len(batches) else None
            behind.append(self._analyse(docs, extracted))
            while len(behind) > 1 or (k == len(batches) - 1 and behind):
                stored += self._store(behind.popleft())   # waits for the batch's analysis, then stores it
                if self.progress:
                    self.progress(stored, len(ids), "documents")

    def _extract(self, ids: list[str]) -> tuple[list[dict[str, Any]], list[Future[Any]]]:
        docs = _documents(self.store, ids)
        self.store.release()  # a reader (serve, search...) waiting for the file gets it while the batch is worked on
        return docs, self.pool.submit([functools.partial(self.archive.get, d["doc_id"]) for d in docs])

    def _analyse(self, docs: list[dict[str, Any]], extracted: list[Any]) -> _Batch:
        todo = [(i, ex) for i, ex in enumerate(extracted) if not isinstance(ex, str)]
        units = [[item] for item in todo] if self.serial else _units(todo, 2 * self.lanes.size)
        return _Batch(docs, list(extracted), [
            ([i for i, _ in unit], self.lanes.submit([(docs[i], ex) for i, ex in unit])) for unit in units])

    def _store(self, batch: _Batch) -> int:
        with self.report.timed("waiting for analysis"):
            for indexes, future in batch.units:
                for i, result in zip(indexes, future.result()):
                    batch.results[i] = result
        titles = _Titles(batch.results, self.lanes.encode)
        # one batch, one transaction: a crash loses at most this batch
        with self.report.timed("storing"), self.store.transaction():
            rows: dict[str, list[dict[str, Any]]] = {}
            for doc, result in zip(batch.docs, batch.results):
                if not isinstance(result, str):
                    self.store.replace_document_rows(doc["doc_id"], {})   # its old rows go...
                    for table, table_rows in result["rows"].items():
                        rows.setdefault(table, []).extend(table_rows)
            for table, table_rows in rows.items():   # ...the batch's rows come in, one bulk load a table
                self.store.upsert(table, table_rows)
            for doc, result in zip(batch.docs, batch.results):
                _store_result(self.store, self.archive, doc, result, self.report, rows_stored=True)
                self.done.add(doc["doc_id"])
            search_index.refresh(self.store.con, [d["doc_id"] for d in batch.docs],
                                 encode=titles)  # titles
        return len(batch.docs)


class _Titles:
    """`encode` for the search index's title vectors: the lanes embedded each document's title with
    its unit, so the runner does not wait for a free lane while it holds the database."""

    def __init__(self, results: list[Any], encode: Callable[[list[str]], list[list[float]]]) -> None:
        self.known = {r["title"]: r["title_vector"] for r in results if isinstance(r, dict) and r.get("title")}
        self.fallback = encode

    def __call__(self, texts: list[str]) -> list[list[float]]:
        missing = [t for t in dict.fromkeys(texts) if t not in self.known]
        if missing:
            self.known.update(zip(missing, self.fallback(missing)))
        return [self.known[t] for t in texts]


def _units(items: list[tuple[int, Any]], count: int) -> list[list[tuple[int, Any]]]:
    """Documents shared out into `count` units of about equal text (largest first, each to the
    lightest unit), so the lanes finish a batch together; the heaviest unit comes first."""
    def size(item: tuple[int, Any]) -> int:
        return sum(len(p.text) for p in item[1].pages) + 1

    units: list[list[tuple[int, Any]]] = [[] for _ in range(min(count, len(items)))]
    loads = [0] * len(units)
    for item in sorted(items, key=size, reverse=True):
        j = loads.index(min(loads))
        units[j].append(item)
        loads[j] += size(item)
    order = sorted(range(len(units)), key=lambda j: -loads[j])
    return [sorted(units[j], key=lambda it: it[0]) for j in order]


def _store_result(store: Store, archive: Archive, doc: dict[str, Any], result: dict[str, Any] | str,
                  report: Report, rows_stored: bool = False) -> None:
    if isinstance(result, str):
        store.set_document(doc["doc_id"], status="failed", error=result, processed_at=now(),
                           stage_versions=STAGE_VERSIONS)
        report.failed.append((doc["doc_id"], result))
        return
    if not rows_stored:
        store.replace_document_rows(doc["doc_id"], result["rows"])
    problems = result["problems"]
    store.set_document(doc["doc_id"], status="partial" if problems else "done",
                       error="; ".join(problems) or None, processed_at=now(),
                       stage_versions=STAGE_VERSIONS, **result["doc"])
    for child in result["children"]:
        _add_child(store, archive, doc, child)
    report.processed += 1


def _add_child(store: Store, archive: Archive, parent: dict[str, Any], child: Any) -> None:
    """An email attachment or archive member becomes a document of its own, linked to its parent."""
    meta = json.loads(parent["meta"]) if isinstance(parent.get("meta"), str) else dict(parent.get("meta") or {})
    depth = int(meta.get("depth", 0)) + 1
    if depth > MAX_CHILD_DEPTH:
        return
    child_id = archive.put(child.raw)  # the archive first: rows never point at missing bytes
    store.add_document({
        "doc_id": child_id, "kind": parent["kind"], "source": parent["source"],
        "url": f"{parent['url']}#{child.filename}" if parent.get("url") else None,
        "filename": child.filename, "title": child.filename, "content_type": child.content_type,
        "size": len(child.raw), "meta": {"parent": parent["doc_id"], "depth": depth}})


def analyse_unit(items: list[tuple[dict[str, Any], extract.Extracted]], models: Models,
                 settings: Any) -> list[dict[str, Any] | str]:
    """Rows for each (document, extracted) of a unit, or the one-line reason it failed: one spaCy pass
    over all its pages, then rows per document, then one embedding call for all its passages and
    events (batches sorted by length, sized for the CPU), then issues."""
    texts = [extract.nlp_text(p) for _, ex in items for p in ex.pages]
    analyses = iter(models.tagger.tag(texts))
    results: list[dict[str, Any] | str] = []
    for doc, ex in items:
        page_analyses = [next(analyses) for _ in ex.pages]
        nlp.drop_outvoted(page_analyses)
        nlp.add_known_names([extract.nlp_text(p) for p in ex.pages], page_analyses)
        try:
            results.append(document_rows(doc, ex, page_analyses, settings))
        except Exception as exc:
            results.append(_reason(exc))
    done = [(doc, r) for (doc, _), r in zip(items, results) if not isinstance(r, str)]
    # passages and titles first: the event filter reads the passage's vector, then only the events
    # it keeps are embedded
    chunk_rows = [row for _, r in done for row in r["rows"]["chunks"]]
    titled = [r for _, r in done if r["title"]]
    vectors = models.embedder.encode_array([row["text"] for row in chunk_rows] + [r["title"] for r in titled])
    for row, vec in zip(chunk_rows, vectors):
        row["embedding"] = vec   # float32, 1.5 KB a row on its way to the store (a list of floats: 12 KB)
    for r, vec in zip(titled, vectors[len(chunk_rows):]):
        r["title_vector"] = vec   # for the search index (index/search_vectors.py)
    for doc, r in done:
        rows = r["rows"]
        if settings.event_filter == "learned":
            rows["events"] = event_filter.keep(rows["events"], doc.get("kind", "other"), rows["chunks"],
                                               settings.event_filter_threshold)
        _event_roles(rows["mentions"], rows["events"])
    event_rows = [row for _, r in done for row in r["rows"]["events"]]
    for row, vec in zip(event_rows, models.embedder.encode_array([row["text"] for row in event_rows])):
        row["embedding"] = vec
    for n, result in enumerate(results):
        if isinstance(result, str):
            continue
        try:
            event_rows = result["rows"]["events"]
            result["rows"]["event_issues"] = [tag for e in event_rows for tag in
                                              models.issue_tagger.tag(e["event_id"], e["text"], e["embedding"])]
            for e in event_rows:
                e.pop("_agents"), e.pop("_patients"), e.pop("_rule")
        except Exception as exc:
            results[n] = _reason(exc)
    return results


def _reason(exc: BaseException) -> str:
    return f"{type(exc).__name__}: {exc}".splitlines()[0]


INFER_PAGES = 20   # pages read for a document date the text only implies (docdate.latest_stated)


def document_rows(doc: dict[str, Any], ex: extract.Extracted, analyses: list[dict[str, Any]],
                  settings: Any) -> dict[str, Any]:
    """A document's rows from its pages and their analyses; chunks and events still lack their
    embeddings, and the events their issues (`analyse_unit` adds both, for a whole unit at once)."""
    doc_id = doc["doc_id"]
    first_text = ex.pages[0].text if ex.pages else ""
    title, title_source = titles.choose(doc.get("title"), doc.get("title_source"), ex.title, first_text,
                                        doc.get("filename") or doc.get("url"))
    seen = doc.get("first_seen") or doc.get("last_seen")
    doc_date, date_source = docdate.document_date(
        known=doc.get("doc_date"), known_source=doc.get("doc_date_source"), title=doc.get("title") or ex.title,
        first_page=first_text, meta_date=ex.meta.get("date"), kind=doc.get("kind", "other"), meta=ex.meta,
        url=doc.get("url"), text="\n".join(p.text for p in ex.pages[:INFER_PAGES]),
        not_after=seen.date() if hasattr(seen, "date") else None)
    doc = {**doc, "doc_date": doc_date, "doc_date_source": date_source}
    pages = [{"doc_id": doc_id, "page": p.page, "text": p.text, "method": p.method, "skip": p.skip,
              "ocr_confidence": p.ocr_confidence, "label": p.label, "boxes": p.boxes} for p in ex.pages]
    nlp_texts = [extract.nlp_text(p) for p in ex.pages]

    page_dates = events.resolve_page_dates(nlp_texts, analyses, doc_date,
                                            settings.fiscal_year_start_month, kind=doc.get("kind"))
    event_rows = events.build_events(doc, pages, analyses, page_dates, broad=settings.event_filter != "rules")
    chunk_rows = [c for p, a in zip(pages, analyses)
                  for c in chunk.chunk_page(doc_id, p["page"], p["text"], a["sentences"])]
    mention_rows = _mentions(doc_id, doc_date, pages, analyses)

    updates: dict[str, Any] = {"doc_date": doc_date, "doc_date_source": date_source}
    if title and not doc.get("title"):
        updates.update(title=title, title_source=title_source)
    if ex.meta:
        meta = json.loads(doc["meta"]) if isinstance(doc.get("meta"), str) else dict(doc.get("meta") or {})
        updates["meta"] = {**{f"extracted_{k}": v for k, v in ex.meta.items()}, **meta}
    return {"doc": updates, "title": title or None, "problems": list(ex.problems), "children": list(ex.children),
            "rows": {"pages": pages, "chunks": chunk_rows, "mentions": mention_rows,
                     "events": event_rows, "event_issues": []}}


def _event_roles(mentions: list[dict[str, Any]], event_rows: list[dict[str, Any]]) -> None:
    """A person's or role's part (agent, patient, mentioned) in the timeline event around it, if any."""
    for m in mentions:
        if "event_role" in m:
            event = next((e for e in event_rows if e["page"] == m["page"] and e["char_start"] <= m["char_start"]
                          and m["char_end"] <= e["char_end"]), None)
            m["event_role"] = events.event_role({"start": m["char_start"], "end": m["char_end"]}, event) \
                if event else None


def _mentions(doc_id: str, doc_date: Any, pages: list[dict[str, Any]],
              analyses: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Mention rows; their `event_role` is set once the document's events are final (`_event_roles`)."""
    from pipeline.people import link_in_document

    rows: list[dict[str, Any]] = []
    people: list[dict[str, Any]] = []
    for page, analysis in zip(pages, analyses):
        n = page["page"]
        for m in analysis["people"] + analysis["roles"]:
            mid = derive(doc_id, n, m["start"], m["end"], m["label"], nlp.VERSION)
            row = {"mention_id": mid, "doc_id": doc_id, "page": n, "char_start": m["start"],
                   "char_end": m["end"], "text": m["text"], "label": m["label"],
                   "title": m.get("title"), "role": m.get("role"), "method": m.get("method", "spacy"),
                   "confidence": 0.8, "event_role": None}
            rows.append(row)
            if m["label"] == "PERSON":
                people.append({**row, "doc_date": doc_date, "start": m["start"], "end": m["end"]})
        for e in analysis["entities"]:
            if e["label"] in ("ORG", "GPE", "DATE", "TIME"):
                # an entity the tagger ran into a blanked running header ends where the blank starts
                end = e["start"] + len(e["text"].rstrip())
                rows.append({"mention_id": derive(doc_id, n, e["start"], end, e["label"], nlp.VERSION),
                             "doc_id": doc_id, "page": n, "char_start": e["start"], "char_end": end,
                             "text": page["text"][e["start"]:end], "label": e["label"], "method": "spacy",
                             "confidence": 0.8})
    keys = link_in_document(people)
    for row in rows:
        if row["label"] == "PERSON":
            row["name_key"] = keys.get(row["mention_id"])
    return rows

