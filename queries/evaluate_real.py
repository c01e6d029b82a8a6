"""`casefile eval --reference eval/real`: score a case built from the real-world set against the
reference written by reading its documents (eval/real/ANNOTATING.md says how it was written).

Per document, then summed per kind of document and per split (dev | heldout):
- Events: a reference act and a timeline event (done, dated, not rejected) of the same document
  match when the event's quote covers most of the reference sentence and is not much more than it
  (a heading glued on is not a match); one-to-one, best overlap first. An optional reference act
  (planned, borderline) is neither required nor held against an event that matches it.
  event_precision = matched / (events - events matching optional acts); event_recall = matched /
  required acts; date_recall = required acts matched with a date inside the reference period at
  its precision (queries/evaluate.date_matches) / required acts. An event told over a span is
  dated by its start, as the reference dates it (dated_by).
- People: the people casefile shows for a document (those with a mention in it), by the name it
  shows, against the reference people by any form they appear under (titles aside). Optional
  reference people (bylines, credits, surname only) are neutral.
- Attribution: on matched required acts, the people on the event against the reference's (micro
  precision, recall and F1), optional people left out on both sides.
- Impossible dates (whole case): entries before 1900, or done acts more than a year after their
  document. Bad names: people whose name holds a digit, a handle or a quote mark.
"""
from __future__ import annotations

import csv
import hashlib
import re
import tomllib
import unicodedata
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from index.store import Store
from pipeline.names import split_title
from queries.evaluate import date_matches, period
from queries.filters import QueryError

COVER = 0.7      # share of the reference sentence's words the quote must hold
EXTRA = 0.5      # share of the quote's words that must be the reference sentence's
AHEAD_DAYS = 366
BAD_NAME = re.compile(r"[\d@#\"“”«»„]|^['‘’]|['‘’]$")


@dataclass
class RefDoc:
    id: str
    kind: str
    split: str
    doc_id: str
    people: list[dict[str, Any]] = field(default_factory=list)
    events: list[dict[str, Any]] = field(default_factory=list)


def load(folder: Path) -> list[RefDoc]:
    """The set's documents (documents.csv) with their reference (reference/<id>.toml); doc_id is
    the sha256 of the file, as casefile names it."""
    folder = Path(folder)
    listing = folder / "documents.csv"
    if not listing.is_file():
        raise QueryError(f"{folder}: no documents.csv (a real-world set is a folder with documents.csv and reference/)")
    docs = []
    with listing.open(newline="", encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            ref_file = folder / "reference" / f"{row['id']}.toml"
            if not ref_file.is_file():
                continue   # a document without its reference yet is not scored
            try:
                ref = tomllib.loads(ref_file.read_text(encoding="utf-8"))
            except tomllib.TOMLDecodeError as exc:
                raise QueryError(f"{ref_file}: {exc}") from None
            raw = (folder / row["path"]).read_bytes()
            docs.append(RefDoc(row["id"], row["kind"], row.get("split") or "dev",
                               hashlib.sha256(raw).hexdigest(), ref.get("people", []), ref.get("events", [])))
    if not docs:
        raise QueryError(f"{folder}: no document has a reference")
    return docs


def words(text: str) -> list[str]:
    t = unicodedata.normalize("NFKC", text).replace("\u00ad", "")
    t = re.sub(r"(\w)-\s*\n\s*(\w)", r"\1\2", t)
    return re.findall(r"[^\W_]+", t.casefold())


def fold_name(text: str) -> str:
    """A name compared without titles, case, accents or punctuation ("Gov. Chris Christie" = "chris christie")."""
    _, rest = split_title(" ".join(text.split()))
    t = unicodedata.normalize("NFKD", rest or text)
    t = "".join(c for c in t if not unicodedata.combining(c))
    return " ".join(re.findall(r"[^\W_]+", t.casefold()))


def overlap(ref: str, quote: str) -> float:
    """How well a quote is the reference sentence: 0 unless it covers COVER of it and is mostly it."""
    r, q = words(ref), words(quote)
    if not r or not q:
        return 0.0
    common = sum((_counts(r) & _counts(q)).values())
    cover, purity = common / len(r), common / len(q)
    return cover if cover >= COVER and purity >= EXTRA else 0.0


def _counts(ws: list[str]) -> Any:
    from collections import Counter
    return Counter(ws)


def _events(store: Store, doc_id: str) -> list[dict[str, Any]]:
    rows = store.query(
        "SELECT e.event_id, e.page, e.char_start, e.text, e.date_start, e.date_end, e.date_precision, "
        "list(p.name) FILTER (WHERE p.name IS NOT NULL) AS people "
        "FROM events e LEFT JOIN event_people ep USING (event_id) LEFT JOIN people p USING (person_id) "
        "WHERE e.doc_id = ? AND NOT e.rejected AND e.modality <> 'planned' AND e.date_start IS NOT NULL "
        "GROUP BY ALL ORDER BY e.page, e.char_start", [doc_id])
    return rows


def dated_by(event: dict[str, Any]) -> tuple[date, date]:
    """The days an event is dated by, as the reference dates it: an act told over a span of several
    days, months or years ("held on April 25 and 26, 1996", "between October 2014 and April 2015",
    "from 2015 through 2017") is dated at its start (ANNOTATING.md), so the span's first day, month
    or year is compared; a single day, month, year, week, quarter or season is compared whole."""
    start, end, precision = event["date_start"], event["date_end"], event.get("date_precision")
    if precision == "day" and end > start:
        return start, start
    if precision == "month" and (end.year, end.month) != (start.year, start.month):
        return period(f"{start.year}-{start.month:02d}")
    if precision == "year" and end.year != start.year:
        return period(str(start.year))
    return start, end


def _people(store: Store, doc_id: str) -> dict[str, list[str]]:
    """The people shown for a document: their case-wide name, and the forms this document writes them
    in (the case-wide name may come from another document: "Gregory T. Long" for a page's "Greg Long")."""
    return {r["name"]: sorted(r["forms"]) for r in store.query(
        "SELECT p.name, list(DISTINCT m.text) AS forms FROM mentions m JOIN people p USING (person_id) "
        "WHERE m.doc_id = ? GROUP BY p.name ORDER BY 1", [doc_id])}


def _ref_forms(p: dict[str, Any]) -> set[str]:
    return {fold_name(f) for f in [p.get("name", ""), *p.get("forms", [])] if f and fold_name(f)}


def score_document(store: Store, ref: RefDoc) -> dict[str, Any]:
    """Counts and the details behind them for one document."""
    from scipy.optimize import linear_sum_assignment
    import numpy as np

    forms = {p["name"]: _ref_forms(p) for p in ref.people}
    optional_people = {p["name"] for p in ref.people if p.get("optional")}

    def who(name: str) -> str | None:
        folded = fold_name(name)
        return next((n for n, fs in forms.items() if folded in fs), None)

    # people: by the name casefile shows, else by a form this document writes the person in
    shown = _people(store, ref.doc_id)
    found: set[str] = set()
    false_people = []
    as_shown: dict[str, str] = {}
    for name, written in shown.items():
        r = who(name) or next((x for x in map(who, written) if x), None)
        if r is None:
            false_people.append(name)
        else:
            found.add(r)
            as_shown[name] = r
    required_people = [p["name"] for p in ref.people if not p.get("optional")]
    missed_people = [n for n in required_people if n not in found]

    # events
    events = _events(store, ref.doc_id)
    refs = ref.events
    sim = np.zeros((len(refs), len(events)))
    for i, r in enumerate(refs):
        for j, e in enumerate(events):
            s = overlap(r.get("sentence", ""), e["text"])
            sim[i, j] = s + (0.01 if s and int(r.get("page", 0)) == e["page"] else 0.0)
    pairs = []
    if refs and events:
        rows, cols = linear_sum_assignment(-sim)
        pairs = [(i, j) for i, j in zip(rows, cols) if sim[i, j] > 0]
    matched_refs = {i for i, _ in pairs}
    matched_events = {j for _, j in pairs}
    required = [i for i, r in enumerate(refs) if not r.get("optional")]
    good = [(i, j) for i, j in pairs if not refs[i].get("optional")]
    neutral = [(i, j) for i, j in pairs if refs[i].get("optional")]
    dated_ok = [(i, j) for i, j in good
                if date_matches(period(str(refs[i]["date"]), refs[i].get("precision", "day")), dated_by(events[j]))]
    a_tp = a_fp = a_fn = 0
    for i, j in good:   # optional people (bylines, surname only) are neither required nor held against
        want = set(refs[i].get("people", [])) - optional_people
        got = {as_shown.get(n) or who(n) or f"?{n}" for n in events[j]["people"] or []} - optional_people
        a_tp += len(want & got)
        a_fp += len(got - want)
        a_fn += len(want - got)
    return {
        "id": ref.id, "kind": ref.kind, "split": ref.split,
        "events": len(events), "event_tp": len(good), "event_neutral": len(neutral),
        "event_fp": len(events) - len(matched_events), "required_events": len(required),
        "date_ok": len(dated_ok),
        "people_shown": len(shown), "people_tp": len(found - optional_people),
        "people_neutral": len(found & optional_people), "people_fp": len(false_people),
        "required_people": len(required_people),
        "attr_tp": a_tp, "attr_fp": a_fp, "attr_fn": a_fn,
        "missed_events": [f"p.{refs[i].get('page')} {refs[i].get('date')} {refs[i].get('sentence', '')[:110]}"
                          for i in required if i not in matched_refs],
        "false_events": [f"p.{e['page']} {e['date_start']} {' '.join(e['text'].split())[:110]}"
                         for j, e in enumerate(events) if j not in matched_events],
        "wrong_dates": [f"{refs[i]['date']} -> {events[j]['date_start']}..{events[j]['date_end']} "
                        f"{' '.join(events[j]['text'].split())[:90]}" for i, j in good if (i, j) not in dated_ok],
        "false_people": false_people, "missed_people": missed_people,
    }


def _ratio(a: int, b: int) -> float | None:
    return round(a / b, 3) if b else None


def summarise(rows: list[dict[str, Any]]) -> dict[str, Any]:
    t = defaultdict(int)
    for r in rows:
        for k, v in r.items():
            if isinstance(v, int):
                t[k] += v
    scored = t["events"] - t["event_neutral"]
    a_p, a_r = _ratio(t["attr_tp"], t["attr_tp"] + t["attr_fp"]), _ratio(t["attr_tp"], t["attr_tp"] + t["attr_fn"])
    return {
        "documents": len(rows), "reference_events": t["required_events"], "timeline_events": t["events"],
        "event_precision": _ratio(t["event_tp"], scored), "event_recall": _ratio(t["event_tp"], t["required_events"]),
        "date_recall": _ratio(t["date_ok"], t["required_events"]),
        "date_accuracy": _ratio(t["date_ok"], t["event_tp"]),
        "reference_people": t["required_people"], "people_shown": t["people_shown"],
        "person_precision": _ratio(t["people_tp"], t["people_tp"] + t["people_fp"]),
        "person_recall": _ratio(t["people_tp"], t["required_people"]),
        "attribution": round(2 * a_p * a_r / (a_p + a_r), 3) if a_p and a_r else (None if a_p is None else 0.0),
        "attribution_precision": a_p, "attribution_recall": a_r,
    }


def impossible_entries(store: Store, doc_ids: list[str]) -> list[str]:
    rows = store.query(
        "SELECT e.date_start, d.doc_date, e.text FROM events e JOIN documents d USING (doc_id) "
        "WHERE e.doc_id IN (SELECT unnest(?)) AND NOT e.rejected AND e.date_start IS NOT NULL AND ("
        "e.date_start < DATE '1900-01-01' OR (e.modality = 'done' AND d.doc_date IS NOT NULL "
        "AND e.date_start > d.doc_date + INTERVAL (?) DAY))", [doc_ids, AHEAD_DAYS])
    return [f"{r['date_start']} (document {r['doc_date']}) {' '.join(r['text'].split())[:90]}" for r in rows]


def bad_names(store: Store) -> list[str]:
    return [r["name"] for r in store.query("SELECT name FROM people ORDER BY name") if BAD_NAME.search(r["name"])]


def evaluate_real(store: Store, folder: Path, split: str | None = None) -> dict[str, Any]:
    """Scores per kind and per split, the whole set's, and each document's details."""
    refs = load(folder)
    known = {r["doc_id"] for r in store.query("SELECT doc_id FROM documents")}
    missing = [r.id for r in refs if r.doc_id not in known]
    if len(missing) == len(refs):
        raise QueryError(f"none of the {len(refs)} documents of {folder} is in this case: "
                         f"casefile add --manifest {Path(folder) / 'documents.csv'}, then casefile process")
    refs = [r for r in refs if r.doc_id in known and (split in (None, "all") or r.split == split)]
    rows = [score_document(store, r) for r in refs]
    by_kind = {k: summarise([r for r in rows if r["kind"] == k]) for k in sorted({r["kind"] for r in rows})}
    by_split = {s: summarise([r for r in rows if r["split"] == s]) for s in sorted({r["split"] for r in rows})}
    return {"whole": summarise(rows), "splits": by_split, "kinds": by_kind,
            "impossible_dates": impossible_entries(store, [r.doc_id for r in refs]),
            "bad_names": bad_names(store), "not_in_case": missing, "documents": rows}
