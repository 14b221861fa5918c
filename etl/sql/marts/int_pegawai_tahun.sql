-- int_pegawai_tahun: one row per ASN per tahun (of int_tahun) in which the ASN is active:
-- tmt_masuk <= 31 December and tanggal_keluar empty or later than 31 December of that year.
-- jp is what they earned that year (0 when nothing); memenuhi_20jp is jp >= 20.
SELECT
    t.tahun,
    p.id_pegawai,
    p.kota,
    p.opd,
    p.jenis_asn,
    p.kategori_jabatan,
    p.golongan,
    p.jenis_kelamin,
    t.tahun - p.tahun_lahir AS usia,
    coalesce(j.jp, 0) AS jp,
    j.id_pegawai IS NOT NULL AS ikut_kegiatan,
    coalesce(j.jp, 0) >= 20 AS memenuhi_20jp
FROM stg_pegawai AS p
INNER JOIN int_tahun AS t
    ON p.tmt_masuk <= make_date(t.tahun, 12, 31)
    AND (p.tanggal_keluar IS NULL OR p.tanggal_keluar > make_date(t.tahun, 12, 31))
LEFT JOIN int_jp_pegawai_tahun AS j
    ON j.id_pegawai = p.id_pegawai AND j.tahun = t.tahun
