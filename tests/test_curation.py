"""Every kind of curation on the demo case holds after `casefile process --force` re-runs every
stage on every document: merge, split, alias, reject a person, reject an event, correct a date;
split, merge and reject through the CLI, which records them in curation.toml."""
from __future__ import annotations

import tomllib

from index.store import Store
from tests.conftest import cli_json, run_cli


def _people(case) -> dict[str, dict]:
    return {p["name"]: p for p in cli_json("people", case=case)}


def test_every_kind_of_curation_survives_reprocessing(demo_copy):
    case = demo_copy
    before = _people(case)
    assert {"Margaret Whitfield", "Linda Ortiz", "Leo Baxter", "Sandra Loomis", "Priya Natarajan"} <= set(before)
    assert "Peggy Whitfield" in before["Margaret Whitfield"]["aliases"]
    # two Ortizes: "Ms." rules out James (nlp.v169); a first name alone in a quote ("Dan stabilized this
    # department," Okafor said.) stays unresolved until the user aliases it
    assert "Ms. Ortiz" in before["Linda Ortiz"]["aliases"] and "Ms. Ortiz" not in before["James Ortiz"]["aliases"]
    assert "Dan" not in before["Daniel Reyes"]["aliases"]
    with Store(case / "casefile.duckdb", read_only=True) as s:
        week = s.query("SELECT event_id, date_precision FROM events WHERE text LIKE 'The first criminal charges%'")[0]
    pleaded = next(e for e in cli_json("timeline", "--person", "Raymond Pruitt", case=case)
                   if "pleaded guilty" in e["text"])

    run_cli("people", "split", "Margaret Whitfield", "Peggy Whitfield", case=case)
    run_cli("people", "merge", "Sandra Loomis", "Priya Natarajan", case=case)   # one the pipeline never makes
    run_cli("reject", pleaded["event_id"][:12], case=case)
    curation = tomllib.loads((case / "curation.toml").read_text())
    assert curation["split"][0]["people"] == ["Margaret Whitfield", "Peggy Whitfield"]
    assert curation["merge"][0]["people"] == ["Sandra Loomis", "Priya Natarajan"]
    assert curation["reject"][0]["event"] == pleaded["event_id"]      # the full id, from a prefix
    with (case / "curation.toml").open("a", encoding="utf-8") as fh:
        fh.write('\n[[alias]]\nperson = "Daniel Reyes"\nnames = ["Dan"]\n'
                 '\n[[reject]]\nperson = "Leo Baxter"\n'
                 f'\n[[date]]\nevent = "{week["event_id"]}"\ndate = "2018-10-22"\n')
    assert len(tomllib.loads((case / "curation.toml").read_text())["reject"]) == 2

    run_cli("process", "--force", case=case)
    after = _people(case)
    # split: Peggy is a person of her own, with the Herald's events
    assert "Peggy Whitfield" in after and "Peggy Whitfield" not in after["Margaret Whitfield"]["aliases"]
    assert cli_json("timeline", "--person", "Peggy Whitfield", case=case)
    # merge: one person shown under the first name given
    assert "Priya Natarajan" not in after and "Priya Natarajan" in after["Sandra Loomis"]["aliases"]
    # alias: the unresolved "Dan" is Daniel Reyes
    assert "Dan" in after["Daniel Reyes"]["aliases"]
    # reject person
    assert "Leo Baxter" not in after
    # reject event: off the timeline, whoever asks
    assert pleaded["event_id"] not in {e["event_id"] for e in cli_json("timeline", case=case)}
    assert all("pleaded guilty" not in e["text"]
               for e in cli_json("timeline", "--person", "Raymond Pruitt", case=case))
    # date correction: the user's date, marked as such
    with Store(case / "casefile.duckdb", read_only=True) as s:
        fixed = s.query("SELECT date_start, date_end, date_precision, date_source FROM events WHERE event_id = ?",
                        [week["event_id"]])[0]
    assert (str(fixed["date_start"]), str(fixed["date_end"]), fixed["date_precision"], fixed["date_source"]) == \
        ("2018-10-22", "2018-10-22", "day", "user")


def test_an_event_decision_outlives_a_new_event_id(tmp_path):
    """A new stage version gives events new ids; `casefile reject` also records the document, page and
    exact sentence, and that still finds the event. An entry with only an unknown id changes nothing."""
    from pipeline.link import apply_event_curation

    text = "Director Ann Lee resigned on March 5, 2018."
    with Store(tmp_path / "c.duckdb") as s:
        s.upsert("documents", [{"doc_id": "d" * 64, "kind": "minutes", "source": "board", "status": "done"}])
        s.upsert("events", [{"event_id": "new-id", "doc_id": "d" * 64, "page": 2, "char_start": 10,
                             "char_end": 10 + len(text), "text": text, "date_start": "2018-03-05",
                             "date_end": "2018-03-05", "date_precision": "day", "date_source": "explicit"}])
        stale = {"event": "id-before-the-new-version", "doc": "d" * 64, "page": 2, "text": text}
        apply_event_curation(s, {"reject": [{"event": "id-before-the-new-version"}]})
        assert s.scalar("SELECT rejected FROM events") is False
        apply_event_curation(s, {"reject": [stale], "date": [{**stale, "date": "2018-02"}]})
        assert s.query("SELECT rejected, date_start::VARCHAR AS d, date_precision, date_source FROM events") == [
            {"rejected": True, "d": "2018-02-01", "date_precision": "month", "date_source": "user"}]
        apply_event_curation(s, {"reject": [{**stale, "page": 3}]})   # another page: not this event
        assert s.scalar("SELECT rejected FROM events") is False
