-- stg_umpan_balik_pelatihan: one row per participant response (reaction, scale 1-5).
SELECT
    kode_program,
    tanggal,
    year(tanggal) AS tahun,
    skor_materi,
    skor_pengajar,
    skor_penyelenggaraan,
    skor_manfaat,
    komentar
FROM raw_umpan_balik_pelatihan
