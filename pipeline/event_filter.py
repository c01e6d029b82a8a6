"""The learned event filter: does this dated sentence report an act the timeline should show?

The rules of pipeline/candidates.py were written on the demo and carry over badly to real records
(eval/RESULTS.md): they miss acts told without a listed trigger word (a digest's "Measures
Introduced", a councillor's account of what a committee did) and keep talk. So every sentence the
dates stage can date is a candidate, and a logistic regression trained on the real evaluation set's
dev split (never its held-back split) keeps or drops it. It reads the MiniLM vector of the passage
(chunk) that holds the sentence, which casefile embeds anyway, and a few facts about the candidate
(whether the rules' trigger words chose it, document kind, event type, how its date was found and
how precise it is, planned, a question, its length): no extra embedding, and only the kept events are embedded after it.

The weights are data (`event_filter.json`, 400-odd numbers), written by `eval/train_event_filter.py`,
which says how they were trained and what threshold it chose (grouped cross-validation on dev).
Settings: `event_filter = "learned"` (default), `"rules"` (the trigger-word rules alone, as before
issue 13) or `"all"` (every datable sentence, for training); `event_filter_threshold` overrides the
trained threshold (lower: more entries, more noise).
"""
from __future__ import annotations

import hashlib
import json
from bisect import bisect_right
from functools import lru_cache
from pathlib import Path
from typing import Any

import numpy as np

from pipeline.embed import DIM

WEIGHTS = Path(__file__).with_name("event_filter.json")
# new weights are a new stage: documents are processed again (pipeline/run.py STAGE_VERSIONS)
VERSION = "event_filter." + (hashlib.sha256(WEIGHTS.read_bytes()).hexdigest()[:12] if WEIGHTS.exists() else "none")
MODES = ("learned", "rules", "all")
# The confidence events.py gives a candidate no trigger word chose (a chosen one has 0.7 or 0.9): how
# the filter, and its training on stored events, tell the rules' verdict.
NO_TRIGGER = 0.4
KINDS = ("minutes", "agenda", "report", "court", "press", "news")
TYPES = ("resignation", "appointment", "personnel_action", "decision", "criminal", "legal", "oversight",
         "incident", "governance", "other")
SOURCES = ("explicit", "relative", "anaphoric", "document_date")
PRECISIONS = ("day", "week", "month", "quarter", "season", "year")
NAMES = ("trigger_word", "planned", "question", "length", *(f"kind={k}" for k in KINDS), *(f"type={t}" for t in TYPES),
         *(f"date_source={s}" for s in SOURCES), *(f"precision={p}" for p in PRECISIONS),
         *(f"chunk_vector[{i}]" for i in range(DIM)))


def check_mode(mode: str) -> str:
    if mode not in MODES:
        raise ValueError(f"event_filter must be one of {', '.join(MODES)}, not {mode!r}")
    return mode


def features(event: dict[str, Any], kind: str, chunk_vector: Any) -> np.ndarray:
    """One candidate's features, in the order of NAMES."""
    text = event["text"]
    facts = [float(event["confidence"] > NO_TRIGGER), float(event["modality"] == "planned"), float(text.rstrip().endswith("?")), min(len(text), 400) / 400,
             *(float(kind == k) for k in KINDS), *(float(event["type"] == t) for t in TYPES),
             *(float(event["date_source"] == s) for s in SOURCES),
             *(float(event["date_precision"] == p) for p in PRECISIONS)]
    vector = np.zeros(DIM) if chunk_vector is None else np.asarray(chunk_vector, dtype=float)
    return np.concatenate([facts, vector])


def chunk_vectors(events: list[dict[str, Any]], chunks: list[dict[str, Any]], key: str = "embedding") -> list[Any]:
    """Each event's chunk vector: the chunk of its page that holds its first character (None if none)."""
    by_page: dict[int, list[dict[str, Any]]] = {}
    for c in sorted(chunks, key=lambda c: (c["page"], c["char_start"])):
        by_page.setdefault(c["page"], []).append(c)
    starts = {page: [c["char_start"] for c in cs] for page, cs in by_page.items()}
    out = []
    for e in events:
        cs = by_page.get(e["page"], [])
        i = bisect_right(starts.get(e["page"], []), e["char_start"]) - 1
        held = cs[i] if i >= 0 and cs[i]["char_start"] <= e["char_start"] < cs[i]["char_end"] else None
        out.append(None if held is None else held[key])
    return out


@lru_cache(maxsize=4)
def load(path: str = str(WEIGHTS)) -> dict[str, Any]:
    model = json.loads(Path(path).read_text())
    if tuple(model["features"]) != NAMES:
        raise RuntimeError(f"{path} was trained on other features: run eval/train_event_filter.py again")
    model["coef"] = np.asarray(model["weights"], dtype=float)
    return model


def probabilities(events: list[dict[str, Any]], kind: str, vectors: list[Any], model: dict[str, Any]) -> np.ndarray:
    if not events:
        return np.zeros(0)
    X = np.stack([features(e, kind, v) for e, v in zip(events, vectors)])
    return 1.0 / (1.0 + np.exp(-(X @ model["coef"] + model["intercept"])))


def keep(events: list[dict[str, Any]], kind: str, chunks: list[dict[str, Any]], threshold: float = 0.0,
         path: str = str(WEIGHTS)) -> list[dict[str, Any]]:
    """The events the filter keeps, each with its probability as `confidence`."""
    model = load(path)
    t = threshold or model["threshold"]
    prob = probabilities(events, kind, chunk_vectors(events, chunks), model)
    return [{**e, "confidence": round(float(p), 3)} for e, p in zip(events, prob) if p >= t]
