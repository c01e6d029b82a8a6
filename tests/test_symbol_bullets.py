"""A symbol font's bullet that a PDF or a Word export leaves in Unicode's private use area ("\uf0b7 Ed
Childers", "\uf0a7 Led technical assessments") opens a list item: it is shown as a bullet and is never
part of a person's name."""
from __future__ import annotations

import pytest

from pipeline.extract_lines import clean
from pipeline.tagger import Tagger


@pytest.mark.parametrize("glyph", ["\uf0b7", "\uf0a7", "\uf0d8", "\ue000"])
def test_a_private_use_glyph_opening_a_line_is_a_bullet(glyph: str) -> None:
    assert clean(f"{glyph} Ed Childers") == "\u2022 Ed Childers"
    assert clean(f"  {glyph}\tLed technical assessments") == "\u2022 Led technical assessments"


def test_a_private_use_glyph_inside_a_line_is_left_alone() -> None:
    assert clean("x \uf0b7 y") == "x \uf0b7 y"


def test_names_under_such_bullets_are_read_whole(tagger: Tagger) -> None:
    lines = ["The applicants are:", "", "\uf0b7 Ed Childers", "\uf0b7 Mitch Dion", "\uf0b7 Manuel Zamorano"]
    text = "\n".join(clean(line) for line in lines) + "\n"
    names = [p["name"] for p in tagger.tag([text])[0]["people"]]
    assert names == ["Ed Childers", "Mitch Dion", "Manuel Zamorano"], names
