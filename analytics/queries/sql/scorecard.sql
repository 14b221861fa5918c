-- scorecard: one row per chosen kota per tahun, from the year before tahun_awal to tahun_akhir.
-- People metrics follow the OPD, jabatan and jenis ASN filters (from pegawai_segmen_tahun);
-- budget, cost per JP and IKM are city-wide (from ringkasan_kota_tahun). The ratios are the mart's macros.
-- jumlah_lulus_kegiatan: the passed participants of the city's activities with a recorded cost, the people
-- biaya_per_jp is a cost per JP of (so the small-group rule hides it with them).
WITH orang AS (
    SELECT
        kota,
        tahun,
        sum(jumlah_asn) AS jumlah_asn,
        sum(jumlah_pns) AS jumlah_pns,
        sum(pns_memenuhi_20jp) AS pns_memenuhi_20jp,
        sum(jp_total) AS jp_total,
        sum(jumlah_peserta) AS jumlah_peserta,
        sum(jumlah_dinilai) AS jumlah_dinilai,
        sum(predikat_sangat_baik) AS predikat_sangat_baik
    FROM pegawai_segmen_tahun
    WHERE {people_filter}
    AND tahun BETWEEN $tahun_awal - 1 AND $tahun_akhir
    GROUP BY kota, tahun
)

SELECT
    r.kota,
    r.tahun,
    coalesce(o.jumlah_asn, 0)::BIGINT AS jumlah_asn,
    coalesce(o.jumlah_pns, 0)::BIGINT AS jumlah_pns,
    coalesce(o.pns_memenuhi_20jp, 0)::BIGINT AS pns_memenuhi_20jp,
    persen_20jp(o.pns_memenuhi_20jp, o.jumlah_pns) AS persen_20jp,
    o.jp_total::BIGINT AS jp_total,
    jp_per_asn(o.jp_total, o.jumlah_asn) AS jp_per_asn,
    coalesce(o.jumlah_peserta, 0)::BIGINT AS jumlah_peserta,
    r.pagu,
    r.realisasi,
    r.persen_serapan,
    r.biaya_per_jp,
    r.jumlah_lulus_kegiatan,
    r.ikm,
    r.mutu_ikm,
    r.jumlah_responden_ikm,
    -- people rated: what persen_sangat_baik is a share of, so the small-group rule can judge it
    coalesce(o.jumlah_dinilai, 0)::BIGINT AS jumlah_dinilai,
    persen_sangat_baik(o.predikat_sangat_baik, o.jumlah_dinilai) AS persen_sangat_baik
FROM ringkasan_kota_tahun AS r
LEFT JOIN orang AS o ON o.kota = r.kota AND o.tahun = r.tahun
WHERE list_contains($kota, r.kota) AND r.tahun BETWEEN $tahun_awal - 1 AND $tahun_akhir
ORDER BY r.kota, r.tahun
