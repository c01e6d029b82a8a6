"""How far back a meeting source reaches, and which of its meetings are settled.

`since = "YYYY-MM-DD"` (and optional `until`) in a source's case.toml table set the range of
meeting dates it covers; a spider walks its platform's years, pages or date searches back to
`since`. Without `since` a source covers what its platform shows by default (on the platforms
searched by date, the current year).

A meeting is *settled* once it is more than `settle_days` (a setting, 90 by default) before
the day of the crawl: its agenda and minutes are published by then. A re-crawl asks only for
what may have changed: a settled meeting's document already in the index is not asked for
again, and a listing of settled meetings only (a past year of an API, a past year of a
calendar behind a form post) that was read after it settled is read again from the archive
copy instead of the network. Newer meetings, new links and documents that failed are always
asked for. `settle_days = 0` turns this off.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any

from crawlers.spiders.base import SourceConfigError


@dataclass(frozen=True)
class Window:
    """One slice of a walk back in time: a year, clipped to the source's range. `end` is None for
    the newest slice of a source without `until` (it reaches into the future: upcoming meetings)."""
    start: date
    end: date | None

    @property
    def year(self) -> int:
        return self.start.year

    def label(self) -> str:
        return f"{self.start.isoformat()}..{self.end.isoformat() if self.end else ''}"


@dataclass(frozen=True)
class DateRange:
    since: date | None = None
    until: date | None = None

    @classmethod
    def from_source(cls, name: str, source: dict[str, Any]) -> DateRange:
        since, until = (_day(name, key, source.get(key)) for key in ("since", "until"))
        if since and until and since > until:
            raise SourceConfigError(f"source {name!r}: `since` ({since}) is after `until` ({until})")
        return cls(since, until)

    def holds(self, day: date | None) -> bool:
        """Is a meeting on `day` in range? A meeting whose date cannot be read is kept."""
        if day is None:
            return True
        return (self.since is None or day >= self.since) and (self.until is None or day <= self.until)

    def windows(self, today: date) -> list[Window]:
        """Year slices from the newest back to `since` (just the current year without `since`)."""
        last = self.until.year if self.until else today.year
        first = self.since.year if self.since else last
        out = []
        for year in range(last, first - 1, -1):
            start = max(date(year, 1, 1), self.since) if self.since else date(year, 1, 1)
            end = min(date(year, 12, 31), self.until) if self.until else date(year, 12, 31)
            out.append(Window(start, None if (self.until is None and year == last) else end))
        return out


def settled(day: date | None, today: date, settle_days: int) -> bool:
    """Is a meeting on `day` old enough that what was stored for it is not asked for again?"""
    return settle_days > 0 and day is not None and day <= today - timedelta(days=settle_days)


def read_after_settling(window_end: date, fetched_at: datetime, settle_days: int) -> bool:
    """Was a listing of meetings up to `window_end` read once they had all settled?"""
    return settle_days > 0 and fetched_at.date() >= window_end + timedelta(days=settle_days)


def _day(name: str, key: str, value: Any) -> date | None:
    if value is None:
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):  # TOML's bare dates (since = 2019-01-01) arrive as dates
        return value
    if isinstance(value, str):
        try:
            return date.fromisoformat(value.strip())
        except ValueError:
            pass
    raise SourceConfigError(f"source {name!r}: `{key}` must be a date, YYYY-MM-DD, not {value!r}")
