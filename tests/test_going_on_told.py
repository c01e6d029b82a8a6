"""What is going on, or what can or may be done, told in minutes with no trigger word and no date ("The
development is taking longer than anticipated", "They are trying to put a trailer on the site", "The
applicant cannot get a permit without the trees being planted", "The public may address the Board") is no
act, though the learned filter had kept some of them as the meeting's acts; a decree told with "shall",
"must" or "will" ("The parties shall bear their own costs"), a speaker's own "I would like to move …", a
progressive told of the past and the same words with a date of their own stay candidates."""
from __future__ import annotations

import pytest

from pipeline.tagger import Tagger   # (the `tagger` fixture: tests/conftest.py)
from tests.conftest import candidate_texts

HEADER = "Marlow Township Board of Trustees\nRegular Meeting Minutes\nOctober 9, 2024\n\n"


def _candidates(tagger: Tagger, body: str) -> list[str]:
    return candidate_texts(tagger, HEADER + body + "\n")


@pytest.mark.parametrize("said", [
    "The development is taking longer than anticipated.",
    "They are trying to put a camper on the lot.",
    "The contractors are still working through the punch list.",
    "Mr. Okafor cannot get a building permit without the trees being planted.",
    "Supervisor Liccar they can't do it.",
    "The owners could appeal to the county instead.",
    "The public may address the Board on any item on the agenda.",
    "Residents should contact the clerk's office for a burn permit.",
])
def test_what_is_going_on_or_may_be_done_is_no_candidate(tagger: Tagger, said: str) -> None:
    body = (f"Road Report – Trustee Elton reported on the gravel roads. {said} "
            "Trustee Piacentini moved to approve the bills, seconded by Trustee Elton. Motion carried 4-0.")
    found = _candidates(tagger, body)
    assert not any(said[:25] in c for c in found), found
    assert any("moved to approve the bills" in c for c in found), found


@pytest.mark.parametrize("act", [
    "The parties shall bear their own costs.",
    "The appeal will be sustained and the record will be remanded.",
    "Defendant Leon must preserve all relevant evidence.",
    "Councillor Lamb: I would like to move adoption of the consent agenda.",
    "The contractors were still working through the punch list in August.",
    "The county is paving Exchange Street on October 14, 2024.",
])
def test_a_decree_a_motion_a_past_or_dated_act_stay_candidates(tagger: Tagger, act: str) -> None:
    found = _candidates(tagger, act)
    assert any(act[:25] in c for c in found), found
