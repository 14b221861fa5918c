-- kepatuhan_per: 20-JP compliance by one breakdown ({dimensi}, from a fixed list) for tahun_akhir.
-- One row per chosen kota per value of the breakdown with employees. persen_20jp is the PNS
-- metric (NULL without PNS); persen_asn_20jp counts every ASN, so PPPK can be compared too.
SELECT
    kota,
    coalesce({dimensi}::VARCHAR, '-') AS nilai,
    sum(jumlah_pns)::BIGINT AS jumlah_pns,
    sum(pns_memenuhi_20jp)::BIGINT AS pns_memenuhi_20jp,
    persen_20jp(sum(pns_memenuhi_20jp), sum(jumlah_pns)) AS persen_20jp,
    sum(jumlah_asn)::BIGINT AS jumlah_asn,
    sum(asn_memenuhi_20jp)::BIGINT AS asn_memenuhi_20jp,
    100.0 * sum(asn_memenuhi_20jp) / nullif(sum(jumlah_asn), 0) AS persen_asn_20jp
FROM pegawai_segmen_tahun
WHERE {people_filter}
    AND tahun = $tahun_akhir
GROUP BY ALL
HAVING sum(jumlah_asn) > 0
ORDER BY kota, persen_20jp, nilai
