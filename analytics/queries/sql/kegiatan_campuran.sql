-- kegiatan_campuran: JP delivered (jp x passed participants) by kind of activity.
-- One row per chosen kota per tahun per kelompok, organiser's city, all activities.
SELECT
    kota,
    tahun,
    kelompok,
    count(*) AS jumlah_kegiatan,
    sum(jumlah_lulus)::BIGINT AS jumlah_lulus,
    sum(jp_lulus)::BIGINT AS jp_lulus,
    100.0 * sum(jp_lulus) / nullif(sum(sum(jp_lulus)) OVER (PARTITION BY kota, tahun), 0) AS persen_jp
FROM kegiatan
WHERE list_contains($kota, kota) AND tahun BETWEEN $tahun_awal AND $tahun_akhir
GROUP BY kota, tahun, kelompok
ORDER BY kota, tahun, kelompok
