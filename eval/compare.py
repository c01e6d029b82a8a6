"""Two `casefile eval --reference eval/real --format json` outputs side by side, as the markdown
tables of eval/RESULTS.md: the whole set, each split (dev is what the rules were tuned on; heldout
was not looked at while tuning) and each kind of document.

    python eval/compare.py BEFORE.json AFTER.json [--before-label L] [--after-label L]
"""
from __future__ import annotations

import argparse
import json
from pathlib import Path

COLUMNS = (("event_precision", "event P"), ("event_recall", "event R"), ("date_recall", "dated R"),
           ("person_precision", "person P"), ("person_recall", "person R"), ("attribution", "attribution F1"))


def _n(value: float | None) -> str:
    return "–" if value is None else f"{value:.3f}"


def table(groups: dict[str, tuple[dict, dict]], labels: tuple[str, str]) -> list[str]:
    head = "| part | docs | ref. events | " + " | ".join(name for _, name in COLUMNS) + " |"
    lines = [head, "|---|---:|---:|" + "---:|" * len(COLUMNS)]
    for part, (before, after) in groups.items():
        cells = [f"{_n(before.get(k))} → **{_n(after.get(k))}**" for k, _ in COLUMNS]
        lines.append(f"| {part} | {after['documents']} | {after['reference_events']} | " + " | ".join(cells) + " |")
    lines.append(f"\n(each cell: {labels[0]} → **{labels[1]}**)")
    return lines


def compare(before: dict, after: dict, labels: tuple[str, str]) -> list[str]:
    groups = {"whole set": (before["whole"], after["whole"])}
    groups |= {f"split: {s}": (before["splits"].get(s, {}), after["splits"][s]) for s in after["splits"]}
    groups |= {f"kind: {k}": (before["kinds"].get(k, {}), after["kinds"][k]) for k in sorted(after["kinds"])}
    lines = table(groups, labels)
    lines += ["", f"Impossible dates (before 1900, or a done act more than a year after its document): "
                  f"{len(before['impossible_dates'])} → **{len(after['impossible_dates'])}**. "
                  f"Bad names (a digit, a handle or a quote mark): {len(before['bad_names'])} → "
                  f"**{len(after['bad_names'])}**. Timeline entries: {before['whole']['timeline_events']} → "
                  f"**{after['whole']['timeline_events']}**; people shown: {before['whole']['people_shown']} → "
                  f"**{after['whole']['people_shown']}**."]
    return lines


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("before", type=Path)
    parser.add_argument("after", type=Path)
    parser.add_argument("--before-label", default="before")
    parser.add_argument("--after-label", default="after")
    args = parser.parse_args()
    load = lambda p: json.loads(p.read_text(encoding="utf-8"))   # noqa: E731
    print("\n".join(compare(load(args.before), load(args.after), (args.before_label, args.after_label))))


if __name__ == "__main__":
    main()
