-- stg_survei_kepuasan: one row per IKM respondent; u1..u9 answers 1-4, NULL when blank.
SELECT kota, opd, tanggal, year(tanggal) AS tahun, u1, u2, u3, u4, u5, u6, u7, u8, u9
FROM raw_survei_kepuasan
