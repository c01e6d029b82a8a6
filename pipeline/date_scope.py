"""Which dates of a sentence may date its act: character spans of the clauses whose dates are their
own (a relative clause's "who was fired in March", an adverbial clause, what someone said), read off
spaCy's parse for the trigger word `pipeline/candidates.py` chose."""
from __future__ import annotations

from typing import Any

CLAUSES = {"relcl", "acl", "advcl", "ccomp"}      # clauses whose dates belong to their own verb


def foreign_spans(sent: Any, trigger: Any) -> list[tuple[int, int]]:
    """Character spans of clauses that do not contain the trigger: their dates are their own
    ("Whitfield, who had been on leave since Feb. 14, resigned on March 6"). A trigger in an
    adverbial clause owns no date outside it ("opened in May, after the reviewers found …")."""
    spans = []
    adverbial = next((t for t in [trigger, *trigger.ancestors] if t.dep_ == "advcl"), None)
    if adverbial is not None:
        first, last = adverbial.left_edge, adverbial.right_edge
        spans += [(sent.start_char, first.idx), (last.idx + len(last), sent.end_char)]
    for tok in sent:
        if tok.dep_ not in CLAUSES or _small_clause(tok):
            continue
        sub = list(tok.subtree)
        if any(t.i == trigger.i for t in sub):
            continue
        spans.append((sub[0].idx, sub[-1].idx + len(sub[-1])))
    return spans + _event_phrases(sent, trigger)


_SEQUENCE = {"after", "following", "before", "since", "until"}


def _event_phrases(sent: Any, trigger: Any) -> list[tuple[int, int]]:
    """A phrase that places the act after or before another event told with its own date ("was
    sentenced today following his conviction on June 18"): that date is the other event's. Only a
    phrase on a verb, around a noun that is no date itself ("after June 18" is the act's bound)."""
    spans = []
    for tok in sent:
        if tok.dep_ != "prep" or tok.lower_ not in _SEQUENCE or tok.head.pos_ not in ("VERB", "AUX"):
            continue
        obj = next((c for c in tok.children if c.dep_ == "pobj"), None)
        if obj is None or obj.pos_ not in ("NOUN", "PROPN") or obj.ent_type_ in ("DATE", "TIME"):
            continue
        sub = list(tok.subtree)
        if any(t.i == trigger.i for t in sub):
            continue
        spans.append((sub[0].idx, sub[-1].idx + len(sub[-1])))
    return spans


def _small_clause(tok: Any) -> bool:
    """A verbless complement the parser calls a clause: "declared [the coronavirus a national
    emergency on January 31]" — its date is the verb's."""
    return tok.dep_ == "ccomp" and tok.pos_ in ("NOUN", "PROPN", "ADJ") and \
        not any(c.dep_ in ("aux", "auxpass", "cop", "mark") or c.pos_ in ("VERB", "AUX") and c.dep_ != "amod"
                for c in tok.children)


def loose_foreign(sent: Any, trigger: Any, said: Any | None) -> list[tuple[int, int]]:
    """The clauses whose dates never date the trigger's act: relative clauses ("who was fired in
    March"), what was said or found ("found that turnover reached 41 percent in 2017"), and for
    reported speech everything outside what was said (`said`, the clause said, or None)."""
    spans = []
    if said is not None:
        spans += [(sent.start_char, said.left_edge.idx),
                  (said.right_edge.idx + len(said.right_edge), sent.end_char)]
    for tok in sent:
        if tok.dep_ in ("relcl", "ccomp") and not any(t.i == trigger.i for t in tok.subtree):
            sub = list(tok.subtree)
            spans.append((sub[0].idx, sub[-1].idx + len(sub[-1])))
    return spans


def without(spans: list[tuple[int, int]], ent: Any) -> list[tuple[int, int]]:
    """The spans with an entity's characters cut out of them."""
    out = []
    for a, b in spans:
        out += [(x, y) for x, y in ((a, min(b, ent.start_char)), (max(a, ent.end_char), b)) if x < y]
    return out


def inside(pos: int, spans: list[tuple[int, int]]) -> bool:
    return any(s <= pos < e for s, e in spans)
