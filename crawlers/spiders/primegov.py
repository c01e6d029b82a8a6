"""`spider = "primegov"`: PrimeGov public portals (`https://CLIENT.primegov.com/public/portal`).

The portal is an application over a public API: `/api/v2/PublicPortal/ListArchivedMeetings?
year=YYYY` (the past meetings of a year) and `/api/v2/PublicPortal/ListUpcomingMeetings`, each
a JSON list of meetings: `title`, `date` ("Jan 06, 2026"), `time`, `dateTime`, `videoUrl` and
`documentList`, one entry per compiled document: its `templateName` ("Agenda", "Minutes",
"Summary Minutes", "Board Agenda Packet", "HTML Agenda"...), `templateId` and
`compileOutputType` (1 a PDF, 3 HTML). A document is `/Public/CompiledDocument?
meetingTemplateId=<templateId>&compileOutputType=1`; a template published only as HTML is
`/Portal/Meeting?meetingTemplateId=<templateId>`. The meetings carry no committee name: the
body is the source's `body`, else the meeting's title.

One archived list per year of the range (the current year without `since`), plus the upcoming
list when the range reaches today.
"""
from __future__ import annotations

from datetime import datetime
from typing import Any
from urllib.parse import urlsplit

from scrapy.http import Request, TextResponse

from crawlers.spiders.meetings import Meeting, MeetingSpider, clean

PDF, HTML = 1, 3


def doc_type(template: str) -> str:
    """The document type of a PrimeGov template name."""
    name = template.lower()
    if "packet" in name:
        return "packet"
    if "minutes" in name or "journal" in name:
        return "minutes"
    if "agenda" in name:
        return "agenda"
    return "notice" if "notice" in name else "summary"


class PrimeGovSpider(MeetingSpider):
    name = "primegov"
    spider = "primegov"
    title_from = "name"

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        parts = urlsplit(self.urls[0])
        self.origin = f"{parts.scheme}://{parts.netloc}"

    def start_requests_for_source(self) -> list[Request]:
        api = f"{self.origin}/api/v2/PublicPortal"
        out = [self.window_request(f"{api}/ListArchivedMeetings?year={w.year}", w)
               for w in self.range.windows(self.today)]
        if self.range.until is None or self.range.until >= self.today:
            out.append(self.request(f"{api}/ListUpcomingMeetings", self.parse_listing, listing=True))
        return [r for r in out if r is not None]

    def meetings(self, response: TextResponse) -> list[Meeting]:
        listed = self.json(response)
        if not isinstance(listed, list) or not all(isinstance(m, dict) for m in listed):
            raise self.layout_error(response, "the PrimeGov API did not answer a list of meetings")
        out = []
        for m in listed:
            title = clean(m.get("title"))
            date_text = clean(m.get("date")) or str(m.get("dateTime") or "")
            day = None
            for text, fmt in ((m.get("date"), "%b %d, %Y"), (str(m.get("dateTime") or "")[:10], "%Y-%m-%d")):
                try:
                    day = datetime.strptime(clean(text), fmt).date()
                    break
                except ValueError:
                    continue
            out.append(Meeting(
                body=self.body_or(None, title), name=title or self.body or "", date=day, date_text=date_text,
                links=self.links(m.get("documentList") or []),
                details={"time": clean(m.get("time")) or None, "meeting_id": m.get("id"),
                         "video_url": m.get("videoUrl") or None},
            ))
        return out

    def links(self, documents: list[dict[str, Any]]) -> list[tuple[str, str]]:
        """A PDF per template; the HTML rendering for a template that has no PDF."""
        pdfs = {d.get("templateId") for d in documents if d.get("compileOutputType") == PDF}
        out = []
        for d in documents:
            template, kind = d.get("templateId"), d.get("compileOutputType")
            if template is None:
                continue
            if kind == PDF:
                href = f"{self.origin}/Public/CompiledDocument?meetingTemplateId={template}&compileOutputType=1"
            elif kind == HTML and template not in pdfs:
                href = f"{self.origin}/Portal/Meeting?meetingTemplateId={template}"
            else:
                continue
            out.append((doc_type(str(d.get("templateName") or "")), href))
        return out
