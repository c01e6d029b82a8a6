"""Names the statistical NER misses, found by their shape: written surname first in a row
("Whitcomb, Harold T."), two given names sharing a surname ("George and Marilyn Hartwell"), a census
given name and surname ("Present: …, Melaina Prest,"), and names in capitals ("DAVID O. CARTER").
Each returns mention records (`pipeline/name_tokens.mention`) and marks its tokens taken."""
from __future__ import annotations

import re
from typing import Any

from pipeline.doc_text import text_of
from pipeline.lexicon import INITIALISM, ORG_WORDS, TITLE_WORDS
from pipeline.name_tokens import DASHES, SUFFIXES, capitalised, caps_word, initial, mention, name_end, name_word
from pipeline.person_spans import english_word, given_names, refuse, surnames

_ROW_EDGE = {"|", ";", ":", "(", ")", "[", "]"}
_JUDGE_AFTER = {"J.", "C.J.", "P.J.", "JJ."}   # a judge's title after the name
_BEFORE_PLACE = {"st.", "st", "ste.", "mt.", "mt", "ft.", "ft", "san", "santa", "los", "las", "el", "la", "del",
                 "de", "southern", "northern", "eastern", "western"}

def inverted_names(doc: Any, taken: set[int], ordinary: set[str]) -> list[dict[str, Any]]:
    """Names written surname first, as dockets, party tables and roll calls write them ("| Whitcomb,
    Harold T. | Appellee |", "Present: Alvarez, Teresa; Okafor, Daniel."): a census surname (or a
    word that is no English word), a comma, a census given name and its middle initials or name,
    standing alone between a row's edges (a line break, "|", ";", ":", the end of a sentence). A
    list that goes on with a comma is a list of names, not one name ("AYES: Garcia, Allen Fisk,
    Sherrard"). None may be an ordinary word of the document, a title, an organisation word or a
    place; shown given name first ("Harold T. Whitcomb")."""
    def edge_before(i: int) -> bool:
        if i < 0:
            return True
        tok = doc[i]
        return (tok.is_space and "\n" in tok.text) or tok.text in _ROW_EDGE or \
            (tok.text.endswith(".") and not initial(tok))

    def word(tok: Any, names: frozenset[str] | None) -> bool:
        """A name word: of `names`; or (a surname, names None) of the census surnames or no English word."""
        low = tok.lower_
        known = low in names if names is not None else (low in surnames() or not english_word(low))
        place = tok.ent_type_ in ("GPE", "LOC", "FAC", "NORP", "DATE") and \
            not (names is None and low in surnames())   # the model reads surnames as places ("Delgado")
        return (capitalised(tok) or caps_word(tok)) and tok.is_alpha and known and low not in ordinary and \
            low not in TITLE_WORDS and low not in ORG_WORDS and not place

    def pair_at(i: int) -> int | None:
        """The end of "Surname, Given [M.]" opening at token i, or None."""
        if i + 2 >= len(doc) or not word(doc[i], None) or doc[i + 1].text != "," or \
                not word(doc[i + 2], given_names()):
            return None
        k = i + 3
        while k < len(doc) and (initial(doc[k]) or (word(doc[k], given_names()) and k == i + 3 and
                                                      k + 1 < len(doc) and (doc[k + 1].text != "," or
                                                                            doc[k + 2:k + 3].text in _JUDGE_AFTER))):
            k += 1
        return k

    def edge_after(k: int) -> bool:
        if k >= len(doc):
            return True
        tok = doc[k]
        if tok.text == "," and k + 1 < len(doc) and doc[k + 1].text in _JUDGE_AFTER:
            return edge_after(k + 2)   # a list's author, surname first: "McCarty, David Neil, J." / "Barnes, Donna M., C.J."
        return (tok.is_space and "\n" in tok.text) or tok.text in _ROW_EDGE or tok.text == "."

    # words the document writes as a surname after a given name ("Mike Carey - Board Member"): after a
    # comma they are another surname of a list ("Public Relations Committee – (Page, Carey)"), no given name
    surnamed = {doc[k].lower_ for k in range(1, len(doc)) if capitalised(doc[k]) and capitalised(doc[k - 1])
                and doc[k - 1].lower_ in given_names() and not doc[k - 1].whitespace_.count("\n")}
    out = []
    i = 0
    while i < len(doc):
        end = pair_at(i) if i not in taken and edge_before(i - 1) else None
        if end is not None and doc[i + 2].lower_ in surnamed and end == i + 3:
            end = None
        if end is None or not edge_after(end) or any(t in taken for t in range(i, end)):
            i += 1
            continue
        given = " ".join(t.text for t in doc[i + 2:end])
        out.append({**mention(doc, i, end, f"{given} {doc[i].text}", None), "method": "inverted_name"})
        taken.update(range(i, end))
        i = end
    return out


def couples(doc: Any, taken: set[int], ordinary: set[str]) -> list[dict[str, Any]]:
    """Two given names that share one surname ("George and Marilyn Hartwell", "Tom and Linda Okafor"):
    two people, each with the surname, not one "George and Marilyn Hartwell" nor a bare "Tom". Both
    given names are census given names that open no longer run of capitalised words ("John Taylor
    and Mary Jones" are two names of their own) and are no date or place ("April and May Jones");
    one surname ends the run ("Alvaro & Blanca Garcia Revocable Living Trust" is a trust)."""
    def given(tok: Any, place: bool = False) -> bool:   # `place`: the model's place may stand
        return name_word(tok) and tok.lower_ in given_names() and tok.lower_ not in ordinary and \
            tok.lower_ not in TITLE_WORDS and tok.ent_type_ not in ("DATE", "LOC", "FAC", "NORP", "ORG") and \
            (place or tok.ent_type_ != "GPE")

    out = []
    for i in range(len(doc) - 3):
        prev = doc[i - 1] if i else None
        if i in taken or i + 2 >= len(doc) or not given(doc[i], doc[i + 2].ent_type_ == "PERSON") or \
                doc[i + 1].lower_ not in ("and", "&") or not given(doc[i + 2]) or \
                (prev is not None and (initial(prev) or (capitalised(prev) and (
                    prev.lower_ in given_names() or not english_word(prev.lower_))))):
            continue   # "John Taylor and Mary Jones"; but "Residents Tom and Linda Okafor"
        k = i + 3 + (i + 3 < len(doc) and initial(doc[i + 3]))   # "Marilyn J. Hartwell"
        if k >= len(doc) or (k + 1 < len(doc) and (capitalised(doc[k + 1]) or caps_word(doc[k + 1]))):
            continue   # one surname, then no more capitals: "Alvaro & Blanca Garcia Revocable Living Trust"
        last = doc[k]
        k += 1
        if not capitalised(last) or last.lower_ in ordinary or last.lower_ in ORG_WORDS or \
                last.lower_ in TITLE_WORDS or not (last.lower_ in surnames() or not english_word(last.lower_)) or \
                any(t in taken for t in range(i, k)):
            continue
        end = name_end(doc, k)
        out.append({**mention(doc, i, i + 1, f"{doc[i].text} {last.text}", None), "method": "couple"})
        out.append({**mention(doc, i + 2, end, doc[i + 2:end], None), "method": "couple"})
        taken.update(range(i, end))
    return out


def census_names(doc: Any, taken: set[int], around: Any, ordinary: set[str]) -> list[dict[str, Any]]:
    """Names the statistical NER missed or called an organisation ("A vehicle driven by Todd
    Richter", "Present: ..., Melaina Prest,"): a given name of the census lists, an optional middle
    name or initial, and a census surname, all capitalised, outside any person, place or date."""
    out = []
    i = 0
    while i < len(doc) - 1:
        tok = doc[i]
        if i in taken or not name_word(tok) or tok.lower_ not in given_names() or \
                tok.ent_type_ in ("PERSON", "GPE", "LOC", "FAC", "DATE", "NORP", "EVENT", "WORK_OF_ART", "LAW") and \
                not (tok.ent_type_ in ("GPE", "LOC", "NORP") and _listed_with_people(doc, i)):
            i += 1
            continue
        k = i + 1
        while k < len(doc) and doc[k].is_space and doc[k].text.count("\n") == 1 and k == i + 1:
            k += 1   # a name wrapped onto the next line ("Julie\nRodriguez")
        parts = [i]
        if k < len(doc) and (name_word(doc[k]) or initial(doc[k])) and k + 1 < len(doc) and \
                name_word(doc[k + 1]) and doc[k + 1].lower_ in surnames():
            parts += [k, k + 1]
        elif k < len(doc) and name_word(doc[k]) and doc[k].lower_ in surnames():
            parts += [k]
        elif k < len(doc) and name_word(doc[k]) and not english_word(doc[k].lower_) and _bulleted(doc, i, k + 1):
            parts += [k]   # "• Dennis Otsuji • Ted Miyahara": a list item that is a given name and one word
        if len(parts) < 2 or any(p in taken for p in parts) or _inside_run(doc, i, parts[-1] + 1) or \
                any(doc[p].lower_ in ordinary for p in (parts[0], parts[-1])) or \
                any(doc[p].lower_ in TITLE_WORDS for p in parts) or doc[parts[-1]].lower_ in ORG_WORDS or \
                refuse(doc[i:parts[-1] + 1].text, around(i, parts[-1] + 1)):
            i += 1
            continue
        end = name_end(doc, parts[-1] + 1)
        out.append({**mention(doc, i, end, doc[i:end], None), "method": "census_name"})
        taken.update(range(i, end))
        i = end
    return out


def _listed_with_people(doc: Any, i: int) -> bool:
    """doc[i] opens an item of a comma list whose neighbours are people ("…, Michael Maiello, Amelia
    Warner, Thomas Farrell, …"): a given name the model took for a place is a name there."""
    before = i >= 2 and doc[i - 1].text == "," and doc[i - 2].ent_type_ == "PERSON"
    after = next((k for k in range(i + 1, min(i + 5, len(doc))) if doc[k].text in (",", ";")), None)
    return before and after is not None and after + 1 < len(doc) and doc[after + 1].ent_type_ == "PERSON"


_BULLETS = {"•", "▪", "◦", "‣", "●", "○", "■", "□", "➢", "►", "·", "*"}


def _bulleted(doc: Any, start: int, end: int) -> bool:
    """doc[start:end] is a whole item of a bulleted list: a bullet before it, and after it a bullet, the
    line's end, or a dash and a title ("• Kelly Modén - Vice-Chair")."""
    if start == 0 or doc[start - 1].text not in _BULLETS:
        return False
    if end >= len(doc) or "\n" in doc[end - 1].whitespace_ or doc[end].is_space or doc[end].text in _BULLETS:
        return True
    return doc[end].text in DASHES and end + 1 < len(doc) and doc[end + 1].lower_.split("-")[0] in TITLE_WORDS


def caps_names(doc: Any, taken: set[int], around: Any, ordinary: set[str]) -> list[dict[str, Any]]:
    """Names in capitals, which the small model rarely reads as people: a court's caption ("ANGEL
    ZEPEDA RIVAS, Petitioner", "DAVID JENNINGS"), a judge's signature ("DAVID O. CARTER"). A run of
    two to four capitalised words, no more and no fewer, opening on a census given name and ending
    on a census surname, each word no ordinary word of the document; an initial may stand between."""
    out = []
    i = 0
    while i < len(doc):
        if not caps_word(doc[i]) or (i > 0 and (caps_word(doc[i - 1]) or initial(doc[i - 1]))):
            i += 1
            continue
        k = i
        while k < len(doc) and (caps_word(doc[k]) or (k > i and initial(doc[k]))):
            k += 1
        a0 = i
        while a0 < k - 2 and (doc[a0].lower_ in _ADDRESSED or doc[a0].lower_ in TITLE_WORDS):
            a0 += 1   # "THE HONORABLE DANIEL R. LEVINSON" / "INSPECTOR GENERAL": the words of address first
        for a, b in (ab for s0, s1 in _joined(doc, a0, k) for ab in _masthead(doc, s0, s1)):
            run = doc[a:b]
            if _caps_name(run, taken, ordinary) and not _caps_org(doc, b) and not _dateline(doc, a, b) and \
                    refuse(" ".join(t.text.title() for t in run), around(a, b)) is None:
                end = name_end(doc, b)
                out.append({**mention(doc, a, end, doc[a:end], None), "method": "caps_name"})
                taken.update(range(a, end))
        i = k
    return out


def _joined(doc: Any, i: int, k: int) -> list[tuple[int, int]]:
    """A run of capitals cut at its "AND"s and "VS."s: a caption's parties ("… LOUISIANA STATE UNIVERSITY AND THOMAS GALLIGAN,
    INDIVIDUALLY …"), each part read on its own."""
    cuts = [j for j in range(i, k) if doc[j].lower_ in ("and", "&", "vs", "vs.", "v.", "c/w")]
    if not cuts:
        return [(i, k)]
    edges = [i - 1, *cuts, k]
    return [(a + 1, b) for a, b in zip(edges, edges[1:]) if b - (a + 1) >= 2]


_ADDRESSED = {"the", "honorable", "hon", "hon."}   # "THE HONORABLE …" on a letter's address block


def _dateline(doc: Any, a: int, b: int) -> bool:
    """A run in capitals opening its line, then a dash: a press release's or a story's dateline
    ("SANTA ANA – A youth leader …"), a place."""
    nxt = b
    while nxt < len(doc) and doc[nxt].is_space:
        nxt += 1
    opens_line = a == 0 or doc[a - 1].is_space or "\n" in doc[a - 1].whitespace_
    return opens_line and nxt < len(doc) and doc[nxt].text in DASHES


def _masthead(doc: Any, i: int, k: int) -> list[tuple[int, int]]:
    """A run of capitals too long for one name is a masthead's row of names when it splits, in one way
    only, into names of a census given name and a census surname, an initial between at most ("RAY
    PEARL NED E. DAVIS KELLY HONIG …"); "SEAN RIORDAN GENNA ELLIS BEIER" does not split so and gives
    no one, unless a title ends its words and a name closes it ("… OUTGOING MAYOR ROY FRANCIS"). A run
    of four words or fewer is read whole."""
    if k - i <= 4:
        return [(i, k)]

    def piece(a: int, b: int) -> bool:
        first, last = doc[a].lower_, doc[b - 1].lower_
        middle = doc[a + 1:b - 1]
        return first in given_names() and last in surnames() and all(initial(t) for t in middle)

    ways: dict[int, list[list[tuple[int, int]]]] = {k: [[]]}
    for a in range(k - 2, i - 1, -1):
        found = [[(a, b), *rest] for b in (a + 2, a + 3) if b in ways and piece(a, b) for rest in ways[b]]
        if found:
            ways[a] = found[:2]   # two ways are as good as many: ambiguous
    if len(ways.get(i, [])) == 1:
        return ways[i][0]
    # "PLAQUE TO OUTGOING MAYOR CINDY SEGAWA": a title ends the run's words, its name closes the run
    return next(([(a, k)] for a in (k - 2, k - 3) if a > i and doc[a - 1].lower_ in TITLE_WORDS and piece(a, k)), [])



def _caps_org(doc: Any, k: int) -> bool:
    """The capitals run goes on, past initials such as "U.S.", into an organisation's or a building's
    word: "POTTER STEWART U.S. COURTHOUSE" is a courthouse named for someone."""
    for tok in doc[k:k + 4]:
        if tok.lower_.rstrip(".") in ORG_WORDS and tok.is_upper:
            return True
        if not (tok.is_upper and (tok.is_alpha or INITIALISM.fullmatch(tok.text))):
            return False
    return False


def _caps_name(run: Any, taken: set[int], ordinary: set[str]) -> bool:
    """The whole capitalised run is a name: two to four words, a census given name first and a census
    surname last, an initial only between, no word ordinary, a title or an organisation's, none read."""
    words = [t for t in run if not initial(t)]
    folded = [t.lower_ for t in words]
    return 2 <= len(run) <= 4 and all(t.is_alpha for t in words) and not initial(run[-1]) and \
        folded[0] in given_names() and folded[-1] in surnames() and \
        not any(w in ordinary or w in TITLE_WORDS or w in ORG_WORDS for w in folded) and \
        not any(t.i in taken or t.ent_type_ in ("GPE", "LOC", "FAC", "DATE", "NORP") and not initial(t) for t in run)


def _inside_run(doc: Any, start: int, end: int) -> bool:
    """A census-list name that is only part of a longer run of capitalised words: "St. Louis Jeffrey
    Eugenides", "Southern California Edison", "Adolfo Suárez Madrid-Barajas", "Vista Del Rio Apts"."""
    prev = doc[start - 1] if start else None
    nxt = doc[end] if end < len(doc) else None
    if prev is not None and prev.lower_ in _BEFORE_PLACE:
        return True   # but "Public Works Brad Sacher": a department, then a name
    if nxt is not None and nxt.text in DASHES and end + 1 < len(doc) and capitalised(doc[end + 1]) and \
            doc[end + 1].lower_ not in TITLE_WORDS:
        return True   # but "Kelly Modén - Vice-Chair": a name, then its title
    return nxt is not None and capitalised(nxt) and nxt.lower_ not in SUFFIXES and nxt.lower_ not in TITLE_WORDS


_AGE_AFTER = re.compile(r",\s+(\d{1,3}),\s+(?:of|from)\s+[A-Z]|,\s+(\d{1,3}),\s+(?:was|were|is|are|has|have|had|who|and|"
                        r"said|told|faces|face|died|pleaded|remains|remain)\b")


def aged_names(doc: Any, taken: set[int], around: Any) -> list[dict[str, Any]]:
    """A name that a news report or a police blotter gives an age after ("driven by Verdale V.
    Marquardt, 58, of Quincy", "Kelvo Ardmore, 19, was charged"): two to four capitalised words
    (initials between) right before ", <age>, of …": a person, whatever the model read."""
    out = []
    for match in _AGE_AFTER.finditer(text_of(doc)):
        age = int(match.group(1) or match.group(2))
        comma = doc.char_span(match.start(), match.start() + 1)
        if not 0 < age <= 110 or comma is None:
            continue
        end_tok = comma.start
        start = end_tok
        while start > 0 and end_tok - start < 4 and (capitalised(doc[start - 1]) or initial(doc[start - 1])):
            start -= 1
        words = doc[start:end_tok]
        if len(words) < 2 or initial(words[-1]) or not capitalised(words[0]) or \
                words[0].lower_ not in given_names() and words[0].lower_ in surnames() or \
                any(t in taken for t in range(start, end_tok)) or \
                any(t.lower_ in TITLE_WORDS or t.lower_ in ORG_WORDS for t in words) or \
                refuse(words.text, around(start, end_tok)):
            continue
        out.append({**mention(doc, start, end_tok, words, None), "method": "aged_name"})
        taken.update(range(start, end_tok))
    return out


# A form's field that names a person ("Applicant: Sina Khajavi / SK Architects, …", "Owner: Vivek Tandon &
# Suresh Tandon", "Property Owner: …"), at the start of a line
_PERSON_FIELD = re.compile(r"^[ \t]*(?:property[ \t]+)?(?:applicants?|owners?|appellants?|agents?|representatives?|"
                           r"architects?|engineers?|contact(?:[ \t]+person)?|requesters?|requestors?|complainants?|"
                           r"landowners?|designers?)[ \t]*:[ \t]*", re.IGNORECASE | re.MULTILINE)
_FIELD_NAME = re.compile(r"([A-Z][a-z]+(?:[ \t]+[A-Z]\.)?(?:[ \t]+[A-Z][a-z]+(?:-[A-Z][a-z]+)?){1,2})(?=[ \t]*(?:/|&|,|;|\band\b|$))",
                         re.MULTILINE)


def field_names(doc: Any, taken: set[int], around: Any) -> list[dict[str, Any]]:
    """The people a form's field names ("Applicant: Miles Pritzkat / Pritzkat & Johnson Architects, Inc.",
    "Owner: Vivek Tandon & Suresh Tandon"): each name of two or three capitalised words, its first a
    census given name or none of them an English word, up to a slash, an ampersand, a comma or the line's end. The model reads such a
    line as one firm or misses the names."""
    out = []
    for field in _PERSON_FIELD.finditer(text_of(doc)):
        at = field.end()
        line_end = text_of(doc).find("\n", at)
        line_end = len(text_of(doc)) if line_end < 0 else line_end
        while at < line_end:
            m = _FIELD_NAME.match(text_of(doc), at, line_end)
            if m is None:
                break
            span = doc.char_span(m.start(1), m.end(1))
            if span is not None and _reads_as_name(list(span), taken, around):
                out.append({**mention(doc, span.start, span.end, span, None), "method": "field_name"})
                taken.update(range(span.start, span.end))
            joined = re.match(r"[ \t]*(?:&|\band\b)[ \t]*", text_of(doc)[m.end():line_end])
            if not joined:
                break   # after "/" or "," comes the firm or the address
            at = m.end() + joined.end()
    return out


def _reads_as_name(words: list[Any], taken: set[int], around: Any, titled: bool = False) -> bool:
    """Capitalised words a field, a "who" clause or a salutation names (field_names, who_names) read as a
    person: the first a census given name or none of them an English word (unless a title stands before
    them), no title, organisation or place word among them, none taken, and no refusal."""
    return (titled or words[0].lower_ in given_names() or not any(english_word(t.lower_) for t in words)) and \
        not any(t.i in taken or t.lower_ in TITLE_WORDS or t.lower_ in ORG_WORDS or t.ent_type_ in ("GPE", "LOC", "FAC")
                for t in words) and \
        not refuse(" ".join(t.text for t in words), around(words[0].i, words[-1].i + 1))


# "Alain Amador who was sentenced …": a name that "who" follows is a person, whatever the model read
_WHO_AFTER = re.compile(r"([A-Z][a-z]+(?:[ \t]+[A-Z]\.)?[ \t\n]+[A-Z][a-z]+(?:-[A-Z][a-z]+)?),?[ \t\n]+who[ \t\n]+"
                        r"(?:was|is|has|had|were|are|pleaded|allegedly|then|also|later|previously|served|worked|led|ran|owned)\b")
# a letter's salutation: "Dear Faraj Alhadi Ghabag:", "Dear Mr. Tandon:" (the model reads a name it does not
# know as nothing, or its suffix "M.D." as a place)
_DEAR = re.compile(r"^[ \t]*Dear[ \t]+((?:[A-Z][a-z]+\.?[ \t]+){1,3}[A-Z][a-z]+(?:-[A-Z][a-z]+)?)[ \t]*[:,]", re.MULTILINE)


def who_names(doc: Any, taken: set[int], around: Any) -> list[dict[str, Any]]:
    """Names a clause on "who" follows ("… involves Alain Amador who was sentenced to 52 months", "Dear
    Faraj Alhadi Ghabag:"): two or three capitalised words, the first a census given name or none of
    them an English word; no title, organisation or place word among them."""
    out = []
    for m in [*_WHO_AFTER.finditer(text_of(doc)), *_DEAR.finditer(text_of(doc))]:
        span = doc.char_span(m.start(1), m.end(1), alignment_mode="contract")
        if span is None or len(span) < 2:
            continue
        words = [t for t in span if not t.is_space]
        titled = words[0].lower_ in TITLE_WORDS
        name = words[1:] if titled else words
        if not name or len(name) < (1 if titled else 2) or any(t.i in taken for t in span) or \
                not _reads_as_name(name, taken, around, titled):
            continue
        out.append({**mention(doc, span.start, span.end, " ".join(t.text for t in name),
                              words[0].text if titled else None), "method": "who_name"})
        taken.update(range(span.start, span.end))
    return out
