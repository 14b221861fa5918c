-- opd_profil: the agencies of the chosen kota in tahun_akhir (callers choose one city), added up across
-- the chosen cities. Grain: one row per opd.
SELECT
    opd,
    sum(jumlah_asn)::BIGINT AS jumlah_asn,
    sum(jumlah_pns)::BIGINT AS jumlah_pns,
    sum(jumlah_dinilai)::BIGINT AS jumlah_dinilai,
    100.0 * sum(pns_memenuhi_20jp) / nullif(sum(jumlah_pns), 0) AS persen_20jp,
    sum(jp_total) / nullif(sum(jumlah_asn), 0) AS jp_per_asn,
    100.0 * sum(predikat_sangat_baik) / nullif(sum(jumlah_dinilai), 0) AS persen_sangat_baik,
    100.0 * (sum(predikat_butuh_perbaikan) + sum(predikat_kurang) + sum(predikat_sangat_kurang))
        / nullif(sum(jumlah_dinilai), 0) AS persen_di_bawah_baik
FROM pegawai_segmen_tahun
WHERE {people_filter}
    AND tahun = $tahun_akhir
GROUP BY opd
HAVING sum(jumlah_asn) > 0
ORDER BY jumlah_asn DESC, opd
