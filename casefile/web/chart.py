"""Events over time by issue, laid out here and drawn as inline SVG by the template (no JS, no CDN).

Bars are stacked by each entry's main issue (its highest-scoring one); each bar links to the
timeline filtered to its period. Undated entries cannot be placed: they are counted instead.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any
from urllib.parse import urlencode

PALETTE_SIZE = 10     # colour classes c0..c9 in style.css
MONTH_ABBR = "Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec".split()


@dataclass
class Chart:
    width: int
    height: int
    bars: list[dict[str, Any]] = field(default_factory=list)
    xticks: list[dict[str, Any]] = field(default_factory=list)
    yticks: list[dict[str, Any]] = field(default_factory=list)
    legend: list[dict[str, Any]] = field(default_factory=list)
    undated: int = 0
    unit: str = "month"
    plot: dict[str, int] = field(default_factory=dict)


def issue_class(key: str | None, order: list[str]) -> str:
    if not key:
        return "cnone"
    return f"c{order.index(key) % PALETTE_SIZE}" if key in order else f"c{sum(map(ord, key)) % PALETTE_SIZE}"


def _unit(first: date, last: date) -> str:
    months = (last.year - first.year) * 12 + last.month - first.month + 1
    return "month" if months <= 48 else "quarter" if months <= 144 else "year"


def _key(d: date, unit: str) -> tuple[int, int]:
    return (d.year, d.month if unit == "month" else (d.month - 1) // 3 * 3 + 1 if unit == "quarter" else 1)


def _next(key: tuple[int, int], unit: str) -> tuple[int, int]:
    step = {"month": 1, "quarter": 3, "year": 12}[unit]
    y, m = key[0], key[1] + step
    return (y + (m - 1) // 12, (m - 1) % 12 + 1)


def _period(key: tuple[int, int], unit: str) -> tuple[str, str, str]:
    """(from, to, label) for the link and tooltip of one bar."""
    y, m = key
    if unit == "month":
        return f"{y}-{m:02d}", f"{y}-{m:02d}", f"{MONTH_ABBR[m - 1]} {y}"
    if unit == "quarter":
        return f"{y}-{m:02d}", f"{y}-{m + 2:02d}", f"Q{(m - 1) // 3 + 1} {y}"
    return str(y), str(y), str(y)


def build(entries: list[dict[str, Any]], order: list[str], labels: dict[str, str], base: dict[str, str],
          width: int = 960, height: int = 190) -> Chart:
    top, bottom, left, right = 10, 26, 34, 8
    chart = Chart(width=width, height=height, plot={"x": left, "y": top, "w": width - left - right,
                                                     "h": height - top - bottom})
    dated = [(date.fromisoformat(e["date_start"]), e["issues"][0] if e["issues"] else "") for e in entries
             if e["date_start"]]
    chart.undated = len(entries) - len(dated)
    if not dated:
        return chart
    first, last = min(d for d, _ in dated), max(d for d, _ in dated)
    unit = chart.unit = _unit(first, last)
    keys = [_key(first, unit)]
    while keys[-1] < _key(last, unit):
        keys.append(_next(keys[-1], unit))
    counts: dict[tuple[int, int], dict[str, int]] = {k: {} for k in keys}
    for d, issue in dated:
        bucket = counts[_key(d, unit)]
        bucket[issue] = bucket.get(issue, 0) + 1
    peak = max(sum(b.values()) for b in counts.values())
    step = max(1, -(-peak // 4))
    ymax = step * -(-peak // step)
    p = chart.plot
    slot = p["w"] / len(keys)
    bar_w = max(2.0, min(slot * 0.78, 42.0))
    stack_order = [k for k in order] + sorted({i for _, i in dated if i and i not in order}) + [""]
    for i, key in enumerate(keys):
        x = p["x"] + slot * i + (slot - bar_w) / 2
        y = p["y"] + p["h"]
        start, end, label = _period(key, unit)
        href = "/?" + urlencode({**{k: v for k, v in base.items() if k not in ("from", "to")},
                                 "from": start, "to": end})
        for issue in stack_order:
            n = counts[key].get(issue, 0)
            if not n:
                continue
            h = p["h"] * n / ymax
            y -= h
            name = labels.get(issue, issue) if issue else "no issue"
            chart.bars.append({"x": round(x, 1), "y": round(y, 1), "w": round(bar_w, 1), "h": round(h, 1),
                               "cls": issue_class(issue, order), "href": href,
                               "title": f"{label} — {name}: {n} event{'s' if n != 1 else ''}"})
        if _tick(key, i, len(keys), unit):
            chart.xticks.append({"x": round(p["x"] + slot * i + slot / 2, 1),
                                 "label": _tick_label(key, unit, len(keys))})
    chart.yticks = [{"y": round(p["y"] + p["h"] - p["h"] * v / ymax, 1), "label": v}
                    for v in range(0, ymax + 1, step)]
    used = {i for _, i in dated}
    chart.legend = [{"key": k, "label": labels.get(k, k) if k else "no issue", "cls": issue_class(k, order),
                     "n": sum(1 for _, i in dated if i == k)} for k in stack_order if k in used]
    return chart


def _tick(key: tuple[int, int], i: int, n: int, unit: str) -> bool:
    if unit == "month":
        return n <= 14 or key[1] in (1, 4, 7, 10) or i == 0
    if unit == "quarter":
        return key[1] == 1 or i == 0
    return n <= 20 or key[0] % 5 == 0


def _tick_label(key: tuple[int, int], unit: str, n: int) -> str:
    y, m = key
    if unit == "month" and n <= 14:
        return f"{MONTH_ABBR[m - 1]} {y}"
    if unit == "month" and m != 1:
        return MONTH_ABBR[m - 1]
    return str(y)
