-- kualitas_peringatan: one row per doubt about a row the latest load kept as recorded (a predikat against
-- the PermenPANRB 6/2022 matrix, JP far from its jenis' usual length): dataset, file, line, column, reason.
SELECT
    dataset,
    file,
    line,
    column_name,
    reason
FROM etl_warnings
ORDER BY dataset, file, line, column_name
