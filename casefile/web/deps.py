"""What every route shares: a read-only store per request, the CLI's filters, the embedding model
(loaded once, on the first semantic search), and small helpers the templates call."""
from __future__ import annotations

import re
import threading
from collections.abc import Callable, Iterator
from datetime import datetime, timezone
from typing import Annotated, Any
from urllib.parse import urlencode, urlsplit

from fastapi import Depends, Query, Request

from index.kinds import KIND_HELP
from index.store import Store, StoreError
from queries.filters import Filters, parse_date


class CaseBusy(Exception):
    """Another process (crawl, process) holds the case's write lock; DuckDB allows one writer."""


def open_store(request: Request) -> Iterator[Store]:
    """A short-lived read-only connection, closed after the request so a writer can run in between.
    It waits `web_read_wait` seconds for a writer's batch, then the page answers 503 with Retry-After."""
    try:
        store = request.app.state.case.store(read_only=True, wait=request.app.state.read_wait)
    except StoreError as exc:
        if "lock" in str(exc).lower():
            raise CaseBusy(str(exc)) from None
        raise
    try:
        yield store
    finally:
        store.close()


StoreDep = Annotated[Store, Depends(open_store)]


def _blank(value: str | None) -> str | None:
    return value.strip() or None if value else None


def filters(
    person: Annotated[str | None, Query(description="Only events/hits involving this person (any of their names).")] = None,
    issue: Annotated[str | None, Query(description="Only this issue (e.g. staff_turnover).")] = None,
    kind: Annotated[str | None, Query(description=KIND_HELP)] = None,
    source: Annotated[str | None, Query(description="Only documents from this source (its name in case.toml).")] = None,
    date_from: Annotated[str | None, Query(alias="from", description="From this date: YYYY, YYYY-MM or YYYY-MM-DD.")] = None,
    date_to: Annotated[str | None, Query(alias="to", description="Up to this date (inclusive).")] = None,
    limit: Annotated[int | None, Query(ge=1, le=100_000, description="At most this many entries.")] = None,
    planned: Annotated[bool, Query(description="Include statements of intent and predictions.")] = False,
) -> Filters:
    """The same filters as the CLI's --person --issue --kind --source --from --to --limit."""
    f = Filters(person=_blank(person), issue=_blank(issue), kind=_blank(kind), source=_blank(source),
                date_from=parse_date(_blank(date_from)), date_to=parse_date(_blank(date_to), end=True), limit=limit)
    if planned:
        f.planned = True
    return f


FiltersDep = Annotated[Filters, Depends(filters)]
FILTER_KEYS = ("person", "issue", "kind", "source", "from", "to", "planned")


def filter_params(f: Filters) -> dict[str, str]:
    """Filters back to query parameters (the names the forms and the API use)."""
    d = f.as_dict()
    out = {k: str(d[k]) for k in ("person", "issue", "kind", "source") if d.get(k)}
    if f.date_from:
        out["from"] = f.date_from.isoformat()
    if f.date_to:
        out["to"] = f.date_to.isoformat()
    if getattr(f, "planned", False):
        out["planned"] = "1"
    return out


class Encoder:
    """The embedding model, loaded once on first use; None when it cannot load (search falls back to BM25)."""

    def __init__(self, settings: Any) -> None:
        self.settings = settings
        self._lock = threading.Lock()
        self._encode: Callable[[list[str]], list[list[float]]] | None = None
        self.error: str | None = None

    def get(self) -> Callable[[list[str]], list[list[float]]] | None:
        with self._lock:
            if self._encode is None and self.error is None:
                try:
                    from pipeline.embed import Embedder

                    self._encode = Embedder.from_settings(self.settings).encode
                except Exception as exc:   # no model installed: say so, keep BM25 working
                    self.error = f"semantic search is unavailable ({exc}); showing keyword (BM25) results"
            return self._encode


# -- helpers the templates call ---------------------------------------------------------------

HEX = re.compile(r"[0-9a-f]+")


def doc_href(doc_id: str, page: int | None = None, start: int | None = None, end: int | None = None,
             view: str | None = None) -> str:
    params: dict[str, Any] = {}
    if page is not None:
        params["page"] = page
    if start is not None and end is not None:
        params.update(start=start, end=end)
    if view:
        params["view"] = view
    return f"/doc/{doc_id}" + (f"?{urlencode(params)}" if params else "") + (f"#page-{page}" if page else "")


def safe_url(url: str | None) -> str | None:
    """Only web addresses become links: a `javascript:` or `data:` URL stored in a document stays text."""
    if not url:
        return None
    return url if urlsplit(url.strip()).scheme.lower() in ("http", "https") else None


def marked(text: str, marks: list[tuple[int, int]] | list[list[int]]) -> list[tuple[str, bool]]:
    """Text cut into (piece, is_marked) so templates can wrap marks without building HTML strings."""
    out, pos = [], 0
    for a, b in sorted((int(a), int(b)) for a, b in marks):
        a, b = max(a, pos), min(b, len(text))
        if a >= b:
            continue
        if a > pos:
            out.append((text[pos:a], False))
        out.append((text[a:b], True))
        pos = b
    if pos < len(text):
        out.append((text[pos:], False))
    return out


def utc(value: datetime | None, fmt: str = "%Y-%m-%d %H:%M UTC") -> str:
    if value is None:
        return "unknown"
    if value.tzinfo is None:
        value = value.replace(tzinfo=timezone.utc)
    return value.astimezone(timezone.utc).strftime(fmt)


def with_params(base: dict[str, str], **changes: Any) -> str:
    """A query string from the current filters with some changed (None removes a key)."""
    params = {**base}
    for k, v in changes.items():
        key = {"date_from": "from", "date_to": "to"}.get(k, k)
        if v is None or v == "":
            params.pop(key, None)
        else:
            params[key] = str(v)
    return urlencode(params)
