"""PDF pages through pdfplumber; pages without a usable text layer go to OCR (Tesseract)."""
from __future__ import annotations

import io
import os
import shutil

from pipeline.extract import Extracted, ExtractError, Page

MIN_TEXT_CHARS = 25      # fewer characters than this on a page with an image means a scan
OCR_DPI = 300


def extract_pdf(raw: bytes) -> Extracted:
    import pdfplumber
    from pdfplumber.utils.exceptions import PdfminerException

    pages: list[Page] = []
    try:
        with pdfplumber.open(io.BytesIO(raw)) as pdf:
            title = (pdf.metadata or {}).get("Title")
            for number, page in enumerate(pdf.pages, start=1):
                text = page.extract_text() or ""
                if len(text.strip()) < MIN_TEXT_CHARS and page.images:
                    pages.append(_ocr_page(raw, number))
                else:
                    pages.append(Page(number, text, "text"))
                page.flush_cache()  # keep memory flat on long documents
    except PdfminerException as exc:
        raise ExtractError(_reason(exc)) from None
    if not pages:
        raise ExtractError("PDF has no pages")
    return Extracted(pages=pages, format="pdf", title=title if isinstance(title, str) else None)


def tesseract_available() -> bool:
    return shutil.which("tesseract") is not None


def _ocr_page(raw: bytes, number: int) -> Page:
    if not tesseract_available():
        # casefile still runs; `casefile status` reports these pages and how to get OCR.
        return Page(number, "", "needs_ocr")
    import pypdfium2 as pdfium
    import pytesseract

    pdf = pdfium.PdfDocument(raw)
    try:
        image = pdf[number - 1].render(scale=OCR_DPI / 72).to_pil()
    finally:
        pdf.close()
    # one Tesseract thread per worker, so two workers don't fight over the two cores
    os.environ["OMP_THREAD_LIMIT"] = "1"
    text = pytesseract.image_to_string(image, config="--psm 4", lang="eng")
    return Page(number, text, "ocr")


def _reason(exc: Exception) -> str:
    """pdfplumber wraps pdfminer's errors; name the cause in words a user can act on."""
    from pdfminer.pdfdocument import PDFEncryptionError, PDFPasswordIncorrect

    cause = exc.args[0] if exc.args and isinstance(exc.args[0], Exception) else exc
    if isinstance(cause, (PDFPasswordIncorrect, PDFEncryptionError)):
        return "encrypted PDF (needs a password)"
    detail = (str(cause).splitlines() or [type(cause).__name__])[0]
    return f"broken PDF: {detail}"
