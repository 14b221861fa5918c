-- stg_hukuman_disiplin: one row per disciplinary sanction (PP 94/2021): its level, its start (tmt) and end
-- (tanggal_selesai, NULL when not given), and the years of both.
SELECT
    id_pegawai,
    lower(tingkat) AS tingkat,
    tmt,
    tanggal_selesai,
    year(tmt) AS tahun_tmt,
    year(tanggal_selesai) AS tahun_selesai
FROM raw_hukuman_disiplin
