"""People resolution: PERSON mentions → name keys per document → people across documents.

Pure functions over plain dicts (DESIGN.md, "Stages"). Three steps, each conservative:
1. link_in_document: "Whitfield" / "Director Whitfield" → the one full name it can mean there.
2. cluster_people: name keys across documents → people (surname + compatible first names,
   complete link, an ambiguous form stays on its own), then curation.toml, whose word wins.
3. resolve_role (pipeline/roles.py): who held "the director" on a date, from dated roles.
"""
from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from datetime import date, datetime
from typing import Any

from index.ids import derive
from pipeline.names import (
    Name, canonical_form, group_names, known_nickname_pairs, normalize_given, normalize_role,
    normalize_surname, parse_name, strip_possessive,
)
from pipeline.person_spans import given_name_sex
from pipeline.roles import resolve_role

__all__ = ["link_in_document", "cluster_people", "Resolution", "resolve_role"]

Mention = dict[str, Any]


def _parse(m: Mention) -> Name:
    """Parse a mention, taking off the title the NLP stage already found ("Board Chair Tom Brennan")."""
    text, title = str(m.get("text") or ""), (m.get("title") or "").strip()
    if title and text[: len(title)].casefold() == title.casefold() and text[len(title):].strip():
        name = parse_name(text[len(title):])
        return replace(name, title=" ".join(p for p in (title, name.title) if p), raw=text)
    return parse_name(text)


def _title_of(m: Mention, name: Name) -> str:
    """The title from the NLP stage, else one found inside the mention text."""
    return (m.get("title") or name.title or "").strip()


def _is_person(m: Mention) -> bool:
    return (m.get("label") or "PERSON").upper() == "PERSON"


def _node_key(n: Name) -> tuple[str, str, str, str, str]:
    """Identity of a full-name form: spelling, case and accents ignored."""
    return (normalize_given(n.first), normalize_given(n.middle)[:1], normalize_surname(n.last),
            normalize_given(n.suffix), normalize_given(n.nickname))


def _link_one_document(mentions: list[Mention]) -> dict[str, str | None]:
    parsed = {m["mention_id"]: _parse(m) for m in mentions}
    full = [m for m in mentions if parsed[m["mention_id"]].has_first and parsed[m["mention_id"]].last]
    # One node per distinct full-name form, then cluster the forms.
    nodes: dict[tuple, list[Mention]] = {}
    for m in full:
        nodes.setdefault(_node_key(parsed[m["mention_id"]]), []).append(m)
    node_list = list(nodes.values())
    reps = [parsed[ms[0]["mention_id"]] for ms in node_list]
    pairs = known_nickname_pairs(list(parsed.values()))
    out: dict[str, str | None] = {m["mention_id"]: None for m in mentions}
    entities: list[tuple[str, str, set[str]]] = []  # (key, surname, roles and titles carried)
    for group in group_names(reps, pairs):
        ms = [m for i in group for m in node_list[i]]
        key = canonical_form([parsed[m["mention_id"]] for m in ms])
        carried = {r for m in ms for r in (_norm_title(_title_of(m, parsed[m["mention_id"]])),
                                           normalize_role(m.get("role"))) if r}
        entities.append((key, normalize_surname(reps[group[0]].last), carried))
        for m in ms:
            out[m["mention_id"]] = key
    for m in mentions:
        name = parsed[m["mention_id"]]
        if name.has_first or not name.last:
            continue
        candidates = [e for e in entities if e[1] == normalize_surname(name.last)]
        if len(candidates) > 1:  # two Ortizes: only a title carried by exactly one of them decides
            title = _norm_title(_title_of(m, name))
            titled = [e for e in candidates if title and title in e[2]]
            if len(titled) != 1 and title in _HONORIFIC_SEX:
                # "Mr. Bordelon" beside "Rock Bordelon" and "Torie Bordelon": an honorific rules out the full name
                # the census gives only to the other sex ("Torie"); a name it does not tell ("Rock") stays possible
                titled = [e for e in candidates
                          if given_name_sex(parse_name(e[0]).first) in (None, _HONORIFIC_SEX[title])]
            candidates = titled
        if len(candidates) == 1:
            out[m["mention_id"]] = candidates[0][0]
    return out


_HONORIFIC_SEX = {"mr": "m", "mrs": "f", "ms": "f", "miss": "f"}


def _norm_title(title: str) -> str | None:
    """Titles compared for disambiguation: roles normalised, honorifics kept ("ms")."""
    if not title:
        return None
    return normalize_role(title) or " ".join(title.replace(".", " ").split()).casefold()


def link_in_document(mentions: list[Mention]) -> dict[str, str | None]:
    """Map each mention to the full name ("name key") it refers to within its own document.

    Full-name mentions are grouped by same_person (nicknames, initials, title-free); the key is
    the group's canonical_form. A surname-only mention ("Ortiz", "Commissioner Ortiz",
    "Whitfield's") takes the unique full name with that surname in the document; with several,
    only a title/role that exactly one of them carries decides; otherwise None. A surname with
    no full name in the document is None (unresolved): a bare surname is not evidence enough to
    pick a person across documents. Non-PERSON mentions map to None.
    """
    by_doc: dict[Any, list[Mention]] = defaultdict(list)
    for m in mentions:
        by_doc[m.get("doc_id")].append(m)
    out: dict[str, str | None] = {}
    for doc_id in by_doc:
        people = [m for m in by_doc[doc_id] if _is_person(m)]
        out.update({m["mention_id"]: None for m in by_doc[doc_id]})
        out.update(_link_one_document(people))
    return out


# --- across documents ------------------------------------------------------------------

def _fold_form(text: str) -> str:
    """How curation names and aliases are compared: case, accents, spacing, possessive ignored."""
    return " ".join(normalize_given(w) for w in strip_possessive(text).split())


def _surface_forms(m: Mention) -> list[str]:
    """What the source wrote: 'Whitfield', plus 'Director Whitfield' when the title was split off."""
    text = strip_possessive(str(m.get("text") or ""))
    forms = [text] if text else []
    title = (m.get("title") or "").strip()
    if text and title and not _fold_form(text).startswith(_fold_form(title)):
        forms.append(f"{title} {text}")
    return forms


def _iso(d: Any) -> str | None:
    if isinstance(d, datetime):
        return d.date().isoformat()
    if isinstance(d, date):
        return d.isoformat()
    if isinstance(d, str) and re.match(r"^\d{4}-\d{2}-\d{2}", d):
        return d[:10]
    return None


@dataclass(eq=False)  # identity, not value: two clusters with equal contents are still two
class _Cluster:
    mention_ids: set[str]
    name: str | None = None  # set by a curation merge: the first listed name wins
    extra_aliases: set[str] = field(default_factory=set)


@dataclass
class Resolution:
    """cluster_people's result; unpacks as (people, person_of) so the warnings are optional."""

    people: list[dict[str, Any]]
    person_of: dict[str, str | None]
    warnings: list[str] = field(default_factory=list)

    def __iter__(self) -> Iterator[Any]:
        return iter((self.people, self.person_of))

    def __getitem__(self, i: int) -> Any:
        return (self.people, self.person_of)[i]

    def __len__(self) -> int:
        return 2


class _Corpus:
    """Per-mention facts computed once: parsed name, name key, folded surface forms."""

    def __init__(self, mentions: list[Mention], name_keys: dict[str, str | None]) -> None:
        self.by_id = {m["mention_id"]: m for m in mentions if _is_person(m)}
        self.keys = {mid: name_keys.get(mid) for mid in self.by_id}
        self.names = {mid: _parse(m) for mid, m in self.by_id.items()}
        self.forms = {mid: _surface_forms(m) for mid, m in self.by_id.items()}
        self.folds = {mid: {_fold_form(f) for f in fs} for mid, fs in self.forms.items()}
        self._shown: dict[frozenset[str], str] = {}
        self._folds: dict[tuple[frozenset[str], frozenset[str]], set[str]] = {}

    def display(self, c: _Cluster) -> str:
        if c.name:
            return c.name
        ids = frozenset(c.mention_ids)
        if ids not in self._shown:  # curation asks for every cluster's name per entry
            keys = sorted({self.keys[mid] or "" for mid in ids} - {""})
            names = [self.names[mid] for mid in ids] + [parse_name(k) for k in keys]
            self._shown[ids] = canonical_form(names) or min(f for m in ids for f in self.forms[m])
        return self._shown[ids]

    def aliases(self, c: _Cluster) -> list[str]:
        seen: dict[str, list[str]] = defaultdict(list)
        for f in [f for mid in c.mention_ids for f in self.forms[mid]] + sorted(c.extra_aliases):
            seen[_fold_form(f)].append(f)
        best = [max(set(v), key=lambda f: (not f.isupper(), v.count(f), f)) for v in seen.values()]
        return sorted(best, key=lambda f: (f.casefold(), f))

    def alias_folds(self, c: _Cluster) -> set[str]:
        key = (frozenset(c.mention_ids), frozenset(c.extra_aliases))
        if key not in self._folds:
            self._folds[key] = {_fold_form(a) for a in self.aliases(c)}
        return self._folds[key]

    def matches(self, mid: str, fold: str) -> bool:
        """Does this mention carry the curated name, as its key or as written?"""
        return _fold_form(self.keys[mid] or "") == fold or fold in self.folds[mid]


class _Curator:
    """Applies curation.toml to automatic clusters: split, then merge, alias, reject, in file order."""

    def __init__(self, corpus: _Corpus, clusters: list[_Cluster], warnings: list[str]) -> None:
        self.corpus, self.clusters, self.warnings = corpus, clusters, warnings
        self.apart: list[tuple[_Cluster, _Cluster]] = []  # split pairs a later merge must not undo

    def find(self, name: str) -> list[_Cluster]:
        """Clusters called `name`: by display name first, else by any alias (case-insensitive)."""
        fold = _fold_form(name)
        hits = [c for c in self.clusters if _fold_form(self.corpus.display(c)) == fold]
        return hits or [c for c in self.clusters if fold in self.corpus.alias_folds(c)]

    def one(self, name: str, what: str) -> _Cluster | None:
        hits = self.find(name)
        if len(hits) != 1:
            self.warnings.append(f"curation {what}: {'no person' if not hits else 'several people'}"
                                 f" named {name!r}")
            return None
        return hits[0]

    def split(self, names: list[str]) -> None:
        base = self.one(names[0], "split")
        if base is None:
            return
        for other in names[1:]:
            fold = _fold_form(other)
            moving = {mid for mid in base.mention_ids if _fold_form(self.corpus.keys[mid] or "") == fold}
            moving = moving or {mid for mid in base.mention_ids if fold in self.corpus.folds[mid]}
            if moving and moving != base.mention_ids:
                base.mention_ids -= moving
                new = _Cluster(moving)
                self.clusters.append(new)
                self.apart.append((base, new))
            elif not moving and not self.find(other):
                self.warnings.append(f"curation split: no name {other!r} in {names[0]!r}")
            else:  # already a person of its own: just keep them apart from now on
                for c in self.find(other):
                    if c is not base:
                        self.apart.append((base, c))

    def merge(self, names: list[str]) -> None:
        targets = [c for n in names if (c := self.one(n, "merge")) is not None]
        if not targets:
            return
        into = targets[0]
        for c in targets[1:]:
            if c is into:
                continue
            if any({a, b} == {c, into} for a, b in self.apart):
                self.warnings.append(f"curation merge: {names} conflicts with a split; not merged")
                continue
            into.mention_ids |= c.mention_ids
            into.extra_aliases |= c.extra_aliases
            self.apart = [(into if a is c else a, into if b is c else b) for a, b in self.apart]
            self.clusters.remove(c)
        into.name = " ".join(names[0].split())

    def alias(self, person: str, names: list[str]) -> None:
        target = self.one(person, "alias")
        if target is None:
            return
        target.extra_aliases |= {" ".join(n.split()) for n in names}
        folds = {_fold_form(n) for n in names}
        moving = {mid for mid in self.corpus.by_id if any(self.corpus.matches(mid, f) for f in folds)}
        for c in self.clusters:
            c.mention_ids -= moving
        target.mention_ids |= moving  # the user's word wins, even over an automatic person
        self.clusters[:] = [c for c in self.clusters if c.mention_ids or c is target]

    def reject(self, person: str) -> None:
        c = self.one(person, "reject")
        if c is not None:
            self.clusters.remove(c)

    def apply(self, curation: dict[str, Any]) -> None:
        for table, act in (("split", self.split), ("merge", self.merge)):
            for e in curation.get(table) or []:
                names = _names(e, "people")
                if len(names) >= 2:
                    act(names)
                else:
                    self.warnings.append(f"curation {table}: needs people = [two or more]: {e!r}")
        for e in curation.get("alias") or []:
            if isinstance(e, dict) and isinstance(e.get("person"), str) and _names(e, "names"):
                self.alias(e["person"], _names(e, "names"))
            else:
                self.warnings.append(f"curation alias: needs person and names: {e!r}")
        for e in curation.get("reject") or []:
            for person in _names(e, "person"):  # [[reject]] event = ... is for pipeline/link.py
                self.reject(person)


def _names(entry: Any, key: str) -> list[str]:
    """A curation field as a list of names: a string or a list of strings."""
    value = entry.get(key) if isinstance(entry, dict) else None
    value = [value] if isinstance(value, str) else value
    return [" ".join(str(v).split()) for v in value or [] if str(v).strip()]


def _roles(corpus: _Corpus, mention_ids: set[str]) -> list[dict[str, Any]]:
    """Dated role statements: offices from titles ("Director") and appositives ("the interim director")."""
    seen: set[tuple] = set()
    for mid in mention_ids:
        m = corpus.by_id[mid]
        for r in (normalize_role(_title_of(m, corpus.names[mid])), normalize_role(m.get("role"))):
            if r:
                seen.add((_iso(m.get("doc_date")), str(m.get("doc_id")), m.get("page"), r))
    ordered = sorted(seen, key=lambda t: (t[0] is None, t[0] or "", t[1], t[2] or 0, t[3]))
    return [{"role": r, "org": None, "date": d, "doc_id": doc, "page": page}
            for d, doc, page, r in ordered]


def cluster_people(mentions: list[Mention], name_keys: dict[str, str | None],
                   curation: dict[str, Any] | None = None) -> Resolution:
    """Merge in-document name keys across documents into people, apply curation, build rows.

    Returns Resolution(people, person_of, warnings); `people, person_of = cluster_people(...)`
    also works. person_of maps every mention_id given to a person_id or None.
    """
    corpus = _Corpus(mentions, name_keys)
    keys = sorted({k for k in corpus.keys.values() if k})
    key_names = [parse_name(k) for k in keys]
    pairs = known_nickname_pairs(list(corpus.names.values()) + key_names)
    cluster_of_key: dict[str, _Cluster] = {}
    clusters: list[_Cluster] = []
    for group in group_names(key_names, pairs):
        clusters.append(_Cluster(set()))
        for i in group:
            cluster_of_key[keys[i]] = clusters[-1]
    for mid, k in corpus.keys.items():
        if k:
            cluster_of_key[k].mention_ids.add(mid)
    warnings: list[str] = []
    if curation:
        _Curator(corpus, clusters, warnings).apply(curation)
    people: list[dict[str, Any]] = []
    person_of: dict[str, str | None] = {m["mention_id"]: None for m in mentions}
    named = sorted(((corpus.display(c), c) for c in clusters),
                   key=lambda t: (t[0], min(t[1].mention_ids, default="")))
    used: set[str] = set()
    for name, c in named:
        pid, n = derive("person", name.lower()), 1
        while pid in used:  # two people shown with one name (e.g. after a split): keep both
            n += 1
            pid = derive("person", name.lower(), n)
        if n > 1:
            warnings.append(f"two people are both named {name!r}; consider curating")
        used.add(pid)
        people.append({"person_id": pid, "name": name, "aliases": corpus.aliases(c),
                       "roles": _roles(corpus, c.mention_ids)})
        person_of.update({mid: pid for mid in c.mention_ids})
    return Resolution(people, person_of, warnings)
