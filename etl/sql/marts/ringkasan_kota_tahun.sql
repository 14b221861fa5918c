-- ringkasan_kota_tahun: the city-year scorecard.
-- Grain: one row per kota (from stg_kota) per tahun (from int_tahun); key (kota, tahun).
-- Ratios (macros.sql, shared with the scorecard query) are NULL where the denominator is 0 or there are no
-- rows; counts are 0.
-- Definitions: docs/metrics.md.
WITH kerangka AS (
    SELECT k.kota, t.tahun
    FROM stg_kota AS k
    CROSS JOIN int_tahun AS t
),

pegawai AS (
    -- People figures are the sums of the segments (one definition of each count). jp_total stays
    -- NULL for a kota-year without active ASN, as when it was counted from the person-years.
    SELECT
        kota,
        tahun,
        sum(jumlah_asn) AS jumlah_asn,
        sum(jumlah_pns) AS jumlah_pns,
        sum(pns_memenuhi_20jp) AS pns_memenuhi_20jp,
        CASE WHEN sum(jumlah_asn) > 0 THEN sum(jp_total)::BIGINT END AS jp_total,
        sum(jumlah_peserta) AS jumlah_peserta,
        sum(jumlah_dinilai) AS jumlah_dinilai,
        sum(predikat_sangat_baik) AS jumlah_sangat_baik
    FROM pegawai_segmen_tahun
    GROUP BY kota, tahun
),

anggaran AS (
    SELECT kota, tahun, sum(pagu)::BIGINT AS pagu, sum(realisasi)::BIGINT AS realisasi
    FROM stg_anggaran
    GROUP BY kota, tahun
),

biaya AS (
    -- Activity cost and JP passed, from the activities mart (one definition of jp_lulus); an activity whose
    -- cost is not recorded (biaya empty, e.g. a SIASN training record) stays out of the cost per JP.
    SELECT
        kota,
        tahun,
        sum(biaya)::BIGINT AS biaya_kegiatan,
        (sum(jp_lulus) FILTER (WHERE biaya IS NOT NULL))::BIGINT AS jp_lulus,
        (sum(jumlah_lulus) FILTER (WHERE biaya IS NOT NULL))::BIGINT AS jumlah_lulus
    FROM kegiatan
    GROUP BY kota, tahun
),

nrr AS (
    SELECT kota, tahun, unsur, sum(total_nilai) / nullif(sum(jumlah_jawaban), 0) AS nrr
    FROM ikm_unsur_opd_tahun
    GROUP BY kota, tahun, unsur
),

ikm AS (
    SELECT kota, tahun, ikm_dari_nrr(sum(nrr), count(nrr)) AS ikm
    FROM nrr
    GROUP BY kota, tahun
),

responden AS (
    SELECT kota, tahun, count(*) AS jumlah_responden_ikm
    FROM stg_survei_kepuasan
    GROUP BY kota, tahun
)

SELECT
    f.kota,
    f.tahun,
    coalesce(pg.jumlah_asn, 0) AS jumlah_asn,
    coalesce(pg.jumlah_pns, 0) AS jumlah_pns,
    coalesce(pg.pns_memenuhi_20jp, 0) AS pns_memenuhi_20jp,
    persen_20jp(pg.pns_memenuhi_20jp, pg.jumlah_pns) AS persen_20jp,
    pg.jp_total,
    jp_per_asn(pg.jp_total, pg.jumlah_asn) AS jp_per_asn,
    coalesce(pg.jumlah_peserta, 0) AS jumlah_peserta,
    a.pagu,
    a.realisasi,
    persen_serapan(a.realisasi, a.pagu) AS persen_serapan,
    b.biaya_kegiatan,
    biaya_per_jp(b.biaya_kegiatan, b.jp_lulus) AS biaya_per_jp,
    coalesce(b.jumlah_lulus, 0) AS jumlah_lulus_kegiatan,  -- whom biaya_per_jp is per JP of (small groups)
    i.ikm,
    mutu_ikm(i.ikm) AS mutu_ikm,
    coalesce(rs.jumlah_responden_ikm, 0) AS jumlah_responden_ikm,
    coalesce(pg.jumlah_dinilai, 0) AS jumlah_dinilai,
    persen_sangat_baik(pg.jumlah_sangat_baik, pg.jumlah_dinilai) AS persen_sangat_baik
FROM kerangka AS f
LEFT JOIN pegawai AS pg ON pg.kota = f.kota AND pg.tahun = f.tahun
LEFT JOIN anggaran AS a ON a.kota = f.kota AND a.tahun = f.tahun
LEFT JOIN biaya AS b ON b.kota = f.kota AND b.tahun = f.tahun
LEFT JOIN ikm AS i ON i.kota = f.kota AND i.tahun = f.tahun
LEFT JOIN responden AS rs ON rs.kota = f.kota AND rs.tahun = f.tahun
ORDER BY f.kota, f.tahun
