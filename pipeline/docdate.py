"""The date a document speaks from: meeting date of minutes and agendas, publication date of news,
report date of reports.

Later stages anchor relative dates ("last Tuesday") on it. Each result says where it came from:
user | metadata (the crawler's listing, the page's markup) | title | first_page (a cue: "Meeting
held", "Published:", a dateline) | url (/2021/03/09/) | inferred (the latest full date the text
states of a past day) | fetch_time. A date is always a full day: a year-only guess is never a
document date, so no day is ever anchored on one.
"""
from __future__ import annotations

import re
from datetime import date, datetime
from typing import Any

from index.kinds import MEETING_KINDS, PUBLISHED_KINDS as NEWS_KINDS
from pipeline import front_matter

VERSION = "docdate.v22"   # v22: a masthead that names the paper and its date on one line ("Voting Agenda, September 17, 2020") beats an item's "Date:" field, and a masthead may sit under a dozen lines of commissioners' names; v21: a report cover's date alone on its line may end on a full stop, one pattern (_DATE_LINE) with a court caption's; v20: a court paper with no cue is dated by its caption's day on a line of its own ("January 26, 1891.", "Monday, June 1, 2021"), no longer by the latest day it states; a district court's filing stamp however it writes its fields ("Case: 1:18-cv-05587 Document #: 1000 Filed: 06/01/21", a bankruptcy court's "Doc 45 Filed 06/01/21", "ECF No. 45, PageID.123 Filed …"); full dates written "Sept.5, 2021", "June 1 , 2021" and "the 5th day of June, 2021"; "Dated: the 5th day of …" and "Dated this …" are cues; v19: a news page's URL date wins over any other markup date, a day away too (an evening's story stamped in UTC, an image's dated folder); v18: a stamp above a meeting paper's masthead (short words, then a date alone: "D" / "05/25/2021") is no meeting day, and a text file's YAML front matter ("date: 10/23/2018", the day the page was posted) is no cue: both beat the minutes' own "May 11, 2021" no more; v17: a news page's URL that states a full date wins over a markup date more than two days away from it (".../2019/11/19/..." against a related item's "2017-03-28"); v16: a day "dated" after another paper's noun ("the notice of exclusion to you dated August 31, 2011", "By letter dated November 14, 2011") is that paper's: a letter's own date stands alone on its line; v15: the meeting an agenda's or minutes' heading names ("Council Agenda For September 16, 2019", "Minutes of Tuesday, March 3, 2020") beats an earlier meeting it reports on ("Regular Meeting held on September 9, 2019"); v14: a town, a city or a county names a masthead too ("# Town of North Star" / "April 20, 2020"); a meeting approved by name ("to approve the emergency meeting on March 24") is another meeting; v13: a meeting paper's masthead date (a line naming the paper or body, then its date alone on a line) beats a "Date:" field of an item and a hearing it reports on; v12: a docket whose rows open on "Apr 13 2022" speaks from its latest row; v11: a court paper whose cue date is more than 60 days before the latest past day it states is dated by that day (the cue named a paper it reviews); v10: a court's minutes form is dated by its "Date" cell, and the filing day of a docket entry it names ("(Dkt. 1619, filed on April 15, 2019)") is no document date; v9: a title whose date is the first page's day with another year is a mistyped year (the page wins); "December 17,2012" (no space after the comma) is a date; v8: "Meeting minutes were approved … on June 7" is the day of their approval, no meeting cue; v7: "APPROVED CITY COUNCIL MINUTES of May 3" names another meeting (words between); v6: a docket is dated by its latest entry; v5: a report's first date inside a sentence is no document date; v4: electronic filing stamps date court filings

WINDOW = 1500            # the part of a first page that holds its heading
NEWS_WINDOW = 600        # a news page's dateline sits near the top

_MONTHS = {m: i for i, names in enumerate((
    ("jan", "january"), ("feb", "february"), ("mar", "march"), ("apr", "april"), ("may",),
    ("jun", "june"), ("jul", "july"), ("aug", "august"), ("sep", "sept", "september"),
    ("oct", "october"), ("nov", "november"), ("dec", "december")), start=1) for m in names}
_MONTH = (r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
          r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?")
_WEEKDAY = r"(?:(?:mon|tues?|wed(?:nes)?|thu(?:rs?)?|fri|sat(?:ur)?|sun)(?:day)?\.?,?\s+)"
_ORD = r"(?:st|nd|rd|th)?"
# one calendar date, written out or numeric (US month-first order for m/d/y)
# "Sept.5, 2021" (no space after the abbreviation's stop), "June 1 , 2021" (a space before the comma, as
# OCR and some word processors write it), "the 5th day of June, 2021" (the formal way)
_DATE = (rf"(?:{_WEEKDAY}?(?P<m1>{_MONTH})(?:\s+|(?<=\.))(?P<d1>\d{{1,2}}){_ORD}(?:\s*,\s*|\s+)(?P<y1>\d{{4}})\b"
         rf"|{_WEEKDAY}?(?P<d2>\d{{1,2}}){_ORD}\s+(?:day\s+of\s+|of\s+)?(?P<m2>{_MONTH})\s*,?\s+(?P<y2>\d{{4}})\b"
         rf"|\b(?P<m3>\d{{1,2}})[/.-](?P<d3>\d{{1,2}})[/.-](?P<y3>\d{{4}})\b"
         rf"|\b(?P<y4>\d{{4}})-(?P<m4>\d{{2}})-(?P<d4>\d{{2}})\b)")
_NO_YEAR = rf"{_WEEKDAY}?(?P<m5>{_MONTH})\s+(?P<d5>\d{{1,2}}){_ORD}\b(?!,?\s*\d{{4}})"
_ANY = rf"(?:{_DATE}|{_NO_YEAR})"
# a date alone on its line, its weekday and a full stop allowed: a report's cover ("October 2, 2018"), and, with no
# cue, a court paper's caption under the parties ("REAGAN, United States Marshal, et al." / "v." / "AIKEN et al." /
# "January 26, 1891.") or a transcript's cover ("Monday, June 1, 2021"): its day, not the latest day its text states
_DATE_LINE = rf"(?im)^[^\S\n]*({_DATE})[^\S\n]*\.?[^\S\n]*$"

# Cues, strongest first. Each names the date the document speaks from.
_MEETING_CUES = [
    # the paper's own meeting named in its heading ("Council Agenda For September 16, 2019"), before the
    # earlier meeting an agenda reports on ("Regular Meeting held on September 9, 2019. … minutes approved")
    rf"\b(?:agenda|minutes)[^\S\n]+(?:for|of)[^\S\n]+(?:the[^\S\n]+)?({_ANY})",
    # not "Meeting minutes were approved by the City Council on June 7, 2022" (the day of their approval)
    rf"\b(?:meeting|session|hearing)\b(?:(?!minutes|approv|adopt)[^.\n]){{0,100}}?\b(?:held|convened|conducted|on)\s+(?:on\s+)?({_ANY})",
    rf"\b(?:meeting|session|hearing)\s*(?:of|on|for)?\s*[-–—:,]\s*({_ANY})",
    rf"(?i)\bdate[^\S\n]*:[^\S\n]*({_ANY})",
]
# A "Date:" label opening a line is specific enough to trust anywhere on the first page (form
# field values are appended at the end of their page).
_LABEL_CUE = rf"(?im)^[^\S\n]*(?:meeting\s+)?date(?:\s*/\s*time|\s+and\s+time)?[^\S\n]*[:.]?[^\S\n]*({_ANY})"
_REPORT_CUES = [
    rf"\b(?:report\s+date|date\s+of\s+(?:this\s+)?report|date\s+issued|issue\s+date|issued(?:\s+on)?|"
    rf"published(?:\s+on)?|released(?:\s+on)?|dated|submitted(?:\s+on)?)\s*:?\s*({_ANY})",
    _DATE_LINE,    # a date alone on its line (the cover's date)
]
_NEWS_CUES = [
    rf"\b(?:published|posted|updated|dateline|released|for\s+immediate\s+release)\s*:?\s*(?:on\s+)?({_ANY})",
]
# A date that opens a line, or follows a byline's separator ("By Jane Roe | Jan. 14, 2015").
_LINE_DATE = rf"(?im)(?:^|[|·•—–]\s*)[^\S\n]*({_DATE})(?=[^\S\n]*(?:$|[|·•,]|\d{{1,2}}:\d{{2}}|at\b))"
# Court opinions and filings: the day a court decided, filed or entered it. The electronic filing
# stamp atop each page comes first: "Case: 20-16276, 08/05/2020, ID: 11778722, DktEntry: 8-1".
_COURT_CUES = [
    rf"\bcase:?\s+[\w:.-]+,\s*({_DATE}),\s*id:",
    # a court's minutes form: its "Date" cell ("2:14-cr-00684-CAS – 13 Date May 1, 2019"), before the
    # filing days of the motions it rules on ("(Dkt. 1619, filed on April 15, 2019)")
    rf"\bdate[^\S\n]*:?[^\S\n]*({_DATE})",
    rf"\b(?:decided|filed|entered|dated|issued|signed|so\s+ordered)\s*:?\s*(?:on\s+|this\s+|the\s+)?({_ANY})",
    rf"\bthis\s+\d{{1,2}}(?:st|nd|rd|th)?\s+day\s+of\s+({_MONTH},?\s+\d{{4}})",
]
# Dates a text names ahead of itself: hearings set, deadlines, terms that start later.
_AHEAD = re.compile(r"\b(?:set|scheduled|slated|due|expected|will|would|until|through|by|next|effective|"
                    r"begin\w*|starting|deadline|hearing\s+(?:is|was)\s+set)\b[^.\n]{0,40}$", re.IGNORECASE)
_MONTH_YEAR = re.compile(rf"\b({_MONTH})\s+((?:19|20)\d{{2}})\b", re.IGNORECASE)
_URL_DATE = re.compile(r"/((?:19|20)\d{2})[/_-]?(0[1-9]|1[0-2])[/_-]?(0[1-9]|[12]\d|3[01])(?=[/_.-]|$)")
# Dates that name another day: earlier minutes being approved, deadlines, periods covered.
# ("Minutes from Monday, January 29, 2018" opening a page is the document's own date.)
_NOT_THIS = re.compile(r"(?:approv\w*|adopt\w*|correct\w*)\s+(?:of\s+)?(?:the\s+)?(?:[A-Za-z]+\s+){0,4}?minutes\b[^\n]{0,60}$"
                       # the minutes of another meeting approved by name ("to approve the emergency meeting on March 24")
                       r"|\bapprov\w*\s+(?:of\s+)?(?:the\s+)?(?:[A-Za-z]+\s+){0,3}?meeting\s+(?:held\s+)?(?:on|of)\s+$"
                       r"|\bthe\s+minutes\s+(?:of|from)\s+(?:the\s+)?(?:meeting\s+(?:date\s*:?\s*)?)?$"
                       r"|(?<![Mm]inutes )\b(?:through|until|from|to|between|since|before|after|by|due|deadline)\s*:?\s*$"
                       # another paper's day ("the notice of exclusion to you dated August 31, 2011", "By letter
                       # dated November 14, 2011, …"): a letter's own date stands alone on its line
                       r"|\b(?:letter|notice|memorandum|memo|order|correspondence|e-?mail|request|submission|"
                       r"application|petition|complaint|decision|determination)\b[^\n.;]{0,40}?\bdated\s*:?\s*$"
                       # a docket entry's own filing day ("(Dkt. 1619, filed on April 15, 2019)")
                       r"|\b(?:dkt|ecf|doc)\.?\s*(?:no\.?\s*)?\d+[^\n()]{0,20}$",
                       re.IGNORECASE)


def _to_date(match: re.Match[str]) -> tuple[date | None, tuple[int, int] | None]:
    """(full date, None) or (None, (month, day)) for a date written without its year."""
    g = match.groupdict()
    try:
        for m, d, y in (("m1", "d1", "y1"), ("m2", "d2", "y2")):
            if g.get(m):
                return date(int(g[y]), _MONTHS[g[m].lower().rstrip(".")], int(g[d])), None
        if g.get("m3"):
            return date(int(g["y3"]), int(g["m3"]), int(g["d3"])), None
        if g.get("y4"):
            return date(int(g["y4"]), int(g["m4"]), int(g["d4"])), None
        if g.get("m5"):
            month, day = _MONTHS[g["m5"].lower().rstrip(".")], int(g["d5"])
            date(2000, month, day)   # validates the day (2000 is a leap year)
            return None, (month, day)
    except (ValueError, KeyError):
        pass
    return None, None


def dates_in(text: str) -> list[tuple[int, date]]:
    """Every full calendar date in the text, with its offset."""
    found = []
    for match in re.finditer(_DATE, text, flags=re.IGNORECASE):
        day, _ = _to_date(match)
        if day:
            found.append((match.start(), day))
    return found


def _with_year(month_day: tuple[int, int], text: str, reference: date | None) -> date | None:
    """A year-less date ("June 6") placed in the year that puts it nearest the document's other dates."""
    anchors = [d for _, d in dates_in(text)] or ([reference] if reference else [])
    if not anchors:
        return None
    anchor = anchors[0]
    options = []
    for year in (anchor.year - 1, anchor.year, anchor.year + 1):
        try:
            options.append(date(year, *month_day))
        except ValueError:
            continue
    return min(options, key=lambda d: abs((d - anchor).days), default=None)


def _cued(text: str, cues: list[str], reference: date | None, context: str) -> date | None:
    """The first date a cue introduces; a year-less one takes its year from `context`'s other dates."""
    for cue in cues:
        for match in re.finditer(cue, text, flags=re.IGNORECASE):
            inner = re.match(_ANY, match.group(1), flags=re.IGNORECASE)
            if not inner or _NOT_THIS.search(text[max(0, match.start(1) - 80):match.start(1)]):
                continue
            day, month_day = _to_date(inner)
            if day is None and month_day is not None:
                day = _with_year(month_day, context, reference)
            if day:
                return day
    return None


def _first_date(text: str) -> date | None:
    """The first full date that isn't about another day (minutes being approved, a deadline)."""
    for offset, day in dates_in(text):
        if not _NOT_THIS.search(text[max(0, offset - 80):offset]):
            return day
    return None


# a meeting paper's masthead: a line naming the paper or the body, then its date alone on a line
# ("Voting Hearing Agenda" / "October 1, 2020"); it beats a "Date:" field of an item further down
# ("Date: 03/22/2020", an incident's) and a hearing the agenda reports on ("Hearing: Tuesday, January 19")
_MASTHEAD_WORD = re.compile(r"\b(?:agenda|minutes|meeting|session|hearing|council|board|commission|committee|"
                            r"trustees|supervisors|assembly|town|township|city|county|village|borough|district|"
                            r"authority)\b", re.IGNORECASE)
# (a board's commissioners, its mayor and its secretary, one per line, can fill a dozen lines above it)
MASTHEAD_LINES = 14
STAMP_CHARS = 12   # a stamp's words above its date ("D", "APPROVED", "RECEIVED") are short
_AT_HOUR = r"(?:\s*(?:[-–—,@|]|at)?\s*\d{1,2}(?::\d{2})?\s*[ap]\.?\s?m\b\.?)"
# the paper's name and its date on one line: "Voting Agenda, September 17, 2020", "Regular Meeting – May 4, 2020"
_NAMED_LINE = re.compile(r"(?P<name>[A-Za-z][A-Za-z&'’ ]{2,50}?)\s*[,:–—-]\s*(?=\S)")


def _masthead_date(text: str) -> date | None:
    lines = [line.strip() for line in text.splitlines() if line.strip()][:MASTHEAD_LINES]
    for n, line in enumerate(lines):
        named = _NAMED_LINE.match(line)
        if named and _MASTHEAD_WORD.search(named["name"]) and not _NOT_THIS.search(named["name"]):
            whole = re.fullmatch(rf"{_WEEKDAY}?{_DATE}{_AT_HOUR}?", line[named.end():].rstrip(" .,"), flags=re.IGNORECASE)
            if whole:
                day, _ = _to_date(whole)
                return day
        whole = re.fullmatch(rf"{_WEEKDAY}?{_DATE}{_AT_HOUR}?", line.rstrip(" .,"), flags=re.IGNORECASE)
        above = "\n".join(lines[max(0, n - 3):n])
        if whole and _MASTHEAD_WORD.search(above) and not _NOT_THIS.search(above):
            day, _ = _to_date(whole)
            return day
        if whole and all(len(x) <= STAMP_CHARS for x in lines[:n]):
            continue   # a stamp above the masthead ("D" / "05/25/2021", "APPROVED" / "6/2/2020"): the day the
            # paper was approved or received, not the meeting's
        if dates_in(line):
            return None   # the masthead's date is the first the page states
    return None


def from_text(text: str, *, kind: str = "minutes", window: int = WINDOW, reference: date | None = None) -> date | None:
    """The document date a title or first page states, by the cues of its kind, or None."""
    head = text[:window]
    if kind in MEETING_KINDS:
        return (_masthead_date(head) or _cued(head, _MEETING_CUES, reference, text)
                or _cued(text, [_LABEL_CUE], reference, text) or _first_date(head))
    if kind in NEWS_KINDS:   # a dateline or byline date; a date inside a sentence is no cue
        return _cued(head, _NEWS_CUES, reference, text) or _cued(head[:NEWS_WINDOW], [_LINE_DATE], reference, text)
    if kind == "court":
        return _ecf_filed(head) or _cued(head, _COURT_CUES, reference, text) or \
            _cued(text[-WINDOW:], _COURT_CUES, reference, text) or _cued(head, [_DATE_LINE], reference, text)
    # a report's first date inside a sentence ("On October 26, 2006, the Federal Reserve approved …")
    # is what it tells, not when it speaks: only one opening a line or after a separator counts
    return (_cued(head, _REPORT_CUES, reference, text) or _cued(head, _MEETING_CUES, reference, text)
            or _cued(text, [_LABEL_CUE], reference, text) or _cued(head, [_LINE_DATE], reference, text))


# A district court's filing stamp, with a two-digit year, however the court writes its fields:
# "Case 1:13-cv-05708-ER Document 11 Filed 09/27/13", "Case: 1:18-cv-05587 Document #: 1000 Filed: 06/01/21",
# a bankruptcy court's "Case 20-12345-abc Doc 45 Filed 06/01/21 Entered 06/01/21 14:32:10",
# "Case 1:20-cv-01234 ECF No. 45, PageID.123 Filed 06/01/21". One line: the case, its entry, "Filed".
_ECF_FILED = re.compile(r"\bcase\s*:?\s+[\w:.-]+[^\S\n]+(?:document|doc|ecf)\b[^\n]{0,40}?\bfiled\s*:?[^\S\n]*"
                        r"(\d{1,2})/(\d{1,2})/(\d{2}|\d{4})\b", re.IGNORECASE)


def _ecf_filed(text: str) -> date | None:
    match = _ECF_FILED.search(text)
    if not match:
        return None
    month, day, year = (int(g) for g in match.groups())
    try:
        return date(year if year > 99 else 2000 + year if year < 70 else 1900 + year, month, day)
    except ValueError:
        return None


def parse_day(text: str) -> date | None:
    """A full calendar date from free text or an ISO timestamp, or None (no guessing of missing parts)."""
    text = (text or "").strip()
    if not text:
        return None
    iso = re.match(r"(\d{4})-(\d{2})-(\d{2})(?:[T ]|$)", text)
    if iso:
        try:
            return date(int(iso.group(1)), int(iso.group(2)), int(iso.group(3)))
        except ValueError:
            return None
    match = re.search(_DATE, text, flags=re.IGNORECASE)
    if match:
        return _to_date(match)[0]
    from dateparser.date import DateDataParser

    data = DateDataParser(languages=["en"], settings={"STRICT_PARSING": True}).get_date_data(text)
    if data and data.date_obj and data.period in ("day", "time"):
        return data.date_obj.date()
    return None


def from_url(url: str | None) -> date | None:
    """A full date in a URL's path (/2021/03/09/, /20210309, /2021-03-09-)."""
    match = _URL_DATE.search(url or "")
    if not match:
        return None
    try:
        return date(int(match.group(1)), int(match.group(2)), int(match.group(3)))
    except ValueError:
        return None


def latest_stated(text: str, *, not_after: date | None = None) -> date | None:
    """The latest full date the text states of a past day: not a hearing "set for", a deadline, a
    term that starts later; nor after `not_after` (when the document was fetched or imported)."""
    def past(offset: int) -> bool:
        return not _AHEAD.search(text[max(0, offset - 60):offset]) and \
            not _NOT_THIS.search(text[max(0, offset - 80):offset])

    found = [d for offset, d in dates_in(text)
             if past(offset) and d.year >= 1900 and (not_after is None or d <= not_after)]
    latest = max(found, default=None)
    if latest is None:
        return None
    # "charged in April 2021" after a latest full day of March 12, 2021: the text was written
    # later than any day it states, and no day can be anchored on a month or a year.
    for m in _MONTH_YEAR.finditer(text):
        month = _MONTHS.get(m.group(1).lower().rstrip("."))
        if month and past(m.start()) and (int(m.group(2)), month) > (latest.year, latest.month) and \
                (not_after is None or (int(m.group(2)), month) <= (not_after.year, not_after.month)):
            return None
    return latest


# A court paper that states as past a day this long after the date its cue gave does not speak from
# that date (the cue named a paper it reviews): it speaks from at least the latest day it states.
COURT_LATER_DAYS = 60


def _told_later(found: date | None, kind: str, text: str, not_after: date | None) -> date | None:
    """For a court paper: the latest past day its text states, when that is more than COURT_LATER_DAYS
    after `found` (a cue's or the page markup's date), else None."""
    if found is None or kind != "court":
        return None
    later = latest_stated(text, not_after=not_after)
    return later if later and (later - found).days > COURT_LATER_DAYS else None


# A docket's entry: a table row opening on its date ("| 10/27/2003 | 21 | Arraignment Order ...").
# The Supreme Court's docket writes the month's name: "| Apr 13 2022 | MOTION DISTRIBUTED for Conference …".
_DOCKET_ROW = re.compile(r"(?m)^\|?[^\S\n]*(?:(\d{1,2})/(\d{1,2})/(\d{4})"
                         rf"|(?P<month>{_MONTH})[^\S\n]+(?P<day>\d{{1,2}}),?[^\S\n]+(?P<year>\d{{4}}))[^\S\n]*\|",
                         re.IGNORECASE)
DOCKET_ROWS = 5


def docket_latest(text: str) -> date | None:
    """The latest entry's date of a docket (at least DOCKET_ROWS dated rows), else None."""
    days = []
    for m in _DOCKET_ROW.finditer(text):
        try:
            if m.group("month"):
                days.append(date(int(m.group("year")), _MONTHS[m.group("month").lower().rstrip(".")], int(m.group("day"))))
            else:
                days.append(date(int(m.group(3)), int(m.group(1)), int(m.group(2))))
        except (ValueError, KeyError):
            continue
    return max(days) if len(days) >= DOCKET_ROWS else None


def _without_front_matter(text: str) -> str:
    front = front_matter.split(text or "")
    return text[len(front[1]):] if front else text


def document_date(*, known: date | None, known_source: str | None, title: str | None,
                  first_page: str, meta_date: str | None, kind: str,
                  meta: dict[str, Any] | None = None, url: str | None = None,
                  text: str | None = None, not_after: date | None = None) -> tuple[date | None, str | None]:
    """Pick the document date and where it came from; a date the user or the crawler gave wins.

    `meta` is the extractor's metadata (PDF/DOCX "created"), used only to place a year-less
    date ("Date/Time: June 6") and, for reports, as the last resort. `meta_date` is a date the
    file's markup states (an article's published time), never one guessed from its words. Without
    a cue, a URL date and then the latest full date the `text` states (`inferred`) are used.
    """
    if isinstance(known, datetime):
        known = known.date()
    if known and known_source in ("user", "metadata"):
        return known, known_source
    # a text file's YAML front matter is metadata (its date, `meta_date`, is the day the page was posted),
    # not a heading: "date: 10/23/2018" above "Thursday, October 11, 2018 02:00 PM" is no meeting cue
    first_page, text = _without_front_matter(first_page), None if text is None else _without_front_matter(text)
    created = parse_day(str((meta or {}).get("created") or ""))
    published = parse_day(meta_date) if meta_date else None
    if kind in NEWS_KINDS and published:
        in_url = from_url(url)
        if in_url and in_url != published:
            return in_url, "url"   # the page's own address, written when it was published, against a markup
            # date days or years away (a related story's or an image's: ".../2019/11/19/..." and "2017-03-28"), or
            # a day away: an evening's story stamped in UTC ("2019-11-20T01:12:00Z" for 8:12 p.m. on the 19th in
            # New York), an image's folder ("/2019/11/20/" on a CDN), an update the next day
        return published, "metadata"
    if kind == "court":
        latest = docket_latest(text if text is not None else first_page or "")
        if latest:   # a docket speaks from its latest entry, not from the day the case was filed
            return latest, "inferred"
    for part, source in ((title or "", "title"), (first_page or "", "first_page")):
        found = from_text(part, kind=kind, reference=created, window=WINDOW if source == "first_page" else 400)
        if found and source == "title":
            page = from_text(first_page or "", kind=kind, reference=created, window=WINDOW)
            if page and (page.month, page.day) == (found.month, found.day) and page.year != found.year:
                return page, "first_page"   # a file's title with a mistyped year ("September 19, 2019" on 2016's minutes)
        later = _told_later(found, kind, text if text is not None else first_page or "", not_after)
        if later:
            # an opinion tells no act after the day it was decided: the cue named a paper it
            # reviews ("appeals from … the March 14, 2011 \"Order …\" [Filed January 18, 2011]")
            return later, "inferred"
        if found:
            return found, source
    if published:
        later = _told_later(published, kind, text if text is not None else first_page or "", not_after)
        return (later, "inferred") if later else (published, "metadata")
    in_url = from_url(url)
    if in_url:
        return in_url, "url"
    if known:
        return known, known_source
    if kind == "report" and created:
        return created, "metadata"
    inferred = latest_stated(text if text is not None else first_page or "", not_after=not_after)
    if inferred:
        return inferred, "inferred"
    return None, None
