-- Schema 5 -> 6: run summaries (`runs`) and the digests made (`digests`, for `casefile digest --since
-- last`); both are new tables, created by schema.sql, so nothing existing changes.
SELECT 1;
