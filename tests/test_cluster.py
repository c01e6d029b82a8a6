"""pipeline/cluster.py with controlled embeddings: what joins two mentions, and what never does."""
from __future__ import annotations

import itertools
import math
from datetime import date

import numpy as np

from pipeline import cluster

DAY = date(2017, 12, 12)
MINUTES = ("Vice Chair Hale moved to request that the State Department of Health and Human Services conduct "
           "a review of the department's child protective services; seconded by Commissioner Ortiz, the motion "
           "carried 5-0.")
NEWS = ("The Harlan County Social Services Board voted unanimously Tuesday to ask the state Department of "
        "Health and Human Services to review the county's child protective services.")


def unit(*xs: float) -> list[float]:
    v = np.asarray(xs, dtype="float64")
    return list(v / np.linalg.norm(v))


def at(cos: float) -> list[float]:
    """A unit vector whose cosine with (1, 0, 0) is `cos`."""
    return [cos, math.sqrt(1 - cos * cos), 0.0]


def event(eid: str, doc: str, vec: list[float], text: str = "", *, day: date = DAY, precision: str = "day",
          people: tuple[str, ...] = (), type_: str = "decision") -> dict:
    end = {"day": day, "month": date(day.year, day.month, 28)}[precision]
    return {"event_id": eid, "doc_id": doc, "type": type_, "text": text, "date_start": day, "date_end": end,
            "date_precision": precision, "embedding": vec, "people": list(people)}


def test_words_both_sources_use_join_a_news_lede_to_its_minutes_line():
    a, b = event("a", "minutes", [1.0, 0.0, 0.0], MINUTES), event("b", "news", at(0.5), NEWS)
    assert cluster.similarity(a, b) > cluster.THRESHOLD
    assert cluster.cluster_events([a, b]) == {"a": "a", "b": "a"}
    without_words = {**b, "text": "The county fair opened with a record crowd on Tuesday night."}
    assert cluster.similarity(a, without_words) < cluster.THRESHOLD


def test_boilerplate_is_not_evidence():
    words = cluster.content_words(MINUTES)
    assert {"second", "motion", "carrie", "ortiz"}.isdisjoint(words), "the seconder's clause is left out"
    assert "millbr" not in cluster.content_words("MILLBROOK — The board voted Tuesday.")
    assert {"depart", "review", "health"} <= words


def test_shared_people_and_a_fitting_date_are_needed_to_bridge_weak_text():
    a = event("a", "d1", [1.0, 0.0, 0.0], people=("p1", "p2"))
    b = event("b", "d2", at(0.45), people=("p1", "p2"))
    assert cluster.cluster_events([a, b])["b"] == "a"
    later = {**b, "date_start": date(2018, 1, 9), "date_end": date(2018, 1, 9)}
    assert cluster.cluster_events([a, later])["b"] == "b", "dates that do not fit never join"


def test_a_day_inside_a_month_fits_but_one_document_never_merges_with_itself():
    a = event("a", "d1", [1.0, 0.0, 0.0], day=date(2017, 10, 3))
    month = event("b", "d2", at(0.9), day=date(2017, 10, 1), precision="month")
    assert cluster.compatible_dates(a, month) and cluster.cluster_events([a, month])["b"] == "a"
    twin = event("c", "d1", [1.0, 0.0, 0.0], day=date(2017, 10, 3))
    assert cluster.similarity(a, twin) == 0.0


def test_average_linkage_does_not_chain():
    a = event("a", "d1", [1.0, 0.0, 0.0], type_="x")
    b = event("b", "d2", at(0.72), type_="y")
    c_vec = [0.1, (0.7 - 0.72 * 0.1) / math.sqrt(1 - 0.72 ** 2), 0.0]
    c_vec[2] = math.sqrt(1 - c_vec[0] ** 2 - c_vec[1] ** 2)
    c = event("c", "d3", c_vec, type_="z")
    assert abs(float(np.dot(b["embedding"], c_vec)) - 0.7) < 1e-6   # b~c as close as a~b, a~c far
    got = cluster.cluster_events([a, b, c])
    assert got["a"] == got["b"] and got["c"] == "c", "c is near b but far from a: not one event"


def test_ties_are_broken_the_same_whatever_order_the_events_come_in():
    """b is as near a as c is near b (a and c far apart): which pair joins depends on the tie-break;
    the events' storage order (which differs between runs and engines) must not decide it."""
    a = event("a", "d1", [1.0, 0.0, 0.0], type_="x")
    b = event("b", "d2", at(0.72), type_="y")
    c_vec = [0.1, (0.72 - 0.72 * 0.1) / math.sqrt(1 - 0.72 ** 2), 0.0]
    c_vec[2] = math.sqrt(1 - c_vec[0] ** 2 - c_vec[1] ** 2)
    c = event("c", "d3", c_vec, type_="z")
    assert abs(cluster.similarity(a, b) - cluster.similarity(b, c)) < 1e-9
    results = {tuple(sorted(cluster.cluster_events(list(order)).items()))
               for order in itertools.permutations([a, b, c])}
    assert len(results) == 1
    (got,) = results
    assert len(set(dict(got).values())) == 2, "one pair joins, the third stays apart"


def test_rulings_of_unrelated_cases_decided_the_same_week_stay_apart():
    """A court's ruling is boilerplate ("AFFIRMED.", "We affirm the judgment of the district court."): appeals
    decided days apart in different documents, their vectors near-equal, are different events."""
    texts = ["AFFIRMED.", "We affirm the judgment of the district court.", "For the foregoing reasons, we AFFIRM.",
             "The judgment of the district court is AFFIRMED.", "Accordingly, the order of the district court is affirmed."]
    rulings = [event(f"r{i}", f"opinion{i}", at(0.97 - 0.01 * i), text, day=date(2010, 2, 4 + i % 2))
               for i, text in enumerate(texts)]
    got = cluster.cluster_events(rulings)
    assert len(set(got.values())) == len(texts), got
    # the same appeal told by the court and by a news story names its parties: that joins
    court = event("c", "opinion", [1.0, 0.0, 0.0], "We affirm the judgment against Triplet.", people=("Triplet",))
    story = event("s", "news", at(0.8), "The appeals court upheld Triplet's conviction on Friday.", people=("Triplet",))
    assert cluster.cluster_events([court, story])["s"] == "c"
