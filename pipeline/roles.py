"""Roles over time: who held an office, and when.

A person's role statements come from two places: titles and appositives dated by their document
("Director Whitfield" in the minutes of 2018-01-09, see pipeline/people.py), and the events that
start or end a tenure ("the board appointed Dan Reyes as interim director", "Whitfield resigned",
"Reyes dismissed Mr. Pruitt"). An event's statement is dated by the event, or by the date the
decision takes effect ("appoint Elizabeth Okafor as Director … effective January 2, 2019").

`resolve_role("the director", on, people)` answers with whoever holds the latest statement of that
office on or before the date, leaving out anyone whose tenure ended after their last statement
(a retrospective "Director Whitfield" in a later article does not bring her back).
"""
from __future__ import annotations

import re
from datetime import date, datetime
from typing import Any

from pipeline import dates
from pipeline.lexicon import ROLE_TITLES
from pipeline.names import normalize_role

_ROLES = "|".join(sorted((re.escape(r) for r in ROLE_TITLES if "." not in r), key=len, reverse=True))
# "as interim director", "as Director of Social Services", "as the department's permanent director"
_AS_ROLE = re.compile(r"\bas\s+(?:the\s+)?(?:[\w’']+['’]s\s+)?(?:permanent\s+|new\s+)?"
                      r"((?:interim\s+|acting\s+)?(?:%s))\b" % _ROLES, re.IGNORECASE)
# "named Whitfield director": a bare role word straight after the name
_NAME_ROLE = re.compile(r"\s+((?:interim\s+|acting\s+)?(?:%s))\b" % _ROLES)
_EFFECTIVE = re.compile(r"\beffective\s+([A-Z][a-z]+\.?\s+\d{1,2},?\s+\d{4})")
_END_TRIGGERS = ("dismiss", "fire", "terminat", "remov", "oust")   # personnel actions that end a tenure
_PRECISE = ("day", "week", "month")


def tenure_statements(events: list[dict[str, Any]], mentions: list[dict[str, Any]],
                      held: dict[str, list[dict[str, Any]]]) -> dict[str, list[dict[str, Any]]]:
    """person_id -> role statements ("change": "start" | "end") read off appointment, resignation
    and dismissal events. `mentions` are the PERSON mentions inside those events (page offsets,
    `event_id`, `person_id`, `event_role`); `held` is each person's statements so far, to know
    which office a resignation without one ("she submitted her resignation") ends."""
    by_event: dict[str, list[dict[str, Any]]] = {}
    for m in mentions:
        if m.get("person_id"):
            by_event.setdefault(m["event_id"], []).append(m)
    out: dict[str, list[dict[str, Any]]] = {}
    for e in events:
        if e.get("rejected") or e.get("modality") != "done" or e.get("polarity") != "positive" \
                or e.get("date_precision") not in _PRECISE or not e.get("date_start"):
            continue
        people = sorted(by_event.get(e["event_id"], []), key=lambda m: m["char_start"])
        base = {"org": None, "doc_id": e["doc_id"], "page": e["page"], "event_id": e["event_id"]}
        if e["type"] == "appointment":
            for pid, role, when in _starts(e, people):
                out.setdefault(pid, []).append({**base, "role": role, "date": when, "change": "start"})
        elif _ends_tenure(e):
            wanted = "agent" if e["type"] == "resignation" else "patient"
            who = [m for m in people if m.get("event_role") == wanted]
            if not who and len({m["person_id"] for m in people}) == 1:
                who = people[:1]  # "Ms. Whitfield … submitted her resignation": the one person named
            when = _iso(e["date_start"])
            for pid in {m["person_id"] for m in who}:
                named = _AS_ROLE.search(e["text"])
                roles = {normalize_role(named.group(1))} if named else \
                    {r["role"] for r in held.get(pid, []) if r.get("date") and r["date"] <= when
                     and r.get("change") != "end" and not r["role"].startswith("former")}
                for role in sorted(r for r in roles if r):
                    out.setdefault(pid, []).append({**base, "role": role, "date": when, "change": "end"})
    for pid, statements in out.items():  # one statement per office, day and change
        seen: set[tuple] = set()
        out[pid] = [r for r in statements if (k := (r["role"], r["date"], r["change"])) not in seen
                    and not seen.add(k)]
    return out


def _starts(event: dict[str, Any], people: list[dict[str, Any]]) -> list[tuple[str, str, str]]:
    text, offset = event["text"], event["char_start"]
    effective = _EFFECTIVE.search(text)
    when = _iso(event["date_start"])
    if effective and (interval := dates.normalize(effective.group(1))) is not None:
        when = interval.start.isoformat()
    found = []
    for match in _AS_ROLE.finditer(text):
        before = [m for m in people if m["char_end"] - offset <= match.start()]
        if before:
            found.append((before[-1]["person_id"], normalize_role(match.group(1)), when))
    for m in people:
        bare = _NAME_ROLE.match(text, m["char_end"] - offset)
        if bare:
            found.append((m["person_id"], normalize_role(bare.group(1)), when))
    return [f for f in found if f[1]]


def _ends_tenure(event: dict[str, Any]) -> bool:
    trigger = (event.get("trigger") or "").lower()
    return event["type"] == "resignation" or (
        event["type"] == "personnel_action" and trigger.startswith(_END_TRIGGERS))


def _iso(d: Any) -> str | None:
    if isinstance(d, datetime):
        return d.date().isoformat()
    if isinstance(d, date):
        return d.isoformat()
    if isinstance(d, str) and re.match(r"^\d{4}-\d{2}-\d{2}", d):
        return d[:10]
    return None


def resolve_role(role: str, on: date | str, people: list[dict[str, Any]]) -> str | None:
    """Who held `role` ("the director") on a date: the latest statement of it on or before then.

    "interim director" and "acting director" count for "director" ("former director" does not).
    A person whose tenure ended (resigned, dismissed) after their last statement is left out, and
    a start beats a mere mention on the same day. None when nobody is known, or when different
    people hold the latest statement's date.
    """
    wanted = normalize_role(role)
    when = _iso(on)
    if not wanted or not when:
        return None
    accepted = {wanted, f"interim {wanted}", f"acting {wanted}"}
    best: tuple[str, bool] | None = None
    holders: set[str] = set()
    for p in people:
        latest = _latest_evidence(p.get("roles") or [], accepted, when)
        if latest is None:
            continue
        if best is None or latest > best:
            best, holders = latest, {p["person_id"]}
        elif latest == best:
            holders.add(p["person_id"])
    return next(iter(holders)) if len(holders) == 1 else None


def _latest_evidence(roles: list[dict[str, Any]], accepted: set[str], when: str) -> tuple[str, bool] | None:
    """(date, is_start) of a person's latest statement of the office on or before `when`, unless
    their tenure ended after it; statements after an end count only from a new start on."""
    stated = sorted((r["date"], r.get("change") == "start", r.get("change") == "end")
                    for r in roles if r.get("date") and r["date"] <= when and r.get("role") in accepted)
    latest: tuple[str, bool] | None = None
    ended = False
    for day, start, end in stated:
        if end:
            latest, ended = None, True
        elif start or not ended:
            latest, ended = (day, start), False
    return latest
