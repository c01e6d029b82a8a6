"""Train the learned event filter (pipeline/event_filter.py) on the dev split of eval/real, and write
its weights to pipeline/event_filter.json. The held-back split is never read here.

    python eval/train_event_filter.py [--case DIR] [--write]

1. Builds a case of the dev documents with `event_filter = "all"`: every sentence the dates stage can
   date becomes a candidate event (or reuses DIR if it already holds them).
2. Labels each candidate by the reference: 1 when it is a required act's sentence (the overlap rule
   `casefile eval` uses), 0 when it matches no act; candidates that are an optional act are left out.
3. Chooses the threshold by five-fold cross-validation grouped by document (F1 of precision and
   recall of required acts, one entry per act), then fits on all dev candidates.
Prints the cross-validated figures; `--write` saves the weights with how they were made.
scikit-learn comes with sentence-transformers; casefile itself only needs the saved numbers.
"""
from __future__ import annotations

import argparse
import csv
import hashlib
import json
import os
import subprocess
import sys
import tempfile
import tomllib
from pathlib import Path

import duckdb
import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
from pipeline import event_filter  # noqa: E402
from queries.evaluate_real import overlap  # noqa: E402

REAL = ROOT / "eval" / "real"
THRESHOLDS = [round(t, 2) for t in np.arange(0.2, 0.86, 0.05)]
C = 1.0   # logistic regression's inverse regularisation (--C; --sweep-C compares others by the same cross-validation)
C_GRID = (0.03, 0.1, 0.3, 1.0, 3.0)


def dev_documents() -> list[dict]:
    rows = [r for r in csv.DictReader(open(REAL / "documents.csv")) if r["split"] == "dev"]
    for r in rows:
        r["doc_id"] = hashlib.sha256((REAL / r["path"]).read_bytes()).hexdigest()
        r["refs"] = tomllib.loads((REAL / "reference" / f"{r['id']}.toml").read_text()).get("events", [])
    return rows


def build(case: Path, docs: list[dict]) -> None:
    cli = [sys.executable, "-m", "casefile.cli"]
    env = {**os.environ, "CASEFILE_EVENT_FILTER": "all"}
    subprocess.run([*cli, "init", str(case)], check=True, env=env, stdout=subprocess.DEVNULL)
    with tempfile.NamedTemporaryFile("w", suffix=".csv", delete=False, newline="") as f:
        out = csv.writer(f)
        out.writerow(["path", "kind", "url"])
        for r in docs:
            out.writerow([str(REAL / r["path"]), r["kind"], r["url"]])
    subprocess.run([*cli, "--case", str(case), "add", "--manifest", f.name], check=True, env=env,
                   stdout=subprocess.DEVNULL)
    subprocess.run([*cli, "--case", str(case), "process"], check=True, env=env)


def candidates(case: Path, docs: list[dict]):
    """Features, labels (1, 0, None: optional), document of each, and the required acts per document."""
    con = duckdb.connect(str(case / "casefile.duckdb"), read_only=True)
    X, y, groups, keys = [], [], [], []
    for n, doc in enumerate(docs):
        chunks = [dict(zip(("page", "char_start", "char_end", "embedding"), r)) for r in con.execute(
            "SELECT page, char_start, char_end, embedding FROM chunks WHERE doc_id = ?", [doc["doc_id"]]).fetchall()]
        cols = ("page", "char_start", "text", "type", "date_source", "date_precision", "modality", "confidence")
        events = [dict(zip(cols, r)) for r in con.execute(
            f"SELECT {', '.join(cols)} FROM events WHERE doc_id = ? AND date_start IS NOT NULL "
            "ORDER BY page, char_start", [doc["doc_id"]]).fetchall()]
        for e, vec in zip(events, event_filter.chunk_vectors(events, chunks)):
            best, i = max(((overlap(r["sentence"], e["text"]), i) for i, r in enumerate(doc["refs"])), default=(0, None))
            X.append(event_filter.features(e, doc["kind"], vec))
            y.append((None if doc["refs"][i].get("optional") else 1) if best > 0 else 0)
            groups.append(n)
            keys.append((n, i))
    con.close()
    required = sum(1 for d in docs for r in d["refs"] if not r.get("optional"))
    if not X:
        raise SystemExit(f"{case} holds no candidate events: build it with event_filter = \"all\"")
    return np.array(X), y, np.array(groups), keys, required


def demo_documents(case: Path) -> list[dict]:
    """The demo case's documents with the demo's gold acts as their reference (matched by URL path)."""
    gold = list(csv.DictReader(open(ROOT / "casefile" / "demo" / "gold.csv", newline="", encoding="utf-8")))
    con = duckdb.connect(str(case / "casefile.duckdb"), read_only=True)
    docs = []
    for doc_id, url, kind in con.execute("SELECT doc_id, url, kind FROM documents WHERE supersedes IS NULL "
                                         "AND url IS NOT NULL ORDER BY url").fetchall():
        path = "/" + url.split("/", 3)[3]
        docs.append({"doc_id": doc_id, "kind": kind, "refs": [{"sentence": g["quote"]} for g in gold
                                                              if g["source"] == path]})
    con.close()
    return docs


def score(keep, y, keys, required: int) -> tuple[float, float]:
    """Precision and recall of required acts, each act counted once (as casefile eval does)."""
    hit, tp, fp = set(), 0, 0
    for k, label, key in zip(keep, y, keys):
        if not k or label is None:
            continue
        if label == 1 and key not in hit:
            hit.add(key)
            tp += 1
        elif label == 0:
            fp += 1
    return tp / max(1, tp + fp), tp / max(1, required)


def fit(X, y, weight=None, c: float = C):
    """`weight`: each candidate's weight in the fit (the demo's may count more than one dev candidate)."""
    from sklearn.linear_model import LogisticRegression

    labelled = [i for i, v in enumerate(y) if v is not None]
    w = None if weight is None else np.asarray(weight, dtype=float)[labelled]
    return LogisticRegression(C=c, max_iter=5000, class_weight="balanced").fit(
        X[labelled], [y[i] for i in labelled], sample_weight=w)


def cross_validate(X, y, groups, keys, docs, weight=None, c: float = C) -> dict[float, tuple[float, float]]:
    from sklearn.model_selection import GroupKFold

    prob = np.zeros(len(y))
    for train, test in GroupKFold(n_splits=5).split(X, groups=groups):
        model = fit(X[train], [y[i] for i in train], None if weight is None else np.asarray(weight)[train], c)
        prob[test] = model.predict_proba(X[test])[:, 1]
    required = sum(1 for d in docs for r in d["refs"] if not r.get("optional"))
    return {t: score(prob >= t, y, keys, required) for t in THRESHOLDS}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--case", type=Path, help="a case of the dev documents built with event_filter = all")
    parser.add_argument("--with-demo", type=Path, metavar="CASE",
                        help="add the demo case's candidates (built with event_filter = all), labelled by its gold file")
    parser.add_argument("--demo-weight", type=float, default=1.0,
                        help="how much each demo candidate counts in the fit against one dev candidate")
    parser.add_argument("--threshold", type=float, help="use this threshold, not the best cross-validated one")
    parser.add_argument("--C", type=float, default=C, dest="c", help="the logistic regression's inverse regularisation")
    parser.add_argument("--sweep-C", action="store_true",
                        help=f"print the best cross-validated F1 for each C of {C_GRID} and stop")
    parser.add_argument("--out", type=Path, default=event_filter.WEIGHTS, help="where --write saves the weights")
    parser.add_argument("--write", action="store_true", help=f"save the weights to {event_filter.WEIGHTS}")
    args = parser.parse_args()
    docs = dev_documents()
    case = args.case or Path(tempfile.mkdtemp(prefix="casefile-train-")) / "case"
    if not (case / "casefile.duckdb").exists():
        build(case, docs)
    X, y, groups, keys, required = candidates(case, docs)
    weight = np.ones(len(y))
    if args.with_demo:
        demo = demo_documents(args.with_demo)
        Xd, yd, gd, kd, rd = candidates(args.with_demo, demo)
        offset = len(docs)
        docs += demo
        X, y, groups = np.vstack([X, Xd]), y + yd, np.concatenate([groups, gd + offset])
        keys, required = keys + [(n + offset, i) for n, i in kd], required + rd
        weight = np.concatenate([weight, np.full(len(yd), args.demo_weight)])
    print(f"{len(docs)} dev documents, {len(y)} candidates, {sum(v == 1 for v in y)} positive, "
          f"{sum(v is None for v in y)} optional (left out), {required} required acts")
    if args.sweep_C:
        for c in C_GRID:
            cv = cross_validate(X, y, groups, keys, docs, weight, c)
            t, (p, r) = max(cv.items(), key=lambda kv: 2 * kv[1][0] * kv[1][1] / max(1e-9, sum(kv[1])))
            print(f"  C={c:<5} best t={t:.2f}  P={p:.3f} R={r:.3f} F1={2 * p * r / max(1e-9, p + r):.3f}")
        return
    cv = cross_validate(X, y, groups, keys, docs, weight, args.c)
    f1 = {t: 2 * p * r / max(1e-9, p + r) for t, (p, r) in cv.items()}
    for t, (p, r) in cv.items():
        print(f"  t={t:.2f}  P={p:.3f} R={r:.3f} F1={f1[t]:.3f}")
    threshold = max(cv, key=lambda t: (round(f1[t], 3), t))
    print(f"threshold {threshold} (best cross-validated F1 on dev)")
    if args.threshold is not None:
        threshold = min(cv, key=lambda t: abs(t - args.threshold))
        print(f"threshold {threshold} (chosen: --threshold)")
    model = fit(X, y, weight, args.c)
    if args.write:
        args.out.write_text(json.dumps({
            "about": "pipeline/event_filter.py; trained by eval/train_event_filter.py on the dev split of eval/real",
            "trained_on": {"documents": len(docs), "candidates": len(y), "positive": int(sum(v == 1 for v in y)),
                           "split": "dev" + (" and the demo" if args.with_demo else ""), "C": args.c, "class_weight": "balanced",
                           **({"demo_weight": args.demo_weight} if args.with_demo else {})},
            "cross_validated": {"threshold": threshold, "precision": round(cv[threshold][0], 3),
                                "recall": round(cv[threshold][1], 3), "folds": 5, "grouped_by": "document"},
            "threshold": threshold, "intercept": float(model.intercept_[0]),
            "features": list(event_filter.NAMES), "weights": [round(float(w), 6) for w in model.coef_[0]],
        }, indent=1) + "\n")
        print(f"wrote {args.out}")


if __name__ == "__main__":
    main()
