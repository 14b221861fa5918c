-- kualitas_tidak_dimuat: one row per file of the source folder that the latest load did not load (it belongs to
-- no dataset), with why (Indonesian) and whether it looks like data (.csv, .xlsx, .json, other spreadsheets);
-- those first. A restore shows the files of the load it put back.
SELECT
    f ->> 'file' AS file,
    f ->> 'reason' AS reason,
    coalesce((f ->> 'looks_like_data')::BOOLEAN, false) AS looks_like_data
FROM (
    SELECT unnest(CAST(not_loaded AS JSON[])) AS f
    FROM etl_runs
    WHERE run_id = (SELECT run_id FROM etl_runs ORDER BY finished_at_utc DESC LIMIT 1)
)
ORDER BY looks_like_data DESC, file
