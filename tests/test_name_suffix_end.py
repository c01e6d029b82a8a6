"""A suffix ends a name: the Supreme Court's docket lists counsel with their firm ("Donald B. Verrilli Jr.
Munger, Tolles & Olson LLP"), and the model took the firm's first word into the person."""
from __future__ import annotations

import pytest

from pipeline.tagger import Tagger   # (the `tagger` fixture: tests/conftest.py)


@pytest.mark.parametrize("line, name", [
    ("For petitioner: Donald B. Verrilli Jr. Munger, Tolles & Olson LLP, Washington, D.C.", "Donald B. Verrilli Jr."),
    ("For respondent: Ruth E. Okafor Jr. Hanley, Assistant to the Solicitor General.", "Ruth E. Okafor Jr."),
    ("Counsel: Martin R. Halvorsen III Baker, Botts LLP, Houston, Texas.", "Martin R. Halvorsen III"),
])
def test_the_name_ends_at_its_suffix(tagger: Tagger, line: str, name: str) -> None:
    text = line + "\n"
    people = [text[p["start"]:p["end"]] for p in tagger.tag([text])[0]["people"]]
    assert name in people and not any(p.startswith(name) and p != name for p in people), people
    assert len([p for p in people if name.split()[0] in p or p in line.split(name)[1]]) == 1, people


def test_a_suffix_at_the_end_stays(tagger: Tagger) -> None:
    text = "John Mercer Masslon II said the firm would appeal.\n"
    assert [text[p["start"]:p["end"]] for p in tagger.tag([text])[0]["people"]] == ["John Mercer Masslon II"]
