"""ZIP archives: members become child documents; nested archives are opened in place, up to a depth.

Limits stop archive bombs before anything is inflated: member count, total uncompressed size
(declared and actually read, since headers can lie), compression ratio, and nesting depth.
"""
from __future__ import annotations

import io
import zipfile
from dataclasses import dataclass

from pipeline.extract import Child, Extracted, ExtractError, Page, sniff

MAX_MEMBERS = 1000
MAX_TOTAL_BYTES = 500 * 1024 * 1024
MAX_RATIO = 200           # text compresses ~10x and XML ~30x; 1000x is a bomb
RATIO_FLOOR = 1024 * 1024  # members smaller than this can't hurt whatever their ratio
MAX_DEPTH = 3             # archives inside archives inside archives
_JUNK = ("__MACOSX/", ".DS_Store", "Thumbs.db", "desktop.ini")


@dataclass
class _Budget:
    members: int = 0
    bytes: int = 0


def check_archive(zf: zipfile.ZipFile, what: str = "ZIP archive") -> None:
    """Raise ExtractError when the archive's own headers already show a bomb."""
    infos = zf.infolist()
    if len(infos) > MAX_MEMBERS:
        raise ExtractError(f"{what} has {len(infos):,} members (limit {MAX_MEMBERS:,})")
    total = sum(i.file_size for i in infos)
    if total > MAX_TOTAL_BYTES:
        raise ExtractError(f"{what} would expand to {_size(total)} (limit {_size(MAX_TOTAL_BYTES)})")
    for info in infos:
        if info.file_size > RATIO_FLOOR and info.file_size > MAX_RATIO * max(1, info.compress_size):
            ratio = info.file_size // max(1, info.compress_size)
            raise ExtractError(f"ZIP bomb: {info.filename} expands {ratio:,}x (limit {MAX_RATIO}x)")


def read_member(zf: zipfile.ZipFile, info: zipfile.ZipInfo, budget_left: int) -> bytes:
    """A member's bytes, reading no more than declared (or than the budget) whatever the data says."""
    limit = min(info.file_size, budget_left)
    with zf.open(info) as fh:
        data = fh.read(limit + 1)
    if len(data) > limit:
        raise ExtractError(f"ZIP bomb: {info.filename} inflates past its declared size")
    return data


def extract_zip(raw: bytes) -> Extracted:
    budget = _Budget()
    children: list[Child] = []
    problems: list[str] = []
    listing: list[str] = []
    _walk(raw, "", 1, budget, children, problems, listing)
    text = "\n".join(listing) if listing else "(empty archive)"
    # the listing is for display: the members themselves are analysed as their own documents
    page = Page(1, text, "listing", skip=[(0, len(text))])
    return Extracted(pages=[page], format="zip", children=children, problems=problems,
                     meta={"members": len(children)})


def _walk(raw: bytes, prefix: str, depth: int, budget: _Budget, children: list[Child],
          problems: list[str], listing: list[str]) -> None:
    try:
        zf = zipfile.ZipFile(io.BytesIO(raw))
    except (zipfile.BadZipFile, ValueError, OSError) as exc:
        if not prefix:
            raise ExtractError(f"broken ZIP archive: {exc}") from None
        problems.append(f"{prefix.rstrip('/')}: broken ZIP archive ({exc})")
        return
    with zf:
        check_archive(zf, f"ZIP archive {prefix.rstrip('/')}" if prefix else "ZIP archive")
        for info in zf.infolist():
            name = prefix + info.filename
            if info.is_dir() or any(part in info.filename for part in _JUNK):
                continue
            budget.members += 1
            if budget.members > MAX_MEMBERS:
                raise ExtractError(f"ZIP archive has over {MAX_MEMBERS:,} members counting nested archives")
            if info.flag_bits & 0x1:
                problems.append(f"{name}: encrypted member skipped")
                continue
            try:
                data = read_member(zf, info, MAX_TOTAL_BYTES - budget.bytes)
            except ExtractError:
                raise
            except Exception as exc:   # CRC errors, unsupported compression, truncated data
                problems.append(f"{name}: unreadable ({str(exc).splitlines()[0] if str(exc) else type(exc).__name__})")
                continue
            budget.bytes += len(data)
            if budget.bytes >= MAX_TOTAL_BYTES:
                raise ExtractError(f"ZIP archive expands past {_size(MAX_TOTAL_BYTES)} counting nested archives")
            kind = sniff(data) if data else "empty"
            listing.append(f"{name} ({_size(len(data))})")
            if kind == "zip":
                if depth >= MAX_DEPTH:
                    problems.append(f"{name}: archive nested deeper than {MAX_DEPTH} levels, skipped")
                    continue
                _walk(data, name + "/", depth + 1, budget, children, problems, listing)
                continue
            children.append(Child(filename=name, raw=data, content_type=content_type(kind, name)))


_TYPES = {"pdf": "application/pdf", "html": "text/html", "text": "text/plain", "email": "message/rfc822",
          "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
          "zip": "application/zip"}


def content_type(kind: str, filename: str) -> str:
    """A MIME type from the sniffed format, else from the file name."""
    import mimetypes

    return _TYPES.get(kind) or mimetypes.guess_type(filename)[0] or "application/octet-stream"


def _size(n: int) -> str:
    for unit in ("bytes", "KB", "MB", "GB"):
        if n < 1024 or unit == "GB":
            return f"{n:,} {unit}" if unit == "bytes" else f"{n:.1f} {unit}".replace(".0 ", " ")
        n /= 1024  # type: ignore[assignment]
    return str(n)
