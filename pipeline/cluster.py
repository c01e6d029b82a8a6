"""The same real-world event in many sources: average-linkage clustering of event mentions.

Two mentions can only join when their date intervals fit together (within a window that grows
with their precision); the score is embedding similarity plus shared people, trigger type, the
same day, and the distinctive words both sentences use (MiniLM alone scores a news lede and the
minutes line it reports at ~0.55: "voted unanimously Tuesday to ask the state …" against "Hale
moved to request that the State … ; seconded by …, the motion carried 5-0"). Average linkage (not
single-link chaining) keeps a chain of near-neighbours from merging. Mentions in one document
are never merged: each sentence of a record is its own act.
"""
from __future__ import annotations

import functools
import importlib.util
import re
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import numpy as np

VERSION = "cluster.v4"   # v4: mentions in different documents join only when they share a person or two distinctive words, court rulings' boilerplate left out ("AFFIRMED." of five unrelated appeals decided the same week were one entry); v3: similarities rounded before linkage (runs agree whatever the batching)
THRESHOLD = 0.62
SIM_DECIMALS = 3
SLACK = {"day": 3, "week": 7, "month": 0, "quarter": 0, "season": 0, "year": 0}
PEOPLE_BONUS, TYPE_BONUS, DAY_BONUS, WORDS_WEIGHT = 0.12, 0.06, 0.04, 0.2
# What every minutes motion and news lede says, whatever the act: not evidence of the same event.
_SECONDED = re.compile(r";\s*seconded by .*$", re.IGNORECASE | re.DOTALL)
_DATELINE = re.compile(r"^[A-Z][A-Z.' -]+[A-Z]\s*[—–]\s*")
_COMMON = {"said", "says", "told", "week", "month", "year", "last", "next", "today", "yesterday",
           "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "night",
           "seconded", "motion", "carried", "failed", "moved", "vote", "voted", "board", "meeting",
           # and what every court's ruling says ("AFFIRMED.", "We affirm the judgment of the district court."):
           # two cases decided the same week are not one event
           "court", "courts", "judgment", "district", "circuit", "affirm", "affirmed", "affirms", "reverse",
           "reversed", "remand", "remanded", "vacate", "vacated", "appeal", "appeals", "order", "ordered",
           "granted", "denied", "dismissed", "petition", "case", "plaintiff", "defendant", "appellant",
           "appellee", "opinion", "proceedings", "further", "consistent", "decision"}
# Mentions in different documents are one event only on evidence beyond a fitting date and a like
# vector: a person both name, or this many distinctive words both use (boilerplate rulings and
# motions of unrelated cases or boards otherwise join on their shared wording alone)
MIN_SHARED_WORDS = 2


def compatible_dates(a: dict[str, Any], b: dict[str, Any]) -> bool:
    if a["date_start"] is None or b["date_start"] is None:
        return a["date_start"] is None and b["date_start"] is None
    slack = timedelta(days=max(SLACK.get(a["date_precision"], 0), SLACK.get(b["date_precision"], 0)))
    return a["date_start"] <= b["date_end"] + slack and b["date_start"] <= a["date_end"] + slack


def similarity(a: dict[str, Any], b: dict[str, Any]) -> float:
    if a["doc_id"] == b["doc_id"] or not compatible_dates(a, b):
        return 0.0
    cos = float(np.dot(a["embedding"], b["embedding"])) if a["embedding"] is not None and b["embedding"] is not None else 0.0
    shared = len(set(a["people"]) & set(b["people"]))
    if a.get("text") and b.get("text") and not shared and len(_words(a) & _words(b)) < MIN_SHARED_WORDS:
        return 0.0
    same_day = a["date_precision"] == b["date_precision"] == "day" and a["date_start"] == b["date_start"]
    bonus = PEOPLE_BONUS * min(shared, 2) + (TYPE_BONUS if a["type"] == b["type"] else 0.0) + \
        (DAY_BONUS if same_day else 0.0)
    if a.get("text") and b.get("text"):
        bonus += WORDS_WEIGHT * dice(_words(a), _words(b))
    return cos + bonus


@functools.lru_cache(maxsize=65536)   # every pair in a block asks again
def content_words(text: str) -> frozenset[str]:
    """Distinctive words of a sentence, crudely stemmed (first six letters: review = reviewing)."""
    stop = stop_words()
    text = _DATELINE.sub("", _SECONDED.sub("", " ".join(text.split())))
    words = (re.sub(r"['’]s$", "", w.lower()) for w in re.findall(r"[A-Za-z][A-Za-z'’-]+", text))
    return frozenset(w[:6] for w in words if len(w) > 2 and w not in stop and w not in _COMMON)


@functools.lru_cache(maxsize=1)
def stop_words() -> frozenset[str]:
    """spaCy's English stop words, read from spaCy's own file (a plain list): importing spaCy
    would cost the runner, which runs this step and otherwise never loads spaCy, 4-5 s."""
    spec = importlib.util.find_spec("spacy")   # finds the package without importing it
    assert spec is not None and spec.origin, "spaCy is not installed"
    path = Path(spec.origin).parent / "lang" / "en" / "stop_words.py"
    namespace: dict[str, Any] = {}
    exec(compile(path.read_text(encoding="utf-8"), str(path), "exec"), namespace)  # noqa: S102 (spaCy's file)
    return frozenset(namespace["STOP_WORDS"])


def _words(event: dict[str, Any]) -> frozenset[str]:
    return content_words(event["text"])


def dice(x: frozenset[str], y: frozenset[str]) -> float:
    return 2 * len(x & y) / (len(x) + len(y)) if x or y else 0.0


def _blocks(events: list[dict[str, Any]]) -> list[list[int]]:
    """Split by overlapping date ranges so the pairwise work stays small at scale."""
    # by date, then id: the same events cluster the same whatever order they were stored in (ties
    # in average linkage are broken by position)
    order = sorted(range(len(events)), key=lambda i: (events[i]["date_start"] or date.max, events[i]["event_id"]))
    blocks: list[list[int]] = []
    current: list[int] = []
    reach: date | None = None
    for i in order:
        e = events[i]
        if e["date_start"] is None:
            blocks.append([i])
            continue
        if current and reach is not None and e["date_start"] > reach + timedelta(days=7):
            blocks.append(current)
            current, reach = [], None
        current.append(i)
        reach = max(reach or e["date_end"], e["date_end"])
    if current:
        blocks.append(current)
    return blocks


def cluster_events(events: list[dict[str, Any]]) -> dict[str, str]:
    """event_id -> cluster_id (the smallest event id in its cluster, so ids are stable)."""
    from scipy.cluster.hierarchy import fcluster, linkage
    from scipy.spatial.distance import squareform

    result: dict[str, str] = {}
    for block in _blocks(events):
        items = [events[i] for i in block]
        labels = [1]
        if len(items) > 1:
            n = len(items)
            dist = np.ones((n, n), dtype="float64")
            for x in range(n):
                dist[x, x] = 0.0
                for y in range(x + 1, n):
                    # to 3 decimals: vectors of the same text differ by ~1e-7 with what they were
                    # batched with, and such a difference between two near-equal merges changes
                    # average linkage's order and so its clusters; equal ones break by position
                    dist[x, y] = dist[y, x] = max(0.0, 1.0 - round(similarity(items[x], items[y]), SIM_DECIMALS))
            tree = linkage(squareform(dist, checks=False), method="average")
            labels = list(fcluster(tree, t=1.0 - THRESHOLD, criterion="distance"))
        groups: dict[int, list[str]] = {}
        for item, label in zip(items, labels):
            groups.setdefault(int(label), []).append(item["event_id"])
        for ids in groups.values():
            for event_id in ids:
                result[event_id] = min(ids)
    return result
