"""Where each word of a page's stored text sits on the page: word boxes.

Extraction records, for every word it reads from a PDF page (text layer or OCR), its rectangle as
fractions of the page *as displayed* (the crop box, turned by the page's /Rotate; origin top left),
and `compose_boxes` (extract_lines) maps each word onto its [start, end) span of the final
`pages.text`. Any character span of the text then maps to rectangles on the page (`rects`): the
highlight of a quote on the page image, the crop of a quote in an evidence pack.

Stored compactly in `pages.boxes` (derived data, rebuilt by re-extraction): `encode` packs the
spans and the rectangles as columns of small integers and deflates them (~4 bytes a word).
"""
from __future__ import annotations

import zlib
from typing import Any

FORMAT = 1                 # first byte of an encoded blob
SCALE = 65535              # a coordinate is stored as round(fraction * SCALE), uint16
Word = tuple[str, float, float, float, float]            # text, x0, top, x1, bottom
Box = tuple[int, int, float, float, float, float]        # start, end, x0, top, x1, bottom (page fractions)
Rect = tuple[float, float, float, float]                 # x0, top, x1, bottom (page fractions)


class Frame:
    """Maps a reader's coordinates (x right, top down) onto fractions of the displayed page."""

    def __init__(self, x0: float, top: float, width: float, height: float) -> None:
        self.x0, self.top = x0, top
        self.width, self.height = width or 1.0, height or 1.0

    def word(self, text: str, x0: float, top: float, x1: float, bottom: float) -> Word:
        return (text, (x0 - self.x0) / self.width, (top - self.top) / self.height,
                (x1 - self.x0) / self.width, (bottom - self.top) / self.height)


class PdfplumberFrame(Frame):
    """pdfplumber's coordinates are pdfminer's, whose page frame is the media box turned by /Rotate
    (pdfplumber then flips y and shifts by its media box). The displayed page is the crop box
    (clipped to the media box) turned the same way; pdfplumber's own `cropbox` is wrong on turned
    pages with a crop box, so the crop box is turned here as pdfminer turns the page."""

    def __init__(self, page: Any) -> None:
        from pdfplumber.page import resolve_all

        def box(name: str) -> tuple[float, float, float, float] | None:
            value = resolve_all(page.page_obj.attrs.get(name))
            if not value or len(value) != 4:
                return None
            x0, x1 = sorted((float(value[0]), float(value[2])))
            y0, y1 = sorted((float(value[1]), float(value[3])))
            return x0, y0, x1, y1

        media = box("MediaBox") or (0.0, 0.0, float(page.width), float(page.height))
        crop = box("CropBox") or media
        mx0, my0, mx1, my1 = media
        cx0, cy0, cx1, cy1 = max(crop[0], mx0), max(crop[1], my0), min(crop[2], mx1), min(crop[3], my1)
        if cx1 <= cx0 or cy1 <= cy0:   # a crop box outside the media box: pdfium shows the media box
            cx0, cy0, cx1, cy1 = media
        turn = page.rotation

        def turned(x: float, y: float) -> tuple[float, float]:   # pdfminer's page matrix for /Rotate
            if turn == 90:
                return y - my0, mx1 - x
            if turn == 180:
                return mx1 - x, my1 - y
            if turn == 270:
                return my1 - y, x - mx0
            return x - mx0, y - my0

        (ax, ay), (bx, by) = turned(cx0, cy0), turned(cx1, cy1)
        self.rx0, self.ry1 = min(ax, bx), max(ay, by)
        self.shift_x, self.shift_top = float(page.mediabox[0]), float(page.mediabox[1])
        self.page_height = float(page.height)
        super().__init__(0.0, 0.0, abs(bx - ax), abs(by - ay))

    def word(self, text: str, x0: float, top: float, x1: float, bottom: float) -> Word:
        # back to pdfminer's frame (y up), then into the turned crop box (y down)
        def x(v: float) -> float:
            return (v - self.shift_x - self.rx0) / self.width

        def y(v: float) -> float:
            return (self.ry1 - (self.page_height - v + self.shift_top)) / self.height
        return (text, x(x0), y(top), x(x1), y(bottom))


def words_of(items: list[dict[str, Any]], frame: Frame) -> list[Word]:
    """pdfplumber-shaped words (text, x0, top, x1, bottom) in page fractions."""
    return [frame.word(w["text"], w["x0"], w["top"], w["x1"], w["bottom"]) for w in items]


def place(text: str, words: list[Word] | None, clean: Any) -> list[Box]:
    """Each word's span in `text` (a line as stored: cleaned by `clean`), found in order.

    A word is looked for just after the previous one; a word that cleaning changed beyond
    recognition (an unmapped glyph turned into a bullet) has no span and is left out.
    """
    if not words:
        return []
    out: list[Box] = []
    cursor = 0
    for raw, x0, top, x1, bottom in words:
        word = clean(raw)
        if not word:
            continue
        at = text.find(word, cursor, cursor + len(word) + 16)
        if at < 0:
            continue
        out.append((at, at + len(word), x0, top, x1, bottom))
        cursor = at + len(word)
    return out


def encode(boxes: list[Box]) -> bytes | None:
    """Boxes (in text order) as a small blob; None when there are none."""
    if not boxes:
        return None
    import numpy as np

    arr = np.asarray(boxes, dtype=np.float64)
    starts = arr[:, 0].astype(np.int64)
    lengths = np.clip(arr[:, 1] - arr[:, 0], 0, 65535).astype(np.uint16)
    gaps = np.diff(starts, prepend=0)
    if (gaps < 0).any():   # out of order: keep text order, which `rects` relies on
        order = np.argsort(starts, kind="stable")
        return encode([boxes[i] for i in order])
    coords = np.round(np.clip(arr[:, 2:6], 0.0, 1.0) * SCALE).astype(np.uint16)
    body = (np.uint32(len(boxes)).tobytes() + gaps.astype(np.uint32).tobytes() + lengths.tobytes()
            + coords.T.copy().tobytes())
    return bytes([FORMAT]) + zlib.compress(body, 6)


def decode(blob: bytes | None) -> list[Box]:
    if not blob:
        return []
    import numpy as np

    if blob[0] != FORMAT:
        raise ValueError(f"unknown word box format {blob[0]}")
    body = zlib.decompress(blob[1:])
    n = int(np.frombuffer(body[:4], dtype=np.uint32)[0])
    pos = 4
    gaps = np.frombuffer(body[pos:pos + 4 * n], dtype=np.uint32).astype(np.int64)
    pos += 4 * n
    lengths = np.frombuffer(body[pos:pos + 2 * n], dtype=np.uint16).astype(np.int64)
    pos += 2 * n
    coords = np.frombuffer(body[pos:pos + 8 * n], dtype=np.uint16).reshape(4, n).T / SCALE
    starts = np.cumsum(gaps)
    return [(int(s), int(s + ln), *map(float, c)) for s, ln, c in zip(starts, lengths, coords)]


def in_span(boxes: list[Box], start: int, end: int) -> list[Box]:
    """The boxes of the words that overlap [start, end), each cut to the part inside (by characters)."""
    out = []
    for s, e, x0, top, x1, bottom in boxes:
        if e <= start or s >= end:
            continue
        a, b = max(s, start), min(e, end)
        if (a, b) != (s, e) and e > s:
            width = x1 - x0
            x0, x1 = x0 + width * (a - s) / (e - s), x0 + width * (b - s) / (e - s)
        out.append((a, b, x0, top, x1, bottom))
    return out


def rects(boxes: list[Box], start: int, end: int) -> list[Rect]:
    """Rectangles covering the text [start, end) on the page: the words in it, joined along each
    line (words next in the text, level with each other, close enough to be one run)."""
    out: list[list[float]] = []
    for _, _, x0, top, x1, bottom in in_span(boxes, start, end):
        if out:
            last = out[-1]
            height = max(last[3] - last[1], bottom - top, 1e-6)
            level = abs(top - last[1]) < 0.5 * height and abs(bottom - last[3]) < 0.5 * height
            if level and last[2] - 0.5 * height <= x0 <= last[2] + 4 * height:
                last[1], last[2], last[3] = min(last[1], top), max(last[2], x1), max(last[3], bottom)
                continue
        out.append([x0, top, x1, bottom])
    return [tuple(r) for r in out]   # type: ignore[misc]


def bounds(rs: list[Rect]) -> Rect | None:
    """The smallest rectangle holding all of them."""
    if not rs:
        return None
    return (min(r[0] for r in rs), min(r[1] for r in rs), max(r[2] for r in rs), max(r[3] for r in rs))
