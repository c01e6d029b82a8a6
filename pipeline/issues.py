"""Issue tagging: keyword rules (precise) plus embedding similarity to each issue's description
and examples (recall). Each tag records its score and method."""
from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from importlib import resources
from typing import Any

import numpy as np

VERSION = "issues.v3"
SIMILARITY_THRESHOLD = 0.5    # cosine to an issue's description/examples, read off the demo's tags


@dataclass
class Issue:
    key: str
    label: str
    pattern: re.Pattern[str] | None
    texts: list[str]
    exclude: re.Pattern[str] | None = None   # when these match, the keywords say nothing


def load_taxonomy(overrides: dict[str, Any] | None = None) -> list[Issue]:
    base = tomllib.loads(resources.files("pipeline").joinpath("taxonomy.toml").read_text())["issues"]
    if overrides:
        base = {**base, **overrides}
    return [_issue(key, spec) for key, spec in base.items()]


def _issue(key: str, spec: dict[str, Any]) -> Issue:
    texts = [spec.get("description", "")] + list(spec.get("examples", []))
    return Issue(key=key, label=spec.get("label", key), pattern=_words(spec.get("keywords", [])),
                 texts=[t for t in texts if t], exclude=_words(spec.get("exclude", [])))


def _words(keywords: list[str]) -> re.Pattern[str] | None:
    """Whole words or phrases, any case, any spacing; a trailing * matches any ending."""
    words = []
    for kw in keywords:
        body = re.escape(kw.rstrip("*")).replace(r"\ ", r"\s+")
        words.append(body + (r"\w*" if kw.endswith("*") else ""))
    return re.compile(r"\b(?:%s)\b" % "|".join(words), re.IGNORECASE) if words else None


class IssueTagger:
    def __init__(self, taxonomy: list[Issue], embed: Any | None = None) -> None:
        self.taxonomy = taxonomy
        self.vectors = None
        if embed is not None:
            self.vectors = [np.asarray(embed(i.texts), dtype="float32") for i in taxonomy]

    def tag(self, event_id: str, text: str, embedding: list[float] | None) -> list[dict[str, Any]]:
        rows: dict[str, dict[str, Any]] = {}
        for issue in self.taxonomy:
            if issue.pattern and issue.pattern.search(text) and not (issue.exclude and issue.exclude.search(text)):
                rows[issue.key] = {"event_id": event_id, "issue": issue.key, "score": 1.0, "method": "keyword"}
        if embedding is not None and self.vectors is not None:
            vec = np.asarray(embedding, dtype="float32")
            for issue, mat in zip(self.taxonomy, self.vectors):
                if issue.key in rows or not len(mat):
                    continue
                score = float((mat @ vec).max())
                if score >= SIMILARITY_THRESHOLD:
                    rows[issue.key] = {"event_id": event_id, "issue": issue.key,
                                       "score": round(score, 4), "method": "embedding"}
        return list(rows.values())
