-- analisis_jp_ikm: JP per ASN against public satisfaction per service unit in tahun_akhir.
-- One row per chosen kota per opd that has both active employees and an IKM (jumlah_asn, jp_per_asn,
-- jumlah_responden, ikm, mutu_ikm). City-wide per unit (people filters do not apply).
WITH orang AS (
    SELECT kota, opd, sum(jumlah_asn)::BIGINT AS jumlah_asn, jp_per_asn(sum(jp_total), sum(jumlah_asn)) AS jp_per_asn
    FROM pegawai_segmen_tahun
    WHERE list_contains($kota, kota) AND tahun = $tahun_akhir
    GROUP BY kota, opd
),

nrr AS (
    SELECT kota, opd, unsur, max(jumlah_responden) AS jumlah_responden,
        sum(total_nilai) / nullif(sum(jumlah_jawaban), 0) AS nrr
    FROM ikm_unsur_opd_tahun
    WHERE list_contains($kota, kota) AND tahun = $tahun_akhir
    GROUP BY kota, opd, unsur
),

ikm AS (
    SELECT kota, opd, max(jumlah_responden) AS jumlah_responden, ikm_dari_nrr(sum(nrr), count(nrr)) AS ikm
    FROM nrr
    GROUP BY kota, opd
)

SELECT o.kota, o.opd, o.jumlah_asn, o.jp_per_asn, i.jumlah_responden, i.ikm, mutu_ikm(i.ikm) AS mutu_ikm
FROM orang AS o
INNER JOIN ikm AS i ON i.kota = o.kota AND i.opd = o.opd
WHERE o.jumlah_asn > 0 AND i.ikm IS NOT NULL
ORDER BY o.kota, o.opd
