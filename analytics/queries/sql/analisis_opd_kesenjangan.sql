-- analisis_opd_kesenjangan: which agencies are furthest below 20 JP in tahun_akhir, and their change
-- since tahun_awal. One row per chosen kota per opd with active PNS in tahun_akhir (people filters apply).
-- The start year's counts come along so the small-group rule can judge its share (analytics.privacy).
WITH pns AS (
    SELECT kota, opd, tahun, jp
    FROM int_pegawai_tahun
    WHERE {people_filter}
        AND jenis_asn = 'PNS'
        AND tahun IN ($tahun_awal, $tahun_akhir)
)

SELECT
    kota,
    opd,
    count(*) FILTER (WHERE tahun = $tahun_akhir) AS jumlah_pns,
    count(*) FILTER (WHERE tahun = $tahun_akhir AND jp >= $jp_minimum) AS pns_memenuhi_20jp,
    100.0 * count(*) FILTER (WHERE tahun = $tahun_akhir AND jp >= $jp_minimum)
        / nullif(count(*) FILTER (WHERE tahun = $tahun_akhir), 0) AS persen_20jp,
    coalesce(sum(greatest(0, $jp_minimum - jp)) FILTER (WHERE tahun = $tahun_akhir), 0)::BIGINT AS kekurangan_jp,
    count(*) FILTER (WHERE tahun = $tahun_awal) AS jumlah_pns_awal,
    count(*) FILTER (WHERE tahun = $tahun_awal AND jp >= $jp_minimum) AS pns_memenuhi_20jp_awal,
    100.0 * count(*) FILTER (WHERE tahun = $tahun_awal AND jp >= $jp_minimum)
        / nullif(count(*) FILTER (WHERE tahun = $tahun_awal), 0) AS persen_20jp_awal
FROM pns
GROUP BY kota, opd
HAVING count(*) FILTER (WHERE tahun = $tahun_akhir) > 0
ORDER BY kota, persen_20jp, opd
