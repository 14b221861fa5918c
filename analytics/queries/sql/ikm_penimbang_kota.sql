-- ikm_penimbang_kota: a city's IKM per year under the exact formula and under the weights published reports
-- print (penimbang 0,111 and 0,11), so a reader can match a printed report; konvensi is the one the tiles use.
-- One row per chosen kota per tahun with survey answers.
WITH nrr AS (
    SELECT kota, tahun, unsur, sum(total_nilai) / nullif(sum(jumlah_jawaban), 0) AS nrr
    FROM ikm_unsur_opd_tahun
    WHERE list_contains($kota, kota) AND tahun BETWEEN $tahun_awal AND $tahun_akhir
    GROUP BY kota, tahun, unsur
),

responden AS (
    SELECT kota, tahun, sum(jumlah_responden) AS jumlah_responden
    FROM (
        SELECT kota, opd, tahun, max(jumlah_responden) AS jumlah_responden
        FROM ikm_unsur_opd_tahun
        WHERE list_contains($kota, kota) AND tahun BETWEEN $tahun_awal AND $tahun_akhir
        GROUP BY kota, opd, tahun
    )
    GROUP BY kota, tahun
)

SELECT
    n.kota,
    n.tahun,
    r.jumlah_responden,
    ikm_penimbang(sum(n.nrr), count(n.nrr), 'eksak') AS ikm_eksak,
    ikm_penimbang(sum(n.nrr), count(n.nrr), '0,111') AS ikm_0111,
    ikm_penimbang(sum(n.nrr), count(n.nrr), '0,11') AS ikm_011,
    ikm_konvensi() AS konvensi
FROM nrr AS n
INNER JOIN responden AS r ON r.kota = n.kota AND r.tahun = n.tahun
GROUP BY n.kota, n.tahun, r.jumlah_responden
ORDER BY n.kota, n.tahun
