-- pegawai_segmen_tahun: people metrics by segment, for filters and breakdowns.
-- Grain: one row per kota, tahun, opd, kategori_jabatan, jenis_asn, golongan, jenis_kelamin,
-- kelompok_usia (golongan is NULL for PPPK and part of the key). A row exists when the segment
-- has an active employee (int_pegawai_tahun) or an appraisal that year (stg_penilaian_kinerja).
-- Summed over all segments of a kota and tahun it equals ringkasan_kota_tahun (tested).
WITH aktif AS (
    SELECT
        kota, tahun, opd, kategori_jabatan, jenis_asn, golongan, jenis_kelamin, usia,
        1 AS asn,
        (jenis_asn = 'PNS')::INT AS pns,
        (jenis_asn = 'PNS' AND memenuhi_20jp)::INT AS pns_20jp,
        memenuhi_20jp::INT AS asn_20jp,
        jp,
        ikut_kegiatan::INT AS peserta,
        NULL::VARCHAR AS predikat
    FROM int_pegawai_tahun
),

dinilai AS (
    SELECT
        p.kota, n.tahun, p.opd, p.kategori_jabatan, p.jenis_asn, p.golongan, p.jenis_kelamin,
        n.tahun - p.tahun_lahir AS usia,
        0, 0, 0, 0, 0, 0,
        n.predikat
    FROM stg_penilaian_kinerja AS n
    INNER JOIN stg_pegawai AS p ON p.id_pegawai = n.id_pegawai
),

semua AS (
    SELECT * FROM aktif
    UNION ALL
    SELECT * FROM dinilai
)

SELECT
    kota,
    tahun,
    opd,
    kategori_jabatan,
    jenis_asn,
    golongan,
    jenis_kelamin,
    CASE WHEN usia < 30 THEN '< 30' WHEN usia < 40 THEN '30-39' WHEN usia < 50 THEN '40-49' ELSE '50+' END
        AS kelompok_usia,
    sum(asn)::BIGINT AS jumlah_asn,
    sum(pns)::BIGINT AS jumlah_pns,
    sum(pns_20jp)::BIGINT AS pns_memenuhi_20jp,
    sum(asn_20jp)::BIGINT AS asn_memenuhi_20jp,
    sum(jp)::BIGINT AS jp_total,
    sum(peserta)::BIGINT AS jumlah_peserta,
    count(predikat) AS jumlah_dinilai,
    count(*) FILTER (WHERE predikat = 'Sangat Baik') AS predikat_sangat_baik,
    count(*) FILTER (WHERE predikat = 'Baik') AS predikat_baik,
    count(*) FILTER (WHERE predikat = 'Butuh Perbaikan') AS predikat_butuh_perbaikan,
    count(*) FILTER (WHERE predikat = 'Kurang') AS predikat_kurang,
    count(*) FILTER (WHERE predikat = 'Sangat Kurang') AS predikat_sangat_kurang
FROM semua
GROUP BY ALL
ORDER BY ALL
