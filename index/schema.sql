-- casefile index schema. This file is the only definition of the tables (STYLE.md rule 2).
-- The store reads the version below, records it in `meta`, and refuses a case newer than itself.
-- schema_version: 8

CREATE TABLE IF NOT EXISTS meta (
    key   VARCHAR PRIMARY KEY,
    value VARCHAR
);

-- Chain of custody: one row per HTTP fetch or local import. Append-only, never updated.
CREATE TABLE IF NOT EXISTS fetches (
    fetch_id      VARCHAR PRIMARY KEY,   -- sha256(source, url, fetched_at, status)
    url           VARCHAR NOT NULL,
    final_url     VARCHAR,
    source        VARCHAR NOT NULL,
    fetched_at    TIMESTAMPTZ NOT NULL,
    status        INTEGER,               -- HTTP status; 0 for a local import or a network error
    etag          VARCHAR,
    last_modified VARCHAR,
    sha256        VARCHAR,               -- archive key of the body, NULL when nothing was stored
    content_type  VARCHAR,
    size          BIGINT,
    error         VARCHAR                -- one-line reason when the fetch failed
);

-- One row per distinct content (doc_id = sha256 of the raw bytes).
CREATE TABLE IF NOT EXISTS documents (
    doc_id          VARCHAR PRIMARY KEY,
    kind            VARCHAR NOT NULL,    -- minutes | agenda | report | court | press | news | other (index/kinds.py)
    source          VARCHAR NOT NULL,
    url             VARCHAR,
    filename        VARCHAR,
    title           VARCHAR,
    content_type    VARCHAR,
    size            BIGINT,
    doc_date        DATE,                -- the date the document speaks from
    doc_date_source VARCHAR,             -- metadata | title | first_page | user | fetch_time
    meta            JSON,                -- what the crawler described: body, author, outlet, ...
    first_seen      TIMESTAMPTZ,
    last_seen       TIMESTAMPTZ,
    status          VARCHAR NOT NULL DEFAULT 'pending',  -- pending | done | partial | failed
    error           VARCHAR,
    stage_versions  JSON,
    processed_at    TIMESTAMPTZ,
    -- Versions and removals (schema 2). New bytes at a known URL are a new document that
    -- supersedes the one before it; both stay. Removal is a mark, never a deletion.
    supersedes      VARCHAR,             -- doc_id of the version last seen at the same URL before it
    removed_at      TIMESTAMPTZ,         -- first seen missing: no longer listed, or its URL answered 404/410
    -- schema 5: where the title came from (pipeline/titles.py)
    title_source    VARCHAR              -- user | crawler | metadata | first_page | filename
);

CREATE TABLE IF NOT EXISTS pages (
    doc_id  VARCHAR NOT NULL,
    page    INTEGER NOT NULL,            -- 1-based, as a PDF viewer shows it
    text    VARCHAR NOT NULL,            -- offsets of chunks, mentions and events index this text
    method  VARCHAR NOT NULL,            -- text | ocr | needs_ocr | failed | html | plain | docx | email | listing
    -- schema 2: what extraction knows about the page
    skip    JSON,                        -- [[start, end], ...] running headers/footers/page numbers: shown, not analysed
    ocr_confidence DOUBLE,               -- mean Tesseract word confidence (0-100) for `ocr` pages
    label   VARCHAR,                     -- the page label the PDF prints ("iii"), when it has one
    -- schema 7: where each word of `text` sits on the page (pipeline/word_boxes.py), for PDF and OCR pages
    boxes   BLOB,
    PRIMARY KEY (doc_id, page)
);

CREATE TABLE IF NOT EXISTS chunks (
    chunk_id   VARCHAR PRIMARY KEY,
    doc_id     VARCHAR NOT NULL,
    page       INTEGER NOT NULL,
    char_start INTEGER NOT NULL,
    char_end   INTEGER NOT NULL,
    text       VARCHAR NOT NULL,
    embedding  FLOAT[384]
);

CREATE TABLE IF NOT EXISTS mentions (
    mention_id VARCHAR PRIMARY KEY,
    doc_id     VARCHAR NOT NULL,
    page       INTEGER NOT NULL,
    char_start INTEGER NOT NULL,
    char_end   INTEGER NOT NULL,
    text       VARCHAR NOT NULL,
    label      VARCHAR NOT NULL,         -- PERSON | ORG | GPE | DATE | TIME | ROLE
    name_key   VARCHAR,                  -- for PERSON: the full name it resolved to inside its document
    person_id  VARCHAR,                  -- set by the people step
    title      VARCHAR,                  -- title or honorific before the name ("Director", "Ms.")
    role       VARCHAR,                  -- role stated in an appositive ("the interim director")
    event_role VARCHAR,                  -- agent | patient | mentioned, in the event of its sentence
    method     VARCHAR,
    confidence DOUBLE
);

CREATE TABLE IF NOT EXISTS people (
    person_id VARCHAR PRIMARY KEY,
    name      VARCHAR NOT NULL,
    aliases   VARCHAR[],
    roles     JSON                       -- [{role, org, date, doc_id, page}]
);

CREATE TABLE IF NOT EXISTS events (
    event_id       VARCHAR PRIMARY KEY,
    doc_id         VARCHAR NOT NULL,
    page           INTEGER NOT NULL,
    char_start     INTEGER NOT NULL,
    char_end       INTEGER NOT NULL,
    text           VARCHAR NOT NULL,     -- verbatim: pages.text[char_start:char_end] (and its run-on, below)
    trigger        VARCHAR,
    type           VARCHAR,
    date_start     DATE,
    date_end       DATE,
    date_precision VARCHAR NOT NULL DEFAULT 'none',  -- day|week|month|quarter|season|year|none
    date_source    VARCHAR NOT NULL DEFAULT 'none',  -- explicit|relative|anaphoric|document_date|user|none
    date_text      VARCHAR,
    modality       VARCHAR,              -- done | planned
    polarity       VARCHAR,              -- positive | negative
    confidence     DOUBLE,
    cluster_id     VARCHAR,
    rejected       BOOLEAN NOT NULL DEFAULT false,   -- set from curation.toml
    embedding      FLOAT[384],
    -- a sentence that runs over the page break (pipeline/page_runs.py): the quote goes on with the
    -- next page's text[cont_start:cont_end], after a line break in `text`; NULL when it does not
    cont_start     INTEGER,
    cont_end       INTEGER
);

CREATE TABLE IF NOT EXISTS event_people (
    event_id  VARCHAR NOT NULL,
    person_id VARCHAR NOT NULL,
    role      VARCHAR NOT NULL,          -- agent | patient | mentioned
    PRIMARY KEY (event_id, person_id, role)
);

CREATE TABLE IF NOT EXISTS event_issues (
    event_id VARCHAR NOT NULL,
    issue    VARCHAR NOT NULL,
    score    DOUBLE,
    method   VARCHAR,                    -- keyword | embedding
    PRIMARY KEY (event_id, issue)
);

-- casefile's own search index (schema 3), kept in step with `chunks` by index/search_index.py and
-- rebuildable from them. Keys are the first 60 bits of the md5 of chunk_id / doc_id.
CREATE TABLE IF NOT EXISTS search_chunks (
    chunk_key BIGINT NOT NULL,
    chunk_id  VARCHAR NOT NULL,
    doc_key   BIGINT NOT NULL,
    doc_id    VARCHAR NOT NULL,
    len       INTEGER NOT NULL           -- indexed words (BM25 length; stopwords not counted)
);

-- One row per (term, passage), and per (term, title) for a document's title, which is indexed with
-- its first passage; compaction keeps it sorted by term so zone maps skip other terms.
CREATE TABLE IF NOT EXISTS search_postings (
    term_id   BIGINT NOT NULL,           -- first 60 bits of md5(Porter stem)
    chunk_key BIGINT NOT NULL,
    doc_key   BIGINT NOT NULL,
    tf        SMALLINT NOT NULL,
    len       SMALLINT NOT NULL,         -- the passage's (or title's) length, repeated to spare a join
    pos       SMALLINT[] NOT NULL        -- word positions, for "exact phrases"; a title's from 16384
);

-- Passage embeddings as int8 (embedding ~ q * scale), grouped into k-means cells (IVF).
CREATE TABLE IF NOT EXISTS search_vectors (
    chunk_key BIGINT NOT NULL,
    doc_key   BIGINT NOT NULL,
    cell      SMALLINT NOT NULL,         -- nearest centroid in search_cells; 0 before there are cells
    scale     FLOAT NOT NULL,
    q         TINYINT[384] NOT NULL
);

CREATE TABLE IF NOT EXISTS search_cells (
    cell     SMALLINT PRIMARY KEY,
    centroid FLOAT[384] NOT NULL
);

-- One row per event cluster: the representative mention (a user's date first, then an official
-- record before news, a precise date before a vague one, an explicit date before an inferred one),
-- with the cluster's people, issues and every source. `timeline_entries` is the definition;
-- `timeline` is its table (and `timeline_by_person`), refreshed by the case-wide steps
-- (index/timeline.py), so that a person's or a month's timeline reads one sorted table instead of
-- ranking every event.
CREATE OR REPLACE VIEW timeline_entries AS
WITH members AS (
    SELECT e.* REPLACE (coalesce(e.cluster_id, e.event_id) AS cluster_id),
           d.kind, d.title, d.url, d.source, d.doc_date
    FROM events e JOIN documents d USING (doc_id)
    WHERE NOT e.rejected
), ranked AS (
    SELECT *, row_number() OVER (
               PARTITION BY cluster_id
               ORDER BY (date_source = 'user') DESC,
                        (kind = 'news'),
                        CASE date_precision WHEN 'day' THEN 0 WHEN 'week' THEN 1 WHEN 'month' THEN 2
                             WHEN 'quarter' THEN 3 WHEN 'season' THEN 4 WHEN 'year' THEN 5 ELSE 6 END,
                        (date_source NOT IN ('explicit', 'document_date')),
                        doc_id, page, char_start) AS rank
    FROM members
), named AS (
    SELECT m.cluster_id, list_sort(list_distinct(list(p.person_id))) AS person_ids,
           list_sort(list_distinct(list(p.name))) AS people
    FROM members m JOIN event_people ep USING (event_id) JOIN people p USING (person_id)
    GROUP BY m.cluster_id
), scored AS (
    SELECT m.cluster_id, ei.issue, max(ei.score) AS score
    FROM members m JOIN event_issues ei USING (event_id) GROUP BY ALL
), tagged AS (
    SELECT cluster_id, list(issue ORDER BY score DESC, issue) AS issues FROM scored GROUP BY cluster_id
), cited AS (
    SELECT cluster_id,
           list({'event_id': event_id, 'doc_id': doc_id, 'title': title, 'url': url, 'kind': kind,
                 'source': source, 'page': page, 'char_start': char_start, 'char_end': char_end,
                 'text': text, 'cont_start': cont_start, 'cont_end': cont_end,
                 'date_start': date_start, 'date_end': date_end,
                 'date_precision': date_precision, 'date_source': date_source}
                ORDER BY (kind = 'news'), doc_date NULLS LAST, doc_id, page, char_start) AS sources
    FROM members GROUP BY cluster_id
)
SELECT r.cluster_id, r.event_id, r.doc_id, r.page, r.char_start, r.char_end, r.text, r.trigger, r.type,
       r.date_start, r.date_end, r.date_precision, r.date_source, r.date_text,
       r.modality, r.polarity, r.confidence,
       coalesce(n.person_ids, []::VARCHAR[]) AS person_ids, coalesce(n.people, []::VARCHAR[]) AS people,
       coalesce(t.issues, []::VARCHAR[]) AS issues, c.sources
FROM ranked r JOIN cited c USING (cluster_id)
LEFT JOIN named n USING (cluster_id) LEFT JOIN tagged t USING (cluster_id)
WHERE r.rank = 1;

CREATE TABLE IF NOT EXISTS timeline AS SELECT * FROM timeline_entries LIMIT 0;
-- The same entries once per person in them, sorted by person: a person's timeline reads a few
-- thousand rows of one table instead of picking scattered rows out of all of them.
CREATE TABLE IF NOT EXISTS timeline_by_person AS
    SELECT unnest(person_ids) AS person_id, * FROM timeline_entries LIMIT 0;

-- Runs (schema 6): one row per `casefile run`, `crawl` or `process`, written when it starts (status
-- `running`) and completed when it ends; a run that was killed is marked `interrupted` by the next.
CREATE TABLE IF NOT EXISTS runs (
    run_id     VARCHAR PRIMARY KEY,      -- its start time and pid
    command    VARCHAR NOT NULL,         -- run | crawl | process
    started_at TIMESTAMPTZ NOT NULL,
    ended_at   TIMESTAMPTZ,
    status     VARCHAR NOT NULL,         -- running | ok | failed | interrupted
    pid        INTEGER,
    sources    VARCHAR[],                -- the sources it crawled
    counts     JSON,                     -- {"new", "changed", "unchanged", "removed", "fetches", "processed", ...}
    failures   JSON,                     -- [{"source" | "doc_id" | "digest": ..., "reason": ...}]
    error      VARCHAR                   -- why it stopped, when it did not finish
);

-- Digests made (schema 6): `casefile digest --since last` starts where the latest digest of the same
-- filters ended (`until`); the emailed digest keeps its own key.
CREATE TABLE IF NOT EXISTS digests (
    digest_key VARCHAR NOT NULL,         -- the filters (and channel) as canonical JSON
    made_at    TIMESTAMPTZ NOT NULL,
    since      TIMESTAMPTZ,              -- NULL: since the case began
    until      TIMESTAMPTZ NOT NULL,     -- everything seen before it was reported
    counts     JSON,
    PRIMARY KEY (digest_key, made_at)
);
