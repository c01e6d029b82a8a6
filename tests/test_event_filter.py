"""The learned event filter (pipeline/event_filter.py): its weights match its features, it reads the
vector of the passage that holds a sentence, and on a real record the rules read badly (a Senate
daily digest of the dev split, whose acts are listed without the verbs the rules look for) it finds
the acts the trigger-word rules miss. The three `event_filter` settings, through the real CLI."""
from __future__ import annotations

import json
import tomllib
from pathlib import Path

import duckdb
import pytest

from casefile.settings import Settings
from pipeline import event_filter
from queries.evaluate_real import overlap
from tests.conftest import ROOT, run_cli

REAL = ROOT / "eval" / "real"
DIGEST = "crec_daily_digest_1997-01-28_senate_chamber_action"


def test_the_shipped_weights_fit_the_features_and_say_how_they_were_made() -> None:
    model = event_filter.load()
    assert len(model["weights"]) == len(event_filter.NAMES) == len(model["features"])
    assert 0 < model["threshold"] < 1 and model["trained_on"]["split"].startswith("dev")
    assert model["cross_validated"]["folds"] == 5
    event = {"text": "The board voted to approve the plan.", "modality": "done", "type": "decision",
             "date_source": "explicit", "date_precision": "day", "confidence": 0.9}
    assert event_filter.features(event, "minutes", None).shape == (len(event_filter.NAMES),)


def test_weights_for_other_features_are_refused_in_one_line(tmp_path: Path) -> None:
    model = json.loads(event_filter.WEIGHTS.read_text())
    model["features"] = model["features"][1:]
    (tmp_path / "old.json").write_text(json.dumps(model))
    with pytest.raises(RuntimeError, match="trained on other features: run eval/train_event_filter.py"):
        event_filter.load(str(tmp_path / "old.json"))


def test_an_event_reads_the_vector_of_the_passage_that_holds_its_first_character() -> None:
    chunks = [{"page": 1, "char_start": 0, "char_end": 50, "embedding": "a"},
              {"page": 1, "char_start": 51, "char_end": 120, "embedding": "b"},
              {"page": 2, "char_start": 0, "char_end": 80, "embedding": "c"}]
    events = [{"page": 1, "char_start": 60}, {"page": 1, "char_start": 0}, {"page": 2, "char_start": 79},
              {"page": 1, "char_start": 50}, {"page": 3, "char_start": 0}]
    assert event_filter.chunk_vectors(events, chunks) == ["b", "a", "c", None, None]


@pytest.mark.parametrize("values, message", [({"event_filter": "smart"}, "event_filter must be one of learned, rules, all"),
                                             ({"event_filter_threshold": 1.5}, "event_filter_threshold must be from 0 to 1")])
def test_bad_filter_settings_are_named(values, message) -> None:
    with pytest.raises(ValueError, match=message):
        Settings(**values)


@pytest.fixture(scope="module")
def digest(tmp_path_factory) -> dict[str, list[dict]]:
    """The digest processed three times, once per `event_filter` setting."""
    row = next(line for line in (REAL / "documents.csv").read_text().splitlines() if line.startswith(DIGEST + ","))
    path, kind = row.split(",")[1:3]
    out = {}
    for mode in event_filter.MODES:
        case = tmp_path_factory.mktemp(mode) / "case"
        run_cli("init", str(case))
        run_cli("add", "--kind", kind, str(REAL / path), case=case)
        run_cli("process", case=case, env={"CASEFILE_EVENT_FILTER": mode})
        with duckdb.connect(str(case / "casefile.duckdb"), read_only=True) as con:
            cols = ("page", "char_start", "text", "confidence", "date_start")
            out[mode] = [dict(zip(cols, r)) for r in con.execute(f"SELECT {', '.join(cols)} FROM events").fetchall()]
    return out


def found(events: list[dict]) -> int:
    refs = tomllib.loads((REAL / "reference" / f"{DIGEST}.toml").read_text())["events"]
    return sum(any(overlap(r["sentence"], e["text"]) > 0 for e in events) for r in refs if not r.get("optional"))


def test_the_learned_filter_finds_the_listed_acts_the_rules_miss(digest) -> None:
    required = sum(1 for r in tomllib.loads((REAL / "reference" / f"{DIGEST}.toml").read_text())["events"]
                   if not r.get("optional"))
    assert found(digest["learned"]) >= 0.75 * required > found(digest["rules"])
    assert all(e["date_start"] is not None for e in digest["learned"])   # no date is invented


def test_the_filter_keeps_a_subset_of_the_candidates_each_above_its_threshold(digest) -> None:
    where = {(e["page"], e["char_start"]) for e in digest["all"]}
    assert {(e["page"], e["char_start"]) for e in digest["learned"]} <= where
    assert len(digest["learned"]) < len(digest["all"])
    threshold = event_filter.load()["threshold"]
    assert all(threshold <= e["confidence"] <= 1 for e in digest["learned"])   # its probability
    assert {e["confidence"] for e in digest["rules"]} <= {0.7, 0.9}          # rules: chosen by a trigger word
    assert event_filter.NO_TRIGGER in {e["confidence"] for e in digest["all"]}
