-- analisis_kesenjangan: the 20-JP gap, its cost, the APBD floor and JP equity (mart kesenjangan_20jp), with
-- jumlah_lulus_kegiatan, the people biaya_per_jp is a cost per JP of (so the small-group rule hides it with them).
-- One row per chosen kota per tahun from tahun_awal to tahun_akhir; city-wide (people filters do not apply).
SELECT *
FROM kesenjangan_20jp
WHERE list_contains($kota, kota) AND tahun BETWEEN $tahun_awal AND $tahun_akhir
ORDER BY kota, tahun
