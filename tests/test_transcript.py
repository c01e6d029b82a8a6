"""A verbatim transcript (a council's Hansard): the meeting's day dates what is done at the meeting
(a verdict, a motion said as it is made), not what a speaker tells of; in ordinary minutes the
minute-taker's sentences keep the meeting's date."""
from __future__ import annotations

from datetime import date

import pytest

from pipeline.tagger import Tagger
from pipeline.transcript import is_transcript, is_word_index, speaker_labels
from tests.meeting_rows import meeting_rows, tagger  # noqa: F401 (the shared fixture)

MEETING = date(2019, 5, 22)
SPEAKERS = ["Councillor Ostrander", "Mayor Velikova", "Madam Speaker", "Councillor Thibodeau", "Clerk"]

# what each turn says, and whether the meeting's day dates it
DONE_AT_THE_MEETING = [
    "I move that By-law No. 41/2019 be read a first time.",
    "I’d like to move adoption of the consent agenda, Items 1 to 4.",
    "I’ll move that the rules be suspended and By-law No. 42/2019 be read a third time.",
    "Carried.",
    "Motion is carried.",
    "I second the motion.",
]
TOLD_OF = [
    "When this was brought forward, the committee studied it for a year.",
    "They contract out the snow clearing and we charge them for it.",
    "It has been contracted out.",
    "The coalition has lobbied the province to build more social housing.",
    "Some residents declined to hook up to the new line.",
    "If it stays there we’ll decide what departments we can move in there.",
]


def transcript(lines: list[str]) -> str:
    return "\n\n".join(f"{SPEAKERS[i % len(SPEAKERS)]}: {line}" for i, line in enumerate(lines))


def rows(tagger: Tagger, text: str) -> list[dict]:
    return [r for r in meeting_rows(tagger, [text], MEETING) if r["modality"] == "done"]


def test_a_record_of_turns_is_a_transcript() -> None:
    text = transcript(DONE_AT_THE_MEETING + TOLD_OF)
    assert speaker_labels(text)[:3] == SPEAKERS[:3]
    assert is_transcript([text])


@pytest.mark.parametrize("text", [
    # a form's fields in minutes, in capitals; too few turns; labels that do not recur
    "\n".join(f"MOTION BY: Member {n}\nSECOND: Member {n + 1}\nAYES: 5\nNAYS: 0" for n in range(6)),
    # roll-call votes' fields in mixed case, after each motion of a board's minutes
    "\n\n".join(f"A motion was made by Trustee Vance, seconded by Trustee Abara, that the Board adopt Resolution "
               f"No. 2022-{n:02d}.\nRoll Call Vote:\nAye: Trustees Vance, Abara, Lindqvist\nNo: None\n"
               f"Absent: Trustee Moreau\nStudent Advisory Vote: Aye\nMotion carried; 6:0" for n in range(5)),
    transcript(DONE_AT_THE_MEETING[:4]),
    "\n".join(f"Item {n}: Approval of the contract with Vendor {n}" for n in range(12)),
])
def test_other_labelled_lines_are_no_transcript(text: str) -> None:
    assert not is_transcript([text])


def test_the_meeting_day_dates_what_is_done_at_the_meeting(tagger: Tagger) -> None:
    text = transcript(DONE_AT_THE_MEETING + TOLD_OF)
    got = rows(tagger, text)
    dated = [" ".join(r["text"].split()) for r in got if r["date_source"] == "document_date"]
    for line in DONE_AT_THE_MEETING:
        assert any(d.endswith(line) for d in dated), line
    for line in TOLD_OF:
        assert not any(line in d for d in dated), line


def test_a_story_with_its_own_date_keeps_it(tagger: Tagger) -> None:
    text = transcript(DONE_AT_THE_MEETING + ["The committee approved the plan on March 3, 2019."])
    got = {r["text"].split(": ", 1)[-1]: r["date_start"] for r in rows(tagger, text)}
    assert got["The committee approved the plan on March 3, 2019."] == date(2019, 3, 3)


def test_in_minutes_the_meeting_day_dates_the_minute_takers_sentences(tagger: Tagger) -> None:
    text = "\n\n".join(["The coalition has lobbied the province to build more social housing.",
                        "The board approved the contract with Halvorsen Paving."])
    got = [r for r in rows(tagger, text) if r["date_source"] == "document_date"]
    assert len(got) == 2


def _index_page() -> str:
    words = ["abandon", "ability", "able", "above", "absence", "Abbott", "accept", "account", "Lamberth", "Laden",
             "Landgraf", "language", "large", "later", "latter", "Congressperson", "congressional", "clear"]
    lines = [f"{w} [{k % 9 + 1}] {k % 60 + 1}:{k % 25 + 1} {k % 50 + 3}:{(k * 7) % 25 + 1},{(k * 3) % 25 + 1}"
             for k, w in enumerate(words * 3)]
    return "\n".join(lines)


def test_a_transcripts_word_index_is_recognised():
    assert is_word_index(_index_page())


def test_a_transcripts_turns_are_no_word_index():
    turns = "\n".join(f"{k} JUSTICE HALE: Counsel, at 11:10 a.m. on page 12:4 of the record, what did the "
                      f"court say about the statute?" for k in range(1, 26))
    assert not is_word_index(turns)


def test_a_word_index_names_no_one_and_reports_nothing(people, tagger):
    page = _index_page() + "\nRuth Hale [2] 3:4 5:6\nthe board fired Director Ruth Hale on March 3, 2018 [1] 4:4"
    assert people(page) == []
    assert tagger.tag([page])[0]["candidates"] == []


# A page of the Congressional Record's floor proceedings (generated, in the Record's layout)
RECORD_HEAD = ("[Congressional Record Volume 151, Number 99 (Wednesday, May 22, 2019)]\n[House]\n[Pages H6115-H6117]\n"
               "From the Congressional Record Online through the Government Publishing Office [www.gpo.gov]\n"
               "HONORING THE COUNTY'S CASEWORKERS\n")
RECORD_TURNS = [
    "Mr. OSTRANDER. Mr. Speaker, I move to suspend the rules and agree to the resolution (H. Res. 202).",
    "The SPEAKER pro tempore (Mr. Velikova). Pursuant to the rule, the gentleman from Ohio (Mr. Ostrander) "
    "and the gentlewoman from Maine (Ms. Thibodeau-McKAY) each will control 20 minutes.",
    "Ms. THIBODEAU-McKAY. Mr. Speaker, the county hired its first caseworker and built a shelter for children.",
    "Mr. OSTRANDER of Ohio. Mr. Speaker, the board resigned and the state took over the department.",
    "The question was taken; and (two-thirds having voted in favor thereof) the rules were suspended and the "
    "resolution was agreed to.",
    "A motion to reconsider was laid on the table.",
]


def test_a_floor_page_of_the_congressional_record_is_a_transcript() -> None:
    text = RECORD_HEAD + "\n".join(RECORD_TURNS)
    assert speaker_labels(text) == ["Mr. OSTRANDER", "The SPEAKER pro tempore (Mr. Velikova)", "Ms. THIBODEAU-McKAY",
                                    "Mr. OSTRANDER of Ohio"]
    assert is_transcript([text])
    # one member's speech alone is still told on the floor
    assert is_transcript([RECORD_HEAD + RECORD_TURNS[2]])
    # the Record's Daily Digest summarises the day: no transcript
    assert not is_transcript([RECORD_HEAD.replace("[House]", "[Daily Digest]") + RECORD_TURNS[2]])


def test_on_the_floor_the_meeting_day_dates_the_floors_acts_not_the_speeches(tagger: Tagger) -> None:
    text = RECORD_HEAD + "\n".join(RECORD_TURNS)
    dated = [" ".join(r["text"].split()) for r in rows(tagger, text) if r["date_source"] == "document_date"]
    assert any(d.endswith("I move to suspend the rules and agree to the resolution (H. Res. 202).") for d in dated), dated
    assert any(d.startswith("The question was taken;") for d in dated), dated
    assert not any("first caseworker" in d or "the board resigned" in d for d in dated), dated


@pytest.mark.parametrize("told", ["In 1852, the county hired its first caseworker.",
                                  "The county hired its first caseworker in 1852 and built a shelter.",
                                  "On September 18, 1852, the county hired its first caseworker."])
def test_history_told_with_a_year_before_1900_takes_no_meeting_day(tagger: Tagger, told: str) -> None:
    """A year before any date an entry may carry (1900) still tells when the act was: not at the meeting."""
    text = "\n\n".join(["The board approved the contract with Halvorsen Paving.", told])
    got = [" ".join(r["text"].split()) for r in rows(tagger, text)]
    assert got == ["The board approved the contract with Halvorsen Paving."]


def test_a_caption_file_whose_turns_run_on_inside_lines_is_a_transcript():
    """A council's closed-caption file runs its turns on inside a line ("… Congratulations. Al Sigala:
    Thank you", "[gavel pounding] Adams: Good morning …"); each label is a name."""
    from pipeline.transcript import is_transcript, speaker_labels

    turns = ["Okafor: Good morning and welcome to the council.", "Hanley: Thank you, mayor.",
             "Reyes: I have a question about the garage.", "Okafor: Please go ahead.",
             "Hanley: We reviewed the bids last fall.", "Reyes: Who reviewed them?", "Ruth Moody: Our staff did."]
    text = ("Closed Caption File of Harlow City Council Meeting. [gavel pounding] " + " ".join(turns * 2)
            + " Okafor: Karla, please call the vote.\n")
    assert {"Okafor", "Hanley", "Reyes", "Ruth Moody"} <= set(speaker_labels(text))
    assert is_transcript([text])
    # a form's fields inside a line are no speakers ("Disposition:", "Notice:", "Location:")
    form = " ".join(["Item 12 was approved. Disposition: PLACED ON FILE. Notice: Persons under 21 on premise. "
                     "Location: 12 Elm St. Category: CV7AL."] * 6)
    assert not is_transcript([form])


# The meeting's own day said in its transcript ("today", "this morning"): a speaker's talk there is no act of the
# day; a motion, a verdict and an act told as done in the past keep it.
TALK_OF_THE_DAY = [
    "Today, members of Council are wearing gold ribbons to show our support for the families.",
    "So what we are approving this morning is a governance go ahead and nothing more.",
    "And I think today, I'm actually going to have to vote against this particular motion.",
    "I was listening to your prayer this morning and noted that one of your resolves is to feed the hungry.",
    "We are here today to select members of standing policy committees.",
]
DONE_ON_THE_DAY = [
    "This morning, members of Council joined me to raise a flag for Childhood Cancer Month.",
    "I move that By-law No. 43/2019 be read a first time today.",
]


@pytest.mark.parametrize("talk", TALK_OF_THE_DAY)
def test_talk_of_the_meetings_own_day_is_no_act_in_a_transcript(tagger, talk):
    got = rows(tagger, transcript(DONE_AT_THE_MEETING + [talk] + TOLD_OF))
    assert not [r for r in got if talk[:30] in r["text"]], [r["text"] for r in got]
    assert [r for r in got if "By-law No. 41/2019" in r["text"] and r["date_start"] == MEETING]


@pytest.mark.parametrize("done", DONE_ON_THE_DAY)
def test_an_act_done_on_the_meetings_own_day_keeps_it(tagger, done):
    got = rows(tagger, transcript(DONE_AT_THE_MEETING + [done] + TOLD_OF))
    assert [r for r in got if done[:30] in r["text"] and r["date_start"] == MEETING], [r["text"] for r in got]


@pytest.mark.parametrize("said", ["Thank you, motion passed.", "Okay, carried.", "All right, the motion is defeated.",
                                  "So we will refer Councillor Gerbasi's motion to the Standing Committee."])
def test_the_chairs_verdict_after_a_courtesy_and_a_referral_said_now_are_the_meetings(tagger, said):
    got = rows(tagger, transcript(DONE_AT_THE_MEETING + [said, "I will refer that question to the Department at the "
                                                         "next meeting."] + TOLD_OF))
    made = [r for r in got if said in r["text"]]
    assert made and made[0]["date_start"] == MEETING and made[0]["type"] == "decision", [r["text"] for r in got]
    assert not [r for r in got if "next meeting" in r["text"]], [r["text"] for r in got]
