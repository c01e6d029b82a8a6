"""Extraction speed: pages/s for text PDFs and for OCR'd pages, and casefile's overhead over bare
pdfplumber `extract_text` on the same files, measured in the same run.

    .venv/bin/python bench/extract.py            # print the results
    .venv/bin/python bench/extract.py --record   # ...and write them under "## Extraction" in bench/RESULTS.md

The corpus is generated with reportlab into a temporary folder (prose, two-column and table pages,
plus scanned pages rendered with Pillow) together with the real fixtures in tests/fixtures/pdfs.
"""
from __future__ import annotations

import argparse
import io
import os
import platform
import random
import shutil
import statistics
import sys
import tempfile
import time
from datetime import datetime, timezone
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from pipeline.extract import extract  # noqa: E402

WORDS = ("board director caseworker report review county department services child welfare budget "
         "motion vote approved investigation records meeting minutes staff training caseload state").split()


def _sentence(rng: random.Random) -> str:
    words = [rng.choice(WORDS) for _ in range(rng.randint(8, 18))]
    return " ".join(words).capitalize() + f" on March {rng.randint(1, 28)}, 2018."


def text_corpus(folder: Path, docs: int, pages: int, seed: int = 7) -> list[Path]:
    """PDFs mixing prose pages, two-column pages and ruled-table pages, with running heads."""
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import letter
    from reportlab.lib.styles import getSampleStyleSheet
    from reportlab.platypus import (BaseDocTemplate, Frame, FrameBreak, NextPageTemplate, PageBreak,
                                    PageTemplate, Paragraph, Table, TableStyle)

    rng = random.Random(seed)
    style = getSampleStyleSheet()["BodyText"]
    width, height = letter
    paths = []
    for d in range(docs):
        path = folder / f"text-{d:02d}.pdf"

        def heads(canv, doc):
            canv.setFont("Helvetica", 8)
            canv.drawString(54, height - 36, "Harlan County DSS — Board Packet")
            canv.drawRightString(width - 54, 30, f"Page {doc.page}")

        one = Frame(54, 54, width - 108, height - 120, id="one")
        left = Frame(54, 54, (width - 126) / 2, height - 120, id="left")
        right = Frame(72 + (width - 126) / 2, 54, (width - 126) / 2, height - 120, id="right")
        doc = BaseDocTemplate(str(path), pagesize=letter, invariant=1,
                              pageTemplates=[PageTemplate("one", [one], onPage=heads),
                                             PageTemplate("two", [left, right], onPage=heads)])
        story = []
        for p in range(pages):
            kind = p % 3
            story.append(NextPageTemplate("two" if kind == 1 else "one"))
            if kind == 2:
                rows = [["Member", "Yea", "Nay", "Absent"]] + [
                    [f"Member {k}", *(["X", "", ""] if rng.random() < 0.6 else ["", "X", ""])] for k in range(30)]
                table = Table(rows)
                table.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0.5, colors.black)]))
                story.append(table)
            else:
                for _ in range(6 if kind == 0 else 12):
                    story.append(Paragraph(" ".join(_sentence(rng) for _ in range(4)), style))
                    if kind == 1 and len(story) % 7 == 0:
                        story.append(FrameBreak())
            story.append(PageBreak())
        doc.build(story)
        paths.append(path)
    return paths


def scan_corpus(folder: Path, pages: int, seed: int = 11) -> list[Path]:
    """Image-only PDF pages: a letter of body text rendered at 200 dpi."""
    from PIL import Image, ImageDraw, ImageFont
    from reportlab.lib.pagesizes import letter
    from reportlab.lib.utils import ImageReader
    from reportlab.pdfgen import canvas
    import reportlab

    rng = random.Random(seed)
    font = ImageFont.truetype(os.path.join(os.path.dirname(reportlab.__file__), "fonts", "Vera.ttf"), 30)
    paths = []
    for n in range(pages):
        image = Image.new("L", (1700, 2200), 255)
        draw = ImageDraw.Draw(image)
        for k in range(40):
            line = " ".join(rng.choice(WORDS) for _ in range(9))
            draw.text((150, 150 + k * 48), line, font=font, fill=0)
        buf = io.BytesIO()
        image.save(buf, format="PNG")
        path = folder / f"scan-{n:02d}.pdf"
        c = canvas.Canvas(str(path), pagesize=letter, invariant=1)
        c.drawImage(ImageReader(io.BytesIO(buf.getvalue())), 0, 0, width=letter[0], height=letter[1])
        c.showPage()
        c.save()
        paths.append(path)
    return paths


def bare_pdfplumber(raw: bytes) -> int:
    import pdfplumber

    with pdfplumber.open(io.BytesIO(raw)) as pdf:
        for page in pdf.pages:
            page.extract_text()
            page.close()
        return len(pdf.pages)


def casefile_extract(raw: bytes) -> int:
    return len(extract(raw).pages)


def timed(fns: list, raws: list[bytes], repeat: int) -> list[tuple[float, int]]:
    """(seconds, pages) per function: for each file the best of `repeat` runs, summed over files.

    The functions take turns on each file, so a load spike from other work hits both sides alike.
    """
    best = [[float("inf")] * len(raws) for _ in fns]
    pages = [[0] * len(raws) for _ in fns]
    for i, raw in enumerate(raws):
        for _ in range(repeat):
            for k, fn in enumerate(fns):
                start = time.perf_counter()
                pages[k][i] = fn(raw)
                best[k][i] = min(best[k][i], time.perf_counter() - start)
    return [(sum(b), sum(p)) for b, p in zip(best, pages)]


def run(docs: int, pages: int, scans: int, repeat: int) -> list[str]:
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        texts = text_corpus(folder, docs, pages) + sorted((ROOT / "tests/fixtures/pdfs").glob("*.pdf"))
        raws = [p.read_bytes() for p in texts]
        (bare_s, n), (ours_s, n2) = timed([bare_pdfplumber, casefile_extract], raws, repeat)
        assert n == n2
        lines = [
            f"- text PDFs: {len(raws)} files, {n} pages (prose, two-column and ruled-table pages + the 3 "
            f"fixtures), best of {repeat} per file, the two sides taking turns",
            f"  - bare pdfplumber `extract_text`: {bare_s:.2f} s = **{n / bare_s:.1f} pages/s**",
            f"  - casefile `extract`: {ours_s:.2f} s = **{n / ours_s:.1f} pages/s**",
            f"  - overhead of casefile over bare pdfplumber: **{ours_s / bare_s:.2f}x** "
            "(layout: tables, columns, headers, hyphenation, form fields)",
        ]
        if shutil.which("tesseract"):
            scan_raws = [p.read_bytes() for p in scan_corpus(folder, scans)]
            [(ocr_s, m)] = timed([casefile_extract], scan_raws, 1)
            methods = {p.method for raw in scan_raws[:1] for p in extract(raw).pages}
            assert methods == {"ocr"}, methods
            lines.append(f"- OCR: {m} scanned letter pages (40 lines each, rendered at 300 dpi, 1 Tesseract thread): "
                         f"{ocr_s:.1f} s = **{m / ocr_s:.2f} pages/s** ({ocr_s / m:.1f} s/page)")
        else:
            lines.append("- OCR: skipped (Tesseract not installed)")
    return lines


def machine() -> str:
    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    return f"{cpu}, {os.cpu_count()} cores, {platform.system()} {platform.release()}, Python {platform.python_version()}"


def record(block: list[str], path: Path) -> None:
    """Replace the "## Extraction" section of RESULTS.md (other sections stay as they are)."""
    text = path.read_text(encoding="utf-8") if path.exists() else "# Benchmark results\n"
    section = "## Extraction\n\n" + "\n".join(block) + "\n"
    start = text.find("## Extraction\n")
    if start == -1:
        text = text.rstrip("\n") + "\n\n" + section
    else:
        end = text.find("\n## ", start + 1)
        text = text[:start] + section + (text[end + 1:] if end != -1 else "")
    path.write_text(text, encoding="utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--docs", type=int, default=12)
    parser.add_argument("--pages", type=int, default=9)
    parser.add_argument("--scans", type=int, default=4)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--record", action="store_true", help="write the results into bench/RESULTS.md")
    args = parser.parse_args()
    lines = run(args.docs, args.pages, args.scans, args.repeat)
    stamp = datetime.now(timezone.utc).strftime("%Y-%m-%d %H:%M UTC")
    load = ", ".join(f"{x:.1f}" for x in os.getloadavg()) if hasattr(os, "getloadavg") else "n/a"
    block = [f"`bench/extract.py` run {stamp} on {machine()}; load average at the end {load} "
             "(other work on the machine slows both sides alike; the ratio is what to compare).", ""] + lines
    print("\n".join(block))
    if args.record:
        record(block, ROOT / "bench" / "RESULTS.md")


if __name__ == "__main__":
    main()
