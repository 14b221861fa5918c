-- analisis_pegawai_tahun: what the "does development pay off" analyses compare, per person and year.
-- Grain: one row per ASN per tahun in which the ASN is active, exactly the rows of int_pegawai_tahun;
-- key (id_pegawai, tahun).
-- peringkat_* are predikat ranks, 1 Sangat Baik, 2 Baik, 3 Butuh Perbaikan, 4 Kurang, 5 Sangat Kurang
-- (lower is better; NULL when not rated) for the year before, the year itself and the year after.
-- ikut_coaching: passed a coaching activity (jenis coaching) ending in the year; mulai_mentoring: a
-- mentee in a pairing that started in the year (dataset mentoring); terlatih_bencana: passed, in this
-- year or before, an activity whose topik or nama_program mentions disaster response (bencana,
-- kebencanaan, tanggap darurat, kesiapsiagaan). Definitions: docs/metrics.md#dampak.
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

bencana_pertama AS (
    SELECT id_pegawai, min(tahun) AS tahun
    FROM int_jp_pegawai_tahun
    WHERE ikut_bencana
    GROUP BY id_pegawai
),

mentee AS (
    SELECT DISTINCT id_mentee AS id_pegawai, year(tanggal_mulai) AS tahun
    FROM stg_mentoring
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
    coalesce(l.ikut_coaching, false) AS ikut_coaching,
    m.id_pegawai IS NOT NULL AS mulai_mentoring,
    coalesce(b.tahun <= p.tahun, false) AS terlatih_bencana,
    n0.peringkat AS peringkat_sebelum,
    n1.peringkat AS peringkat,
    n2.peringkat AS peringkat_sesudah
FROM int_pegawai_tahun AS p
LEFT JOIN int_jp_pegawai_tahun AS l ON l.id_pegawai = p.id_pegawai AND l.tahun = p.tahun
LEFT JOIN mentee AS m ON m.id_pegawai = p.id_pegawai AND m.tahun = p.tahun
LEFT JOIN bencana_pertama AS b ON b.id_pegawai = p.id_pegawai
LEFT JOIN peringkat AS n0 ON n0.id_pegawai = p.id_pegawai AND n0.tahun = p.tahun - 1
LEFT JOIN peringkat AS n1 ON n1.id_pegawai = p.id_pegawai AND n1.tahun = p.tahun
LEFT JOIN peringkat AS n2 ON n2.id_pegawai = p.id_pegawai AND n2.tahun = p.tahun + 1
