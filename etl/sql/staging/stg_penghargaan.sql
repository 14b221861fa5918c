-- stg_penghargaan: one row per award.
SELECT id_pegawai, tahun, kategori
FROM raw_penghargaan
