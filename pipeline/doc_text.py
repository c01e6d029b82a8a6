"""A spaCy Doc's text, built once per Doc.

`Doc.text` joins every token's text each time it is read (spaCy builds it, it does not store it), so
the rules that slice a page's text around a sentence or a name paid a pass over the whole page per
candidate: a third of analysis time under cProfile (which inflates small calls); `process` of the real
set went from 4m14s to 3m38s when it was built once (bench/RESULTS.md, session 22). The text is
kept in the Doc's `user_data` the first time it is asked for; retokenising and setting entities do not
change a Doc's text, so the copy stays right for the Doc's life.
"""
from __future__ import annotations

from typing import Any

_KEY = "casefile.text"


def text_of(doc: Any) -> str:
    """`doc.text`, computed once per Doc."""
    text = doc.user_data.get(_KEY)
    if text is None:
        text = doc.user_data[_KEY] = doc.text
    return text
