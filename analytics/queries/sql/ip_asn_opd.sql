-- ip_asn_opd: the Indeks Profesionalitas ASN of the ASN of one kind ($jenis_asn: PNS or PPPK) of each OPD of the
-- chosen kota in tahun_akhir, from the mart ip_asn_opd_tahun (the mean and the four dimension means of its people,
-- CPNS left out). One row per kota per opd. The OPD, jabatan and jenis ASN filters do not apply (as ip_asn_kota).
SELECT
    kota,
    opd,
    jenis_asn,
    jumlah,
    ip_asn,
    kualifikasi,
    kompetensi,
    kinerja,
    disiplin
FROM ip_asn_opd_tahun
WHERE list_contains($kota, kota)
    AND tahun = $tahun_akhir
    AND jenis_asn = $jenis_asn
ORDER BY kota, opd
