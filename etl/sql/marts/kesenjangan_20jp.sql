-- kesenjangan_20jp: the 20-JP gap, what closing it would cost, the APBD floor, and JP equity.
-- Grain: one row per kota per tahun, exactly the rows of ringkasan_kota_tahun; key (kota, tahun).
-- kekurangan_jp = sum over active PNS of max(0, 20 - JP earned); biaya_menutup_kesenjangan =
-- kekurangan_jp x biaya_per_jp; persen_apbd = 100 x realisasi / belanja_daerah; target_016 =
-- 0.0016 x belanja_daerah (Kemendagri floor for kabupaten/kota); selisih_target_016 = realisasi -
-- target_016; gini_jp = sum_i sum_j |x_i - x_j| / (2 n^2 mean) over the JP x of the active PNS,
-- computed with the sorted-rank identity sum_i (2i - n - 1) x_(i) / (n sum x) (NULL when mean 0).
-- jumlah_lulus_kegiatan: the people biaya_per_jp is per JP of (ringkasan_kota_tahun), so the small-group rule
-- hides the cost with them. NULL where a part is missing. Definitions: docs/metrics.md#kesenjangan-20jp.
WITH pns AS (
    SELECT
        kota,
        tahun,
        jp,
        row_number() OVER (PARTITION BY kota, tahun ORDER BY jp) AS urutan,
        count(*) OVER (PARTITION BY kota, tahun) AS n
    FROM int_pegawai_tahun
    WHERE jenis_asn = 'PNS'
),

kesenjangan AS (
    SELECT
        kota,
        tahun,
        sum(greatest(0, jp_minimum() - jp))::BIGINT AS kekurangan_jp,
        sum((2 * urutan - n - 1) * jp)::DOUBLE / nullif(any_value(n) * sum(jp), 0) AS gini_jp
    FROM pns
    GROUP BY kota, tahun
)

SELECT
    r.kota,
    r.tahun,
    r.jumlah_pns,
    r.pns_memenuhi_20jp,
    coalesce(k.kekurangan_jp, 0)::BIGINT AS kekurangan_jp,
    r.biaya_per_jp,
    coalesce(k.kekurangan_jp, 0) * r.biaya_per_jp AS biaya_menutup_kesenjangan,
    r.realisasi,
    a.belanja_daerah,
    100.0 * r.realisasi / nullif(a.belanja_daerah, 0) AS persen_apbd,
    apbd_floor() * a.belanja_daerah AS target_016,
    r.realisasi - apbd_floor() * a.belanja_daerah AS selisih_target_016,
    k.gini_jp,
    r.jumlah_lulus_kegiatan
FROM ringkasan_kota_tahun AS r
LEFT JOIN kesenjangan AS k ON k.kota = r.kota AND k.tahun = r.tahun
LEFT JOIN stg_apbd AS a ON a.kota = r.kota AND a.tahun = r.tahun
ORDER BY r.kota, r.tahun
