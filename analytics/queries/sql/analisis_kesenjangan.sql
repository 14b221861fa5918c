-- analisis_kesenjangan: the 20-JP gap, its cost, the APBD floor and JP equity (mart kesenjangan_20jp), with
-- jumlah_lulus_kegiatan: the passed participants of the city's activities with a recorded cost, the people
-- biaya_per_jp is a cost per JP of (so the small-group rule hides it with them).
-- One row per chosen kota per tahun from tahun_awal to tahun_akhir; city-wide (people filters do not apply).
WITH lulus AS (
    SELECT kota, tahun, sum(jumlah_lulus) FILTER (WHERE biaya IS NOT NULL) AS jumlah_lulus_kegiatan
    FROM kegiatan
    WHERE list_contains($kota, kota) AND tahun BETWEEN $tahun_awal AND $tahun_akhir
    GROUP BY kota, tahun
)

SELECT g.*, coalesce(l.jumlah_lulus_kegiatan, 0)::BIGINT AS jumlah_lulus_kegiatan
FROM kesenjangan_20jp AS g
LEFT JOIN lulus AS l ON l.kota = g.kota AND l.tahun = g.tahun
WHERE list_contains($kota, g.kota) AND g.tahun BETWEEN $tahun_awal AND $tahun_akhir
ORDER BY g.kota, g.tahun
