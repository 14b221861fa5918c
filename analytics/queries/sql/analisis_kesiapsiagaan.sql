-- analisis_kesiapsiagaan: readiness, the share of active ASN per agency in tahun_akhir who have passed
-- disaster-response training in that year or before (terlatih_bencana of analisis_pegawai_tahun).
-- One row per chosen kota per opd with active ASN (jumlah_asn, asn_terlatih, persen_terlatih).
-- People filters apply.
SELECT
    kota,
    opd,
    count(*) AS jumlah_asn,
    count(*) FILTER (WHERE terlatih_bencana) AS asn_terlatih,
    100.0 * count(*) FILTER (WHERE terlatih_bencana) / count(*) AS persen_terlatih
FROM analisis_pegawai_tahun
WHERE {people_filter}
    AND tahun = $tahun_akhir
GROUP BY kota, opd
ORDER BY kota, persen_terlatih DESC, opd
