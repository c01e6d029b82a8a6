"""Numbers the small model glues to the words around them (real records of eval/real did both):
- a by-law's or a resolution's number before the motion's words in lower case ("I move that By-law No.
  94/2013 be read a first time"): the parser cut the sentence after the number, so the motion kept half
  its words (tagger._caps_inside);
- a year after "In" with a name straight after it ("In 2011 Kilgore LLC borrowed $550,000 from HFB."): the
  model read "2011 Kilgore LLC" as one product's name, so the act had no date (events._GLUED_YEAR)."""
from __future__ import annotations

from datetime import date as D

import pytest

from pipeline import events
from pipeline.tagger import Tagger
from tests.test_events_sentences import timeline_rows

MOTIONS = [   # the first two the parser cut after the number before the rule
    "Councillor Havixbeck: I move that By-law No. 89/2013 be read a first time.",
    "Councillor Havixbeck: I move that By-law No. 91/2013 be read a first time.",
    "Councillor Okafor: I move that By-law No. 57/2014 be read a first time.",
    "Councillor Lindqvist: I move that By-law No. 212/2019 be read a second and third time.",
    "Trustee Amari moved that Resolution No. 2021-44 be adopted as presented.",
    "Mr. Chair, I move that Ordinance 18-2020 be referred back to the committee.",
]


@pytest.mark.parametrize("motion", MOTIONS)
def test_a_number_before_words_in_lower_case_ends_no_sentence(tagger: Tagger, motion: str) -> None:
    text = f"Mr. Speaker: We move on to the by-laws.\n\n{motion}\n\nMr. Speaker: All those in favour? Carried."
    [analysis] = tagger.tag([text])
    sentences = [text[a:b].strip() for a, b in analysis["sentences"]]
    assert motion in sentences, sentences


def test_the_whole_motion_is_the_entry(tagger: Tagger) -> None:
    text = f"Mr. Speaker: We move on to the by-laws.\n\n{MOTIONS[0]}\n\nMr. Speaker: All those in favour? Carried."
    rows = timeline_rows(tagger, text, kind="minutes", doc_date=D(2014, 5, 21))
    assert MOTIONS[0] in [r["text"] for r in rows], rows


def test_a_number_then_a_new_sentence_still_ends_one(tagger: Tagger) -> None:
    """A capital after the number, or a full stop, still opens the next sentence."""
    text = "The vote was 7 to 2. Councillor Okafor then left the meeting."
    [analysis] = tagger.tag([text])
    assert len(analysis["sentences"]) == 2


GLUED = [
    # (sentence, the entities the model gives it (none of them a DATE), the year)
    ("In 2011 Kilgore LLC borrowed $550,000 from HFB.", "2011"),
    ("In 2009 Marsh Holdings obtained a second loan from Bank 3.", "2009"),
    ("During 2016 Westbrook Farms sold the parcel to the county.", "2016"),
]


@pytest.mark.parametrize("text,year", GLUED)
def test_a_year_run_into_a_name_is_a_date(text: str, year: str) -> None:
    product = {"start": text.index(year), "end": text.index(" ", text.index(year) + 5), "label": "PRODUCT"}
    product["text"] = text[product["start"]:product["end"]]
    found = events._date_spans(text, [product])
    assert [e["text"] for e in found] == [year]


@pytest.mark.parametrize("text", [
    "The parcel at 2011 Kilgore Road was sold.",        # an address: no "in" before it
    "In 1200 Main Street, the clinic opened a ward.",    # a street number, not a year
    "They lived in 2000 Oak Avenue for a decade.",
])
def test_a_number_before_a_name_without_a_years_shape_or_word_is_no_date(text: str) -> None:
    assert events._date_spans(text, []) == []


def test_the_act_with_a_glued_year_is_dated(tagger: Tagger) -> None:
    text = ("Mr. Bordelon formed Kilgore LLC to run the clinic. In 2011 Kilgore LLC borrowed $550,000 from HFB. "
            "The loan was secured by the building.")
    rows = timeline_rows(tagger, text, kind="court", doc_date=D(2020, 2, 20))
    dated = {r["text"]: (r["date_start"], r["date_precision"]) for r in rows}
    assert dated.get("In 2011 Kilgore LLC borrowed $550,000 from HFB.") == (D(2011, 1, 1), "year"), rows
