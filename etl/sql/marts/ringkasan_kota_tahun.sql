-- ringkasan_kota_tahun: the city-year scorecard.
-- Grain: one row per kota (from stg_kota) per tahun (from int_tahun); key (kota, tahun).
-- Ratios are NULL where the denominator is 0 or there are no rows; counts are 0.
-- Definitions: docs/metrics.md.
WITH kerangka AS (
    SELECT k.kota, t.tahun
    FROM stg_kota AS k
    CROSS JOIN int_tahun AS t
),

pegawai AS (
    SELECT
        kota,
        tahun,
        count(*) AS jumlah_asn,
        count(*) FILTER (WHERE jenis_asn = 'PNS') AS jumlah_pns,
        count(*) FILTER (WHERE jenis_asn = 'PNS' AND memenuhi_20jp) AS pns_memenuhi_20jp,
        sum(jp)::BIGINT AS jp_total,
        count(*) FILTER (WHERE ikut_kegiatan) AS jumlah_peserta
    FROM int_pegawai_tahun
    GROUP BY kota, tahun
),

anggaran AS (
    SELECT kota, tahun, sum(pagu)::BIGINT AS pagu, sum(realisasi)::BIGINT AS realisasi
    FROM stg_anggaran
    GROUP BY kota, tahun
),

lulus AS (
    SELECT kode_program, count(*) AS jumlah_lulus
    FROM stg_peserta
    WHERE status = 'lulus'
    GROUP BY kode_program
),

biaya AS (
    SELECT
        pr.kota,
        pr.tahun,
        sum(pr.biaya)::BIGINT AS biaya_kegiatan,
        sum(pr.jp * coalesce(l.jumlah_lulus, 0))::BIGINT AS jp_lulus
    FROM stg_program AS pr
    LEFT JOIN lulus AS l ON l.kode_program = pr.kode_program
    GROUP BY pr.kota, pr.tahun
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
),

kinerja AS (
    SELECT
        p.kota,
        n.tahun,
        count(*) AS jumlah_dinilai,
        count(*) FILTER (WHERE n.predikat = 'Sangat Baik') AS jumlah_sangat_baik
    FROM stg_penilaian_kinerja AS n
    INNER JOIN stg_pegawai AS p ON p.id_pegawai = n.id_pegawai
    GROUP BY p.kota, n.tahun
)

SELECT
    f.kota,
    f.tahun,
    coalesce(pg.jumlah_asn, 0) AS jumlah_asn,
    coalesce(pg.jumlah_pns, 0) AS jumlah_pns,
    coalesce(pg.pns_memenuhi_20jp, 0) AS pns_memenuhi_20jp,
    100.0 * pg.pns_memenuhi_20jp / nullif(pg.jumlah_pns, 0) AS persen_20jp,
    pg.jp_total,
    pg.jp_total / nullif(pg.jumlah_asn, 0) AS jp_per_asn,
    coalesce(pg.jumlah_peserta, 0) AS jumlah_peserta,
    a.pagu,
    a.realisasi,
    100.0 * a.realisasi / nullif(a.pagu, 0) AS persen_serapan,
    b.biaya_kegiatan,
    b.biaya_kegiatan / nullif(b.jp_lulus, 0) AS biaya_per_jp,
    i.ikm,
    mutu_ikm(i.ikm) AS mutu_ikm,
    coalesce(rs.jumlah_responden_ikm, 0) AS jumlah_responden_ikm,
    coalesce(k.jumlah_dinilai, 0) AS jumlah_dinilai,
    100.0 * k.jumlah_sangat_baik / nullif(k.jumlah_dinilai, 0) AS persen_sangat_baik
FROM kerangka AS f
LEFT JOIN pegawai AS pg ON pg.kota = f.kota AND pg.tahun = f.tahun
LEFT JOIN anggaran AS a ON a.kota = f.kota AND a.tahun = f.tahun
LEFT JOIN biaya AS b ON b.kota = f.kota AND b.tahun = f.tahun
LEFT JOIN ikm AS i ON i.kota = f.kota AND i.tahun = f.tahun
LEFT JOIN responden AS rs ON rs.kota = f.kota AND rs.tahun = f.tahun
LEFT JOIN kinerja AS k ON k.kota = f.kota AND k.tahun = f.tahun
ORDER BY f.kota, f.tahun
