-- Schema 7 -> 8: an event whose sentence runs over a page break quotes it whole: the next page's
-- text[cont_start:cont_end] (pipeline/page_runs.py). The events stage's version changed with it, so
-- the next `casefile process` rebuilds every document's events; the timeline tables are rebuilt
-- under the new definitions right after this upgrade (index/store.py).
ALTER TABLE events ADD COLUMN cont_start INTEGER;
ALTER TABLE events ADD COLUMN cont_end INTEGER;
