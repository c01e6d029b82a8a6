"""report.pdf of an evidence pack: the same content as report.html, typeset with reportlab.

Bitstream Vera (shipped inside reportlab) covers more characters than the PDF base fonts, and
`invariant=1` keeps the file byte-identical for the same pack (no random id, fixed dates).
"""
from __future__ import annotations

import io
from html import escape
from pathlib import Path
from typing import Any

from queries.packs import Pack

_FONTS: dict[str, str] = {}
CROP_WIDTH = 6.3 * 72      # points: the quote column less its padding
CROP_HEIGHT = 3.6 * 72     # points: a crop never takes more than half a landscape page


def _fonts() -> dict[str, str]:
    if _FONTS:
        return _FONTS
    import reportlab
    from reportlab.lib.fonts import addMapping
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    folder = Path(reportlab.__file__).parent / "fonts"
    faces = {"Vera": "Vera.ttf", "Vera-Bold": "VeraBd.ttf", "Vera-Italic": "VeraIt.ttf", "Vera-BoldItalic": "VeraBI.ttf"}
    if all((folder / f).is_file() for f in faces.values()):
        for name, file in faces.items():
            pdfmetrics.registerFont(TTFont(name, str(folder / file)))
        addMapping("Vera", 0, 0, "Vera")
        addMapping("Vera", 1, 0, "Vera-Bold")
        addMapping("Vera", 0, 1, "Vera-Italic")
        addMapping("Vera", 1, 1, "Vera-BoldItalic")
        _FONTS.update(regular="Vera", bold="Vera-Bold")
    else:   # a trimmed reportlab: fall back to the base fonts
        _FONTS.update(regular="Helvetica", bold="Helvetica-Bold")
    return _FONTS


def _e(value: Any) -> str:
    return escape("" if value is None else str(value), quote=True)


def _styles() -> dict[str, Any]:
    from reportlab.lib import colors
    from reportlab.lib.styles import ParagraphStyle

    f = _fonts()
    base = ParagraphStyle("base", fontName=f["regular"], fontSize=8.5, leading=11)
    return {
        "title": ParagraphStyle("title", parent=base, fontName=f["bold"], fontSize=16, leading=20, spaceAfter=4),
        "h2": ParagraphStyle("h2", parent=base, fontName=f["bold"], fontSize=11.5, leading=15, spaceBefore=10, spaceAfter=4),
        "body": base,
        "quote": ParagraphStyle("quote", parent=base, fontSize=9, leading=12, leftIndent=6,
                                borderPadding=(0, 0, 0, 4), textColor=colors.black),
        "cite": ParagraphStyle("cite", parent=base, fontSize=7, leading=9, textColor=colors.HexColor("#444444"),
                               spaceAfter=5),
        "small": ParagraphStyle("small", parent=base, fontSize=7.5, leading=9.5),
        "head": ParagraphStyle("head", parent=base, fontName=f["bold"], fontSize=7.5, leading=9.5,
                               textColor=colors.HexColor("#555555")),
    }


def _link(url: str | None) -> str:
    return f'<link href="{_e(url)}" color="#0b4f8a">{_e(url)}</link>' if url else "—"


def report_pdf(pack: Pack) -> bytes:
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import landscape, letter
    from reportlab.lib.units import inch
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

    s = _styles()
    buf = io.BytesIO()
    doc = SimpleDocTemplate(buf, pagesize=landscape(letter), invariant=1, leftMargin=0.5 * inch,
                            rightMargin=0.5 * inch, topMargin=0.5 * inch, bottomMargin=0.5 * inch,
                            title=f"Evidence pack — {pack.case_name}", author="casefile",
                            creator=f"casefile {pack.casefile_version}")
    story: list[Any] = [Paragraph(f"Evidence pack — {_e(pack.case_name)}", s["title"])]
    filters = ", ".join(f"{k} = {v}" for k, v in pack.filters.items()) or "none: the whole timeline"
    for label, value in (("Created", pack.created_iso), ("Filters", filters),
                         ("Events chosen", ", ".join(pack.event_ids) or "all matching the filters"),
                         ("Contents", f"{len(pack.entries)} timeline entries, {len(pack.documents)} documents; "
                                      f"{len(pack.crops)} page crops; the cited files are in originals/, "
                                      "the crops in crops/, their sha256 in manifest.json"),
                         ("casefile", f"{pack.casefile_version}; stages {', '.join(pack.stage_versions.values())}")):
        story.append(Paragraph(f"<b>{label}:</b> {_e(value)}", s["body"]))
    story.append(Paragraph("Timeline", s["h2"]))
    rows: list[list[Any]] = [[Paragraph(h, s["head"]) for h in
                              ("DATE", "WHAT HAPPENED (VERBATIM) AND WHERE IT IS WRITTEN", "PEOPLE", "ISSUES")]]
    for e in pack.entries:
        date = _e(e["date_label"]) + ("<br/><font color='#a4262c'>sources disagree on the date</font>"
                                      if e["dates_disagree"] else "")
        # one row per quote, so that a long entry breaks between its quotes, never inside a page crop
        for k, q in enumerate(e["quotes"]):
            cell: list[Any] = [Paragraph(f"“{_e(q['text'])}”", s["quote"])]
            if q.get("crop"):
                cell += [Spacer(1, 3), _crop(pack.crops[q["crop"]], CROP_WIDTH), Spacer(1, 3)]
            cell.append(Paragraph(
                f"<b>{'news' if q['kind'] == 'news' else _e(q['kind'])}</b> · <b>{_e(q['title'] or 'untitled')}</b>, "
                f"page {_e(q['page'])} · {_link(q['url'])} · retrieved {_e(q['retrieved_at'] or 'unknown')} · "
                f"sha256 {_e(q['sha256'])} · {_e(q['original'])}" + (f" · {_e(q['crop'])}" if q.get("crop") else ""),
                s["cite"]))
            first = k == 0
            rows.append([Paragraph(date if first else "", s["small"]), cell,
                         Paragraph(_e(", ".join(e["people"]) or "—") if first else "", s["small"]),
                         Paragraph(_e(", ".join(e["issue_labels"]) or "—") if first else "", s["small"])])
    widths = [1.15 * inch, 6.6 * inch, 1.3 * inch, 0.95 * inch]
    story.append(_table(rows, widths, TableStyle, Table, colors))
    story.append(Spacer(1, 8))
    story.append(Paragraph("Documents cited", s["h2"]))
    drows: list[list[Any]] = [[Paragraph(h, s["head"]) for h in ("FILE IN THIS PACK", "TITLE", "KIND", "SOURCE URL",
                                                                "RETRIEVED (UTC)", "SHA256")]]
    for d in pack.documents:
        drows.append([Paragraph(_e(d["original"]), s["small"]), Paragraph(_e(d["title"] or "—"), s["small"]),
                      Paragraph(_e(d["kind"]), s["small"]), Paragraph(_link(d["url"]), s["small"]),
                      Paragraph(_e(d["retrieved_at"] or "unknown"), s["small"]), Paragraph(_e(d["doc_id"]), s["small"])])
    story.append(_table(drows, [1.6 * inch, 2.0 * inch, 0.7 * inch, 2.3 * inch, 1.2 * inch, 2.2 * inch],
                        TableStyle, Table, colors))
    doc.build(story, onFirstPage=_footer(pack), onLaterPages=_footer(pack))
    return buf.getvalue()


def _crop(png: bytes, width: float) -> Any:
    """A page crop at the quote column's width, at most CROP_HEIGHT tall (narrower if need be)."""
    from reportlab.lib.utils import ImageReader
    from reportlab.platypus import Image

    w, h = ImageReader(io.BytesIO(png)).getSize()
    scale = min(width / w, CROP_HEIGHT / h)
    image = Image(io.BytesIO(png), width=w * scale, height=h * scale)
    image.hAlign = "LEFT"
    return image


def _table(rows: list[list[Any]], widths: list[float], TableStyle: Any, Table: Any, colors: Any) -> Any:
    t = Table(rows, colWidths=widths, repeatRows=1)
    t.setStyle(TableStyle([
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LINEBELOW", (0, 0), (-1, -1), 0.4, colors.HexColor("#dddddd")),
        ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#f2f2f2")),
        ("LEFTPADDING", (0, 0), (-1, -1), 4), ("RIGHTPADDING", (0, 0), (-1, -1), 4),
    ]))
    return t


def _footer(pack: Pack) -> Any:
    def draw(canvas: Any, doc: Any) -> None:
        canvas.saveState()
        canvas.setFont(_fonts()["regular"], 7)
        canvas.setFillGray(0.4)
        canvas.drawString(doc.leftMargin, 0.3 * 72, f"Evidence pack — {pack.case_name} — created {pack.created_iso}")
        canvas.drawRightString(doc.pagesize[0] - doc.rightMargin, 0.3 * 72, f"page {doc.page}")
        canvas.restoreState()
    return draw
