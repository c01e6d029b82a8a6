"""How dates and rows are shown to people: a date at its precision ("March 2018", not 2018-03-01)."""
from __future__ import annotations

from datetime import date
from typing import Any

SEASONS = {3: "spring", 6: "summer", 9: "fall", 12: "winter"}


def _d(value: Any) -> date | None:
    if value is None or isinstance(value, date):
        return value
    return date.fromisoformat(str(value))


def date_label(start: Any, end: Any, precision: str | None) -> str:
    s, e = _d(start), _d(end)
    if s is None:
        return "undated"
    if precision == "day" or (e is not None and s == e):
        return f"{s:%B} {s.day}, {s.year}"
    if precision == "week":
        return f"week of {s:%B} {s.day}, {s.year}"
    if precision == "month":
        return f"{s:%B %Y}"
    if precision == "quarter":
        return f"Q{(s.month - 1) // 3 + 1} {s.year}" if e and (e.month - s.month) == 2 else _range(s, e)
    if precision == "season":
        return f"{SEASONS[s.month]} {s.year}" if s.month in SEASONS and e and (e - s).days < 100 else _range(s, e)
    if precision == "year":
        return str(s.year) if e is None or (s.month, s.day, e.month, e.day) == (1, 1, 12, 31) else _range(s, e)
    return _range(s, e)


def _range(s: date, e: date | None) -> str:
    if e is None or e == s:
        return s.isoformat()
    return f"{s:%b %Y}–{e:%b %Y}" if s.day == 1 else f"{s.isoformat()} – {e.isoformat()}"


def one_line(text: str, width: int | None = None) -> str:
    flat = " ".join(text.split())
    return flat if width is None or len(flat) <= width else flat[: width - 1] + "…"
