-- analisis_pegawai_tahun: what the "does development pay off" analyses compare, per person and year.
-- Grain: one row per ASN per tahun in which the ASN is active, exactly the rows of int_pegawai_tahun;
-- key (id_pegawai, tahun).
-- peringkat_* are predikat ranks, 1 Sangat Baik, 2 Baik, 3 Butuh Perbaikan, 4 Kurang, 5 Sangat Kurang
-- (lower is better; NULL when not rated) for the year before, the year itself and the year after.
-- ikut_coaching: passed a coaching activity (jenis coaching) ending in the year; mulai_mentoring: a
-- mentee in a pairing that started in the year (dataset mentoring); terlatih_bencana: passed, in this
-- year or before, an activity whose topik or nama_program mentions disaster response (bencana,
-- kebencanaan, tanggap darurat, kesiapsiagaan). Definitions: docs/metrics.md#dampak.
-- The ratings of the year before, the year and the year after are read from one number per person
-- (3 bits a year, years counted from the year before the first rating anywhere): one join on the
-- person instead of three on person and year. Ratings more than 40 years after the first (none in
-- real data) are looked up the long way (jauh).
WITH peringkat AS (
    SELECT
        id_pegawai,
        tahun,
        CASE predikat
            WHEN 'Sangat Baik' THEN 1
            WHEN 'Baik' THEN 2
            WHEN 'Butuh Perbaikan' THEN 3
            WHEN 'Kurang' THEN 4
            WHEN 'Sangat Kurang' THEN 5
        END AS peringkat
    FROM stg_penilaian_kinerja
),

dasar AS (
    SELECT min(tahun) - 1 AS tahun FROM peringkat
),

peringkat_per_orang AS (
    SELECT
        n.id_pegawai,
        sum(n.peringkat::HUGEINT << (3 * (n.tahun - d.tahun))::HUGEINT) AS bit_tahun
    FROM peringkat AS n
    CROSS JOIN dasar AS d
    WHERE n.tahun - d.tahun <= 40
    GROUP BY n.id_pegawai
),

jauh AS (
    SELECT n.*
    FROM peringkat AS n
    CROSS JOIN dasar AS d
    WHERE n.tahun - d.tahun > 40
),

bencana_pertama AS (
    SELECT id_pegawai, min(tahun) AS tahun
    FROM int_jp_pegawai_tahun
    WHERE ikut_bencana
    GROUP BY id_pegawai
),

mentee AS (
    SELECT DISTINCT id_mentee AS id_pegawai, year(tanggal_mulai) AS tahun
    FROM stg_mentoring
),

pegawai_tahun AS (
    SELECT
        p.*,
        r.bit_tahun,
        p.tahun - d.tahun AS posisi
    FROM int_pegawai_tahun AS p
    CROSS JOIN dasar AS d
    LEFT JOIN peringkat_per_orang AS r ON r.id_pegawai = p.id_pegawai
)

SELECT
    p.tahun,
    p.id_pegawai,
    p.kota,
    p.opd,
    p.jenis_asn,
    p.kategori_jabatan,
    p.jp,
    p.ikut_kegiatan,
    p.memenuhi_20jp,
    p.ikut_coaching,
    m.id_pegawai IS NOT NULL AS mulai_mentoring,
    coalesce(b.tahun <= p.tahun, false) AS terlatih_bencana,
    coalesce(
        CASE WHEN p.posisi - 1 BETWEEN 1 AND 40 THEN nullif((p.bit_tahun >> (3 * (p.posisi - 1))::HUGEINT) & 7, 0) END,
        n0.peringkat
    )::INTEGER AS peringkat_sebelum,
    coalesce(
        CASE WHEN p.posisi BETWEEN 1 AND 40 THEN nullif((p.bit_tahun >> (3 * p.posisi)::HUGEINT) & 7, 0) END,
        n1.peringkat
    )::INTEGER AS peringkat,
    coalesce(
        CASE WHEN p.posisi + 1 BETWEEN 1 AND 40 THEN nullif((p.bit_tahun >> (3 * (p.posisi + 1))::HUGEINT) & 7, 0) END,
        n2.peringkat
    )::INTEGER AS peringkat_sesudah
FROM pegawai_tahun AS p
LEFT JOIN mentee AS m ON m.id_pegawai = p.id_pegawai AND m.tahun = p.tahun
LEFT JOIN bencana_pertama AS b ON b.id_pegawai = p.id_pegawai
LEFT JOIN jauh AS n0 ON n0.id_pegawai = p.id_pegawai AND n0.tahun = p.tahun - 1
LEFT JOIN jauh AS n1 ON n1.id_pegawai = p.id_pegawai AND n1.tahun = p.tahun
LEFT JOIN jauh AS n2 ON n2.id_pegawai = p.id_pegawai AND n2.tahun = p.tahun + 1
