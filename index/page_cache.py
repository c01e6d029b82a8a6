"""Page images as derived data in the case folder: a page is drawn from its archived original the
first time someone asks for it (pipeline/page_render.py) and kept under `derived/pages/`, so a
2,000-page PDF costs nothing until its pages are looked at. Deleting `derived/` loses nothing.

    derived/pages/ab/<doc_id>/<page>-<width>-<render version>.img   (a PNG, or a JPEG for a scan)
"""
from __future__ import annotations

import os
import tempfile
from pathlib import Path

from index.archive import Archive
from pipeline import page_render


class PageImages:
    def __init__(self, archive: Archive, root: Path | None, width: int) -> None:
        """`root`: where drawn pages are kept; None keeps none (every page is drawn when asked for)."""
        self.archive = archive
        self.root = Path(root) if root is not None else None
        self.width = width

    def renderable(self, doc_id: str) -> bool:
        """Whether the archived original has pages to draw (a PDF or an image)."""
        try:
            with self.archive.open(doc_id) as fh:
                return page_render.renderable(fh.read(2048))
        except (OSError, ValueError):
            return False

    def path(self, doc_id: str, page: int) -> Path | None:
        self.archive.key(doc_id)   # checks it is a sha256 (fetches nothing)
        if self.root is None:
            return None
        return self.root / doc_id[:2] / doc_id / f"{int(page)}-{self.width}-{page_render.VERSION}.img"

    def cached(self, doc_id: str, page: int) -> bytes | None:
        """The page's image if it was drawn before, else None (raises ValueError for a bad sha256)."""
        target = self.path(doc_id, page)
        try:
            return target.read_bytes() if target is not None else None
        except OSError:
            return None

    def get(self, doc_id: str, page: int) -> bytes:
        """The page's image (PNG or JPEG): from the cache, else drawn and cached (raises page_render.RenderError)."""
        cached = self.cached(doc_id, page)
        if cached is not None:
            return cached
        target = self.path(doc_id, page)
        original = self.archive.path(doc_id)
        if not original.is_file():
            raise page_render.RenderError("the archive does not hold this document's file")
        image = page_render.render_page(original, page, self.width)
        if target is not None:
            self._store(target, image)
        return image

    def size(self, doc_id: str, page: int) -> tuple[int, int]:
        """Pixel width and height of the page's image, drawn or not."""
        return page_render.page_size(self.archive.path(doc_id), page, self.width)

    @staticmethod
    def _store(target: Path, data: bytes) -> None:
        """Written beside its name and renamed: a reader never sees half an image. A case folder that
        cannot be written (read-only media) still gets its pages, drawn each time."""
        try:
            target.parent.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=".incoming-")
        except OSError:
            return
        try:
            with os.fdopen(fd, "wb") as out:
                out.write(data)
            os.replace(tmp, target)
        except OSError:
            if os.path.exists(tmp):
                os.unlink(tmp)
