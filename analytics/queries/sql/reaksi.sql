-- reaksi: reaction scores (1-5) weighted by responses, chosen years.
-- One row per chosen kota per kelompok per penyelenggara with at least one response.
SELECT
    kota,
    kelompok,
    penyelenggara,
    sum(jumlah_respon)::BIGINT AS jumlah_respon,
    sum(skor_materi * jumlah_respon) / sum(jumlah_respon) AS skor_materi,
    sum(skor_pengajar * jumlah_respon) / sum(jumlah_respon) AS skor_pengajar,
    sum(skor_penyelenggaraan * jumlah_respon) / sum(jumlah_respon) AS skor_penyelenggaraan,
    sum(skor_manfaat * jumlah_respon) / sum(jumlah_respon) AS skor_manfaat
FROM kegiatan
WHERE list_contains($kota, kota) AND tahun BETWEEN $tahun_awal AND $tahun_akhir AND jumlah_respon > 0
GROUP BY kota, kelompok, penyelenggara
ORDER BY kota, kelompok, penyelenggara
