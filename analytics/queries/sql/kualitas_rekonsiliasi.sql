-- kualitas_rekonsiliasi: the headcount of the pegawai files as they state it, against what the warehouse counts,
-- so a BKPSDM can match it with SIASN's own dashboard.
-- Grain: one row per chosen kota, jenis_asn and kedudukan_hukum (as the files name it; '(tidak dicatat)' for a
-- file without the column). di_berkas: rows of the files (loaded and rejected); dimuat: loaded; ditolak: rejected
-- (their kota, jenis_asn and kedudukan as written); bekerja: loaded and counted in service in $tahun_akhir (active
-- on 31 December: int_pegawai_tahun), the people of that year's headline figures.
WITH dimuat AS (
    SELECT
        p.kota,
        p.jenis_asn,
        coalesce(p.kedudukan_hukum, '(tidak dicatat)') AS kedudukan_hukum,
        count(*) AS dimuat,
        count(a.id_pegawai) AS bekerja
    FROM stg_pegawai AS p
    LEFT JOIN int_pegawai_tahun AS a ON a.id_pegawai = p.id_pegawai AND a.tahun = $tahun_akhir
    WHERE list_contains($kota, p.kota)
    GROUP BY ALL
),

ditolak AS (
    SELECT
        raw_values ->> 'kota' AS kota,
        coalesce(raw_values ->> 'jenis_asn', '(kosong)') AS jenis_asn,
        coalesce(raw_values ->> 'kedudukan_hukum', '(tidak dicatat)') AS kedudukan_hukum,
        count(DISTINCT (file, line)) AS ditolak
    FROM etl_rejects
    WHERE dataset = 'pegawai' AND list_contains($kota, raw_values ->> 'kota')
    GROUP BY ALL
)

SELECT
    kota,
    jenis_asn,
    kedudukan_hukum,
    (coalesce(d.dimuat, 0) + coalesce(t.ditolak, 0))::BIGINT AS di_berkas,
    coalesce(d.dimuat, 0)::BIGINT AS dimuat,
    coalesce(t.ditolak, 0)::BIGINT AS ditolak,
    coalesce(d.bekerja, 0)::BIGINT AS bekerja
FROM dimuat AS d
FULL JOIN ditolak AS t USING (kota, jenis_asn, kedudukan_hukum)
ORDER BY kota, jenis_asn, di_berkas DESC, kedudukan_hukum
