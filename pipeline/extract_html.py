"""HTML: article body and metadata through trafilatura; other pages as readable text."""
from __future__ import annotations

from pipeline.extract import Extracted, ExtractError, Page


def extract_html(raw: bytes) -> Extracted:
    import trafilatura

    html = _decode(raw)
    doc = trafilatura.bare_extraction(html, with_metadata=True, include_comments=False,
                                      include_tables=True, favor_precision=True)
    if doc is None or not (doc.text or "").strip():
        raise ExtractError("no readable text in HTML")
    meta = {k: getattr(doc, k, None) for k in ("author", "date", "sitename", "description")}
    return Extracted(pages=[Page(1, doc.text, "html")], format="html", title=doc.title,
                     meta={k: v for k, v in meta.items() if v})


def _decode(raw: bytes) -> str:
    from trafilatura.utils import decode_file

    return decode_file(raw)
