-- stg_aspirasi: one row per citizen submission.
SELECT kota, tanggal, year(tanggal) AS tahun, saluran, kategori, sentimen, opd, ringkasan
FROM raw_aspirasi
