"""A surname that opens on a particle ("St. Pierre", "de Blasio") is one surname: the bare surname
links to the full name, whichever apostrophe its possessive takes."""
from __future__ import annotations

import pytest

from pipeline import nlp
from pipeline.names import parse_name
from pipeline.people import link_in_document


@pytest.mark.parametrize("text, last, title", [("St. Pierre", "St. Pierre", ""), ("St. Pierre’s", "St. Pierre", ""),
                                               ("Ms. Ste. Marie", "Ste. Marie", "Ms."), ("Corinne St. Clair", "St. Clair", "")])
def test_saint_before_a_surname_is_part_of_it(text: str, last: str, title: str) -> None:
    name = parse_name(text)
    assert (name.last, name.title) == (last, title)


def test_the_bare_particle_surname_takes_the_full_name() -> None:
    text = ("Corinne St. Clair joined the district in 2014.\n\n"
            "On May 2, 2019, St. Clair’s husband died. The court dismissed St. Clair's claims.")
    analyses = [{"people": [{"start": 0, "end": 17, "text": "Corinne St. Clair", "name": "Corinne St. Clair",
                             "title": None, "role": None, "label": "PERSON"}], "entities": []}]
    nlp.add_known_names([text], analyses)
    found = [m["text"] for m in analyses[0]["people"]]
    assert found == ["Corinne St. Clair", "St. Clair", "St. Clair"], found
    mentions = [{**m, "mention_id": str(i), "doc_id": "d"} for i, m in enumerate(analyses[0]["people"])]
    assert set(link_in_document(mentions).values()) == {"Corinne St. Clair"}
