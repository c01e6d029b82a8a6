"""A news page's update stamp, with its time zone and its byline ("Updated: Nov 8, 2023 / 11:55 PM PST by:
Josh DuBose"), is no act, though the parser takes the time zone for a verb; the story's own acts stay."""
from __future__ import annotations

import pytest

from pipeline.tagger import Tagger   # (the `tagger` fixture: tests/conftest.py)


@pytest.mark.parametrize("stamp", [
    "Updated: Nov 8, 2023 / 11:55 PM PST",
    "Updated: Nov 8, 2023 / 11:55 PM PST by: Josh DuBose",
    "Posted: Mar 14, 2022 / 06:02 AM EDT by: Maria Okafor",
    "Updated: Jan 3, 2021 / 10:15 PM CST",
])
def test_an_update_stamp_is_no_candidate(tagger: Tagger, stamp: str) -> None:
    text = f"Deputies arrest man in shelter fire case\n\n{stamp}\n\nDeputies arrested a man on Wednesday in the fire.\n"
    candidates = [text[c["start"]:c["end"]] for c in tagger.tag([text])[0]["candidates"]]
    assert not any(stamp[:8] in c for c in candidates), candidates
    assert any("arrested a man" in c for c in candidates), candidates
