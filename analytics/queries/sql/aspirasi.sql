-- aspirasi: citizen submissions. One row per chosen kota per tahun per saluran per kategori per sentimen.
SELECT kota, tahun, saluran, kategori, sentimen, count(*) AS jumlah
FROM stg_aspirasi
WHERE list_contains($kota, kota) AND tahun BETWEEN $tahun_awal AND $tahun_akhir
GROUP BY ALL
ORDER BY ALL
