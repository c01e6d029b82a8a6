"""A report's list of sources ("Rand Report: Legalizing Marijuana …, July 7, 2010, https://www.rand.org/…",
"Big Cannabis is funding … - Los Angeles Times https://www.latimes.com/…/2022-12-15/…") cites what others
published, with its day: no act of the report's (probe batch 4's grand-jury report put its reference list
on the timeline). A request to the reader ("To better serve you, please notify us …") is none either. A
sentence that tells an act and ends on a web address with no day beside it stays."""
from __future__ import annotations

import pytest

from pipeline.tagger import Tagger   # (the `tagger` fixture: tests/conftest.py)
from tests.conftest import candidate_texts


def _candidates(tagger: Tagger, body: str) -> list[str]:
    text = "Grand Jury Report\n\nREFERENCES\n\n" + body + "\n"
    return candidate_texts(tagger, text)


@pytest.mark.parametrize("line", [
    "Rand Report: Legalizing Marijuana in California Would Sharply Lower the Price of the Drug, July 7, 2010, "
    "https://www.rand.org/news/press/2010/07/07.html",
    "Big Cannabis is funding university studies on weed - Los Angeles Times "
    "https://www.latimes.com/california/story/2022-12-15/big-cannabis-weed-funding",
    "County settles lawsuit over grow ordinance, Harlow Enterprise, 4/30/2021 www.harlowenterprise.com/news/settles",
    "To better serve you, please notify us at least three business days in advance when possible.",
])
def test_a_source_cited_or_a_request_to_the_reader_is_no_candidate(tagger: Tagger, line: str) -> None:
    assert not any(line[:20] in c for c in _candidates(tagger, line))


def test_an_act_told_before_a_web_address_stays(tagger: Tagger) -> None:
    line = "The agenda was posted on June 1, 2022 and uploaded to the City website https://harlow.gov/agendas/"
    assert any(line[:20] in c for c in _candidates(tagger, line))
