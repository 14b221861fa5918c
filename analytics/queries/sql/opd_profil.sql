-- opd_profil: the agencies of the chosen kota in tahun_akhir (callers choose one city), added up across
-- the chosen cities. Grain: one row per opd.
SELECT
    opd,
    sum(jumlah_asn)::BIGINT AS jumlah_asn,
    sum(jumlah_pns)::BIGINT AS jumlah_pns,
    sum(jumlah_dinilai)::BIGINT AS jumlah_dinilai,
    persen_20jp(sum(pns_memenuhi_20jp), sum(jumlah_pns)) AS persen_20jp,
    jp_per_asn(sum(jp_total), sum(jumlah_asn)) AS jp_per_asn,
    persen_sangat_baik(sum(predikat_sangat_baik), sum(jumlah_dinilai)) AS persen_sangat_baik,
    100.0 * (sum(predikat_butuh_perbaikan) + sum(predikat_kurang) + sum(predikat_sangat_kurang))
        / nullif(sum(jumlah_dinilai), 0) AS persen_di_bawah_baik
FROM pegawai_segmen_tahun
WHERE {people_filter}
    AND tahun = $tahun_akhir
GROUP BY opd
HAVING sum(jumlah_asn) > 0
ORDER BY jumlah_asn DESC, opd
