"""The learned filter of learned_filter.py with each candidate's own MiniLM vector replaced by the
vector of the passage (chunk) that holds it, which casefile computes anyway: does the filter need
embeddings of its own? Same arguments as learned_filter.py (the first two cases built with
broad_candidates.diff applied):

    python eval/experiments/chunk_vectors.py DEV_BROAD_CASE HELDOUT_BROAD_CASE RULES_CASE

Numbers in eval/RESULTS.md.
"""
from __future__ import annotations

import sys
from pathlib import Path

import duckdb
import numpy as np

sys.path[:0] = [str(Path(__file__).resolve().parent)]
import learned_filter as lf  # noqa: E402


def with_chunk_vectors(db: str, rules: str, split: str):
    """learned_filter.candidates, the last 384 columns (the sentence's vector) replaced by its chunk's."""
    X, y, meta, required = lf.candidates(db, rules, split)
    con = duckdb.connect(db, read_only=True)
    chunks: dict[tuple, list] = {}
    for doc, page, start, end, emb in con.execute("SELECT doc_id, page, char_start, char_end, embedding FROM chunks").fetchall():
        chunks.setdefault((doc, page), []).append((start, end, emb))
    vectors = []
    for _, doc_id, _ in lf.documents(split):   # the same documents and events, in the same order
        for page, start in con.execute("SELECT page, char_start FROM events WHERE doc_id = ? AND "
                                       "date_start IS NOT NULL", [doc_id]).fetchall():
            held = next((emb for s, e, emb in chunks.get((doc_id, page), []) if s <= start < e), None)
            vectors.append(np.asarray(held if held is not None else np.zeros(384), dtype=float))
    X = X.copy()
    X[:, -384:] = np.array(vectors)
    return X, y, meta, required


def main(dev_broad: str, held_broad: str, rules: str) -> None:
    from sklearn.linear_model import LogisticRegression

    Xd, yd, _, _ = with_chunk_vectors(dev_broad, rules, "dev")
    Xh, yh, mh, req = with_chunk_vectors(held_broad, rules, "heldout")
    train = [i for i, v in enumerate(yd) if v is not None]
    model = LogisticRegression(C=1.0, max_iter=3000, class_weight="balanced").fit(
        Xd[train][:, 1:], [yd[i] for i in train])   # without the rules' verdict
    prob = model.predict_proba(Xh[:, 1:])[:, 1]
    for t in (0.4, 0.5, 0.6, 0.7):
        print("chunk vector, t=%.1f  P=%.3f R=%.3f DR=%.3f" % ((t,) + lf.score(prob >= t, yh, mh, req)))


if __name__ == "__main__":
    main(*sys.argv[1:4])
