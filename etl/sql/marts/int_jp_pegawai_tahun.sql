-- int_jp_pegawai_tahun: one row per ASN per tahun in which they passed at least one activity.
-- jp = sum of program.jp over their peserta rows with status lulus in activities of that year
-- (an activity's year is the year of its tanggal_selesai; any organising city counts).
SELECT
    ps.id_pegawai,
    pr.tahun,
    sum(pr.jp)::BIGINT AS jp,
    count(*) AS jumlah_kegiatan
FROM stg_peserta AS ps
INNER JOIN stg_program AS pr ON pr.kode_program = ps.kode_program
WHERE ps.status = 'lulus'
GROUP BY ps.id_pegawai, pr.tahun
