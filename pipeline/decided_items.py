"""Items of a list of decisions, each one sentence whose act is its decision: a licensing board's voting list
("1. Harbor Grill, LLC" / "License #: …" / "Has applied for …" / "GRANTED"), a court's release of the opinions it
hands down ("2023-C-01396 STATE VS. DANA ROE (Parish of Orleans)" / "AFFIRMED. SEE OPINION."), a hand-down list's
paragraph ("Roe v. State; … Ruling Date: 07/18/2024; …; Disposition: Affirmed. Votes: …"). The item, from its number
or caption to its decision, is what a reader quotes for the decision: the decision line alone does not say whose
case it decides. Its act is done on the list's day (the meeting's, the hand-down's), or on the day an order it
states was entered ("Order entered 2/19/20."); the other days it names are its story's (the incident a violation
notice reports, the trial court's "Ruling Date", the hours of a license), never the decision's."""
from __future__ import annotations

import functools
import re
from dataclasses import replace
from datetime import date
from collections.abc import Callable
from typing import Any, NamedTuple

from pipeline.dates import DateInterval, normalize
from pipeline.doc_text import text_of
from pipeline.lexicon import RUNS_ON
from pipeline.page_runs import first_read, last_read
from pipeline.verdicts import formula_candidate

# an item opens on its number ("7) NOSMADA, INC.", "2. Nicole Gunn", "3.Le, Inc.") or on a docket number ("2023-C-01396 …")
_DOCKET = re.compile(r"[ \t]*\d{4}-[A-Z]{1,4}-\d{3,6}\b")
# a case's number in a table's first cell: "1200483 | Brett A. Deslonde v. …"
_NUMBER_CELL = re.compile(r"\d{5,8}[ \t]*\|")
_OPENING = re.compile(rf"[ \t]*\(?\d{{1,3}}[.)](?![\d.])[ \t]*(?=[A-Za-z])|{_DOCKET.pattern}"
                      r"|[ \t]*\d{1,3}\.(?=\d{1,5}[ \t]+[A-Z][a-z])"   # "5.20 Guest St Courtyard, Manager: …": a name opening on a number
                      rf"|[ \t]*{_NUMBER_CELL.pattern}")
# a court's disposition in mixed case on the item's last line, in a table's cell or alone ("| Affirmed.", "| Petition
# Denied. No Opinion.", "Affirmed. No Opinion."): the item's decision (an Alabama list of decisions)
_ROW_DECISION = re.compile(
    r"[ \t]*(?:\|[ \t]*)?(?:(?:Petition|Writ|Application|Motion|Appeal|Rehearing|Certiorari|Judgment)(?:[ \t]+[a-z]+){0,3}[ \t]+)?"
    r"(?P<word>Affirmed|Reversed|Vacated|Dismissed|Remanded|Denied|Granted|Quashed)\b"
    r"(?:[ \t,;]+(?:in[ \t]+part|and|as[ \t]+modified|with[ \t]+instructions|affirmed|reversed|remanded|vacated|dismissed|"
    r"rendered|denied|granted)\b)*[.;]?(?:[ \t]+No[ \t]+Opinion\.?)?[ \t]*\|?[ \t]*", re.IGNORECASE)
_DECISIONS = (r"GRANTED|DENIED|APPROVED|AFFIRMED|REVERSED|REMANDED|VACATED|DISMISSED|WITHDRAWN|DEFER(?:RED)?|"
              r"RE-?SCHEDULED|CONTINUED|NO\s+VIOLATION|WARNING|SUSPENSION|SUSPENDED|REVOKED|ANSWERED|IMPOSED|"
              r"REPRIMANDED|DISBARRED|TABLED|FINED|ACCEPTED|REJECTED|POSTPONED")
# its decision: a line in capitals that opens on one ("GRANTED", "NO VIOLATION", "AFFIRMED AS AMENDED. SEE OPINION.",
# "WARNING & WRITTEN CORRESPONDENCE FROM THE BOARD", "CERTIFIED QUESTIONS ANSWERED."), a condition in lower case after
# a dash allowed ("GRANTED -Pending Availability of License"); not a heading that names a kind of item after the word
# ("CONTINUED PUBLIC HEARINGS")
_DECISION_LINE = re.compile(rf"[ \t]*(?:[A-Z][A-Z&/'’,.-]*[ \t]+){{0,3}}(?P<word>{_DECISIONS})\b[.;,]?[ \t]*"
                            r"(?:(?:AS|AND|IN|TO|FROM|WITH|OF|ON|SEE|BY|FOR|UNTIL)\b[^a-z\n]*|[-–&][^\n]*)?")
# a hand-down list's paragraph labels its decision
_DISPOSITION = re.compile(r"\bDisposition\s*:\s*(?P<word>[A-Za-z]+)?")
_ENTERED = re.compile(r"\b(?:order|judgment)\s+entered\s+(?:on\s+)?(?P<day>\d{1,2}/\d{1,2}/\d{2,4})", re.IGNORECASE)
ITEM_CONFIDENCE = 0.7   # an item's decision is a trigger's act (events.py: 0.7 for a rule's act with a date not its own)
MAX_LINES = 30      # an item's lines between its number and its decision
MAX_CHARS = 3000
GROUPED_LINES = 6   # an item under a group decision: its number, what it asks, where and when
_LEMMAS = {"granted": "grant", "denied": "deny", "approved": "approve", "affirmed": "affirm", "reversed": "reverse",
           "remanded": "remand", "vacated": "vacate", "dismissed": "dismiss", "withdrawn": "withdraw", "defer": "defer",
           "deferred": "defer", "rescheduled": "reschedule", "re-scheduled": "reschedule", "continued": "continue",
           "suspension": "suspend", "suspended": "suspend", "revoked": "revoke", "answered": "answer", "imposed": "impose",
           "reprimanded": "reprimand", "disbarred": "disbar", "tabled": "table", "fined": "fine", "accepted": "accept",
           "rejected": "reject", "postponed": "postpone", "warning": "warn", "no violation": "find"}


def decision_line(line: str) -> re.Match[str] | None:
    return _DECISION_LINE.fullmatch(line)


class Scan(NamedTuple):
    """A page read as a list of decisions (`_scan`)."""
    spans: tuple[tuple[int, int], ...]    # its items, from number or caption to decision
    groups: dict[tuple[int, int], str]    # the decision over each item a section's decision covers
    tail: int | None                      # where an item still open at the page's end opens (decided on the next page)
    open_group: str | None                # the section's decision still in force at the page's end
    section_lines: tuple[tuple[int, int], ...]   # the section decisions' lines over items: no entries of their own


@functools.lru_cache(maxsize=16)
def _scan(text: str, carried: str | None = None) -> Scan:
    """The items of a list of decisions in a page's text, and the decision of each item a group decision covers: a
    decision line over a section's items that have none of their own ("Special 1-Day All Alcohol" / "GRANTED" /
    "1.LAST HOPE K9 RESCUE, Manager: …" / "Date and Time: 09/10/2021, 6 p.m. - 10 p.m." / "2.AUTHENTIC …").
    `carried`: the section's decision the page before left in force, over this page's first items."""
    spans: list[tuple[int, int]] = []
    groups: dict[tuple[int, int], str] = {}
    opening, lines, before, group, last_end, heading = None, 0, "", carried, 0, False
    rows = text.split("\n")
    headed: list[tuple[int, int]] = []   # the section decisions' lines

    def close_grouped() -> None:
        if opening is not None and group is not None and last_end > opening:
            spans.append((opening, last_end))
            groups[(opening, last_end)] = group

    at = 0
    for n, line in enumerate(rows):
        start, end = at, at + len(line)
        at = end + 1
        if not line.strip():
            before = ""
            continue
        decided = decision_line(line) or (_ROW_DECISION.fullmatch(line) if opening is not None and
                                          _NUMBER_CELL.match(text, opening) else None)
        if decided and before.split() and before.split()[-1].lower() in RUNS_ON:
            decided = None
        blank, before = not before, line
        if opening is not None and group is not None and blank and not decided and ":" not in line and \
                not _OPENING.match(line) and _decision_next(rows, n + 1):
            # a new section's heading after a grouped item ("9.ANNUNCIATION CHURCH, …" / "Date and Time: …" / blank /
            # "Special 1-Day Malt Wine ALL SPECIAL 1-DAY MALT WINE" / "GRANTED"): the item ends, the heading's
            # decision is the next section's, not the item's
            close_grouped()
            opening, group, heading = None, None, True
            last_end = end
            continue
        if decided:
            if opening is not None:   # the item's own decision (under a group's too)
                spans.append((opening, end))
                group = None
            else:   # a decision under a section's heading, over the items that follow it (not one that opens
                # the page: the last item of the page before is its own)
                group = decided.group("word") if heading else None
                if group is not None:
                    headed.append((start + len(line) - len(line.lstrip()), start + len(line.rstrip())))
            opening, heading = None, False
        elif _OPENING.match(line):
            close_grouped()
            opening, lines, heading = start + len(line) - len(line.lstrip()), 0, False
        elif opening is not None:
            lines += 1
            if group is not None and lines > GROUPED_LINES:
                group = None   # too long for an item the section's decision covers: one with a decision of its own
            if lines > MAX_LINES or start - opening > MAX_CHARS:
                opening = None
        else:   # a line outside any item: a section's heading ("Special 1-Day All Alcohol"), which ends the last
            # section (an item's field run over from the page before, "Manager: BRUCE PERCELAY", is none)
            group, heading = None, ":" not in line
        last_end = end
    tail = opening if group is None else None
    close_grouped()
    open_group = group   # (a section that goes on over the page break)
    for para in re.finditer(r"(?:[^\n]+\n?)+", text):   # a hand-down list's paragraph: "…; Disposition: …"
        body = para.group(0).rstrip("\n")
        if _DISPOSITION.search(body) and ";" in body and len(body) <= MAX_CHARS and \
                not any(a <= para.start() < b for a, b in spans):
            spans.append((para.start(), para.start() + len(body)))
    section_lines = tuple(h for h in headed if any(a > h[0] for a, _ in groups))
    return Scan(tuple(sorted(spans)), groups, tail, open_group, section_lines)


def _decision_next(rows: list[str], n: int) -> bool:
    """The next line with words from row `n` on is a decision line."""
    return next((decision_line(r) is not None for r in rows[n:] if r.strip()), False)


def item_spans(text: str) -> list[tuple[int, int]]:
    """Character spans of the items of a list of decisions in a page's text."""
    return list(_scan(text).spans)


def item_candidate(sent: Any, start: int) -> dict[str, Any] | None:
    """The candidate of a sentence that is an item of a list of decisions: its decision, self-dated; every day the
    item names is foreign to it but the day an order it states was entered."""
    text = text_of(sent.doc)
    body = text[start:sent.end_char].rstrip()
    end = start + len(body)
    first = sent.start_char + len(text[sent.start_char:end]) - len(text[sent.start_char:end].lstrip())
    scan = _scan(text)
    if (first, end) not in scan.spans:
        return None
    last = body.rsplit("\n", 1)[-1]
    decided = decision_line(last) or (_ROW_DECISION.fullmatch(last) if _NUMBER_CELL.match(body) else None)
    if (first, end) in scan.groups:   # the decision over its section: the item's act, its number the trigger's place
        word, at = scan.groups[(first, end)], first
    elif decided:
        word, at = decided.group("word"), end - len(last) + decided.start("word")
    else:
        label = _DISPOSITION.search(body)
        if label is None:
            return None
        word = label.group("word") or "Disposition"
        at = start + label.start("word" if label.group("word") else 0)
    lemma = _LEMMAS.get(" ".join(word.lower().split()), "decide")
    legal = bool(_DOCKET.match(body)) or _DISPOSITION.search(body) is not None or \
        bool(decided and decided.re is _ROW_DECISION)   # a court's list, or a board's
    cand = formula_candidate(sent, start, word, at, lemma, "legal" if legal else "decision")
    foreign, cut = [], start
    for m in _ENTERED.finditer(text, start, end):
        foreign.append((cut, m.start()))
        cut = m.end()
    foreign.append((cut, sent.end_char))
    return {**cand, "foreign": [list(s) for s in foreign], "loose_foreign": [list(s) for s in foreign], "item": True}


def entered(text: str, start: int, end: int, anchor: date | None) -> DateInterval | None:
    """The day an item's order was entered ("Order entered 2/19/20."), the last it states."""
    days = [normalize(m.group("day"), anchor=anchor) for m in _ENTERED.finditer(text, start, end)]
    days = [d for d in days if d is not None]
    return replace(days[-1], source="explicit") if days else None


def _decided_by(text: str, start: int) -> int | None:
    """Where the decision line that ends an item run over from the page before ends: the page's first lines up to it,
    before any new item opens ("License #: LB 353653" / "Holder of …" / "GRANTED"), else None."""
    at, lines = start, 0
    while at < len(text) and lines <= MAX_LINES:
        end = text.find("\n", at)
        end = len(text) if end < 0 else end
        line = text[at:end].rstrip()
        if line.strip():
            if _OPENING.match(line):
                return None
            if decision_line(line):
                return at + len(line)
            lines += 1
        at = end + 1
    return None


def items_over_pages(rows: list[dict[str, Any]], pages: list[dict[str, Any]],
                     derive_id: Callable[[dict[str, Any]], str]) -> list[dict[str, Any]]:
    """An item whose decision is on the next page ("5. W ENTERTAINMENT GROUP, INC." … "Attorney: Chase Liu" ends page
    4 and "GRANTED" opens page 5; "8. Home Run Cafe, Inc." ends page 5 and "License #: …" … "GRANTED" open page 6)
    is one entry: it keeps its place on its page and its quote runs on to the decision (`cont_start`/`cont_end`, as
    pipeline/page_runs.py carries a sentence), with the act and date of the row that ends on the decision. The bare
    decision, and the item's lines read as sentences of their own, are no entries. `derive_id`: the moved row's id."""
    out = list(rows)
    for here, nxt in zip(pages, pages[1:]):
        tail = _scan(here["text"]).tail
        if tail is None:
            continue
        start = first_read(nxt["text"], nxt.get("skip") or ())
        stop = _decided_by(nxt["text"], start)
        verdict = next((r for r in out if r["page"] == nxt["page"] and r["char_end"] == stop), None) if stop else None
        if verdict is None or verdict.get("cont_start") is not None:
            continue
        end = last_read(here["text"], here.get("skip") or ())
        if end <= tail:
            continue
        parts = [r for r in out if r["page"] == here["page"] and r["char_start"] >= tail or
                 r["page"] == nxt["page"] and r["char_start"] < stop and r is not verdict]
        row = {**verdict, "page": here["page"], "char_start": tail, "char_end": end,
               "text": here["text"][tail:end] + "\n" + nxt["text"][start:stop], "cont_start": start, "cont_end": stop,
               "_agents": [], "_patients": [], "_rule": True,   # an item's decision, as item_candidate reads one
               "confidence": max(verdict["confidence"], ITEM_CONFIDENCE)}
        out = _put(out, [verdict, *parts], row, derive_id)
    return out


def sections_over_pages(rows: list[dict[str, Any]], pages: list[dict[str, Any]],
                        derive_id: Callable[[dict[str, Any]], str]) -> list[dict[str, Any]]:
    """A section whose decision is over its items goes on over a page break ("Special 1-Day Malt Wine" / "GRANTED" /
    "1.BOSTON CENTER FOR THE ARTS, Manager: …" ends page 8; "2.Charles River Speedway, …" … open page 9): the next
    page's first items are the section's, each one entry with the section's decision and day (those of its items on
    the page before). The rows the next page's sentences made inside those items are dropped. Pages are read one by
    one, so this is done here, on the rows, as `items_over_pages` does for one item."""
    out = list(rows)
    carried: str | None = None
    template: dict[str, Any] | None = None
    for page in pages:
        text = page["text"]
        if carried is None:
            template = None   # no section goes on from the page before
        own = set(_scan(text).spans)
        scan = _scan(text, carried)
        out = [r for r in out if not (r["page"] == page["page"] and (r["char_start"], r["char_end"]) in scan.section_lines)]
        for span, decided in scan.groups.items():
            if span in own:   # the page's own section: its rows are the template for what goes on after it
                template = next((r for r in out if r["page"] == page["page"] and r["char_start"] == span[0]), template)
                continue
            if template is None:
                continue
            a, b = span
            gone = [r for r in out if r["page"] == page["page"] and r["char_start"] < b and a < r["char_end"]]
            row = {**template, "page": page["page"], "char_start": a, "char_end": b, "text": text[a:b],
                   "trigger": decided, "_agents": [], "_patients": []}
            row.pop("cont_start", None), row.pop("cont_end", None)
            out = _put(out, gone, row, derive_id)
            template = row
        carried = scan.open_group
    return out


def _put(rows: list[dict[str, Any]], gone: list[dict[str, Any]], row: dict[str, Any],
         derive_id: Callable[[dict[str, Any]], str]) -> list[dict[str, Any]]:
    """The rows without those `gone`, and `row`, its id derived, in its place by page and character."""
    row["event_id"] = derive_id(row)
    kept = [r for r in rows if not any(r is g for g in gone)]
    at = next((n for n, r in enumerate(kept) if (r["page"], r["char_start"]) > (row["page"], row["char_start"])),
              len(kept))
    return kept[:at] + [row] + kept[at:]
