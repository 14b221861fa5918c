-- kualitas_penolakan: one row per dataset, column and kind of problem among the rows rejected by the
-- latest load (values quoted in a reason are blanked so equal problems group), most rows first,
-- with the first three rejected rows as examples ('file baris N: reason').
WITH masalah AS (
    SELECT
        dataset,
        coalesce(column_name, '') AS column_name,
        regexp_replace(
            regexp_replace(
                regexp_replace(reason, '''[^'']*''', '''…''', 'g'),
                '^Nilai .+? (harus|tidak boleh|minimal)', 'Nilai … \1'
            ),
            'yang dipakai baris [0-9]+ di file .+\.$', 'yang dipakai baris yang lebih awal.'
        ) AS problem,
        file,
        line,
        reason
    FROM etl_rejects
)

SELECT
    dataset,
    column_name,
    problem,
    count(DISTINCT (file, line)) AS rows,
    list(file || ' baris ' || line || ': ' || reason ORDER BY file, line)[1:3] AS examples
FROM masalah
GROUP BY dataset, column_name, problem
ORDER BY rows DESC, dataset, column_name, problem
