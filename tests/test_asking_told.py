"""What a speaker asks, suggests or urges at a meeting ("She asked if the pier is a lawful use", "He implored
the Council to keep the dock open", "She suggested the Village post a sign") is not done: no candidate, though
the learned filter had kept a hearing's public comments one by one (probe batch 3's Rivergrove minutes). A
question's or a suggestion's clause told as done ("She clarified that the Council closed the dock") and the
hearing's own acts stay candidates."""
from __future__ import annotations

import pytest

from pipeline.tagger import Tagger   # (the `tagger` fixture: tests/conftest.py)
from tests.conftest import candidate_texts

HEADER = "Harlow Village Council Meeting Minutes\nMarch 9, 2021\n\n"


def _candidates(tagger: Tagger, body: str) -> list[str]:
    text = HEADER + body + "\n"
    return candidate_texts(tagger, text)


@pytest.mark.parametrize("asked", [
    "She asked if the pier is a lawful use in a residential zone.",
    "Mayor Price asked Mr. Dunleavy if the Village should install restrooms at the park.",
    "He also asked whether the Council was considering changes to the trail.",
    "Ms. Okafor suggested the Village post a sign that says “Quiet Zone.”",
    "He first suggested that the Council obtain legal advice before a decision.",
    "He implored the Council to keep the dock open.",
    "Mr. Lahr claimed that the neighbors are misinformed about the request.",
    "She wondered how the Village would enforce the hours.",
    "He urged the Council to study the parking first.",
])
def test_what_a_speaker_asks_or_urges_is_no_candidate(tagger: Tagger, asked: str) -> None:
    body = (f"Mayor Price opened the public hearing.\n\nRita Okafor, 12 Elm Street, Harlow\n{asked} "
            "She submitted a letter and photographs into the record.\n\n"
            "Councilor Reyes moved to continue the hearing to April 6, 2021.")
    found = _candidates(tagger, body)
    assert not any(asked[:25] in c for c in found), found
    assert any("submitted a letter" in c for c in found), found
    assert any("moved to continue" in c for c in found), found


@pytest.mark.parametrize("act", [
    "She clarified that the Council closed the dock on March 2, 2021.",
    "Ms. Okafor asked for a recess on March 9, 2021.",
])
def test_a_clause_told_as_done_or_dated_stays_a_candidate(tagger: Tagger, act: str) -> None:
    found = _candidates(tagger, act)
    assert any(act[:25] in c for c in found), found
