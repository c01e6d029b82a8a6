"""A lettered heading of an opinion or a report ("C. Toshiba’s Termination of the 1999 Agreement",
"B. Whitfield's Resignation") opens on an outline letter, not a person's initial, even when the
headings before and after it are on other pages; a sentence that opens on an initial keeps it."""
from __future__ import annotations

import pytest

from pipeline.tagger import Tagger   # (the `tagger` fixture: tests/conftest.py)


@pytest.mark.parametrize("heading, person", [
    ("C. Halvorsen’s Termination of the 1999 Agreement", "Director Alma Halvorsen"),
    ("B. Whitfield's Resignation", "Director Alma Whitfield"),
    ("D. Okafor's Claims Regarding the Audit Provision", "Deputy Director Ruth Okafor"),
])
def test_a_lettered_heading_gives_no_initial(tagger: Tagger, heading: str, person: str) -> None:
    text = f"{heading}\nOn March 3, 2019, {person} resigned from the department.\n"
    names = [p["name"] for p in tagger.tag([text])[0]["people"]]
    assert not any(n.startswith(heading[:2]) for n in names), names


def test_an_initial_opening_a_sentence_stays(tagger: Tagger) -> None:
    text = "Minutes\n\nC. Everett Koop's report was read into the record by the clerk.\n"
    assert any(p["name"].startswith("C. Everett Koop") for p in tagger.tag([text])[0]["people"])
