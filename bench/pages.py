"""Page images and word boxes: what seeing the page costs.

    .venv/bin/python bench/pages.py            # print the results
    .venv/bin/python bench/pages.py --record   # ...and write them under "## Page images and word boxes"

- Word boxes: extraction of the same PDFs with box recording on and off (off: `place` and `encode`
  stubbed out), the two taking turns on each file, best of 3; and the bytes the boxes take.
- Page images: a real `casefile serve` on a case holding a typical minutes page, a dense report page
  and a scanned page; the first request of a page (draw + encode + cache + serve) and then the same
  page again (from derived/), medians over several pages; and the bytes drawn pages take on disk.
"""
from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from datetime import datetime, timezone
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.extract import machine, scan_corpus, text_corpus  # noqa: E402

DEMO = ROOT / "casefile" / "demo" / "site"
MINUTES = DEMO / "dss" / "board"
REVIEW = DEMO / "state" / "reviews" / "harlan-dss-review-2018.pdf"


def boxes_overhead(raws: list[bytes], repeat: int) -> list[str]:
    from pipeline import extract_lines, extract_pdf, word_boxes
    from pipeline.extract_pdf import extract_pdf as run

    def on(raw: bytes) -> tuple[int, int]:
        pages = run(raw).pages
        return len(pages), sum(len(p.boxes or b"") for p in pages)

    def off(raw: bytes) -> tuple[int, int]:
        place, encode = extract_lines.place, extract_pdf.encode
        extract_lines.place, extract_pdf.encode = (lambda *a: []), (lambda boxes: None)
        try:
            return len(run(raw).pages), 0
        finally:
            extract_lines.place, extract_pdf.encode = place, encode

    best = {"on": [], "off": []}
    pages = blob = words = 0
    for raw in raws:
        times = {"on": float("inf"), "off": float("inf")}
        for _ in range(repeat):
            for name, fn in (("off", off), ("on", on)):
                start = time.perf_counter()
                n, size = fn(raw)
                times[name] = min(times[name], time.perf_counter() - start)
        pages += n
        blob += size
        words += sum(len(word_boxes.decode(p.boxes)) for p in run(raw).pages)
        for name in times:
            best[name].append(times[name])
    on_s, off_s = sum(best["on"]), sum(best["off"])
    return [
        f"- extraction of {len(raws)} PDFs, {pages} pages (the demo's minutes and review, generated prose, "
        f"two-column and table pages), best of {repeat} per file, the two taking turns",
        f"  - boxes off: {off_s:.2f} s = {pages / off_s:.1f} pages/s; boxes on: {on_s:.2f} s = {pages / on_s:.1f} pages/s",
        f"  - **cost of recording the boxes: {100 * (on_s / off_s - 1):+.1f}%** of extraction time",
        f"  - storage: {words} word boxes in {blob:,} bytes = {blob / max(words, 1):.1f} bytes a word, "
        f"**{blob / pages * 1000 / 1e6:.1f} MB per 1,000 pages** (in `pages.boxes`)",
    ]


def _serve(case: Path) -> tuple[subprocess.Popen, str]:
    env = {k: v for k, v in os.environ.items() if k not in ("CASEFILE_CASE", "CASEFILE_TOKEN")}
    proc = subprocess.Popen([sys.executable, "-m", "casefile.cli", "--case", str(case), "serve", "--port", "0"],
                            stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, cwd=ROOT, env=env)
    line = proc.stdout.readline().decode()
    return proc, "http://" + line.split("http://", 1)[1].split()[0].split("?", 1)[0]


def _get(url: str) -> tuple[float, int]:
    start = time.perf_counter()
    with urllib.request.urlopen(url) as r:
        size = len(r.read())
    return time.perf_counter() - start, size


def page_images(work: Path, dense: Path, scans: list[Path], repeat: int) -> list[str]:
    from casefile.case import init_case

    case = init_case(work / "case", "bench")
    archive = case.archive
    minutes = sorted(MINUTES.glob("minutes-*.pdf"))
    groups = {"typical minutes page (demo minutes, 8 documents)": [(p, 1) for p in minutes],
              "dense report page (10-pt prose in two columns, 12 paragraphs)": [(dense, n) for n in (2, 5, 8)],
              "scanned page (a 200-dpi letter image)": [(p, 1) for p in scans]}
    with case.store() as store:
        for path in {p for pages in groups.values() for p, _ in pages}:
            sha = archive.put(path.read_bytes())
            store.add_document({"doc_id": sha, "kind": "report", "source": "bench", "filename": path.name})
    proc, url = _serve(case.root)
    lines = []
    try:
        _get(url)   # the server is up and warm
        for name, pages in groups.items():
            first, again, sizes = [], [], []
            for path, n in pages:
                sha = archive.put(path.read_bytes())
                seconds, size = _get(f"{url}page-image/{sha}/{n}")
                first.append(seconds)
                sizes.append(size)
                again.append(statistics.median(_get(f"{url}page-image/{sha}/{n}")[0] for _ in range(repeat)))
            f, a = statistics.median(first), statistics.median(again)
            lines.append(f"- {name}: first view **{1000 * f:.0f} ms** (draw, encode, cache, serve), then "
                         f"**{1000 * a:.1f} ms** from the cache ({f / a:.0f}x); {statistics.mean(sizes) / 1024:.0f} KB "
                         f"a page = **{statistics.mean(sizes) * 1000 / 1e6:.0f} MB per 1,000 pages**")
    finally:
        proc.terminate()
        proc.wait(10)
    return lines


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--record", action="store_true", help="write the results into bench/RESULTS.md")
    args = parser.parse_args()
    from pipeline.page_render import DEFAULT_WIDTH

    with tempfile.TemporaryDirectory(prefix="casefile-bench-pages-") as tmp:
        work = Path(tmp)
        generated = text_corpus(work, 4, 9)
        raws = [p.read_bytes() for p in sorted(MINUTES.glob("*.pdf")) + [REVIEW] + generated]
        lines = boxes_overhead(raws, 3)
        lines += page_images(work, generated[0], scan_corpus(work, 3), args.repeat)
    stamp = datetime.now(timezone.utc).strftime("%Y-%m-%d %H:%M UTC")
    load = ", ".join(f"{x:.1f}" for x in os.getloadavg())
    block = [f"`bench/pages.py` run {stamp} on {machine()}; load average at the end {load}; page images "
             f"{DEFAULT_WIDTH} px wide (setting `page_image_width`).", ""] + lines
    print("\n".join(block))
    if args.record:
        record(block, ROOT / "bench" / "RESULTS.md")


def record(block: list[str], path: Path, bench: str = "bench/pages.py",
           section: str = "Page images and word boxes") -> None:
    """Replace the measured block (between its markers) of the bench's section (bench/cluster.py too)."""
    text = path.read_text(encoding="utf-8")
    begin, end = f"<!-- {bench} -->", f"<!-- /{bench} -->"
    body = begin + "\n" + "\n".join(block).rstrip("\n") + "\n" + end
    if begin in text and end in text:
        text = text[:text.index(begin)] + body + text[text.index(end) + len(end):]
    else:
        text = text.rstrip("\n") + f"\n\n## {section}\n\n" + body + "\n"
    path.write_text(text, encoding="utf-8")


if __name__ == "__main__":
    main()
