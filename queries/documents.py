"""Documents and their pages, with provenance (fetch history) for citing."""
from __future__ import annotations

from typing import Any

from index.store import Store
from queries.filters import QueryError


def document(store: Store, doc_id: str, page: int | None = None, *, pages: bool = True) -> dict[str, Any]:
    """A document (by its id or a prefix), its fetches, and its pages' text (`pages=False`: none)."""
    rows = store.query("SELECT * FROM documents WHERE doc_id = ? OR doc_id LIKE ? ORDER BY doc_id",
                       [doc_id, f"{doc_id}%"])
    if not rows:
        raise QueryError(f"no document {doc_id!r}")
    if len(rows) > 1:
        raise QueryError(f"{doc_id!r} matches {len(rows)} documents: give more of the id")
    doc = rows[0]
    params: list[Any] = [doc["doc_id"]]
    sql = "SELECT page, method, text FROM pages WHERE doc_id = ?"
    if page is not None:
        sql += " AND page = ?"
        params.append(page)
    doc["pages"] = store.query(sql + " ORDER BY page", params) if pages else []
    if pages and page is not None and not doc["pages"]:
        raise QueryError(f"document {doc['doc_id'][:12]} has no page {page}")
    doc["fetches"] = store.query(
        "SELECT url, final_url, source, fetched_at, status, etag, last_modified, content_type, size, error "
        "FROM fetches WHERE sha256 = ? ORDER BY fetched_at", [doc["doc_id"]])
    return doc
