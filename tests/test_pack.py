"""Evidence packs from the demo case: contents, determinism, and `casefile verify` naming every
altered, missing or added file."""
from __future__ import annotations

import csv
import hashlib
import io
import json
import zipfile
from datetime import datetime, timezone
from pathlib import Path

import pytest

from casefile.formatting import date_label
from tests.conftest import run_cli
from tests.web_cases import demo_case

CREATED = datetime(2024, 5, 1, 12, 0, tzinfo=timezone.utc)


@pytest.fixture(scope="module")
def case() -> Path:
    return demo_case()


@pytest.fixture(scope="module")
def pack(case, tmp_path_factory) -> Path:
    """The whole timeline's pack, by the real command."""
    out = tmp_path_factory.mktemp("pack") / "pack.zip"
    proc = run_cli("pack", "-o", str(out), case=case)
    assert proc.stdout.startswith(f"wrote {out}:")
    return out


def build(case: Path, **filters) -> bytes:
    from casefile.case import open_case
    from pipeline.run import STAGE_VERSIONS
    from queries.filters import Filters
    from queries.packs import build_pack

    c = open_case(case)
    buf = io.BytesIO()
    events = filters.pop("events", [])
    with c.store(read_only=True) as store:
        build_pack(store, c.archive, buf, Filters(**filters), events, case_name=c.name, label=date_label,
                   created=CREATED, stage_versions=STAGE_VERSIONS)
    return buf.getvalue()


def rewrite(src: Path, dst: Path, change: dict[str, bytes | None] | None = None, add: dict[str, bytes] | None = None) -> Path:
    """Copy a ZIP, replacing (bytes) or dropping (None) some members, and adding others."""
    change = change or {}
    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(dst, "w", zipfile.ZIP_DEFLATED) as zout:
        for info in zin.infolist():
            if info.filename in change:
                if change[info.filename] is not None:
                    zout.writestr(info, change[info.filename])
            else:
                zout.writestr(info, zin.read(info))
        for name, data in (add or {}).items():
            zout.writestr(name, data)
    return dst


def flip(data: bytes, at: int | None = None) -> bytes:
    at = len(data) // 2 if at is None else at
    return data[:at] + bytes([data[at] ^ 0x01]) + data[at + 1:]


def test_pack_layout_and_manifest(pack):
    from pipeline.run import STAGE_VERSIONS
    from casefile import __version__

    with zipfile.ZipFile(pack) as zf:
        names = zf.namelist()
        manifest = json.loads(zf.read("manifest.json"))
        assert {"report.html", "report.pdf", "events.csv", "manifest.json", "manifest.sha256"} <= set(names)
        originals = [n for n in names if n.startswith("originals/")]
        assert originals and len(originals) == len(set(originals))
        assert set(manifest["files"]) == set(names) - {"manifest.json", "manifest.sha256"}
        for name, meta in manifest["files"].items():
            assert hashlib.sha256(zf.read(name)).hexdigest() == meta["sha256"]
        assert zf.read("manifest.sha256").decode() == \
            f"{hashlib.sha256(zf.read('manifest.json')).hexdigest()}  manifest.json\n"
    assert manifest["casefile_version"] == __version__
    assert manifest["stage_versions"] == STAGE_VERSIONS
    assert manifest["filters"] == {} and manifest["created"].endswith("Z")
    for d in manifest["documents"]:        # an original is stored under its own sha256: the file is the evidence
        assert manifest["files"][d["file"]]["sha256"] == d["sha256"]


def test_report_cites_every_quote(pack, case):
    from html import escape

    with zipfile.ZipFile(pack) as zf:
        html = zf.read("report.html").decode()
        rows = list(csv.DictReader(io.StringIO(zf.read("events.csv").decode())))
        pdf = zf.read("report.pdf")
    assert "<script" not in html and "http://" not in html.split("<body>")[0]   # self-contained: nothing fetched
    for r in rows:
        assert escape(r["quote"], quote=True) in " ".join(html.split())
        assert r["sha256"] in html and escape(r["url"], quote=True) in html and r["retrieved_at"] in html
        assert r["document_title"] and r["page"] and r["retrieved_at"] and r["original_file"].startswith("originals/")
    assert pdf.startswith(b"%PDF")
    import pdfplumber

    with pdfplumber.open(io.BytesIO(pdf)) as doc:
        text = " ".join(" ".join((p.extract_text() or "").split()) for p in doc.pages)
    assert "Evidence pack" in text and rows[0]["sha256"][:20] in text.replace(" ", "")


def test_pack_is_deterministic(case):
    assert build(case, person="Whitfield") == build(case, person="Whitfield")


def test_pack_of_chosen_events(case, tmp_path):
    from queries.pack_verify import verify_pack

    full = json.loads(zipfile.ZipFile(io.BytesIO(build(case))).read("manifest.json"))
    chosen = full["entries"][:2]
    out = tmp_path / "two.zip"
    run_cli("pack", "--event", chosen[0][:10], "--event", chosen[1], "-o", str(out), case=case)
    manifest = json.loads(zipfile.ZipFile(out).read("manifest.json"))
    assert manifest["entries"] == chosen and manifest["events"] == [chosen[0][:10], chosen[1]]
    assert verify_pack(out).ok
    bad = run_cli("pack", "--event", "ffffffffffff", "-o", str(tmp_path / "x.zip"), case=case, check=False)
    assert bad.returncode == 1 and "no timeline entry matches event" in bad.stderr
    assert not (tmp_path / "x.zip").exists()


def test_verify_passes_untouched_pack(pack):
    proc = run_cli("verify", str(pack))
    assert proc.stdout.startswith("OK: all ") and "manifest sha256: " in proc.stdout


def test_changing_one_byte_of_any_file_is_named(pack, tmp_path):
    from queries.pack_verify import verify_pack

    with zipfile.ZipFile(pack) as zf:
        names = zf.namelist()
        contents = {n: zf.read(n) for n in names}
    for name in names:
        bad = rewrite(pack, tmp_path / "bad.zip", {name: flip(contents[name])})
        result = verify_pack(bad)
        assert not result.ok, name
        assert any(name in where for _, where in result.problems), (name, result.problems)


def test_verify_cli_names_altered_missing_and_added_files(pack, tmp_path):
    with zipfile.ZipFile(pack) as zf:
        original = next(n for n in zf.namelist() if n.startswith("originals/"))
        report = zf.read("report.html")
    bad = rewrite(pack, tmp_path / "bad.zip", {"report.html": flip(report), original: None},
                  add={"originals/extra.pdf": b"%PDF-1.4 planted"})
    proc = run_cli("verify", str(bad), check=False)
    assert proc.returncode == 1
    assert sorted(proc.stdout.splitlines()) == sorted([f"missing: {original}", "altered: report.html",
                                                       "added: originals/extra.pdf"])
    assert "FAILED" in proc.stderr


def test_verify_catches_damaged_zip_bytes(pack, tmp_path):
    """A byte flipped in the ZIP itself (not through zipfile) breaks its CRC or its deflate stream: named too."""
    from queries.pack_verify import verify_pack

    with zipfile.ZipFile(pack) as zf:
        infos = zf.infolist()
    for info in infos:
        raw = bytearray(pack.read_bytes())
        data_start = info.header_offset + 30 + len(info.filename.encode()) + len(info.extra)
        raw[data_start + info.compress_size // 2] ^= 0xFF
        bad = tmp_path / "damaged.zip"
        bad.write_bytes(bytes(raw))
        problems = verify_pack(bad).problems
        assert any(info.filename in where for _, where in problems), (info.filename, problems)


def test_verify_needs_no_case_and_rejects_non_packs(tmp_path):
    junk = tmp_path / "junk.zip"
    junk.write_bytes(b"not a zip")
    proc = run_cli("verify", str(junk), check=False, env={"CASEFILE_CASE": str(tmp_path / "nowhere")})
    assert proc.returncode == 1 and proc.stderr.startswith("error: ") and len(proc.stderr.splitlines()) == 1
    empty = tmp_path / "empty.zip"
    zipfile.ZipFile(empty, "w").close()
    proc = run_cli("verify", str(empty), check=False)
    assert proc.returncode == 1 and "missing: manifest.json" in proc.stdout


def test_original_names_keep_names_and_resolve_collisions():
    from queries.packs import original_names

    docs = [{"doc_id": "a" * 64, "filename": "minutes.pdf", "url": None},
            {"doc_id": "b" * 64, "filename": "Minutes.PDF", "url": None},
            {"doc_id": "c" * 64, "filename": None, "url": "https://x.example/2018/report%20final.pdf?x=1"},
            {"doc_id": "d" * 64, "filename": "../../etc/passwd", "url": None},
            {"doc_id": "e" * 64, "filename": None, "url": "https://x.example/story", "content_type": "text/html"},
            {"doc_id": "f" * 64, "filename": ".hidden", "url": None}]
    names = original_names(docs)
    assert names["a" * 64] == "minutes-aaaaaaaaaaaa.pdf" and names["b" * 64] == "Minutes-bbbbbbbbbbbb.PDF"
    assert names["c" * 64] == "report final.pdf"
    assert names["d" * 64] == "passwd"
    assert names["e" * 64] == "story.html"
    assert names["f" * 64] == "hidden"
    assert len(set(names.values())) == len(names)


def test_quotes_from_pdfs_carry_a_highlighted_crop_of_their_page(pack):
    """Every quote from a PDF (a scan's too) carries its page crop, in report.html, report.pdf,
    events.csv and the manifest; quotes from web pages (no page to show) carry none."""
    import numpy as np
    from PIL import Image

    with zipfile.ZipFile(pack) as zf:
        rows = list(csv.DictReader(io.StringIO(zf.read("events.csv").decode())))
        manifest = json.loads(zf.read("manifest.json"))
        html = zf.read("report.html").decode()
        pdf = zf.read("report.pdf")
        crops = {n: zf.read(n) for n in zf.namelist() if n.startswith("crops/")}
    from_pdf = [r for r in rows if r["original_file"].endswith(".pdf")]
    assert from_pdf and all(r["crop_file"] for r in from_pdf)
    assert not [r for r in rows if not r["original_file"].endswith(".pdf") and r["crop_file"]]
    assert set(crops) == {r["crop_file"] for r in from_pdf} and set(crops) <= set(manifest["files"])
    for r in from_pdf:
        assert r["crop_file"] == f"crops/{r['sha256'][:12]}-p{r['page']}-{r['char_start']}-{r['char_end']}.png"
        assert f'<img src="{r["crop_file"]}"' in html
    for data in crops.values():
        image = np.asarray(Image.open(io.BytesIO(data)).convert("RGB")).astype(int)
        assert image.shape[1] >= 700 and 40 < image.shape[0] < 0.6 * 1400 * 1.3   # a band of the page
        r, g, b = image[..., 0], image[..., 1], image[..., 2]
        yellow = ((r - b > 60) & (g - b > 40)).mean()
        assert 0.05 < yellow < 0.6                                     # the quote is highlighted on it
    import pypdfium2 as pdfium

    doc = pdfium.PdfDocument(pdf)
    images = sum(1 for page in doc for obj in page.get_objects() if obj.type == pdfium.raw.FPDF_PAGEOBJ_IMAGE)
    assert images == len(from_pdf)                                     # one crop drawn under each quote


def test_tampering_with_a_crop_is_named(pack, tmp_path):
    with zipfile.ZipFile(pack) as zf:
        crop = next(n for n in zf.namelist() if n.startswith("crops/"))
        data = zf.read(crop)
    bad = rewrite(pack, tmp_path / "bad.zip", {crop: flip(data, len(data) - 20)})
    proc = run_cli("verify", str(bad), check=False)
    assert proc.returncode == 1 and proc.stdout.splitlines() == [f"altered: {crop}"]
