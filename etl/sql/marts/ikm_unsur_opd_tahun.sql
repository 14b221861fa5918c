-- ikm_unsur_opd_tahun: survey answers per service unit and element.
-- Grain: one row per kota, opd, tahun, unsur (u1..u9) with at least one respondent in the
-- kota-opd-tahun; jumlah_jawaban counts non-blank answers (0 when all were blank).
-- NRR of any group = sum(total_nilai) / sum(jumlah_jawaban); IKM = ikm_dari_nrr(sum of NRR, count of NRR).
SELECT
    kota,
    opd,
    tahun,
    unsur,
    count(nilai) AS jumlah_jawaban,
    coalesce(sum(nilai), 0)::BIGINT AS total_nilai,
    count(*) AS jumlah_responden
FROM stg_survei_kepuasan
UNPIVOT INCLUDE NULLS (nilai FOR unsur IN (u1, u2, u3, u4, u5, u6, u7, u8, u9))
GROUP BY kota, opd, tahun, unsur
ORDER BY kota, opd, tahun, unsur
