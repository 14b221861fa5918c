-- ip_asn_kota: the Indeks Profesionalitas ASN of each chosen kota in each year of the range, from the mart
-- ip_asn_kota_tahun (PNS and PPPK apart, both combinations, the PNS dimension means). One row per kota per tahun.
-- The OPD, jabatan and jenis ASN filters do not apply: BKN measures an instansi as a whole.
SELECT
    kota,
    tahun,
    jumlah_pns,
    jumlah_pppk,
    ip_asn_pns,
    ip_asn_pppk,
    ip_asn_tertimbang,
    ip_asn_rerata,
    kualifikasi_pns,
    kompetensi_pns,
    kinerja_pns,
    disiplin_pns
FROM ip_asn_kota_tahun
WHERE list_contains($kota, kota)
    AND tahun BETWEEN $tahun_awal AND $tahun_akhir
ORDER BY kota, tahun
