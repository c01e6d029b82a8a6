"""ASP.NET WebForms pages (Legistar's calendar, NovusAgenda): their year lists, date searches and
page numbers are not links but form posts ("postbacks") that carry the page's own state.

A postback sends back the page's hidden state fields (`__VIEWSTATE`, `__EVENTVALIDATION`...)
with `__EVENTTARGET` naming the control that was used: the year list, a page number of a
Telerik grid's pager (`a.rgCurrentPage` and the page links after it, whose href is
`javascript:__doPostBack('<target>','')`). python-legistar-scraper walks Legistar's calendar
the same way (legistar/base.py, `pages` and `sessionSecrets`).
"""
from __future__ import annotations

import re

from scrapy.http import TextResponse

_POSTBACK = re.compile(r"__doPostBack\(\s*['\"]([^'\"]+)['\"]")
_CONTROL_FIELDS = ("__EVENTTARGET", "__EVENTARGUMENT", "__LASTFOCUS")


def state(response: TextResponse) -> dict[str, str]:
    """The page's hidden state fields (`__VIEWSTATE`, its `__VIEWSTATE0..n` parts, `__EVENTVALIDATION`...)."""
    out = {}
    for field in response.xpath("//input[@type='hidden'][starts-with(@name, '__')]"):
        name = field.attrib["name"]
        if name not in _CONTROL_FIELDS:
            out[name] = field.attrib.get("value", "")
    return out


def postback(response: TextResponse, target: str, argument: str = "", **fields: str) -> dict[str, str]:
    """The fields of a postback from `target`: the page's state, the target, and `fields`."""
    return {**state(response), "__EVENTTARGET": target, "__EVENTARGUMENT": argument, **fields}


def form_fields(response: TextResponse) -> dict[str, str]:
    """Every field a browser would send with the page's form as it stands (enabled inputs other
    than buttons, checked boxes, each select's chosen option, textareas)."""
    out: dict[str, str] = {}
    form = response.xpath("//form[1]")
    for field in form.xpath(".//input[@name][not(@disabled)]"):
        kind = (field.attrib.get("type") or "text").lower()
        if kind in ("submit", "image", "reset", "button", "file") or \
                (kind in ("checkbox", "radio") and "checked" not in field.attrib):
            continue
        out[field.attrib["name"]] = field.attrib.get("value", "")
    for select in form.xpath(".//select[@name][not(@disabled)]"):
        chosen = select.xpath("./option[@selected]/@value").get()
        out[select.attrib["name"]] = chosen if chosen is not None else (select.xpath("./option/@value").get() or "")
    for area in form.xpath(".//textarea[@name][not(@disabled)]"):
        out[area.attrib["name"]] = "".join(area.xpath("./text()").getall())
    return out


def action(response: TextResponse) -> str:
    """Where the page's form posts to (its own URL when the form does not say)."""
    return response.urljoin(response.xpath("//form[1]/@action").get() or response.url)


def next_page(grid: TextResponse | object) -> tuple[str, str] | None:
    """(postback target, page number as shown) of the page after the current one in a Telerik
    pager under `grid` (a response or a selector), or None on the last page."""
    nxt = grid.xpath(".//a[contains(concat(' ', normalize-space(@class), ' '), ' rgCurrentPage ')]"  # type: ignore[attr-defined]
                     "/following-sibling::a[1]")
    if not nxt:
        return None
    m = _POSTBACK.search(nxt[0].attrib.get("href", ""))
    if not m:
        return None
    return m.group(1), " ".join(nxt[0].xpath(".//text()").getall()).strip()
