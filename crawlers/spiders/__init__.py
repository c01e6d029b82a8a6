"""One spider class per `spider = "..."` value in case.toml."""
from __future__ import annotations

from crawlers.spiders.base import LayoutError, SourceConfigError, SourceSpider
from crawlers.spiders.civicplus import CivicPlusSpider
from crawlers.spiders.documents import DocumentsSpider
from crawlers.spiders.granicus import GranicusSpider
from crawlers.spiders.legistar import LegistarSpider
from crawlers.spiders.listing import ListingSpider
from crawlers.spiders.news import NewsSpider

SPIDERS: dict[str, type[SourceSpider]] = {
    cls.spider: cls for cls in (ListingSpider, DocumentsSpider, NewsSpider,
                                CivicPlusSpider, LegistarSpider, GranicusSpider)
}

__all__ = ["SPIDERS", "LayoutError", "SourceConfigError", "SourceSpider"]
