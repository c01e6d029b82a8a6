"""A docket that writes each row's day without its comma ("| Apr 13 2022 | MOTION DISTRIBUTED for
Conference …", as the Supreme Court's does) dates each entry by that day: the small model reads only a
part of it ("13 2022", or nothing), which had dated the entries to January or February."""
from __future__ import annotations

from datetime import date

from pipeline import events, nlp
from pipeline.tagger import Tagger   # (the `tagger` fixture: tests/conftest.py)

ROWS = [("Apr 01 2022", "Petition for a writ of certiorari filed."),
        ("Apr 13 2022", "MOTION DISTRIBUTED for Conference of 4/29/2022."),
        ("Jun 22 2022", "Motion to extend the time to file a response submitted to The Clerk."),
        ("Oct 03 2022", "Petition GRANTED."),
        ("Jan 23 2023", "Writ of certiorari DISMISSED as improvidently granted.")]
DOCKET = "No. 21-1397\n\nIn re Grand Jury, Petitioner\n\n" + "\n\n".join(f"| {d} | {t} |" for d, t in ROWS) + "\n"


def test_each_row_is_dated_by_its_day(tagger: Tagger) -> None:
    analyses = tagger.tag([DOCKET])
    nlp.add_known_names([DOCKET], analyses)
    anchor = date(2023, 2, 27)
    found = events.resolve_page_dates([DOCKET], analyses, anchor)
    doc = {"doc_id": "e" * 64, "kind": "court", "doc_date": anchor, "doc_date_source": "inferred"}
    rows = events.build_events(doc, [{"page": 1, "text": DOCKET}], analyses, found, broad=True)
    dated = {r["text"].split("|")[1].strip(): r["date_start"] for r in rows if r["text"].startswith("|")}
    for day, _ in ROWS:
        assert dated.get(day) == date(int(day[-4:]), ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep",
                                                       "Oct", "Nov", "Dec"].index(day[:3]) + 1, int(day[4:6])), (day, dated)
