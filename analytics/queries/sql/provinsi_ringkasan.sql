-- provinsi_ringkasan: the scorecard of the chosen kota added up per province (a province's BKD reads its kota as
-- one), from the year before tahun_awal to tahun_akhir.
-- Grain: one row per provinsi (of the chosen kota, from stg_kota) per tahun; key (provinsi, tahun).
-- Every share and ratio is the macro of the scorecard (etl/sql/macros.sql) over the province's summed numerators
-- and denominators, so a large kota weighs by its people (not a mean of the kota's shares); IKM is the formula
-- over the province's pooled answers per unsur. People figures follow the OPD, jabatan and jenis ASN filters
-- (pegawai_segmen_tahun, as the scorecard query); budget, cost per JP and IKM are city-wide (ringkasan_kota_tahun).
WITH orang AS (
    SELECT
        kota,
        tahun,
        sum(jumlah_asn) AS jumlah_asn,
        sum(jumlah_pns) AS jumlah_pns,
        sum(pns_memenuhi_20jp) AS pns_memenuhi_20jp,
        sum(jp_total) AS jp_total,
        sum(jumlah_dinilai) AS jumlah_dinilai,
        sum(predikat_sangat_baik) AS predikat_sangat_baik
    FROM pegawai_segmen_tahun
    WHERE {people_filter}
    AND tahun BETWEEN $tahun_awal - 1 AND $tahun_akhir
    GROUP BY kota, tahun
),

kota AS (
    SELECT
        k.provinsi,
        r.tahun,
        o.jumlah_asn,
        o.jumlah_pns,
        o.pns_memenuhi_20jp,
        o.jp_total,
        o.jumlah_dinilai,
        o.predikat_sangat_baik,
        r.pagu,
        r.realisasi,
        r.biaya_kegiatan,
        -- the JP passed in the kota's activities with a recorded cost, which the mart divides the cost by
        r.biaya_kegiatan / nullif(r.biaya_per_jp, 0) AS jp_lulus_berbiaya,
        r.jumlah_lulus_kegiatan,
        r.jumlah_responden_ikm
    FROM ringkasan_kota_tahun AS r
    INNER JOIN stg_kota AS k ON k.kota = r.kota
    LEFT JOIN orang AS o ON o.kota = r.kota AND o.tahun = r.tahun
    WHERE list_contains($kota, r.kota) AND r.tahun BETWEEN $tahun_awal - 1 AND $tahun_akhir
),

nrr AS (
    SELECT k.provinsi, u.tahun, u.unsur, sum(u.total_nilai) / nullif(sum(u.jumlah_jawaban), 0) AS nrr
    FROM ikm_unsur_opd_tahun AS u
    INNER JOIN stg_kota AS k ON k.kota = u.kota
    WHERE list_contains($kota, u.kota) AND u.tahun BETWEEN $tahun_awal - 1 AND $tahun_akhir
    GROUP BY k.provinsi, u.tahun, u.unsur
),

ikm AS (
    SELECT provinsi, tahun, ikm_dari_nrr(sum(nrr), count(nrr)) AS ikm
    FROM nrr
    GROUP BY provinsi, tahun
)

SELECT
    p.provinsi,
    p.tahun,
    coalesce(sum(p.jumlah_asn), 0)::BIGINT AS jumlah_asn,
    coalesce(sum(p.jumlah_pns), 0)::BIGINT AS jumlah_pns,
    coalesce(sum(p.pns_memenuhi_20jp), 0)::BIGINT AS pns_memenuhi_20jp,
    persen_20jp(sum(p.pns_memenuhi_20jp), sum(p.jumlah_pns)) AS persen_20jp,
    sum(p.jp_total)::BIGINT AS jp_total,
    jp_per_asn(sum(p.jp_total), sum(p.jumlah_asn)) AS jp_per_asn,
    sum(p.pagu)::BIGINT AS pagu,
    sum(p.realisasi)::BIGINT AS realisasi,
    persen_serapan(sum(p.realisasi), sum(p.pagu)) AS persen_serapan,
    biaya_per_jp(sum(p.biaya_kegiatan) FILTER (WHERE p.jp_lulus_berbiaya IS NOT NULL), sum(p.jp_lulus_berbiaya))
        AS biaya_per_jp,
    coalesce(sum(p.jumlah_lulus_kegiatan), 0)::BIGINT AS jumlah_lulus_kegiatan,
    i.ikm,
    mutu_ikm(i.ikm) AS mutu_ikm,
    coalesce(sum(p.jumlah_responden_ikm), 0)::BIGINT AS jumlah_responden_ikm,
    coalesce(sum(p.jumlah_dinilai), 0)::BIGINT AS jumlah_dinilai,
    persen_sangat_baik(sum(p.predikat_sangat_baik), sum(p.jumlah_dinilai)) AS persen_sangat_baik
FROM kota AS p
LEFT JOIN ikm AS i ON i.provinsi = p.provinsi AND i.tahun = p.tahun
GROUP BY p.provinsi, p.tahun, i.ikm
ORDER BY p.provinsi, p.tahun
