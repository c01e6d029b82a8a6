"""Judges named by surname in capitals where an opinion says who wrote or joined it: a separate
opinion's opening line ("BARRON, Circuit Judge, concurring in part …", "OKAFOR, J., dissenting.") and
a panel's concurrence ("CHRISTOPHER, J.P., FORD, WARHIT and VOUTSINAS, JJ., concur."). The small
model reads none of them as people, and a lone surname is no name without its title; here the
line itself is the title. Plain text in, character spans out."""
from __future__ import annotations

import re

_SEPARATE = re.compile(r"\b(?P<name>[A-Z][A-Z'’-]{2,}),\s+(?P<title>(?:(?:Chief|Circuit|District|Senior|Associate)\s+)*"
                       r"(?:Judge|Justice)|J\.|C\.J\.),\s+(?:concurring|dissenting)\b")
_PANEL = re.compile(r"(?P<names>(?:\b[A-Z][A-Z'’-]{2,},?\s+(?:J\.P\.,?\s+)?(?:and\s+)?){1,8})JJ\.,?\s+(?:concur|dissent)\b")
_SURNAME = re.compile(r"\b[A-Z][A-Z'’-]{2,}\b")


def judge_spans(text: str) -> list[tuple[int, int, str]]:
    """(start, end, title) of each judge's surname on such a line."""
    out = []
    for m in _SEPARATE.finditer(text):
        title = m.group("title")
        out.append((m.start("name"), m.end("name"), "Justice" if title in ("J.", "C.J.") else " ".join(title.split())))
    for m in _PANEL.finditer(text):
        out += [(m.start("names") + w.start(), m.start("names") + w.end(), "Justice")
                for w in _SURNAME.finditer(m.group("names"))]
    return out
