"""pipeline.dates: date spans from minutes and local news -> intervals.

Each case names the sentence the span came from; the anchor is the document's own date.
"""
from __future__ import annotations

import time
from datetime import date, datetime

import pytest

from pipeline import dates
from pipeline.dates import DateInterval, document_interval, normalize, resolve_sequence

D = date
THU = D(2018, 3, 15)   # a Thursday: the usual anchor (publication date of the article)
TUE = D(2018, 3, 13)   # a Tuesday: for "Tuesday" said on a Tuesday
PREV_DAY = DateInterval(D(2018, 3, 6), D(2018, 3, 6), "day", "explicit", "March 6, 2018")
PREV_MONTH = DateInterval(D(2018, 3, 1), D(2018, 3, 31), "month", "explicit", "March 2018")
PREV_FY = DateInterval(D(2018, 7, 1), D(2019, 6, 30), "year", "explicit", "FY2019")
PREV_RANGE = DateInterval(D(2018, 3, 5), D(2018, 3, 7), "day", "explicit", "March 5-7, 2018")


def _check(text: str, expected: tuple | None, **kw: object) -> None:
    got = normalize(text, **kw)  # type: ignore[arg-type]
    if expected is None:
        assert got is None, f"{text!r} -> {got}"
        return
    assert got is not None, f"{text!r} -> None"
    assert (got.start, got.end, got.precision, got.source) == expected, text
    assert got.text == text


# (sentence it came from, span, expected start, end, precision, source)
EXPLICIT = [
    ("On March 6, 2018, the board voted 4-1 to...", "March 6, 2018", D(2018, 3, 6), D(2018, 3, 6), "day"),
    ("Whitfield was hired Mar. 6, 2018.", "Mar. 6, 2018", D(2018, 3, 6), D(2018, 3, 6), "day"),
    ("The audit, dated 6 March 2018, found...", "6 March 2018", D(2018, 3, 6), D(2018, 3, 6), "day"),
    ("Minutes of the meeting held 3/6/2018", "3/6/2018", D(2018, 3, 6), D(2018, 3, 6), "day"),
    ("Minutes approved 3/6/18", "3/6/18", D(2018, 3, 6), D(2018, 3, 6), "day"),
    ("Filed 2018-03-06", "2018-03-06", D(2018, 3, 6), D(2018, 3, 6), "day"),
    ("In March 2018 the state opened a review", "March 2018", D(2018, 3, 1), D(2018, 3, 31), "month"),
    ("in March of 2018", "March of 2018", D(2018, 3, 1), D(2018, 3, 31), "month"),
    ("the Nov. 2017 report", "Nov. 2017", D(2017, 11, 1), D(2017, 11, 30), "month"),
    ("In 2018, the agency lost 12 caseworkers", "2018", D(2018, 1, 1), D(2018, 12, 31), "year"),
    ("REGULAR MEETING Tuesday, March 6, 2018", "Tuesday, March 6, 2018", D(2018, 3, 6), D(2018, 3, 6), "day"),
    ("on Jan. 9, 2019, the director resigned", "Jan. 9, 2019", D(2019, 1, 9), D(2019, 1, 9), "day"),
    ("on Sept. 5, 2017 the board", "Sept. 5, 2017", D(2017, 9, 5), D(2017, 9, 5), "day"),
    ("on March 6th, 2018", "March 6th, 2018", D(2018, 3, 6), D(2018, 3, 6), "day"),
    ("On March 6, 2018, at 6 p.m. the board convened", "March 6, 2018, at 6 p.m.", D(2018, 3, 6), D(2018, 3, 6), "day"),
    ("the week of March 5, 2018", "the week of March 5, 2018", D(2018, 3, 5), D(2018, 3, 11), "week"),
    ("during the week of March 7, 2018", "the week of March 7, 2018", D(2018, 3, 5), D(2018, 3, 11), "week"),
    ("as of March 2018, 40 cases were open", "as of March 2018", D(2018, 3, 1), D(2018, 3, 31), "month"),
    ("during 2018", "during 2018", D(2018, 1, 1), D(2018, 12, 31), "year"),
    ("the agency's 2018 budget", "2018's", D(2018, 1, 1), D(2018, 12, 31), "year"),
]


@pytest.mark.parametrize("sentence,text,start,end,precision", EXPLICIT, ids=[c[1] for c in EXPLICIT])
def test_explicit(sentence: str, text: str, start: date, end: date, precision: str) -> None:
    _check(text, (start, end, precision, "explicit"), anchor=THU)


@pytest.mark.parametrize("text", ["March 6, 2018", "2018", "March 2018", "FY2019", "fall 2020", "Q3 2020"])
def test_explicit_dates_need_no_anchor(text: str) -> None:
    assert normalize(text) is not None


MONTH_DAY = [  # month and day without a year: the anchor's year, preferring the past
    ("the board met March 6", "March 6", THU, D(2018, 3, 6)),
    ("will meet April 10 (anchor Mar 15: within a month ahead)", "April 10", THU, D(2018, 4, 10)),
    ("on April 20 (more than a month ahead: last year)", "April 20", THU, D(2017, 4, 20)),
    ("on Dec. 20", "Dec. 20", THU, D(2017, 12, 20)),
    ("on Jan. 9", "Jan. 9", THU, D(2018, 1, 9)),
    ("on Tuesday, March 6", "Tuesday, March 6", THU, D(2018, 3, 6)),
    ("on Dec. 20 (anchor Jan 5)", "Dec. 20", D(2019, 1, 5), D(2018, 12, 20)),
]


@pytest.mark.parametrize("sentence,text,anchor,day", MONTH_DAY, ids=[c[0] for c in MONTH_DAY])
def test_month_day_takes_year_from_anchor(sentence: str, text: str, anchor: date, day: date) -> None:
    _check(text, (day, day, "day", "explicit"), anchor=anchor)


RELATIVE = [
    ("Whitfield resigned last Tuesday", "last Tuesday", THU, D(2018, 3, 13), D(2018, 3, 13), "day"),
    ("last Tuesday (said on a Tuesday: the week before)", "last Tuesday", TUE, D(2018, 3, 6), D(2018, 3, 6), "day"),
    ("The board voted Tuesday", "Tuesday", THU, D(2018, 3, 13), D(2018, 3, 13), "day"),
    ("voted on Tuesday (said on a Tuesday: today)", "on Tuesday", TUE, D(2018, 3, 13), D(2018, 3, 13), "day"),
    ("Tuesday night's meeting (on a Tuesday)", "Tuesday night's", TUE, D(2018, 3, 13), D(2018, 3, 13), "day"),
    ("this past Monday", "this past Monday", THU, D(2018, 3, 12), D(2018, 3, 12), "day"),
    ("said yesterday", "yesterday", THU, D(2018, 3, 14), D(2018, 3, 14), "day"),
    ("said today", "today", THU, D(2018, 3, 15), D(2018, 3, 15), "day"),
    ("last night", "last night", THU, D(2018, 3, 14), D(2018, 3, 14), "day"),
    ("this morning", "this morning", THU, D(2018, 3, 15), D(2018, 3, 15), "day"),
    ("this week", "this week", THU, D(2018, 3, 12), D(2018, 3, 18), "week"),
    ("last week", "last week", THU, D(2018, 3, 5), D(2018, 3, 11), "week"),
    ("last month", "last month", THU, D(2018, 2, 1), D(2018, 2, 28), "month"),
    ("last year", "last year", THU, D(2017, 1, 1), D(2017, 12, 31), "year"),
    ("last year's audit", "last year's", THU, D(2017, 1, 1), D(2017, 12, 31), "year"),
    ("this year", "this year", THU, D(2018, 1, 1), D(2018, 12, 31), "year"),
    ("in March", "in March", THU, D(2018, 3, 1), D(2018, 3, 31), "month"),
    ("in April (after the anchor month: last year's)", "April", THU, D(2017, 4, 1), D(2017, 4, 30), "month"),
    ("last March", "last March", THU, D(2017, 3, 1), D(2017, 3, 31), "month"),
    ("two days ago", "two days ago", THU, D(2018, 3, 13), D(2018, 3, 13), "day"),
    ("three weeks ago", "three weeks ago", THU, D(2018, 2, 19), D(2018, 2, 25), "week"),
    ("a month ago", "a month ago", THU, D(2018, 2, 1), D(2018, 2, 28), "month"),
    ("two years ago", "two years ago", THU, D(2016, 1, 1), D(2016, 12, 31), "year"),
    # a count hedged or given two ways, which dateparser reads as nothing (dates._counted_ago); two counts
    # make the span from the farther to the nearer
    ("3 days ago", "3 days ago", THU, D(2018, 3, 12), D(2018, 3, 12), "day"),
    ("a couple of years ago", "a couple of years ago", THU, D(2016, 1, 1), D(2016, 12, 31), "year"),
    ("a couple weeks ago", "a couple weeks ago", THU, D(2018, 2, 26), D(2018, 3, 4), "week"),
    ("nine or ten days ago", "nine or ten days ago", THU, D(2018, 3, 5), D(2018, 3, 6), "day"),
    ("a day or two ago", "a day or two ago", THU, D(2018, 3, 13), D(2018, 3, 14), "day"),
    ("a month or so ago", "a month or so ago", THU, D(2018, 2, 1), D(2018, 2, 28), "month"),
    ("about six months ago", "about six months ago", THU, D(2017, 9, 1), D(2017, 9, 30), "month"),
    ("probably six weeks ago", "probably six weeks ago", THU, D(2018, 1, 29), D(2018, 2, 4), "week"),
    # a weekday of a week counted from the document's
    ("a meeting only on Monday of this week", "Monday of this week", THU, D(2018, 3, 12), D(2018, 3, 12), "day"),
    ("Friday of last week", "Friday of last week", THU, D(2018, 3, 9), D(2018, 3, 9), "day"),
    ("Tuesday morning of next week", "Tuesday morning of next week", THU, D(2018, 3, 20), D(2018, 3, 20), "day"),
    ("earlier this month", "earlier this month", THU, D(2018, 3, 1), D(2018, 3, 31), "month"),
    ("earlier this year", "earlier this year", THU, D(2018, 1, 1), D(2018, 12, 31), "year"),
    ("will meet next Monday", "next Monday", THU, D(2018, 3, 19), D(2018, 3, 19), "day"),
    ("next month", "next month", THU, D(2018, 4, 1), D(2018, 4, 30), "month"),
    ("next week", "next week", THU, D(2018, 3, 19), D(2018, 3, 25), "week"),
    ("late Friday night", "late Friday night", THU, D(2018, 3, 9), D(2018, 3, 9), "day"),
    ("over the weekend (anchor Monday)", "the weekend", D(2018, 3, 12), D(2018, 3, 10), D(2018, 3, 11), "day"),
    ("last fall", "last fall", THU, D(2017, 9, 1), D(2017, 11, 30), "season"),
    ("this spring", "this spring", THU, D(2018, 3, 1), D(2018, 5, 31), "season"),
    ("late last year", "late last year", THU, D(2017, 9, 1), D(2017, 12, 31), "season"),
    ("early March", "early March", THU, D(2018, 3, 1), D(2018, 3, 10), "month"),
    ("last quarter", "last quarter", THU, D(2017, 10, 1), D(2017, 12, 31), "quarter"),
    ("this fiscal year", "this fiscal year", THU, D(2017, 7, 1), D(2018, 6, 30), "year"),
    # a month named with the year counted from the document's ("a holiday in January this year")
    ("in January this year", "in January this year", THU, D(2018, 1, 1), D(2018, 1, 31), "month"),
    ("in October this year (ahead of the anchor)", "October this year", THU, D(2018, 10, 1), D(2018, 10, 31), "month"),
    ("in June last year", "June last year", THU, D(2017, 6, 1), D(2017, 6, 30), "month"),
    ("March 5 of last year", "March 5 of last year", THU, D(2017, 3, 5), D(2017, 3, 5), "day"),
    ("Sept. 9 next year", "Sept. 9 next year", THU, D(2019, 9, 9), D(2019, 9, 9), "day"),
]


@pytest.mark.parametrize("sentence,text,anchor,start,end,precision", RELATIVE, ids=[c[0] for c in RELATIVE])
def test_relative(sentence: str, text: str, anchor: date, start: date, end: date, precision: str) -> None:
    _check(text, (start, end, precision, "relative"), anchor=anchor)


def test_dateparser_is_really_used() -> None:
    # No rule in the module handles "a fortnight ago" or "the day before yesterday": dateparser does.
    _check("a fortnight ago", (D(2018, 2, 26), D(2018, 3, 4), "week", "relative"), anchor=THU)
    _check("the day before yesterday", (D(2018, 3, 13), D(2018, 3, 13), "day", "relative"), anchor=THU)
    assert dates._parser.cache_info().currsize >= 1


def test_datetime_anchor_is_accepted() -> None:
    _check("yesterday", (D(2018, 3, 14), D(2018, 3, 14), "day", "relative"), anchor=datetime(2018, 3, 15, 18, 30))


ANAPHORIC = [
    ("Two weeks later, the board named an interim director", "Two weeks later", PREV_DAY,
     D(2018, 3, 20), D(2018, 3, 20), "day"),
    ("Three days later she filed a grievance", "three days later", PREV_DAY, D(2018, 3, 9), D(2018, 3, 9), "day"),
    ("a week later", "a week later", PREV_DAY, D(2018, 3, 13), D(2018, 3, 13), "day"),
    ("two days earlier", "two days earlier", PREV_DAY, D(2018, 3, 4), D(2018, 3, 4), "day"),
    ("A month later the state took over", "A month later", PREV_DAY, D(2018, 4, 1), D(2018, 4, 30), "month"),
    ("18 months later", "18 months later", PREV_DAY, D(2019, 9, 1), D(2019, 9, 30), "month"),
    ("a year later", "a year later", PREV_DAY, D(2019, 1, 1), D(2019, 12, 31), "year"),
    ("The following month, auditors arrived", "The following month", PREV_DAY, D(2018, 4, 1), D(2018, 4, 30), "month"),
    ("The next day, Whitfield resigned", "The next day", PREV_DAY, D(2018, 3, 7), D(2018, 3, 7), "day"),
    ("the next morning", "the next morning", PREV_DAY, D(2018, 3, 7), D(2018, 3, 7), "day"),
    ("the day before", "the day before", PREV_DAY, D(2018, 3, 5), D(2018, 3, 5), "day"),
    ("the year before", "the year before", PREV_DAY, D(2017, 1, 1), D(2017, 12, 31), "year"),
    ("the previous week", "the previous week", PREV_DAY, D(2018, 2, 26), D(2018, 3, 4), "week"),
    ("the following week", "the following week", PREV_DAY, D(2018, 3, 12), D(2018, 3, 18), "week"),
    ("the following year", "the following year", PREV_DAY, D(2019, 1, 1), D(2019, 12, 31), "year"),
    ("the following Tuesday", "the following Tuesday", PREV_DAY, D(2018, 3, 13), D(2018, 3, 13), "day"),
    ("Later that month the county", "Later that month", PREV_DAY, D(2018, 3, 1), D(2018, 3, 31), "month"),
    ("later that year", "later that year", PREV_DAY, D(2018, 1, 1), D(2018, 12, 31), "year"),
    ("The same day, the union", "The same day", PREV_DAY, D(2018, 3, 6), D(2018, 3, 6), "day"),
    ("that same day", "that same day", PREV_DAY, D(2018, 3, 6), D(2018, 3, 6), "day"),
    ("later that month (previous is a month)", "later that month", PREV_MONTH, D(2018, 3, 1), D(2018, 3, 31), "month"),
    ("the following month (previous is a month)", "the following month", PREV_MONTH,
     D(2018, 4, 1), D(2018, 4, 30), "month"),
    ("two weeks later (previous is a month: the month shifts)", "two weeks later", PREV_MONTH,
     D(2018, 3, 15), D(2018, 4, 14), "month"),
    ("the following year (previous is FY2019)", "the following year", PREV_FY, D(2019, 7, 1), D(2020, 6, 30), "year"),
    ("two weeks later (previous is March 5-7)", "two weeks later", PREV_RANGE, D(2018, 3, 19), D(2018, 3, 21), "day"),
]


@pytest.mark.parametrize("sentence,text,previous,start,end,precision", ANAPHORIC, ids=[c[0] for c in ANAPHORIC])
def test_anaphoric(sentence: str, text: str, previous: DateInterval, start: date, end: date, precision: str) -> None:
    _check(text, (start, end, precision, "anaphoric"), anchor=THU, previous=previous)


@pytest.mark.parametrize("text,previous", [
    ("the next day", PREV_MONTH),         # no single day after "March 2018"
    ("the following week", PREV_MONTH),
    ("later that day", PREV_MONTH),
    ("the same day", PREV_FY),
    ("a few days later", PREV_DAY),       # no count: cannot shift
    ("several weeks later", PREV_DAY),
    ("the following Tuesday", PREV_MONTH),
])
def test_anaphora_finer_than_previous_is_none(text: str, previous: DateInterval) -> None:
    assert normalize(text, anchor=THU, previous=previous) is None


FUZZY = [
    ("in early 2021", "early 2021", D(2021, 1, 1), D(2021, 4, 30), "season"),
    ("by mid-2018 (mid: May-Aug)", "mid-2018", D(2018, 5, 1), D(2018, 8, 31), "season"),
    ("late 2018", "late 2018", D(2018, 9, 1), D(2018, 12, 31), "season"),
    ("the end of 2018", "the end of 2018", D(2018, 9, 1), D(2018, 12, 31), "season"),
    ("the beginning of 2019", "the beginning of 2019", D(2019, 1, 1), D(2019, 4, 30), "season"),
    ("in the fall of 2020", "the fall of 2020", D(2020, 9, 1), D(2020, 11, 30), "season"),
    ("fall 2020", "fall 2020", D(2020, 9, 1), D(2020, 11, 30), "season"),
    ("autumn 2020", "autumn 2020", D(2020, 9, 1), D(2020, 11, 30), "season"),
    ("winter 2020 (Dec 2020 - Feb 2021)", "winter 2020", D(2020, 12, 1), D(2021, 2, 28), "season"),
    ("winter 2019-20 (leap year end)", "winter 2019-20", D(2019, 12, 1), D(2020, 2, 29), "season"),
    ("spring 2019", "spring 2019", D(2019, 3, 1), D(2019, 5, 31), "season"),
    ("the summer of 2018", "summer of 2018", D(2018, 6, 1), D(2018, 8, 31), "season"),
    ("the budget for FY2019", "FY2019", D(2018, 7, 1), D(2019, 6, 30), "year"),
    ("FY 2019", "FY 2019", D(2018, 7, 1), D(2019, 6, 30), "year"),
    ("FY19", "FY19", D(2018, 7, 1), D(2019, 6, 30), "year"),
    ("fiscal year 2019", "fiscal year 2019", D(2018, 7, 1), D(2019, 6, 30), "year"),
    ("fiscal 2019", "fiscal 2019", D(2018, 7, 1), D(2019, 6, 30), "year"),
    ("the FY2019-20 budget", "FY2019-20", D(2019, 7, 1), D(2020, 6, 30), "year"),
    ("the 2019-20 fiscal year", "the 2019-20 fiscal year", D(2019, 7, 1), D(2020, 6, 30), "year"),
    ("Q3 2020", "Q3 2020", D(2020, 7, 1), D(2020, 9, 30), "quarter"),
    ("the third quarter of 2020", "the third quarter of 2020", D(2020, 7, 1), D(2020, 9, 30), "quarter"),
    ("3Q20", "3Q20", D(2020, 7, 1), D(2020, 9, 30), "quarter"),
    ("Q1 FY2020 (fiscal quarter)", "Q1 FY2020", D(2019, 7, 1), D(2019, 9, 30), "quarter"),
    ("the first half of 2019", "the first half of 2019", D(2019, 1, 1), D(2019, 6, 30), "season"),
    ("the second half of 2019", "the second half of 2019", D(2019, 7, 1), D(2019, 12, 31), "season"),
    ("late March 2018 (days 21-31)", "late March 2018", D(2018, 3, 21), D(2018, 3, 31), "month"),
    ("mid-March 2018 (days 11-20)", "mid-March 2018", D(2018, 3, 11), D(2018, 3, 20), "month"),
    ("early February 2018", "early February 2018", D(2018, 2, 1), D(2018, 2, 10), "month"),
    ("the conference March 5-7, 2018", "March 5-7, 2018", D(2018, 3, 5), D(2018, 3, 7), "day"),
    ("March 5\u20137, 2018 (en dash)", "March 5\u20137, 2018", D(2018, 3, 5), D(2018, 3, 7), "day"),
    ("June through August 2018", "June through August 2018", D(2018, 6, 1), D(2018, 8, 31), "month"),
    ("served 2015-2018", "2015-2018", D(2015, 1, 1), D(2018, 12, 31), "year"),
    ("between 2015 and 2018", "between 2015 and 2018", D(2015, 1, 1), D(2018, 12, 31), "year"),
    ("the 2019-20 school year", "2019-20", D(2019, 1, 1), D(2020, 12, 31), "year"),
    ("from March 5 to April 2, 2018", "from March 5 to April 2, 2018", D(2018, 3, 5), D(2018, 4, 2), "day"),
    ("2018-03 (ISO month, not a range)", "2018-03", D(2018, 3, 1), D(2018, 3, 31), "month"),
    ("the contract ran Oct. 1, 2017 - Sept. 30, 2018", "Oct. 1, 2017 - Sept. 30, 2018",
     D(2017, 10, 1), D(2018, 9, 30), "day"),
]


@pytest.mark.parametrize("sentence,text,start,end,precision", FUZZY, ids=[c[0] for c in FUZZY])
def test_fuzzy_and_ranges(sentence: str, text: str, start: date, end: date, precision: str) -> None:
    _check(text, (start, end, precision, "explicit"), anchor=THU)


def test_fiscal_year_start_month() -> None:
    got = normalize("FY2019", fiscal_year_start_month=10)  # US federal
    assert got is not None and (got.start, got.end) == (D(2018, 10, 1), D(2019, 9, 30))
    got = normalize("FY2019", fiscal_year_start_month=1)   # calendar fiscal year
    assert got is not None and (got.start, got.end) == (D(2019, 1, 1), D(2019, 12, 31))
    with pytest.raises(ValueError):
        normalize("FY2019", fiscal_year_start_month=13)


DROPPED = [
    "five years", "two weeks", "54", "54-year-old", "age 54", "every month", "monthly", "each year",
    "annually", "weekly", "daily", "every Tuesday", "the past decade", "several months", "18 months",
    "a decade", "the years", "recent years", "now", "currently", "the day", "this time", "that day",
    "that year", "the past week", "the next five years", "6 p.m.", "noon", "7:30 p.m.", "midnight",
    "the 1990s", "the '90s", "1990's", "the early 2000s", "the 6th", "'18", "the 19th century",
    "February 30, 2018", "June 31, 2018", "2018-02-30", "before March 2018", "after 2015", "by 2019",
    "until June 2018", "prior to March 6, 2018", "since 2015", "ever since March 2018", "by 5 p.m. Tuesday", "a Tuesday", "a few years ago",
    "Christmas", "the 2018 election", "", "   ",
]


@pytest.mark.parametrize("text", DROPPED)
def test_not_an_event_date(text: str) -> None:
    assert normalize(text, anchor=THU, previous=PREV_DAY) is None


@pytest.mark.parametrize("text", [
    "last Tuesday", "Tuesday", "yesterday", "last week", "in March", "two days ago", "March 6",
    "earlier this month", "next Monday", "last fall", "this fiscal year", "the weekend", "last quarter",
])
def test_relative_without_anchor_is_none(text: str) -> None:
    assert normalize(text, anchor=None) is None


@pytest.mark.parametrize("text", [
    "two weeks later", "the following month", "the next day", "later that month", "the same day",
    "three days later", "the following Tuesday",
])
def test_anaphoric_without_previous_is_none(text: str) -> None:
    assert normalize(text, anchor=THU, previous=None) is None


@pytest.mark.parametrize("text,start,end", [
    ("2021", D(2021, 1, 1), D(2021, 12, 31)),
    ("March 2018", D(2018, 3, 1), D(2018, 3, 31)),
    ("February 2020", D(2020, 2, 1), D(2020, 2, 29)),
])
@pytest.mark.parametrize("anchor", [None, D(2021, 6, 17), D(2018, 3, 15)])
def test_truncation_never_invents_a_day(text: str, start: date, end: date, anchor: date | None) -> None:
    got = normalize(text, anchor=anchor)
    assert got is not None and (got.start, got.end) == (start, end)


def test_resolve_sequence_chains_anaphora() -> None:
    spans = ["March 6, 2018", "Two weeks later", "the next day", "54", "The following month",
             "later that month", "a year later", "five years"]
    got = resolve_sequence(spans, anchor=D(2019, 1, 10))
    summary = [(g.start, g.end, g.precision, g.source) if g else None for g in got]
    assert summary == [
        (D(2018, 3, 6), D(2018, 3, 6), "day", "explicit"),
        (D(2018, 3, 20), D(2018, 3, 20), "day", "anaphoric"),
        (D(2018, 3, 21), D(2018, 3, 21), "day", "anaphoric"),
        None,                                                      # a bare number: skipped
        (D(2018, 4, 1), D(2018, 4, 30), "month", "anaphoric"),    # chain survives the None
        (D(2018, 4, 1), D(2018, 4, 30), "month", "anaphoric"),
        (D(2019, 1, 1), D(2019, 12, 31), "year", "anaphoric"),   # precision follows the unit
        None,
    ]
    assert [g.text for g in got if g][:2] == ["March 6, 2018", "Two weeks later"]


def test_resolve_sequence_mixes_relative_and_anaphoric() -> None:
    got = resolve_sequence(["last Tuesday", "the next day", "In 2017", "later that year"], anchor=THU)
    assert [(g.start, g.end, g.source) for g in got if g] == [
        (D(2018, 3, 13), D(2018, 3, 13), "relative"),
        (D(2018, 3, 14), D(2018, 3, 14), "anaphoric"),
        (D(2017, 1, 1), D(2017, 12, 31), "explicit"),
        (D(2017, 1, 1), D(2017, 12, 31), "anaphoric"),
    ]


def test_resolve_sequence_starts_without_previous() -> None:
    assert resolve_sequence(["the next day", "2018"], anchor=THU)[0] is None
    assert resolve_sequence([], anchor=None) == []


def test_document_interval() -> None:
    got = document_interval(D(2018, 3, 6))
    assert (got.start, got.end, got.precision, got.source) == (D(2018, 3, 6), D(2018, 3, 6), "day", "document_date")


def test_interval_is_frozen_and_hashable() -> None:
    got = normalize("March 2018")
    assert got is not None and hash(got) == hash(normalize("March 2018"))
    with pytest.raises(AttributeError):
        got.start = D(2000, 1, 1)  # type: ignore[misc]


def test_parsing_is_fast() -> None:
    normalize("March 6, 2018", anchor=THU)  # warm the parser for this anchor
    started = time.perf_counter()
    for _ in range(20):
        for text in ("last Tuesday", "March 6", "two weeks ago", "FY2019", "five years"):
            normalize(text, anchor=THU)
    assert time.perf_counter() - started < 2.0


@pytest.mark.parametrize("text, anchor, day", [
    # a two-digit year is in the century nearest the document, never a century back
    ("on 10/7/05", D(2003, 10, 8), D(2005, 10, 7)),
    ("11/22/05", D(2003, 10, 8), D(2005, 11, 22)),
    ("12/23/03", D(2003, 10, 8), D(2003, 12, 23)),
    ("03/04/99", D(2003, 10, 8), D(1999, 3, 4)),
    ("6/1/98", D(1997, 1, 1), D(1998, 6, 1)),
])
def test_two_digit_years_take_the_nearest_century(text: str, anchor: date, day: date) -> None:
    found = normalize(text, anchor=anchor)
    assert found is not None and (found.start, found.precision) == (day, "day")


@pytest.mark.parametrize("text, day", [
    ("June 17, 2020 and June 19, 2020", date(2020, 6, 17)),   # "On June 17, 2020 and June 19, 2020, the court issued orders"
    ("March 2 and March 9, 2018", date(2018, 3, 2)),          # the second date's year is the first's
    ("Oct. 4 & Oct. 11, 2016", date(2016, 10, 4)),
    # days listed with their years, which the model may tag as one span ("Continued from the April 19, 2022, June 21,
    # 2022, July 19, 2022 … meetings")
    ("the April 19, 2022, June 21, 2022", date(2022, 4, 19)),
    ("Sept. 3, 2019, Oct. 1, 2019", date(2019, 9, 3)),
])
def test_two_dates_joined_by_and_date_the_act_by_the_first(text: str, day: date) -> None:
    got = normalize(text, anchor=date(2021, 1, 1))
    assert got is not None and (got.start, got.end, got.precision) == (day, day, "day")


def test_a_range_or_no_date_is_not_two_dates() -> None:
    between = normalize("between June 1 and June 5, 2019", anchor=date(2021, 1, 1))
    assert between is None or between.end > between.start   # never the range's first day alone
    assert normalize("the mayor and council", anchor=date(2021, 1, 1)) is None


@pytest.mark.parametrize("text, anchor, day", [
    ("Monday, Dec. 14", date(2016, 12, 16), date(2015, 12, 14)),      # Dec. 14, 2016 was a Wednesday
    ("on Tuesday, March 3", date(2021, 6, 1), date(2020, 3, 3)),
    ("Wednesday, Dec. 14", date(2016, 12, 16), date(2016, 12, 14)),   # the weekday fits this year
    ("Dec. 14", date(2016, 12, 16), date(2016, 12, 14)),              # no weekday written
    ("Saturday May 30th", date(2020, 4, 20), date(2020, 5, 30)),      # weeks ahead, not 2015's
    ("Saturday, Jan. 4", date(2019, 12, 20), date(2020, 1, 4)),       # across the year's end
])
def test_a_weekday_written_with_the_day_chooses_its_year(text: str, anchor: date, day: date) -> None:
    found = normalize(text, anchor=anchor)
    assert (found.start, found.end) == (day, day)
