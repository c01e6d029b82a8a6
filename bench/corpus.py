"""A realistic generated corpus for `bench/pipeline.py`: multi-page board minutes and review reports
(PDF, some pages with ruled tables and two columns) and news articles (HTML), written from the demo
case's sentences (`casefile/demo/text/`) and rendered by the demo site's own builders.

Deterministic for a given size and seed; cached under bench/out/ so reruns skip the rendering.
"""
from __future__ import annotations

import copy
import datetime as dt
import random
from dataclasses import dataclass
from pathlib import Path

from casefile.demo import build_site as site
from casefile.demo.text import minutes as minutes_text
from casefile.demo.text import news as news_text
from casefile.demo.text import report as report_text


@dataclass(frozen=True)
class Size:
    minutes: int
    reports: int
    news: int


SIZES = {
    "small": Size(minutes=10, reports=3, news=16),
    "medium": Size(minutes=40, reports=10, news=60),
    "full": Size(minutes=120, reports=30, news=200),
}


def _pools() -> dict[str, list[str]]:
    meetings = minutes_text.MEETINGS
    minute_paras = [t for m in meetings for t in m["report"]] + \
        [t for m in meetings for kind, t in m["blocks"] if kind == "p"]
    report_paras = [v for page in report_text.PAGES for kind, v in page if kind == "p" and len(v) > 80]
    news_paras = [p for a in news_text.ARTICLES if a["topic"] for p in a["paras"]]
    return {"minutes": minute_paras, "report": report_paras, "news": news_paras}


def _long(day: dt.date) -> str:
    return f"{day.strftime('%B')} {day.day}, {day.year}"


def minutes_doc(i: int, rng: random.Random, pools: dict[str, list[str]]) -> bytes:
    """A demo meeting moved to another month, its director's report and business made longer."""
    m = copy.deepcopy(rng.choice(minutes_text.MEETINGS))
    day = dt.date(2008, 1, 8) + dt.timedelta(days=28 * i + rng.randint(0, 6))
    m.update({"date": day.isoformat(), "long": _long(day), "prev": _long(day - dt.timedelta(days=28)),
              "approved": _long(day + dt.timedelta(days=28))})
    m.pop("attachment", None)
    m["report"] = m["report"] + rng.sample(pools["minutes"], rng.randint(3, 8))
    extra = [("h", "OLD BUSINESS")] + [("p", p) for p in rng.sample(pools["minutes"], rng.randint(4, 12))]
    m["blocks"] = list(m["blocks"]) + extra
    return site.minutes_pdf(m)


def report_doc(i: int, rng: random.Random, pools: dict[str, list[str]]) -> bytes:
    """A review report: one-column prose, a two-column section, a ruled table, running head and folio."""
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import letter
    from reportlab.platypus import (BaseDocTemplate, Frame, NextPageTemplate, PageBreak, PageTemplate,
                                    Paragraph, Table, TableStyle)
    import io

    st = site.styles()
    width, height = letter
    day = dt.date(2009, 3, 1) + dt.timedelta(days=90 * i + rng.randint(0, 30))
    head = f"Review of the Harlan County Department of Social Services \u2014 {day.strftime('%B %Y')}"

    def decorate(canv, doc):
        canv.saveState()
        canv.setFont("Helvetica", 8.5)
        canv.drawCentredString(width / 2, height - 40, head)
        canv.drawCentredString(width / 2, 40, f"Page {doc.page}")
        canv.restoreState()

    one = Frame(72, 72, width - 144, height - 144, id="one")
    left = Frame(72, 72, (width - 162) / 2, height - 144, id="left")
    right = Frame(90 + (width - 162) / 2, 72, (width - 162) / 2, height - 144, id="right")
    buf = io.BytesIO()
    doc = BaseDocTemplate(buf, pagesize=letter, invariant=1, title=f"Review report {_long(day)}",
                          author="State Department of Health and Human Services",
                          pageTemplates=[PageTemplate("one", [one], onPage=decorate),
                                         PageTemplate("two", [left, right], onPage=decorate)])
    story = [Paragraph(f"Review of the Harlan County Department of Social Services, {_long(day)}", st["rh"])]
    sections = rng.randint(3, 6)
    for s in range(sections):
        heading = rng.choice(["Findings", "Staffing", "Oversight", "Case practice", "Recommendations"])
        story.append(Paragraph(f"{s + 1}. {heading}", st["rh2"]))
        story += [Paragraph(p, st["body"]) for p in rng.sample(pools["report"] + pools["news"], rng.randint(5, 9))]
        if s % 2 == 1:   # a two-column section
            story += [NextPageTemplate("two"), PageBreak()]
            story += [Paragraph(p, st["body"]) for p in rng.sample(pools["minutes"], rng.randint(8, 12))]
            story += [NextPageTemplate("one"), PageBreak()]
        if s % 3 == 2:   # a ruled table
            data = [[Paragraph(c, st["cellb" if r == 0 else "cell"]) for c in row]
                    for r, row in enumerate(report_text.TABLE_QUARTERS)]
            table = Table(data, repeatRows=1)
            table.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0.5, colors.black)]))
            story.append(table)
    doc.build(story)
    return buf.getvalue()


def news_doc(i: int, rng: random.Random, pools: dict[str, list[str]]) -> bytes:
    a = copy.deepcopy(rng.choice([a for a in news_text.ARTICLES if a["topic"]]))
    day = dt.date(2008, 1, 2) + dt.timedelta(days=9 * i + rng.randint(0, 5))
    a.update({"date": day.isoformat(), "slug": f"{a['slug']}-{i}",
              "paras": a["paras"] + rng.sample(pools["news"], rng.randint(3, 10))})
    others = [a] * 4
    render = site.herald_article if a["outlet"] == "herald" else site.gazette_article
    return render(a, others).encode("utf-8")


def build(folder: Path, size: Size, seed: int = 8) -> dict[str, list[Path]]:
    """Files by kind (minutes, report, news) under `folder`; existing files are kept (a cache)."""
    pools = _pools()
    out: dict[str, list[Path]] = {}
    for kind, count, make, ext in (("minutes", size.minutes, minutes_doc, "pdf"),
                                   ("report", size.reports, report_doc, "pdf"),
                                   ("news", size.news, news_doc, "html")):
        sub = folder / kind
        sub.mkdir(parents=True, exist_ok=True)
        paths = []
        for i in range(count):
            path = sub / f"{kind}-{i:04d}.{ext}"
            if not path.exists():
                rng = random.Random(f"{seed}-{kind}-{i}")
                path.write_bytes(make(i, rng, pools))
            paths.append(path)
        out[kind] = paths
    return out


def big_pdf(path: Path, pages: int, seed: int = 9) -> Path:
    """One long PDF (a board packet): `pages` pages of minutes prose with a running head."""
    if path.exists():
        return path
    from reportlab.lib.pagesizes import letter
    from reportlab.platypus import BaseDocTemplate, Frame, PageBreak, PageTemplate, Paragraph

    rng = random.Random(seed)
    pools = _pools()
    st = site.styles()
    width, height = letter

    def decorate(canv, doc):
        canv.setFont("Helvetica", 8.5)
        canv.drawCentredString(width / 2, height - 40, "Harlan County Social Services Board \u2014 Board Packet")
        canv.drawCentredString(width / 2, 40, f"Page {doc.page}")

    path.parent.mkdir(parents=True, exist_ok=True)
    doc = BaseDocTemplate(str(path), pagesize=letter, invariant=1,
                          pageTemplates=[PageTemplate("one", [Frame(72, 72, width - 144, height - 144)],
                                                      onPage=decorate)])
    story = []
    for _ in range(pages):
        story += [Paragraph(p, st["body"]) for p in rng.sample(pools["minutes"], 2)] + [PageBreak()]
    doc.build(story)
    return path


def many_notices(folder: Path, count: int, seed: int = 10) -> Path:
    """`count` short plain-text notices (one paragraph each), for the many-documents memory run."""
    folder.mkdir(parents=True, exist_ok=True)
    if len(list(folder.glob("*.txt"))) >= count:
        return folder
    rng = random.Random(seed)
    pools = _pools()
    for i in range(count):
        day = dt.date(2005, 1, 1) + dt.timedelta(days=i)
        text = f"Notice {i} of {_long(day)}\n\n{rng.choice(pools['news'])}\n"
        (folder / f"notice-{i:05d}.txt").write_text(text, encoding="utf-8")
    return folder
