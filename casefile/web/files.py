"""Downloads: original files and page images (by the sha256 of a document in the case, nothing else),
timeline exports, and evidence packs."""
from __future__ import annotations

import json
import os
import tempfile
from contextlib import contextmanager
from datetime import datetime, timezone
from typing import Annotated
from urllib.parse import unquote, urlsplit

from fastapi import APIRouter, Form, HTTPException, Path, Query, Request
from fastapi.responses import FileResponse, Response
from starlette.background import BackgroundTask

from casefile.formatting import date_label
from casefile.web.deps import FiltersDep, StoreDep, open_store
from index.store import Store
from pipeline.page_render import RenderError, media_type
from queries import exports
from queries.browse import original
from queries.filters import Filters, QueryError
from queries.packs import build_pack, safe_name
from queries.timeline import timeline

router = APIRouter(tags=["downloads"])


def _attachment(name: str) -> dict[str, str]:
    return {"Content-Disposition": f'attachment; filename="{name}"'}


@router.get("/original/{sha256}", summary="The original bytes of a document, by its sha256")
def original_file(request: Request, store: StoreDep, sha256: str) -> FileResponse:
    info = original(store, sha256)          # None unless sha256 is exactly a document of this case
    if info is None:
        raise HTTPException(404, "No document of this case has that sha256.")
    path = request.app.state.case.archive.path(info["doc_id"])
    if not path.is_file():
        raise HTTPException(404, "The archive does not hold this document's file.")
    name = safe_name(info["filename"] or unquote(urlsplit(info["url"] or "").path)) or info["doc_id"][:12]
    # Always a download, never rendered here: an archived HTML page must not run in this origin.
    return FileResponse(path, media_type="application/octet-stream", filename=name,
                        headers={"Content-Security-Policy": "sandbox"})


@router.get("/page-image/{sha256}/{page}", summary="A page of a PDF or a scan as an image (PNG, or JPEG for a scan)",
            response_class=Response, responses={200: {"content": {"image/png": {}, "image/jpeg": {}}}})
def page_image(request: Request, sha256: str, page: Annotated[int, Path(ge=1, le=100_000)]) -> Response:
    """Drawn from the archived original the first time it is asked for (after checking that it is a
    document of this case), then served from the case's derived/ folder without opening the index."""
    images = request.app.state.case.page_images
    try:
        data = images.cached(sha256, page)
    except ValueError:   # not a sha256
        raise HTTPException(404, "No document of this case has that sha256.") from None
    if data is None:
        with contextmanager(open_store)(request) as store:
            if original(store, sha256) is None:   # only the documents of this case, by their full sha256
                raise HTTPException(404, "No document of this case has that sha256.")
        try:
            data = images.get(sha256, page)
        except RenderError as exc:
            raise HTTPException(404, f"This page cannot be drawn: {exc}") from None
    return Response(data, media_type=media_type(data), headers={"Cache-Control": "private, max-age=86400"})


@router.get("/export/timeline.csv", summary="The timeline as CSV, one row per entry")
def export_csv(store: StoreDep, f: FiltersDep) -> Response:
    return Response(exports.timeline_csv(timeline(store, f), date_label), media_type="text/csv; charset=utf-8",
                    headers=_attachment("timeline.csv"))


@router.get("/export/timeline.json", summary="The timeline as JSON (as /api/timeline)")
def export_json(store: StoreDep, f: FiltersDep) -> Response:
    return Response(exports.timeline_json(timeline(store, f)), media_type="application/json",
                    headers=_attachment("timeline.json"))


@router.get("/export/timelinejs.json", summary="The timeline in TimelineJS's JSON format, each event with its citation")
def export_timelinejs(request: Request, store: StoreDep, f: FiltersDep) -> Response:
    data = exports.timelinejs(timeline(store, f), date_label, title=request.app.state.case.name,
                              issue_labels=request.app.state.labels)
    return Response(json.dumps(data, indent=2, ensure_ascii=False), media_type="application/json",
                    headers=_attachment("timelinejs.json"))


def _pack_response(request: Request, store: Store, f: Filters, events: list[str]) -> FileResponse:
    from pipeline.run import STAGE_VERSIONS

    case = request.app.state.case
    created = datetime.now(timezone.utc).replace(microsecond=0)
    fd, path = tempfile.mkstemp(prefix="casefile-pack-", suffix=".zip")
    try:
        with os.fdopen(fd, "wb") as out:
            build_pack(store, case.archive, out, f, events, case_name=case.name, label=date_label,
                       created=created, stage_versions=STAGE_VERSIONS, issue_labels=request.app.state.labels,
                       images=case.page_images)
    except BaseException:
        os.unlink(path)
        raise
    return FileResponse(path, media_type="application/zip", filename=f"evidence-pack-{created:%Y%m%d-%H%M%S}.zip",
                        background=BackgroundTask(os.unlink, path))


@router.get("/export/pack.zip", summary="An evidence pack of the entries matching the filters (or the events named)")
def export_pack(request: Request, store: StoreDep, f: FiltersDep,
                event: Annotated[list[str], Query(description="Event or cluster ids (prefixes work).")] = []) -> FileResponse:
    return _pack_response(request, store, f, event)


@router.post("/pack", include_in_schema=False)
def pack_form(request: Request, store: StoreDep, f: FiltersDep, scope: Annotated[str, Form()] = "selected",
              event: Annotated[list[str], Form()] = []) -> FileResponse:
    """The pack builder's form: the ticked entries, or every entry matching the filters."""
    if scope == "selected" and not event:
        raise QueryError("tick at least one entry, or choose the pack of everything matching the filter")
    return _pack_response(request, store, f, [] if scope == "all" else event)
