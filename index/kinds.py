"""Kinds of documents (the `documents.kind` column): one list, read by the importer, the crawlers,
the CLI and the pipeline's rules.

- minutes, agenda: records of a meeting; their acts happen at the meeting they minute.
- report: audits, reviews, investigations, annual reports.
- court: opinions, orders, filings; dated by when they were decided, filed or entered.
- press: an agency's press releases; dated like news, but an official record.
- news: press coverage.
"""
from __future__ import annotations

KINDS = ("minutes", "agenda", "report", "court", "press", "news", "other")
MEETING_KINDS = ("minutes", "agenda")
PUBLISHED_KINDS = ("news", "press")   # dated by publication, with datelines and bylines
KIND_HELP = " | ".join(KINDS)
