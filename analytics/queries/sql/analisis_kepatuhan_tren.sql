-- analisis_kepatuhan_tren: 20-JP compliance of PNS by one breakdown ({dimensi}, from a fixed list) over
-- the chosen years. One row per chosen kota per tahun per value with PNS (people filters apply).
SELECT
    kota,
    tahun,
    coalesce({dimensi}::VARCHAR, '-') AS nilai,
    sum(jumlah_pns)::BIGINT AS jumlah_pns,
    sum(pns_memenuhi_20jp)::BIGINT AS pns_memenuhi_20jp,
    persen_20jp(sum(pns_memenuhi_20jp), sum(jumlah_pns)) AS persen_20jp
FROM pegawai_segmen_tahun
WHERE {people_filter}
    AND tahun BETWEEN $tahun_awal AND $tahun_akhir
GROUP BY ALL
HAVING sum(jumlah_pns) > 0
ORDER BY kota, nilai, tahun
