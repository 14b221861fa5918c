-- kegiatan: development activities with their participants, results and reactions.
-- Grain: one row per kode_program (all of stg_program); counts are 0 where nobody enrolled.
-- kelompok groups the Perlan 10/2018 types the way planners compare them.
WITH peserta AS (
    SELECT
        kode_program,
        count(*) AS jumlah_terdaftar,
        count(*) FILTER (WHERE status = 'lulus') AS jumlah_lulus,
        count(*) FILTER (WHERE status = 'tidak_lulus') AS jumlah_tidak_lulus,
        count(*) FILTER (WHERE status = 'tidak_hadir') AS jumlah_tidak_hadir,
        count(*) FILTER (WHERE nilai_pre IS NOT NULL AND nilai_post IS NOT NULL) AS jumlah_pre_post,
        avg(nilai_post - nilai_pre) AS rata_kenaikan_nilai,
        stddev_samp(nilai_post - nilai_pre) AS sd_kenaikan_nilai
    FROM stg_peserta
    GROUP BY kode_program
),

reaksi AS (
    SELECT
        kode_program,
        count(*) AS jumlah_respon,
        avg(skor_materi) AS skor_materi,
        avg(skor_pengajar) AS skor_pengajar,
        avg(skor_penyelenggaraan) AS skor_penyelenggaraan,
        avg(skor_manfaat) AS skor_manfaat
    FROM stg_umpan_balik_pelatihan
    GROUP BY kode_program
)

SELECT
    pr.kode_program,
    pr.kota,
    pr.tahun,
    pr.nama_program,
    pr.jalur,
    pr.jenis,
    CASE
        WHEN regexp_matches(lower(pr.penyelenggara), 'universitas|politeknik|institut|sekolah tinggi')
            THEN 'kemitraan perguruan tinggi'
        WHEN pr.jenis IN ('e-learning', 'pelatihan jarak jauh', 'belajar mandiri') THEN 'e-learning'
        WHEN pr.jenis IN ('coaching', 'mentoring', 'bimbingan di tempat kerja') THEN 'mentoring/coaching'
        WHEN pr.jalur = 'klasikal' THEN 'klasikal'
        ELSE 'nonklasikal lain'
    END AS kelompok,
    pr.topik,
    pr.penyelenggara,
    pr.tanggal_mulai,
    pr.tanggal_selesai,
    pr.jp,
    pr.biaya,
    coalesce(p.jumlah_terdaftar, 0) AS jumlah_terdaftar,
    coalesce(p.jumlah_lulus, 0) AS jumlah_lulus,
    coalesce(p.jumlah_tidak_lulus, 0) AS jumlah_tidak_lulus,
    coalesce(p.jumlah_tidak_hadir, 0) AS jumlah_tidak_hadir,
    pr.jp * coalesce(p.jumlah_lulus, 0) AS jp_lulus,
    coalesce(p.jumlah_pre_post, 0) AS jumlah_pre_post,
    p.rata_kenaikan_nilai,
    p.sd_kenaikan_nilai,
    coalesce(r.jumlah_respon, 0) AS jumlah_respon,
    r.skor_materi,
    r.skor_pengajar,
    r.skor_penyelenggaraan,
    r.skor_manfaat
FROM stg_program AS pr
LEFT JOIN peserta AS p ON p.kode_program = pr.kode_program
LEFT JOIN reaksi AS r ON r.kode_program = pr.kode_program
ORDER BY pr.kode_program
