-- ikm_unsur: the nine service elements in tahun_akhir. One row per chosen kota per unsur.
SELECT
    kota,
    unsur,
    sum(jumlah_jawaban)::BIGINT AS jumlah_jawaban,
    sum(total_nilai) / nullif(sum(jumlah_jawaban), 0) AS nrr,
    25 * sum(total_nilai) / nullif(sum(jumlah_jawaban), 0) AS nilai_konversi
FROM ikm_unsur_opd_tahun
WHERE list_contains($kota, kota) AND tahun = $tahun_akhir
GROUP BY kota, unsur
ORDER BY kota, unsur
