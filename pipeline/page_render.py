"""Page images: a page of a PDF (pdfium) or of an image file, as a PNG or a JPEG; and a crop of one
with a quote's rectangles highlighted, for evidence packs. Pure functions of the original file.

A page is drawn as a PDF viewer shows it: its crop box, turned by /Rotate, filled form fields
drawn. Rectangles (pipeline/word_boxes.py) are fractions of that page, whatever the size drawn.
Pages drawn on white paper are PNGs (16 grey levels, or 256 colours), scans JPEGs (`encode_page`);
bench/RESULTS.md ("Page images and word boxes") has the sizes and times.
"""
from __future__ import annotations

import io
import threading
from pathlib import Path
from typing import Any

from pipeline.extract import sniff

VERSION = "render.v1"       # part of the cache key: a change here renders every page again
DEFAULT_WIDTH = 1400        # pixels: sharp on a laptop, and at 2x zoom on a phone (setting page_image_width)
MAX_ASPECT = 2.5            # a page taller than this many widths is drawn at a smaller width
COLOUR_SPREAD = 32          # channel spread above which a pixel counts as coloured
COLOUR_SHARE = 0.001        # this share of coloured pixels makes a page a colour page
PAPER_SHARE = 0.5           # a page with less pure white than this is a scan (or a photo): a JPEG
JPEG_QUALITY = 75
HIGHLIGHT = (255, 226, 80)  # the quote: a yellow highlighter with an orange frame
FRAME = (214, 96, 0)
EDGE = (170, 170, 170)      # the grey line around a crop: where the page was cut
Rect = tuple[float, float, float, float]   # x0, top, x1, bottom as fractions of the page
_PDFIUM = threading.Lock()  # pdfium is not thread-safe: one call at a time in this process


class RenderError(Exception):
    """The page cannot be drawn; the message says why in one line."""


def renderable(head: bytes) -> bool:
    """Whether a file (its first KB) has pages to draw: PDFs and images."""
    return sniff(head) in ("pdf", "image")


def page_size(path: Path, page: int, width: int) -> tuple[int, int]:
    """The pixel size `render_page` draws the page at (without drawing it)."""
    if sniff(_head(path)) == "pdf":
        with _PDFIUM:
            pdf = _open_pdf(path)
            try:
                w, h = _shown_size(_pdf_page(pdf, page))
            finally:
                pdf.close()
        return _scaled(w, h, width)
    frame = _frame(path, page)
    return _scaled(frame.width, frame.height, width)


def render_page(path: Path, page: int, width: int) -> bytes:
    """Page `page` (1-based) of the file at `path`, `width` pixels wide, as PNG or JPEG bytes."""
    if sniff(_head(path)) == "pdf":
        image = _render_pdf(path, page, width)
    else:
        frame = _frame(path, page)
        w, h = _scaled(frame.width, frame.height, width)
        image = frame.convert("RGB").resize((w, h)) if (w, h) != frame.size else frame.convert("RGB")
    return encode_page(image)


def encode_page(image: Any) -> bytes:
    """A page drawn on white paper (a text layer) as a PNG: 16 grey levels when it is grey (text stays
    crisp, ~3x smaller), else 256 colours. A scan or a photo (little pure white: the paper is grey
    and noisy) as a JPEG, which keeps its tones without banding."""
    import numpy as np
    from PIL import Image

    coloured = _coloured(image)
    image = image.convert("RGB" if coloured else "L")
    out = io.BytesIO()
    if (np.asarray(image.convert("L").reduce(4)) >= 250).mean() < PAPER_SHARE:
        image.save(out, format="JPEG", quality=JPEG_QUALITY, optimize=True)
    elif coloured:
        image.quantize(256, method=Image.Quantize.FASTOCTREE).save(out, format="PNG")
    else:
        image.point([min(255, round(v / 17) * 17) for v in range(256)]).save(out, format="PNG")
    return out.getvalue()


def media_type(data: bytes) -> str:
    return "image/jpeg" if data[:3] == b"\xff\xd8\xff" else "image/png"


def highlighted_crop(image: bytes, rects: list[Rect], words: list[Rect] = (), *,
                     context: float = 0.035, max_height: float = 0.45) -> bytes:
    """The band of the page around the rectangles (page fractions), as wide as the page's `words`,
    with about `context` of the page above and below, its edges moved off any word they would cut;
    the rectangles highlighted and framed, the band framed in grey: what an evidence pack shows."""
    from PIL import Image, ImageChops, ImageDraw

    page = Image.open(io.BytesIO(image)).convert("RGB")
    w, h = page.size
    first, last = min(r[1] for r in rects), max(r[3] for r in rects)
    top = _clear(max(0.0, first - context), words, up=True)
    bottom = _clear(min(1.0, min(last, first + max_height) + context), words, up=False)
    # across, the page's text column (its margins say nothing), or the whole width when unknown
    every = list(words) + list(rects)
    left = max(0.0, min(r[0] for r in every) - 0.025) if words else 0.0
    right = min(1.0, max(r[2] for r in every) + 0.025) if words else 1.0
    box = (int(left * w), max(0, int(top * h)), max(int(left * w) + 1, int(round(right * w))),
           min(h, max(int(top * h) + 1, int(round(bottom * h)))))
    mask = Image.new("L", page.size, 0)
    draw = ImageDraw.Draw(mask)
    pad = max(1, w // 400)
    for x0, y0, x1, y1 in rects:
        draw.rectangle([x0 * w - pad, y0 * h - pad, x1 * w + pad, y1 * h + pad], fill=255)
    # a highlighter: paper turns yellow, ink stays ink
    page = Image.composite(ImageChops.multiply(page, Image.new("RGB", page.size, HIGHLIGHT)), page, mask)
    lines = ImageDraw.Draw(page)
    for x0, y0, x1, y1 in rects:
        lines.rectangle([x0 * w - pad - 1, y0 * h - pad - 1, x1 * w + pad + 1, y1 * h + pad + 1],
                        outline=FRAME, width=max(1, w // 600))
    crop = page.crop(box)
    ImageDraw.Draw(crop).rectangle([0, 0, crop.width - 1, crop.height - 1], outline=EDGE)
    out = io.BytesIO()
    crop.quantize(256, method=Image.Quantize.FASTOCTREE).save(out, format="PNG")
    return out.getvalue()


def _clear(y: float, words: list[Rect], *, up: bool) -> float:
    """`y` moved up (or down) until it cuts through no word: a crop never ends in half a line."""
    for _ in range(20):
        cut = [r for r in words if r[1] < y < r[3]]
        if not cut:
            break
        y = min(r[1] for r in cut) - 0.002 if up else max(r[3] for r in cut) + 0.002
    return min(1.0, max(0.0, y))


def _head(path: Path) -> bytes:
    with Path(path).open("rb") as fh:
        return fh.read(2048)


def _scaled(w: float, h: float, width: int) -> tuple[int, int]:
    if h > MAX_ASPECT * w:   # a receipt roll or a scroll: keep its height within reason
        width = max(1, int(width * MAX_ASPECT * w / h))
    return width, max(1, int(round(h * width / w)))


def _open_pdf(path: Path) -> Any:
    import pypdfium2 as pdfium

    try:
        return pdfium.PdfDocument(str(path))
    except Exception as exc:   # pdfium raises PdfiumError with a reason
        raise RenderError(f"pdfium cannot open this PDF: {exc}") from None


def _pdf_page(pdf: Any, page: int) -> Any:
    if not 1 <= page <= len(pdf):
        raise RenderError(f"the PDF has {len(pdf)} page(s), not {page}")
    return pdf[page - 1]


def _shown_size(page: Any) -> tuple[float, float]:
    """Width and height of the page as shown (pdfium's page size is its crop box, turned)."""
    w, h = page.get_size()
    return w, h


def _render_pdf(path: Path, page: int, width: int) -> Any:
    with _PDFIUM:
        pdf = _open_pdf(path)
        try:
            pdf.init_forms()   # filled form fields are part of the page as printed
            p = _pdf_page(pdf, page)
            w, h = _shown_size(p)
            target, _ = _scaled(w, h, width)
            try:
                bitmap = p.render(scale=target / w, may_draw_forms=True)
                return bitmap.to_pil().copy()
            except Exception as exc:
                raise RenderError(f"pdfium cannot draw page {page}: {exc}") from None
        finally:
            pdf.close()


def _frame(path: Path, page: int) -> Any:
    """Frame `page` of an image file (a multi-page TIFF has several)."""
    from PIL import Image, ImageSequence

    from pipeline.extract_ocr import MAX_IMAGE_PIXELS

    Image.MAX_IMAGE_PIXELS = MAX_IMAGE_PIXELS
    try:
        image = Image.open(path)
        for n, frame in enumerate(ImageSequence.Iterator(image), start=1):
            if n == page:
                return frame.copy()
    except (OSError, SyntaxError, Image.DecompressionBombError) as exc:
        raise RenderError(f"cannot read this image: {exc}") from None
    raise RenderError(f"the image has fewer than {page} page(s)")


def _coloured(image: Any) -> bool:
    import numpy as np

    if image.mode in ("L", "1", "LA", "I", "F"):
        return False
    small = np.asarray(image.convert("RGB").reduce(4), dtype=np.int16)
    spread = small.max(axis=2) - small.min(axis=2)
    return bool((spread > COLOUR_SPREAD).mean() > COLOUR_SHARE)
