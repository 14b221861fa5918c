-- analisis_pembelajaran: pre/post test gains (Kirkpatrick level 2) over the chosen years.
-- Participants with both scores, any status. One row per chosen kota (organiser) per kelompok per
-- penyelenggara: n (participants), jumlah (sum of post - pre), jumlah_kuadrat (sum of squares), so
-- means and confidence intervals can be combined exactly at any level.
SELECT
    k.kota,
    k.kelompok,
    k.penyelenggara,
    count(*) AS n,
    sum(ps.nilai_post - ps.nilai_pre)::DOUBLE AS jumlah,
    sum((ps.nilai_post - ps.nilai_pre) ^ 2)::DOUBLE AS jumlah_kuadrat
FROM stg_peserta AS ps
INNER JOIN kegiatan AS k ON k.kode_program = ps.kode_program
WHERE list_contains($kota, k.kota)
    AND k.tahun BETWEEN $tahun_awal AND $tahun_akhir
    AND ps.nilai_pre IS NOT NULL
    AND ps.nilai_post IS NOT NULL
GROUP BY ALL
ORDER BY ALL
