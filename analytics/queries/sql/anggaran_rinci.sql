-- anggaran_rinci: planned and realised development budget.
-- One row per chosen kota per tahun per kegiatan per sumber_dana (the grain of stg_anggaran).
SELECT
    kota,
    tahun,
    kegiatan,
    sumber_dana,
    pagu,
    realisasi,
    round(persen_serapan(realisasi, pagu), 1) AS persen_serapan
FROM stg_anggaran
WHERE list_contains($kota, kota) AND tahun BETWEEN $tahun_awal AND $tahun_akhir
ORDER BY kota, tahun, kegiatan, sumber_dana
