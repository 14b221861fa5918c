-- ip_asn_bkn: BKN's published IP ASN figures of the chosen kota and years (stg_ip_asn_bkn) beside the figure computed
-- from the loaded data for the same kota, tahun and kind, one row per kota per tahun per jenis_asn (PNS, PPPK, ASN).
-- Computed: the means of ip_asn_opd_tahun's people (CPNS left out); for ASN, combined as the published row says
-- (cara_gabung: tertimbang, the mean of everyone, when not given; rerata, the plain mean of the PNS and PPPK figures).
-- jumlah_terkecil: the people of the smallest group the computed figure is made of (for ASN the smaller of PNS and
-- PPPK), so the small-group rule hides an ASN figure that would give a small group's figure away.
WITH per_jenis AS (
    SELECT
        kota,
        tahun,
        jenis_asn,
        sum(jumlah) AS jumlah,
        sum(jumlah * ip_asn) / sum(jumlah) AS nilai,
        sum(jumlah * kualifikasi) / sum(jumlah) AS kualifikasi,
        sum(jumlah * kompetensi) / sum(jumlah) AS kompetensi,
        sum(jumlah * kinerja) / sum(jumlah) AS kinerja,
        sum(jumlah * disiplin) / sum(jumlah) AS disiplin
    FROM ip_asn_opd_tahun
    WHERE list_contains($kota, kota) AND tahun BETWEEN $tahun_awal AND $tahun_akhir
    GROUP BY kota, tahun, jenis_asn
),

asn AS (
    SELECT
        kota,
        tahun,
        min(jumlah) AS jumlah_terkecil,
        sum(jumlah * nilai) / sum(jumlah) AS nilai_tertimbang,
        avg(nilai) AS nilai_rerata,
        sum(jumlah * kualifikasi) / sum(jumlah) AS kualifikasi_tertimbang,
        avg(kualifikasi) AS kualifikasi_rerata,
        sum(jumlah * kompetensi) / sum(jumlah) AS kompetensi_tertimbang,
        avg(kompetensi) AS kompetensi_rerata,
        sum(jumlah * kinerja) / sum(jumlah) AS kinerja_tertimbang,
        avg(kinerja) AS kinerja_rerata,
        sum(jumlah * disiplin) / sum(jumlah) AS disiplin_tertimbang,
        avg(disiplin) AS disiplin_rerata
    FROM per_jenis
    GROUP BY kota, tahun
),

bkn AS (
    SELECT
        *,
        CASE WHEN jenis_asn = 'ASN' THEN coalesce(cara_gabung, $tertimbang) END AS cara
    FROM stg_ip_asn_bkn
    WHERE list_contains($kota, kota) AND tahun BETWEEN $tahun_awal AND $tahun_akhir
)

SELECT
    b.kota,
    b.tahun,
    b.jenis_asn,
    b.cara AS cara_gabung,
    b.sumber,
    coalesce(p.jumlah, a.jumlah_terkecil, 0)::BIGINT AS jumlah_terkecil,
    b.nilai AS nilai_bkn,
    CASE WHEN b.cara = $rerata THEN a.nilai_rerata WHEN b.cara IS NOT NULL THEN a.nilai_tertimbang ELSE p.nilai END
        AS nilai_hitung,
    b.kualifikasi AS kualifikasi_bkn,
    CASE
        WHEN b.cara = $rerata THEN a.kualifikasi_rerata
        WHEN b.cara IS NOT NULL THEN a.kualifikasi_tertimbang
        ELSE p.kualifikasi
    END AS kualifikasi_hitung,
    b.kompetensi AS kompetensi_bkn,
    CASE
        WHEN b.cara = $rerata THEN a.kompetensi_rerata
        WHEN b.cara IS NOT NULL THEN a.kompetensi_tertimbang
        ELSE p.kompetensi
    END AS kompetensi_hitung,
    b.kinerja AS kinerja_bkn,
    CASE WHEN b.cara = $rerata THEN a.kinerja_rerata WHEN b.cara IS NOT NULL THEN a.kinerja_tertimbang ELSE p.kinerja END
        AS kinerja_hitung,
    b.disiplin AS disiplin_bkn,
    CASE
        WHEN b.cara = $rerata THEN a.disiplin_rerata
        WHEN b.cara IS NOT NULL THEN a.disiplin_tertimbang
        ELSE p.disiplin
    END AS disiplin_hitung
FROM bkn AS b
LEFT JOIN per_jenis AS p ON p.kota = b.kota AND p.tahun = b.tahun AND p.jenis_asn = b.jenis_asn
LEFT JOIN asn AS a ON a.kota = b.kota AND a.tahun = b.tahun AND b.jenis_asn = 'ASN'
ORDER BY b.kota, b.tahun, b.jenis_asn
