-- stg_ip_asn_bkn: one row per kota, tahun and jenis_asn (PNS, PPPK or ASN): the IP ASN figure BKN published for the
-- government, its dimension means when given, how an ASN figure combined PNS and PPPK, and where it was read.
SELECT
    kota,
    tahun,
    jenis_asn,
    nilai,
    kualifikasi,
    kompetensi,
    kinerja,
    disiplin,
    lower(cara_gabung) AS cara_gabung,
    sumber
FROM raw_ip_asn_bkn
