-- capaian_indikator: the SAKIP capaian table (LKjIP, Perpres 29/2014) of every target in target_kinerja.
-- Grain: one row per kota, tahun, indikator (from stg_target_kinerja); key (kota, tahun, indikator).
-- kode_indikator: the known indicator the name is (domain.sakip.INDIKATOR_DIKENAL, recognised by its key: lower
--   case, a bracketed part dropped, other characters one space), NULL for any other.
-- realisasi: entered by hand when the row has one (sumber_realisasi 'diisi'); else, for a known indicator, computed
--   from the warehouse (sumber_realisasi 'dihitung'): ip_asn from ip_asn_kota_tahun.ip_asn_tertimbang, persen_20jp,
--   ikm, persen_serapan and jp_per_asn from ringkasan_kota_tahun; NULL when neither.
-- jumlah_dasar: the people a computed realisasi is worked out from (PNS for persen_20jp, ASN for jp_per_asn, IKM
--   respondents, ASN measured for ip_asn); NULL for money and entered values. jumlah_bagian: of them, those a share
--   counts (PNS with at least 20 JP for persen_20jp), NULL otherwise: the small-group rule needs both.
-- realisasi_lalu, jumlah_dasar_lalu, jumlah_bagian_lalu: the same a year earlier (the entered realisasi of the same
--   indikator that year, else the computed one).
-- capaian: percent, domain.sakip.capaian: realisasi / target x 100 when arah is naik, (2 x target - realisasi) /
--   target x 100 when turun; never capped. The band is read at query time (the government's scale, a setting).
-- urutan: the row's place in its kota-year, in the order the file lists the indicators.
-- Definitions: docs/metrics.md#capaian.
WITH indikator_dikenal(kunci, kode) AS (
    -- domain.sakip.KUNCI_INDIKATOR, written out: tests/test_sakip.py fails when the two differ
    VALUES
        ('indeks profesionalitas asn', 'ip_asn'),
        ('ip asn', 'ip_asn'),
        ('ipasn', 'ip_asn'),
        ('nilai ip asn', 'ip_asn'),
        ('nilai indeks profesionalitas asn', 'ip_asn'),
        ('persentase pns yang memenuhi 20 jp', 'persen_20jp'),
        ('persentase asn yang memenuhi 20 jp', 'persen_20jp'),
        ('persentase asn memenuhi 20 jp', 'persen_20jp'),
        ('persentase pns memenuhi 20 jp', 'persen_20jp'),
        ('persentase asn yang memenuhi standar 20 jp', 'persen_20jp'),
        ('persentase pns yang memenuhi standar 20 jp', 'persen_20jp'),
        ('persentase asn yang memenuhi 20 jp per tahun', 'persen_20jp'),
        ('persentase asn yang mengikuti pengembangan kompetensi minimal 20 jp', 'persen_20jp'),
        ('indeks kepuasan masyarakat', 'ikm'),
        ('ikm', 'ikm'),
        ('nilai ikm', 'ikm'),
        ('nilai indeks kepuasan masyarakat', 'ikm'),
        ('persentase serapan anggaran pengembangan kompetensi', 'persen_serapan'),
        ('serapan anggaran pengembangan kompetensi', 'persen_serapan'),
        ('persentase realisasi anggaran pengembangan kompetensi', 'persen_serapan'),
        ('rata rata jp per asn', 'jp_per_asn'),
        ('jp per asn', 'jp_per_asn'),
        ('rata rata jam pelajaran per asn', 'jp_per_asn'),
        ('jam pelajaran per asn', 'jp_per_asn'),
        ('rata rata jp pengembangan per asn', 'jp_per_asn')
),

target AS (
    SELECT
        t.*,
        k.kode,
        row_number() OVER (PARTITION BY t.kota, t.tahun ORDER BY t._file, t._line) AS urutan
    FROM stg_target_kinerja AS t
    LEFT JOIN indikator_dikenal AS k
        ON k.kunci = trim(regexp_replace(regexp_replace(lower(t.indikator), '\([^)]*\)', ' ', 'g'), '[^0-9a-z]+', ' ', 'g'))
),

dihitung AS (
    -- every known indicator's value per kota-year, with the people it is worked out from
    SELECT kota, tahun, 'persen_20jp' AS kode, persen_20jp::DOUBLE AS nilai, jumlah_pns AS dasar, pns_memenuhi_20jp AS bagian
    FROM ringkasan_kota_tahun
    UNION ALL
    SELECT kota, tahun, 'ikm', ikm::DOUBLE, jumlah_responden_ikm, NULL FROM ringkasan_kota_tahun
    UNION ALL
    SELECT kota, tahun, 'persen_serapan', persen_serapan::DOUBLE, NULL, NULL FROM ringkasan_kota_tahun
    UNION ALL
    SELECT kota, tahun, 'jp_per_asn', jp_per_asn::DOUBLE, jumlah_asn, NULL FROM ringkasan_kota_tahun
    UNION ALL
    SELECT kota, tahun, 'ip_asn', ip_asn_tertimbang::DOUBLE, jumlah_pns + jumlah_pppk, NULL FROM ip_asn_kota_tahun
),

realisasi AS (
    SELECT
        t.kota,
        t.tahun,
        t.indikator,
        t.kode,
        t.satuan,
        t.arah,
        t.target::DOUBLE AS target,
        t.target_renstra::DOUBLE AS target_renstra,
        coalesce(t.realisasi::DOUBLE, d.nilai) AS realisasi,
        CASE WHEN t.realisasi IS NOT NULL THEN 'diisi' WHEN d.nilai IS NOT NULL THEN 'dihitung' END
            AS sumber_realisasi,
        CASE WHEN t.realisasi IS NULL AND d.nilai IS NOT NULL THEN d.dasar END AS jumlah_dasar,
        CASE WHEN t.realisasi IS NULL AND d.nilai IS NOT NULL THEN d.bagian END AS jumlah_bagian,
        coalesce(p.realisasi::DOUBLE, dl.nilai) AS realisasi_lalu,
        CASE WHEN p.realisasi IS NULL AND dl.nilai IS NOT NULL THEN dl.dasar END AS jumlah_dasar_lalu,
        CASE WHEN p.realisasi IS NULL AND dl.nilai IS NOT NULL THEN dl.bagian END AS jumlah_bagian_lalu,
        t.urutan
    FROM target AS t
    LEFT JOIN dihitung AS d ON d.kota = t.kota AND d.tahun = t.tahun AND d.kode = t.kode
    LEFT JOIN stg_target_kinerja AS p ON p.kota = t.kota AND p.tahun = t.tahun - 1 AND p.indikator = t.indikator
    LEFT JOIN dihitung AS dl ON dl.kota = t.kota AND dl.tahun = t.tahun - 1 AND dl.kode = t.kode
)

SELECT
    kota,
    tahun,
    indikator,
    kode AS kode_indikator,
    satuan,
    arah,
    target,
    target_renstra,
    realisasi,
    sumber_realisasi,
    jumlah_dasar,
    jumlah_bagian,
    100 * (CASE WHEN arah = 'naik' THEN realisasi ELSE 2 * target - realisasi END) / nullif(target, 0) AS capaian,
    realisasi_lalu,
    jumlah_dasar_lalu,
    jumlah_bagian_lalu,
    urutan
FROM realisasi
ORDER BY kota, tahun, urutan
