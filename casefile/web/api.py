"""The JSON API: the CLI's queries with the CLI's filters, documented at /openapi.json."""
from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, HTTPException, Query, Request

from casefile.web.deps import HEX, FiltersDep, StoreDep
from queries.browse import profile
from queries.documents import document
from queries.filters import QueryError
from queries.people import people
from queries.search import search
from queries.status import status
from queries.timeline import timeline

router = APIRouter(prefix="/api", tags=["api"])


@router.get("/timeline", summary="The timeline: one entry per event, dated at its precision, with its sources")
def api_timeline(store: StoreDep, f: FiltersDep) -> list[dict[str, Any]]:
    return timeline(store, f)


@router.get("/people", summary="People with every name they appear under and their roles over time")
def api_people(store: StoreDep, name: Annotated[str | None, Query(description="A name or part of one.")] = None,
               limit: Annotated[int | None, Query(ge=1, le=100_000)] = None) -> list[dict[str, Any]]:
    return people(store, name or None, limit)


@router.get("/people/{person_id}", summary="One person: names, roles, events, the people they appear with, documents")
def api_person(store: StoreDep, person_id: str) -> dict[str, Any]:
    person = profile(store, person_id) if HEX.fullmatch(person_id) and len(person_id) <= 64 else None
    if person is None:
        raise HTTPException(404, "no such person")
    return person


@router.get("/search", summary="Hybrid (BM25 + semantic) search; results grouped by document with page snippets")
def api_search(request: Request, store: StoreDep, f: FiltersDep,
               q: Annotated[str, Query(description="The query, as `casefile search` takes it.")],
               mode: Annotated[str, Query(pattern="^(hybrid|bm25|semantic)$")] = "hybrid") -> dict[str, Any]:
    encode = None
    if mode != "bm25":
        encode = request.app.state.encoder.get()
        if encode is None:
            raise QueryError(request.app.state.encoder.error or "semantic search is unavailable: use mode=bm25")
    return search(store, q, f, mode=mode, encode=encode)


@router.get("/documents/{doc_id}", summary="A document's provenance (fetch history, sha256) and its pages")
def api_document(store: StoreDep, doc_id: str,
                 page: Annotated[int | None, Query(ge=1, description="Only this page.")] = None) -> dict[str, Any]:
    if not (HEX.fullmatch(doc_id) and 6 <= len(doc_id) <= 64):
        raise HTTPException(404, "documents are addressed by their sha256 (or its first characters)")
    try:
        return document(store, doc_id, page)
    except QueryError as exc:
        raise HTTPException(404, str(exc)) from None


@router.get("/status", summary="Documents by kind and status, failures with their reasons")
def api_status(store: StoreDep) -> dict[str, Any]:
    return status(store)
