"""Minutes of a public hearing: each speaker's testimony, under a line with their name and address, is one act of
the meeting (its first sentence); what the minutes then tell the speaker said, thinks or does is no act of the
meeting's day. Generated minutes, read by the real tagger and events.build_events."""
from __future__ import annotations

from datetime import date

import pytest

from pipeline import testimony
from pipeline.tagger import Tagger
from tests.meeting_rows import meeting_rows, tagger  # noqa: F401 (the shared fixture)

MEETING = date(2018, 8, 13)
SPEAKERS = [
    ("Ken Marlow", "5548 Dogwood Drive, Rivergrove, OR", "Mr. Marlow", "He"),
    ("Jude Gentry", "5600 Dogwood Drive, Rivergrove, OR", "Ms. Gentry", "She"),
    ("Anita Oyelaran", "19 Birch Court, Lake Oswego, OR.", "Ms. Oyelaran", "She"),
    ("Tomasz Weller", "4410 Larch Lane, Tualatin, Oregon", "Mr. Weller", "He"),
]
# what each speaker's paragraph goes on to tell: no act of the meeting
TOLD = [
    "{p} boats 100 days a year.",
    "{p} noted that the neighbors should not be enforcing these issues.",
    "{p} has never seen litter at the boat ramp.",
    "{p} complained that people leave their car on the ramp for several hours.",
]


def rows(tagger: Tagger, pages: list[str]) -> list[dict]:
    return meeting_rows(tagger, pages, MEETING)


def hearing(speakers: list[tuple[str, str, str, str]], told: bool = True) -> str:
    paras = ["PUBLIC HEARING", "Mayor Kibbey opened the public hearing."]
    for n, (name, address, titled, pronoun) in enumerate(speakers):
        first = f"{titled} explained that {pronoun.lower()} lives next to the boat ramp."
        rest = " ".join(t.format(p=pronoun) for t in TOLD[n % 2:n % 2 + 2]) if told else ""
        paras.append(f"{name}, {address}\n{first} {rest}".rstrip())
    return "\n\n".join(paras)


@pytest.mark.parametrize("start", range(len(SPEAKERS)))
def test_each_testimony_is_one_act_of_the_meeting_and_what_it_tells_is_none(tagger, start):
    speakers = SPEAKERS[start:] + SPEAKERS[:start]
    text = hearing(speakers)
    got = rows(tagger, [text])
    for name, _, titled, _ in speakers:
        first = [r for r in got if f"{titled} explained" in r["text"]]
        assert len(first) == 1 and first[0]["date_start"] == MEETING and first[0]["_rule"], (name, got)
        assert first[0]["modality"] == "done"
    for told in TOLD:
        for pronoun in ("He", "She"):
            assert not [r for r in got if told.format(p=pronoun) in r["text"]], told
    assert [r for r in got if r["text"].startswith("Mayor Kibbey opened")]   # the council's own acts stay


def test_a_day_of_its_own_still_dates_what_a_speaker_tells(tagger):
    text = hearing(SPEAKERS[:2]) + "\n\nScott Mandel, 19875 Sycamore, Rivergrove, OR\n" \
        "Mr. Mandel lives near Heritage Park and bought his home in 1998. He said the ramp was deeded in 1975."
    got = rows(tagger, [text])
    bought = [r for r in got if "bought his home" in r["text"]]
    deeded = [r for r in got if "deeded" in r["text"]]
    assert bought and bought[0]["date_start"].year == 1998
    assert deeded and deeded[0]["date_start"].year == 1975


def test_another_persons_paragraph_is_not_the_testimony_and_the_speaker_takes_it_up_again(tagger):
    text = ("Kevin Lane, 4455 Cobb Way, Lake Oswego, OR\n"
            "Mr. Lane explained that he belongs to Riverkeepers and volunteers to clean up the river.\n\n"
            "Councilor Bahrman moved to thank Mr. Lane for his work. The motion passed 5-0.\n\n"
            "Mr. Lane is willing to volunteer and have work parties. He boats 100 days a year.\n\n"
            "Mayor Kibbey explained that the City patrolled the ramp last weekend.")
    got = rows(tagger, [text])
    assert [r for r in got if r["text"].startswith("Mr. Lane explained") or "Kevin Lane" in r["text"]]
    assert [r for r in got if r["text"].startswith("Councilor Bahrman moved")]
    assert not [r for r in got if "willing to volunteer" in r["text"] or "boats 100 days" in r["text"]]
    patrolled = [r for r in got if "patrolled" in r["text"]]
    assert patrolled and patrolled[0]["date_start"] == date(2018, 8, 11)   # the Mayor's own paragraph, its own day


def test_a_speakers_line_at_the_foot_of_a_page_is_told_on_the_next(tagger):
    page1 = hearing(SPEAKERS[:1]) + "\n\nGordon Robinson, 19514 Marlin Avenue, Rivergrove, OR\n\n1"
    page2 = ("Mr. Robinson began by saying that the boat ramp is a gem in the community. He complained that "
             "people leave their car on the boat ramp while they go on the river.\n\n"
             "Mayor Kibbey asked Mr. Robinson if the City should install port-a-potties in the park.")
    got = rows(tagger, [page1, page2])
    began = [r for r in got if r["page"] == 2 and r["text"].startswith("Mr. Robinson began")]
    assert began and began[0]["date_start"] == MEETING and began[0]["_rule"]
    assert not [r for r in got if "leave their car" in r["text"]]


def test_only_minutes_read_testimonies_and_a_name_line_needs_an_address():
    assert testimony.SPEAKER.match("Ken Marlow, 5548 Dogwood Drive, Rivergrove, OR")
    assert testimony.SPEAKER.match("Loren Jahraus – 19221 Marlin Court, Rivergrove, OR")
    assert testimony.SPEAKER.match("David Rodenkirch, 5400 Dawn, Rivergrove OR")
    assert not testimony.SPEAKER.match("Ken Marlow, Chair, Planning Commission")
    assert not testimony.SPEAKER.match("The board met at 5548 Dogwood Drive, Rivergrove, OR")
    told = testimony.read([{"page": 1, "text": "Ken Marlow, 5548 Dogwood Drive, Rivergrove, OR\nMr. Marlow said no."}])
    assert told[1].openings and told[1].spans


@pytest.mark.parametrize("place", ["Harlan County Courthouse, 100 Main Street, Millbrook",
                                   "Jane Roe, 44 Elm Street, Millbrook, NC"])
def test_an_address_line_that_no_speakers_words_follow_is_no_testimony(tagger, place):
    letter = (f"OFFICE OF THE DISTRICT ATTORNEY\n{place}\n\nMay 15, 2018\n\nDear Chair Brennan:\n\n"
              "This office hereby notifies the Board that on May 14, 2018, District Attorney Carla Jimenez opened a "
              "criminal investigation.")
    assert testimony.read([{"page": 1, "text": letter}])[1] == testimony.Told((), ())
    got = rows(tagger, [letter])
    assert not [r for r in got if r["text"].strip() == "May 15, 2018"]
    assert [r for r in got if "opened a" in r["text"] and r["date_start"] == date(2018, 5, 14)]


@pytest.mark.parametrize("quote", ["“Section 3. The Land Development Ordinance is amended by adding a dock as a permitted "
                                   "use in the R Zone.”",
                                   "\"Section 3. The Land Development Ordinance is amended by adding a dock as a permitted "
                                   "use in the R Zone. The ordinance was changed to reflect this.\""])
def test_words_quoted_in_minutes_are_no_act_of_the_meeting(tagger, quote):
    text = (f"Mayor Kibbey read the addition: {quote}\n\n"
            "The Council adopted Ordinance 91-2017 on a vote of 5-0.")
    got = rows(tagger, [text])
    assert [r for r in got if r["text"].startswith("The Council adopted") and r["date_start"] == MEETING]
    assert not [r for r in got if "is amended by adding" in r["text"] or "changed to reflect" in r["text"]], got


def test_a_speakers_line_run_on_into_their_sentence_opens_the_testimony(tagger):
    text = ("PUBLIC HEARING\n\nMary Lou Van Slavie, 19514 Marlin Ave, Rivergrove, Oregon, interjected that the boat "
            "ramp gate is closed and locked by neighbors. If there is a car parked on the street, they must wait.\n\n"
            "Mayor Kibbey closed the public hearing.")
    told = testimony.read([{"page": 1, "text": text}])[1]
    assert len(told.openings) == 1 and text[told.openings[0][0]:].startswith("Mary Lou Van Slavie")
    got = rows(tagger, [text])
    assert [r for r in got if r["text"].startswith("Mary Lou Van Slavie") and r["date_start"] == MEETING and r["_rule"]]
    assert not [r for r in got if "must wait" in r["text"]]
    assert [r for r in got if r["text"].startswith("Mayor Kibbey closed")]
