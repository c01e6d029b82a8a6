"""Is a PERSON span from the statistical NER a person's name? Real pages hand the small spaCy model
organisations, places and page furniture shaped like names; this module trims a span to the name
and refuses what is not one. Pure: token texts in, a verdict out (no model, no DB).

What is refused, and why (README, "Decisions about people"):
- digits, handles, links, "&", quote marks inside the name ("Item 138", "Twitter @MattFriedmanSL");
- case names ("Abbott v. Burke") and anything joined by "/" or "|" to an outlet (a photo credit);
- a span that ends in, or runs on into, an organisation, facility or place word ("Jerry Sue
  Thornton Center", "Maggie Daley Fieldhouse", "Clackamas Women's Services", "Harlan County");
- page furniture ("Loading Photo Gallery", "Photo Credit", "Welcome to ...");
- a first word that is not a given name but an ordinary word of the same document ("Good Hope"
  where the text also says "good"): given names come from the 1990 US Census lists (the `names`
  package) and the `nicknames` package;
- a street after its house number ("15732 Cadwell St", "23156 Doris Way", "760 Via Del Monte");
- a legal citation's abbreviation ("R. Civ", "L. Ed", "Appellant's Br"), a part of a document
  ("Appearance Form", "I. Background"), a headline cut short ("Record Lo..."), a sentence's first
  word that is a small word or an -ing word ("Besides Lahav", "Accepting Tarrant");
- a run of English words (the spaCy model's own lemmatizer index) with no given name, ending in one
  that is no common surname: a menu, a docket's label, a room ("Event Calendar", "Tenant Ejected");
  a headline's verb after a surname is cut off ("Attorney General Morales Sues");
- a trade name: one ending in the kind of shop it is ("Ruby Salon"), or after "dba"; a compass
  point after a house number ("1840 W. Harrison");
- a country, or a state or province of the US, Canada or Australia, written whole ("Sierra Leone",
  "New Brunswick": ISO 3166 names from the `pycountry` package);
- a possessive inside the name ("Walker’s Greensboro-area") or a hyphen's lower-case half that is
  an English word ("Greensboro-area", "Ohio-based"); names joined by hyphens into a list ("Alyssa
  Williams-James Pagano-Rich Stempinski"); an eponym ("Lou Gehrig's disease").
"""
from __future__ import annotations

import calendar
import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from nameparser.config import CONSTANTS
from spacy.lang.en.stop_words import STOP_WORDS

from pipeline.lexicon import (ALSO_SURNAMES, CITATION_WORDS, DOCUMENT_PARTS, FURNITURE, HOLIDAYS, INITIALISM, LEGAL_LATIN, NAME_SUFFIXES,
                              ORG_WORDS, SHOP_WORDS, TITLE_WORDS, VESSEL_PREFIXES)

_QUOTES = "\"'“”‘’«»„`´"
_BAD_CHARS = re.compile(r"[\d@#&/|\\_=+<>{}\[\]~^%$*§¶]|https?:|www\.")
_CASE_PARTY = re.compile(r"^(?:v|vs)\.?\s", re.IGNORECASE)   # "Zepeda Rivas v. Jennings"
_CASE_NAME = re.compile(r"\s(?:v|vs|VS?(?=\.\s+[A-Z]{2}))\.?\s")   # "Abbott v. Burke", "SMITH V. JONES"; "Verdale V. Marquardt" is an initial
# a reporter citation right after a name: the name is a case's ("…, 582 F.3d at 133", ", 239 AD3d 818", ", 5 U.S. 137")
_REPORTER_AFTER = re.compile(r"^, \d{1,4} (?:[A-Z][A-Za-z.]*\d[a-z]{1,3}|[A-Z][a-z]*\.(?:\s?[A-Z][a-z]*\.)*)(?:\s|$)")
_NICKNAME = re.compile(r"\s[\"“‘'][A-Z][\w.-]*[\"”’']\s")
# Endings of common nouns, never of names ("James Pagano Implementation", "Rich Stempinski Briefing").
_WORD_SUFFIX = re.compile(r"(?:tion|sion|ment|ings?|ness|ity|ance|ence|ship|ism|ware|ology)$")
_INCORPORATED = {"inc", "inc.", "llc", "l.l.c.", "corp", "corp.", "co", "co.", "ltd", "ltd.", "llp", "lp", "p.c.",
                 "pllc", "n.a.", "plc",
                 # firms abroad, written with their stops ("Petersen Energia Inversora, S.A.U.", "Philips N.V.")
                 "s.a.", "s.a.u.", "s.l.", "s.p.a.", "gmbh", "n.v.", "b.v.", "s.r.l."}
_LIKE_INITIALS = {"s.a", "s.l", "n.v", "b.v"}   # a firm's suffix that may be a person's initials before a surname
_INCORPORATED_BARE = frozenset(i.rstrip(".") for i in _INCORPORATED)   # "pllc" for "PLLC." as tokenised
_PLACE_BEFORE = re.compile(r"(?:\b(?:in|near|outside|inside)|\bknown\s+as|\bcalled)$", re.IGNORECASE)
_POSSESSIVE = ("'s", "’s", "'", "’")
_DOING_BUSINESS_AS = re.compile(r"(?:^|\s)(?:d\s*[./]?\s*b\s*[./]?\s*a\.?|doing\s+business\s+as)(?:\s*:)?$", re.IGNORECASE)
NUMBER_LABELS = {"no.", "no", "nos.", "nos", "#"}   # "Case No. 2:22-cv", "Check Nos. 221568"
_SECTION_LABELS = {"sec", "sec.", "secs", "secs.", "section", "sections", "art", "art.", "ch", "ch.", "chap", "chap.",
                   # an address's unit before its number ("Suite 210", "Room 4B")
                   "suite", "ste", "ste.", "room", "rm", "rm.", "apt", "apt.", "bldg", "bldg."}
_NAME_PARTS = {"first", "middle", "last", "given", "family"}   # a form's "First name", "Last name" labels
_MONTH_NAMES = {m.lower() for m in calendar.month_name if m}
# a capital after four lower-case letters inside a word ("SchemeSGX", "NiftySensex"), or a word that opens in
# lower case and goes on in capitals ("newsLTC"): words a page glued together ("DeShawn", "MacArthur",
# "FitzGerald" stay)
# months, and their short forms, that no census surname bears (not "March", "May", "June", "April", "August")
_MONTHS_NO_SURNAME = {"jan", "feb", "apr", "aug", "sep", "sept", "oct", "nov", "dec", "january", "february",
                      "september", "october", "november", "december"}
_WEEKDAY_NAMES = {d.lower() for d in calendar.day_name}
_GLUED = re.compile(r"[a-z]{4,}[A-Z]|^[a-z]+[A-Z]{2,}|^[a-z]{3,}[A-Z]")   # "andHonCHAN Chi": a roll's "and Hon CHAN"
_HEADLINE_PEOPLE = {"man", "woman", "men", "women"}   # "Fontana Man Charged …": a headline's, no surname
_HOUSE_NUMBER = re.compile(r"^\d{1,6}[A-Za-z]?$")
_VOWEL = re.compile(r"[aeiouyAEIOUYà-ÿÀ-ß]")
_STATE_ZIP = re.compile(r"^[A-Z]{2} \d{5}(?:-\d{4})?$")   # ", CA 92706" after a city
# Words that open a street's name (Spanish and French street names in US and Canadian addresses)
# and words that end one, abbreviated or not.
_STREET_OPENERS = {"via", "calle", "camino", "avenida", "paseo", "vista", "rue", "avenue", "boulevard"}
# A compass point after a house number of three digits or more opens a street ("1840 W. Harrison").
_COMPASS = {"n", "s", "e", "w", "ne", "nw", "se", "sw", "north", "south", "east", "west"}
_STREET_WORDS = {"street", "st", "avenue", "ave", "road", "rd", "boulevard", "blvd", "drive", "dr", "lane",
                 "ln", "way", "place", "pl", "court", "ct", "terrace", "circle", "parkway", "pkwy", "highway",
                 "hwy", "trail", "plaza", "alley", "crescent", "loop", "row", "square", "walk"}
_EDGE = _QUOTES + " \t\n,;:.!?()-–—*•·|"   # "|": a table's cell border ("| Bob Hoch")
PARTICLES = frozenset(CONSTANTS.prefixes)   # "bin", "van", "de", "le": what follows is a surname


RARE = 0.004   # % of the 1990 population: rarer "names" in the census lists are words (See, Marine, America)


@lru_cache(maxsize=1)
def given_names() -> frozenset[str]:
    """Lower-cased given names: the 1990 Census first-name lists (names borne by at least RARE % of
    people) and the formal names of the nicknames package."""
    from nicknames import NickNamer

    found = {name for name, shares in _census_first_names().items() if max(shares) >= RARE}
    nick = NickNamer()
    table = getattr(nick, "_nickname_lookup", None) or getattr(nick, "_canonical_lookup", None) or {}
    found.update(str(key).lower() for key in dict(table) if len(str(key)) >= 3)
    return frozenset(found)


SEX_RATIO = 10   # a given name is one sex's when the census finds it this many times more often among them


@lru_cache(maxsize=1)
def _census_first_names() -> dict[str, tuple[float, float]]:
    """Lower-cased given names of the 1990 Census first-name lists: (% of men, % of women) bearing each."""
    import names as census

    folder = Path(census.__file__).parent
    shares: dict[str, list[float]] = {}
    for k, part in enumerate(("dist.male.first", "dist.female.first")):
        for line in (folder / part).read_text(encoding="ascii", errors="ignore").splitlines():
            cols = line.split()
            if len(cols) >= 2:
                shares.setdefault(cols[0].lower(), [0.0, 0.0])[k] = float(cols[1])
    return {name: (m, f) for name, (m, f) in shares.items()}


@lru_cache(maxsize=1)
def _given_name_sexes() -> dict[str, str]:
    """"m" or "f" for a given name the census gives almost only to men or to women ("Torie": women; "Jordan",
    "Taylor": both, so neither)."""
    return {name: "m" if m > SEX_RATIO * f else "f"
            for name, (m, f) in _census_first_names().items() if m > SEX_RATIO * f or f > SEX_RATIO * m}


def given_name_sex(given: str) -> str | None:
    """"m", "f", or None when the census does not tell (a rare name, or one both bear)."""
    return _given_name_sexes().get(given.strip().lower())


@lru_cache(maxsize=1)
def _census_surnames() -> tuple[str, ...]:
    """Lower-cased surnames of the 1990 US Census list (88,799 names), commonest first."""
    import names as census

    text = (Path(census.__file__).parent / "dist.all.last").read_text(encoding="ascii", errors="ignore")
    return tuple(line.split()[0].lower() for line in text.splitlines() if line.strip())


@lru_cache(maxsize=1)
def surnames() -> frozenset[str]:
    """Lower-cased surnames of the 1990 US Census list (88,799 names)."""
    return frozenset(_census_surnames())


COMMON_SURNAMES = 5000   # the list's long tail holds words borne by a few hundred people: Books, Alert, Reason


@lru_cache(maxsize=1)
def common_surnames() -> frozenset[str]:
    """The COMMON_SURNAMES commonest surnames of the census list (Smith ... Snow, Winter, Queen)."""
    return frozenset(_census_surnames()[:COMMON_SURNAMES])


_TABLES: dict[str, tuple[frozenset[str], frozenset[str]]] = {}


def use_lemmatizer(nlp: Any) -> None:
    """Read the English words off the pipeline the Tagger loaded (the case's `spacy_model`)."""
    _TABLES["words"] = _tables_of(nlp)


def _lemma_tables() -> tuple[frozenset[str], frozenset[str]]:
    """The English words of the spaCy model's own lemmatizer (its index of nouns, verbs, adjectives
    and adverbs, WordNet's) and its irregular verb forms ("threw", "sought"); empty when the model
    has none. The Tagger's pipeline gives them; without one (a caller that parses on its own), the
    default model's lemmatizer is loaded alone."""
    if "words" not in _TABLES:
        import spacy

        from casefile.settings import Settings

        try:
            nlp = spacy.load(Settings().spacy_model, exclude=["tok2vec", "tagger", "parser", "attribute_ruler", "ner",
                                                               "senter", "morphologizer", "transformer"])
        except OSError:
            nlp = None
        _TABLES["words"] = _tables_of(nlp)
    return _TABLES["words"]


def _tables_of(nlp: Any) -> tuple[frozenset[str], frozenset[str]]:
    try:
        tables = nlp.get_pipe("lemmatizer").lookups
        index, exceptions = tables.get_table("lemma_index"), tables.get_table("lemma_exc")
        verbs = exceptions["verb"] if "verb" in exceptions else {}
    except (AttributeError, KeyError, ValueError):
        return frozenset(), frozenset()
    return (frozenset(w for pos in index.keys() for w in index[pos]),
            frozenset(form for form, lemmas in verbs.items() if form not in lemmas))


def _english_words() -> frozenset[str]:
    return _lemma_tables()[0]


def english_word(low: str) -> bool:
    """A lower-cased word, or the stem its ending leaves, is in the model's lemmatizer index."""
    return any(form in _english_words() for form in _stems(low))


FREQUENT = 4.0   # Zipf frequency (wordfreq): a word met at least ten times in a million English words (not "Wembley", 3.6)


@lru_cache(maxsize=65536)
def zipf(low: str) -> float:
    """How frequent an English word is (wordfreq's Zipf scale: 0 unknown, 6 "said")."""
    from wordfreq import zipf_frequency

    return zipf_frequency(low, "en", wordlist="small")


def name_free_word(low: str) -> bool:
    """A frequent English word (the model's lemmatizer index, and met at least ten times in a million
    words by wordfreq) that no census given name or surname and no name suffix is: "Withdraw",
    "Limit", "Contest"; not "Cicerone" (a rare word, and an Italian surname), "Young" or "Jr"."""
    return len(low) > 2 and low.isalpha() and low not in PARTICLES and low.rstrip('.') not in NAME_SUFFIXES and \
        low not in given_names() and low not in surnames() and english_word(low) and zipf(low) >= FREQUENT


def _stems(low: str) -> list[str]:
    """A word and the forms its plural, past or -ing ending leaves: "affairs", "ejected", "announces"."""
    forms = [low]
    for end, add in (("ies", "y"), ("es", ""), ("s", ""), ("ed", ""), ("ed", "e"), ("ing", ""), ("ing", "e")):
        if low.endswith(end) and len(low) - len(end) >= 3:
            forms.append(low[: len(low) - len(end)] + add)
    return forms


def _inflected_verb(low: str) -> bool:
    """A verb's -s or -ed form (a headline's "Announces", "Sues", "Ejected") by spaCy's lemmatizer
    index (the word itself is no English word there, its stem is), or an irregular past ("Threw")."""
    words = _english_words()
    return low in _lemma_tables()[1] or (low.isalpha() and low not in words and low.endswith(("s", "ed")) and
                                         any(form in words for form in _stems(low)[1:]))


def common_word(word: str) -> bool:
    """An English word (spaCy's lemmatizer index) that is no given name nor one of the commonest
    census surnames: "Calendar", "Outlook", "Announces", "Affairs"; not "James", "Brooks", "Snow"."""
    low = word.strip(_EDGE).lower()
    if not low.isalpha() or low in given_names() or low in common_surnames():
        return False
    return any(form in _english_words() for form in _stems(low))


def ordinary_tail(words: list[str], ordinary: set[str], least: int = 2) -> int:
    """How many words at the end of a name are ordinary words (of the document, or English words by
    `common_word`) and no surname ("James Pagano Implementation", "Jason Garnett Woman" in an
    agenda's table, a headline's "Attorney General Ortiz Announces"): cut off, down to two words; a
    two-word name that still ends in one is no name ("Jeffreys Adoption"). After a title (`least` 1)
    one word is name enough: "Attorney General Ortiz Announces Settlement" names Ortiz."""
    def plain(w: str) -> bool:   # an English word no census surname bears: "Withdraw", "Limit"
        low = w.strip(_EDGE).lower()
        return bool(low) and (low in ordinary or bool(_WORD_SUFFIX.search(low)) or _inflected_verb(low)) \
            and low not in surnames() and low not in given_names() or name_free_word(low)

    def cut(i: int) -> bool:   # "Osama bin Laden": a word after a surname particle is the surname
        return plain(words[i]) and (i == 0 or words[i - 1].lower() not in PARTICLES)

    n = 0
    while len(words) - n > least and cut(len(words) - 1 - n):
        n += 1
    if least == 2 and len(words) - n == 2 and cut(len(words) - 1 - n) and not _surname_shaped(words[:len(words) - n], ordinary):
        return len(words)
    return n


def _surname_shaped(pair: list[str], ordinary: set[str]) -> bool:
    """A given name, then a word only shaped like an English one ("Eve Belfance": "-ance" like "performance"), that no
    dictionary holds and the document never writes in lower case: a surname the census list lacks."""
    first, last = (w.strip(_EDGE).lower() for w in pair)
    return first in given_names() and last.isalpha() and last not in ordinary and not english_word(last) and \
        not _inflected_verb(last) and not name_free_word(last)


def _agent_noun(low: str) -> bool:
    """A word for what someone does that is also a surname ("Farmer Chad Smith", "Porter", "Baker"): an
    English word ending like an agent noun; before a given name and a surname it is the role."""
    return low.endswith(("er", "or", "ist")) and low in _english_words()


def ordinary_head(words: list[str], ordinary: set[str]) -> int:
    """How many words at the start of a name are a word of the language before it (a role the title
    list lacks, a common noun: "Liaison Kenneth Toyos", "Keeper Marisol Vega"): English words or
    ordinary words of the document, no given name nor census surname, each cut off only when a given
    name and one word more follow it."""
    def plain(w: str) -> bool:   # no surname either: "Han Dong-hoon" writes the surname first
        low = w.strip(_EDGE).lower()
        return low.isalpha() and len(low) > 1 and low not in given_names() and (low not in surnames() or _agent_noun(low)) and \
            low not in PARTICLES and (low in ordinary or any(form in _english_words() for form in _stems(low)))

    n = 0
    while len(words) - n >= 3 and plain(words[n]):
        n += 1
    while n and words[n].strip(_EDGE).lower() not in given_names():
        n -= 1   # cut only down to a given name
    return n


def trim(words: list[str]) -> tuple[int, int]:
    """The [start, end) range of `words` left after edge quotes and punctuation are taken off."""
    start, end = 0, len(words)
    while start < end and not words[start].strip(_EDGE):
        start += 1
    while end > start and not words[end - 1].strip(_EDGE):
        end -= 1
    return start, end


@dataclass(frozen=True)
class Around:
    """What a name's document says around it."""

    before: list[str]                 # the few words before the span, as written
    after: list[str]                  # up to six words after it ("Center", "'s", "Services")
    ordinary: set[str] = field(default_factory=set)   # every lower-case word of the document
    org_heads: set[str] = field(default_factory=set)  # "Raymond James" of "Raymond James Financial Services"
    titled: bool = False              # a title stands before the name ("the Rev. John Smith")
    line_end: bool = False            # the name ends its line (an address block's "The Honorable X" / "Inspector General")


def org_heads(orgs: list[list[str]]) -> set[str]:
    """The leading words of the document's organisation names that go on into an organisation word:
    "Raymond James" of "Raymond James Financial Services, Inc." (a firm's short name is no person)."""
    heads = set()
    for words in orgs:
        for k in range(2, len(words)):
            if any(w.strip(_EDGE).lower() in ORG_WORDS for w in words[k:]):
                heads.add(" ".join(words[:k]))
    return heads


@lru_cache(maxsize=1)
def place_names() -> frozenset[str]:
    """Countries (ISO 3166-1: name, official and common names) and the states, provinces and
    territories of the US, Canada and Australia (ISO 3166-2), lower-cased."""
    import pycountry

    names = {getattr(c, a, None) for c in pycountry.countries for a in ("name", "official_name", "common_name")}
    names |= {s.name for cc in ("US", "CA", "AU") for s in pycountry.subdivisions.get(country_code=cc)}
    return frozenset(n.lower() for n in names if n)


_EPONYM_NOUNS = {"disease", "syndrome", "law", "principle", "rule", "theorem", "sign", "palsy", "razor", "paradox"}
# money and programmes named after a person, the noun right after the name ("Stewart B. McKinney funds for the homeless",
# "the Ryan White program")
_NAMED_MONEY = {"funds", "fund", "program", "programs", "programme", "scholarship", "scholarships", "grant", "grants",
                "fellowship", "fellowships"}
_BEFORE_NAMED_MONEY = {"the", "for", "from", "of", "a", "an", "by", "with", "under", "to", "its", "their"}   # not a title


def _state_then_number(words: list[str]) -> bool:
    """A US state written out, then a number: the state and ZIP code of a postal address
    ("Maryland 20910", "New York 10007")."""
    for k in (1, 2, 3):
        if len(words) > k and " ".join(words[:k]).lower() in us_states() and re.fullmatch(r"\d{2,5}(?:-\d{4})?", words[k]):
            return True
    return False


@lru_cache(maxsize=1)
def us_states() -> frozenset[str]:
    """The states and territories of the US (ISO 3166-2), lower-cased."""
    import pycountry

    return frozenset(s.name.lower() for s in pycountry.subdivisions.get(country_code="US"))


def _listed_by_hyphens(words: list[str]) -> bool:
    """Two or more words that each join two capitalised halves, one a given name: names listed with
    hyphens for commas ("Alyssa Williams-James Pagano-Rich Stempinski")."""
    joined = [w.strip(_EDGE).split("-") for w in words if "-" in w.strip(_EDGE)]
    joined = [parts for parts in joined if len(parts) == 2 and all(p[:1].isupper() for p in parts)]
    return len(joined) >= 2 and any(parts[1].lower() in given_names() for parts in joined)


# The states that are given names too: the 1990 Census first names borne by at least 0.05 % of women
# ("Virginia Clarke", "Georgia Smith"), and Indiana ("Indiana Jones"); "Florida", "Nevada", "Maryland" are far
# rarer, and "California" is in the nicknames package's list only
_STATE_GIVEN_NAMES = frozenset({"virginia", "georgia", "indiana"})
_ACRONYM = re.compile(r"[A-Z]{2,4}")
# degrees and honours written after a name ("Jane Roe MD", "John Doe PhD"): the person's, no organisation's
_DEGREES = {"md", "do", "rn", "np", "pa", "dds", "dmd", "cpa", "esq", "mba", "mph", "msw", "lcsw", "obe", "mbe", "cbe", "kc", "qc"}


def refuse(text: str, around: Around) -> str | None:
    """Why `text` (a name as written, titles already off) is not a person's name, or None when it
    may be one."""
    following, lowercase_words = around.after, around.ordinary
    words = text.split()
    if not words:
        return "empty"
    if re.search(r"['’]s\s", text):
        return "a possessive inside the name (\"Walker’s Greensboro-area\")"
    if any(part.islower() and len(part) > 2 and english_word(part) for w in words for part in w.strip(_EDGE).split("-")[1:]):
        return "a hyphen's lower-case half is an English word (\"Greensboro-area\", \"Ohio-based\")"
    if _listed_by_hyphens(words):
        return "names listed with hyphens between them"
    if len(words) >= 2 and " ".join(w.strip(_EDGE) for w in words).lower() in place_names():
        return "a country, state or province"
    head, second = (w.strip(_EDGE).lower() for w in (words + [""])[:2])
    if len(words) >= 2 and head in place_names() and name_free_word(second):
        return "a state or country, then an English word (\"California Building Laws\")"
    if len(words) >= 2 and words[0].strip(_EDGE).isalpha() and name_free_word(head) and head not in place_names():
        return "an English word no census name bears where the given name stands (\"Assistance Grant\" left of \"Justice\")"
    if len(words) >= 3 and any(name_free_word(w.strip(_EDGE).lower()) for w in words[1:-1]):
        return "a word inside the name is an English word no census name bears (\"Art Contest Winners\")"
    if any(w.isalpha() and w.islower() and (len(w) > 1 or not i) and w not in PARTICLES for i, w in enumerate(words)):
        return "a lower-case word that is no surname particle (\"Vlomey ton\", \"a Congressperson\")"
    if "--" in text:
        return "a speaker's break inside it (\"George -- George Mason\")"
    if re.search(r"\w:\s", text):
        return "a field's label inside it (\"Griffis, J. Disposition: Affirmed\", a list's row run on)"
    after_possessive = following[1:2] if following[:1] and following[0] in _POSSESSIVE else \
        following[:1] if text.endswith(_POSSESSIVE) else []
    if after_possessive and after_possessive[0].lower() in _EPONYM_NOUNS:
        return "an eponym (\"Lou Gehrig's disease\")"
    before = [w.lower() for w in around.before[-2:]]
    if len(words) == 1 and len(before) == 2 and before[1] == "of" and before[0] in TITLE_WORDS:
        return "the office a title heads (\"Director of Law\", \"Secretary of State\")"
    if following[:1] and following[0] in _NAMED_MONEY and before[-1:] and before[-1] in _BEFORE_NAMED_MONEY:
        return "money or a programme named after a person (\"Stewart B. McKinney funds\")"
    bare = _NICKNAME.sub(" ", f" {text} ").strip()   # Margaret "Peggy" Whitfield: a nickname in quotes
    if _BAD_CHARS.search(text) or any(q in bare for q in _QUOTES if q not in "'’"):
        return "digits, symbols or quote marks"
    if re.search(r"['’](?!s\b)", bare) and not re.search(r"\b[OD]['’][A-Z]", text):
        return "quote marks"   # an apostrophe is part of a name only in O'Brien, D'Angelo
    folded = [w.strip(_EDGE).lower() for w in words]
    if _address(words, around):
        return "a street after its house number"
    if following[:1] == [","] and len(following) >= 3 and _STATE_ZIP.match(" ".join(following[1:3])):
        return "a city in a postal address (\"Santa Ana, CA 92706\")"
    if following[:1] == [","] and _state_then_number(following[1:5]):
        return "a city in a postal address (\"Silver Spring, Maryland 20910\")"
    if len(words) >= 2 and folded[-1] in _STREET_WORDS and len(folded[-1]) > 2 and \
            folded[-1] not in common_surnames() | given_names():
        return "a street (\"Harold Benning Parkway\")"
    longer = [w for w in words if len(w.strip(_EDGE)) > 2 and w.strip(_EDGE).isalpha()]
    if longer and not any(_VOWEL.search(w) for w in longer):
        return "abbreviations (\"Crt Rptr\": no word with a vowel)"
    if len(words) >= 2 and words[-1].isalpha() and not words[-1].isupper() and common_word(words[-1]) \
            and len(following) >= 2 \
            and following[0][:1].isupper() \
            and following[0].lower() in given_names() and following[1][:1].isupper():
        return "a role before the name that follows (\"Pawsitive Volunteer Coordinator Ada Price\")"
    if [w.lower() for w in following[:2]] == [",", "which"] or following[:1] == ["which"]:
        return "a thing or an organisation: \"which\" follows it, never a person (\"for Con Edison, which maintains\")"
    if _DOING_BUSINESS_AS.search(" ".join(around.before)):
        return "a trade name (after \"dba\", \"d/b/a\", \"doing business as\")"
    numbered = next((w for w in following[:2] if w != "."), "")[:1].isdigit()   # "RMC Sec. 1.08.020"
    if (len(words) >= 2 and folded[-1] in NUMBER_LABELS) or (folded[-1] in _SECTION_LABELS and numbered) or \
            (following[:1] and following[0].lower() in NUMBER_LABELS and following[1:2] and following[1][:1].isdigit()):
        return "a label before its number (\"Check Nos. 221568\", \"Resolution No. 22-14\")"
    if len(words) >= 2 and (words[0].endswith("-") or re.fullmatch(r"[A-Z]", words[-1])):
        return "a word cut at a line's hyphen or a lone letter for a surname (\"Review- G\" of \"Review-G, F, C Funds\")"
    if any(_GLUED.search(w.strip(_EDGE)) for w in words):
        return "words glued together (\"newsLTC Cash Voucher SchemeSGX\", a page's menu)"
    if len(words) >= 2 and all(f in _MONTH_NAMES for f in folded):
        return "month names (a menu's \"April\" / \"May\")"
    if len(words) >= 2 and folded[-1] in _WEEKDAY_NAMES:
        return "a day's name ends it (a page's \"Alexa Black Friday\" deals)"
    if len(words) >= 2 and folded[-1] in _MONTHS_NO_SURNAME:
        return "a month ends it (\"… to Senator Lindsey Graham Sept. 18\": the name, then a day)"
    if len(words) >= 2 and folded[-1] in _HEADLINE_PEOPLE and (following[:1] and following[0][:1].isupper() or
                                                              re.search(r"\d-year-old$", " ".join(around.before[-1:]), re.I)):
        return "a headline's noun (\"30-year-old Fontana Man Charged …\")"
    if folded[-1] in _NAME_PARTS and [w.lower() for w in following[:1]] == ["name"]:
        return "a form's label (\"Your full name Ada First name\")"
    if [w.lower() for w in around.before[-1:]] == ["the"] and [w.lower() for w in following[:1]] == ["case"]:
        return "a case named by a party (\"the Baker Botts case\")"
    if [w.lower() for w in around.before[-1:]] == ["the"] and len(words) >= 2 and not around.titled and \
            folded[0] not in ("late", "young", "elder") and not (following[:1] and following[0].islower()):
        return "\"the\" before it: a team, a firm, a thing (\"from the Cleveland Browns\"), never a person"
        # ("the Taylor Swift concert" names her: a lower-case noun follows)
    if [w.lower() for w in around.before[-2:]] == ["in", "re"] or _REPORTER_AFTER.match(" ".join(following[:3])):
        return "a case name (\"In re Unanue Casal\", \"Fideicomiso De La Tierra, 582 F.3d at 133\")"
    party = _CASE_PARTY.match(" ".join(following[:2])) or _CASE_PARTY.match(" ".join(around.before[-1:]) + " ")
    if _CASE_NAME.search(f" {text} ") or (party and words[0].lower() not in given_names()):
        return "a case name"   # "Zepeda Rivas v. Jennings"; but "Jessica Parker v. C. R. Bard" names a person
    if len(words) >= 2 and any(w.islower() or w[:1].isupper() and not w.isupper() for w in words) and any(
            _ACRONYM.fullmatch(w) and w.lower() not in _DEGREES | NAME_SUFFIXES and (i or len(w) >= 3)
            for i, w in enumerate(words)):
        return "an acronym inside a name in mixed case: an organisation or a product (\"BBC Sport\", \"Santander UK\")"
    if words[0] in VESSEL_PREFIXES and len(words) >= 2:
        return "a ship (\"USS Higgins\", \"HMS Victory\")"
    if folded[0] in ("merry", "happy", "blessed") and " ".join(folded[1:]) in HOLIDAYS:
        return "a greeting (\"Merry Christmas\", \"Happy New Year\")"
    if following[:1] == [","] and folded[0] not in given_names() and any(
            " ".join(following[1:1 + n]).strip(".,;:").lower() in us_states() | place_names() for n in (1, 2, 3)):
        return "a place before its state or country (\"Great Falls, Montana\", \"Rock Hill, South Carolina\")"
    if any(w in FURNITURE for w in folded) and not (
            len(folded) >= 2 and folded[0] in given_names() and folded[-1] in surnames()
            and not any(w in FURNITURE for w in folded[:-1])):
        return "page furniture"   # ("Gary Page", "Giovanna Read": a given name, then a surname that is also such a word)
    if text.endswith(("...", "…")) or _cut_short(following):
        return "page furniture (a headline cut short: \"Netflix Streams Kid-Friendly New Ye...\")"
    if len(words) >= 2 and folded[-1] in CITATION_WORDS and (words[-1].endswith(".") or following[:1] == ["."]):
        return "a legal citation (\"Fed. R. Civ. P.\", \"52 L. Ed. 714\", \"Appellant's Br.\")"
    if len(words) >= 2 and folded[0] in us_states() and folded[0] not in _STATE_GIVEN_NAMES:
        return "a state's name opens it (\"California State Senate\", \"California Mather\")"   # "Virginia Clarke" stays
    if any(w in LEGAL_LATIN for w in folded):
        return "the law's Latin (\"Amici Curiae\", \"Qui Tam\")"
    if len(words) >= 2 and len(words[0]) >= 3 and words[0].isupper() and not any(w.isupper() for w in words[1:]) and \
            folded[0] not in given_names() and common_word(words[0]):
        return "a word in capitals before a name (a court's \"the Court GRANTS Flores’s motion\")"
    if folded[-1] in DOCUMENT_PARTS or folded[0] in DOCUMENT_PARTS:
        return "a part of a document (\"Appearance Form\", \"I. Background\")"
    last = folded[-1].replace(".", "")   # "L.L.P.", "P.A."
    initialled = folded[0] in given_names() and all(re.fullmatch(r"[A-Z]\.", w) for w in words[1:-1])
    if last in ORG_WORDS - ALSO_SURNAMES or (len(words) >= 3 and last in ORG_WORDS and not initialled):
        return "an organisation, facility or place"   # "Will Rogers Park": a place named for a person
        # ("Michael E. Ward": a given name and an initial before a surname that is also a place word)
    if len(words) >= 2 and folded[-1] in SHOP_WORDS:
        return "a trade name (\"Ruby Salon\", \"Harold Fenwick Books\")"
    if len(words) == 2 and words[0].endswith("s") and common_word(words[0]) and zipf(folded[0]) >= FREQUENT and \
            folded[1] not in surnames():
        return "a headline's verb before a given name (\"Jury Finds Dylann Roof Guilty\")"
    if _runs_into_org(following, words) and not (around.line_end and following[:1] and following[0].lower() in TITLE_WORDS):
        # (a title on the next line opens the person's own line of office, "Inspector General" / "U.S.
        # Department of …", not the rest of a facility's name)
        return "part of an organisation, facility or place name"
    if following[:1] and following[0] in _FACILITY_AFTER and len(words) >= 2:
        return "a facility's name, its kind written in lower case after it (\"taken to Royal Shrewsbury hospital\")"
    if " ".join(words) in around.org_heads:
        return "the short name of an organisation the document names in full"
    if len(words) == 2 and folded[-1] in ORG_WORDS and folded[0] not in given_names():
        return "a place or organisation (no given name, then a place word: \"Peguis Trail\", \"Ferry Point\")"
    if _all_words(words, folded, lowercase_words) and (common_word(folded[-1]) or folded[-1] in lowercase_words):
        return "a heading, a label or a venue: English words, no given name (\"Event Calendar\", \"Tenant Ejected\")"
    if len(words) >= 2:
        first = folded[0].rstrip(".")
        if len(first) > 1 and first not in given_names():
            if first in lowercase_words:
                return "the first word is an ordinary word of the document"
            if first in STOP_WORDS or (first.endswith("ing") and len(first) > 5):
                return "the first word opens a sentence and is no name (\"Besides Lahav\", \"Accepting Tarrant\")"
            if _PLACE_BEFORE.search(" ".join(around.before)) and not (following and following[0] in _POSSESSIVE):
                return "a place (\"in\", \"near\", \"known as\" before a name that opens on no given name)"
    return None


def _all_words(words: list[str], folded: list[str], ordinary: set[str]) -> bool:
    """Two words or more, each an English word (spaCy's lemmatizer index) or an ordinary word of the
    document, none a given name or an initial, the first no surname particle ("Le Pen", "Van Dusen"
    are surnames)."""
    def word(w: str) -> bool:
        return w in ordinary or any(form in _english_words() for form in _stems(w))

    return len(words) >= 2 and folded[0] not in PARTICLES and \
        all(w.isalpha() and (len(w) > 1 or raw.strip(_EDGE).islower()) and w not in given_names() and word(w)
            for raw, w in zip(words, folded))


def _cut_short(following: list[str]) -> bool:
    """The capitalised run a span goes on into ends in an ellipsis: a teaser headline cut short."""
    for w in following:
        if w in ("...", "…"):
            return True
        if not (w[:1].isupper() or w in ("-", "–")):
            return False
    return False


def _address(words: list[str], around: Around) -> bool:
    """"15732 Cadwell St", "23156 Doris Way,", "760 Via Del Monte": a house number right before the
    words (past a street opener such as "Via"), and a street word in them or right after them."""
    before = list(around.before)
    opener = compass = False
    while before and before[-1].strip(_EDGE).lower() in _STREET_OPENERS | _COMPASS:
        opener = opener or before[-1].strip(_EDGE).lower() in _STREET_OPENERS
        compass = compass or before[-1].strip(_EDGE).lower() in _COMPASS
        before.pop()
    if not before or not _HOUSE_NUMBER.match(re.split(r"[-–]", before[-1])[-1]):   # "-14270", "C-1677"
        return False
    parts = [p.strip(_EDGE).lower() for w in words + around.after[:1] for p in re.split(r"[-–]", w)]
    compass = (compass or parts[0] in _COMPASS) and len(re.sub(r"\D", "", before[-1])) >= 3
    return opener or compass or parts[0] in _STREET_OPENERS or any(p in _STREET_WORDS for p in parts)


# a facility's kind in lower case right after its name: "Royal Shrewsbury hospital", "Lincoln Square park"
_FACILITY_AFTER = frozenset({"hospital", "school", "academy", "university", "college", "park", "airport", "station",
                             "library", "stadium", "arena", "bridge", "church", "cathedral", "prison", "jail",
                             "courthouse", "hotel", "mall"})


def _runs_into_org(following: list[str], name: list[str]) -> bool:
    """"Maggie Daley" + "Fieldhouse", "Clackamas Women" + "'s Services": the name goes on into a run
    of capitalised words that ends in an organisation word. After a possessive the word must be
    one that is never a surname ("Christie's State of the State" is a speech, not an office)."""
    words = list(following[:4])
    if len(words) >= 2 and words[0] in (",", "&"):
        rest = [w.lower().rstrip(".") for w in words[1:] if w != "," and w.lower().rstrip(".") != "esq"]
        initials = rest and rest[0] in _LIKE_INITIALS and words[2:3] and words[2][:1].isupper()   # "S.A. Brown"
        if rest and rest[0] in _INCORPORATED_BARE and words[2:3] != ["-"] and not initials:   # "co-founder" is no "Co."
            return True   # "C. R. Bard, Inc.", "Morgan Hale & Co.", "Michael Flynn, Esq., PLLC." (not "Norman Pearlstine, Time Inc.")
    if words[:1] == ["&"] and len(following) >= 3 and following[1][:1].isupper() and \
            any(w.lower().rstrip(".") in _INCORPORATED_BARE for w in following[2:4] if w != ","):
        return True   # a firm named by its partners: "Mullins Duncan Harrell & Russell PLLC", "Hale & Dorr, LLP"
    possessive = bool(words) and words[0] in _POSSESSIVE
    run = []
    for w in words[1:] if possessive else words:
        core = w.strip(_EDGE)
        if run and run[0].isupper() and not core.isupper():
            break   # a run in capitals ends where they do: "POTTER STEWART U.S. COURTHOUSE Tel."
        if INITIALISM.fullmatch(w):
            run.append(w)   # initials inside the run ("U.S."): its full stop ends nothing
            continue
        if not core or not core[0].isupper() or core != w:
            if core and core[0].isupper():
                run.append(core)   # "Fieldhouse," ends the run with its comma
            break
        run.append(core)
    if not run or len(run) >= 2 and run[0].isupper() and \
            not all(w.strip(_EDGE).isupper() for w in name if w.strip(_EDGE).isalpha()):
        return False   # a run in capitals after a name in mixed case is the next column ("Hunt POTTER STEWART …"),
                       # not one word of a firm ("Kilgore LLC")
    rest = words[1:] if possessive else words
    if rest[len(run):len(run) + 1] == [":"]:
        return False   # a label opens the next line ("Steve Freedland" / "Council: Council Member …")
    last = run[-1].lower()
    return last in (ORG_WORDS - ALSO_SURNAMES if possessive else ORG_WORDS)


# Labels of the statistical NER that say "not a person" when they fall on the same words.
NOT_PERSON_LABELS = {"ORG", "GPE", "LOC", "FAC", "NORP", "PRODUCT", "WORK_OF_ART", "EVENT", "LAW"}
PLACE_LABELS = {"GPE", "LOC"}


def entity_key(text: str) -> str:
    """The words an entity and a name are compared by: no leading "the", no possessive, one space."""
    words = text.replace("’", "'").split()
    if words and words[0].lower() == "the":
        words = words[1:]
    key = " ".join(words)
    return key[:-2] if key.endswith("'s") else key


def outvoted(name: str, votes: dict[str, dict[str, int]]) -> str | None:
    """Why the document as a whole says `name` is no person, or None. `votes` counts, for each
    entity_key, the labels the NER gave those same words across the document's pages. The small
    model labels the same words differently from sentence to sentence (a utility an ORG five times,
    a PERSON once): the majority of a document's readings decides, and a third of them is enough
    when the first word is no given name (nor an initial). And a name that opens on a place the
    document names on its own, not a given name, is a place ("Sierra Leone", "California No")."""
    counts = votes.get(entity_key(name), {})
    person = counts.get("PERSON", 0)
    other = sum(n for label, n in counts.items() if label in NOT_PERSON_LABELS)
    first = entity_key(name).split()[0] if name.split() else ""
    given = first.lower() in given_names() or (len(first.rstrip(".")) == 1 and first[:1].isupper())
    if other > person or (not given and other and 2 * other >= person):
        return "the document names these words as an organisation or place too often for a person"
    place = votes.get(first, {})
    if len(name.split()) >= 2 and not given and \
            sum(place.get(label, 0) for label in PLACE_LABELS) > place.get("PERSON", 0):
        return "opens on a place the document names, not a given name"
    return None
