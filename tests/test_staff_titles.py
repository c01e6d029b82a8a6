"""Staff as minutes and agency records name them ("Senior Planner Jeanine Cavalli", "Assessor Tamez",
"social worker Ana Ruiz") carry a title: the name after it is the person's, and the title is no part
of the name ("Planner Cavalli" is no person). (A title in lower case, as news writes a job
("social worker Ana Ruiz"), is not read as one: the name stays, the title is lost.)"""
from __future__ import annotations

import pytest

from pipeline.tagger import Tagger   # (the `tagger` fixture: tests/conftest.py)


@pytest.mark.parametrize("text, name", [
    ("Senior Planner Dana Whitcombe presented the agenda report.", "Dana Whitcombe"),
    ("Assessor Farokh Tamez saw some lights at the site.", "Farokh Tamez"),
    ("Administrative Analyst Mirela Osei presented the staff report.", "Mirela Osei"),
    ("County Counsel Ruth Abernathy advised the board in closed session.", "Ruth Abernathy"),
    ("Social Worker Ana Kowalczyk visited the home twice in March.", "Ana Kowalczyk"),
    # the model reads "Caseworker" as a group and leaves the given name between it and the surname out
    ("Caseworker Ana Kowalczyk visited the home twice in March.", "Ana Kowalczyk"),
    ("City Engineer Tomas Reyes reported on the main repair.", "Tomas Reyes"),
])
def test_a_staff_title_is_no_part_of_the_name(tagger: Tagger, text: str, name: str) -> None:
    people = tagger.tag([text])[0]["people"]
    assert [p["name"] for p in people] == [name]
    assert people[0]["title"]



@pytest.mark.parametrize("text, names", [
    # a masthead's two columns glued on one line, the first name's surname two letters long
    ("City of Boston Commissioners:\nMayor Michelle Wu Kathleen M. Joyce, Chairman\nLiam P. Curran\n",
     ["Michelle Wu", "Kathleen M. Joyce", "Liam P. Curran"]),
    ("Members present:\nCouncillor Dana Li Maria T. Okafor, Vice Chair\n", ["Dana Li", "Maria T. Okafor"]),
])
def test_two_names_glued_on_a_line_are_two_people(tagger: Tagger, text: str, names: list) -> None:
    assert [p["name"] for p in tagger.tag([text])[0]["people"]] == names
