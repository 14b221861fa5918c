-- ikm_opd: IKM per service unit and year (ikm: the tiles' convention, ikm_konvensi()), and under each
-- convention reports print. One row per chosen kota per opd per tahun.
WITH nrr AS (
    SELECT kota, opd, tahun, unsur, max(jumlah_responden) AS jumlah_responden,
        sum(total_nilai) / nullif(sum(jumlah_jawaban), 0) AS nrr
    FROM ikm_unsur_opd_tahun
    WHERE list_contains($kota, kota) AND tahun BETWEEN $tahun_awal AND $tahun_akhir
    GROUP BY kota, opd, tahun, unsur
)

SELECT
    kota,
    opd,
    tahun,
    max(jumlah_responden) AS jumlah_responden,
    ikm_dari_nrr(sum(nrr), count(nrr)) AS ikm,
    mutu_ikm(ikm_dari_nrr(sum(nrr), count(nrr))) AS mutu_ikm,
    -- the same answers under the exact formula and the weights reports print, to match a printed report
    ikm_penimbang(sum(nrr), count(nrr), 'eksak') AS ikm_eksak,
    ikm_penimbang(sum(nrr), count(nrr), '0,111') AS ikm_0111,
    ikm_penimbang(sum(nrr), count(nrr), '0,11') AS ikm_011
FROM nrr
GROUP BY kota, opd, tahun
ORDER BY kota, opd, tahun
