"""Events: a sentence with an action word that carries a date, or sits in dated minutes.

Dates resolve in document order so "two weeks later" anchors on the date before it; a sentence
without a resolvable date stays undated (no date is invented).
"""
from __future__ import annotations

from datetime import date
from typing import Any

from index.ids import derive
from pipeline import dates
from pipeline.lexicon import MINUTES_TRIGGERS

VERSION = "events.v1"
DATED_KINDS = ("minutes", "agenda")   # records whose sentences happen at the meeting they minute


def resolve_page_dates(analyses: list[dict[str, Any]], anchor: date | None,
                       fiscal_year_start_month: int = 7) -> list[list[dict[str, Any]]]:
    """Per page, the DATE/TIME entities with their resolved interval (None when unresolvable)."""
    spans = [(p, e) for p, a in enumerate(analyses) for e in a["entities"] if e["label"] in ("DATE",)]
    resolved = dates.resolve_sequence([e["text"] for _, e in spans], anchor=anchor,
                                      fiscal_year_start_month=fiscal_year_start_month)
    out: list[list[dict[str, Any]]] = [[] for _ in analyses]
    for (p, e), interval in zip(spans, resolved):
        out[p].append({**e, "interval": interval})
    return out


def build_events(doc: dict[str, Any], pages: list[dict[str, Any]], analyses: list[dict[str, Any]],
                 page_dates: list[list[dict[str, Any]]]) -> list[dict[str, Any]]:
    """Event rows for one document. `pages` are {"page", "text"}; analyses come from pipeline.nlp."""
    doc_date: date | None = doc.get("doc_date")
    meeting = doc.get("kind") in DATED_KINDS and doc.get("doc_date_source") in (
        "title", "first_page", "metadata", "user")
    rows = []
    for page, analysis, found in zip(pages, analyses, page_dates):
        for cand in analysis["candidates"]:
            in_sentence = [d for d in found if cand["start"] <= d["start"] < cand["end"] and d["interval"]]
            interval = _best(in_sentence)
            date_text = None
            if interval is not None:
                date_text = interval.text
            elif meeting and cand["lemma"] in MINUTES_TRIGGERS and doc_date:
                interval = dates.document_interval(doc_date)
            elif not any(cand["start"] <= d["start"] < cand["end"] for d in found):
                continue  # no date and no dated context: not an event for the timeline
            else:
                interval = None  # a date expression we could not resolve: keep it, undated
            start, end = _trim(page["text"], cand["start"], cand["end"])
            rows.append({
                "event_id": derive(doc["doc_id"], page["page"], start, end, VERSION),
                "doc_id": doc["doc_id"], "page": page["page"], "char_start": start, "char_end": end,
                "text": page["text"][start:end], "trigger": cand["trigger"], "type": cand["type"],
                "date_start": interval.start if interval else None,
                "date_end": interval.end if interval else None,
                "date_precision": interval.precision if interval else "none",
                "date_source": interval.source if interval else "none",
                "date_text": date_text, "modality": cand["modality"], "polarity": cand["polarity"],
                "confidence": 0.9 if interval and interval.source == "explicit" else 0.6,
                "_agents": cand["agents"], "_patients": cand["patients"],
            })
    return rows


def _best(found: list[dict[str, Any]]) -> dates.DateInterval | None:
    """An explicit day beats a month beats a year; explicit beats relative beats anaphoric."""
    order = {"day": 0, "week": 1, "month": 2, "quarter": 3, "season": 4, "year": 5}
    source = {"explicit": 0, "relative": 1, "anaphoric": 2, "document_date": 3}
    ivs = [d["interval"] for d in found]
    if not ivs:
        return None
    return min(ivs, key=lambda iv: (source.get(iv.source, 9), order.get(iv.precision, 9)))


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def event_role(mention: dict[str, Any], event: dict[str, Any]) -> str:
    """agent | patient | mentioned, from the dependency spans the NLP pass recorded."""
    for role, spans in (("agent", event["_agents"]), ("patient", event["_patients"])):
        if any(s <= mention["start"] and mention["end"] <= e for s, e in spans):
            return role
    return "mentioned"
