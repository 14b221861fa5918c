-- kualitas_file: one row per source file of the latest load: rows read, loaded, rejected, skipped, notes.
SELECT
    f.dataset,
    f.file,
    f.rows_read,
    f.rows_loaded,
    f.rows_rejected,
    f.rows_skipped,
    f.notes
FROM etl_run_files AS f
WHERE f.run_id = (SELECT run_id FROM etl_runs ORDER BY finished_at_utc DESC LIMIT 1)
ORDER BY f.dataset, f.file
