-- apbd: development spending as a share of regional spending. One row per chosen kota per tahun.
SELECT
    r.kota,
    r.tahun,
    r.realisasi,
    a.belanja_daerah,
    100.0 * r.realisasi / nullif(a.belanja_daerah, 0) AS persen_apbd
FROM ringkasan_kota_tahun AS r
LEFT JOIN stg_apbd AS a ON a.kota = r.kota AND a.tahun = r.tahun
WHERE list_contains($kota, r.kota) AND r.tahun BETWEEN $tahun_awal AND $tahun_akhir
ORDER BY r.kota, r.tahun
