-- penyelenggara: who delivers development, over the chosen years.
-- One row per chosen kota per penyelenggara: activities, passed participants, JP delivered.
SELECT
    kota,
    penyelenggara,
    count(*) AS jumlah_kegiatan,
    sum(jumlah_lulus)::BIGINT AS jumlah_lulus,
    sum(jp_lulus)::BIGINT AS jp_lulus
FROM kegiatan
WHERE list_contains($kota, kota) AND tahun BETWEEN $tahun_awal AND $tahun_akhir
GROUP BY kota, penyelenggara
ORDER BY kota, jp_lulus DESC, penyelenggara
