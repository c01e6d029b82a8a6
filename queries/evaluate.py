"""`casefile eval`: score the timeline against a reference CSV (`date`, `people`, `event`).

- Alignment: reference descriptions to timeline entries, one-to-one (Hungarian assignment) on
  embedding similarity minus a date-distance penalty; a pair below MIN_SCORE is not aligned.
- Dates are judged at the reference's precision: "2018-03" matches any day in March 2018.
- Person attribution: micro precision/recall/F1 of the people on aligned pairs.
- Person clustering: each reference person should be exactly one person in the case (no split)
  and no case person should stand for two reference people (no merge).
"""
from __future__ import annotations

import csv
from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import numpy as np

from index.store import Store
from queries.filters import QueryError
from queries.timeline import timeline

MIN_SCORE = 0.35
DAY_PENALTY = 0.004       # per day outside the reference period, capped
MAX_PENALTY = 0.2


def load_reference(path: Path) -> list[dict[str, Any]]:
    try:
        with Path(path).open(newline="", encoding="utf-8") as fh:
            rows = list(csv.DictReader(fh))
    except OSError as exc:
        raise QueryError(f"cannot read {path}: {exc.strerror}") from None
    if not rows or not {"date", "people", "event"} <= set(rows[0]):
        raise QueryError(f"{path}: a reference needs the columns date, people, event")
    for r in rows:
        r["period"] = period(r["date"]) if r["date"].strip() else None
        r["names"] = [p.strip() for p in r["people"].split(";") if p.strip()]
    return rows


def period(text: str, precision: str = "day") -> tuple[date, date]:
    """The days a reference date covers; a date at a week's precision ("last week", "the week of
    June 17") is the seven days from it."""
    parts = [int(x) for x in text.strip().split("-")]
    if len(parts) == 3:
        d = date(*parts)
        return (d, d + timedelta(days=6)) if precision == "week" else (d, d)
    if len(parts) == 2:
        start = date(parts[0], parts[1], 1)
        nxt = date(parts[0] + (parts[1] == 12), parts[1] % 12 + 1, 1)
        return start, nxt - timedelta(days=1)
    return date(parts[0], 1, 1), date(parts[0], 12, 31)


def _entry_period(e: dict[str, Any]) -> tuple[date, date] | None:
    if not e["date_start"]:
        return None
    return date.fromisoformat(e["date_start"]), date.fromisoformat(e["date_end"])


def date_matches(ref: tuple[date, date] | None, got: tuple[date, date] | None) -> bool:
    """The entry's interval lies inside the reference period (a day only within a week's slack)."""
    if ref is None or got is None:
        return False
    slack = timedelta(days=0)
    return ref[0] - slack <= got[0] and got[1] <= ref[1] + slack and (got[1] - got[0]) <= (ref[1] - ref[0]) + timedelta(days=6)


def _distance(ref: tuple[date, date] | None, got: tuple[date, date] | None) -> int:
    if ref is None or got is None:
        return 60
    if got[1] < ref[0]:
        return (ref[0] - got[1]).days
    if got[0] > ref[1]:
        return (got[0] - ref[1]).days
    return 0


def evaluate(store: Store, reference: list[dict[str, Any]],
             encode: Callable[[list[str]], list[list[float]]]) -> dict[str, Any]:
    from scipy.optimize import linear_sum_assignment

    entries = timeline(store)
    if not entries or not reference:
        raise QueryError("nothing to evaluate: the timeline or the reference is empty")
    ref_vec = np.asarray(encode([r["event"] for r in reference]), dtype="float32")
    ent_vec = np.asarray(encode([" ".join(e["text"].split()) for e in entries]), dtype="float32")
    sim = ref_vec @ ent_vec.T
    periods = [_entry_period(e) for e in entries]
    for i, r in enumerate(reference):
        for j, p in enumerate(periods):
            sim[i, j] -= min(MAX_PENALTY, DAY_PENALTY * _distance(r["period"], p))
    rows, cols = linear_sum_assignment(-sim)
    pairs = [(i, j) for i, j in zip(rows, cols) if sim[i, j] >= MIN_SCORE]

    canon = _canonical_names(store)
    dated = [(i, j) for i, j in pairs if periods[j] is not None]
    date_ok = [(i, j) for i, j in pairs if date_matches(reference[i]["period"], periods[j])]
    tp = fp = fn = 0
    for i, j in pairs:
        want = {canon.get(n.lower(), n.lower()) for n in reference[i]["names"]}
        got = {n.lower() for n in entries[j]["people"]}
        tp += len(want & got)
        fp += len(got - want)
        fn += len(want - got)
    p_prec = tp / (tp + fp) if tp + fp else 1.0
    p_rec = tp / (tp + fn) if tp + fn else 1.0
    clusters = _clustering(store, reference)
    return {
        "reference_events": len(reference), "timeline_entries": len(entries), "aligned": len(pairs),
        "event_recall": round(len(pairs) / len(reference), 3),
        "event_precision": round(len(pairs) / len(entries), 3),
        "date_recall": round(len(date_ok) / len(reference), 3),
        "date_precision": round(len(date_ok) / len(dated), 3) if dated else 0.0,
        "person_precision": round(p_prec, 3), "person_recall": round(p_rec, 3),
        "person_f1": round(2 * p_prec * p_rec / (p_prec + p_rec), 3) if p_prec + p_rec else 0.0,
        **clusters,
        "unaligned_reference": [f"{reference[i]['date']} {reference[i]['event']}"
                                for i in range(len(reference)) if i not in {a for a, _ in pairs}],
        "wrong_dates": [f"{reference[i]['date']} {reference[i]['event']} -> {entries[j]['date_start']}"
                        for i, j in pairs if (i, j) not in date_ok],
        # what lowers event precision: timeline entries no reference event was aligned to
        "unaligned_entries": [f"{entries[j]['date_start']} {' '.join(entries[j]['text'].split())[:120]}"
                              for j in range(len(entries)) if j not in {b for _, b in pairs}],
    }


def _canonical_names(store: Store) -> dict[str, str]:
    """Any alias (lower-cased) -> the canonical name (lower-cased) of its person."""
    out: dict[str, str] = {}
    for row in store.query("SELECT name, aliases FROM people"):
        for alias in list(row["aliases"] or []) + [row["name"]]:
            out.setdefault(alias.lower(), row["name"].lower())
    return out


def _clustering(store: Store, reference: list[dict[str, Any]]) -> dict[str, Any]:
    names = sorted({n for r in reference for n in r["names"]})
    people = store.query("SELECT person_id, name, aliases FROM people")
    owners: dict[str, set[str]] = {}
    for n in names:
        owners[n] = {p["person_id"] for p in people
                     if n.lower() == p["name"].lower() or n.lower() in {a.lower() for a in p["aliases"] or []}}
    split = [n for n, ids in owners.items() if len(ids) > 1]
    missing = [n for n, ids in owners.items() if not ids]
    claimed: dict[str, list[str]] = {}
    for n, ids in owners.items():
        for pid in ids:
            claimed.setdefault(pid, []).append(n)
    merged = [sorted(v) for v in claimed.values() if len(v) > 1]
    good = sum(1 for n, ids in owners.items() if len(ids) == 1 and len(claimed[next(iter(ids))]) == 1)
    return {"reference_people": len(names), "people_clustering_accuracy": round(good / len(names), 3) if names else 1.0,
            "people_split": split, "people_merged": merged, "people_missing": missing}
