"""One spider class per `spider = "..."` value in case.toml."""
from __future__ import annotations

from crawlers.spiders.base import LayoutError, SourceConfigError, SourceSpider
from crawlers.spiders.boarddocs import BoardDocsSpider
from crawlers.spiders.civicclerk import CivicClerkSpider
from crawlers.spiders.civicplus import CivicPlusSpider
from crawlers.spiders.documents import DocumentsSpider
from crawlers.spiders.granicus import GranicusSpider
from crawlers.spiders.legistar import LegistarSpider
from crawlers.spiders.listing import ListingSpider
from crawlers.spiders.municode import MunicodeSpider
from crawlers.spiders.news import NewsSpider
from crawlers.spiders.novusagenda import NovusAgendaSpider
from crawlers.spiders.primegov import PrimeGovSpider

SPIDERS: dict[str, type[SourceSpider]] = {
    cls.spider: cls for cls in (ListingSpider, DocumentsSpider, NewsSpider,
                                CivicPlusSpider, LegistarSpider, GranicusSpider, BoardDocsSpider,
                                NovusAgendaSpider, MunicodeSpider, PrimeGovSpider, CivicClerkSpider)
}

__all__ = ["SPIDERS", "LayoutError", "SourceConfigError", "SourceSpider"]
