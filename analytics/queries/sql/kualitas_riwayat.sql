-- kualitas_riwayat: one row per load or restore of the warehouse, newest first.
SELECT
    run_id,
    finished_at_utc,
    outcome,
    source,
    synthetic,
    rows_read,
    rows_loaded,
    rows_rejected,
    rows_skipped,
    duration_s
FROM etl_runs
ORDER BY finished_at_utc DESC
