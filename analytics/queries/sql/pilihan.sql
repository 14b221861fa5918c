-- pilihan: what the filters can offer. One row per kota per opd per kategori_jabatan per jenis_asn.
SELECT DISTINCT kota, opd, kategori_jabatan, jenis_asn
FROM pegawai_segmen_tahun
ORDER BY ALL
