-- stg_program: one row per development activity (one batch); its year is that of tanggal_selesai.
SELECT
    kode_program,
    kota,
    nama_program,
    jalur,
    jenis,
    topik,
    penyelenggara,
    tanggal_mulai,
    tanggal_selesai,
    year(tanggal_selesai) AS tahun,
    jp,
    biaya
FROM raw_program
