"""What the spaCy pass reads off a parsed page: sentences, entities, person mentions (with titles
and roles) and event candidates, as plain data (character offsets into the page text), never spaCy
objects. How the model is loaded and run is `pipeline/tagger.py`."""
from __future__ import annotations

import re
from typing import Any


from pipeline.lexicon import (EVENT_NOUNS, GENERIC_TYPES, PLANNED_CUES, PROCEDURAL, ROLE_NOUNS,
                              ROLE_TITLES, TITLE_WORDS, TRIGGERS)

VERSION = "nlp.v1"

_APPOSITIVE = re.compile(
    r"^,\s+(?:the\s+|a\s+|then[- ]|who\s+(?:is|was)\s+(?:the\s+)?)?((?:(?:former|interim|acting|deputy|"
    r"assistant|new|longtime|county|state|board)\s+)*(?:%s))\b(?!\s+[A-Z][a-z])" % "|".join(
        sorted((re.escape(r) for r in ROLE_TITLES), key=len, reverse=True)),
    re.IGNORECASE)
_ROLE_NOUN = re.compile(
    r"\bthe\s+((?:interim\s+|acting\s+|new\s+|former\s+)?(?:%s))\b(?!\s+[A-Z])" % "|".join(
        sorted((re.escape(r) for r in ROLE_NOUNS), key=len, reverse=True)))
_PROCEDURAL = re.compile("|".join(PROCEDURAL), re.IGNORECASE | re.MULTILINE)


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
        if doc[k - 1].ent_type_ in ("GPE", "FAC", "LOC", "DATE", "NORP"):
            continue
        if doc[k - 1].ent_type_ == "ORG" and not _title_org(doc, i, k):
            continue
        found.append(_mention(doc, i, k, doc[j + 1:k], doc[i:j + 1].text))
        taken.update(range(i, k))
    return sorted(found, key=lambda m: m["start"])


def _title_org(doc: Any, start: int, end: int) -> bool:
    """spaCy's small model calls "Chair Hale" an ORG; an ORG that is only title + name is a person."""
    org = next(e for e in doc.ents if e.start <= end - 1 < e.end)
    return org.end == end and org.start >= start


def _mention(doc: Any, start: int, end: int, name: Any, title: str | None) -> dict[str, Any]:
    span = doc[start:end]
    after = doc.text[span.end_char:span.end_char + 80]
    m = _APPOSITIVE.match(after)
    role = m.group(1).lower() if m else None
    return {"start": span.start_char, "end": span.end_char, "text": span.text,
            "name": name.text, "title": title, "role": role, "label": "PERSON"}


def _event_candidate(sent: Any) -> dict[str, Any] | None:
    """The sentence's best trigger word (specific before generic, the main verb first), with its
    grammatical neighbourhood; `lemmas` lists every trigger in the sentence."""
    found = []
    for tok in sent:
        lemma = tok.lemma_.lower()
        if lemma not in TRIGGERS or tok.pos_ not in ("VERB", "NOUN", "AUX"):
            continue
        if tok.pos_ == "NOUN" and lemma not in EVENT_NOUNS:
            continue  # "received 29 reports": a noun that names no act
        if tok.dep_ == "amod":
            continue  # "the adopted budget": an adjective, not an act
        if lemma == "place" and not any(t.lower_ == "leave" for t in sent):
            continue  # "place" is an action only as "placed on leave"
        if lemma == "move" and not any(c.dep_ == "xcomp" for c in tok.children):
            continue  # "moved to approve" is a motion; "moved to Ohio" is not
        if lemma == "state" and tok.pos_ != "VERB":
            continue
        found.append(tok)
    if not found or _PROCEDURAL.search(sent.text):
        return None
    best = min(found, key=lambda t: (TRIGGERS[t.lemma_.lower()] in GENERIC_TYPES, t.dep_ != "ROOT",
                                     t.pos_ != "VERB", t.i))
    subtree = {t.i for t in best.subtree}
    agents = [t.i for t in best.children if t.dep_ in ("nsubj", "agent")]
    agents += [g.i for t in best.children if t.dep_ == "agent" for g in t.children if g.dep_ == "pobj"]
    patients = [t.i for t in best.children if t.dep_ in ("dobj", "nsubjpass", "attr", "oprd")]
    negated = any(t.dep_ == "neg" for t in best.children)
    planned = any(t.lower_ in PLANNED_CUES for t in best.children if t.dep_ in ("aux", "advcl", "xcomp")) \
        or any(t.lower_ in PLANNED_CUES and t.head.i == best.i for t in sent)
    return {"start": sent.start_char, "end": sent.end_char, "trigger": best.text, "trigger_at": best.idx,
            "lemma": best.lemma_.lower(), "type": TRIGGERS[best.lemma_.lower()],
            "lemmas": sorted({t.lemma_.lower() for t in found}),
            "agents": _expand(sent, agents), "patients": _expand(sent, patients),
            "subtree": [min(subtree), max(subtree)],
            # "will not resign" is a refusal made now, not a plan
            "modality": "planned" if planned and not negated else "done",
            "polarity": "negative" if negated else "positive"}


def _expand(sent: Any, heads: list[int]) -> list[list[int]]:
    """Character spans of the noun phrases under the given tokens (to match person mentions)."""
    doc = sent.doc
    spans = []
    for i in heads:
        toks = list(doc[i].subtree)
        spans.append([toks[0].idx, toks[-1].idx + len(toks[-1])])
    return spans


def add_known_names(texts: list[str], analyses: list[dict[str, Any]]) -> None:
    """Names the statistical NER missed ("Reyes hired…", "Pruitt pleaded…") when the same document
    names that person in full elsewhere: full names first, then bare surnames, never inside
    another mention. Adds PERSON mentions (method "known_name") to the analyses in place."""
    full = {m["name"] for a in analyses for m in a["people"] if len(m["name"].split()) >= 2}
    surnames = {n.split()[-1] for n in full if n.split()[-1][:1].isupper()}
    patterns = [re.escape(n) for n in sorted(full, key=len, reverse=True)] + \
               [re.escape(s) for s in sorted(surnames, key=len, reverse=True)]
    if not patterns:
        return
    finder = re.compile(r"(?<![\w-])(?:%s)(?:'s)?(?![\w-])(?!\s+[A-Z][a-z])" % "|".join(patterns))
    for text, analysis in zip(texts, analyses):
        taken = [(m["start"], m["end"]) for m in analysis["people"]]
        added = []
        for match in finder.finditer(text):
            start, end = match.start(), match.end()
            if any(s < end and start < e for s, e in taken):
                continue
            name = match.group(0).removesuffix("'s")
            before = re.search(r"((?:[A-Z][a-z]*\.?\s+){1,2})$", text[max(0, start - 40):start])
            title = None
            if before and all(w.lower() in TITLE_WORDS for w in before.group(1).split()):
                title = before.group(1).strip()
                start -= len(before.group(1))
            elif before and before.group(1).split()[-1][:1].isupper() and not _sentence_start(text, start):
                continue  # another capitalised word before it: part of a name we do not know
            added.append({"start": start, "end": start + len(text[start:end].removesuffix("'s")),
                          "text": text[start:end].removesuffix("'s"), "name": name, "title": title,
                          "role": None, "label": "PERSON", "method": "known_name"})
            taken.append((start, end))
        if added:
            analysis["people"] = sorted(analysis["people"] + added, key=lambda m: m["start"])


def _sentence_start(text: str, pos: int) -> bool:
    head = text[:pos].rstrip()
    return not head or head[-1] in ".!?\n:;\"“"
