"""Experiment: does a learned "this sentence reports a dated act" filter beat the rules?

Measured for issue 13 (numbers in eval/RESULTS.md): on the held-back split the learned filter beats
the rules. It is now part of casefile, on the passage's vector (chunk_vectors.py), as
pipeline/event_filter.py, trained by eval/train_event_filter.py. To repeat the experiment:
1. at 0487eae (before the filter), apply broad_candidates.diff (every sentence the dates stage can
   date becomes a candidate), build the dev and heldout documents of eval/real into two cases with
   CASEFILE_BROAD=1, and build the whole set with the rules into a third (today's code gives the
   same candidates with CASEFILE_EVENT_FILTER=all, and the rules alone with =rules);
2. then (scikit-learn comes with sentence-transformers)
   python eval/experiments/learned_filter.py DEV_BROAD_CASE HELDOUT_BROAD_CASE RULES_CASE
It trains a logistic regression on the dev candidates (MiniLM vector of the sentence + the rules'
verdict, kind, event type, date source and precision), labelled by the reference, and scores the
rules and the filter at several thresholds on the held-back split, the same way for both.
"""
from __future__ import annotations

import csv
import hashlib
import sys
import tomllib
from pathlib import Path

import duckdb
import numpy as np

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
from queries.evaluate import date_matches, period  # noqa: E402
from queries.evaluate_real import overlap  # noqa: E402

REAL = ROOT / "eval" / "real"
KINDS = ["minutes", "agenda", "report", "court", "press", "news"]
TYPES = ["resignation", "appointment", "personnel_action", "decision", "criminal", "legal", "oversight",
         "incident", "governance", "other"]
SOURCES = ["explicit", "relative", "anaphoric", "document_date"]
PRECISIONS = ["day", "week", "month", "quarter", "season", "year"]


def documents(split: str) -> list[tuple[dict, str, list[dict]]]:
    out = []
    for row in csv.DictReader(open(REAL / "documents.csv")):
        if row["split"] == split:
            ref = tomllib.loads((REAL / "reference" / f"{row['id']}.toml").read_text())
            out.append((row, hashlib.sha256((REAL / row["path"]).read_bytes()).hexdigest(), ref.get("events", [])))
    return out


def candidates(broad: str, rules: str, split: str):
    b, r = duckdb.connect(broad, read_only=True), duckdb.connect(rules, read_only=True)
    X, y, meta = [], [], []
    for row, doc_id, refs in documents(split):
        kept = {tuple(x) for x in r.execute("SELECT page, char_start FROM events WHERE doc_id = ? AND "
                                            "modality <> 'planned' AND date_start IS NOT NULL", [doc_id]).fetchall()}
        for page, start, text, typ, src, prec, mod, emb, ds, de in b.execute(
                "SELECT page, char_start, text, type, date_source, date_precision, modality, embedding, "
                "date_start, date_end FROM events WHERE doc_id = ? AND date_start IS NOT NULL", [doc_id]).fetchall():
            best = max(((overlap(e["sentence"], text), i) for i, e in enumerate(refs)), default=(0, None))
            label = (None if refs[best[1]].get("optional") else 1) if best[0] > 0 else 0
            f = [float((page, start) in kept), float(mod == "planned"), float(text.strip().endswith("?")),
                 min(len(text), 400) / 400, *[float(row["kind"] == k) for k in KINDS],
                 *[float(typ == t) for t in TYPES], *[float(src == s) for s in SOURCES],
                 *[float(prec == p) for p in PRECISIONS]]
            X.append(np.concatenate([f, np.asarray(emb, dtype=float)]))
            y.append(label)
            meta.append((doc_id, best[1], ds, de))
    required = {(doc_id, i): e for _, doc_id, refs in documents(split) for i, e in enumerate(refs)
                if not e.get("optional")}
    return np.array(X), y, meta, required


def score(keep, y, meta, required) -> tuple[float, float, float]:
    tp = fp = dates = 0
    hit = set()
    for k, label, (doc_id, i, ds, de) in zip(keep, y, meta):
        if not k or label is None:
            continue
        if label == 1 and (doc_id, i) not in hit:
            hit.add((doc_id, i))
            tp += 1
            dates += date_matches(period(str(required[(doc_id, i)]["date"])), (ds, de))
        else:
            fp += 1
    return tp / max(1, tp + fp), tp / len(required), dates / len(required)


def main(dev_broad: str, held_broad: str, rules: str) -> None:
    from sklearn.linear_model import LogisticRegression

    Xd, yd, _, _ = candidates(dev_broad, rules, "dev")
    Xh, yh, mh, req = candidates(held_broad, rules, "heldout")
    train = [i for i, v in enumerate(yd) if v is not None]
    print("heldout: precision, recall, date recall (this script's one-to-one matching)")
    print("rules          P=%.3f R=%.3f DR=%.3f" % score(Xh[:, 0] > 0.5, yh, mh, req))
    print("every candidate P=%.3f R=%.3f DR=%.3f" % score(np.ones(len(Xh)) > 0, yh, mh, req))
    for name, cols in (("learned, with the rules' verdict", slice(None)), ("learned, without it", slice(1, None))):
        model = LogisticRegression(C=1.0, max_iter=3000, class_weight="balanced").fit(
            Xd[train][:, cols], [yd[i] for i in train])
        prob = model.predict_proba(Xh[:, cols])[:, 1]
        for t in (0.4, 0.5, 0.6, 0.7, 0.8):
            print("%s, t=%.1f  P=%.3f R=%.3f DR=%.3f" % ((name, t) + score(prob >= t, yh, mh, req)))

if __name__ == "__main__":
    main(*sys.argv[1:4])
