"""A document page as its image: which pages a document has, and where a quote (a character span
of `pages.text`) sits on the page, from the page's word boxes (pipeline/word_boxes.py)."""
from __future__ import annotations

from typing import Any

from index.page_cache import PageImages
from index.store import Store
from pipeline import word_boxes
from pipeline.page_render import RenderError
from queries.filters import QueryError


def page_count(store: Store, doc_id: str) -> int:
    return int(store.scalar("SELECT count(*) FROM pages WHERE doc_id = ?", [doc_id]) or 0)


def page_boxes(store: Store, doc_id: str, page: int) -> list[word_boxes.Box]:
    """The stored word boxes of one page ([] when extraction recorded none)."""
    return word_boxes.decode(store.scalar("SELECT boxes FROM pages WHERE doc_id = ? AND page = ?", [doc_id, page]))


def quote_rects(store: Store, doc_id: str, page: int, start: int, end: int) -> list[word_boxes.Rect]:
    """Rectangles (page fractions) covering pages.text[start:end] of the page."""
    return word_boxes.rects(page_boxes(store, doc_id, page), start, end)


def page_view(store: Store, images: PageImages, doc_id: str, page: int,
              start: int | None = None, end: int | None = None) -> dict[str, Any]:
    """What the document view needs to show one page as an image with a quote highlighted:
    the page's pixel size, how many pages there are, and the quote's rectangles in pixels."""
    rows = store.query("SELECT page, method, label, length(text) AS chars, boxes IS NOT NULL AS boxed "
                       "FROM pages WHERE doc_id = ? AND page = ?", [doc_id, page])
    count = page_count(store, doc_id)
    if not rows:
        raise QueryError(f"document {doc_id[:12]} has no page {page} (it has {count})")
    row = rows[0]
    try:
        width, height = images.size(doc_id, page)
    except RenderError as exc:
        raise QueryError(f"page {page} of {doc_id[:12]} cannot be drawn: {exc}") from None
    quote = start is not None and end is not None and 0 <= start < end <= row["chars"]
    rects = [(x0 * width, top * height, (x1 - x0) * width, (bottom - top) * height)
             for x0, top, x1, bottom in (quote_rects(store, doc_id, page, start, end) if quote else [])]
    return {"page": page, "pages": count, "method": row["method"], "label": row["label"],
            "width": width, "height": height, "boxed": bool(row["boxed"]), "quote": quote,
            "rects": [tuple(round(v, 1) for v in r) for r in rects]}
