"""The web app: server-rendered pages, a JSON API under /api/ (OpenAPI at /openapi.json), downloads.

Every route opens the case read-only for the length of one request. Errors answer a plain page
(or JSON under /api/), never a stack trace.
"""
from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates
from starlette.exceptions import HTTPException

from casefile import __version__
from casefile.case import Case
from casefile.formatting import date_label
from casefile.web import chart, deps
from casefile.web.security import Guard
from index.store import StoreError
from queries.browse import issue_labels, role_spans
from queries.filters import QueryError

HERE = Path(__file__).parent
log = logging.getLogger("casefile.web")


def templates() -> Jinja2Templates:
    t = Jinja2Templates(directory=str(HERE / "templates"))   # autoescape is on for .html
    t.env.globals.update(date_label=date_label, doc_href=deps.doc_href, safe_url=deps.safe_url,
                         marked=deps.marked, with_params=deps.with_params, utc=deps.utc, role_spans=role_spans,
                         version=__version__)
    return t


def render(request: Request, name: str, status: int = 200, **context: Any) -> HTMLResponse:
    state = request.app.state
    ctx = {"case_name": state.case.name, "labels": state.labels, "order": list(state.labels),
           "issue_class": lambda k: chart.issue_class(k, list(state.labels)), **context}
    return state.templates.TemplateResponse(request, name, ctx, status_code=status)


def _is_api(request: Request) -> bool:
    return request.url.path.startswith("/api/")


def error_response(request: Request, status: int, message: str, title: str | None = None,
                   headers: dict[str, str] | None = None) -> Response:
    if _is_api(request):
        return JSONResponse({"error": message}, status_code=status, headers=headers)
    try:
        response = render(request, "error.html", status=status, title=title or "Error", message=message)
    except Exception:   # the error page itself must not fail
        response = HTMLResponse(f"<h1>{status}</h1>", status_code=status)
    if headers:
        response.headers.update(headers)
    return response


def create_app(case: Case, token: str | None = None) -> FastAPI:
    from casefile.web import api, feeds, files, pages

    app = FastAPI(title=f"casefile — {case.name}", version=__version__, docs_url=None, redoc_url=None,
                  openapi_url="/openapi.json",
                  description="Read-only access to a casefile case: the timeline, people, search and documents, "
                              "with the same filters as the command line.")
    app.state.case = case
    app.state.labels = issue_labels(case.config.get("issues"))
    app.state.encoder = deps.Encoder(case.settings)
    app.state.read_wait = case.settings.web_read_wait
    app.state.templates = templates()
    app.include_router(pages.router)
    app.include_router(files.router)
    app.include_router(feeds.router)
    app.include_router(api.router)
    app.mount("/static", StaticFiles(directory=str(HERE / "static")), name="static")
    _handlers(app)
    app.add_middleware(Guard, token=token)
    return app


def _handlers(app: FastAPI) -> None:
    @app.exception_handler(deps.CaseBusy)
    async def busy(request: Request, exc: deps.CaseBusy) -> Response:
        return error_response(request, 503, "The case is being updated by another casefile command "
                              "(crawl or process). Retry in a moment.", "Case is being updated",
                              {"Retry-After": "5"})

    @app.exception_handler(QueryError)
    async def query_error(request: Request, exc: QueryError) -> Response:
        return error_response(request, 400, str(exc), "Cannot answer that")

    @app.exception_handler(StoreError)
    async def store_error(request: Request, exc: StoreError) -> Response:
        return error_response(request, 503, str(exc), "Case not readable")

    @app.exception_handler(RequestValidationError)
    async def invalid(request: Request, exc: RequestValidationError) -> Response:
        problems = "; ".join(f"{'.'.join(str(p) for p in e.get('loc', ())[1:])}: {e.get('msg')}"
                             for e in exc.errors())
        return error_response(request, 400, f"invalid request: {problems}", "Invalid request")

    @app.exception_handler(HTTPException)
    async def http_error(request: Request, exc: HTTPException) -> Response:
        generic = {404: "There is nothing at this address.", 405: "This address does not accept that method."}
        message = exc.detail if isinstance(exc.detail, str) and exc.detail not in ("Not Found", "Method Not Allowed") \
            else generic.get(exc.status_code, "The request could not be answered.")
        return error_response(request, exc.status_code, message, "Not found" if exc.status_code == 404 else "Error",
                              getattr(exc, "headers", None))

    @app.exception_handler(Exception)
    async def crash(request: Request, exc: Exception) -> Response:
        log.error("error answering %s", request.url.path, exc_info=exc)
        return error_response(request, 500, "Something went wrong on the server; the details are in its log.",
                              "Server error")
