"""A view, a wish, a feeling or a habit told in minutes ("She believes the ramp should not be used as a fishing
hole", "He doesn't want the ramp closed", "She supports a middle-road rule", "He works downtown") is no act
(eval/real/ANNOTATING.md: opinions are not acts), though the learned filter had kept a hearing's
public comments one by one; a view of something done ("Investigators believe that … drove …") and a
councillor's "I'd like to move …" stay candidates, as do the hearing's own acts."""
from __future__ import annotations

import pytest

from pipeline.tagger import Tagger   # (the `tagger` fixture: tests/conftest.py)

HEADER = "Harlow Village Council Meeting Minutes\nMarch 9, 2021\n\n"


def _candidates(tagger: Tagger, body: str) -> list[str]:
    text = HEADER + body + "\n"
    return [text[c["start"]:c["end"]] for c in tagger.tag([text])[0]["candidates"]]


@pytest.mark.parametrize("view", [
    "Ms. Okafor believes the dock should be closed at dusk.",
    "She believes that the trail is not equipped to handle the crowds.",
    "He doesn’t want the pier to be restricted like the one in Cold Spring.",
    "Mr. Dunleavy thinks the complaints are hearsay.",
    "She supports some type of compromise that would satisfy the neighbors.",
    "He also understands that the neighbors are frustrated.",
    "However, she opposes the people who are partying late at night.",
    "They do want to reopen the stables when the season ends.",
    "He works downtown and would like to get on the river before work.",
    "She paddleboards and kayaks from the pier every weekend.",
    "He picks up the trash he finds on the river.",
])
def test_a_view_told_at_a_hearing_is_no_candidate(tagger: Tagger, view: str) -> None:
    body = (f"Mayor Price opened the public hearing.\n\nRita Okafor, 12 Elm Street, Harlow\n{view} "
            "She submitted a letter and photographs into the record.\n\n"
            "Councilor Reyes moved to continue the hearing to April 6, 2021.")
    found = _candidates(tagger, body)
    assert not any(view[:25] in c for c in found), found
    assert any("submitted a letter" in c for c in found), found
    assert any("moved to continue" in c for c in found), found


@pytest.mark.parametrize("act", [
    "Investigators believe that Mr. Halvorsen drove the truck into the river.",
    "Councillor Lamb: I’d like to move adoption of the consent agenda.",
])
def test_a_view_of_an_act_done_and_a_motion_stay_candidates(tagger: Tagger, act: str) -> None:
    found = _candidates(tagger, act)
    assert any(act[:25] in c for c in found), found
