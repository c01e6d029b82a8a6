"""A sentence that opens on its date tells the act of that day in its main verb, not in what the act was
done for: "On October 18, 2022, the Board of Supervisors introduced an ordinance and set a hearing for
November 15, 2022, to adopt the codes" is the ordinance introduced on October 18 (the purpose "to adopt"
had been chosen, and its only day was the hearing's, so the act was lost); "A motion was made to approve
…" and "voted to approve" keep what they tell."""
from __future__ import annotations

import pytest

from pipeline.tagger import Tagger   # (the `tagger` fixture: tests/conftest.py)


def _trigger(tagger: Tagger, sentence: str) -> str | None:
    text = f"Staff report\n\n{sentence}\n"
    found = [c for c in tagger.tag([text])[0]["candidates"] if text[c["start"]:c["end"]].startswith(sentence[:20])]
    return found[0]["lemma"] if found else None


@pytest.mark.parametrize("sentence, lemma", [
    ("On October 18, 2022, the Harlow County Board of Supervisors introduced an ordinance and set a public "
     "hearing for November 15, 2022, to adopt the 2022 building codes.", "introduce"),
    ("On May 2, 2021, the district hired an outside firm and paid a retainer on June 9, 2021, to investigate "
     "the complaints.", "hire"),
])
def test_the_main_verb_of_a_dated_opening_is_the_act(tagger: Tagger, sentence: str, lemma: str) -> None:
    assert _trigger(tagger, sentence) == lemma


@pytest.mark.parametrize("sentence, lemma", [
    ("On March 3, 2019, the board voted to approve the contract with Harlan Paving.", "vote"),
])
def test_a_vote_to_approve_keeps_its_vote(tagger: Tagger, sentence: str, lemma: str) -> None:
    assert _trigger(tagger, sentence) == lemma
