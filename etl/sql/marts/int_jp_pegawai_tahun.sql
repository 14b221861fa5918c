-- int_jp_pegawai_tahun: one row per ASN per tahun in which they passed at least one activity.
-- jp = sum of program.jp over their peserta rows with status lulus in activities of that year
-- (an activity's year is the year of its tanggal_selesai; any organising city counts).
-- ikut_coaching: one of those activities is of jenis coaching; ikut_bencana: one of them is about
-- disaster response (topik or nama_program mentions bencana, tanggap darurat or kesiapsiagaan).
-- The flags are worked out once per activity, then carried by the join.
WITH program AS MATERIALIZED (
    SELECT
        kode_program,
        tahun,
        jp,
        jenis = 'coaching' AS coaching,
        regexp_matches(lower(concat_ws(' ', topik, nama_program)), 'bencana|tanggap darurat|kesiapsiagaan') AS bencana
    FROM stg_program
)

SELECT
    ps.id_pegawai,
    pr.tahun,
    sum(pr.jp)::BIGINT AS jp,
    count(*) AS jumlah_kegiatan,
    bool_or(pr.coaching) AS ikut_coaching,
    bool_or(pr.bencana) AS ikut_bencana
FROM stg_peserta AS ps
INNER JOIN program AS pr ON pr.kode_program = ps.kode_program
WHERE ps.status = 'lulus'
GROUP BY ps.id_pegawai, pr.tahun
