-- int_pegawai_tahun: one row per ASN per tahun (of int_tahun) in which the ASN is active:
-- tmt_masuk <= 31 December and tanggal_keluar empty or later than 31 December of that year.
-- jp is what they earned that year (0 when nothing); memenuhi_20jp is jp >= 20; ikut_coaching: passed
-- a coaching activity that year.
-- Active years are listed per person (from the year of tmt_masuk to the year before
-- tanggal_keluar, within int_tahun) rather than found by a range join, which sorts every person.
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
)

SELECT
    a.tahun,
    a.id_pegawai,
    a.kota,
    a.opd,
    a.jenis_asn,
    a.kategori_jabatan,
    a.golongan,
    a.jenis_kelamin,
    a.tahun - a.tahun_lahir AS usia,
    coalesce(j.jp, 0) AS jp,
    j.id_pegawai IS NOT NULL AS ikut_kegiatan,
    coalesce(j.jp, 0) >= 20 AS memenuhi_20jp,
    coalesce(j.ikut_coaching, false) AS ikut_coaching
FROM aktif AS a
LEFT JOIN int_jp_pegawai_tahun AS j
    ON j.id_pegawai = a.id_pegawai AND j.tahun = a.tahun
