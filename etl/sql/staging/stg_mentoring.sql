-- stg_mentoring: one row per mentor-mentee pairing.
SELECT id_mentor, id_mentee, tanggal_mulai, tanggal_selesai, jumlah_sesi
FROM raw_mentoring
