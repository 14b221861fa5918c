-- ip_asn_kompetensi_orang: the PNS of the chosen kota measured in tahun_akhir (CPNS left out), one row per person
-- (no id returned): kota, opd, the kind of their post (kelompok: struktural, fungsional, pelaksana) and the
-- kompetensi items they met (butir_kompetensi), from ip_asn_pegawai_tahun. Read by analytics.queries.ip_asn,
-- which counts what each misses; never released as it is.
SELECT
    kota,
    opd,
    ipasn_kelompok(kategori_jabatan) AS kelompok,
    butir_kompetensi
FROM ip_asn_pegawai_tahun
WHERE list_contains($kota, kota)
    AND tahun = $tahun_akhir
    AND jenis_asn = 'PNS'
    AND NOT cpns
