"""Issue keywords of the default taxonomy, their exclusions, and case.toml overrides (no model)."""
from __future__ import annotations

import pytest

from pipeline import issues

TAGGER = issues.IssueTagger(issues.load_taxonomy())


def tags(text: str, tagger: issues.IssueTagger = TAGGER) -> set[str]:
    rows = tagger.tag("e", text, None)
    assert all(r["method"] == "keyword" and r["score"] == 1.0 for r in rows)
    return {r["issue"] for r in rows}


@pytest.mark.parametrize("text, issue", [
    ("Peggy Whitfield resigned last Tuesday as director of the department.", "staff_turnover"),
    ("The board appointed Deputy Director Dan Reyes as interim director.", "staff_turnover"),
    ("Reyes hired 19 caseworkers in the fall.", "staff_turnover"),
    ("Interim Director Daniel Reyes dismissed Mr. Pruitt on April 20, 2018.", "staff_turnover"),
    ("The average caseload rose to 31 children per worker.", "caseloads"),
    ("Secretary Gerald Ames ordered a review of the county department.", "state_oversight"),
    ("Deputy Director Patricia Lund opened the on-site review.", "state_oversight"),
    ("Pruitt pleaded guilty to one count of obstruction of justice.", "legal_action"),
    ("A grand jury indicted the former supervisor.", "legal_action"),
    ("Linda Ortiz filed a whistleblower complaint with the state.", "legal_action"),
    ("Thirty-one investigations were closed without the home visit that state policy requires.", "child_death_abuse"),
    ("The audit found $412,000 in foster care payments that could not be reconciled.", "funding_audits"),
])
def test_default_keywords(text: str, issue: str) -> None:
    assert issue in tags(text)


@pytest.mark.parametrize("text, not_issue", [
    ("Commissioner Ortiz moved to adopt a resolution under which all members of the board would resign.",
     "staff_turnover"),
    ("Chair Brennan said he will step down from the board when his term expires.", "staff_turnover"),
    ("Interim Director Reyes reported that the state would withhold $850,000.", "staff_turnover"),
    ("Vice Chair Hale moved to approve the minutes.", "board_governance"),
])
def test_keywords_that_would_mislead(text: str, not_issue: str) -> None:
    assert not_issue not in tags(text)


def test_case_toml_can_add_an_issue_and_replace_one_with_its_own_exclusions() -> None:
    taxonomy = issues.load_taxonomy({
        "overtime": {"label": "Overtime", "keywords": ["overtime"], "exclude": ["overtime policy"]},
        "staff_turnover": {"label": "Departures", "keywords": ["resign*"]},
    })
    tagger = issues.IssueTagger(taxonomy)
    assert tags("Caseworkers logged 900 hours of overtime.", tagger) == {"overtime"}
    assert tags("The board discussed its overtime policy.", tagger) == set()
    assert "staff_turnover" in tags("All members of the board would resign.", tagger), "the override has no exclude"
    assert next(i for i in taxonomy if i.key == "staff_turnover").label == "Departures"
