-- int_pegawai_tahun: one row per ASN per tahun (of int_tahun) in which the ASN is active:
-- tmt_masuk <= 31 December and tanggal_keluar empty or later than 31 December of that year.
-- Grain: key (id_pegawai, tahun).
-- jp is what they earned that year (0 when nothing); memenuhi_20jp is jp >= 20; ikut_coaching: passed
-- a coaching activity that year.
-- The columns the "does development pay off" analyses compare (view analisis_pegawai_tahun) are
-- worked out here too, so the 16 M person-years of a national load are written once:
-- peringkat_* are predikat ranks, 1 Sangat Baik, 2 Baik, 3 Butuh Perbaikan, 4 Kurang, 5 Sangat Kurang
-- (lower is better; NULL when not rated) for the year before, the year itself and the year after.
-- mulai_mentoring: a mentee in a pairing that started in the year (dataset mentoring);
-- terlatih_bencana: passed, in this year or before, an activity about disaster response
-- (int_jp_pegawai_tahun.ikut_bencana). Definitions: docs/metrics.md#dampak.
-- Active years are listed per person (from the year of tmt_masuk to the year before
-- tanggal_keluar, within int_tahun) rather than found by a range join, which sorts every person.
-- The ratings of the year before, the year and the year after are read from one number per person
-- (3 bits a year, years counted from the year before the first rating anywhere): one join on the
-- person instead of three on person and year. Ratings more than 40 years after the first (none in
-- real data) are looked up the long way (jauh).
WITH batas AS (
    SELECT min(tahun) AS awal, max(tahun) AS akhir FROM int_tahun
),

aktif AS (
    SELECT
        p.*,
        unnest(range(
            greatest(b.awal, year(p.tmt_masuk)),
            least(b.akhir, coalesce(year(p.tanggal_keluar) - 1, b.akhir)) + 1
        )) AS tahun
    FROM stg_pegawai AS p
    CROSS JOIN batas AS b
),

peringkat AS (
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
        a.*,
        r.bit_tahun,
        a.tahun - d.tahun AS posisi
    FROM aktif AS a
    CROSS JOIN dasar AS d
    LEFT JOIN peringkat_per_orang AS r ON r.id_pegawai = a.id_pegawai
)

SELECT
    p.tahun,
    p.id_pegawai,
    p.kota,
    p.opd,
    p.jenis_asn,
    p.kategori_jabatan,
    p.golongan,
    p.jenis_kelamin,
    p.tahun - p.tahun_lahir AS usia,
    coalesce(j.jp, 0) AS jp,
    j.id_pegawai IS NOT NULL AS ikut_kegiatan,
    coalesce(j.jp, 0) >= jp_minimum() AS memenuhi_20jp,
    coalesce(j.ikut_coaching, false) AS ikut_coaching,
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
LEFT JOIN int_jp_pegawai_tahun AS j ON j.id_pegawai = p.id_pegawai AND j.tahun = p.tahun
LEFT JOIN mentee AS m ON m.id_pegawai = p.id_pegawai AND m.tahun = p.tahun
LEFT JOIN bencana_pertama AS b ON b.id_pegawai = p.id_pegawai
LEFT JOIN jauh AS n0 ON n0.id_pegawai = p.id_pegawai AND n0.tahun = p.tahun - 1
LEFT JOIN jauh AS n1 ON n1.id_pegawai = p.id_pegawai AND n1.tahun = p.tahun
LEFT JOIN jauh AS n2 ON n2.id_pegawai = p.id_pegawai AND n2.tahun = p.tahun + 1
