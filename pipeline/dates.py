"""Normalise date expressions (spaCy DATE/TIME span texts) into inclusive date intervals.

``normalize`` cleans the text, tries a table of rules (drops, anaphora, ranges, fuzzy spans,
fiscal years, quarters, seasons) and otherwise hands the text to dateparser, truncating the
result to the precision dateparser reports so no day or month is ever invented.

Decisions for ambiguous cases (README material):

* Weeks run Monday-Sunday. "the week of March 5, 2018" is the Mon-Sun week containing March 5.
* "season" is the precision of every multi-month span that is not a calendar quarter:
  meteorological seasons (spring Mar-May, summer Jun-Aug, fall/autumn Sep-Nov, winter YEAR =
  Dec YEAR - Feb YEAR+1; "winter 2020-21" is the same as "winter 2020"), early/mid/late YEAR
  (Jan-Apr / May-Aug / Sep-Dec) and halves of a year (Jan-Jun / Jul-Dec).
* early/mid/late MONTH (also beginning/middle/end of) = days 1-10 / 11-20 / 21-end, first/second
  half of a MONTH = 1-15 / 16-end, both precision "month". early/late of a week, quarter or
  season returns that unit unchanged; "earlier/later this month" is the month itself.
* FY N is the fiscal year *ending* in N: with fiscal_year_start_month=7, FY2019 =
  2018-07-01..2019-06-30 (precision "year"); "FY2019-20" = FY2020. Quarters are calendar
  quarters unless marked fiscal ("Q1 FY2020" = Jul-Sep 2019).
* "March 6" without a year takes the anchor's year unless that is more than 31 days after the
  anchor (then the previous year); source "explicit". Bare "March"/"in March" is the most recent
  March at or before the anchor month, "last March" the most recent one strictly before it
  (source "relative"). Numeric day/month without a year ("3/6") is dropped as ambiguous.
* Bare weekdays are the most recent such day on or before the anchor; "last Tuesday" is strictly
  before it; "next Monday" may be in the future. Without an anchor, anything that needs one
  (including a month-day without a year) is None: nothing is filled from today's date.
* "as of March 2018", "from 2015", "during 2018" resolve to the mentioned date ("since 2015" starts
  something still going on: no date of an act, like "before X");
  "before/after/by/until/prior to X" are None: the event did not happen at X.
* Ranges ("March 5-7, 2018", "June-August 2018", "2015-2018", "between 2015 and 2018",
  "2019-20") span both ends with the coarser precision. "2011-12" is read as two years (a school
  or fiscal year), not December 2011; "2018-03" is March 2018.
* Anaphora: counted shifts move `previous` ("two weeks later" on a day -> that day + 14, precision
  day; "a month later" -> the calendar month, precision month; on a coarser `previous` the whole
  interval shifts and keeps its precision). "the following/next/previous X" and "later that X"
  need a `previous` at least as fine as X, else None. "a few days later" (no count) is None.
* "the weekend"/"over the weekend" is the latest Sat-Sun starting on or before the anchor;
  "last quarter"/"the third quarter" are calendar quarters at or before the anchor's quarter.
* Dropped (None): durations ("five years", "18 months", "the past decade", "the past week",
  "this past year"), ages, recurrences ("every month", "annually"), decades ("the 1990s": the
  schema has no decade precision), bare numbers ("54"), indefinite days ("a Tuesday"), holidays
  ("Christmas"), vague references ("now", "the day", "that day", "that year", "this time") and
  times alone ("6 p.m.", "noon"). A time next to a date is ignored ("March 6, 2018, 6 p.m.").
* A day precision may cover several days ("March 5-7, 2018", "the weekend"): its bounds are
  exact to the day.
"""
from __future__ import annotations

import datetime as dt
import functools
import re
from dataclasses import dataclass, replace
from datetime import date
from typing import Callable

from dateparser.date import DateDataParser

from pipeline import date_rules as R

SOURCE_RANK = {"explicit": 0, "document_date": 0, "relative": 1, "anaphoric": 2}


@dataclass(frozen=True)
class DateInterval:
    start: date
    end: date          # inclusive
    precision: str     # "day" | "week" | "month" | "quarter" | "season" | "year"
    source: str        # "explicit" | "relative" | "anaphoric" | "document_date"
    text: str          # the expression as given


@dataclass(frozen=True)
class _Ctx:
    anchor: date | None
    previous: DateInterval | None
    fy_start: int


def normalize(text: str, *, anchor: date | None = None, previous: DateInterval | None = None,
              fiscal_year_start_month: int = 7) -> DateInterval | None:
    """The interval `text` denotes, or None if it is not a datable point or span (see module doc)."""
    if not 1 <= fiscal_year_start_month <= 12:
        raise ValueError(f"fiscal_year_start_month must be 1-12, got {fiscal_year_start_month}")
    cleaned = _clean(text or "")
    if not cleaned:
        return None
    if isinstance(anchor, dt.datetime):
        anchor = anchor.date()  # a datetime anchor must not leak a time into comparisons
    ctx = _Ctx(anchor, previous, fiscal_year_start_month)
    found = _resolve(cleaned, ctx) or _first_of_two(cleaned, ctx)
    if found is not None:
        found = _weekday_year(cleaned, found, anchor)
    return replace(found, text=text) if found else None


_NAMED_WEEKDAY = re.compile(rf"^(?:on )?({R.WEEKDAY_ALT}),? ({R.MONTH_ALT}) \d{{1,2}}(?:st|nd|rd|th)?$")


def weekday_fits(day: date, text: str) -> bool:
    """Whether a weekday written with the day ("Monday, Dec. 14") is that day's (True if none is written)."""
    m = _NAMED_WEEKDAY.match(_clean(text))
    return m is None or day.weekday() == R.WEEKDAYS[m[1]]


AHEAD_WEEKDAY = dt.timedelta(days=120)


def _weekday_year(t: str, found: DateInterval, anchor: date | None) -> DateInterval:
    """"Monday, Dec. 14" without its year, in a story of Dec. 16, 2016: the year in which Dec. 14 was a
    Monday (2015), the latest not after the document, up to six years back; else as read. A day that fits
    its weekday within the next 120 days ("Saturday May 30th" in April 2020 minutes) is that coming day."""
    m = _NAMED_WEEKDAY.match(t)
    if m is None or found.precision != "day" or found.start.weekday() == R.WEEKDAYS[m[1]]:
        return found
    if anchor is not None:   # a day weeks ahead ("the town hall for the annual meeting Saturday May 30th" in April 2020)
        for year in (anchor.year, anchor.year + 1):
            try:
                day = found.start.replace(year=year)
            except ValueError:
                continue
            if anchor < day <= anchor + AHEAD_WEEKDAY and day.weekday() == R.WEEKDAYS[m[1]]:
                return replace(found, start=day, end=day)
    top = (anchor or found.start).year
    for year in range(top, top - 7, -1):
        try:
            day = found.start.replace(year=year)
        except ValueError:   # February 29
            continue
        if day.weekday() == R.WEEKDAYS[m[1]] and (anchor is None or day <= anchor + dt.timedelta(days=7)):
            return replace(found, start=day, end=day)
    return found


_YEAR_IN = re.compile(r"\b(?:1[89]|20)\d{2}\b")


_LISTED_FULL_DAYS = re.compile(rf"^(.+?\b(?:1[89]|20)\d{{2}}),? (?=(?:{R.MONTH_ALT})\.? \d)")


def _first_of_two(t: str, ctx: _Ctx) -> DateInterval | None:
    """Two dates joined by "and" ("june 17, 2020 and june 19, 2020", "may 5 and may 7, 2019") or listed with their
    years ("april 19, 2022, june 21, 2022"): the first, with the second's year when it states none. A range
    ("between … and …") is not two dates."""
    if t.startswith(("between", "from")):
        return None
    listed = _LISTED_FULL_DAYS.match(t)
    if listed:
        return _resolve(listed.group(1), ctx)
    if not re.search(r" (?:and|&) ", t):
        return None
    first, second = re.split(r" (?:and|&) ", t, maxsplit=1)
    year = _YEAR_IN.search(second)
    if year and not _YEAR_IN.search(first):
        first = f"{first.strip(' ,')}, {year.group(0)}"
    return _resolve(first, ctx) if first.strip() else None


def resolve_sequence(spans: list[str], *, anchor: date | None, fiscal_year_start_month: int = 7,
                     told: list[bool] | None = None) -> list[DateInterval | None]:
    """Normalise spans in document order; each resolved one is `previous` for the next, unless
    `told` marks it False (a date in a quotation: what a speaker spoke of, not the story's day)."""
    out: list[DateInterval | None] = []
    previous: DateInterval | None = None
    for n, span in enumerate(spans):
        found = normalize(span, anchor=anchor, previous=previous,
                          fiscal_year_start_month=fiscal_year_start_month)
        out.append(found)
        if told is None or told[n]:
            previous = found or previous  # an unresolvable span does not break the chain
    return out


def document_interval(anchor: date) -> DateInterval:
    """The document's own date as an interval (for events dated only by their document)."""
    return DateInterval(anchor, anchor, "day", "document_date", anchor.isoformat())


# --- cleaning ---------------------------------------------------------------------------------

_TIME_RE = re.compile(
    r"(?:\b(?:at|around|about)\s+)?(?:\b\d{1,2}(?::\d{2})?\s*(?:a\.?\s?m\b\.?|p\.?\s?m\b\.?)"
    r"|\b\d{1,2}:\d{2}\b|\bnoon\b|\bmidnight\b|\bo'clock\b)")
_NEGATIVE_RE = re.compile(
    r"^(?:before|after|by|until|till|til|up to|up until|prior to|no later than|ahead of"
    r"|not until|no sooner than|as early as|pending|since|ever since)\b")
_LEADING_RE = re.compile(
    r"^(?:on|in|at|during|throughout|as of|from|of|over|around|about|circa"
    r"|approximately|roughly|sometime in|sometime during|sometime|beginning in|starting in"
    r"|starting|effective|dated|this the|this(?=\s+\d{1,2}(?:st|nd|rd|th)?\s+day\s+of\b))\s+")
# "(on) this the 13th day of September, 2019", "held this 12th day of January, 2011"


def _clean(text: str) -> str:
    """Lower-case, drop times, possessives, abbreviation dots and leading prepositions."""
    t = text.lower().replace("\u2019", "'").replace("\u2018", "'")
    t = re.sub(r"\s*[\u2013\u2014]\s*", "-", t)          # en/em dashes are range dashes
    t = re.sub(r"(\d0)'s\b", r"\1s", t)                 # "1990's" is a decade, not a possessive
    t = re.sub(r"(?<=[a-z\d])'s\b", "", t)             # "last year's" -> "last year"
    t = _TIME_RE.sub(" ", t)
    t = re.sub(rf"\b({R.MONTH_ALT}|{R.WEEKDAY_ALT})\.", r"\1", t)  # "jan. 9" -> "jan 9"
    t = re.sub(r"\s+", " ", t).strip(" ,.;:()[]\"")
    while True:
        if _NEGATIVE_RE.match(t):
            return ""  # the event is not AT the date that follows
        stripped = _LEADING_RE.sub("", t).strip(" ,")
        if stripped == t:
            return t
        t = stripped


# --- the rule table ---------------------------------------------------------------------------

Handler = Callable[[re.Match[str], _Ctx], "DateInterval | None"]
_UNITS = r"day|morning|afternoon|evening|night|week|month|year"
_LATER = r"(later|after|afterwards?|on|earlier|before|prior|previously)"


def _resolve(t: str, ctx: _Ctx) -> DateInterval | None:
    """First matching rule wins; otherwise dateparser."""
    if _is_dropped(t):
        return None
    for pattern, handler in _RULES:
        match = pattern.match(t)
        if match:
            return handler(match, ctx)
    return _dateparse(t, ctx)


_KEEP_RE = re.compile(r"(?:the )?(?:next|previous|preceding) (?:day|morning|afternoon|evening|night"
                      r"|week|month|year)|(?:last|this|next) (?:week|month|year|quarter|weekend|night)"
                      r"|that (?:morning|afternoon|evening|night)"
                      r"|(?:the )?weekend")


def _is_dropped(t: str) -> bool:
    """Durations, ages, recurrences, decades and vague references are not event dates."""
    if _KEEP_RE.fullmatch(t):
        return False  # "last week", "the next day": relative or anaphoric, not durations
    tokens = [w for w in re.split(r"[\s,-]+", t) if w]
    if tokens and all(w in R.DURATION_WORDS or w.isdigit() for w in tokens) \
            and any(w in R.UNIT_WORDS for w in tokens):
        return True  # "five years", "the past decade", "54-year-old", "the day"
    return bool(re.search(
        r"\b(?:every|each|per|monthly|weekly|daily|nightly|annually|yearly|quarterly|biweekly"
        r"|bimonthly|semiannually|annual|aged?|ages)\b", t)) or bool(re.fullmatch(
        r"(?:the )?(?:early |mid-?|late )?'?\d{2}(?:\d{2})?'?s|now|currently|recently|lately"
        r"|nowadays|these days|then|this time|that time|the time|at the time|the same time"
        r"|the moment|the past|the future|the present|present|(?:that|those) \w+", t))


def _iv(span: R.Span | None, source: str) -> DateInterval | None:
    return DateInterval(span[0], span[1], span[2], source, "") if span else None


def _unit(word: str) -> str:
    return "day" if word in ("morning", "afternoon", "evening", "night") else word


# Anaphora: everything here needs `previous`.

def _shifted(prev: DateInterval, n: int, unit: str, base: str) -> DateInterval:
    """prev moved by n units; the calendar `base` unit if that is coarser than prev."""
    if R.PRECISION_RANK[base] <= R.PRECISION_RANK[prev.precision]:
        start, end = R.shift_span(prev.start, prev.end, n, unit)  # keeps FYs, seasons, ranges whole
        return DateInterval(start, end, prev.precision, "anaphoric", "")
    return _iv(R.calendar_span(base, R.shift_date(prev.start, n, unit)), "anaphoric")  # type: ignore[return-value]


def _counted_shift(m: re.Match[str], ctx: _Ctx) -> DateInterval | None:
    """"two weeks later", "three days earlier", "a month after"."""
    n, unit = R.count_value(m[1]), m[2]
    if ctx.previous is None or n is None:
        return None
    sign = -1 if m[3] in ("earlier", "before", "prior", "previously") else 1
    return _shifted(ctx.previous, sign * n, unit, "day" if unit in ("day", "week") else unit)


_HEDGE_ALT = r"about|nearly|almost|some|roughly|approximately|just|only|maybe|probably|perhaps"


def _counted_ago(m: re.Match[str], ctx: _Ctx) -> DateInterval | None:
    """"a couple of years ago", "nine or ten days ago", "a month or so ago", "six weeks ago": counted back from the
    document's day, in the unit's calendar span; two counts make the span from the farther to the nearer ("a week
    or two ago": the two weeks). (dateparser reads neither "a couple of" nor a count's alternative.)"""
    near = R.count_value(m["n"])
    far = R.count_value(m["m"] or m["m2"] or m["n"])
    if ctx.anchor is None or near is None or far is None:
        return None
    unit = m["unit"]
    first = R.calendar_span(unit, R.shift_date(ctx.anchor, -max(near, far), unit))
    last = R.calendar_span(unit, R.shift_date(ctx.anchor, -min(near, far), unit))
    if first is None or last is None:
        return None
    return DateInterval(first[0], last[1], unit, "relative", "")


def _next_unit(m: re.Match[str], ctx: _Ctx) -> DateInterval | None:
    """"the following month", "the next day", "the previous week", "the day after"."""
    prev, unit = ctx.previous, _unit(m["unit"])
    if prev is None or R.PRECISION_RANK[prev.precision] > R.PRECISION_RANK[unit]:
        return None  # "the next day" after "March 2018" has no single day
    back = (m["dir"] or "") in ("previous", "prior", "preceding", "before")
    return _shifted(prev, -1 if back else 1, unit, unit)


def _same_unit(m: re.Match[str], ctx: _Ctx) -> DateInterval | None:
    """"later that month", "the same day", "earlier that year"."""
    return _same_day(ctx, _unit(m[1]))


def _same_day(ctx: _Ctx, unit: str) -> DateInterval | None:
    """The `unit` (day, week, month …) of the date told last: "hours later" is that day."""
    prev = ctx.previous
    if prev is None or R.PRECISION_RANK[prev.precision] > R.PRECISION_RANK[unit]:
        return None
    if unit == prev.precision:
        return replace(prev, source="anaphoric")
    return _iv(R.calendar_span(unit, prev.start), "anaphoric")


def _next_weekday(m: re.Match[str], ctx: _Ctx) -> DateInterval | None:
    """"the following tuesday": the first such weekday after a day-precision `previous`."""
    prev = ctx.previous
    if prev is None or prev.precision != "day":
        return None
    ahead = (R.WEEKDAYS[m[1]] - prev.end.weekday() - 1) % 7 + 1
    day = prev.end + dt.timedelta(days=ahead)
    return DateInterval(day, day, "day", "anaphoric", "")


# Ranges and modifiers: resolve the parts recursively.

def _combine(a: DateInterval | None, b: DateInterval | None) -> DateInterval | None:
    if a is None or b is None or a.start > b.end:
        return None
    source = max(a.source, b.source, key=SOURCE_RANK.__getitem__)
    return DateInterval(a.start, b.end, R.coarser(a.precision, b.precision), source, "")


def _day_range(m: re.Match[str], ctx: _Ctx) -> DateInterval | None:
    """"march 5-7, 2018"."""
    year = f", {m[4]}" if m[4] else ""
    return _combine(_resolve(f"{m[1]} {m[2]}{year}", ctx), _resolve(f"{m[1]} {m[3]}{year}", ctx))


def _month_range(m: re.Match[str], ctx: _Ctx) -> DateInterval | None:
    """"june-august 2018"."""
    year = f" {m[3]}" if m[3] else ""
    return _combine(_resolve(m[1] + year, ctx), _resolve(m[2] + year, ctx))


def _year_range(m: re.Match[str], ctx: _Ctx) -> DateInterval | None:
    """"2015-2018", "2019-20"; "2018-03" is a month, so it goes to dateparser."""
    first = int(m[1])
    second = R.second_year(first, m[2])
    if second is None or (len(m[2]) == 2 and second != first + 1 and int(m[2]) <= 12):
        return _dateparse(m[0], ctx)  # "2018-03", "2009-11": year-month
    return _iv((date(first, 1, 1), date(second, 12, 31), "year"), "explicit")


def _general_range(m: re.Match[str], ctx: _Ctx) -> DateInterval | None:
    """"between 2015 and 2018", "march 5 to april 2, 2018" (the right end's year is shared)."""
    left, right = _resolve(m[1], ctx), _resolve(m[2], ctx)
    year = R.YEAR_RE.search(m[2])
    if left is None and year and not R.YEAR_RE.search(m[1]):
        left = _resolve(f"{m[1]}, {year[0]}", ctx)
    return _combine(left, right)


def _week_of(m: re.Match[str], ctx: _Ctx) -> DateInterval | None:
    """"the week of march 5, 2018" -> the Mon-Sun week containing that day."""
    inner = _resolve(m[1], ctx)
    if inner is None or inner.precision != "day":
        return None
    monday, sunday, _ = R.calendar_span("week", inner.start)  # type: ignore[misc]
    return replace(inner, start=monday, end=sunday, precision="week")


_THIRD = {"early": 0, "beginning": 0, "start": 0, "mid": 1, "middle": 1, "late": 2, "end": 2}


def _part_of(m: re.Match[str], ctx: _Ctx) -> DateInterval | None:
    """"early 2021", "mid-2018", "late march 2018", "the end of last year", "earlier this month"."""
    inner = _resolve(m[2], ctx)
    if inner is None or m[1] not in _THIRD:
        return inner  # "earlier"/"later" + X is X
    piece = R.split_span(inner.start, inner.end, inner.precision, _THIRD[m[1]], 3)
    return replace(inner, start=piece[0], end=piece[1], precision=piece[2]) if piece else inner


def _half_of(m: re.Match[str], ctx: _Ctx) -> DateInterval | None:
    """"the first half of 2019", "the second half of march 2018", "h2 2019"."""
    inner = _resolve(m[2], ctx)
    part = 0 if m[1] in ("first", "1st", "h1", "1h") else 1
    piece = inner and R.split_span(inner.start, inner.end, inner.precision, part, 2)
    return replace(inner, start=piece[0], end=piece[1], precision=piece[2]) if inner and piece else None


def _lexical(rule: Callable[[re.Match[str], date | None, int], R.Found]) -> Handler:
    """Adapt a date_rules lexical rule (span, source) to a handler."""
    def handler(m: re.Match[str], ctx: _Ctx) -> DateInterval | None:
        found = rule(m, ctx.anchor, ctx.fy_start)
        return _iv(found[0], found[1]) if found else None
    return handler


def _past_weekday(m: re.Match[str], ctx: _Ctx) -> DateInterval | None:
    """"this past tuesday" means "last tuesday"."""
    return _resolve("last " + m[1], ctx)


def _weekday_of_week(m: re.Match[str], ctx: _Ctx) -> DateInterval | None:
    """"Monday of this week", "Friday of last week": that weekday in the week counted from the document's."""
    if ctx.anchor is None:
        return None
    monday = ctx.anchor - dt.timedelta(days=ctx.anchor.weekday())
    monday += dt.timedelta(weeks={"this": 0, "last": -1, "next": 1}[m["which"]])
    day = monday + dt.timedelta(days=R.WEEKDAYS[m["wd"]])
    return DateInterval(day, day, "day", "relative", "")


_MON, _WD = R.MONTH_ALT, R.WEEKDAY_ALT
_RULES: list[tuple[re.Pattern[str], Handler]] = [(re.compile(p + r"$"), h) for p, h in [
    (rf"(?:about |nearly |some |roughly |just |only )?({R.COUNT_ALT}) (day|week|month|year)s? {_LATER}",
     _counted_shift),
    (r".*\b(?:days|weeks|months|years) " + _LATER, lambda m, c: None),  # "a few days later"
    (rf"(?:(?:{_HEDGE_ALT}) )?(?P<n>{R.COUNT_ALT})(?: or (?P<m>{R.COUNT_ALT}))? (?P<unit>day|week|month|year)s?"
     rf"(?: or (?P<m2>{R.COUNT_ALT}))?(?: or so)? ago", _counted_ago),
    (rf"(?:the )?(?P<dir>following|subsequent|previous|prior|preceding) (?P<unit>{_UNITS})",
     _next_unit),
    (rf"the (?P<dir>next) (?P<unit>{_UNITS})", _next_unit),  # bare "next month" is relative
    (r"(?P<dir>next) (?P<unit>day|morning|afternoon|evening|night)", _next_unit),
    (rf"(?:the following|the next|following) ({_WD})", _next_weekday),  # "next tuesday" is relative
    (rf"the (?P<unit>{_UNITS}) (?P<dir>after|before)", _next_unit),
    (rf"(?:(?:later|earlier) (?:that|the same|that same|in the same)|(?:that|the) same|same) ({_UNITS})",
     _same_unit),
    # a part of the day the story told last ("that night", "late that evening"), a few hours on
    (r"(?:(?:later|earlier|late|early) )?that (morning|afternoon|evening|night)", _same_unit),
    (r"(?:(?:a few|several|some|two|three|four|a couple of) )?(?:hours|minutes|moments) (?:later|afterwards?)",
     lambda m, c: _same_day(c, "day")),
    (rf"({_MON}) (\d{{1,2}})(?:st|nd|rd|th)? ?(?:-|to|through|and|&) ?(\d{{1,2}})(?:st|nd|rd|th)?,? ?(\d{{4}})?",
     _day_range),
    (rf"({_MON}) ?(?:-|to|through|and|&) ?({_MON}),? ?(?:of )?(\d{{4}})?", _month_range),
    (r"(\d{4}) ?(?:-|/|to|through|and) ?(\d{4}|\d{2})", _year_range),
    *[(pattern, _lexical(rule)) for pattern, rule in R.LEXICAL_RULES],
    (r"(?:the )?(first|second|1st|2nd|latter) half(?: of)? (.+)", _half_of),
    (r"(h1|h2|1h|2h),? (\d{4})", _half_of),
    (r"(?:the )?week of (.+)", _week_of),
    (r"(?:the )?(early|mid|late|beginning|start|middle|end|earlier|later)(?: of| in|-| )+(?:the )?(.+)",
     _part_of),
    (r"(?:between |from )(.+?) (?:and|to|through|thru|until|-) (.+)", _general_range),
    (r"(.+?) (?:to|through|thru|until|-) (.+)", _general_range),
    (rf"(?:this )?past ((?:{_WD})\b.*)", _past_weekday),
    (rf"(?P<wd>{_WD})(?: (?:morning|afternoon|evening|night))? of (?P<which>this|last|next) week", _weekday_of_week),
]]


# --- dateparser -------------------------------------------------------------------------------

_NO_ANCHOR_BASE = dt.datetime(2000, 1, 1)  # only used for texts that carry their own year
_BARE_WEEKDAY_RE = re.compile(rf"(?:{_WD})(?: (?:morning|afternoon|evening|night))?")
_PERIOD_PRECISION = {"day": "day", "time": "day", "part_of_day": "day", "week": "week",
                     "month": "month", "quarter": "quarter", "year": "year"}


@functools.lru_cache(maxsize=64)
def _parser(base: dt.datetime) -> DateDataParser:
    """One parser per anchor: RELATIVE_BASE is a construction-time setting (first build ~0.1 s)."""
    return DateDataParser(languages=["en"], settings={
        "RELATIVE_BASE": base, "PREFER_DATES_FROM": "past", "RETURN_TIME_AS_PERIOD": True,
        "DATE_ORDER": "MDY", "PARSERS": ["relative-time", "custom-formats", "absolute-time"],
    })


def _dateparse(t: str, ctx: _Ctx) -> DateInterval | None:
    """dateparser for everything the rules did not claim, truncated to its reported period."""
    if not (R.MONTH_RE.search(t) or R.WEEKDAY_RE.search(t) or R.YEAR_RE.search(t)
            or R.NUMERIC_WITH_YEAR_RE.search(t) or R.RELATIVE_WORD_RE.search(t)):
        return None  # "54", "the 6th", "'18": dateparser would invent a date from them
    if re.match(r"an? (?!.*\bago\b)", t):
        return None  # "a tuesday" is no particular day (dateparser returns a month for it)
    has_year = bool(R.YEAR_RE.search(t) or R.NUMERIC_WITH_YEAR_RE.search(t))
    if not has_year and ctx.anchor is None:
        return None
    base = dt.datetime.combine(ctx.anchor, dt.time()) if ctx.anchor else _NO_ANCHOR_BASE
    data = _parser(base).get_date_data(t)
    precision = _PERIOD_PRECISION.get(data.period or "")
    if data.date_obj is None or precision is None:
        return None
    day, source = data.date_obj.date(), "explicit" if has_year else "relative"
    if precision == "day" and _SHORT_YEAR.search(t):
        day = _nearest_century(day, ctx.anchor)
    if not has_year and precision == "day" and R.MONTH_RE.search(t) \
            and not R.RELATIVE_WORD_RE.search(t):
        inferred = _infer_year(day.month, day.day, ctx.anchor)  # type: ignore[arg-type]
        if inferred is None:
            return None
        day, source = inferred, "explicit"
    elif ctx.anchor and _BARE_WEEKDAY_RE.fullmatch(t) and day == ctx.anchor - dt.timedelta(days=7):
        day = ctx.anchor  # dateparser skips today for a bare weekday; news means "on or before"
    return _iv(R.calendar_span(precision, day), source)


_SHORT_YEAR = re.compile(r"\b\d{1,2}[/.-]\d{1,2}[/.-]\d{2}\b")


def _nearest_century(day: date, anchor: date | None) -> date:
    """A two-digit year ("on 10/7/05") in the century that puts the day nearest the anchor (today
    without one): dateparser, told to prefer the past, reads "05" in a 2003 docket as 1905."""
    near = anchor or dt.date.today()
    options = []
    for century in (1900, 2000):
        try:
            options.append(day.replace(year=century + day.year % 100))
        except ValueError:   # February 29 of a year without one
            continue
    return min(options, key=lambda d: abs((d - near).days), default=day)


def _infer_year(month: int, day: int, anchor: date) -> date | None:
    """Anchor's year unless that lands more than 31 days after the anchor (prefer the past)."""
    for year in (anchor.year, anchor.year - 1):
        try:
            candidate = date(year, month, day)
        except ValueError:
            continue  # Feb 29 outside a leap year
        if candidate <= anchor + dt.timedelta(days=31):
            return candidate
    return None
