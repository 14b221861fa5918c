-- analisis_mentoring: mentees' next-year predikat against comparable non-mentees, in comparison cells.
-- Employees active in year t (tahun_awal..tahun_akhir), rated in t-1 and t+1. Mentee: a pairing started
-- in t (dataset mentoring); comparison: no pairing started in t.
-- One row per chosen kota per tahun (t) per kategori_jabatan per peringkat_awal (predikat rank at t-1)
-- with n_a, naik_a, baik_a (mentees: count, improved at t+1, Baik or better at t+1) and n_b, naik_b,
-- baik_b (others). People filters apply.
SELECT
    kota,
    tahun,
    kategori_jabatan,
    peringkat_sebelum AS peringkat_awal,
    count(*) FILTER (WHERE mulai_mentoring) AS n_a,
    count(*) FILTER (WHERE mulai_mentoring AND peringkat_sesudah < peringkat_sebelum) AS naik_a,
    count(*) FILTER (WHERE mulai_mentoring AND peringkat_sesudah <= 2) AS baik_a,
    count(*) FILTER (WHERE NOT mulai_mentoring) AS n_b,
    count(*) FILTER (WHERE NOT mulai_mentoring AND peringkat_sesudah < peringkat_sebelum) AS naik_b,
    count(*) FILTER (WHERE NOT mulai_mentoring AND peringkat_sesudah <= 2) AS baik_b
FROM analisis_pegawai_tahun
WHERE {people_filter}
    AND tahun BETWEEN $tahun_awal AND $tahun_akhir
    AND peringkat_sebelum IS NOT NULL
    AND peringkat_sesudah IS NOT NULL
GROUP BY ALL
ORDER BY ALL
