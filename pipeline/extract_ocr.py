"""OCR with Tesseract: rendered PDF pages and image files (PNG, JPEG, TIFF, GIF).

Without Tesseract on the machine casefile still runs: such pages come back `needs_ocr`, and
`INSTALL_HINT` tells the user how to get it.
"""
from __future__ import annotations

import io
import os
import shutil
from contextlib import contextmanager
from typing import Any, Iterator

from pipeline.extract import Extracted, ExtractError, Page
from pipeline.extract_lines import Line, compose_boxes, running_lines
from pipeline.word_boxes import Frame, encode

OCR_DPI = 300            # Tesseract reads body text best at ~300 dpi
OCR_LANG = "eng"
MAX_IMAGE_PIXELS = 120_000_000   # a larger "image" is a decompression bomb, not a scan
INSTALL_HINT = "install Tesseract: apt-get install tesseract-ocr (Debian/Ubuntu) or brew install tesseract (macOS)"


def tesseract_available() -> bool:
    return shutil.which("tesseract") is not None


@contextmanager
def _one_thread() -> Iterator[None]:
    """One Tesseract thread per worker, so two workers don't fight over the cores."""
    old = os.environ.get("OMP_THREAD_LIMIT")
    os.environ["OMP_THREAD_LIMIT"] = "1"
    try:
        yield
    finally:
        if old is None:
            os.environ.pop("OMP_THREAD_LIMIT", None)
        else:
            os.environ["OMP_THREAD_LIMIT"] = old


def ocr_image(image: Any) -> tuple[list[Line], float | None]:
    """Lines read from a PIL image, with Tesseract's block/paragraph structure, and the mean word confidence."""
    import pytesseract

    with _one_thread():
        data = pytesseract.image_to_data(image, lang=OCR_LANG, config="--psm 3",
                                         output_type=pytesseract.Output.DICT)
    lines: list[Line] = []
    confidences: list[float] = []
    key = None
    para_key = None
    frame = Frame(0.0, 0.0, image.width, image.height)   # pixels of the rendered page
    for i, word in enumerate(data["text"]):
        conf = float(data["conf"][i])
        if conf < 0 or not word.strip():
            continue
        confidences.append(conf)
        this = (data["block_num"][i], data["par_num"][i], data["line_num"][i])
        top, bottom = float(data["top"][i]), float(data["top"][i] + data["height"][i])
        left = float(data["left"][i])
        box = frame.word(word, left, top, left + float(data["width"][i]), bottom)
        if this != key:
            lines.append(Line(word, top, bottom, para=bool(lines) and this[:2] != para_key, words=[box]))
            key, para_key = this, this[:2]
        else:
            lines[-1].text += " " + word
            lines[-1].bottom = max(lines[-1].bottom, bottom)
            lines[-1].words.append(box)
    for line in lines:
        line.rel = line.top / image.height if image.height else None
    mean = round(sum(confidences) / len(confidences), 1) if confidences else None
    return lines, mean


def render_pdf_page(pdf: Any, index: int, dpi: int = OCR_DPI) -> Any:
    """A page of an open pypdfium2 document as a greyscale PIL image."""
    page = pdf[index]
    try:
        return page.render(scale=dpi / 72, grayscale=True).to_pil()
    finally:
        page.close()


def extract_image(raw: bytes) -> Extracted:
    """An image file (a scan sent as JPEG/TIFF): one page per frame, read by OCR."""
    from PIL import Image, ImageSequence, UnidentifiedImageError

    Image.MAX_IMAGE_PIXELS = MAX_IMAGE_PIXELS
    try:
        image = Image.open(io.BytesIO(raw))
        frames = [frame.copy() for frame in ImageSequence.Iterator(image)]
    except Image.DecompressionBombError:
        raise ExtractError(f"image too large (over {MAX_IMAGE_PIXELS // 1_000_000} million pixels)") from None
    except (UnidentifiedImageError, OSError, SyntaxError) as exc:
        raise ExtractError(f"broken image: {str(exc).splitlines()[0] if str(exc) else type(exc).__name__}") from None
    if not tesseract_available():
        return Extracted([Page(n, "", "needs_ocr") for n in range(1, len(frames) + 1)], format="image",
                         meta={"format": image.format},
                         problems=[f"{len(frames)} image page(s) need OCR: {INSTALL_HINT}"])
    read = []
    for frame in frames:
        read.append(ocr_image(frame.convert("L")))
    skips = running_lines([lines for lines, _ in read])
    pages = []
    for n, ((lines, conf), skip) in enumerate(zip(read, skips), start=1):
        text, spans, boxes = compose_boxes(lines, skip)
        pages.append(Page(n, text, "ocr", skip=spans, ocr_confidence=conf, boxes=encode(boxes)))
    return Extracted(pages, format="image", meta={"format": image.format})
