"""The runner: the only code that knows how stages execute. It selects pending documents from the
index, runs the stages per batch, and stores each batch in one transaction.

Stages stay pure (no DB, no network); this module moves rows between them and the store.
"""
from __future__ import annotations

import functools
import json
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from index import fts
from index.archive import Archive
from index.ids import derive
from index.store import Store, now
from pipeline import chunk, docdate, embed, events, extract, issues, nlp
from pipeline.extract_pool import ExtractPool
from pipeline.link import link_case
from pipeline.tagger import Tagger

STAGE_VERSIONS = {m.__name__.split(".")[-1]: m.VERSION
                  for m in (extract, docdate, nlp, events, chunk, embed, issues)}
Progress = Callable[[int, int, str], None]
MAX_CHILD_DEPTH = 5   # attachments of attachments of ... stop here


@dataclass
class Report:
    processed: int = 0
    failed: list[tuple[str, str]] = field(default_factory=list)
    skipped: int = 0


class Models:
    """Models load once per run, and only when there is work for them."""

    def __init__(self, settings: Any, taxonomy: dict[str, Any] | None) -> None:
        self.settings = settings
        self.taxonomy = taxonomy
        self._tagger: Tagger | None = None
        self._embedder: embed.Embedder | None = None
        self._issues: issues.IssueTagger | None = None

    @property
    def tagger(self) -> Tagger:
        if self._tagger is None:
            self._tagger = Tagger(self.settings.spacy_model)
        return self._tagger

    @property
    def embedder(self) -> embed.Embedder:
        if self._embedder is None:
            self._embedder = embed.Embedder(self.settings.embedding_model, threads=self.settings.workers)
        return self._embedder

    @property
    def issue_tagger(self) -> issues.IssueTagger:
        if self._issues is None:
            self._issues = issues.IssueTagger(issues.load_taxonomy(self.taxonomy), self.embedder.encode)
        return self._issues


def pending_documents(store: Store, retry_failed: bool = False, force: bool = False) -> list[dict[str, Any]]:
    rows = store.query("SELECT * FROM documents ORDER BY first_seen, doc_id")
    todo = []
    for row in rows:
        versions = json.loads(row["stage_versions"]) if row["stage_versions"] else {}
        if force or row["status"] == "pending" or (row["status"] in ("failed", "partial") and retry_failed) or \
                (row["status"] == "done" and versions != STAGE_VERSIONS):
            todo.append(row)
    return todo


def process(store: Store, archive: Archive, *, settings: Any, curation: dict[str, Any] | None = None,
            taxonomy: dict[str, Any] | None = None, retry_failed: bool = False, force: bool = False,
            progress: Progress | None = None) -> Report:
    report = Report()
    models = Models(settings, taxonomy)
    done: set[str] = set()
    todo = pending_documents(store, retry_failed, force)
    with ExtractPool(settings.workers, settings.extract_timeout) as pool:
        while todo:  # a second round picks up the attachments and archive members found in the first
            total = len(todo)
            for i in range(0, total, settings.batch_size):
                batch = todo[i:i + settings.batch_size]
                results = process_batch(batch, archive, models, settings, pool)
                with store.transaction():  # one batch, one transaction: a crash loses at most this batch
                    for doc, result in zip(batch, results):
                        _store_result(store, archive, doc, result, report)
                        done.add(doc["doc_id"])
                if progress:
                    progress(min(i + len(batch), total), total, "documents")
            todo = [d for d in pending_documents(store) if d["doc_id"] not in done]
    with store.transaction():
        link_case(store, curation or {})
    fts.rebuild(store.con)
    return report


def _store_result(store: Store, archive: Archive, doc: dict[str, Any], result: dict[str, Any] | str,
                  report: Report) -> None:
    if isinstance(result, str):
        store.set_document(doc["doc_id"], status="failed", error=result, processed_at=now(),
                           stage_versions=STAGE_VERSIONS)
        report.failed.append((doc["doc_id"], result))
        return
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


def process_batch(batch: list[dict[str, Any]], archive: Archive, models: Models,
                  settings: Any, pool: ExtractPool) -> list[dict[str, Any] | str]:
    """Rows for each document of the batch, or the one-line reason it failed."""
    extracted = pool.extract_all([functools.partial(archive.get, doc["doc_id"]) for doc in batch])
    texts = [extract.nlp_text(p) for x in extracted if not isinstance(x, str) for p in x.pages]
    analyses = iter(models.tagger.tag(texts))
    results: list[dict[str, Any] | str] = []
    for doc, ex in zip(batch, extracted):
        if isinstance(ex, str):
            results.append(ex)
            continue
        page_analyses = [next(analyses) for _ in ex.pages]
        nlp.add_known_names([extract.nlp_text(p) for p in ex.pages], page_analyses)
        try:
            results.append(document_rows(doc, ex, page_analyses, models, settings))
        except Exception as exc:
            results.append(f"{type(exc).__name__}: {exc}".splitlines()[0])
    return results


def document_rows(doc: dict[str, Any], ex: extract.Extracted, analyses: list[dict[str, Any]],
                  models: Models, settings: Any) -> dict[str, Any]:
    doc_id = doc["doc_id"]
    first_text = ex.pages[0].text if ex.pages else ""
    title = doc.get("title") or ex.title
    doc_date, date_source = docdate.document_date(
        known=doc.get("doc_date"), known_source=doc.get("doc_date_source"), title=title,
        first_page=first_text, meta_date=ex.meta.get("date"), kind=doc.get("kind", "other"), meta=ex.meta)
    doc = {**doc, "doc_date": doc_date, "doc_date_source": date_source}
    pages = [{"doc_id": doc_id, "page": p.page, "text": p.text, "method": p.method, "skip": p.skip,
              "ocr_confidence": p.ocr_confidence, "label": p.label} for p in ex.pages]
    nlp_texts = [extract.nlp_text(p) for p in ex.pages]

    page_dates = events.resolve_page_dates(nlp_texts, analyses, doc_date,
                                            settings.fiscal_year_start_month)
    event_rows = events.build_events(doc, pages, analyses, page_dates)
    chunk_rows = [c for p, a in zip(pages, analyses)
                  for c in chunk.chunk_page(doc_id, p["page"], p["text"], a["sentences"])]
    mention_rows = _mentions(doc_id, doc_date, pages, analyses, event_rows)

    vectors = models.embedder.encode([c["text"] for c in chunk_rows] + [e["text"] for e in event_rows])
    for row, vec in zip(chunk_rows + event_rows, vectors):
        row["embedding"] = vec
    issue_rows = [tag for e in event_rows
                  for tag in models.issue_tagger.tag(e["event_id"], e["text"], e["embedding"])]
    for e in event_rows:
        e.pop("_agents"), e.pop("_patients")
    updates: dict[str, Any] = {"doc_date": doc_date, "doc_date_source": date_source}
    if title and not doc.get("title"):
        updates["title"] = title
    if ex.meta:
        meta = json.loads(doc["meta"]) if isinstance(doc.get("meta"), str) else dict(doc.get("meta") or {})
        updates["meta"] = {**{f"extracted_{k}": v for k, v in ex.meta.items()}, **meta}
    return {"doc": updates, "problems": list(ex.problems), "children": list(ex.children),
            "rows": {"pages": pages, "chunks": chunk_rows, "mentions": mention_rows,
                                     "events": event_rows, "event_issues": issue_rows}}


def _mentions(doc_id: str, doc_date: Any, pages: list[dict[str, Any]], analyses: list[dict[str, Any]],
              event_rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    from pipeline.people import link_in_document

    rows: list[dict[str, Any]] = []
    people: list[dict[str, Any]] = []
    for page, analysis in zip(pages, analyses):
        n = page["page"]
        page_events = [e for e in event_rows if e["page"] == n]
        for m in analysis["people"] + analysis["roles"]:
            mid = derive(doc_id, n, m["start"], m["end"], m["label"], nlp.VERSION)
            event = next((e for e in page_events if e["char_start"] <= m["start"] and m["end"] <= e["char_end"]), None)
            row = {"mention_id": mid, "doc_id": doc_id, "page": n, "char_start": m["start"],
                   "char_end": m["end"], "text": m["text"], "label": m["label"],
                   "title": m.get("title"), "role": m.get("role"), "method": m.get("method", "spacy"),
                   "confidence": 0.8, "event_role": events.event_role(m, event) if event else None}
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

