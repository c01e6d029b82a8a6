"""People a letter or a report names in shapes the model misses: the addressee in capitals after "THE
HONORABLE", the salutation's "Dear Faraj Alhadi Ghabag:", a name a clause on "who" follows even when the
model reads it as a firm; and a town before its state is no one ("Great Falls, Montana")."""
from __future__ import annotations

import pytest


@pytest.mark.parametrize("text, name", [
    ("June 9, 2009\n\nTHE HONORABLE DANIEL R. LEVINSON\nINSPECTOR GENERAL\nU.S. DEPARTMENT OF HEALTH AND HUMAN "
     "SERVICES\n\nSUBJECT: Final Report on the Peer Review", "DANIEL R. LEVINSON"),
    ("August 25, 2016\n\nFaraj Alhadi Ghabag, M.D.\n7 Hickory Lane\nRock Hill, CT 06067\n\nDear Faraj Alhadi Ghabag:\n\n"
     "On March 31, 2016, you were notified of your exclusion.", "Faraj Alhadi Ghabag"),
    ("August 18, 2014\n\nThe Honorable Charles E. Grassley\nRanking Member\nCommittee on Finance\nU.S. Senate\n"
     "219 Dirksen Senate Office Building\nWashington, DC 20510\n\nDear Senator Grassley:", "Charles E. Grassley"),
    ("An example of a criminal enterprise case involves Alain Amador who was sentenced to 52\nmonths of incarceration. "
     "Amador and his co-conspirators set up a series of fake clinics.", "Alain Amador"),
])
def test_a_letters_people_are_read(people, text: str, name: str) -> None:
    assert name in people(text), people(text)


@pytest.mark.parametrize("text", [
    "This waiver affects items you prescribe at Benefis Hospital, Great Falls, Montana for as long as it lasts.",
    "Dear Colleagues,\n\nThe board met on Monday.",
    "Dear Board Members:\n\nThe board met on Monday.",
])
def test_places_and_greetings_are_no_one(people, text: str) -> None:
    assert people(text) == []
