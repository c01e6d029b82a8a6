"""An agenda's section of what the body passed at its last meeting ("ORDINANCES & RESOLUTIONS PASSED AT PREVIOUS
MEETING" / "RES 252-2019 expressing support of … VOTE 13-0") tells acts done at that meeting, dated by the day the
agenda states for it ("Regular Meeting held on September 9, 2019."); the rest of the agenda stays plans
(pipeline/earlier_meeting.py). Generated agendas of the shape of a real city council's; the real tagger and events."""
from __future__ import annotations

from datetime import date

import pytest

from tests.meeting_rows import meeting_rows, tagger  # noqa: F401 (the shared fixture)

AGENDA_DAY = date(2021, 3, 15)
ITEMS = ["RES 41-2021 supporting the county's application to the state library grant program; and declaring "
         "an emergency. VOTE 11-0",
         "ORD 42-2021 authorizing the Director of Public Service to enter into contracts for the repaving of Elm Street; "
         "and declaring an emergency. VOTE 10-1"]


def agenda(held: str = "Regular Meeting held on March 8, 2021. All members were present.") -> str:
    items = "\n\n".join(f"{n}\n\n{item}" for n, item in enumerate(ITEMS, 1))
    return (f"Council Agenda For March 15, 2021\n\n{held}\n\nCONSENT AGENDA\n\n1\n\nORDINANCE authorizing the sale of "
            "surplus vehicles; and declaring an emergency.\n\nPLANNING (J. Ortiz, Chairman)\n\nNO ITEMS\n\n"
            f"ORDINANCES & RESOLUTIONS PASSED AT PREVIOUS MEETING\n\n{items}\n\nVOTE 9-0 (Lindqvist abstained)\n\n"
            "NEW LEGISLATION\n\n1\n\nORDINANCE amending the zoning map for 418 Crestwood Avenue; and declaring an "
            "emergency.")


def done(rows: list[dict]) -> list[dict]:
    return [r for r in rows if r["modality"] == "done"]


def test_items_passed_at_the_previous_meeting_are_its_acts(tagger):
    rows = done(meeting_rows(tagger, [agenda()], AGENDA_DAY, kind="agenda"))
    passed = [r for r in rows if r["text"].startswith(("RES 41", "ORD 42"))]
    assert len(passed) == 2 and {r["date_start"] for r in passed} == {date(2021, 3, 8)}, rows
    assert all(r["date_source"] == "anaphoric" and r["_rule"] for r in passed), passed
    # the vote alone, the consent agenda's and the new legislation's items are no acts done
    assert not [r for r in rows if r["text"].startswith(("VOTE", "ORDINANCE"))], rows


@pytest.mark.parametrize("held", ["All members were present.", "Regular Meeting held on November 2, 2020.",
                                  "Regular Meeting held on March 22, 2021."])
def test_without_the_earlier_meetings_day_no_day_is_lent(tagger, held):
    """No stated day of an earlier meeting (or one too long before, or after the agenda's own): no entry."""
    rows = done(meeting_rows(tagger, [agenda(held)], AGENDA_DAY, kind="agenda"))
    assert not [r for r in rows if r["text"].startswith(("RES 41", "ORD 42"))], rows
