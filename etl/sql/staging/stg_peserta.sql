-- stg_peserta: one row per ASN per activity.
SELECT kode_program, id_pegawai, status, nilai_pre, nilai_post
FROM raw_peserta
