-- stg_pegawai: one row per ASN, identified by a keyed pseudonym (no NIP, no name).
SELECT
    id_pegawai,
    kota,
    opd,
    jenis_asn,
    kategori_jabatan,
    golongan,
    jenis_kelamin,
    tahun_lahir,
    pendidikan,
    tmt_masuk,
    tanggal_keluar,
    kedudukan_hukum
FROM raw_pegawai
