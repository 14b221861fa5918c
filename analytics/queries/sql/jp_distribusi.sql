-- jp_distribusi: how many active PNS earned how many JP in tahun_akhir.
-- One row per chosen kota per JP band (0, 1-9, 10-19, 20-29, 30-39, 40+).
SELECT
    kota,
    CASE
        WHEN jp = 0 THEN 0
        WHEN jp < 10 THEN 1
        WHEN jp < 20 THEN 2
        WHEN jp < 30 THEN 3
        WHEN jp < 40 THEN 4
        ELSE 5
    END AS urutan,
    count(*) AS jumlah_pns,
    100.0 * count(*) / sum(count(*)) OVER (PARTITION BY kota) AS persen
FROM int_pegawai_tahun
WHERE {people_filter}
    AND jenis_asn = 'PNS'
    AND tahun = $tahun_akhir
GROUP BY kota, urutan
ORDER BY kota, urutan
