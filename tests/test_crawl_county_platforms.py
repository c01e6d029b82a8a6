"""The platforms counties and school boards use (BoardDocs, NovusAGENDA, Municode Meetings,
PrimeGov, CivicClerk) and the Legistar Web API, on saved real pages and API answers
(tests/fixtures/listings, tests/fixtures/api; provenance in tests/fixtures/SOURCES.md): no
network, no reactor, time frozen by passing `now`, as City Scrapers' own tests freeze it.

Expected values were read off the saved files or taken from the peer project's test
assertions (named where they are); each test checks one field of one document.
"""
from __future__ import annotations

from datetime import date, datetime, timezone
from typing import Any
from urllib.parse import parse_qs, unquote

import pytest
import yaml

from crawlers.report import CrawlContext
from crawlers.spiders import LayoutError, SourceConfigError
from tests.platform_pages import API, PAGES, context, documents, field, further, make, saved  # noqa: F401 (context)

BOARDDOCS = "https://go.boarddocs.com/mi/grand/Board.nsf"
GRAND_NOW = datetime(2024, 5, 29, tzinfo=timezone.utc)    # city-scrapers-grand-rapids freezes 2024-05-29
NOVUS = "https://dinuba.novusagenda.com/agendapublic/meetingsgeneral.aspx?MeetingType=1&Date=6ms"
DINUBA_NOW = datetime(2022, 10, 1, tzinfo=timezone.utc)   # city-scrapers-fresno freezes 2022-10-01
MUNICODE = "https://meetings.municode.com/PublishPage?cid=CLOVIS&ppid=5157d66d-a361-43e8-87a4-3d5eca4821de&p=1"
CLOVIS_NOW = datetime(2022, 8, 10, tzinfo=timezone.utc)   # ... and 2022-08-10 for Clovis
PRIMEGOV = "https://claytoncountyga.primegov.com/public/portal"
CLAYTON_NOW = datetime(2026, 4, 27, tzinfo=timezone.utc)  # city-scrapers-atl freezes 2026-04-27
CIVICCLERK = "https://southfultonga.portal.civicclerk.com/"
FULTON_NOW = datetime(2026, 4, 16, tzinfo=timezone.utc)
LEGISTAR = "https://mecklenburg.legistar.com/Calendar.aspx"
MECK_NOW = datetime(2026, 4, 9, tzinfo=timezone.utc)      # city-scrapers-charnc freezes 2026-04-09


# -- BoardDocs: Grand Rapids Public Schools' BD-GetMeetingsList answer (249 entries) ------------
@pytest.fixture(scope="module")
def boarddocs(context: CrawlContext) -> dict[str, Any]:
    spider = make(context, "boarddocs", f"{BOARDDOCS}/Public", GRAND_NOW, committee="A4EP6J588C05",
                  since="2024-01-01", body="Board of Education")
    page = saved(API / "gra_public_school_board.json", f"{BOARDDOCS}/BD-GetMeetingsList?open",
                 committee="A4EP6J588C05")
    return documents(spider, page, GRAND_NOW)


def test_boarddocs_yields_agenda_and_minutes_of_each_meeting_since(boarddocs) -> None:
    # 15 entries have numberdate 20240101..20240522, all before May 29 2024: an agenda and minutes each
    assert len(boarddocs) == 15 * 2


GR_IDS = "id=D4UH4C46A5FD&current_committee_id=A4EP6J588C05"


@pytest.mark.parametrize("url, name, expected", [
    # {"unique": "D4UH4C46A5FD", "name": "Board Meeting @ 6:30 p.m.", "numberdate": "20240506"}
    (f"{BOARDDOCS}/PRINT-AgendaDetailed?open&{GR_IDS}", "title", "Board Meeting @ 6:30 p.m. — Agenda — May 6, 2024"),
    (f"{BOARDDOCS}/PRINT-AgendaDetailed?open&{GR_IDS}", "kind", "agenda"),
    (f"{BOARDDOCS}/PRINT-AgendaDetailed?open&{GR_IDS}", "doc_date", date(2024, 5, 6)),
    (f"{BOARDDOCS}/PRINT-AgendaDetailed?open&{GR_IDS}", "doc_date_source", "metadata"),
    (f"{BOARDDOCS}/PRINT-AgendaDetailed?open&{GR_IDS}", "meta.body", "Board of Education"),
    (f"{BOARDDOCS}/PRINT-AgendaDetailed?open&{GR_IDS}", "meta.meeting", "Board Meeting @ 6:30 p.m."),
    (f"{BOARDDOCS}/PRINT-AgendaDetailed?open&{GR_IDS}", "meta.meeting_status", "past"),
    (f"{BOARDDOCS}/PRINT-AgendaDetailed?open&{GR_IDS}", "meta.details_url", f"{BOARDDOCS}/goto?open&id=D4UH4C46A5FD"),
    (f"{BOARDDOCS}/PRINT-AgendaDetailed?open&{GR_IDS}", "meta.platform", "boarddocs"),
    (f"{BOARDDOCS}/BD-GetMinutes?open&{GR_IDS}", "kind", "minutes"),
    (f"{BOARDDOCS}/BD-GetMinutes?open&{GR_IDS}", "title", "Board Meeting @ 6:30 p.m. — Minutes — May 6, 2024"),
])
def test_boarddocs_fields(boarddocs, url: str, name: str, expected: Any) -> None:
    assert field(boarddocs[url], name) == expected


def test_boarddocs_skips_the_lists_empty_entry_and_reads_every_meeting(context: CrawlContext) -> None:
    spider = make(context, "boarddocs", f"{BOARDDOCS}/Public", GRAND_NOW, committee="A4EP6J588C05", types=["agenda"])
    page = saved(API / "gra_public_school_board.json", f"{BOARDDOCS}/BD-GetMeetingsList?open", committee="A4EP6J588C05")
    assert len(spider.meetings(page)) == 248  # 249 entries, the last one {}


def test_boarddocs_posts_for_the_meeting_list_of_its_committee(context: CrawlContext) -> None:
    [request] = make(context, "boarddocs", f"{BOARDDOCS}/Public", GRAND_NOW,
                     committee="A4EP6J588C05").start_requests_for_source()
    assert (request.method, request.url, request.body) == (
        "POST", f"{BOARDDOCS}/BD-GetMeetingsList?open", b"current_committee_id=A4EP6J588C05")


def test_boarddocs_finds_the_committee_on_its_public_page(context: CrawlContext) -> None:
    # civic-scraper's recorded answer of go.boarddocs.com/pa/stco/Board.nsf/Public (State College
    # Area SD): a.committee-trigger committeeid="A8EGER437CB9" aria-label="Board of School Directors"
    recorded = yaml.safe_load((API / "boarddocs_stco_public.yaml").read_text(encoding="utf-8"))
    html = recorded["interactions"][0]["response"]["body"]["string"].encode("utf-8")
    public = "https://go.boarddocs.com/pa/stco/Board.nsf/Public"
    spider = make(context, "boarddocs", public, GRAND_NOW)
    [request] = list(spider.parse_public(saved(PAGES / "x.html", public, body=html)))
    assert request.body == b"current_committee_id=A8EGER437CB9"
    assert spider.committees == {"A8EGER437CB9": "Board of School Directors"}


def test_boarddocs_url_must_name_its_application(context: CrawlContext) -> None:
    with pytest.raises(SourceConfigError, match="Board.nsf/Public"):
        make(context, "boarddocs", "https://go.boarddocs.com/mi/grand", GRAND_NOW)


# -- NovusAGENDA: Dinuba CA, meetingsgeneral.aspx, a six-month span ----------------------------
@pytest.fixture(scope="module")
def novus(context: CrawlContext) -> dict[str, Any]:
    return documents(make(context, "novusagenda", NOVUS, DINUBA_NOW), saved(PAGES / "fre_dinuba_city_council.html", NOVUS),
                     DINUBA_NOW)


def test_novusagenda_yields_each_agenda_pdf_and_legal_minutes(novus) -> None:
    # 4 rows (09/27/22, 09/13/22, 08/09/22, 07/12/22), each a Download Agenda PDF; 2 with Legal Minutes
    assert len(novus) == 4 + 2


NA = "https://dinuba.novusagenda.com/agendapublic"


@pytest.mark.parametrize("url, name, expected", [
    # city-scrapers-fresno's test: first meeting 2022-09-27, 405 E El Monte Way, DisplayAgendaPDF.ashx?MeetingID=365
    (f"{NA}/DisplayAgendaPDF.ashx?MeetingID=365", "title", "Council Meeting — Agenda — September 27, 2022"),
    (f"{NA}/DisplayAgendaPDF.ashx?MeetingID=365", "doc_date", date(2022, 9, 27)),
    (f"{NA}/DisplayAgendaPDF.ashx?MeetingID=365", "meta.body", "Council Meeting"),
    (f"{NA}/DisplayAgendaPDF.ashx?MeetingID=365", "meta.location", "405 E El Monte Way, Dinuba CA 93618"),
    (f"{NA}/DisplayAgendaPDF.ashx?MeetingID=365", "meta.meeting_status", "past"),
    # 08/09/22: Legal Minutes -> DisplayAgendaPDF.ashx?MinutesMeetingID=298
    (f"{NA}/DisplayAgendaPDF.ashx?MinutesMeetingID=298", "kind", "minutes"),
    (f"{NA}/DisplayAgendaPDF.ashx?MinutesMeetingID=298", "doc_date", date(2022, 8, 9)),
    (f"{NA}/DisplayAgendaPDF.ashx?MinutesMeetingID=298", "meta.document_type", "minutes"),
])
def test_novusagenda_fields(novus, url: str, name: str, expected: Any) -> None:
    assert field(novus[url], name) == expected


def test_novusagenda_walks_back_with_its_own_search_form(context: CrawlContext) -> None:
    spider = make(context, "novusagenda", NOVUS, DINUBA_NOW, since="2021-03-01")
    posts = further(spider, saved(PAGES / "fre_dinuba_city_council.html", NOVUS))
    forms = [{k: v[0] for k, v in parse_qs(r.body.decode(), keep_blank_values=True).items()} for r in posts]
    assert [(f["SearchAgendasMeetings$radCalendarFrom"], f["SearchAgendasMeetings$radCalendarTo"]) for f in forms] == [
        ("2022-01-01", "2023-10-01"), ("2021-03-01", "2021-12-31")]
    assert {f["SearchAgendasMeetings$ddlDateRange"] for f in forms} == {"cus"}
    assert {f["SearchAgendasMeetings$ctl00"] for f in forms} == {"1"}  # the page's meeting type, "Council Meeting"
    html = (PAGES / "fre_dinuba_city_council.html").read_text(encoding="utf-8")
    assert forms[1]["__VIEWSTATE"] in html and len(forms[1]["__VIEWSTATE"]) > 100


# -- Municode Meetings: Clovis CA City Council, page 1 of 10 -----------------------------------
@pytest.fixture(scope="module")
def municode(context: CrawlContext) -> dict[str, Any]:
    return documents(make(context, "municode", MUNICODE, CLOVIS_NOW), saved(PAGES / "clovis_city_council.html", MUNICODE),
                     CLOVIS_NOW)


def test_municode_yields_agenda_packet_and_minutes_links(municode) -> None:
    # 10 rows, 8/1/2022 back to 4/18/2022: an agenda and a packet each, minutes on the last 8
    assert len(municode) == 10 + 10 + 8


MC = ("https://meetings.municode.com/d/f?u=https://mccmeetings.blob.core.usgovcloudapi.net/clovis-pubu/"
      "MEET-{}-7b1add8e8e3441b7aa5d36b337aacb2c.pdf&n={}-City%20Council%20Meeting-August%201,%202022%206.00%20PM.pdf")


@pytest.mark.parametrize("url, name, expected", [
    # city-scrapers-fresno's test: title City Council Meeting, 2022-08-01 18:00, 1033 Fifth Street
    (MC.format("Agenda", "Agenda"), "title", "City Council Meeting — Agenda — August 1, 2022"),
    (MC.format("Agenda", "Agenda"), "doc_date", date(2022, 8, 1)),
    (MC.format("Agenda", "Agenda"), "meta.time", "6:00 PM"),
    (MC.format("Agenda", "Agenda"), "meta.location", "1033 Fifth Street, Clovis, CA 93612"),
    (MC.format("Agenda", "Agenda"), "meta.meeting_status", "past"),
    (MC.format("Packet", "AgendaPacket"), "meta.document_type", "packet"),
    (MC.format("Packet", "AgendaPacket"), "kind", "agenda"),
])
def test_municode_fields(municode, url: str, name: str, expected: Any) -> None:
    assert field(municode[url], name) == expected


def test_municode_walks_to_the_next_page_while_it_has_not_reached_since(context: CrawlContext) -> None:
    page = saved(PAGES / "clovis_city_council.html", MUNICODE)
    [nxt] = further(make(context, "municode", MUNICODE, CLOVIS_NOW, since="2022-01-01"), page)
    assert nxt.url == MUNICODE.replace("&p=1", "&p=2")
    # the page's oldest meeting, 4/18/2022, is before June: the walk ends on this page
    assert further(make(context, "municode", MUNICODE, CLOVIS_NOW, since="2022-06-01"), page) == []


# -- PrimeGov: Clayton County GA, ListArchivedMeetings?year=2026 --------------------------------
@pytest.fixture(scope="module")
def primegov(context: CrawlContext) -> dict[str, Any]:
    url = "https://claytoncountyga.primegov.com/api/v2/PublicPortal/ListArchivedMeetings?year=2026"
    return documents(make(context, "primegov", PRIMEGOV, CLAYTON_NOW), saved(API / "atl_clayton_co_boc_meetings.json", url),
                     CLAYTON_NOW)


def test_primegov_yields_each_pdf_and_html_only_templates(primegov) -> None:
    # 18 meetings: 32 documentList entries with compileOutputType 1 (PDF); templates 4801
    # (Clayton Performance Review) and 5062 (Regular Business Meeting, Apr 7) only as HTML (3)
    assert len(primegov) == 32 + 2


PG = "https://claytoncountyga.primegov.com"


@pytest.mark.parametrize("url, name, expected", [
    # city-scrapers-atl's test: first meeting "Regular Business Meeting", 2026-01-06 18:00,
    # links Summary Minutes (template 4414) and Minutes (4410) as CompiledDocument PDFs
    (f"{PG}/Public/CompiledDocument?meetingTemplateId=4410&compileOutputType=1", "title",
     "Regular Business Meeting — Minutes — January 6, 2026"),
    (f"{PG}/Public/CompiledDocument?meetingTemplateId=4410&compileOutputType=1", "kind", "minutes"),
    (f"{PG}/Public/CompiledDocument?meetingTemplateId=4410&compileOutputType=1", "doc_date", date(2026, 1, 6)),
    (f"{PG}/Public/CompiledDocument?meetingTemplateId=4410&compileOutputType=1", "meta.time", "06:00 PM"),
    (f"{PG}/Public/CompiledDocument?meetingTemplateId=4414&compileOutputType=1", "meta.document_type", "minutes"),
    (f"{PG}/Public/CompiledDocument?meetingTemplateId=4425&compileOutputType=1", "meta.document_type", "packet"),
    (f"{PG}/Portal/Meeting?meetingTemplateId=4801", "title", "Clayton Performance Review — Agenda — January 13, 2026"),
])
def test_primegov_fields(primegov, url: str, name: str, expected: Any) -> None:
    assert field(primegov[url], name) == expected


def test_primegov_asks_for_each_year_back_to_since_and_the_upcoming_list(context: CrawlContext) -> None:
    requests = make(context, "primegov", PRIMEGOV, CLAYTON_NOW, since="2024-07-01").start_requests_for_source()
    api = f"{PG}/api/v2/PublicPortal"
    assert [r.url for r in requests] == [f"{api}/ListArchivedMeetings?year=2026", f"{api}/ListArchivedMeetings?year=2025",
                                         f"{api}/ListArchivedMeetings?year=2024", f"{api}/ListUpcomingMeetings"]


# -- CivicClerk: South Fulton GA, v1/Events ----------------------------------------------------
@pytest.fixture(scope="module")
def civicclerk(context: CrawlContext) -> dict[str, Any]:
    url = "https://southfultonga.api.civicclerk.com/v1/Events"
    return documents(make(context, "civicclerk", CIVICCLERK, FULTON_NOW),
                     saved(API / "atl_south_fulton_city_council_meetings.json", url), FULTON_NOW)


CC = "https://southfultonga.api.civicclerk.com/v1/Meetings/GetMeetingFileStream(fileId={},plainText=false)"


def test_civicclerk_yields_the_published_files(civicclerk) -> None:
    # 16 events; only event 1744 (April 15 2026) has publishedFiles: an Agenda (2261) and an Agenda Packet (2262)
    assert sorted(civicclerk) == [CC.format(2261), CC.format(2262)]


@pytest.mark.parametrize("url, name, expected", [
    (CC.format(2261), "title", "Alcohol License and Zoning Public Hearings — Agenda — April 15, 2026"),
    (CC.format(2261), "doc_date", date(2026, 4, 15)),
    (CC.format(2261), "meta.body", "City Council"),
    (CC.format(2261), "meta.time", "17:00"),
    (CC.format(2261), "meta.location", "5440 Fulton Industrial Blvd, South Fulton, Georgia"),
    (CC.format(2261), "meta.details_url", "https://southfultonga.portal.civicclerk.com/event/1744"),
    (CC.format(2261), "meta.meeting_status", "past"),
    (CC.format(2262), "meta.document_type", "packet"),
])
def test_civicclerk_fields(civicclerk, url: str, name: str, expected: Any) -> None:
    assert field(civicclerk[url], name) == expected


def test_civicclerk_asks_for_each_year_of_the_range(context: CrawlContext) -> None:
    requests = make(context, "civicclerk", CIVICCLERK, FULTON_NOW, since="2025-02-01").start_requests_for_source()
    assert [unquote(r.url) for r in requests] == [
        "https://southfultonga.api.civicclerk.com/v1/Events?$filter=startDateTime ge 2026-01-01 and "
        "startDateTime lt 2028-01-01&$orderby=startDateTime desc",
        "https://southfultonga.api.civicclerk.com/v1/Events?$filter=startDateTime ge 2025-02-01 and "
        "startDateTime lt 2026-01-01&$orderby=startDateTime desc"]


# -- Legistar Web API: Mecklenburg County NC events ----------------------------------------------
API_EVENTS = "https://webapi.legistar.com/v1/mecklenburg/events"


@pytest.fixture(scope="module")
def meck(context: CrawlContext) -> dict[str, Any]:
    spider = make(context, "legistar", LEGISTAR, MECK_NOW, since="2025-01-01")
    return documents(spider, saved(API / "charnc_meck_boc_legistar.json", API_EVENTS, legistar_api=True), MECK_NOW)


MK = "https://legistar1.granicus.com/Mecklenburg/meetings"


def test_legistar_api_yields_each_agenda_file(meck) -> None:
    # EventId 1802 and 1895 each have an EventAgendaFile; both EventMinutesFile are null
    assert sorted(meck) == [f"{MK}/2025/1/1802_A_Budget_Public_Policy_25-01-14_Meeting_Agenda.pdf",
                            f"{MK}/2026/4/1895_A_Board_of_Commissioners_26-04-07_Meeting_Agenda.pdf"]


BPP = f"{MK}/2025/1/1802_A_Budget_Public_Policy_25-01-14_Meeting_Agenda.pdf"


@pytest.mark.parametrize("url, name, expected", [
    (BPP, "title", "Budget Public Policy — Agenda — January 14, 2025"),
    (BPP, "doc_date", date(2025, 1, 14)),
    (BPP, "meta.body", "Budget Public Policy"),
    (BPP, "meta.time", "2:30 PM"),
    (BPP, "meta.comment", "REVISED AGENDA Charlotte-Mecklenburg Government Center - Room 267"),
    (BPP, "meta.details_url", "https://mecklenburg.legistar.com/MeetingDetail.aspx?LEGID=1802&GID=194"
                              "&G=9CAF76CE-14E5-4AB9-8178-ECFA61E02FDA"),
    (BPP, "meta.event_id", 1802),
    (BPP, "meta.meeting_status", "past"),
])
def test_legistar_api_fields(meck, url: str, name: str, expected: Any) -> None:
    assert field(meck[url], name) == expected


def test_legistar_api_events_before_since_are_not_fetched(context: CrawlContext) -> None:
    spider = make(context, "legistar", LEGISTAR, MECK_NOW, since="2026-01-01")
    page = saved(API / "charnc_meck_boc_legistar.json", API_EVENTS, legistar_api=True)
    assert list(documents(spider, page, MECK_NOW)) == [f"{MK}/2026/4/1895_A_Board_of_Commissioners_26-04-07_Meeting_Agenda.pdf"]


def test_legistar_api_is_asked_for_each_year_back_to_since(context: CrawlContext) -> None:
    spider = make(context, "legistar", LEGISTAR, MECK_NOW, since="2024-06-01", bodies=["Board of Commissioners"])
    filters = [parse_qs(r.url.split("?", 1)[1])["$filter"][0] for r in spider.start_requests_for_source()]
    body = " and (EventBodyName eq 'Board of Commissioners')"
    assert filters == [
        "EventDate ge datetime'2026-01-01'" + body,
        "EventDate ge datetime'2025-01-01' and EventDate lt datetime'2026-01-01'" + body,
        "EventDate ge datetime'2024-06-01' and EventDate lt datetime'2025-01-01'" + body]


@pytest.mark.parametrize("url, api, expected", [
    (LEGISTAR, None, "https://webapi.legistar.com/v1/mecklenburg"),
    (LEGISTAR, False, None),
    (LEGISTAR, "https://webapi.legistar.com/v1/meck/", "https://webapi.legistar.com/v1/meck"),
    ("https://county.example.gov/Calendar.aspx", None, None),
])
def test_legistar_api_client_comes_from_the_calendars_host(context, url: str, api: Any, expected: Any) -> None:
    source = {} if api is None else {"api": api}
    assert make(context, "legistar", url, MECK_NOW, **source).api == expected


# -- pages that are not what the source says ----------------------------------------------------
@pytest.mark.parametrize("spider, path, url, message", [
    ("novusagenda", PAGES / "clovis_city_council.html", NOVUS, "no NovusAGENDA meetings grid"),
    ("municode", PAGES / "fre_dinuba_city_council.html", MUNICODE, "no Municode Meetings table"),
    ("primegov", API / "atl_south_fulton_city_council_meetings.json", PRIMEGOV, "did not answer a list of meetings"),
    ("civicclerk", API / "atl_clayton_co_boc_meetings.json", CIVICCLERK, "did not answer"),
    ("primegov", PAGES / "clovis_city_council.html", PRIMEGOV, "expected JSON from the platform's API"),
])
def test_a_changed_page_is_a_layout_error_naming_the_source(context, spider, path, url, message) -> None:
    with pytest.raises(LayoutError, match=rf"source 'board': .*{message}"):
        list(make(context, spider, url, CLAYTON_NOW).parse_listing(saved(path, url)))
