"""The real-world set (eval/real: 237 documents nobody here wrote, with a reference written by
reading them) through the whole job: `casefile add --manifest`, `casefile process`, `casefile eval`.

The floors are what casefile reaches today (eval/RESULTS.md has the figures and the issue's
targets, which it does not all meet yet), a little below so that noise in a reference alignment
does not fail the suite: a change that makes casefile worse on real records fails here. The zero
conditions are the issue's own."""
from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import ROOT, cli_json, run_cli

REAL = ROOT / "eval" / "real"
# part -> metric -> floor (issue 13's targets are in eval/RESULTS.md)
FLOORS = {
    # (session 15: 20 harder dev documents joined the set, so the whole set's event floors are lower;
    # session 16: 16 more, 6 of them held back; session 17: 34 more, 11 of them held back, whose first
    # runs (event precision 0.35 on the 11) bring the held-back event floors down; session 18 raised the
    # whole set's event figures to 0.731, 0.769, 0.733 and left the held-back split's where they were;
    # session 19: 53 more documents, 18 of them held back, chosen before any run: on them session 18's
    # code had event recall 0.50, so the held-back recall floors come down although this session's code
    # raised every held-back event figure: 57 held back, P 0.345 -> 0.604, R 0.592 -> 0.603, dated R
    # 0.552 -> 0.568; whole set 0.751, 0.749, 0.711; session 20 at 19d40b0: whole 0.757, 0.755, 0.717, held
    # back 0.607, 0.610, 0.574; session 21 at ebb72f7: whole 0.762, 0.755, 0.716, person 0.944 / 0.925,
    # held back 0.607, 0.610, 0.574, person 0.895 / 0.895; session 22 at 9b0f9a7: whole 0.768, 0.757, 0.719,
    # held back 0.613, 0.614, 0.579, person unchanged; session 23 at a5d3587: whole 0.779, 0.756, 0.721, held
    # back 0.634, 0.614, 0.579, person unchanged: the event precision floors rise by 0.02; at b9aa334 person
    # precision whole 0.949, held back 0.907, person recall 0.926 / 0.895: the held-back person floor rises to 0.89;
    # session 24 at ebcf110: whole 0.780, 0.762, 0.726, held back 0.636, 0.619, 0.583: the whole set's recall
    # floors rise by 0.01; session 25 at 105de06 on a CPU without native bfloat16, whose float32 vectors
    # the learned filter reads: whole 0.780, 0.761, 0.726, person 0.950 / 0.925, held back 0.636, 0.616,
    # 0.581, person 0.906 / 0.892: floors unchanged; session 26 at d882ce6, rules from a probe batch outside
    # the set: whole 0.792, 0.761, 0.726, held back 0.648, 0.616, 0.581: the event precision floors rise by 0.01;
    # at 6b5ebe0: whole 0.792, 0.762, 0.726, held back 0.649, 0.619, 0.581, attribution 0.931 / 0.937; at 1840d6b:
    # whole 0.797, 0.762, 0.726, held back 0.650, 0.619, 0.581: the event precision floors rise by another 0.01;
    # session 27 at 51f54ec: whole 0.799, 0.765, 0.728, held back 0.652, 0.619, 0.581: the event precision floors
    # rise by 0.01; session 28: 8 court opinions newly read into the dev split (court acts dated by their story or
    # by the decision, which dev had few of; whole set 211 at ef6864c: 0.799, 0.759, 0.724, person 0.949 / 0.921,
    # attribution 0.923; held back unchanged); then 9 court filings and letters and 2 township minutes (whole set
    # 222 at 205f43a: 0.800, 0.762, 0.728, person 0.949 / 0.919, attribution 0.926; at 178924a: 0.803, 0.763, 0.729,
    # held back 0.653, 0.619, 0.581): floors unchanged; session 29: 3 long court opinions read into dev (225 at 47ff7bd:
    # 0.794, 0.759, 0.726, person 0.949 / 0.920, attribution 0.931; held back 0.652, 0.619, 0.581, person 0.909 /
    # 0.895, attribution 0.937): floors unchanged; session 30: 4 courts' decision lists and 2 licensing board voting
    # lists read into dev (231 at 4d098bb: 0.801, 0.776, 0.747, person 0.949 / 0.913, attribution 0.923; held back
    # 0.668, 0.661, 0.630, person 0.912 / 0.895, attribution 0.937): the whole set's recall floors and the held-back
    # event floors rise; session 31 at 63c7b0c (a clause's dated act, items over a page break, elisions; whole 0.806,
    # 0.792, 0.762, person 0.949 / 0.913, attribution 0.922; held back 0.675, 0.676, 0.645, person 0.912 / 0.895,
    # attribution 0.931): the event floors rise; at b43b82d (a section's decision over page breaks) whole 0.809, 0.801,
    # 0.771, attribution 0.921, held back unchanged: the whole set's recall floors rise by another 0.01; session 32:
    # every list of decisions re-read against ANNOTATING.md's list-item rule (held back 45 -> 12 acts in one list, the
    # parties named in a widened item now its people: the held-back attribution 0.931 -> 0.914 by the references
    # alone, its floor 0.92 -> 0.91), three council minutes read into dev, testimonies and polite motions (234 at
    # the session's first whole run: 0.815, 0.820, 0.791, person 0.950 / 0.913, attribution 0.921; held back 0.705,
    # 0.742, 0.718, person 0.912 / 0.895, attribution 0.914): the event floors rise; at the session's end (607394d)
    # whole 0.820, 0.824, 0.797, person 0.951 / 0.914, attribution 0.920 (0.923 -> 0.919 by the re-read lists alone:
    # its floor 0.92 -> 0.91), held back unchanged); session 33: two Winnipeg hansards and a Rivergrove council's
    # minutes read into dev, rules for a speaker's own acts, a transcript's "today", motions in the future's words
    # (237 at 8aeac8a: whole 0.836, 0.822, 0.796, person 0.952 / 0.914, attribution 0.917; held back 0.720, 0.751,
    # 0.727, person 0.912 / 0.895, attribution 0.914): the whole set's precision floor and the held-back event floors
    # rise by 0.01; session 34: rules read off the dev misses (d42a368: whole 0.843, 0.831, 0.805, person 0.952 / 0.914,
    # attribution 0.917; held back 0.725, 0.749, 0.725, person 0.911 / 0.892, attribution 0.914): the whole set's event
    # floors and the held-back precision floor rise by 0.01
    "whole": {"event_precision": 0.83, "event_recall": 0.82, "date_recall": 0.79, "person_precision": 0.92,
              "person_recall": 0.91, "attribution": 0.91},
    "heldout": {"event_precision": 0.71, "event_recall": 0.74, "date_recall": 0.71, "person_precision": 0.89,
                "person_recall": 0.87, "attribution": 0.91},
}
DOCUMENTS = len((REAL / "documents.csv").read_text().strip().splitlines()) - 1   # every row of the set


@pytest.fixture(scope="module")
def result(tmp_path_factory) -> dict:
    case = tmp_path_factory.mktemp("real") / "case"
    run_cli("init", str(case))
    added = run_cli("add", "--manifest", str(REAL / "documents.csv"), case=case).stdout
    assert f"added {DOCUMENTS} new" in added, added
    run_cli("process", case=case, timeout=1200)
    return cli_json("eval", "--reference", str(REAL), case=case)


def test_every_document_of_the_set_is_scored(result):
    assert result["whole"]["documents"] == DOCUMENTS >= 200 and not result["not_in_case"]
    assert set(result["splits"]) == {"dev", "heldout"}
    assert set(result["kinds"]) == {"minutes", "agenda", "report", "court", "press", "news"}


@pytest.mark.parametrize("part", sorted(FLOORS))
def test_real_records_stay_above_the_floors(result, part):
    scores = result["whole"] if part == "whole" else result["splits"][part]
    low = {m: scores[m] for m, floor in FLOORS[part].items() if scores[m] is None or scores[m] < floor}
    assert not low, (part, low, scores)


def test_no_impossible_date_and_no_name_with_digits_handles_or_quote_marks(result):
    assert result["impossible_dates"] == []
    assert result["bad_names"] == []


def test_a_manifest_row_with_a_bad_kind_is_one_line(tmp_path):
    case = tmp_path / "case"
    run_cli("init", str(case))
    (tmp_path / "list.csv").write_text("path,kind\nmissing.pdf,memo\n")
    proc = run_cli("add", "--manifest", str(tmp_path / "list.csv"), case=case, check=False)
    assert proc.returncode != 0 and "line 2" in proc.stderr and "memo" in proc.stderr
    assert len(proc.stderr.strip().splitlines()) == 1


def test_the_reference_is_complete_and_well_formed():
    from queries.evaluate_real import load

    docs = load(REAL)
    assert len(docs) == DOCUMENTS and {d.split for d in docs} == {"dev", "heldout"}
    for d in docs:
        names = {p["name"] for p in d.people}
        for e in d.events:
            assert set(e.get("people", [])) <= names, (d.id, e.get("act"))
            assert e.get("precision") in ("day", "week", "month", "quarter", "season", "year"), (d.id, e)
    assert sum(1 for d in docs for e in d.events if not e.get("optional")) >= 500


def test_a_person_is_matched_by_the_form_a_document_writes(tmp_path):
    """The people casefile shows are resolved case-wide, so one document's "Greg Hallock" is shown as
    "Gregory T. Hallock" when another document writes that: the document's reference, which lists the
    form its page writes, still finds him."""
    real = tmp_path / "real"
    (real / "reference").mkdir(parents=True)
    (real / "a.txt").write_text("Executive Director Gregory T. Hallock presented the county budget on March 3, 2016.\n")
    (real / "b.txt").write_text("Greg Hallock, the executive director, resigned from the county on April 4, 2016.\n")
    (real / "documents.csv").write_text("id,path,kind,url,format,split\na,a.txt,minutes,,txt,dev\n"
                                        "b,b.txt,news,,txt,heldout\n")
    (real / "reference" / "b.toml").write_text(
        'doc = "b"\nkind = "news"\n\n[[people]]\nname = "Greg Hallock"\nforms = ["Hallock"]\noptional = false\n\n'
        '[[events]]\nsentence = "Greg Hallock, the executive director, resigned from the county on April 4, 2016."\n'
        'date = "2016-04-04"\nprecision = "day"\npage = 1\npeople = ["Greg Hallock"]\n')
    case = tmp_path / "case"
    run_cli("init", str(case))
    run_cli("add", "--manifest", str(real / "documents.csv"), case=case)
    run_cli("process", case=case, timeout=600)
    people = cli_json("people", case=case)
    assert [p["name"] for p in people if "Hallock" in p["name"]] == ["Gregory T. Hallock"], people
    result = cli_json("eval", "--reference", str(real), case=case)
    [doc] = result["documents"]
    assert (doc["people_tp"], doc["false_people"], doc["attr_tp"], doc["attr_fp"]) == (1, [], 1, 0), doc


def test_an_act_told_over_a_span_is_dated_by_its_start():
    """The references date "April 25 and 26, 1996" or "between October 2014 and April 2015" at
    the span's start (ANNOTATING.md); a single month or year is compared whole."""
    from datetime import date
    from queries.evaluate import date_matches, period
    from queries.evaluate_real import dated_by

    def ok(ref, prec, start, end, precision):
        got = dated_by({"date_start": start, "date_end": end, "date_precision": precision})
        return date_matches(period(ref, prec), got)

    assert ok("1996-04-25", "day", date(1996, 4, 25), date(1996, 4, 26), "day")
    assert ok("2014-10", "month", date(2014, 10, 1), date(2015, 4, 30), "month")
    assert ok("2015", "year", date(2015, 1, 1), date(2017, 12, 31), "year")
    assert not ok("1996-04-26", "day", date(1996, 4, 25), date(1996, 4, 26), "day")
    assert not ok("2014-11", "month", date(2014, 10, 1), date(2015, 4, 30), "month")
    # a whole year is no month, a whole month no day
    assert not ok("2013-01", "month", date(2013, 1, 1), date(2013, 12, 31), "year")
    assert not ok("2013-01-01", "day", date(2013, 1, 1), date(2013, 1, 31), "month")
    assert ok("2013", "year", date(2013, 3, 1), date(2013, 3, 31), "month")
