"""A contraction or a possessive written with a curly apostrophe ("It’s simple, folks", "don’t", "the
Agency’s") is read as the straight one, which the small model was trained on: it read "’s" as a verb of
lemma "’" and put speech such as "It’s simple, folks, …" on the timeline as an act. The text shown and
every offset stay the page's own (extract.nlp_text keeps its length)."""
from __future__ import annotations

from pipeline import extract
from pipeline.tagger import Tagger   # (the `tagger` fixture: tests/conftest.py)

TEXT = ("Weekly Address\n\nIt’s simple folks, two years of community college should become as free and as universal "
        "as high school is today if we’re to make this economic resurgence permanent.\n\nThe Vice President’s plan was announced on April 11, 2015, and O’Keefe didn’t object.\n")


def test_a_curly_clitic_is_read_straight_and_the_text_keeps_its_length() -> None:
    read = extract.nlp_text(extract.Page(page=1, text=TEXT, method="html"))
    assert len(read) == len(TEXT)
    assert "It's simple" in read and "President's plan" in read and "didn't" in read and "O’Keefe" in read


def test_speech_with_a_curly_contraction_is_no_candidate(tagger: Tagger) -> None:
    read = extract.nlp_text(extract.Page(page=1, text=TEXT, method="html"))
    found = [TEXT[c["start"]:c["end"]] for c in tagger.tag([read])[0]["candidates"]]
    assert not any(c.startswith("It’s simple") for c in found), found
    assert any(c.startswith("The Vice President’s plan") for c in found), found
