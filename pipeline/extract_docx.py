"""Word (DOCX) through python-docx: paragraphs and tables in document order, tracked insertions
kept and deletions dropped (what the reader sees), hard page breaks as pages, section headers
and footers kept for display but skipped for NLP.
"""
from __future__ import annotations

import io
import zipfile
from typing import Any

from pipeline.extract import Extracted, ExtractError, Page
from pipeline.extract_lines import Line, compose, paginate
from pipeline.extract_zip import check_archive

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_HIDDEN = {f"{_W}del", f"{_W}moveFrom",
           "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"}  # Fallback repeats Choice


def extract_docx(raw: bytes) -> Extracted:
    import docx
    from lxml.etree import XMLSyntaxError

    try:
        with zipfile.ZipFile(io.BytesIO(raw)) as zf:
            check_archive(zf, "DOCX")   # a DOCX is a ZIP: same bomb limits before python-docx inflates it
        document = docx.Document(io.BytesIO(raw))
    except ExtractError:
        raise
    except (zipfile.BadZipFile, KeyError, ValueError, XMLSyntaxError) as exc:
        raise ExtractError(f"broken DOCX: {str(exc).splitlines()[0] if str(exc) else type(exc).__name__}") from None
    except Exception as exc:   # python-docx's PackageNotFoundError and friends
        raise ExtractError(f"broken DOCX: {type(exc).__name__}: {str(exc).splitlines()[0] if str(exc) else ''}") from None
    pages: list[list[Line]] = [[]]
    _body(document.element.body, pages)
    heads, feet = _running(document)
    chunks = [chunk for page in pages for chunk in paginate(page)] or [[]]
    chunks[0][:0] = heads
    chunks[-1].extend(feet)
    result = []
    for number, lines in enumerate(chunks, start=1):
        skip = {i for i, ln in enumerate(lines) if ln.fixed}
        text, spans = compose(lines, skip)
        result.append(Page(number, text, "docx", skip=spans))
    meta, title = _properties(document)
    return Extracted(pages=result, format="docx", title=title, meta=meta)


def _body(element: Any, pages: list[list[Line]]) -> None:
    for child in element.iterchildren():
        tag = child.tag
        if tag == f"{_W}p":
            _paragraph(child, pages)
        elif tag == f"{_W}tbl":
            for line in _table(child):
                pages[-1].append(line)
        elif tag == f"{_W}sdt":   # content controls wrap ordinary paragraphs and tables
            for content in child.iterchildren(f"{_W}sdtContent"):
                _body(content, pages)


def _paragraph(p: Any, pages: list[list[Line]]) -> None:
    if p.find(f"{_W}pPr/{_W}pageBreakBefore") is not None and pages[-1]:
        pages.append([])
    parts: list[str] = []

    def emit() -> None:
        text = "".join(parts)
        for k, piece in enumerate(text.split("\n")):
            if piece.strip():
                pages[-1].append(Line(piece, para=k == 0))
        parts.clear()

    for el in p.iter(f"{_W}t", f"{_W}tab", f"{_W}br", f"{_W}cr", f"{_W}noBreakHyphen"):
        if _deleted(el):
            continue
        if el.tag == f"{_W}t":
            parts.append(el.text or "")
        elif el.tag == f"{_W}tab":
            parts.append("\t")
        elif el.tag == f"{_W}noBreakHyphen":
            parts.append("-")
        elif el.get(f"{_W}type") == "page":
            emit()
            pages.append([])
        else:
            parts.append("\n")
    emit()


def _deleted(el: Any) -> bool:
    """Inside a tracked deletion, a moved-from range or a compatibility fallback: not what the reader sees."""
    parent = el.getparent()
    while parent is not None:
        if parent.tag in _HIDDEN:
            return True
        parent = parent.getparent()
    return False


def _table(tbl: Any) -> list[Line]:
    """Rows as `cell | cell`; a merged cell is written once."""
    lines = []
    for k, tr in enumerate(tbl.iterchildren(f"{_W}tr")):
        cells = []
        for tc in tr.iterchildren(f"{_W}tc"):
            merge = tc.find(f"{_W}tcPr/{_W}vMerge")
            continued = merge is not None and merge.get(f"{_W}val") in (None, "continue")
            text = " ".join("".join(t.text or "" for t in para.iter(f"{_W}t") if not _deleted(t)).strip()
                            for para in tc.iter(f"{_W}p"))
            cells.append("" if continued else " ".join(text.split()))
        if any(cells):
            lines.append(Line(" | ".join(cells), para=k == 0, table=True))
    return lines


def _running(document: Any) -> tuple[list[Line], list[Line]]:
    """Distinct header and footer lines of all sections, marked fixed (= skipped for NLP)."""
    heads: list[Line] = []
    feet: list[Line] = []
    seen: set[str] = set()
    for section in document.sections:
        for part, out in ((section.header, heads), (section.footer, feet)):
            try:
                paragraphs = [] if part.is_linked_to_previous else part.paragraphs
            except Exception:   # a missing or broken header part must not lose the body
                continue
            for para in paragraphs:
                text = " ".join(para.text.split())
                if text and text not in seen:
                    seen.add(text)
                    out.append(Line(text, para=not out and out is feet, fixed=True))
    return heads, feet


def _properties(document: Any) -> tuple[dict[str, Any], str | None]:
    props = document.core_properties
    meta: dict[str, Any] = {}
    for key in ("author", "last_modified_by", "subject", "keywords"):
        value = getattr(props, key, None)
        if value:
            meta[key] = value
    for key, name in (("created", "created"), ("modified", "modified")):
        value = getattr(props, key, None)
        if value is not None:
            meta[name] = value.date().isoformat()
    return meta, (props.title or None)
