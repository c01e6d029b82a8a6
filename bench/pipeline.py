"""Pipeline throughput: casefile end to end against a naive baseline and against each of its own
stages run alone, on a generated corpus of minutes and report PDFs and news pages (bench/corpus.py).

    .venv/bin/python bench/pipeline.py            # full corpus (make bench)
    .venv/bin/python bench/pipeline.py --small    # a quick run (--size small|medium|full)
    .venv/bin/python bench/pipeline.py --memory   # peak RSS on a 2,000-page PDF and 5,000 documents
    ... --record                                  # also write "## Pipeline throughput" in bench/RESULTS.md

Every part runs in its own process, so each peak RSS is that part's own: the peak of the summed RSS
of the part's process tree (the runner, its extraction workers and analysis lanes), sampled every
0.2 s. The parts, on the same case (a template built with `casefile add`, copied for each run):
- naive: per document, pdfplumber `extract_text` per page (trafilatura for HTML), the full spaCy
  pipeline `nlp(text)` per page, chunks of sentences as casefile cuts them, `model.encode` on each
  document's chunk list, row-by-row INSERTs; one process, torch on both cores.
- stages alone, each on both cores, on exactly the text the end-to-end run produced: extraction
  (2 worker processes), spaCy (2 processes), embedding of passages and events (2 processes of one
  torch thread, and 1 process of two threads: the faster counts). Model loading is not timed.
- end to end: `pipeline.run.process` on a fresh copy of the case, model loading included.
Timings on a shared machine are noisy: ratios come from the same run.
"""
from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from datetime import datetime, timezone
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# this file's folder comes last: its name must not hide the `pipeline` package
sys.path[:] = [str(ROOT)] + [p for p in sys.path if Path(p or ".").resolve() != ROOT / "bench"] + [str(ROOT / "bench")]
OUT = ROOT / "bench" / "out"


# ------------------------------------------------------------------ measuring a part in its own process

def _tree_rss_kb(pid: int) -> int:
    """Summed VmRSS of a process and its descendants (Linux /proc)."""
    children: dict[int, list[int]] = {}
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                ppid = int(Path(f"/proc/{entry}/stat").read_text().rsplit(")", 1)[1].split()[1])
            except (OSError, IndexError, ValueError):
                continue
            children.setdefault(ppid, []).append(int(entry))
    total, todo = 0, [pid]
    while todo:
        p = todo.pop()
        todo += children.get(p, [])
        try:
            for line in Path(f"/proc/{p}/status").read_text().splitlines():
                if line.startswith("VmRSS:"):
                    total += int(line.split()[1])
        except OSError:
            pass
    return total


def _busy_seconds() -> float:
    """CPU seconds the whole machine has been busy (all cores), from /proc/stat."""
    fields = [int(x) for x in Path("/proc/stat").read_text().split("\n", 1)[0].split()[1:]]
    idle = fields[3] + fields[4]   # idle + iowait
    return (sum(fields[:8]) - idle) / os.sysconf("SC_CLK_TCK")


def run_part(part: str, *args: str) -> dict:
    """Run `bench/pipeline.py --part PART ARGS` and return its JSON, with the tree's peak RSS."""
    out = Path(tempfile.mkstemp(suffix=".json")[1])
    cmd = [sys.executable, str(Path(__file__).resolve()), "--part", part, "--out", str(out), *args]
    started = time.perf_counter()
    proc = subprocess.Popen(cmd, cwd=ROOT, env={**os.environ, "HF_HUB_OFFLINE": "1"})
    peak = 0
    sampling = True

    def sample() -> None:
        nonlocal peak
        while sampling:
            peak = max(peak, _tree_rss_kb(proc.pid))
            time.sleep(0.2)

    sampler = threading.Thread(target=sample, daemon=True)
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    busy = _busy_seconds()
    sampler.start()
    code = proc.wait()
    after = resource.getrusage(resource.RUSAGE_CHILDREN)   # the part and every process it waited for
    busy = _busy_seconds() - busy
    sampling = False
    sampler.join()
    if code != 0:
        raise SystemExit(f"part {part} failed (exit {code})")
    result = json.loads(out.read_text())
    out.unlink()
    result["peak_rss_mb"] = round(peak / 1024, 1)
    result["cpu_seconds"] = round(after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime, 1)
    result["wall_seconds"] = round(time.perf_counter() - started, 1)
    # the share of the machine's cores that other work kept busy meanwhile (this machine is shared)
    others = max(0.0, busy - result["cpu_seconds"]) / (result["wall_seconds"] * (os.cpu_count() or 1))
    result["others_cpu_share"] = round(min(1.0, others), 2)
    return result


# ------------------------------------------------------------------ the case

def build_template(root: Path, files: dict[str, list[Path]]) -> Path:
    """A case holding the corpus, imported with `casefile add` (one call per kind)."""
    from casefile.case import init_case

    if root.exists():
        shutil.rmtree(root)
    init_case(root, "bench")
    for kind, paths in files.items():
        if paths:
            subprocess.run([sys.executable, "-m", "casefile.cli", "--case", str(root), "add", str(paths[0].parent),
                            "--kind", kind, "--source", f"bench-{kind}"], cwd=ROOT, check=True,
                           capture_output=True)
    return root


def fresh_copy(template: Path, work: Path) -> Path:
    if work.exists():
        shutil.rmtree(work)
    shutil.copytree(template, work)
    return work


# ------------------------------------------------------------------ parts (each in its own process)

def part_naive(case_root: Path) -> dict:
    """What a first script would do: one document at a time, every model component, row by row."""
    import io

    import duckdb
    import pdfplumber
    import spacy
    import trafilatura
    from sentence_transformers import SentenceTransformer

    from casefile.case import open_case
    from pipeline.chunk import MAX_WORDS
    from pipeline.embed import model_path

    case = open_case(case_root)
    start = time.perf_counter()
    nlp = spacy.load(case.settings.spacy_model)
    model = SentenceTransformer(str(model_path(case.settings.embedding_model)), device="cpu")
    with case.store(read_only=True) as s:
        ids = [r["doc_id"] for r in s.query("SELECT doc_id FROM documents ORDER BY first_seen, doc_id")]
    con = duckdb.connect(str(case_root / "naive.duckdb"))
    con.execute("CREATE TABLE pages (doc_id VARCHAR, page INTEGER, text VARCHAR)")
    con.execute("CREATE TABLE chunks (doc_id VARCHAR, page INTEGER, text VARCHAR, embedding FLOAT[384])")
    pages = words = 0
    for doc_id in ids:
        raw = case.archive.get(doc_id)
        if raw.startswith(b"%PDF"):
            with pdfplumber.open(io.BytesIO(raw)) as pdf:
                texts = [p.extract_text() or "" for p in pdf.pages]
        else:
            texts = [trafilatura.extract(raw.decode("utf-8", "replace")) or ""]
        chunks: list[tuple[int, str]] = []
        for n, text in enumerate(texts, 1):
            con.execute("INSERT INTO pages VALUES (?, ?, ?)", [doc_id, n, text])
            current: list[str] = []
            for sent in nlp(text).sents:
                if current and len(" ".join(current + [sent.text]).split()) > MAX_WORDS:
                    chunks.append((n, " ".join(current)))
                    current = []
                current.append(sent.text)
            if current:
                chunks.append((n, " ".join(current)))
            pages += 1
            words += len(text.split())
        vectors = model.encode([t for _, t in chunks]) if chunks else []
        for (n, text), vec in zip(chunks, vectors):
            con.execute("INSERT INTO chunks VALUES (?, ?, ?, ?)", [doc_id, n, text, vec.tolist()])
    con.close()
    return {"seconds": time.perf_counter() - start, "documents": len(ids), "pages": pages, "words": words}


def part_e2e(case_root: Path) -> dict:
    from casefile.case import open_case
    from pipeline.run import process

    case = open_case(case_root)
    start = time.perf_counter()
    with case.store() as store:
        report = process(store, case.archive, settings=case.settings, curation=case.curation(),
                         taxonomy=case.config.get("issues"))
        seconds = time.perf_counter() - start
        pages = store.scalar("SELECT count(*) FROM pages")
        words = store.scalar("SELECT coalesce(sum(len(string_split(text, ' '))), 0) FROM pages")
        counts = {t: store.scalar(f"SELECT count(*) FROM {t}") for t in ("chunks", "events", "timeline")}
    return {"seconds": seconds, "documents": report.processed, "failed": len(report.failed), "pages": pages,
            "words": words, "phases": {k: round(v, 1) for k, v in report.seconds.items()}, **counts}


def _texts(case_root: Path) -> dict:
    """The page texts (as the tagger reads them) and the embedded texts of an end-to-end run."""
    from index.store import Store
    from pipeline.extract import Page, nlp_text

    with Store(case_root / "casefile.duckdb", read_only=True) as s:
        pages = [nlp_text(Page(r["page"], r["text"], r["method"], skip=[tuple(x) for x in json.loads(r["skip"] or "[]")]))
                 for r in s.query("SELECT page, text, method, skip FROM pages ORDER BY doc_id, page")]
        embedded = [r["text"] for r in s.query("SELECT text FROM chunks ORDER BY doc_id, chunk_id")] + \
            [r["text"] for r in s.query("SELECT text FROM events ORDER BY doc_id, event_id")]
    return {"pages": pages, "embedded": embedded}


def _stage_worker(stage: str, shard: list, settings: dict, threads: int, ready, go, out) -> None:
    """One process of a stage run alone: load the model, wait for the others, work, report the clock."""
    for var in ("OMP_NUM_THREADS", "MKL_NUM_THREADS", "OPENBLAS_NUM_THREADS"):
        os.environ[var] = str(threads)
    if stage == "tag":
        from pipeline.tagger import Tagger

        tagger = Tagger(settings["spacy_model"])
        work = tagger.tag
    elif stage == "tag_plain":   # what a first script does: the whole pipeline, one text at a time
        import spacy

        nlp = spacy.load(settings["spacy_model"])

        def work(texts: list) -> None:
            for text in texts:
                nlp(text)
    else:
        from pipeline.embed import Embedder

        embedder = Embedder(settings["embedding_model"], threads=threads, precision=settings["embedding_precision"])
        work = embedder.encode
    ready.release()
    go.wait()
    start = time.perf_counter()
    work(shard)
    out.put((start, time.perf_counter()))


def _stage_alone(stage: str, items: list, settings: dict, processes: int, threads: int) -> float:
    """Wall seconds for `processes` processes to do the stage on `items` (split evenly), models loaded."""
    import multiprocessing

    ctx = multiprocessing.get_context("spawn")
    ready, go, out = ctx.Semaphore(0), ctx.Event(), ctx.Queue()
    shards = [items[i::processes] for i in range(processes)]
    procs = [ctx.Process(target=_stage_worker, args=(stage, shard, settings, threads, ready, go, out))
             for shard in shards]
    for p in procs:
        p.start()
    for _ in procs:
        ready.acquire()
    go.set()
    spans = [out.get() for _ in procs]
    for p in procs:
        p.join()
    return max(e for _, e in spans) - min(s for s, _ in spans)


def part_stages(case_root: Path, e2e_root: Path) -> dict:
    """Each stage alone on both cores, on the documents and texts of the end-to-end run."""
    import dataclasses

    from casefile.case import open_case
    from pipeline.extract_pool import REFERENCE, ExtractPool

    case = open_case(case_root)
    settings = dataclasses.asdict(case.settings)
    with case.store(read_only=True) as s:
        ids = [r["doc_id"] for r in s.query("SELECT doc_id FROM documents ORDER BY first_seen, doc_id")]
    result: dict = {}
    for name, function in (("extract", None), ("extract_pdfplumber_only", REFERENCE)):
        with ExtractPool(case.settings.workers, case.settings.extract_timeout, function=function) as pool:
            pool.extract_all([case.archive.get(ids[0])])   # start the workers before the clock
            start = time.perf_counter()
            pages = 0
            for i in range(0, len(ids), 16):
                got = pool.extract_all([case.archive.get(d) for d in ids[i:i + 16]])
                pages += sum(len(x.pages) for x in got if not isinstance(x, str))
            result[name] = {"seconds": time.perf_counter() - start, "pages": pages}
    texts = _texts(e2e_root)
    result["spacy"] = {"seconds": _stage_alone("tag", texts["pages"], settings, 2, 1), "items": len(texts["pages"])}
    result["spacy_plain"] = {"seconds": _stage_alone("tag_plain", texts["pages"], settings, 1, 1)}
    two_procs = _stage_alone("embed", texts["embedded"], settings, 2, 1)
    two_threads = _stage_alone("embed", texts["embedded"], settings, 1, 2)
    from pipeline.embed import resolve_precision

    precision = resolve_precision(settings["embedding_precision"])
    result["embed"] = {"seconds": min(two_procs, two_threads), "items": len(texts["embedded"]),
                       "two_processes_seconds": two_procs, "one_process_two_threads_seconds": two_threads,
                       "precision": precision}
    if precision != "float32":   # what the precision buys, measured in the same run
        result["embed_float32"] = {"seconds": _stage_alone(
            "embed", texts["embedded"], {**settings, "embedding_precision": "float32"}, 2, 1)}
    return result


PARTS = {"naive": part_naive, "e2e": part_e2e}


# ------------------------------------------------------------------ the report

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


def throughput(size: str, work: Path) -> list[str]:
    import corpus

    files = corpus.build(OUT / f"corpus-{size}", corpus.SIZES[size])
    template = build_template(work / "template", files)
    naive = run_part("naive", str(fresh_copy(template, work / "naive")))
    e2e = run_part("e2e", str(fresh_copy(template, work / "e2e")))
    stages = run_part("stages", str(template), str(work / "e2e"))
    pages, words = e2e["pages"], e2e["words"]
    rows = []

    def row(name: str, seconds: float, n_pages: int | None = None, rss: float | None = None, note: str = "",
            cpu: float | None = None) -> None:
        n = n_pages if n_pages is not None else pages
        rows.append((name, seconds, n / seconds, (words * n / pages) / seconds, rss, cpu, note))

    busy = "other work kept {:.0%} of the cores busy meanwhile".format
    row("naive baseline (one process, document by document)", naive["seconds"], naive["pages"], naive["peak_rss_mb"],
        cpu=naive["cpu_seconds"], note=busy(naive["others_cpu_share"]))
    row("stage alone: extraction (2 workers, fast path)", stages["extract"]["seconds"], stages["extract"]["pages"])
    row("stage alone: extraction, pdfplumber only (2 workers)", stages["extract_pdfplumber_only"]["seconds"],
        stages["extract_pdfplumber_only"]["pages"])
    row("stage alone: spaCy (2 processes)", stages["spacy"]["seconds"])
    rows[-1] = rows[-1][:-1] + (busy(stages["others_cpu_share"]) + " (all stage runs); `nlp.pipe` + analysis",)
    row("spaCy reference: plain `nlp(text)` loop (1 process)", stages["spacy_plain"]["seconds"],
        note="the same page texts, every component, no analysis")
    e = stages["embed"]
    row(f"stage alone: embedding, {e['precision']} (best of 2x1 / 1x2 threads)", e["seconds"], note=(
        f"{e['items']} texts; 2 processes {e['two_processes_seconds']:.1f} s, "
        f"1 process x 2 threads {e['one_process_two_threads_seconds']:.1f} s"))
    if "embed_float32" in stages:
        row("embedding reference: float32 (2 processes)", stages["embed_float32"]["seconds"],
            note="the same texts; the naive baseline embeds in float32 too")
    row("casefile end to end (process)", e2e["seconds"], rss=e2e["peak_rss_mb"], cpu=e2e["cpu_seconds"],
        note=busy(e2e["others_cpu_share"]))
    stage_rows = [r for r in rows if r[0].startswith("stage alone") and "pdfplumber only" not in r[0]]
    slowest = min(stage_rows, key=lambda r: r[2])
    lines = [f"corpus `{size}`: {e2e['documents']} documents ({len(files['minutes'])} minutes and "
             f"{len(files['report'])} report PDFs, {len(files['news'])} news pages), {pages} pages, {words} words; "
             f"{e2e['chunks']} passages and {e2e['events']} events embedded, {e2e['timeline']} timeline entries", "",
             "| part | seconds | pages/s | words/s | peak RSS MB | CPU s | note |", "|---|---:|---:|---:|---:|---:|---|"]
    for name, seconds, pps, wps, rss, cpu, note in rows:
        lines.append(f"| {name} | {seconds:.1f} | {pps:.2f} | {wps:.0f} | {'' if rss is None else f'{rss:.0f}'} "
                     f"| {'' if cpu is None else f'{cpu:.0f}'} | {note} |")
    e2e_pps = pages / e2e["seconds"]
    bound = sum(r[1] for r in stage_rows)   # every stage alone already uses both cores: their sum is the floor
    lines += ["", f"- end to end / naive baseline (pages/s): **{e2e_pps / (naive['pages'] / naive['seconds']):.2f}x** "
              f"(CPU seconds per page: naive {naive['cpu_seconds'] / naive['pages']:.2f}, "
              f"casefile {e2e['cpu_seconds'] / pages:.2f})",
              f"- end to end / the sum of the stages alone ({bound:.1f} s, the best two cores can do when each "
              f"stage already uses both): **{100 * bound / e2e['seconds']:.0f}%**",
              f"- end to end / slowest stage alone ({slowest[0].removeprefix('stage alone: ')}): "
              f"**{100 * e2e_pps / slowest[2]:.0f}%**",
              f"- spaCy through casefile's lanes / a plain `nlp(text)` loop (words/s): "
              f"**{stages['spacy_plain']['seconds'] / stages['spacy']['seconds']:.2f}x**",
              "- where the end-to-end runner's time went (wall seconds): " +
              ", ".join(f"{k} {v}" for k, v in e2e["phases"].items()),
              *([f"- embedding in {e['precision']} / float32 (texts/s): "
                 f"**{stages['embed_float32']['seconds'] / e['seconds']:.2f}x**"] if "embed_float32" in stages else []),
              f"- fast path / pdfplumber-only extraction: "
              f"**{stages['extract_pdfplumber_only']['seconds'] / stages['extract']['seconds']:.2f}x**"]
    return lines


def memory(work: Path) -> list[str]:
    import corpus

    lines = []
    for name, make in (("one 2,000-page PDF", lambda d: corpus.big_pdf(d / "big" / "packet.pdf", 2000).parent),
                       ("5,000 documents (one-paragraph notices)", lambda d: corpus.many_notices(d / "many", 5000))):
        folder = make(OUT)
        template = work / "mem-template"
        if template.exists():
            shutil.rmtree(template)
        from casefile.case import init_case

        init_case(template, "bench-memory")
        subprocess.run([sys.executable, "-m", "casefile.cli", "--case", str(template), "add", str(folder),
                        "--kind", "other", "--source", "bench"], cwd=ROOT, check=True, capture_output=True)
        e2e = run_part("e2e", str(template))
        lines.append(f"- {name}: {e2e['documents']} documents, {e2e['pages']} pages processed in "
                     f"{e2e['seconds']:.0f} s ({e2e['pages'] / e2e['seconds']:.2f} pages/s); "
                     f"peak RSS of the process tree **{e2e['peak_rss_mb']:.0f} MB**")
    return lines


def record(block: list[str], path: Path, key: str) -> None:
    """Replace this run's block (between its markers) in the "## Pipeline throughput" section of
    RESULTS.md; the section's prose and the other sections stay as they are."""
    text = path.read_text(encoding="utf-8") if path.exists() else "# Benchmark results\n"
    begin, end = f"<!-- bench/pipeline.py {key} -->", f"<!-- /bench/pipeline.py {key} -->"
    body = begin + "\n" + "\n".join(block).rstrip("\n") + "\n" + end
    if begin in text and end in text:
        text = text[:text.index(begin)] + body + text[text.index(end) + len(end):]
    elif "## Pipeline throughput\n" in text:
        start = text.index("## Pipeline throughput\n")
        stop = text.find("\n## ", start + 1)
        stop = len(text) if stop == -1 else stop
        text = text[:stop].rstrip("\n") + "\n\n" + body + "\n" + text[stop:]
    else:
        text = text.rstrip("\n") + "\n\n## Pipeline throughput\n\n" + body + "\n"
    path.write_text(text, encoding="utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--small", action="store_true", help="a quick run on a small corpus")
    parser.add_argument("--size", choices=("small", "medium", "full"), default="full",
                        help="corpus size (full: the default of `make bench`)")
    parser.add_argument("--memory", action="store_true", help="peak RSS on a 2,000-page PDF and 5,000 documents")
    parser.add_argument("--record", action="store_true", help="write the results into bench/RESULTS.md")
    parser.add_argument("--part", help=argparse.SUPPRESS)
    parser.add_argument("--out", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("args", nargs="*", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.part:
        func = part_stages if args.part == "stages" else PARTS[args.part]
        args.out.write_text(json.dumps(func(*map(Path, args.args)), default=str))
        return
    stamp = datetime.now(timezone.utc).strftime("%Y-%m-%d %H:%M UTC")
    with tempfile.TemporaryDirectory(prefix="casefile-bench-") as tmp:
        size = "small" if args.small else args.size
        lines = memory(Path(tmp)) if args.memory else throughput(size, Path(tmp))
    load = ", ".join(f"{x:.1f}" for x in os.getloadavg())
    flags = " --memory" if args.memory else ("" if size == "full" else f" --size {size}")
    block = [f"`bench/pipeline.py{flags}` "
             f"run {stamp} on {machine()}; load average at the end {load} (other work shares the machine: "
             "compare the ratios, measured in the same run).", ""] + lines
    print("\n".join(block))
    if args.record:
        record(block, ROOT / "bench" / "RESULTS.md", "memory" if args.memory else "throughput")


if __name__ == "__main__":
    main()
