-- ip_asn_kota_tahun: the Indeks Profesionalitas ASN of a kota in a year: PNS and PPPK apart (means of their people
-- in ip_asn_pegawai_tahun, CPNS left out: domain.ip_asn.is_cpns) and the two ways governments combine them.
-- Grain: key (kota, tahun); only years with someone measured.
-- jumlah_pns, jumlah_pppk: the people measured; ip_asn_pns, ip_asn_pppk: their means (NULL without anyone);
-- ip_asn_tertimbang: weighted by headcount (domain.ip_asn.gabungan_tertimbang, as Kota Bima): the mean of everyone;
-- ip_asn_rerata: the plain mean of the two (domain.ip_asn.gabungan_rerata, as Sumatera Barat); with only one kind
--   measured, both combinations are that kind's figure;
-- kualifikasi_pns, kompetensi_pns, kinerja_pns, disiplin_pns: the PNS means of the four dimensions (they add up to
--   ip_asn_pns). Definitions: docs/metrics.md#ip-asn.
WITH jenis AS (
    SELECT
        kota,
        tahun,
        count(*) FILTER (WHERE jenis_asn = 'PNS') AS jumlah_pns,
        count(*) FILTER (WHERE jenis_asn = 'PPPK') AS jumlah_pppk,
        avg(nilai_ip_asn) FILTER (WHERE jenis_asn = 'PNS') AS ip_asn_pns,
        avg(nilai_ip_asn) FILTER (WHERE jenis_asn = 'PPPK') AS ip_asn_pppk,
        avg(poin_kualifikasi) FILTER (WHERE jenis_asn = 'PNS') AS kualifikasi_pns,
        avg(poin_kompetensi) FILTER (WHERE jenis_asn = 'PNS') AS kompetensi_pns,
        avg(poin_kinerja) FILTER (WHERE jenis_asn = 'PNS') AS kinerja_pns,
        avg(poin_disiplin) FILTER (WHERE jenis_asn = 'PNS') AS disiplin_pns
    FROM ip_asn_pegawai_tahun
    WHERE NOT cpns
    GROUP BY kota, tahun
)

SELECT
    kota,
    tahun,
    jumlah_pns,
    jumlah_pppk,
    ip_asn_pns,
    ip_asn_pppk,
    (coalesce(ip_asn_pns * jumlah_pns, 0) + coalesce(ip_asn_pppk * jumlah_pppk, 0))
    / (jumlah_pns + jumlah_pppk) AS ip_asn_tertimbang,
    CASE
        WHEN ip_asn_pns IS NULL THEN ip_asn_pppk
        WHEN ip_asn_pppk IS NULL THEN ip_asn_pns
        ELSE (ip_asn_pns + ip_asn_pppk) / 2
    END AS ip_asn_rerata,
    kualifikasi_pns,
    kompetensi_pns,
    kinerja_pns,
    disiplin_pns
FROM jenis
