-- predikat: appraisal results, people filters applied. One row per chosen kota per {kelompok}
-- (tahun or opd) over the years from $dari to tahun_akhir.
SELECT
    kota,
    {kelompok},
    sum(jumlah_dinilai)::BIGINT AS jumlah_dinilai,
    sum(predikat_sangat_baik)::BIGINT AS "Sangat Baik",
    sum(predikat_baik)::BIGINT AS "Baik",
    sum(predikat_butuh_perbaikan)::BIGINT AS "Butuh Perbaikan",
    sum(predikat_kurang)::BIGINT AS "Kurang",
    sum(predikat_sangat_kurang)::BIGINT AS "Sangat Kurang"
FROM pegawai_segmen_tahun
WHERE {people_filter}
    AND tahun BETWEEN $dari AND $tahun_akhir
GROUP BY kota, {kelompok}
HAVING sum(jumlah_dinilai) > 0
ORDER BY kota, {kelompok}
