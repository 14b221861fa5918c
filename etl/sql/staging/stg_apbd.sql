-- stg_apbd: one row per kota per tahun; regional spending (belanja daerah) in Rupiah.
SELECT kota, tahun, belanja_daerah
FROM raw_apbd
