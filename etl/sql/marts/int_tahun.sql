-- int_tahun: one row per tahun, from the earliest to the latest year found in
-- program.tanggal_selesai, penilaian_kinerja.tahun, anggaran.tahun and survei_kepuasan.tanggal.
-- Empty when none of those datasets has a row.
WITH tahun_data AS (
    SELECT tahun FROM stg_program
    UNION ALL
    SELECT tahun FROM stg_penilaian_kinerja
    UNION ALL
    SELECT tahun FROM stg_anggaran
    UNION ALL
    SELECT tahun FROM stg_survei_kepuasan
),

batas AS (
    SELECT min(tahun) AS awal, max(tahun) AS akhir FROM tahun_data
)

SELECT unnest(range(awal, akhir + 1)) AS tahun
FROM batas
WHERE awal IS NOT NULL
ORDER BY tahun
