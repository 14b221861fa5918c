-- kualitas_cakupan: one row per chosen kota per dataset per tahun with data: rows and the latest date.
-- Rows of people (peserta, penilaian_kinerja, mentoring, penghargaan) count for the city of the
-- employee; activities and their feedback for the organising city. pegawai counts active employees.
WITH baris AS (
    SELECT kota, 'apbd' AS dataset, tahun, NULL::DATE AS tanggal FROM stg_apbd
    UNION ALL
    SELECT kota, 'anggaran', tahun, NULL FROM stg_anggaran
    UNION ALL
    SELECT kota, 'program', tahun, tanggal_selesai FROM stg_program
    UNION ALL
    SELECT p.kota, 'peserta', k.tahun, k.tanggal_selesai
    FROM stg_peserta AS s
    JOIN stg_program AS k USING (kode_program)
    JOIN stg_pegawai AS p USING (id_pegawai)
    UNION ALL
    SELECT k.kota, 'umpan_balik_pelatihan', year(u.tanggal), u.tanggal
    FROM stg_umpan_balik_pelatihan AS u
    JOIN stg_program AS k USING (kode_program)
    UNION ALL
    SELECT p.kota, 'penilaian_kinerja', n.tahun, NULL
    FROM stg_penilaian_kinerja AS n
    JOIN stg_pegawai AS p USING (id_pegawai)
    UNION ALL
    SELECT kota, 'survei_kepuasan', tahun, tanggal FROM stg_survei_kepuasan
    UNION ALL
    SELECT kota, 'aspirasi', tahun, tanggal FROM stg_aspirasi
    UNION ALL
    SELECT p.kota, 'mentoring', year(m.tanggal_mulai), m.tanggal_mulai
    FROM stg_mentoring AS m
    JOIN stg_pegawai AS p ON p.id_pegawai = m.id_mentor
    UNION ALL
    SELECT p.kota, 'penghargaan', h.tahun, NULL
    FROM stg_penghargaan AS h
    JOIN stg_pegawai AS p USING (id_pegawai)
    UNION ALL
    SELECT kota, 'pegawai', tahun, NULL FROM int_pegawai_tahun
)

SELECT
    kota,
    dataset,
    tahun,
    count(*) AS baris,
    max(tanggal) AS tanggal_terakhir
FROM baris
WHERE kota IN $kota
GROUP BY kota, dataset, tahun
ORDER BY kota, dataset, tahun
