"""Generate the static website of the bundled demo case (fictional Harlan County DSS).

    python -m casefile.demo.build_site           # (re)write casefile/demo/site/ and gold.csv
    python -m casefile.demo.build_site --check   # verify the committed outputs against gold.csv

Deterministic: reportlab runs with ``invariant=1`` and the scanned page is drawn
with a seeded random generator, so re-running produces byte-identical files
(document ids are sha256 of bytes). Needs reportlab and Pillow (the ``test``
extra); ``--check`` also needs pdfplumber and, for the OCR check, tesseract.

All links in the site are root-relative: the demo serves it from 127.0.0.1 on
an ephemeral port.
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import html
import io
import json
import random
import re
import shutil
import subprocess
import sys
import tempfile
from email.utils import format_datetime
from pathlib import Path

from .text import gold as gold_text
from .text import minutes as minutes_text
from .text import news as news_text
from .text import report as report_text

HERE = Path(__file__).resolve().parent
SITE = HERE / "site"
GOLD_CSV = HERE / "gold.csv"
FONT_DIR = Path("/usr/share/fonts/truetype/dejavu")
MINUTES_DIR = "/dss/board"
REPORT_PATH = "/state/reviews/harlan-dss-review-2018.pdf"
SCAN_SEED = 20180515


# ---------------------------------------------------------------- helpers

def long_date(iso: str) -> str:
    d = dt.date.fromisoformat(iso)
    return f"{d.strftime('%B')} {d.day}, {d.year}"


def write(path: str, data: bytes | str) -> None:
    target = SITE / path.lstrip("/")
    target.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(data, str):
        data = data.encode("utf-8")
    target.write_bytes(data)


def ny_offset(day: dt.date) -> dt.timezone:
    """America/New_York offset for a date (US rules since 2007; times are mid-morning)."""
    def nth_sunday(year, month, n):
        d = dt.date(year, month, 1)
        d += dt.timedelta(days=(6 - d.weekday()) % 7)
        return d + dt.timedelta(weeks=n - 1)
    start, end = nth_sunday(day.year, 3, 2), nth_sunday(day.year, 11, 1)
    hours = -4 if start <= day < end else -5
    return dt.timezone(dt.timedelta(hours=hours))


def published(article) -> dt.datetime:
    day = dt.date.fromisoformat(article["date"])
    hh, mm = map(int, article["time"].split(":"))
    return dt.datetime(day.year, day.month, day.day, hh, mm, tzinfo=ny_offset(day))


def article_path(a) -> str:
    if a["outlet"] == "herald":
        y, m, d = a["date"].split("-")
        return f"/herald/{y}/{m}/{d}/{a['slug']}.html"
    return f"/gazette/news/{a['date'].replace('-', '')}-{a['slug']}.html"


def esc(s: str) -> str:
    return html.escape(s, quote=True)


# ---------------------------------------------------------------- PDF: common

def _rl():
    from reportlab.lib import colors
    from reportlab.lib.enums import TA_CENTER
    from reportlab.lib.pagesizes import letter
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.lib.units import inch
    return colors, TA_CENTER, letter, ParagraphStyle, inch


def styles():
    colors, TA_CENTER, letter, PS, inch = _rl()
    body = PS("body", fontName="Times-Roman", fontSize=11, leading=14, spaceAfter=7)
    return {
        "body": body,
        "vote": PS("vote", parent=body, leftIndent=24, fontSize=10.5, leading=13),
        "h": PS("h", parent=body, fontName="Times-Bold", spaceBefore=8, spaceAfter=5),
        "h2": PS("h2", parent=body, fontName="Times-BoldItalic", spaceBefore=2, spaceAfter=4),
        "title1": PS("title1", parent=body, fontName="Times-Bold", fontSize=14, leading=18,
                     alignment=TA_CENTER, spaceAfter=4),
        "title2": PS("title2", parent=body, fontSize=12, leading=15, alignment=TA_CENTER,
                     spaceAfter=3),
        "title3": PS("title3", parent=body, fontSize=10, leading=13, alignment=TA_CENTER,
                     spaceAfter=14),
        "small": PS("small", parent=body, fontSize=9, leading=11.5),
        "cell": PS("cell", parent=body, fontSize=9.5, leading=11.5, spaceAfter=0),
        "cellb": PS("cellb", parent=body, fontName="Times-Bold", fontSize=9.5, leading=11.5,
                    spaceAfter=0),
        "bullet": PS("bullet", parent=body, leftIndent=22, bulletIndent=8),
        "rh": PS("rh", parent=body, fontName="Helvetica-Bold", fontSize=20, leading=26,
                 alignment=TA_CENTER, spaceAfter=12),
        "rsub": PS("rsub", parent=body, fontName="Helvetica", fontSize=13, leading=17,
                   alignment=TA_CENTER, spaceAfter=10),
        "rh2": PS("rh2", parent=body, fontName="Helvetica-Bold", fontSize=13, leading=16,
                  spaceBefore=6, spaceAfter=8),
    }


def build_pdf(make_story, header: str | None, meta: dict, first_header: bool = True,
              scan_image: bytes | None = None) -> bytes:
    """Build a letter-size PDF with a running header and 'Page X of Y' footer.

    ``make_story(NextPageTemplate)`` returns a fresh list of flowables (the
    story is built twice: once to count pages). A page using the 'scan'
    template shows only ``scan_image`` (no text layer, no header/footer).
    """
    from reportlab.lib.utils import ImageReader
    from reportlab.platypus import BaseDocTemplate, Frame, NextPageTemplate, PageTemplate
    colors, TA_CENTER, letter, PS, inch = _rl()
    width, height = letter

    def render(total: int) -> tuple[bytes, int]:
        buf = io.BytesIO()
        counter = {"pages": 0}

        def decorate(canv, doc):
            counter["pages"] = canv.getPageNumber()
            n = canv.getPageNumber()
            canv.saveState()
            if header and (first_header or n > 1):
                canv.setFont("Helvetica", 8.5)
                canv.setFillColor(colors.HexColor("#333333"))
                canv.drawCentredString(width / 2, height - 0.55 * inch, header)
                canv.setLineWidth(0.4)
                canv.line(inch, height - 0.62 * inch, width - inch, height - 0.62 * inch)
            if first_header or n > 1:
                canv.setFont("Helvetica", 8.5)
                canv.drawCentredString(width / 2, 0.55 * inch, f"Page {n} of {total}")
            canv.restoreState()

        def scan(canv, doc):
            counter["pages"] = canv.getPageNumber()
            canv.drawImage(ImageReader(io.BytesIO(scan_image)), 0, 0, width=width, height=height)

        doc = BaseDocTemplate(
            buf, pagesize=letter, leftMargin=inch, rightMargin=inch, topMargin=inch,
            bottomMargin=inch, invariant=1, allowSplitting=0, creator="casefile demo",
            producer="casefile demo (ReportLab)", **meta)
        frame = Frame(inch, inch, width - 2 * inch, height - 2 * inch, id="body")
        templates = [PageTemplate(id="main", frames=[frame], onPage=decorate)]
        if scan_image is not None:
            full = Frame(0, 0, width, height, id="full", leftPadding=0, rightPadding=0,
                         topPadding=0, bottomPadding=0)
            templates.append(PageTemplate(id="scan", frames=[full], onPage=scan))
        doc.addPageTemplates(templates)
        doc.build(make_story(NextPageTemplate))
        return buf.getvalue(), counter["pages"]

    _, pages = render(0)
    data, pages2 = render(pages)
    assert pages == pages2
    return data


# ---------------------------------------------------------------- PDF: minutes

def minutes_story(m, st, NextPageTemplate):
    from reportlab.platypus import PageBreak, Paragraph, Spacer
    B = minutes_text.BOARD
    f = m["fin"]
    P = lambda text, s="body": Paragraph(text, st[s])  # noqa: E731
    story = [
        P("HARLAN COUNTY SOCIAL SERVICES BOARD", "title1"),
        P(f"Minutes of the Regular Meeting held {m['long']}", "title2"),
        P("Board Room, Harlan County Human Services Center, 210 Courthouse Street, Millbrook", "title3"),
        P("<b>MEMBERS PRESENT:</b> " + "; ".join(B[k] for k in m["present"]) + "."),
        P("<b>MEMBERS ABSENT:</b> " + ("; ".join(B[k] + " (excused)" for k in m["absent"])
                                       if m["absent"] else "None") + "."),
        P("<b>STAFF PRESENT:</b> " + "; ".join(m["staff"]) + "."),
        P("1. CALL TO ORDER", "h"),
        P(f"Chair Brennan called the meeting to order at 6:00 p.m. and confirmed that a quorum was present. "
          f"Notice of the meeting was posted in accordance with the state open meetings law."),
        P("2. APPROVAL OF AGENDA", "h"),
        P("The agenda was approved as presented by unanimous consent."),
        P("3. APPROVAL OF MINUTES", "h"),
        P(f"The minutes of the {m['prev']} regular meeting were approved as presented by unanimous consent."),
        P(f"4. {m['report_heading']}", "h"),
    ]
    story += [P(t) for t in m["report"]]
    story += [
        P("5. FINANCIAL REPORT", "h"),
        P(f"The Business Officer presented the financial report for the period ending {f['period']}. "
          f"Total expenditures for {f['fy']} to date are {f['spent']}, or {f['pct']} percent of the "
          f"adopted budget of {f['budget']}. Foster care board payments are running {f['fc']} percent "
          f"above the budgeted amount because of the number of children in custody. The report was "
          f"received for information."),
        P("6. PROGRAM REPORTS", "h"),
        P(f"Economic Services: The Food and Nutrition Services unit processed {f['fns']} applications "
          f"in {f['month']}, and {f['fns_pct']} percent were processed within the required time. "
          f"Medicaid applications pending beyond 45 days numbered {f['medicaid']} at the end of the month."),
        P(f"Adult Services: Adult Protective Services received {f['aps']} reports in {f['month']} and "
          f"accepted {f['aps_acc']} for evaluation. Child Support: collections for the month totaled {f['cs']}."),
    ]
    n = 7
    for kind, text in m["blocks"]:
        if kind == "h":
            story.append(P(f"{n}. {text}", "h"))
            n += 1
        else:
            story.append(P(text, {"p": "body", "vote": "vote", "h2": "h2"}[kind]))
    story += [
        P(f"{n}. ADJOURNMENT", "h"),
        P(f"There being no further business, the meeting was adjourned at {m['adjourn']} p.m. by unanimous consent."),
        Spacer(1, 18),
        P(f"These minutes were approved by the Board at its regular meeting of {m['approved']}."),
        Spacer(1, 24),
        P("______________________________<br/>Thomas Brennan, Chair"),
        Spacer(1, 12),
        P("______________________________<br/>Attest: Clerk to the Board"),
    ]
    if m.get("attachment"):
        story += [NextPageTemplate("scan"), PageBreak(), Spacer(1, 1)]
    return story


def minutes_pdf(m, scan_image=None) -> bytes:
    st = styles()
    header = f"Harlan County Social Services Board \u2014 Minutes \u2014 {m['long']}"
    meta = {"title": f"Minutes of the Regular Meeting held {m['long']}",
            "author": "Harlan County Social Services Board",
            "subject": "Harlan County Social Services Board minutes"}
    return build_pdf(lambda NPT: minutes_story(m, st, NPT), header, meta,
                     scan_image=scan_image)


def agenda_pdf(a) -> bytes:
    from reportlab.platypus import Paragraph
    st = styles()

    def story(NPT):
        s = [Paragraph("HARLAN COUNTY SOCIAL SERVICES BOARD", st["title1"]),
             Paragraph(f"Agenda \u2014 Regular Meeting \u2014 {a['long']}, 6:00 p.m.", st["title2"]),
             Paragraph("Board Room, Harlan County Human Services Center, 210 Courthouse Street, Millbrook",
                       st["title3"])]
        s += [Paragraph(f"{i}. {item}", st["body"]) for i, item in enumerate(a["items"], 1)]
        s.append(Paragraph("Persons needing accommodation to attend should contact the Clerk to the "
                           "Board at least 48 hours before the meeting.", st["small"]))
        return s

    meta = {"title": f"Agenda, Regular Meeting, {a['long']}",
            "author": "Harlan County Social Services Board", "subject": "Agenda"}
    return build_pdf(story, f"Harlan County Social Services Board \u2014 Agenda \u2014 {a['long']}", meta)


# ---------------------------------------------------------------- PDF: state review

def report_pdf() -> bytes:
    from reportlab.platypus import PageBreak, Paragraph, Spacer, Table, TableStyle
    colors, TA_CENTER, letter, PS, inch = _rl()
    st = styles()
    R = report_text

    def table(rows, widths, header_bg="#d9d9d9"):
        data = [[Paragraph(c, st["cellb" if i == 0 else "cell"]) for c in row]
                for i, row in enumerate(rows)]
        t = Table(data, colWidths=widths, repeatRows=1)
        t.setStyle(TableStyle([
            ("GRID", (0, 0), (-1, -1), 0.5, colors.black),
            ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor(header_bg)),
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("TOPPADDING", (0, 0), (-1, -1), 3),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
        ]))
        return t

    def story(NPT):
        c = R.COVER
        s = [Spacer(1, 1.2 * inch),
             Paragraph(c["agency"], st["rsub"]),
             Paragraph(c["division"], st["rsub"]),
             Spacer(1, 0.8 * inch),
             Paragraph(c["title"], st["rh"]),
             Paragraph(c["subtitle"], st["rsub"]),
             Spacer(1, 0.8 * inch),
             Paragraph(c["date_line"], st["rsub"]),
             Paragraph(c["prepared"], st["title2"]),
             Spacer(1, 2.0 * inch),
             Paragraph(c["note"], st["small"])]
        for page in R.PAGES:
            s.append(PageBreak())
            for kind, val in page:
                if kind == "h":
                    s.append(Paragraph(val, st["rh2"]))
                elif kind == "p":
                    s.append(Paragraph(val, st["body"]))
                elif kind == "small":
                    s.append(Spacer(1, 12))
                    s.append(Paragraph(val, st["small"]))
                elif kind == "caption":
                    s.append(Spacer(1, 4))
                    s.append(Paragraph(val, st["small"]))
                elif kind == "bullets":
                    s += [Paragraph(v, st["bullet"], bulletText="\u2022") for v in val]
                elif kind == "numbered":
                    s += [Paragraph(v, st["bullet"], bulletText=f"{i}.") for i, v in enumerate(val, 1)]
                elif kind == "table":
                    s.append(Spacer(1, 6))
                    s.append(table(R.TABLE_QUARTERS, [0.9 * inch, 1.45 * inch, 1.2 * inch,
                                                      1.0 * inch, 1.95 * inch]))
                elif kind == "people_table":
                    s.append(table(R.INTERVIEWED, [1.8 * inch, 4.7 * inch]))
                    s.append(Spacer(1, 8))
        return s

    meta = {"title": R.COVER["title"], "author": "State Department of Health and Human Services",
            "subject": "Division of Child Welfare review, " + R.REPORT_DATE}
    return build_pdf(story, R.HEADER, meta, first_header=False)


# ---------------------------------------------------------------- scanned letter

def scanned_letter() -> bytes:
    """Render the DA's letter as a 200 dpi greyscale 'scan' (JPEG bytes)."""
    from PIL import Image, ImageDraw, ImageFilter, ImageFont
    L = minutes_text.DA_LETTER
    rng = random.Random(SCAN_SEED)
    W, H = 1700, 2200  # letter at 200 dpi
    font = ImageFont.truetype(str(FONT_DIR / "DejaVuSerif.ttf"), 31)
    bold = ImageFont.truetype(str(FONT_DIR / "DejaVuSerif-Bold.ttf"), 36)
    small = ImageFont.truetype(str(FONT_DIR / "DejaVuSerif.ttf"), 27)
    stamp_font = ImageFont.truetype(str(FONT_DIR / "DejaVuSans-Bold.ttf"), 30)

    # paper: off-white with a faint, smooth unevenness
    tone = Image.frombytes("L", (17, 22), bytes(rng.randint(236, 248) for _ in range(17 * 22)))
    page = tone.resize((W, H), Image.BICUBIC)
    d = ImageDraw.Draw(page)
    ink = 28
    left, right = 200, W - 200

    def centered(text, y, f):
        w = d.textlength(text, font=f)
        d.text(((W - w) / 2, y), text, font=f, fill=ink)

    def wrap(text, f, width):
        lines, cur = [], ""
        for word in text.split():
            trial = (cur + " " + word).strip()
            if d.textlength(trial, font=f) <= width:
                cur = trial
            else:
                lines.append(cur)
                cur = word
        lines.append(cur)
        return lines

    # stamp
    d.rectangle([W - 470, 90, W - 150, 150], outline=60, width=4)
    d.text((W - 448, 101), L["stamp"], font=stamp_font, fill=60)
    y = 200
    centered(L["letterhead"][0], y, bold)
    centered(L["letterhead"][1], y + 50, small)
    centered(L["letterhead"][2], y + 88, small)
    d.line([left, y + 140, right, y + 140], fill=ink, width=3)
    y += 200
    d.text((left, y), L["date"], font=font, fill=ink)
    y += 80
    for line in L["address"]:
        d.text((left, y), line, font=font, fill=ink)
        y += 42
    y += 40
    for line in wrap(L["re"], font, right - left):
        d.text((left, y), line, font=font, fill=ink)
        y += 42
    y += 40
    d.text((left, y), L["salutation"], font=font, fill=ink)
    y += 70
    for para in L["body"]:
        for line in wrap(para, font, right - left):
            d.text((left, y), line, font=font, fill=ink)
            y += 44
        y += 30
    y += 20
    d.text((left, y), L["closing"], font=font, fill=ink)
    # signature scribble
    x0, y0 = left + 10, y + 110
    pts = [(x0 + i * 9, y0 + int(22 * ((i * 37) % 7 - 3) / 3) + rng.randint(-6, 6)) for i in range(36)]
    d.line(pts, fill=40, width=4, joint="curve")
    y += 150
    d.text((left, y), L["signature"], font=font, fill=ink)
    d.text((left, y + 42), L["sig_title"], font=font, fill=ink)

    # scanner artefacts: slight skew, softness, specks
    page = page.rotate(0.3, resample=Image.BICUBIC, fillcolor=242, expand=False)
    page = page.filter(ImageFilter.GaussianBlur(0.6))
    px = page.load()
    for _ in range(2500):
        x, yy = rng.randrange(W), rng.randrange(H)
        v = rng.randint(90, 200)
        px[x, yy] = v
        if rng.random() < 0.3 and x + 1 < W:
            px[x + 1, yy] = v
    buf = io.BytesIO()
    page.save(buf, format="JPEG", quality=70, dpi=(200, 200))
    return buf.getvalue()


# ---------------------------------------------------------------- HTML

def page_shell(title: str, body: str, head_extra: str = "") -> str:
    return f"""<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{esc(title)}</title>
{head_extra}</head>
<body>
{body}
</body>
</html>
"""


COUNTY_CSS = """body{font-family:Georgia,serif;margin:0;color:#222}
header.county{background:#1f3b5a;color:#fff;padding:12px 24px}
header.county a{color:#fff;text-decoration:none;margin-right:18px}
main{max-width:860px;margin:24px auto;padding:0 16px}
table.docs{border-collapse:collapse;width:100%}
table.docs td,table.docs th{border-bottom:1px solid #ccc;padding:6px;text-align:left}
footer.county{border-top:1px solid #ccc;margin-top:40px;padding:12px 24px;font-size:13px;color:#555}
"""


def county_page(title: str, inner: str) -> str:
    body = f"""<header class="county">
  <strong>Harlan County</strong>
  <nav><a href="/">Home</a> <a href="/dss/board/index.html">Social Services Board</a></nav>
</header>
<main>
{inner}
</main>
<footer class="county">Harlan County Government &middot; 210 Courthouse Street, Millbrook &middot;
Offices are open Monday through Friday, 8:00 to 5:00. This website is a fictional demonstration site.</footer>"""
    return page_shell(title, body, '<link rel="stylesheet" href="/static/county.css">\n')


def board_pages() -> None:
    meetings = sorted(minutes_text.MEETINGS, key=lambda m: m["date"], reverse=True)
    first, older = meetings[:-2], meetings[-2:]
    intro = """<h1>Harlan County Social Services Board &mdash; Meeting Minutes</h1>
<p>The Social Services Board meets in regular session on the second Tuesday of each month at
6:00 p.m. in the Board Room of the Harlan County Human Services Center, 210 Courthouse Street,
Millbrook. Meetings are open to the public. Minutes are posted after they are approved by the Board.</p>
<p>Board members: Thomas Brennan (Chair), Cynthia Hale (Vice Chair), James Ortiz (County Commissioner),
Robert Kessler, Denise Albright.</p>
"""

    def rows(ms):
        return "\n".join(
            f'  <tr><td>{esc(long_date(m["date"]))}</td><td>Regular Meeting</td>'
            f'<td><a href="{MINUTES_DIR}/minutes-{m["date"]}.pdf">Minutes &mdash; {esc(m["long"])}</a></td></tr>'
            for m in ms)

    a = minutes_text.AGENDA
    agenda_row = (f'  <tr><td>{esc(a["long"])}</td><td>Agenda</td>'
                  f'<td><a href="{MINUTES_DIR}/agenda-{a["date"]}.pdf">Agenda &mdash; {esc(a["long"])}</a></td></tr>\n')
    page1 = intro + f"""<table class="docs">
  <tr><th>Meeting date</th><th>Type</th><th>Document</th></tr>
{agenda_row}{rows(first)}
</table>
<p class="pager">Page 1 of 2 &middot; <a href="{MINUTES_DIR}/page-2.html" rel="next">Older minutes &raquo;</a></p>
"""
    page2 = f"""<h1>Harlan County Social Services Board &mdash; Meeting Minutes (page 2)</h1>
<table class="docs">
  <tr><th>Meeting date</th><th>Type</th><th>Document</th></tr>
{rows(older)}
</table>
<p class="pager"><a href="{MINUTES_DIR}/index.html" rel="prev">&laquo; Newer minutes</a> &middot; Page 2 of 2</p>
"""
    write(f"{MINUTES_DIR}/index.html", county_page("Social Services Board - Meeting Minutes | Harlan County", page1))
    write(f"{MINUTES_DIR}/page-2.html", county_page("Social Services Board - Meeting Minutes (page 2) | Harlan County", page2))


def home_page() -> None:
    inner = """<h1>Harlan County demo case</h1>
<p>A fictional paper trail for the casefile demo: the minutes of a county social services board,
a state review, and two local news outlets. Every person, place and event on this site is invented.</p>
<ul>
  <li><a href="/dss/board/index.html">Harlan County Social Services Board &mdash; Meeting Minutes</a></li>
  <li><a href="/state/reviews/index.html">State Department of Health and Human Services &mdash; County Reviews</a></li>
  <li><a href="/herald/index.html">The Harlan Herald</a> (<a href="/herald/feed.xml">RSS</a>)</li>
  <li><a href="/gazette/index.html">Valley Gazette</a> (<a href="/gazette/feed.xml">RSS</a>)</li>
</ul>
"""
    write("/index.html", county_page("Harlan County demo case", inner))
    state = """<h1>State Department of Health and Human Services &mdash; County Reviews</h1>
<p>The Division of Child Welfare reviews county child welfare programs at the request of a county
board or when the Secretary determines that a review is needed.</p>
<ul>
  <li><a href="/state/reviews/harlan-dss-review-2018.pdf">Review of the Harlan County Department of Social Services (June 29, 2018)</a></li>
</ul>
"""
    write("/state/reviews/index.html", county_page("County Reviews | State Department of Health and Human Services", state))
    write("/static/county.css", COUNTY_CSS)


HERALD_CSS = """body{font-family:Helvetica,Arial,sans-serif;margin:0;color:#111}
.topbar{background:#111;color:#ddd;font-size:12px;padding:4px 20px}
.topbar a{color:#ddd}
.masthead{text-align:center;padding:16px 0 4px;font-family:Georgia,serif}
.masthead a{color:#111;text-decoration:none;font-size:40px;font-weight:bold}
.tagline{text-align:center;font-size:12px;color:#666}
nav.sections{border-top:3px double #111;border-bottom:1px solid #111;text-align:center;padding:6px}
nav.sections a{margin:0 10px;color:#111;text-decoration:none;font-weight:bold;font-size:14px}
.wrap{display:flex;max-width:1100px;margin:20px auto;gap:32px}
article{flex:3;font-family:Georgia,serif}
article h1{font-size:34px;line-height:1.15}
.byline{font-size:14px;color:#444}
.article-body p{font-size:18px;line-height:1.55}
.dateline{font-weight:bold}
aside.rail{flex:1;font-size:14px}
.newsletter{background:#f3f0e8;padding:12px;margin:24px 0}
footer.site{background:#111;color:#aaa;font-size:13px;padding:20px}
footer.site a{color:#ccc}
"""

GAZETTE_CSS = """body{font-family:'Trebuchet MS',sans-serif;margin:0;background:#fafafa;color:#202020}
.gz-header{background:#0b6e4f;color:#fff;padding:10px 24px;display:flex;justify-content:space-between}
.gz-header a{color:#fff;text-decoration:none}
.gz-logo{font-size:30px;font-weight:bold;font-family:Georgia,serif}
.gz-nav a{margin-left:14px}
.gz-crumbs{font-size:12px;padding:8px 24px;color:#666}
.gz-main{max-width:760px;margin:0 auto;background:#fff;padding:24px}
.gz-main h1{font-size:30px}
.gz-meta{font-size:13px;color:#555;border-bottom:1px solid #ddd;padding-bottom:8px}
.gz-story p{font-size:17px;line-height:1.6}
.gz-share,.gz-more{font-size:13px;color:#333;background:#eef6f2;padding:10px;margin:18px 0}
.gz-footer{font-size:12px;color:#555;padding:20px 24px;border-top:4px solid #0b6e4f}
"""


def news_head(a, url: str) -> str:
    o = news_text.OUTLETS[a["outlet"]]
    pub = published(a).isoformat()
    ld = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": a["title"],
        "description": a["description"],
        "datePublished": pub,
        "dateModified": pub,
        "author": [{"@type": "Person", "name": a["author"]}],
        "publisher": {"@type": "Organization", "name": o["name"]},
        "mainEntityOfPage": url,
        "articleSection": a["section"],
    }
    css = "/herald/static/site.css" if a["outlet"] == "herald" else "/gazette/assets/style.css"
    return (
        f'<meta name="description" content="{esc(a["description"])}">\n'
        f'<meta name="author" content="{esc(a["author"])}">\n'
        f'<link rel="canonical" href="{url}">\n'
        f'<meta property="og:type" content="article">\n'
        f'<meta property="og:title" content="{esc(a["title"])}">\n'
        f'<meta property="og:description" content="{esc(a["description"])}">\n'
        f'<meta property="og:site_name" content="{esc(o["name"])}">\n'
        f'<meta property="og:url" content="{url}">\n'
        f'<meta property="article:published_time" content="{pub}">\n'
        f'<meta property="article:author" content="{esc(a["author"])}">\n'
        f'<meta property="article:section" content="{esc(a["section"])}">\n'
        f'<link rel="stylesheet" href="{css}">\n'
        f'<script type="application/ld+json">\n{json.dumps(ld, indent=2)}\n</script>\n'
    )


def body_paras(a, cls_dateline="dateline") -> str:
    out = []
    for i, p in enumerate(a["paras"]):
        text = esc(p).replace("&quot;", "\"").replace("&#x27;", "'")
        if i == 0:
            text = f'<span class="{cls_dateline}">{esc(a["dateline"])} &mdash;</span> {text}'
        out.append(f"<p>{text}</p>")
    return "\n".join(out)


def human_date(a) -> str:
    d = published(a)
    t = d.strftime("%I:%M").lstrip("0") + (" a.m." if d.hour < 12 else " p.m.")
    return f"{d.strftime('%B')} {d.day}, {d.year} at {t}"


def herald_article(a, others) -> str:
    url = article_path(a)
    o = news_text.OUTLETS["herald"]
    related = "\n".join(f'<li><a href="{article_path(x)}">{esc(x["title"])}</a></li>' for x in others[:4])
    body = f"""<div class="topbar"><a href="/herald/index.html">Subscribe</a> &middot; <a href="/herald/index.html">e-Edition</a> &middot; <a href="/herald/index.html">Log in</a> &middot; Weather: Millbrook</div>
<div class="masthead"><a href="/herald/index.html">{esc(o["name"])}</a></div>
<div class="tagline">{esc(o["tagline"])}</div>
<nav class="sections"><a href="/herald/index.html">Home</a><a href="/herald/index.html">Local News</a><a href="/herald/index.html">Government</a><a href="/herald/index.html">Courts</a><a href="/herald/index.html">Sports</a><a href="/herald/index.html">Obituaries</a><a href="/herald/index.html">Opinion</a><a href="/herald/index.html">Classifieds</a></nav>
<div class="wrap">
<article>
<p class="kicker">{esc(a["section"])}</p>
<h1>{esc(a["title"])}</h1>
<p class="byline">By <a rel="author" href="/herald/index.html">{esc(a["author"])}</a>, Staff Writer &middot; <time datetime="{published(a).isoformat()}">{human_date(a)}</time></p>
<div class="article-body">
{body_paras(a)}
</div>
<p class="correction-note">To report an error in this story, contact the newsroom.</p>
<div class="newsletter"><strong>Get the Herald in your inbox.</strong> Sign up for our free morning newsletter with the day's top local stories. <a href="/herald/index.html">Sign up</a></div>
</article>
<aside class="rail">
<h3>Most read</h3>
<ol>
{related}
</ol>
<h3>Advertisement</h3>
<p>Millbrook Hardware &mdash; spring sale on garden supplies. Open seven days a week.</p>
</aside>
</div>
<footer class="site">&copy; 2019 {esc(o["publisher"])}. All rights reserved. {esc(o["address"])}.
<a href="/herald/index.html">About us</a> &middot; <a href="/herald/index.html">Contact</a> &middot; <a href="/herald/index.html">Privacy policy</a> &middot; <a href="/herald/index.html">Terms of use</a> &middot; <a href="/herald/feed.xml">RSS</a></footer>"""
    return page_shell(f"{a['title']} | {o['name']}", body, news_head(a, url))


def gazette_article(a, others) -> str:
    url = article_path(a)
    o = news_text.OUTLETS["gazette"]
    more = " &middot; ".join(f'<a href="{article_path(x)}">{esc(x["title"])}</a>' for x in others[:3])
    body = f"""<div class="gz-header"><a class="gz-logo" href="/gazette/index.html">{esc(o["name"])}</a>
<span class="gz-nav"><a href="/gazette/index.html">News</a><a href="/gazette/index.html">Harlan County</a><a href="/gazette/index.html">Schools</a><a href="/gazette/index.html">Business</a><a href="/gazette/index.html">Community</a><a href="/gazette/index.html">Subscribe</a></span></div>
<div class="gz-crumbs"><a href="/gazette/index.html">Home</a> &rsaquo; <a href="/gazette/index.html">{esc(a["section"])}</a></div>
<div class="gz-main">
<h1 class="gz-headline">{esc(a["title"])}</h1>
<div class="gz-meta"><span class="gz-author">{esc(a["author"])}</span> | {esc(o["name"])} | Published <time datetime="{published(a).isoformat()}">{human_date(a)}</time></div>
<div class="gz-share">Share this story: Email &middot; Facebook &middot; Print</div>
<div class="gz-story">
{body_paras(a, "gz-dateline")}
</div>
<p class="gz-contact">{esc(a["author"])} covers Harlan County for the {esc(o["short"])}. Story tips are welcome.</p>
<div class="gz-more"><strong>More from the Gazette:</strong> {more}</div>
</div>
<div class="gz-footer">{esc(o["name"])} &middot; {esc(o["tagline"])} &middot; {esc(o["address"])} &middot; &copy; 2019 {esc(o["publisher"])}.
<a href="/gazette/index.html">Advertise</a> &middot; <a href="/gazette/index.html">Privacy</a> &middot; <a href="/gazette/feed.xml">RSS feed</a></div>"""
    return page_shell(f"{a['title']} - {o['name']}", body, news_head(a, url))


def outlet_pages(outlet: str) -> None:
    o = news_text.OUTLETS[outlet]
    arts = sorted((a for a in news_text.ARTICLES if a["outlet"] == outlet),
                  key=lambda a: (a["date"], a["time"]), reverse=True)
    for a in arts:
        others = [x for x in arts if x is not a]
        page = herald_article(a, others) if outlet == "herald" else gazette_article(a, others)
        write(article_path(a), page)
    # front page
    items = "\n".join(
        f'<li><a href="{article_path(a)}">{esc(a["title"])}</a> <small>{esc(long_date(a["date"]))} &middot; {esc(a["author"])}</small><br>{esc(a["description"])}</li>'
        for a in arts)
    css = "/herald/static/site.css" if outlet == "herald" else "/gazette/assets/style.css"
    front = f"""<h1>{esc(o["name"])}</h1>
<p>{esc(o["tagline"])} &middot; <a href="/{outlet}/feed.xml">RSS</a></p>
<ul class="stories">
{items}
</ul>
<p>&copy; 2019 {esc(o["publisher"])}. {esc(o["address"])}.</p>"""
    write(f"/{outlet}/index.html", page_shell(o["name"], front, f'<link rel="stylesheet" href="{css}">\n'))
    # RSS 2.0
    xml_items = []
    for a in arts:
        url = article_path(a)
        xml_items.append(f"""    <item>
      <title>{esc(a["title"])}</title>
      <link>{url}</link>
      <guid isPermaLink="false">{outlet}-{a["date"]}-{a["slug"]}</guid>
      <pubDate>{format_datetime(published(a))}</pubDate>
      <dc:creator>{esc(a["author"])}</dc:creator>
      <category>{esc(a["section"])}</category>
      <description>{esc(a["description"])}</description>
    </item>""")
    feed = f"""<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/">
  <channel>
    <title>{esc(o["feed_title"])}</title>
    <link>/{outlet}/index.html</link>
    <description>{esc(o["feed_desc"])}</description>
    <language>en-us</language>
    <lastBuildDate>{format_datetime(published(arts[0]))}</lastBuildDate>
{chr(10).join(xml_items)}
  </channel>
</rss>
"""
    write(f"/{outlet}/feed.xml", feed)


# ---------------------------------------------------------------- gold

def write_gold() -> None:
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(["date", "precision", "people", "event", "source", "quote", "needs"])
    for row in sorted(gold_text.GOLD, key=lambda r: (r[0], r[4], r[5])):
        w.writerow(row[:7])
    GOLD_CSV.write_text(buf.getvalue(), encoding="utf-8")


# ---------------------------------------------------------------- build

def build() -> None:
    if SITE.exists():
        shutil.rmtree(SITE)
    SITE.mkdir(parents=True)
    scan = scanned_letter()
    for m in minutes_text.MEETINGS:
        img = scan if m.get("attachment") == "da_letter" else None
        write(f"{MINUTES_DIR}/minutes-{m['date']}.pdf", minutes_pdf(m, img))
    write(f"{MINUTES_DIR}/agenda-{minutes_text.AGENDA['date']}.pdf", agenda_pdf(minutes_text.AGENDA))
    write(REPORT_PATH, report_pdf())
    board_pages()
    home_page()
    write("/herald/static/site.css", HERALD_CSS)
    write("/gazette/assets/style.css", GAZETTE_CSS)
    outlet_pages("herald")
    outlet_pages("gazette")
    write_gold()


# ---------------------------------------------------------------- check

def collapse(s: str) -> str:
    return re.sub(r"\s+", " ", s).strip()


def html_text(raw: str) -> str:
    raw = re.sub(r"(?is)<(script|style)\b.*?</\1>", " ", raw)
    return collapse(html.unescape(re.sub(r"<[^>]+>", " ", raw)))


def ocr_page(pdf: Path, page_no: int) -> str | None:
    """OCR one page (1-based) with tesseract, if available; None otherwise."""
    if not shutil.which("tesseract"):
        return None
    import pdfplumber
    with pdfplumber.open(pdf) as doc:
        im = doc.pages[page_no - 1].to_image(resolution=200).original
    with tempfile.TemporaryDirectory() as tmp:
        p = Path(tmp) / "page.png"
        im.save(p)
        out = subprocess.run(["tesseract", str(p), "stdout"], capture_output=True, text=True)
    return out.stdout


def check() -> int:
    import pdfplumber
    errors: list[str] = []
    with GOLD_CSV.open(encoding="utf-8") as fh:
        gold = list(csv.DictReader(fh))
    pdf_pages: dict[str, list[str]] = {}
    scanned: dict[str, list[int]] = {}
    for pdf in sorted(SITE.rglob("*.pdf")):
        path = "/" + pdf.relative_to(SITE).as_posix()
        with pdfplumber.open(pdf) as doc:
            texts, image_only = [], []
            for i, page in enumerate(doc.pages, 1):
                texts.append(collapse(page.extract_text() or ""))
                if not page.chars:
                    image_only.append(i)
                    if not page.images:
                        errors.append(f"{path} p{i}: no text and no image")
        pdf_pages[path] = texts
        scanned[path] = image_only
        print(f"{path}: {len(texts)} pages" + (f", image-only: {image_only}" if image_only else ""))
    for row in gold:
        src, quote = row["source"], collapse(row["quote"])
        f = SITE / src.lstrip("/")
        if not f.exists():
            errors.append(f"missing source {src}")
            continue
        if src.endswith(".pdf"):
            hits = [i for i, t in enumerate(pdf_pages[src], 1) if quote in t]
            if row["needs"] == "ocr":
                if hits:
                    errors.append(f"OCR quote found in text layer of {src} p{hits}")
                for p in scanned[src]:
                    text = ocr_page(f, p)
                    if text is None:
                        print("  (tesseract not found: OCR quote not checked)")
                    elif quote not in collapse(text):
                        errors.append(f"OCR of {src} p{p} lacks quote: {quote[:60]}...\n{collapse(text)}")
                    else:
                        print(f"  OCR of {src} p{p} contains the ocr quote")
            elif len(hits) != 1:
                errors.append(f"{src}: quote found on pages {hits}: {quote[:70]}")
        else:
            if quote not in html_text(f.read_text(encoding="utf-8")):
                errors.append(f"{src}: quote not found: {quote[:70]}")
    # links are root-relative and resolve
    for page in sorted(SITE.rglob("*.html")) + sorted(SITE.rglob("*.xml")):
        raw = page.read_text(encoding="utf-8")
        if re.search(r"""(href|src)=["']https?://|<link>https?://""", raw):
            errors.append(f"absolute link in {page.relative_to(SITE)}")
        for target in re.findall(r"""(?:href|src)=["'](/[^"'#]*)""", raw) + re.findall(r"<link>(/[^<]*)</link>", raw):
            t = target if not target.endswith("/") else target + "index.html"
            if not (SITE / t.lstrip("/")).exists():
                errors.append(f"broken link {target} in {page.relative_to(SITE)}")
    size = sum(p.stat().st_size for p in SITE.rglob("*") if p.is_file())
    print(f"gold rows: {len(gold)}; site size: {size / 1e6:.2f} MB")
    if size > 3_000_000:
        errors.append("site is larger than 3 MB")
    for e in errors:
        print("ERROR:", e)
    print("OK" if not errors else f"{len(errors)} error(s)")
    return 1 if errors else 0


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--check", action="store_true", help="verify outputs instead of building")
    args = ap.parse_args(argv)
    if args.check:
        return check()
    build()
    print(f"wrote {SITE} and {GOLD_CSV}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
