"""An iQM2 (Granicus) minutes' vote record ("RESULT: APPROVED [UNANIMOUS]" / "MOTION BY: …" / "AYES: …") adds
no act of its own under a procedural item ("2. APPROVAL OF THE AGENDA") or under the motion sentence that
tells the act; under an item told only by its description it stays the meeting's verdict."""
from __future__ import annotations

import re

from pipeline.verdicts import result_told

MINUTES = """1. CALL TO ORDER
2. APPROVAL OF THE AGENDA
RESULT: APPROVED [UNANIMOUS]
MOTION BY: Okafor
SECOND: Reyes
AYES: Okafor, Reyes, Lindqvist
3. CONSENT CALENDAR
Award the contract for the Dean Street shelter repairs to Halvorsen Builders.
RESULT: ADOPTED [UNANIMOUS]
MOTION BY: Reyes
SECOND: Okafor
4. DIRECTOR'S CONTRACT
Commissioner Lindqvist made a motion, seconded by Commissioner Reyes, to suspend the director, and the motion failed:
RESULT: FAILED [2-3]
MOTION BY: Lindqvist
Commissioner Reyes made a motion, seconded by Commissioner Okafor, to continue the item. Motion approved.
RESULT: APPROVED [UNANIMOUS]
5. APPROVAL OF MINUTES
RESULT: APPROVED [4-0-1]
"""


def test_only_the_item_told_by_its_description_keeps_its_result_line() -> None:
    told = [result_told(MINUTES, m.start()) for m in re.finditer(r"(?m)^RESULT:", MINUTES)]
    assert told == [True, False, True, True, True]


def test_other_lines_are_no_result_lines() -> None:
    at = MINUTES.index("Award the contract")
    assert result_told(MINUTES, at) is False
