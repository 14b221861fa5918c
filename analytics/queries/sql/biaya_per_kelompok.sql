-- biaya_per_kelompok: cost per JP and per passed participant by kind of activity, chosen years.
-- One row per chosen kota per kelompok.
SELECT
    kota,
    kelompok,
    sum(biaya)::BIGINT AS biaya,
    sum(jp_lulus)::BIGINT AS jp_lulus,
    sum(jumlah_lulus)::BIGINT AS jumlah_lulus,
    -- activities without a recorded cost (biaya empty) stay out of the cost per JP and per participant
    biaya_per_jp(sum(biaya), sum(jp_lulus) FILTER (WHERE biaya IS NOT NULL)) AS biaya_per_jp,
    sum(biaya) / nullif(sum(jumlah_lulus) FILTER (WHERE biaya IS NOT NULL), 0) AS biaya_per_peserta
FROM kegiatan
WHERE list_contains($kota, kota) AND tahun BETWEEN $tahun_awal AND $tahun_akhir
GROUP BY kota, kelompok
ORDER BY kota, kelompok
