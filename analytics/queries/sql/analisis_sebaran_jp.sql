-- analisis_sebaran_jp: how many active PNS earned exactly how many JP in tahun_akhir, city-wide.
-- One row per chosen kota per JP value (jp, jumlah_pns); the input of the Lorenz curve and the what-if.
SELECT kota, jp, count(*) AS jumlah_pns
FROM int_pegawai_tahun
WHERE list_contains($kota, kota) AND jenis_asn = 'PNS' AND tahun = $tahun_akhir
GROUP BY kota, jp
ORDER BY kota, jp
