"""A quantity that moved, told with its period but no measure ("the county's property crime rate has
fluctuated", "trends have worsened in 2020", "The number of burglaries in the first half of 2020 has
increased from the first half of 2019") is a statistic, no act (eval/real/ANNOTATING.md: states are not
acts); before, only a figure told with a percentage or an amount was. A body that moved a figure and an
act told beside the figure stay candidates."""
from __future__ import annotations

import pytest

from pipeline.tagger import Tagger   # (the `tagger` fixture: tests/conftest.py)
from tests.conftest import candidate_texts


def _candidates(tagger: Tagger, body: str) -> list[str]:
    text = "Crime in Marlow County\n\n" + body + "\n"
    return candidate_texts(tagger, text)


@pytest.mark.parametrize("figure", [
    "Over the last decade, the Marlow County property crime rate has fluctuated.",
    "According to the data, trends have worsened in 2020.",
    "The number of burglaries in the first half of 2020 has increased from the first half of 2019 in every precinct.",
    "Enrollment declined in 2021 across the district.",
    "The total rose sharply in March 2019.",
    "The total number of over-detentions in the County system peaked in 1997, and declined every year through 2004.",
    "The number of open cases shrank in 2015 and dwindled through 2018.",
])
def test_a_quantity_that_moved_is_no_candidate(tagger: Tagger, figure: str) -> None:
    assert not any(figure[:25] in c for c in _candidates(tagger, figure))


@pytest.mark.parametrize("act", [
    "The council increased the fee in 2020.",
    "The number of deputies fell in 2019 after the sheriff fired six of them.",
])
def test_a_body_moving_a_figure_or_an_act_beside_it_stays(tagger: Tagger, act: str) -> None:
    assert any(act[:25] in c for c in _candidates(tagger, act))
