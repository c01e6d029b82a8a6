"""Is a sentence written in another language? A county's page carries its menus and notices in
Spanish or Vietnamese too ("Formulario de Denuncia en Línea de la Fiscalía del Distrito del
Condado de Orange …"): their capitalised words are no people, and the sentence reports no act
casefile can read.

A word is foreign when wordfreq finds it far more often in one of a few other languages than in
English ("de", "la", "nhận"); a sentence is foreign when most of its lower-case words are. Names
("Jose Luis de la Rosa") and a stray "de" in English text leave an English sentence English.
"""
from __future__ import annotations

from functools import lru_cache

# the languages of US, Canadian and Caribbean public pages besides English (wordfreq's small lists)
OTHER = ("es", "fr", "pt", "it", "de", "vi")
MARGIN = 1.5        # Zipf: a word at least ~30 times more frequent in another language than in English
MIN_WORDS = 4       # fewer lower-case words than this tell nothing
SHARE = 0.5         # foreign when more than this share of the lower-case words is


@lru_cache(maxsize=65536)
def foreign_word(low: str) -> bool:
    from wordfreq import zipf_frequency

    english = zipf_frequency(low, "en", wordlist="small")
    return max(zipf_frequency(low, lang, wordlist="small") for lang in OTHER) - english >= MARGIN


def foreign_words(words: list[str]) -> bool:
    """`words` (a sentence's) are mostly another language's: judged on the lower-case ones."""
    lower = [w for w in words if (w.isalpha() and w.islower() and len(w) > 1) or w in ("y", "e", "à", "ở")]
    if len(lower) < MIN_WORDS:
        return False
    return sum(foreign_word(w) for w in lower) > SHARE * len(lower)


def foreign_sentence(sent) -> bool:   # a spaCy Span
    return foreign_words([t.text for t in sent])
