-- penyelesaian: enrolment outcomes. One row per chosen kota per tahun.
SELECT
    kota,
    tahun,
    sum(jumlah_terdaftar)::BIGINT AS jumlah_terdaftar,
    sum(jumlah_lulus)::BIGINT AS jumlah_lulus,
    sum(jumlah_tidak_lulus)::BIGINT AS jumlah_tidak_lulus,
    sum(jumlah_tidak_hadir)::BIGINT AS jumlah_tidak_hadir,
    100.0 * sum(jumlah_lulus) / nullif(sum(jumlah_terdaftar), 0) AS persen_lulus,
    100.0 * sum(jumlah_tidak_hadir) / nullif(sum(jumlah_terdaftar), 0) AS persen_tidak_hadir
FROM kegiatan
WHERE list_contains($kota, kota) AND tahun BETWEEN $tahun_awal AND $tahun_akhir
GROUP BY kota, tahun
ORDER BY kota, tahun
