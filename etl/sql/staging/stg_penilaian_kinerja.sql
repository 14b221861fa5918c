-- stg_penilaian_kinerja: one row per ASN per tahun (PermenPANRB 6/2022 predikat).
SELECT id_pegawai, tahun, predikat, hasil_kerja, perilaku_kerja
FROM raw_penilaian_kinerja
