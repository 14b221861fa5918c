-- pembinaan_khusus: awards, mentoring pairs started and coaching participants.
-- One row per chosen kota per tahun; mentoring and awards by the employee's (mentee's) kota.
WITH kerangka AS (
    SELECT kota, tahun FROM ringkasan_kota_tahun
    WHERE list_contains($kota, kota) AND tahun BETWEEN $tahun_awal AND $tahun_akhir
),

penghargaan AS (
    SELECT p.kota, h.tahun, count(*) AS jumlah_penghargaan
    FROM stg_penghargaan AS h
    INNER JOIN stg_pegawai AS p ON p.id_pegawai = h.id_pegawai
    GROUP BY p.kota, h.tahun
),

mentoring AS (
    SELECT p.kota, year(m.tanggal_mulai) AS tahun, count(*) AS pasangan_mentoring, sum(m.jumlah_sesi) AS sesi_mentoring
    FROM stg_mentoring AS m
    INNER JOIN stg_pegawai AS p ON p.id_pegawai = m.id_mentee
    GROUP BY p.kota, year(m.tanggal_mulai)
),

coaching AS (
    SELECT kota, tahun, sum(jumlah_lulus) AS peserta_coaching
    FROM kegiatan
    WHERE jenis = 'coaching'
    GROUP BY kota, tahun
)

SELECT
    k.kota,
    k.tahun,
    coalesce(h.jumlah_penghargaan, 0)::BIGINT AS jumlah_penghargaan,
    coalesce(m.pasangan_mentoring, 0)::BIGINT AS pasangan_mentoring,
    coalesce(m.sesi_mentoring, 0)::BIGINT AS sesi_mentoring,
    coalesce(c.peserta_coaching, 0)::BIGINT AS peserta_coaching
FROM kerangka AS k
LEFT JOIN penghargaan AS h ON h.kota = k.kota AND h.tahun = k.tahun
LEFT JOIN mentoring AS m ON m.kota = k.kota AND m.tahun = k.tahun
LEFT JOIN coaching AS c ON c.kota = k.kota AND c.tahun = k.tahun
ORDER BY k.kota, k.tahun
