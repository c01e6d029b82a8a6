"""The `timeline` table: `timeline_entries` (index/schema.sql) written out, sorted by date.

Ranking every event of a case and gathering each cluster's people, issues and sources takes
seconds at a million passages (bench/RESULTS.md, "Scale"); a person's or a month's timeline must
take milliseconds. So the case-wide steps (`pipeline.link.link_case`) write the view into a table
once per run, in their transaction, and the timeline queries read the table (a person's
timeline reads `timeline_by_person`: the same entries, one row per person in them, sorted by person). Between the batches
of a run the table is the previous run's timeline: new events appear when the run links them.
"""
from __future__ import annotations

import duckdb

ORDER = "date_start NULLS LAST, date_end, doc_id, page, char_start"


def refresh(con: duckdb.DuckDBPyConnection) -> None:
    """Rewrite the timeline from the events, sorted by date (so a date range reads few row groups),
    and its copy by person, sorted by person (a person's entries sit together)."""
    con.execute(f"CREATE OR REPLACE TABLE timeline AS SELECT * FROM timeline_entries ORDER BY {ORDER}")
    con.execute("CREATE OR REPLACE TABLE timeline_by_person AS SELECT unnest(person_ids) AS person_id, * "
                f"FROM timeline ORDER BY person_id, {ORDER}")
