"""Fillable-form values and typed-on-page notes (FreeText annotations) as text lines of their page.

Some notices hold their meeting date and place only in AcroForm fields; `extract_text` shows the
blank template. Values become "Field name: value" lines, in page order (top to bottom).
"""
from __future__ import annotations

import warnings
from typing import Any

from pipeline.extract_lines import Line
from pipeline.word_boxes import PdfplumberFrame

_CHECKED_OFF = {"Off", "off", ""}


def form_lines(page: Any) -> list[Line]:
    """The page's filled form fields as "Name: value" lines; FreeText on a field's row joins its value."""
    from pdfminer.pdftypes import resolve1

    items: list[tuple[float, float, float, str, bool]] = []   # top, bottom, x0, text, is_field
    right: dict[tuple[float, float, float], float] = {}       # x1 of each item's annotation
    with warnings.catch_warnings():   # a note whose text can't be decoded is read without it
        warnings.filterwarnings("ignore", message="Could not decode")
        annots = page.annots or []
    for annot in annots:
        data = annot.get("data") or {}
        subtype = _name(resolve1(data.get("Subtype")))
        if subtype == "Widget":
            field = _field(data)
            if field:
                items.append((annot["top"], annot["bottom"], annot["x0"], field, True))
                right[items[-1][:3]] = annot["x1"]
        elif subtype == "FreeText":
            text = _text(resolve1(data.get("Contents")))
            if text and text.strip():
                items.append((annot["top"], annot["bottom"], annot["x0"], text.strip(), False))
                right[items[-1][:3]] = annot["x1"]
    fields = sorted((it for it in items if it[4]), key=lambda it: (round(it[0]), it[2]))
    values = {id(it): it[3] for it in fields}
    loose = []
    for note in (it for it in items if not it[4]):
        # a note typed on a field's row, after it, completes that field's value ("Fieldhouse, " + address)
        row = [f for f in fields if f[2] < note[2] and f[0] < note[1] and f[1] > note[0]]
        if row:
            owner = min(row, key=lambda f: abs((f[0] + f[1]) - (note[0] + note[1])))
            values[id(owner)] = f"{values[id(owner)].rstrip()} {note[3]}"
        else:
            loose.append(note)
    lines: list[Line] = []
    frame = PdfplumberFrame(page) if items else None
    for item in sorted(fields + loose, key=lambda it: (round(it[0]), it[2])):
        top, bottom, value = item[0], item[1], values.get(id(item), item[3])
        for k, part in enumerate(value.splitlines() or [value]):
            # the line's one "word" is its field on the page: where the value is typed
            box = [frame.word(part, item[2], top, right.get(item[:3], item[2]), bottom)] if frame else None
            lines.append(Line(part, top, bottom, para=not lines and k == 0, fixed=True, words=box))
    return lines


def _field(data: dict[str, Any]) -> str | None:
    """ "Label: value" for a filled widget; the label is the field's user-facing name (TU), else its name."""
    from pdfminer.pdftypes import resolve1

    merged: dict[str, Any] = {}
    node: dict[str, Any] | None = data
    names: list[str] = []
    depth = 0
    while isinstance(node, dict) and depth < 10:   # fields inherit FT/V/TU from their parents
        for key in ("FT", "V", "TU", "Ff"):
            if key not in merged and key in node:
                merged[key] = resolve1(node[key])
        if "T" in node:
            names.append(_text(resolve1(node["T"])) or "")
        node = resolve1(node.get("Parent"))
        depth += 1
    kind = _name(merged.get("FT"))
    value = merged.get("V")
    label = _text(merged.get("TU")) or ".".join(n for n in reversed(names) if n)
    if value is None or not label:
        return None
    if kind == "Btn":
        state = _name(value) or _text(value) or ""
        if state in _CHECKED_OFF:
            return None
        return f"{label}: {'Yes' if state in ('On', 'Yes', '1') else state}"
    if isinstance(value, list):   # multi-select choice
        text = ", ".join(t for t in (_text(resolve1(v)) for v in value) if t)
    else:
        text = _text(value) or _name(value) or ""
    text = text.strip()
    return f"{label}: {text}" if text else None


def _name(value: Any) -> str | None:
    name = getattr(value, "name", None)
    return name if isinstance(name, str) else None


def _text(value: Any) -> str | None:
    """A PDF text string: UTF-16 with BOM, else PDFDocEncoding."""
    if isinstance(value, str):
        return value
    if isinstance(value, bytes):
        from pdfminer.utils import decode_text

        if value.startswith(b"\xfe\xff") or value.startswith(b"\xff\xfe"):
            return value.decode("utf-16", errors="replace")
        return decode_text(value)
    return None
