"""A footnote's number after a sentence's full stop, set off from the next sentence by a space (a PDF's
superscript: "… Disabilities Act.2 The Department …", "… created OHRP in 2000.2 The function …"), ends
the sentence for the parser (pipeline/extract.nlp_text blanks it; the page text keeps it). Decimals and
numbered parts ("Sec.2", "Version 3.2") stay as written."""
from __future__ import annotations

import pytest

from casefile.settings import Settings
from pipeline.extract import Page, nlp_text
from pipeline.tagger import Tagger


@pytest.fixture(scope="module")
def sentences():
    tagger = Tagger(Settings().spacy_model)

    def read(text: str) -> list[str]:
        blanked = nlp_text(Page(page=1, text=text, method="text"))
        assert len(blanked) == len(text)
        return [" ".join(text[s.start_char:s.end_char].split()) for s in tagger.nlp(blanked).sents if s.text.strip()]
    return read


@pytest.mark.parametrize("before, note, after", [
    ("The agency transferred this duty to the new review office in 2003.", "4", "The office was moved later."),
    ("The inspectors closed the Riverside clinic under the Public Health Act.", "12", "Its owner appealed."),
    ("The county settled the lawsuit with the families in March 2016.", "7", "The settlement was sealed."),
    ("Investigators found that the director had approved the payments.", "3", "\nThose payments totaled $2 million."),
    # after a disposition in capitals, the next line right after it (extract.v18)
    ("Having reviewed the record, the judgment of the district court is AFFIRMED.", "13", "\nEntered by the Court: Jane Roe, Circuit Judge."),
    ("The board's vote stands.", "2", "\nThe appeal was then dismissed."),
])
def test_a_footnote_number_after_a_full_stop_ends_the_sentence(sentences, before, note, after):
    got = sentences(f"Background. {before}{note} {after}")
    assert f"{before}{note}" in got, got
    assert " ".join(after.split()) in got, got


@pytest.mark.parametrize("text", [
    "The rate rose to 3.2 Percent of payroll.", "See Sec.2 Definitions for the terms used.",
    "The system was upgraded to Version 3.2 The vendor said.", "The agency cited Vol.12 Federal Register notices.",
    "The limit was set in ITEM 4.12\nThe rule applies."])
def test_decimals_and_numbered_parts_are_left_alone(text):
    assert nlp_text(Page(page=1, text=text, method="text")) == text


@pytest.mark.parametrize("text", ["AFFIRMED.13\nEntered by the Court:", "the case was closed.7\nThe clerk then wrote."])
def test_a_footnote_number_right_before_the_next_line_is_blanked(text):
    """extract.v18: with no space between the number and the line's end ("AFFIRMED.13" / "Entered by the Court:",
    as pdfplumber writes a 10th Circuit order's last page) the parser read one sentence."""
    at = text.index(".") + 1
    blanked = nlp_text(Page(page=1, text=text, method="text"))
    assert blanked[:at] == text[:at] and blanked[at:text.index("\n")].strip() == "" and blanked[text.index("\n"):] == text[text.index("\n"):]
