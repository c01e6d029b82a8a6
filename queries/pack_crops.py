"""Page crops for evidence packs: each quote from a PDF or a scan, shown as the band of its page
around it with the quote highlighted, stored in the pack as `crops/…png` (and so listed in
manifest.json and checked by `casefile verify` like every other file)."""
from __future__ import annotations

from typing import Any

from index.page_cache import PageImages
from index.store import Store
from pipeline.page_render import RenderError, highlighted_crop
from pipeline.word_boxes import rects as span_rects
from queries.page_view import page_boxes


def crop_name(quote: dict[str, Any]) -> str:
    return f"crops/{quote['doc_id'][:12]}-p{quote['page']}-{quote['char_start']}-{quote['char_end']}.png"


def add_crops(store: Store, images: PageImages, entries: list[dict[str, Any]]) -> dict[str, bytes]:
    """Set `crop` (its path in the pack, or None) on every quote; returns the crops by path.
    A quote gets none when its document has no page images (HTML, e-mail, DOCX) or its page no
    word boxes (a PDF pdfium had to repair)."""
    crops: dict[str, bytes] = {}
    drawable: dict[str, bool] = {}
    for entry in entries:
        for quote in entry["quotes"]:
            quote["crop"] = None
            doc_id = quote["doc_id"]
            if doc_id not in drawable:
                drawable[doc_id] = images.renderable(doc_id)
            if not drawable[doc_id]:
                continue
            name = crop_name(quote)
            if name not in crops:
                boxes = page_boxes(store, doc_id, quote["page"])
                rects = span_rects(boxes, quote["char_start"], quote["char_end"])
                if not rects:
                    continue
                try:
                    crops[name] = highlighted_crop(images.get(doc_id, quote["page"]), rects,
                                                   [tuple(b[2:]) for b in boxes])
                except RenderError:
                    continue
            quote["crop"] = name
    return crops
