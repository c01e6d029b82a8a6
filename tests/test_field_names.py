"""A form's field that names people ("Applicant: Sina Khajavi / SK Architects, …", "Owner: Vivek Tandon
& Suresh Tandon") names each person before the firm or the address, whatever the model read: a planning
agenda's applicants and owners are who an investigator looks for."""
from __future__ import annotations

import pytest

ITEM = ("7. NC-1707-21 AND G-1654-21; Neighborhood Compatibility and Grading at 2108 Via Alameda\n"
        "Continued from the October 18, 2022 Planning Commission meeting\n\n{line}\n\n"
        "Recommendation: Approve the application subject to conditions.")


@pytest.mark.parametrize("line, names", [
    ("Applicant: Sina Khajavi / SK Architects, 4040 Palos Verdes Drive North,\nRolling Hills Estates, CA 90274",
     ["Sina Khajavi"]),
    ("Owner: Vivek Tandon & Suresh Tandon", ["Vivek Tandon", "Suresh Tandon"]),
    ("Applicant: Miles Pritzkat / Pritzkat & Johnson Architects, Inc., 306 Vista Del\nMar, Suite A, Redondo Beach, CA 90277",
     ["Miles Pritzkat"]),
    ("Property Owners: Odile Varenne and Teodor Marchetti", ["Odile Varenne", "Teodor Marchetti"]),
])
def test_a_forms_field_names_its_people(people, line: str, names: list[str]) -> None:
    found = people(ITEM.format(line=line))
    assert all(n in found for n in names), found


@pytest.mark.parametrize("line", ["Owner: Palos Verdes Homes LLC", "Applicant: Verizon Wireless",
                                  "Applicant: Sunrise Consulting Group, Inc.", "Owner: City of Rosemead"])
def test_a_firm_or_an_office_in_the_field_is_no_person(people, line: str) -> None:
    assert people(ITEM.format(line=line)) == []
