-- stg_target_kinerja: one row per kota per tahun per indikator (SAKIP targets); realisasi only where entered by
-- hand. _file and _line keep the order the government wrote its indicators in (the LKjIP table's order).
SELECT kota, tahun, indikator, satuan, arah, target, target_renstra, realisasi, _file, _line
FROM raw_target_kinerja
