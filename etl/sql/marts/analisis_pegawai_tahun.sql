-- analisis_pegawai_tahun (a view): what the "does development pay off" analyses compare, per person
-- and year. Grain: one row per ASN per tahun in which the ASN is active, exactly the rows of
-- int_pegawai_tahun; key (id_pegawai, tahun). The columns are worked out in int_pegawai_tahun (their
-- definitions are there and in docs/metrics.md#dampak), so that a national load writes its 16 M
-- person-years once.
SELECT
    tahun,
    id_pegawai,
    kota,
    opd,
    jenis_asn,
    kategori_jabatan,
    jp,
    ikut_kegiatan,
    memenuhi_20jp,
    ikut_coaching,
    mulai_mentoring,
    terlatih_bencana,
    peringkat_sebelum,
    peringkat,
    peringkat_sesudah
FROM int_pegawai_tahun
