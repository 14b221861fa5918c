-- sakip_capaian: the SAKIP capaian table (mart capaian_indikator). One row per chosen kota, tahun (tahun_awal to
-- tahun_akhir) and indikator, in the order each kota's file lists its indicators. Realisasi are city-wide: the
-- people filters (OPD, jabatan, jenis ASN) do not apply.
SELECT
    kota,
    tahun,
    urutan,
    indikator,
    kode_indikator,
    satuan,
    arah,
    target,
    realisasi,
    capaian,
    realisasi_lalu,
    target_renstra,
    sumber_realisasi,
    jumlah_dasar,
    jumlah_bagian,
    jumlah_dasar_lalu,
    jumlah_bagian_lalu
FROM capaian_indikator
WHERE list_contains($kota, kota) AND tahun BETWEEN $tahun_awal AND $tahun_akhir
ORDER BY kota, tahun, urutan
