"""YAML front matter of saved text pages is metadata (pipeline/front_matter.py), kept in the stored
text but skipped for reading: no event, name or date from it; its title and date are the document's."""
from __future__ import annotations

import pytest

from pipeline.extract import extract, nlp_text

PAGE = """---
tags: statements-releases
date: '{date}'
modified_time: {date} 20:42:32-04:00
source_url: https://example.gov/briefing-room/{date}/statement/
title: "Statement by the Press Secretary on {topic}"
---

The Governor thanked Senator Ada Whitlock and Representative Tom Ruiz for their work on {topic}.

###
"""


@pytest.mark.parametrize("date,topic", [("2021-06-24", "police reform"), ("2019-03-02", "the county budget")])
def test_front_matter_is_metadata_not_text(date: str, topic: str) -> None:
    ex = extract(PAGE.format(date=date, topic=topic).encode())
    assert ex.title == f"Statement by the Press Secretary on {topic}"
    assert ex.meta["date"] == date and ex.meta["url"].startswith("https://example.gov/")
    page = ex.pages[0]
    assert page.text.startswith("---\ntags:")                 # the stored text is the file as written
    read = nlp_text(page)
    assert "tags" not in read and "source_url" not in read and date not in read
    assert f"Representative Tom Ruiz for their work on {topic}" in read


@pytest.mark.parametrize("text", [
    "---\nThis is a rule, then prose.\n---\nMore prose.",          # no mapping inside: no front matter
    "Intro\n---\ntitle: x\n---\n",                                  # not at the start
    "---\ntitle: [unclosed\n---\nBody.",                            # not YAML
])
def test_what_is_not_front_matter_stays_text(text: str) -> None:
    ex = extract(text.encode())
    assert ex.title is None and "date" not in ex.meta
    assert "---" in nlp_text(ex.pages[0]) or text.startswith("Intro")
