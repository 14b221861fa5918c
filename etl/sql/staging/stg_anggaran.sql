-- stg_anggaran: one row per kota per tahun per kegiatan per sumber dana; pagu and realisasi in Rupiah.
SELECT kota, tahun, kegiatan, sumber_dana, pagu, realisasi
FROM raw_anggaran
