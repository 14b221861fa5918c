-- stg_kota: one row per city in scope.
SELECT kota, provinsi
FROM raw_kota
