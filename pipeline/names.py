"""Personal names: parsing, first-name compatibility and display forms (pure; no DB, no models).

Used by pipeline/people.py to decide when two name forms can be the same person. Every rule
here leans towards *not* merging: a missed merge is one line in curation.toml, a false merge
silently puts one person's acts on another.
"""
from __future__ import annotations

import re
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Callable, Collection, Iterable
from dataclasses import dataclass
from functools import lru_cache

from nameparser import HumanName
from nicknames import NickNamer

from pipeline.lexicon import HONORIFICS, ROLE_TITLES

__all__ = [
    "Name", "parse_name", "split_title", "strip_possessive", "normalize_surname",
    "normalize_given", "is_initial", "first_names_compatible", "same_person", "canonical_form",
    "normalize_role", "known_nickname_pairs", "group_names", "KnownPairs",
]

KnownPairs = dict[str, set[frozenset[str]]]  # surname key → {frozenset(first, nickname)}

# Titles stripped before nameparser sees the text: its own list lacks Chairwoman, Caseworker,
# Supervisor, Inspector, Interim Director..., and reads "Interim" as a first name.
_TITLES = [
    "mr", "mrs", "ms", "miss", "mx", "dr", "prof", "professor", "rev", "reverend", "hon",
    "honorable", "the honorable", "sir", "madam",
    "director", "deputy director", "assistant director", "executive director",
    "associate director", "program director", "commissioner", "county commissioner",
    "chair", "chairman", "chairwoman", "chairperson", "vice chair", "vice chairman",
    "vice chairwoman", "vice chairperson", "vice-chair", "co-chair", "president",
    "vice president", "secretary", "treasurer", "clerk", "county clerk", "trustee",
    "board member", "judge", "magistrate", "sheriff", "deputy sheriff", "undersheriff",
    "district attorney", "assistant district attorney", "attorney general",
    "county attorney", "county executive", "county administrator", "county manager",
    "city manager", "administrator", "manager", "mayor", "deputy mayor", "governor",
    "lt. governor", "lieutenant governor", "rep", "representative", "sen", "senator",
    "state senator", "state representative", "assemblyman", "assemblywoman",
    "assemblymember", "councilman", "councilwoman", "councilmember", "council member",
    "alderman", "alderwoman", "inspector", "inspector general", "investigator", "auditor",
    "state auditor", "ombudsman", "caseworker", "case worker", "social worker", "supervisor",
    "superintendent", "detective", "officer", "sgt", "sergeant", "lt", "lieutenant", "capt",
    "captain", "chief", "police chief", "fire chief", "coroner", "medical examiner",
]
_TITLE_MODIFIERS = ["former", "acting", "interim", "then", "then-", "ex-", "retired", "deputy", "board"]
# The NLP stage's title words (pipeline/lexicon.py) are titles here too, so both stages agree.
_TITLES = sorted(set(_TITLES) | {t.rstrip(".") for t in ROLE_TITLES | HONORIFICS})

_TITLE_RE = re.compile(
    r"^(?P<title>(?:(?:" + "|".join(re.escape(m) for m in _TITLE_MODIFIERS) + r")\s*)?(?:"
    + "|".join(re.escape(t) for t in sorted(_TITLES, key=len, reverse=True))
    + r"))\.?\s+(?=\S)",
    re.IGNORECASE,
)
_POSSESSIVE_RE = re.compile(r"(?:['’]s|(?<=s)['’])$", re.IGNORECASE)
_EDGE_PUNCT = " \t\r\n,;:!?()[]{}"
_INITIAL_RE = re.compile(r"^(?:[^\W\d_]\.?)(?:[\s-]*[^\W\d_]\.)*$")

_NICKNAMER = NickNamer()  # read-only lookup tables, loaded once
# nameparser's titles that English records do write before a name (the rest of its 800, "rock", "model",
# "player", "author", are a given name when they open a two-word name); casefile's own titles are split off first
_TITLES_BEFORE_NAMES = frozenset("""
    dr doctor rev reverend hon honorable honourable prof professor father sister brother pastor rabbi imam bishop
    archbishop cardinal pope monsignor deacon elder chaplain priest sir dame lord lady king queen prince princess duke
    duchess baron baroness count countess earl mister master madame mme mlle monsieur herr frau senor señor señora
    general colonel admiral commander corporal private ambassador minister premier president principal coach nurse
    dean saint sheikh sheik mufti mullah ayatollah swami guru uncle aunt agent trooper warden attorney counselor
    justice magistrate chancellor provost speaker delegate ranger cllr judge marshal sheriff chief captain major
""".split())
_GIVEN_NOT_TITLE = re.compile(r"[A-Z][a-z]{2,}")   # a capitalised word, not an abbreviation ("Gen.", "Sgt")


@dataclass(frozen=True)
class Name:
    """One parsed name form. Empty strings for absent parts; `raw` is the text as given."""

    title: str = ""
    first: str = ""
    middle: str = ""
    last: str = ""
    suffix: str = ""
    nickname: str = ""
    raw: str = ""

    @property
    def has_first(self) -> bool:
        return bool(self.first or self.nickname)


def strip_possessive(text: str) -> str:
    """'Whitfield's' → 'Whitfield', 'Jones'' → 'Jones'; also trims edge punctuation."""
    text = " ".join(text.split()).strip(_EDGE_PUNCT)
    return _POSSESSIVE_RE.sub("", text).strip(_EDGE_PUNCT)


def split_title(text: str) -> tuple[str, str]:
    """Peel titles off the front: 'Vice Chair Linda Ortiz' → ('Vice Chair', 'Linda Ortiz')."""
    titles: list[str] = []
    rest = text.strip()
    while (m := _TITLE_RE.match(rest)) is not None:
        titles.append(rest[: m.end()].strip())
        rest = rest[m.end():].strip()
    return " ".join(titles), rest


@lru_cache(maxsize=65536)  # pure and hot: a case repeats the same few hundred name forms
def parse_name(text: str) -> Name:
    """Parse a person mention ('Director Whitfield', 'Margaret "Peggy" Whitfield', "Whitfield's")."""
    raw = text
    title, rest = split_title(strip_possessive(text))
    if not rest:
        return Name(title=title, raw=raw)
    h = HumanName(rest)
    first, middle, last = h.first, h.middle, h.last
    title = " ".join(t for t in (title, h.title) if t)
    if not last and first and not middle:  # a single token is a surname ("Ortiz said")
        first, last = "", first
    if h.title and not first and last and h.title.lower().rstrip(".") in ("st", "ste"):
        title, last = title.removesuffix(h.title).strip(), f"{h.title} {last}"   # "St. Pierre": a surname, no saint's title
    if h.title and not first and last and _GIVEN_NOT_TITLE.fullmatch(h.title) and \
            h.title.lower() not in _TITLES_BEFORE_NAMES:
        # nameparser's list of titles holds words that are given names too ("Rock", "Model", "Player"): before a
        # surname alone, a word that no record writes as a title is the given name ("Rock Bordelon" had been a
        # titled "Bordelon", then taken for "Torie Bordelon", the one full name with that surname)
        title, first = title.removesuffix(h.title).strip(), h.title
    if not last and not first and h.nickname:  # '"Peggy"' alone: keep it as a nickname
        return Name(title=title, nickname=h.nickname, raw=raw)
    return Name(title=title, first=first, middle=middle, last=last, suffix=h.suffix,
                nickname=h.nickname, raw=raw)


def _fold(text: str) -> str:
    """Case- and accent-insensitive form: 'Ortíz' and 'ORTIZ' compare equal."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold().strip()


@lru_cache(maxsize=65536)
def normalize_surname(last: str) -> str:
    """Compare key for surnames: case, accents, hyphens, spaces, apostrophes and dots ignored."""
    return re.sub(r"[\s\-‐‑–'’.]", "", _fold(last))


@lru_cache(maxsize=65536)
def normalize_given(first: str) -> str:
    """Compare key for given names: 'M.' → 'm', 'José' → 'jose'."""
    return re.sub(r"[.\s]", "", _fold(first))


def is_initial(first: str) -> bool:
    """'M', 'M.', 'J.R.', 'J. R.' are initials; 'Al' or 'Jo' are names."""
    s = first.strip()
    return bool(s) and bool(_INITIAL_RE.match(s)) and (len(s) == 1 or "." in s)


@lru_cache(maxsize=4096)
def _is_formal(given: str) -> bool:
    """A formal given name has nicknames of its own (Robert, Mary); 'Peggy' or 'Maggie' do not."""
    return len(_NICKNAMER.nicknames_of(given) - _NICKNAMER.canonicals_of(given)) >= 2


@lru_cache(maxsize=8192)
def _nickname_related(a: str, b: str) -> bool:
    """nicknames package: one is a nickname of the other, or both are nicknames of one name."""
    if b in _NICKNAMER.nicknames_of(a) or a in _NICKNAMER.nicknames_of(b):
        return True
    # Shared canonicals only between informal names: Peggy~Maggie (Margaret) yes, but
    # Robert~William share "bill" and Mary~Maria share "mariah" in the package's data.
    if _is_formal(a) or _is_formal(b):
        return False
    return bool(_NICKNAMER.canonicals_of(a) & _NICKNAMER.canonicals_of(b))


def _initials_of(given: str) -> set[str]:
    """Letters an initial may stand for: its own, and for a nickname its formal name's (Peggy → M)."""
    letters = {given[:1]}
    if not _is_formal(given):
        letters |= {c[:1] for c in _NICKNAMER.canonicals_of(given) if _is_formal(c)}
    return letters


def first_names_compatible(a: str, b: str, known_pairs: Collection[frozenset[str]] = ()) -> bool:
    """Could given names a and b belong to one person? Equal, initial, or nickname-related.

    `known_pairs` adds equivalences learned from the corpus (`Margaret "Bunny" Whitfield`), as
    frozensets of normalize_given() forms. An empty name is never compatible.
    """
    na, nb = normalize_given(a), normalize_given(b)
    if not na or not nb:
        return False
    if na == nb:
        return True
    ia, ib = is_initial(a), is_initial(b)
    if ia and ib:
        return na[0] == nb[0]
    if ia or ib:
        initial, full = (na, nb) if ia else (nb, na)
        return initial[0] in _initials_of(full)
    if frozenset((na, nb)) in known_pairs:
        return True
    return _nickname_related(na, nb)


def _given_forms(n: Name) -> list[str]:
    return [g for g in (n.first, n.nickname) if g]


def _parts_conflict(x: str, y: str) -> bool:
    """Middle names or suffixes that are both present and disagree (John A. vs John B.; Jr. vs Sr.)."""
    nx, ny = normalize_given(x), normalize_given(y)
    if not nx or not ny:
        return False
    if len(nx) == 1 or len(ny) == 1:  # an initial agrees with any name it starts
        return nx[0] != ny[0]
    return nx != ny


def same_person(a: Name, b: Name, *, allow_missing_first: bool = False,
                known_pairs: Collection[frozenset[str]] = ()) -> bool:
    """Can name forms a and b denote one person? Same surname and compatible given names.

    A missing first name ("Director Whitfield") only matches when allow_missing_first is set,
    which in-document linking does; across documents a bare surname proves nothing.
    """
    if not a.last or not b.last or normalize_surname(a.last) != normalize_surname(b.last):
        return False
    if _parts_conflict(a.middle, b.middle) or _parts_conflict(a.suffix, b.suffix):
        return False
    fa, fb = _given_forms(a), _given_forms(b)
    if not fa or not fb:
        return allow_missing_first
    return any(first_names_compatible(x, y, known_pairs) for x in fa for y in fb)


def known_nickname_pairs(names: list[Name]) -> KnownPairs:
    """Nicknames the sources state themselves (Margaret "Bunny" Whitfield), per surname."""
    pairs: KnownPairs = defaultdict(set)
    for n in names:
        if n.first and n.nickname and n.last:
            pairs[normalize_surname(n.last)].add(
                frozenset((normalize_given(n.first), normalize_given(n.nickname))))
    return pairs


def _agglomerate(n: int, compatible: Callable[[int, int], bool]) -> list[list[int]]:
    """Complete-link merging that refuses ambiguous merges.

    Two clusters merge only if every pair across them is compatible AND every other cluster
    is compatible with both or with neither: "M. Whitfield" beside Margaret and Mary stays
    alone, and Margaret + "M." + Mary can never chain.
    """
    ok = [[True] * n for _ in range(n)]
    for i in range(n):
        for j in range(i + 1, n):
            ok[i][j] = ok[j][i] = compatible(i, j)

    def linked(a: list[int], b: list[int]) -> bool:
        return all(ok[i][j] for i in a for j in b)

    clusters = [[i] for i in range(n)]
    while True:
        pair = next(((x, y) for x in range(len(clusters)) for y in range(x + 1, len(clusters))
                     if linked(clusters[x], clusters[y])
                     and all(linked(z, clusters[x]) == linked(z, clusters[y])
                             for k, z in enumerate(clusters) if k not in (x, y))), None)
        if pair is None:
            return clusters
        x, y = pair
        clusters[x] += clusters.pop(y)


def group_names(names: list[Name], pairs: KnownPairs) -> list[list[int]]:
    """Cluster full-name forms (each with a first name) into people; returns indices into names.

    Surname by surname: full first names cluster first (_agglomerate); then each initial form
    ("M. Whitfield") joins the one cluster it fits, only if no other cluster could also be it.
    """
    by_surname: dict[str, list[int]] = defaultdict(list)
    for i, n in enumerate(names):
        by_surname[normalize_surname(n.last)].append(i)
    groups: list[list[int]] = []
    for surname in sorted(by_surname):
        known = pairs.get(surname, set())

        def fits(i: int, j: int) -> bool:
            return same_person(names[i], names[j], known_pairs=known)

        full = [i for i in by_surname[surname] if not is_initial(names[i].first or names[i].nickname)]
        initials = [i for i in by_surname[surname] if i not in full]
        clusters = [[full[i] for i in g]
                    for g in _agglomerate(len(full), lambda i, j: fits(full[i], full[j]))]
        for g in _agglomerate(len(initials), lambda i, j: fits(initials[i], initials[j])):
            members = [initials[i] for i in g]
            could_be = [c for c in clusters if any(fits(i, j) for i in members for j in c)]
            if len(could_be) == 1 and all(fits(i, j) for i in members for j in could_be[0]):
                could_be[0].extend(members)
            else:  # no full name, or several that fit: the initial stays a person of its own
                groups.append(members)
        groups.extend(clusters)
    return groups


def _best_surface(forms: Iterable[str]) -> str:
    """Most common spelling, preferring Mixed Case over ALL CAPS headings, then accents."""
    counts = Counter(f for f in forms if f)
    if not counts:
        return ""

    def score(f: str) -> tuple:
        mixed = not (f.isupper() and len(f) > 2) and not f.islower()
        accented = f != unicodedata.normalize("NFKD", f)
        return (mixed, counts[f], accented, f)

    best = max(counts, key=score)
    if len(best) > 2 and (best.isupper() or best.startswith("Mc") and best[2:].isupper()):
        # written in capitals ("MCGILL", a caption's "McGILL"): McGill
        return re.sub(r"\bMc([a-z])", lambda m: "Mc" + m.group(1).upper(), best.title())
    return best


def _formality(given: str, others: set[str], declared: set[tuple[str, str]]) -> int:
    """How many other forms in the cluster are nicknames of this one, minus the reverse."""
    score = 0
    for o in others:
        over = (given, o) in declared or (o in _NICKNAMER.nicknames_of(given)
                                          and given not in _NICKNAMER.nicknames_of(o))
        under = (o, given) in declared or (given in _NICKNAMER.nicknames_of(o)
                                           and o not in _NICKNAMER.nicknames_of(given))
        score += int(over) - int(under)
    return score


def canonical_form(names: list[Name]) -> str:
    """Display name for a cluster of forms: full formal first name, the middle name as written, no titles.

    ["Peggy Whitfield", "M. Whitfield", "Margaret Whitfield"] → "Margaret Whitfield".
    """
    lasts = [n.last for n in names if n.last]
    if not lasts:
        return ""
    surname_key = Counter(normalize_surname(x) for x in lasts).most_common(1)[0][0]
    last = _best_surface(x for x in lasts if normalize_surname(x) == surname_key)
    with_first = [n for n in names if n.first]
    if not with_first:
        return last
    by_given: dict[str, list[str]] = {}
    for n in with_first:
        by_given.setdefault(normalize_given(n.first), []).append(n.first)
    declared = {(normalize_given(n.first), normalize_given(n.nickname))
                for n in with_first if n.nickname}
    all_given = set(by_given) | {normalize_given(n.nickname) for n in with_first if n.nickname}

    def rank(g: str) -> tuple:
        # Full name beats initial; formal beats nickname; longer (Thomas > Tom) beats frequent.
        return (not is_initial(by_given[g][0]), _formality(g, all_given - {g}, declared),
                len(g), len(by_given[g]), g)

    given = max(by_given, key=rank)
    first = _best_surface(by_given[given])
    # The fullest name the sources write ("Mary Kay Plass", "John W. Houston", "Alex Azar II",
    # "Kenneth D. Upton, Jr."): a middle name or a suffix that some forms give and none contradicts
    # (the forms of one person leave them out as they please); a written-out middle name beats its
    # initial. Two different middle initials or suffixes: neither is shown.
    middles = [n.middle for n in with_first if n.middle]
    middle = ""
    if middles and len({normalize_given(m)[:1] for m in middles}) == 1:
        middle = max(middles, key=lambda m: (len(normalize_given(m)), m.count(".") == 0, m))
    if normalize_given(middle) == given:  # "J.J. Jake Pickle": the name called by, not a middle name
        middle = ""
    suffixes = [n.suffix for n in with_first if n.suffix]
    suffix = ""
    if suffixes and len({normalize_given(s).rstrip(".") for s in suffixes}) == 1:
        suffix = Counter(suffixes).most_common(1)[0][0]
        suffix = {"jr": "Jr.", "sr": "Sr."}.get(suffix.rstrip(".").lower(), suffix)   # "VERRILLI, JR": Jr.
    return " ".join(p for p in (first, middle, last) if p) + (f" {suffix}" if suffix else "")


# Courtesy titles say nothing about office, so they never become roles.
_HONORIFICS = {"mr", "mrs", "ms", "miss", "mx", "dr", "prof", "professor", "rev", "reverend",
               "hon", "honorable", "the honorable", "sir", "madam", "dame"}
_ROLE_SYNONYMS = {
    "chairman": "chair", "chairwoman": "chair", "chairperson": "chair",
    "vice chairman": "vice chair", "vice chairwoman": "vice chair",
    "vice chairperson": "vice chair", "vice-chair": "vice chair",
    "rep": "representative", "sen": "senator", "da": "district attorney",
    "ada": "assistant district attorney", "councilman": "council member",
    "councilwoman": "council member", "councilmember": "council member",
    "case worker": "caseworker", "sgt": "sergeant", "lt": "lieutenant", "capt": "captain",
    "board chair": "chair", "board chairman": "chair", "board chairwoman": "chair",
    "congressman": "representative", "congresswoman": "representative",
    "congressmen": "representative", "congresswomen": "representative", "senators": "senator",
    "representatives": "representative", "commissioners": "commissioner", "supervisors": "supervisor",
    "trustees": "trustee", "judges": "judge", "justices": "justice", "council members": "council member",
    "councilmembers": "council member", "aldermen": "alderman", "councillors": "councillor",
}
# "the", "a", and an owner ("the county's interim director") say nothing about which office.
_LEADING_WORDS = re.compile(r"^(?:(?:the|a|an)\s+)?(?:\S+['’]s\s+)?")


def normalize_role(text: str | None) -> str | None:
    """'the Interim Director' → 'interim director', 'Chairwoman' → 'chair'; honorifics → None."""
    if not text:
        return None
    s = " ".join(text.replace(".", " ").split()).casefold().strip(" ,;:")
    s = _LEADING_WORDS.sub("", s)
    words = s.split(" ", 1)
    # Keep modifiers ("interim", "former") in front: "former director" must not count as director.
    if len(words) == 2 and words[0] in {"interim", "acting", "former", "then", "deputy"}:
        rest = _ROLE_SYNONYMS.get(words[1], words[1])
        return f"{words[0]} {rest}"
    s = _ROLE_SYNONYMS.get(s, s)
    if not s or all(w in _HONORIFICS for w in s.split()):
        return None
    return s
