"""A period the model tagged in two parts is one span, dated at its start as the references date it
(eval/real/ANNOTATING.md): "Between 2002 and" / "2010" or a bare "2010" after an untagged "Between 2002
and", "From October 18, 2005, through June 1, 2007" (a comma after the first end), "late August and
early September 2011" (a month whose year the second end gives). Before, each took its end's date."""
from __future__ import annotations

from datetime import date

import pytest

from pipeline import events, nlp
from pipeline.tagger import Tagger   # (the `tagger` fixture: tests/conftest.py)

REPORT = date(2011, 11, 30)


def _dated(tagger: Tagger, sentence: str) -> tuple[date, str]:
    text = f"Semiannual Report to Congress, Fall 2011\n\n{sentence}\n"
    analyses = tagger.tag([text])
    nlp.add_known_names([text], analyses)
    found = events.resolve_page_dates([text], analyses, REPORT)
    doc = {"doc_id": "d" * 64, "kind": "report", "doc_date": REPORT, "doc_date_source": "title"}
    rows = [r for r in events.build_events(doc, [{"page": 1, "text": text}], analyses, found)
            if r["text"].startswith(sentence[:20])]
    assert rows, (sentence, [r["text"] for r in events.build_events(doc, [{"page": 1, "text": text}], analyses, found)])
    return rows[0]["date_start"], rows[0]["date_precision"]


@pytest.mark.parametrize("sentence, start, precision", [
    ("Between 2002 and 2010, Ruiz and Okafor billed Medicare for services that were never provided.",
     date(2002, 1, 1), "year"),
    ("Between 2006 and 2009, the clinic submitted false claims to Medicaid.", date(2006, 1, 1), "year"),
    ("From October 18, 2005, through June 1, 2007, Halvorsen billed the program for unneeded equipment.",
     date(2005, 10, 18), "day"),
    ("In late August and early September 2011, strike force teams in 8 cities arrested 91 defendants.",
     date(2011, 8, 1), "month"),
    ("In March and April 2010, the agency audited every contract.", date(2010, 3, 1), "month"),
])
def test_a_period_is_dated_at_its_start(tagger: Tagger, sentence: str, start: date, precision: str) -> None:
    got, got_precision = _dated(tagger, sentence)
    assert got_precision == precision, (sentence, got, got_precision)
    assert (got.year, got.month) == (start.year, start.month) and (precision != "day" or got == start), (sentence, got)


def test_the_year_the_model_left_out_opens_the_span():
    text = "Between 2002 and 2010, Ruiz billed Medicare."
    spans = events._date_spans(text, [{"start": 17, "end": 21, "label": "DATE", "text": "2010"}])
    assert [(s["text"], s.get("reads_as")) for s in spans] == [("2002 and 2010", "Between 2002 and 2010")]
    spans = events._date_spans(text, [{"start": 0, "end": 16, "label": "DATE", "text": "Between 2002 and"},
                                      {"start": 17, "end": 21, "label": "DATE", "text": "2010"}])
    assert [s.get("reads_as") for s in spans] == ["Between 2002 and 2010"]
    # two years that are no period stay two dates
    text = "In 2002, Ruiz was hired; in 2010, she was fired."
    at = text.index("2010")
    spans = events._date_spans(text, [{"start": 3, "end": 7, "label": "DATE", "text": "2002"},
                                      {"start": at, "end": at + 4, "label": "DATE", "text": "2010"}])
    assert [s["text"] for s in spans] == ["2002", "2010"]
