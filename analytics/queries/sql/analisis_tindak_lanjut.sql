-- analisis_tindak_lanjut: what happened to staff rated Butuh Perbaikan or worse in a year (s - 1).
-- Follow-up in the next year s: coaching (passed a coaching activity), pelatihan (passed another
-- activity), tidak_ada (nothing passed); outcome: their predikat for year s. Only staff still active in s.
-- One row per chosen kota per tahun_dinilai (s - 1, tahun_awal..tahun_akhir) per tindak_lanjut with
-- jumlah, dinilai_sesudah (rated in s), baik_sesudah (Baik or better in s). People filters apply.
SELECT
    kota,
    tahun - 1 AS tahun_dinilai,
    CASE WHEN ikut_coaching THEN 'coaching' WHEN ikut_kegiatan THEN 'pelatihan' ELSE 'tidak_ada' END
        AS tindak_lanjut,
    count(*) AS jumlah,
    count(peringkat) AS dinilai_sesudah,
    count(*) FILTER (WHERE peringkat <= 2) AS baik_sesudah
FROM analisis_pegawai_tahun
WHERE {people_filter}
    AND tahun - 1 BETWEEN $tahun_awal AND $tahun_akhir
    AND peringkat_sebelum >= 3
GROUP BY ALL
ORDER BY ALL
