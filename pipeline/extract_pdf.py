"""PDF pages through pdfplumber, page by page with bounded memory; pages without a usable text
layer (scans, garbage glyphs) go to OCR (Tesseract via a pypdfium2 render).
"""
from __future__ import annotations

import io
import itertools
import re
from typing import Any

from pipeline.extract import Extracted, ExtractError, Page
from pipeline.extract_forms import form_lines
from pipeline.extract_layout import page_lines
from pipeline.extract_lines import Line, compose_boxes, lines_from_text, running_lines, vocabulary
from pipeline.extract_ocr import INSTALL_HINT, OCR_DPI, ocr_image, render_pdf_page, tesseract_available
from pipeline.word_boxes import encode

MIN_TEXT_CHARS = 25      # fewer characters than this over an image means a scan
SCAN_TEXT_CHARS = 100    # ...or fewer than this over an image covering half the page (a stamped scan)
GARBAGE_SHARE = 0.3      # this share of unreadable glyphs makes the text layer useless
_GARBAGE = re.compile(r"\(cid:\d+\)|[\ufffd\ue000-\uf8ff\x00-\x08\x0b\x0e-\x1f]")


def extract_pdf(raw: bytes, *, ocr_dpi: int = OCR_DPI, fast: bool = True) -> Extracted:
    """`fast`: plain text pages are read by pdfium (`extract_fastpath`), the others by pdfplumber."""
    import pdfplumber

    read: list[tuple[list[Line], list[Line], str, float | None]] = []   # body, form lines, method, confidence
    problems: list[str] = []
    scans: list[int] = []
    pdfium_doc: Any = None
    try:
        with pdfplumber.open(io.BytesIO(raw), raise_unicode_errors=False) as pdf:
            meta = _metadata(pdf.metadata or {})
            pages = pdf.pages   # raises for truncated/encrypted files
            if not pages:
                raise ExtractError("PDF has no pages")
            labels = _labels(pdf, len(pages))
            if fast:
                pdfium_doc = _pdfium(raw)
            for number, page in enumerate(pages, start=1):
                try:
                    body = _fast_page(pdfium_doc, number - 1) if fast else None
                    if body is not None:
                        method, forms = "text", []   # the fast path takes no page with form fields
                    else:
                        body, method = _read_page(page)
                        try:
                            forms = form_lines(page)
                        except Exception as exc:   # a malformed annotation loses its fields, not the page
                            problems.append(f"page {number}: form fields and notes unreadable ({_reason(exc)}); "
                                            "its text is kept")
                            forms = []
                except Exception as exc:  # one bad page must not lose the others
                    problems.append(f"page {number}: {_reason(exc)}")
                    read.append(([], [], "failed", None))
                    continue
                finally:
                    page.close()   # drop pdfplumber's per-page caches: flat memory on long documents
                confidence = None
                if method == "scan":
                    if tesseract_available():
                        if pdfium_doc is None:
                            import pypdfium2 as pdfium

                            pdfium_doc = pdfium.PdfDocument(raw)
                        try:
                            body, confidence = ocr_image(render_pdf_page(pdfium_doc, number - 1, ocr_dpi))
                            method = "ocr"
                        except Exception as exc:   # a page pdfium can't render or Tesseract can't read
                            problems.append(f"page {number}: OCR failed ({type(exc).__name__}: "
                                            f"{(str(exc).splitlines() or [''])[0][:120]})")
                            body, method = [], "failed"
                    else:
                        method = "needs_ocr"
                        scans.append(number)
                read.append((body, forms, method, confidence))
    except ExtractError:
        raise
    except Exception as exc:   # pdfminer raises many types on malformed files
        reason = _reason(exc)
        if reason.startswith("encrypted"):
            raise ExtractError(reason) from None
        return _repaired(raw, reason, ocr_dpi)   # pdfium rebuilds a lost xref (a download cut short)
    finally:
        if pdfium_doc is not None:
            pdfium_doc.close()
    if read and all(method == "failed" for _, _, method, _ in read):
        raise ExtractError(f"broken PDF: no page could be read ({problems[0]})")
    if scans:
        problems.append(f"{len(scans)} scanned page(s) need OCR (pages {_ranges(scans)}): {INSTALL_HINT}")
    skips = running_lines([body for body, _, _, _ in read])
    vocab = vocabulary([ln for body, _, _, _ in read for ln in body])
    result = []
    for number, ((body, forms, method, confidence), skip) in enumerate(zip(read, skips), start=1):
        text, spans, boxes = compose_boxes(body + forms, skip, vocab)
        result.append(Page(number, text, method, skip=spans, ocr_confidence=confidence,
                           label=labels[number - 1] if number <= len(labels) else None, boxes=encode(boxes)))
    title = meta.pop("title", None)
    return Extracted(pages=result, format="pdf", title=title, meta=meta, problems=problems)


def _pdfium(raw: bytes) -> Any:
    """pdfium's view of the file for the fast path, or None when pdfium can't open it."""
    import pypdfium2 as pdfium

    try:
        return pdfium.PdfDocument(raw)
    except Exception:   # pdfplumber's path reads (or reports) the file on its own
        return None


def _fast_page(pdfium_doc: Any, index: int) -> list[Line] | None:
    """The page's lines through pdfium when it is a plain text page, else None (pdfplumber reads it)."""
    from pipeline.extract_fastpath import fast_page_lines

    if pdfium_doc is None or index >= len(pdfium_doc):
        return None
    page = pdfium_doc[index]
    try:
        return fast_page_lines(page)
    except Exception:   # anything odd in pdfium: the extractor of record decides
        return None
    finally:
        page.close()


def _repaired(raw: bytes, reason: str, ocr_dpi: int) -> Extracted:
    """Pages of a PDF pdfminer can't parse, through pdfium's repair (no layout analysis), or the error."""
    import pypdfium2 as pdfium

    try:
        pdf = pdfium.PdfDocument(raw)
    except Exception:
        raise ExtractError(reason) from None
    read: list[tuple[list[Line], str, float | None]] = []
    try:
        if len(pdf) == 0:
            raise ExtractError(reason)
        for index in range(len(pdf)):
            page = pdf[index]
            textpage = page.get_textpage()
            text = textpage.get_text_range().replace("\r\n", "\n").replace("\r", "\n")
            textpage.close()
            page.close()
            lines, method, confidence = lines_from_text(text), "text", None
            if len(text.strip()) < MIN_TEXT_CHARS or garbage_share(text) > GARBAGE_SHARE:
                if tesseract_available():
                    lines, confidence = ocr_image(render_pdf_page(pdf, index, ocr_dpi))
                    method = "ocr"
                else:
                    lines, method = [], "needs_ocr"
            read.append((lines, method, confidence))
    except ExtractError:
        raise
    except Exception:   # pdfium gave up half-way: the original reason stands
        raise ExtractError(reason) from None
    finally:
        pdf.close()
    skips = running_lines([lines for lines, _, _ in read])
    pages = []
    for number, ((lines, method, confidence), skip) in enumerate(zip(read, skips), start=1):
        text, spans, boxes = compose_boxes(lines, skip)   # OCR'd pages have boxes; pdfium's text has none
        pages.append(Page(number, text, method, skip=spans, ocr_confidence=confidence, boxes=encode(boxes)))
    problem = f"{reason}; {len(pages)} page(s) recovered by repair, without layout analysis"
    return Extracted(pages=pages, format="pdf", problems=[problem])


def _read_page(page: Any) -> tuple[list[Line], str]:
    """The page's lines and method: "text", or "scan" when its text layer is missing or garbage."""
    lines = page_lines(page)
    chars = sum(len(ln.text.replace(" ", "")) for ln in lines)
    if chars and garbage_share(" ".join(ln.text for ln in lines)) > GARBAGE_SHARE:
        return [], "scan"
    if chars < SCAN_TEXT_CHARS and page.images:
        area = page.width * page.height or 1.0
        covered = sum(max(0.0, (min(i["x1"], page.width) - max(i["x0"], 0)))
                      * max(0.0, (min(i["bottom"], page.height) - max(i["top"], 0))) for i in page.images) / area
        if (chars < MIN_TEXT_CHARS and covered > 0.1) or covered > 0.5:
            return lines, "scan"
    return lines, "text"


def garbage_share(text: str) -> float:
    """Share of non-space characters that are unmapped glyph codes, controls or private-use glyphs."""
    solid = len(text.replace(" ", "").replace("\n", ""))
    if not solid:
        return 0.0
    return sum(len(m.group(0)) for m in _GARBAGE.finditer(text)) / solid


def _labels(pdf: Any, count: int) -> list[str]:
    """Printed page labels (/PageLabels: "i", "ii", "1"...), or [] when the PDF defines none."""
    try:
        labels = list(itertools.islice(pdf.doc.get_page_labels(), count))   # the generator is unbounded
    except Exception:   # no /PageLabels tree (the usual case) or a malformed one
        return []
    # a label equal to the page number says nothing new
    return [] if labels == [str(n) for n in range(1, count + 1)] else labels


def _metadata(info: dict[str, Any]) -> dict[str, Any]:
    """Document info as plain strings: title, author, created/modified as ISO dates."""
    out: dict[str, Any] = {}
    for key, name in (("Title", "title"), ("Author", "author"), ("Subject", "subject"),
                      ("Creator", "creator"), ("Producer", "producer")):
        value = info.get(key)
        if isinstance(value, bytes):
            value = value.decode("latin-1", errors="replace")
        if isinstance(value, str) and value.strip():
            out[name] = value.strip()
    for key, name in (("CreationDate", "created"), ("ModDate", "modified")):
        value = info.get(key)
        match = re.match(r"D:(\d{4})(\d{2})?(\d{2})?", value if isinstance(value, str) else "")
        if match and match.group(3):
            out[name] = f"{match.group(1)}-{match.group(2)}-{match.group(3)}"
    return out


def _ranges(numbers: list[int]) -> str:
    parts: list[str] = []
    start = prev = numbers[0]
    for n in numbers[1:] + [None]:   # type: ignore[list-item]
        if n is not None and n == prev + 1:
            prev = n
            continue
        parts.append(str(start) if start == prev else f"{start}-{prev}")
        if n is not None:
            start = prev = n
    return ", ".join(parts)


def _reason(exc: BaseException) -> str:
    """pdfplumber wraps pdfminer's errors; name the cause in words a user can act on."""
    from pdfminer.pdfdocument import PDFEncryptionError, PDFPasswordIncorrect

    cause = exc.args[0] if exc.args and isinstance(exc.args[0], BaseException) else exc
    if isinstance(cause, (PDFPasswordIncorrect, PDFEncryptionError)):
        return "encrypted PDF (needs a password)"
    detail = (str(cause).splitlines() or [""])[0].strip() or type(cause).__name__
    if "EOF" in detail or "/Root" in detail or "xref" in detail.lower():
        return f"broken PDF: truncated or damaged ({detail[:160]})"
    return f"broken PDF: {detail[:200]}"
