-- ip_asn_opd_tahun: the Indeks Profesionalitas ASN of an OPD in a year, PNS and PPPK apart (BKN reports them apart
-- since 2023): the mean of its people's figures (ip_asn_pegawai_tahun), as BKN takes an instansi's figure.
-- Grain: key (kota, opd, tahun, jenis_asn); only groups with someone measured.
-- jumlah: the people measured (CPNS left out: domain.ip_asn.is_cpns); ip_asn: the mean of nilai_ip_asn;
-- kualifikasi, kompetensi, kinerja, disiplin: the means of the four dimensions' points, which add up to ip_asn.
-- Definitions: docs/metrics.md#ip-asn.
SELECT
    kota,
    opd,
    tahun,
    jenis_asn,
    count(*) AS jumlah,
    avg(nilai_ip_asn) AS ip_asn,
    avg(poin_kualifikasi) AS kualifikasi,
    avg(poin_kompetensi) AS kompetensi,
    avg(poin_kinerja) AS kinerja,
    avg(poin_disiplin) AS disiplin
FROM ip_asn_pegawai_tahun
WHERE NOT cpns
GROUP BY kota, opd, tahun, jenis_asn
