"""A clause that ends on a colon at a line's end and the lines it announces, through the real spaCy model
(pipeline/tagger.heading_breaks): a vote's roll under "… by the following (roll call) vote:" is that
sentence's, over the blank lines between, so the voters are the act's people; a single item on the next
line after "… the following <noun>:" is the clause's object; a list of items ending on ";" stays one
sentence per item, and a resolution's clauses still open sentences of their own."""
from __future__ import annotations

import pytest

from casefile.settings import Settings
from pipeline.tagger import Tagger


@pytest.fixture(scope="module")
def sentences():
    tagger = Tagger(Settings().spacy_model)
    return lambda text: [" ".join(s.text.split()) for s in tagger.nlp(text).sents if s.text.strip()]


@pytest.mark.parametrize("verb, labels", [
    ("it carried with the following roll call vote:", ("Ayes", "Noes", "Absent")),
    ("the motion passed by the following vote:", ("AYES", "NOES", "ABSTAIN", "ABSENT")),
    ("it failed on the following votes:", ("Yeas", "Nays", "Recused")),
])
def test_a_vote_roll_is_the_sentence_that_announces_it(sentences, verb, labels):
    names = ["Directors Alvarez, Brooks and Chen", "Okafor", "None", "Lindqvist"]
    roll = "\n".join(f"{label}: {names[i % len(names)]}" for i, label in enumerate(labels))
    text = (f"Director Okafor moved to award the contract to Harbor Pumps, Inc. Chair\nBrooks seconded "
            f"the motion and {verb}\n\n{roll}\n\nIV. ADJOURNMENT\nThe meeting ended at 7:02 p.m.\n")
    got = sentences(text)
    vote = next(s for s in got if "seconded" in s)
    assert vote.endswith(f"{labels[-1]}: {names[(len(labels) - 1) % len(names)]}"), got
    assert all(f"{label}:" in vote for label in labels), got
    assert "IV. ADJOURNMENT" in got and "The meeting ended at 7:02 p.m." in got, got


@pytest.mark.parametrize("clause, item", [
    ("Senate received the following nominations:", "Maria Quintero, of Nevada, to be Secretary of Labor."),
    ("The injunction of secrecy was removed\nfrom the following treaty:", "Extradition Treaty with Peru (Treaty Doc. 107-6)."),
    ("The board received the following bid:", "Coastline Paving Co., $412,000."),
])
def test_one_item_after_the_following_is_the_clause_s_object(sentences, clause, item):
    text = f"Routine Proceedings: {clause}\n{item}\nThe measure was referred to the committee.\n"
    got = sentences(text)
    assert " ".join(f"Routine Proceedings: {clause} {item}".split()) in got, got
    assert "The measure was referred to the committee." in got, got


def test_items_ending_on_semicolons_and_resolution_clauses_stay_sentences_of_their_own(sentences):
    listed = sentences("Committee ordered reported the following business items:\nS. 2201, to extend the program;\n"
                       "S. 2202, to repeal the fee; and\nS. 2203, to rename a post office.\n")
    assert listed[0] == "Committee ordered reported the following business items:", listed
    assert len(listed) == 4, listed
    resolved = sentences("The Board adopted the following resolution by unanimous vote:\nWHEREAS the Board has met;\n"
                         "NOW THEREFORE BE IT RESOLVED that the budget is adopted.\n")
    assert resolved == ["The Board adopted the following resolution by unanimous vote:", "WHEREAS the Board has met;",
                        "NOW THEREFORE BE IT RESOLVED that the budget is adopted."], resolved


@pytest.mark.parametrize("clock", ["4 p.m.", "10:30 a.m.", "9 P.M."])
@pytest.mark.parametrize("opener", ["I'd like to know who received the bid.", "It was the last day to bid.",
                                    "The board received six bids.", "On Monday the bids were opened."])
def test_a_sentence_that_ends_on_the_clock_ends_there(sentences, clock, opener):
    """nlp.v171: the model took "p.m." and the capitalised word after it for one sentence's inside, so a
    dated act ("The tender closed October 26th, 2011 at 4 p.m.") ran on into the question after it."""
    got = sentences(f"Councillor Havel: The tender closed October 26th,\n2011 at {clock} {opener}")
    assert got[-2].endswith(f"2011 at {clock}") and got[-1] == opener, got


@pytest.mark.parametrize("after", ["Tuesday at City Hall.", "May 5 in Room 3.", "Eastern time, the clerk said."])
def test_a_weekday_a_month_or_a_zone_after_the_clock_goes_on_its_sentence(sentences, after):
    got = sentences(f"The hearing is set for 4 p.m. {after}")
    assert got == [f"The hearing is set for 4 p.m. {after}"], got


@pytest.mark.parametrize("elision", [". . .", "…", ". . . ."])
def test_an_elision_before_a_word_in_lower_case_ends_nothing(sentences, elision):
    """nlp.v179: a quotation's elision (". . ." spaced, "…") read as stops cut a court's sentence in three
    ("… those youths the courts determine . . . may be amenable to such methods")."""
    text = (f"The state adopted its Youthful Offender Act on March 1, 1999, “to hold youths accountable while the "
            f"courts determine {elision} may be amenable to such methods” and “to place {elision} in custody.” "
            "The court agreed.")
    got = sentences(text)
    assert len(got) == 2 and got[-1] == "The court agreed." and got[0].startswith("The state adopted"), got


def test_an_elision_before_a_capital_still_ends_its_sentence(sentences):
    got = sentences("He said . . . Then he left the meeting.")
    assert got[-1] == "Then he left the meeting.", got
