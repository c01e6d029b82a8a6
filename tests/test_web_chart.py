"""The timeline chart's layout: periods chosen by span, bars stacked by issue, undated counted."""
from __future__ import annotations

from urllib.parse import parse_qs, urlsplit

from casefile.web.chart import build, issue_class


def entries(*specs):
    return [{"date_start": d, "issues": [i] if i else []} for d, i in specs]


def test_months_quarters_years_by_span():
    assert build(entries(("2018-01-05", "a"), ("2018-11-01", "b")), ["a", "b"], {}, {}).unit == "month"
    assert build(entries(("2012-01-05", "a"), ("2018-11-01", "b")), ["a", "b"], {}, {}).unit == "quarter"
    assert build(entries(("1990-01-05", "a"), ("2018-11-01", "b")), ["a", "b"], {}, {}).unit == "year"


def test_bars_stack_by_issue_and_link_to_their_period():
    chart = build(entries(("2018-03-01", "a"), ("2018-03-20", "b"), ("2018-03-21", "b"), ("2018-05-01", None),
                          (None, "a")), ["a", "b"], {"a": "Alpha", "b": "Beta"}, {"person": "Jo", "from": "2017"})
    march = [b for b in chart.bars if b["title"].startswith("Mar 2018")]
    assert [b["title"] for b in march] == ["Mar 2018 — Alpha: 1 event", "Mar 2018 — Beta: 2 events"]
    assert march[0]["y"] > march[1]["y"] and abs(march[1]["h"] - 2 * march[0]["h"]) < 0.2   # stacked, to scale
    assert parse_qs(urlsplit(march[0]["href"]).query) == {"person": ["Jo"], "from": ["2018-03"], "to": ["2018-03"]}
    assert chart.undated == 1
    assert [(l["label"], l["n"]) for l in chart.legend] == [("Alpha", 1), ("Beta", 2), ("no issue", 1)]
    assert issue_class("b", ["a", "b"]) == "c1" and issue_class(None, []) == "cnone"


def test_nothing_dated_draws_nothing():
    chart = build(entries((None, "a")), ["a"], {}, {})
    assert chart.bars == [] and chart.undated == 1
