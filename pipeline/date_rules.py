"""Calendar arithmetic and vocabulary for :mod:`pipeline.dates`.

Everything here is pure and works on plain ``(start, end, precision)`` spans so that
``dates.py`` can keep the orchestration (cleaning, rule table, dateparser, anaphora).
"""
from __future__ import annotations

import datetime as dt
import re

Span = tuple[dt.date, dt.date, str]

# Coarseness order; "season" covers every multi-month span that is not a calendar quarter.
PRECISION_RANK: dict[str, int] = {
    "day": 0, "week": 1, "month": 2, "quarter": 3, "season": 4, "year": 5,
}
CALENDAR_PRECISIONS = ("day", "week", "month", "quarter", "year")

MONTHS: dict[str, int] = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3,
    "april": 4, "apr": 4, "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7,
    "august": 8, "aug": 8, "september": 9, "sept": 9, "sep": 9, "october": 10,
    "oct": 10, "november": 11, "nov": 11, "december": 12, "dec": 12,
}
WEEKDAYS: dict[str, int] = {
    "monday": 0, "mon": 0, "tuesday": 1, "tues": 1, "tue": 1, "wednesday": 2, "wed": 2,
    "thursday": 3, "thurs": 3, "thur": 3, "thu": 3, "friday": 4, "fri": 4,
    "saturday": 5, "sat": 5, "sunday": 6, "sun": 6,
}
NUMBER_WORDS: dict[str, int] = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
    "a couple of": 2, "a couple": 2, "couple of": 2,
}
ORDINALS: dict[str, int] = {
    "first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3,
    "fourth": 4, "4th": 4, "final": 4,
}
# Longest first so "sept" wins over "sep" and "tuesday" over "tue" in alternations.
MONTH_ALT = "|".join(sorted(MONTHS, key=len, reverse=True))
WEEKDAY_ALT = "|".join(sorted(WEEKDAYS, key=len, reverse=True))
COUNT_ALT = r"\d+|" + "|".join(sorted(NUMBER_WORDS, key=len, reverse=True))
ORDINAL_ALT = "|".join(ORDINALS)
SEASON_ALT = "spring|summer|fall|autumn|winter"

MONTH_RE = re.compile(rf"\b(?:{MONTH_ALT})\b")
# A full day written out, month or day first: "July 25, 2016", "September 7,2011" and "October3, 2024" (a text
# that lost a space), "26 December 2019" (events: a date the model tags wrongly or in part; letters: the day
# of a letter answered)
WRITTEN_DAY = (rf"\b(?:{MONTH_ALT})\.?\s*\d{{1,2}}(?:st|nd|rd|th)?,\s*(?:19|20)\d\d\b"
               rf"|\b\d{{1,2}}\s+(?:{MONTH_ALT})\b\.?\s+(?:19|20)\d\d\b")
WEEKDAY_RE = re.compile(rf"\b(?:{WEEKDAY_ALT})\b")
# A TIME span that names its day ("about 3:15 p.m. Dec. 22", "late Tuesday", "Wednesday night", "this
# afternoon" and "last night" from the document's day) is a date.
DAY_NAMED_RE = re.compile(rf"\b(?:(?:{MONTH_ALT})\.?\s+\d{{1,2}}\b|{WEEKDAY_ALT}|today|yesterday|tonight"
                          r"|this\s+(?:morning|afternoon|evening)|last\s+night)\b",
                          re.IGNORECASE)
YEAR_RE = re.compile(r"\b(?:1[6-9]\d\d|20\d\d|21\d\d)\b")
NUMERIC_WITH_YEAR_RE = re.compile(
    r"\b\d{1,2}[/.-]\d{1,2}[/.-]\d{2}(?:\d{2})?\b|\b\d{4}-\d{1,2}(?:-\d{1,2})?\b|\b\d{1,2}/\d{4}\b"
)
RELATIVE_WORD_RE = re.compile(
    r"\b(?:today|yesterday|tonight|tomorrow|ago|last|next|this|past|week|month|year"
    r"|morning|afternoon|evening|night)\b"
)

# Words that only ever build durations, ages or vague spans ("the past few years").
UNIT_WORDS = frozenset(
    "day days week weeks month months year years decade decades century centuries "
    "hour hours minute minutes quarter quarters weekend weekends season seasons "
    "term terms night nights morning mornings time times".split()
)
DURATION_WORDS = UNIT_WORDS | frozenset(
    "a an the one two three four five six seven eight nine ten eleven twelve fifteen twenty "
    "thirty forty fifty hundred several few many couple of past last next coming recent "
    "previous preceding more than about around nearly almost roughly approximately over "
    "under some at least half long old for within whole entire full plus".split()
)


def coarser(a: str, b: str) -> str:
    """The coarser of two precisions."""
    return a if PRECISION_RANK[a] >= PRECISION_RANK[b] else b


def month_end(year: int, month: int) -> dt.date:
    """Last day of a month."""
    first_next = dt.date(year + month // 12, month % 12 + 1, 1)
    return first_next - dt.timedelta(days=1)


def add_months(d: dt.date, n: int) -> dt.date:
    """Shift by whole months, clamping the day (Jan 31 + 1 month = Feb 28)."""
    year, month0 = divmod(d.year * 12 + d.month - 1 + n, 12)
    return dt.date(year, month0 + 1, min(d.day, month_end(year, month0 + 1).day))


def shift_date(d: dt.date, n: int, unit: str) -> dt.date:
    """Move a date by n units (day|week|month|year)."""
    if unit == "day":
        return d + dt.timedelta(days=n)
    if unit == "week":
        return d + dt.timedelta(weeks=n)
    return add_months(d, n if unit == "month" else 12 * n)


def calendar_span(precision: str, d: dt.date) -> Span | None:
    """The calendar unit of `precision` containing d (weeks run Monday-Sunday)."""
    if precision == "day":
        return d, d, "day"
    if precision == "week":
        monday = d - dt.timedelta(days=d.weekday())
        return monday, monday + dt.timedelta(days=6), "week"
    if precision == "month":
        return d.replace(day=1), month_end(d.year, d.month), "month"
    if precision == "quarter":
        return quarter_span(d.year, (d.month - 1) // 3 + 1)
    if precision == "year":
        return dt.date(d.year, 1, 1), dt.date(d.year, 12, 31), "year"
    return None


def is_calendar_aligned(start: dt.date, end: dt.date, precision: str) -> bool:
    """True if the span is exactly one calendar unit of its precision."""
    span = calendar_span(precision, start)
    return span is not None and span[:2] == (start, end)


def shift_span(start: dt.date, end: dt.date, n: int, unit: str) -> tuple[dt.date, dt.date]:
    """Shift both ends, keeping month-end ends at month ends (Feb 28 -> Feb 29 in leap years)."""
    new_start, new_end = shift_date(start, n, unit), shift_date(end, n, unit)
    if unit in ("month", "year") and end == month_end(end.year, end.month):
        new_end = month_end(new_end.year, new_end.month)
    return new_start, new_end


def quarter_span(year: int, q: int) -> Span:
    """Calendar quarter q (1-4) of year."""
    first = dt.date(year, 3 * (q - 1) + 1, 1)
    return first, month_end(year, 3 * q), "quarter"


def season_span(name: str, year: int) -> Span:
    """Meteorological seasons; winter YEAR is Dec YEAR - end of Feb YEAR+1."""
    first_month = {"spring": 3, "summer": 6, "fall": 9, "autumn": 9, "winter": 12}[name]
    start = dt.date(year, first_month, 1)
    last = add_months(start, 2)
    return start, month_end(last.year, last.month), "season"


def fiscal_year_span(fy: int, start_month: int) -> Span:
    """FY N is the fiscal year ending in calendar year N (FY2019 = Jul 2018 - Jun 2019)."""
    start = dt.date(fy if start_month == 1 else fy - 1, start_month, 1)
    return start, add_months(start, 12) - dt.timedelta(days=1), "year"


def fiscal_year_of(d: dt.date, start_month: int) -> int:
    """The FY number (by ending year) that contains d."""
    return d.year + 1 if start_month != 1 and d.month >= start_month else d.year


def expand_year(text: str, pivot_on: int | None = None) -> int:
    """'19' -> 2019 ('70'..'99' -> 19xx); with pivot_on, take pivot_on's century."""
    value = int(text)
    if len(text) == 4:
        return value
    if pivot_on is not None:
        return pivot_on // 100 * 100 + value
    return 2000 + value if value < 70 else 1900 + value


def second_year(first: int, text: str) -> int | None:
    """The second year of a '2019-20' / '2019-2020' pair, or None unless 1-30 years later."""
    second = expand_year(text, pivot_on=first)
    if len(text) == 2 and second < first:
        second += 100  # "1999-00"
    return second if first < second <= first + 30 else None


def count_value(text: str) -> int | None:
    """'two' -> 2, '14' -> 14, 'a' -> 1."""
    return int(text) if text.isdigit() else NUMBER_WORDS.get(text)


def split_span(start: dt.date, end: dt.date, precision: str, part: int, parts: int) -> Span | None:
    """Part k (0-based) of a 12-month span (thirds -> 'season') or a month (-> 'month')."""
    if add_months(start, 12) - dt.timedelta(days=1) == end:
        months = 12 // parts
        piece_start = add_months(start, months * part)
        return piece_start, add_months(piece_start, months) - dt.timedelta(days=1), "season"
    if precision == "month" and is_calendar_aligned(start, end, "month"):
        # Thirds of a month: 1-10 / 11-20 / 21-end; halves: 1-15 / 16-end.
        bounds = {3: (1, 11, 21), 2: (1, 16)}[parts]
        first = start.replace(day=bounds[part])
        last = end if part == parts - 1 else start.replace(day=bounds[part + 1] - 1)
        return first, last, "month"
    return None


# --- lexical rules: fuzzy spans recognised by their words alone --------------------------------
# Each takes (match, anchor, fiscal_year_start_month) and returns (span, source) or None.

Found = tuple[Span, str] | None
_REL_OFFSET = {"last": -1, "previous": -1, "prior": -1, "past": -1, "next": 1, "coming": 1}


def _season(m: re.Match[str], anchor: dt.date | None, fy_start: int) -> Found:
    """"fall 2020", "the summer of 2018", "winter 2020-21" (= winter 2020)."""
    year = int(m[2])
    if m[3] and second_year(year, m[3]) != year + 1:
        return None
    return season_span(m[1], year), "explicit"


def _relative_season(m: re.Match[str], anchor: dt.date | None, fy_start: int) -> Found:
    """"last fall" (ended before the anchor), "this spring", "the summer" (began by the anchor)."""
    if anchor is None:
        return None
    which, name = (m[1] or "").strip(), m[2]
    spans = [season_span(name, y) for y in range(anchor.year - 2, anchor.year + 2)]
    if which in ("last", "past", "this past"):
        chosen = [s for s in spans if s[1] < anchor][-1]
    elif which == "next":
        chosen = [s for s in spans if s[0] > anchor][0]
    elif which == "this":
        chosen = season_span(name, anchor.year - (name == "winter" and anchor.month <= 2))
    else:
        chosen = [s for s in spans if s[0] <= anchor][-1]
    return chosen, "relative"


def _fiscal_year(m: re.Match[str], anchor: dt.date | None, fy_start: int) -> Found:
    """"fy2019", "fy 19", "fiscal year 2019", "fiscal 2019-20", "the 2019 fiscal year"."""
    first = expand_year(m[1])
    fy = second_year(first, m[2]) if m[2] else first
    if fy is None or (m[2] and fy != first + 1):
        return None
    return fiscal_year_span(fy, fy_start), "explicit"


def _relative_fiscal_year(m: re.Match[str], anchor: dt.date | None, fy_start: int) -> Found:
    """"this fiscal year", "last fiscal year", "next fiscal year"."""
    if anchor is None:
        return None
    fy = fiscal_year_of(anchor, fy_start) + _REL_OFFSET.get(m[1], 0)
    return fiscal_year_span(fy, fy_start), "relative"


def _quarter(m: re.Match[str], anchor: dt.date | None, fy_start: int) -> Found:
    """"q3 2020", "3q20", "the third quarter of 2020"; "q1 fy2020" is a fiscal quarter."""
    q = int(m["qn"] or m["qd"] or 0) or ORDINALS[m["qw"]]
    year = expand_year(m["year"])
    if not m["fiscal"]:
        return quarter_span(year, q), "explicit"
    first = add_months(fiscal_year_span(year, fy_start)[0], 3 * (q - 1))
    return (first, add_months(first, 3) - dt.timedelta(days=1), "quarter"), "explicit"


def _relative_quarter(m: re.Match[str], anchor: dt.date | None, fy_start: int) -> Found:
    """"last quarter", "this quarter"; "the third quarter" = the latest one begun by the anchor."""
    if anchor is None:
        return None
    if m["qw"]:
        q = ORDINALS[m["qw"]]
        year = anchor.year - (q > (anchor.month - 1) // 3 + 1)
        return quarter_span(year, q), "relative"
    return calendar_span("quarter", add_months(anchor, 3 * _REL_OFFSET.get(m["rel"], 0))), "relative"  # type: ignore[return-value]


def _weekend(m: re.Match[str], anchor: dt.date | None, fy_start: int) -> Found:
    """"the weekend"/"this weekend": the latest Sat-Sun starting on or before the anchor."""
    if anchor is None:
        return None
    saturday = anchor - dt.timedelta(days=(anchor.weekday() - 5) % 7)
    if m[1] == "last" and saturday + dt.timedelta(days=1) >= anchor:
        saturday -= dt.timedelta(days=7)  # "last weekend" said during a weekend
    elif m[1] == "next":
        saturday += dt.timedelta(days=7)
    return (saturday, saturday + dt.timedelta(days=1), "day"), "relative"


def _relative_month(m: re.Match[str], anchor: dt.date | None, fy_start: int) -> Found:
    """"last march" (strictly before the anchor month), "this march", "next march"."""
    if anchor is None:
        return None
    month = MONTHS[m[2]]
    if m[1] == "this":
        year = anchor.year
    elif m[1] == "next":
        year = anchor.year + (month <= anchor.month)
    else:
        year = anchor.year - (month >= anchor.month)
    return calendar_span("month", dt.date(year, month, 1)), "relative"  # type: ignore[return-value]


def _month_of_year(m: re.Match[str], anchor: dt.date | None, fy_start: int) -> Found:
    """"january this year", "march 5 of last year", "june next year": that month (or day) of the year
    named from the anchor's."""
    if anchor is None:
        return None
    year = anchor.year + {"this": 0, "last": -1, "next": 1}[m[3]]
    month = MONTHS[m[1]]
    if m[2] is None:
        return calendar_span("month", dt.date(year, month, 1)), "relative"  # type: ignore[return-value]
    try:
        day = dt.date(year, month, int(m[2]))
    except ValueError:
        return None
    return calendar_span("day", day), "relative"  # type: ignore[return-value]


_FISCAL = r"(?:fy|fiscal year|fiscal)"
_REL = r"this|current|last|previous|prior|past|next|coming"
LEXICAL_RULES = [
    (rf"(?:the )?({SEASON_ALT})(?: of| in)?,? (\d{{4}})(?: ?[-/] ?(\d{{4}}|\d{{2}}))?", _season),
    (rf"(the |this |last |this past |past |next )?({SEASON_ALT})", _relative_season),
    (rf"{_FISCAL} ?'?(\d{{4}}|\d{{2}})(?: ?[-/] ?'?(\d{{4}}|\d{{2}}))?", _fiscal_year),
    (r"(?:the )?(\d{4})(?: ?[-/] ?(\d{4}|\d{2}))? fiscal year", _fiscal_year),
    (rf"(?:the )?({_REL}) fiscal year", _relative_fiscal_year),
    (rf"(?:the )?(?:q(?P<qn>[1-4])|(?P<qd>[1-4])q|(?P<qw>{ORDINAL_ALT})[- ]quarter)(?: of| in)?,? ?"
     rf"(?P<fiscal>{_FISCAL} ?)?'?(?P<year>\d{{4}}|\d{{2}})", _quarter),
    (rf"(?:the )?(?:(?P<rel>{_REL}) quarter|(?P<qw>{ORDINAL_ALT})[- ]quarter)", _relative_quarter),
    (r"(?:(this|last|next|this past|past) |the )?weekend", _weekend),
    (rf"(last|this past|past|this|next) ({MONTH_ALT})", _relative_month),
    (rf"({MONTH_ALT})(?: (\d{{1,2}})(?:st|nd|rd|th)?)?,? (?:of )?(this|last|next) year", _month_of_year),
]
# What may stand between a sentence's start and a date that opens it ("On April 25, 2020, the court
# granted …", a docket row's "| 04/21/2005 | 126 | MOTION by … (Entered: 04/25/2005)"): such a date
# frames the sentence's main clause, the row's entry.
FRONTED_RE = re.compile(r"\s*(?:\|\s*)?(?:(?:on|in|during|since|at|by|as\s+of)\s+)?", re.IGNORECASE)

