"""Motions in minutes and council transcripts: a motion made politely is made ("I would like to introduce the report
and move adoption of …"); the chair's "we will move on to …" is none; a resolution's "THAT …" opens its own sentence
after "Moved by …, Seconded by …,"; the second, abstentions and vote after a procedural motion are procedure; a month
before a paper's name labels it; a markdown heading is no act. Generated inputs, the real tagger and events."""
from __future__ import annotations

from datetime import date

import pytest

from pipeline.tagger import Tagger
from tests.meeting_rows import meeting_rows, tagger  # noqa: F401 (the shared fixture)

MEETING = date(2013, 2, 27)


def rows(tagger: Tagger, text: str) -> list[dict]:
    return [r for r in meeting_rows(tagger, [text], MEETING) if r["modality"] == "done"]


SPEAKERS = ["Mayor Katz", "Councillor Browaty", "Councillor Steen", "Mr. Speaker"]
POLITE = [
    "I would like to introduce the report and move adoption of consent agenda Items 1 to {n}.",
    "I would like to introduce the report of January 15th and move Item {n}.",
    "I would like to move By-law No. {n}/2013 be read a first time.",
]


@pytest.mark.parametrize("n", [4, 9, 16])
@pytest.mark.parametrize("said", POLITE)
def test_a_motion_made_politely_in_a_transcript_is_made_at_the_meeting(tagger, said, n):
    motion = said.format(n=n)
    text = "\n\n".join([f"{SPEAKERS[0]}: Thank you, Mr. Speaker. {motion}",
                        f"{SPEAKERS[3]}: Seeing none, we will move on to Finance.",
                        f"{SPEAKERS[1]}: Thank you.", f"{SPEAKERS[3]}: All those in favour? Opposed? Carried."])
    got = rows(tagger, text)
    made = [r for r in got if motion in r["text"]]
    assert made and made[0]["date_start"] == MEETING, got
    assert not [r for r in got if "move on to Finance" in r["text"]]


@pytest.mark.parametrize("mover,seconder", [("His Worship Mayor Katz", "Councillor Browaty"),
                                            ("Councillor Browaty", "Councillor Steen")])
def test_a_resolutions_that_clause_opens_a_sentence_after_its_mover_and_seconder(tagger, mover, seconder):
    text = (f"MOTIONS\nMoved by {mover},\nSeconded by {seconder},\nTHAT this Council convey to the family of the late "
            "Ana Ruiz its sincere sympathy, and that a copy of this resolution be forwarded to the family.\n"
            "Mr. Speaker: All those in favour? Opposed? Carried.")
    got = rows(tagger, text)
    moved = [r for r in got if r["text"].startswith("Moved by")]
    assert moved and "THAT" not in moved[0]["text"] and seconder in moved[0]["text"]
    assert moved[0]["date_start"] == MEETING


@pytest.mark.parametrize("label,paper", [("the October 9, 2017 meeting minutes", "financials"),
                                         ("the minutes of October 9, 2017", "bills"), ("the minutes of October 9, 2017", "warrants")])
def test_the_second_abstention_and_vote_on_a_procedural_motion_are_procedure(tagger, label, paper):
    text = (f"Motion: Councilor Tuttle moved to accept {label} with the following amendments. Councilor Nyberg "
            "seconded the motion. Councilor Bahrman abstained. It passed 4-0.\n\n"
            f"Motion: Councilor Tuttle moved to accept the October 2017 {paper} as submitted. Councilor Ruble "
            "seconded the motion. It passed 5-0.")
    got = rows(tagger, text)
    texts = [" ".join(r["text"].split()) for r in got]
    assert not [t for t in texts if "meeting minutes" in t or "minutes of" in t or "abstained" in t or "4-0" in t
                or "Nyberg seconded" in t], texts
    financials = [r for r in got if paper in r["text"]]
    assert financials and financials[0]["date_start"] == MEETING   # the month names the paper, not the day
    assert [t for t in texts if "Ruble seconded" in t] and [t for t in texts if "5-0" in t]


@pytest.mark.parametrize("heading", ["### 1. Type IV Hearing for an amendment to Ordinance 70-2001 to allow docks",
                                     "## 2. Tree maintenance on public land adjacent to Canal Road"])
def test_a_markdown_heading_is_no_act(tagger, heading):
    text = f"## PUBLIC HEARING\n\n{heading}\n\nThe board approved the amendment."
    got = rows(tagger, text)
    assert [r for r in got if "approved the amendment" in r["text"]]
    assert not [r for r in got if heading.split(". ", 1)[1][:20] in r["text"]]


@pytest.mark.parametrize("n", [14, 22])
def test_a_motion_run_on_from_the_speakers_thanks_is_made_too(tagger, n):
    motion = f"Thank you, Mr. Speaker I'd like to introduce the report and move Items 1 through {n}."
    text = f"{SPEAKERS[1]}: {motion}\n\n{SPEAKERS[3]}: All those in favour? Opposed? Carried."
    got = rows(tagger, text)
    assert [r for r in got if "move Items 1 through" in r["text"] and r["date_start"] == MEETING], got


@pytest.mark.parametrize("when,day", [("October", date(2012, 10, 1)), ("January 15", date(2013, 1, 15))])
def test_a_list_under_another_meetings_report_is_done_at_that_meeting(tagger, when, day):
    text = (f"PLANNING COMMISSION REPORT\n\nChair Dausman gave a report from the {when} Planning Commission meeting:\n\n"
            "- Jacob McKay was sworn-in as Commissioner. Jonathan Sweet was elected the Vice Chair.\n"
            "- The Planning Commission denied a tree cutting permit for a lot on Canal Road.\n\n"
            "Councilor Nyberg moved to approve the legal fees. Motion passed 5-0.\n\n"
            "Staff may present the budget at the meeting:\n- The board approved the contract.")
    got = rows(tagger, text)
    for told in ("McKay was sworn-in", "Sweet was elected", "denied a tree cutting permit"):
        row = [r for r in got if told in r["text"]]
        assert row and row[0]["date_start"] == day, (told, got)
    for here in ("moved to approve the legal fees", "approved the contract"):
        assert [r for r in got if here in r["text"] and r["date_start"] == MEETING]


# The mover making a motion in the future's words, as a council's transcript records it: the motion made at the
# meeting, not a plan; one put off to a later day stays ahead.
IN_THE_FUTURES_WORDS = [
    "I will move that By-law No. {n}/2013 be read a first time.",
    "Mr. Speaker I would introduce the report and move adoption of consent agenda Items 1 to {n}.",
    "I will introduce the report and move adoption of the Consent Agenda Items 1 to {n}.",
]


@pytest.mark.parametrize("n", [3, 113])
@pytest.mark.parametrize("said", IN_THE_FUTURES_WORDS)
def test_a_motion_made_in_the_futures_words_is_made_at_the_meeting(tagger, said, n):
    motion = said.format(n=n)
    text = "\n\n".join([f"{SPEAKERS[1]}: {motion}", f"{SPEAKERS[3]}: All those in favour? Opposed? Carried.",
                        f"{SPEAKERS[2]}: I will move it at the next meeting."])
    got = meeting_rows(tagger, [text], MEETING)
    made = [r for r in got if motion[:30] in r["text"]]
    assert made and made[0]["modality"] == "done" and made[0]["date_start"] == MEETING, got
    assert not [r for r in got if "next meeting" in r["text"] and r["_rule"]], got   # (left to the learned filter)


@pytest.mark.parametrize("against", ["Councillor Fielding and Councillor Wyatt in opposition.",
                                     "Councillors Smith, Gerbasi and Orlikow are recorded in opposition.",
                                     "Trustee Lee in opposition.", "Councillor Swandel: Nay."])
def test_members_recorded_against_are_the_meetings_vote(tagger, against):
    text = (f"{SPEAKERS[3]}: All those in favour? Opposed? Carried.\n\n{against}\n\n"
            f"{SPEAKERS[0]}: I am not in opposition to the idea, but I cannot support it.")
    got = rows(tagger, text)
    vote = [r for r in got if against in r["text"]]
    assert vote and vote[0]["date_start"] == MEETING and vote[0]["type"] == "decision", got
    assert not [r for r in got if "not in opposition" in r["text"] and r["type"] == "decision"], got


@pytest.mark.parametrize("verdict", ["**Motion passed 4-0.**", "*Motion carried.*", "***Motion passed 5-0.***"])
def test_a_verdict_in_markdown_emphasis_after_a_procedural_motion_is_procedure(tagger, verdict):
    text = ("**Motion:** Councilor Bahrman moved to accept the May 8, 2017 meeting minutes as submitted. Councilor "
            "Ruble seconded the motion. It passed 3-0. Councilor Nyberg abstained.\n\n"
            f"**Motion:** Councilor Nyberg moved to adjourn the meeting. Councilor Ruble seconded.\n\n{verdict}\n\n"
            f"**Motion:** Councilor Nyberg moved to adopt Resolution 254-2017. Councilor Ruble seconded.\n\n{verdict}")
    got = rows(tagger, text)
    texts = [" ".join(r["text"].split()) for r in got]
    assert not [t for t in texts if "abstained" in t or "minutes" in t or "adjourn" in t], texts
    plain = verdict.strip("*_")
    assert len([t for t in texts if plain in t]) == 1 and [t for t in texts if "Resolution 254-2017" in t], texts



PROCEDURAL_MOTIONS = [
    "Councillor Okafor moves that the minutes of the meeting held on May 29, 2013 be taken as read and confirmed.",
    "Councillor Lindqvist moves that the Minutes of the meeting held on March 20, 2013, be taken as read and confirmed.",
    "Councillor Okafor: I'll move adjournment.",
]


@pytest.mark.parametrize("call", ["All those in favour? Opposed? Carried.", "Mr. Speaker: All in favour? Opposed? Carried.",
                                  "Mayor Amari: All those in favour?\nOpposed? Carried."])
@pytest.mark.parametrize("motion", PROCEDURAL_MOTIONS)
def test_a_verdict_after_the_chair_calls_the_vote_on_a_procedural_motion_is_procedure(tagger, motion, call):
    """The chair's "All those in favour? Opposed?" between a procedural motion and its "Carried." keeps the verdict
    the motion's: procedure. The same call after an item's motion leaves its verdict an act of the meeting."""
    text = (f"MINUTES\n\n{motion}\n\n{call}\n\n"
            f"Councillor Lindqvist: I would like to introduce the report and move adoption of Items 1 to 4.\n\n{call}\n\n"
            "Mr. Speaker: Thank you.")
    got = rows(tagger, text)
    verdicts = [r for r in got if r["text"].strip().endswith("Carried.")]
    assert len(verdicts) == 1 and verdicts[0]["char_start"] > text.index("Items 1 to 4"), got


@pytest.mark.parametrize("ruling", ["The motion to refer it back to the committee is defeated, and you'll speak to the report.",
                                    "The motion to table the report was lost.",
                                    "The amendment to strike clause 4 is carried.",
                                    "The matter is referred.", "The item is withdrawn."])
def test_the_chairs_ruling_on_a_motion_named_by_what_it_moves_is_the_meetings_decision(tagger, ruling):
    """In a council's transcript (turns enough to be one), where the meeting's day dates only what is done there."""
    turns = "\n\n".join(f"{SPEAKERS[3]}: Councillor {name}.\n\nCouncillor {name}: Thank you, Mr. Speaker. I have a question "
                         "about the report." for name in ("Okafor", "Lindqvist", "Okafor", "Lindqvist", "Okafor"))
    text = (f"{turns}\n\nCouncillor Okafor: I'll ask that we send this back.\n\n{SPEAKERS[3]}: All those in favour? Opposed? "
            f"{ruling}\n\nCouncillor Lindqvist: Thank you, Mr. Speaker.")
    got = [r for r in rows(tagger, text) if ruling[:20] in r["text"]]
    assert got and got[0]["date_start"] == MEETING and got[0]["type"] == "decision", got


def test_a_motion_to_do_something_ahead_is_no_ruling(tagger):
    text = (f"{SPEAKERS[3]}: The motion to refer it back to the committee will be voted on next month.\n\n"
            "Councillor Lindqvist: Thank you, Mr. Speaker.")
    assert not [r for r in rows(tagger, text) if r["type"] == "decision"], rows(tagger, text)


@pytest.mark.parametrize("member", ["Councillor Swandel", "Councillor Okafor"])
def test_a_members_nay_with_its_note_is_the_meetings_vote(tagger, member):
    text = (f"{SPEAKERS[3]}: All those in favour? Opposed? Carried.\n\n{member}: Nay. Recorded in opposition. (inaudible)\n\n"
            f"{SPEAKERS[0]}: Thank you.")
    got = [r for r in rows(tagger, text) if "Nay" in r["text"]]
    assert got and got[0]["date_start"] == MEETING and got[0]["type"] == "decision", got


def _transcript(said: str) -> str:
    """A council's transcript (turns enough to be one) with `said` as one councillor's turn."""
    turns = "\n\n".join(f"{SPEAKERS[3]}: Councillor {name}.\n\nCouncillor {name}: Thank you, Mr. Speaker. I have a question "
                        "about the report." for name in ("Okafor", "Lindqvist", "Okafor", "Lindqvist", "Okafor"))
    return f"{turns}\n\nCouncillor Vandal: {said}\n\n{SPEAKERS[3]}: All those in favour? Opposed? Carried."


@pytest.mark.parametrize("said", ["I’m pleased to introduce the Report of April 11 and move Consent Items 1 and 2.",
                                  "Mr. Speaker, I am pleased to introduce Items 1 to 6 as consent items.",
                                  "I am happy to move adoption of Items 1 to 4.",
                                  "I am pleased to move adoption of Consent Items 1 to 3."])
def test_a_motion_made_with_pleasure_is_made_at_the_meeting(tagger, said):
    made = [r for r in rows(tagger, _transcript(said)) if said[:20] in r["text"]]
    assert made and made[0]["date_start"] == MEETING, made


@pytest.mark.parametrize("said", ["I'm pleased to see the report before us.", "I am happy that the pool has reopened."])
def test_pleasure_without_a_motion_is_no_act(tagger, said):
    assert not [r for r in rows(tagger, _transcript(said)) if said[:20] in r["text"]]


@pytest.mark.parametrize("said", ["I’d like to move that the report of September 12th, that the recommendations of the "
                                  "Executive Policy Committee be adopted.",
                                  "I would like to move that the report of March 4, the recommendations of the committee, "
                                  "be adopted."])
def test_a_motion_made_politely_is_the_rules_own_act(tagger, said):
    """The rules recognise a motion made by saying so (not only the learned filter, which may drop a candidate no
    trigger word chose): its row is a rule's, of the meeting's day, whatever paper's day it names."""
    made = [r for r in rows(tagger, _transcript(said)) if said[:20] in r["text"]]
    assert made and made[0]["_rule"] and made[0]["date_start"] == MEETING, made


@pytest.mark.parametrize("mover,seconder", [("Councilor Nyberg", "Councilor Ruble"), ("Trustee Amari", "Trustee Lindqvist")])
def test_a_verbless_second_is_the_meetings_act_unless_its_motion_is_procedure(tagger, mover, seconder):
    """"Seconded by Councilor Ruble." has no finite verb and few words (a stamp's shape), yet it is the second made at
    the meeting; after a procedural motion it is procedure, like its motion."""
    text = (f"**Motion:** {mover} moved to approve the $2000 in legal fees for the amendments to the Comprehensive Plan. "
            f"Seconded by {seconder}. Motion passed 5-0.\n\n"
            f"**Motion:** {mover} moved to adjourn the meeting. Seconded by {seconder}.\n\n*Motion passed 5-0.*")
    got = rows(tagger, text)
    seconds = [r for r in got if r["text"].strip() == f"Seconded by {seconder}."]
    assert len(seconds) == 1 and seconds[0]["date_start"] == MEETING and seconds[0]["char_start"] < text.index("adjourn"), got
