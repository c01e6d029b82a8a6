"""The HTML pages: timeline (with chart and pack builder), search, people, person, document."""
from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, HTTPException, Query, Request
from fastapi.responses import HTMLResponse

from casefile.web import chart
from casefile.web.app import render
from casefile.web.deps import FILTER_KEYS, HEX, StoreDep, filter_params, filters
from index.store import Store
from queries.browse import facets, people_ids_by_name, profile
from queries.documents import document
from queries.page_view import page_count, page_view
from queries.filters import Filters, QueryError
from queries.people import people
from queries.search import MODES, search
from queries.timeline import timeline

router = APIRouter(include_in_schema=False)
SHOWN = 1000          # timeline entries drawn on one page; exports and packs take them all


def _form(request: Request) -> dict[str, str]:
    """The filter values as typed, to fill the form again."""
    return {k: request.query_params.get(k, "") for k in FILTER_KEYS}


def _soft_filters(request: Request) -> tuple[Filters, str | None]:
    """Filters from the address; a bad value becomes a message on the page, not an error page."""
    q = request.query_params
    try:
        return filters(q.get("person"), q.get("issue"), q.get("kind"), q.get("source"), q.get("from"),
                       q.get("to"), planned=q.get("planned", "") not in ("", "0", "false")), None
    except QueryError as exc:
        return Filters(), str(exc)


def _common(store: Store) -> dict[str, Any]:
    return {"facets": facets(store), "person_ids": people_ids_by_name(store)}


@router.get("/", response_class=HTMLResponse)
def timeline_page(request: Request, store: StoreDep) -> HTMLResponse:
    f, error = _soft_filters(request)
    entries: list[dict[str, Any]] = []
    if error is None:
        try:
            entries = timeline(store, f)
        except QueryError as exc:
            error = str(exc)
    params = filter_params(f) if error is None else {}
    labels = request.app.state.labels
    return render(request, "timeline.html", active="timeline", entries=entries[:SHOWN], total=len(entries),
                  shown=min(len(entries), SHOWN), error=error, form=_form(request), params=params,
                  chart=chart.build(entries, list(labels), labels, params), **_common(store))


@router.get("/search", response_class=HTMLResponse)
def search_page(request: Request, store: StoreDep, q: str = "",
                mode: Annotated[str, Query(pattern="^(hybrid|bm25|semantic)$")] = "hybrid") -> HTMLResponse:
    f, error = _soft_filters(request)
    result, notice = None, None
    if q.strip() and error is None:
        encode = None
        if mode != "bm25":
            encode = request.app.state.encoder.get()
            if encode is None:
                mode, notice = "bm25", request.app.state.encoder.error
        try:
            result = search(store, q, f, mode=mode, encode=encode)
        except QueryError as exc:
            error = str(exc)
    return render(request, "search.html", active="search", q=q, mode=mode, modes=MODES, result=result,
                  error=error, notice=notice, form=_form(request), **_common(store))


@router.get("/people", response_class=HTMLResponse)
def people_page(request: Request, store: StoreDep, q: str = "") -> HTMLResponse:
    error = None
    try:
        rows = people(store, q.strip() or None, limit=500)
    except QueryError as exc:
        rows, error = [], str(exc)
    return render(request, "people.html", active="people", rows=rows, q=q, error=error)


@router.get("/person/{person_id}", response_class=HTMLResponse)
def person_page(request: Request, store: StoreDep, person_id: str) -> HTMLResponse:
    if not (HEX.fullmatch(person_id) and len(person_id) <= 64):
        raise HTTPException(404)
    person = profile(store, person_id)
    if person is None:
        raise HTTPException(404, "No such person in this case.")
    labels = request.app.state.labels
    mini = chart.build(person["entries"], list(labels), labels, {"person": person["name"]}, width=720, height=150)
    return render(request, "person.html", active="people", person=person, chart=mini,
                  person_ids=people_ids_by_name(store))


@router.get("/doc/{doc_id}", response_class=HTMLResponse)
def document_page(request: Request, store: StoreDep, doc_id: str,
                  page: Annotated[int | None, Query(ge=1)] = None,
                  start: Annotated[int | None, Query(ge=0)] = None,
                  end: Annotated[int | None, Query(ge=0)] = None,
                  view: Annotated[str | None, Query(pattern="^(page|text)$")] = None) -> HTMLResponse:
    """A PDF or a scan shows one page as its image with the quote boxed on it (`view=text`: every
    page's text, the quote marked); other documents show their text."""
    if not (HEX.fullmatch(doc_id) and 6 <= len(doc_id) <= 64):
        raise HTTPException(404, "Documents are addressed by their sha256 (or its first characters).")
    images = request.app.state.case.page_images
    try:
        doc = document(store, doc_id, pages=False)
        if view != "text" and images.renderable(doc["doc_id"]) and page_count(store, doc["doc_id"]):
            shown = page_view(store, images, doc["doc_id"], page or 1, start, end)
            return render(request, "document_page.html", active=None, doc=doc, view=shown, start=start, end=end)
        doc = document(store, doc_id)
    except QueryError as exc:
        raise HTTPException(404, str(exc)) from None
    pages = []
    for p in doc["pages"]:
        text = p["text"]
        span = None
        if p["page"] == page and start is not None and end is not None and start < end <= len(text):
            span = (start, end)
        pieces = [(text[:span[0]], False), (text[span[0]:span[1]], True), (text[span[1]:], False)] if span \
            else [(text, False)]
        pages.append({**p, "pieces": pieces, "target": p["page"] == page})
    return render(request, "document.html", active=None, doc=doc, pages=pages, page=page,
                  images=bool(doc["pages"]) and images.renderable(doc["doc_id"]), start=start, end=end)
