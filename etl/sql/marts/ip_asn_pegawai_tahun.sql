-- ip_asn_pegawai_tahun: the Indeks Profesionalitas ASN of one ASN in one year (PermenPANRB 38/2018, Peraturan
-- BKN 8/2019), for every active employee-year of int_pegawai_tahun, PNS and PPPK alike (jenis_asn tells them
-- apart: BKN reports them apart since 2023).
-- Grain: key (id_pegawai, tahun).
-- Points come from the tables of domain/ip_asn.py, read as the ipasn_* macros (etl.warehouse.ip_asn_macros):
-- poin_kualifikasi: pegawai.pendidikan's level (0 when empty or not a level the table knows);
-- poin_kompetensi: the items met by passed (status lulus) activities, by the post's kind (kategori_jabatan:
--   struktural, fungsional or pelaksana): leadership and functional training ever (up to the year), technical
--   training adding up to the item's JP in the year, seminar/workshop/kursus/magang in the year or the one before
--   (ipasn_butir_tahun); an activity's year is that of its tanggal_selesai, any organising city counts;
-- butir_kompetensi: the items that earned those points (sorted names of domain.ip_asn.BUTIR), for what is missing;
-- poin_kinerja: the year's predikat (0 when not rated that year);
-- poin_disiplin: the heaviest sanction of stg_hukuman_disiplin in force in the year (from its tmt's year to its
--   tanggal_selesai's, or without an end date ipasn_hukuman_tanpa_akhir() years), 5 points without one;
-- nilai_ip_asn: the sum of the four;
-- cpns: a PNS in the year of their tmt_masuk (domain.ip_asn.is_cpns), left out of the OPD and kota means.
-- Definitions: docs/metrics.md#ip-asn.
WITH butir_tahun AS (
    SELECT
        ps.id_pegawai,
        pr.tahun,
        ipasn_butir(pr.jenis) AS butir,
        sum(pr.jp) AS jp
    FROM stg_peserta AS ps
    INNER JOIN stg_program AS pr ON pr.kode_program = ps.kode_program
    WHERE ps.status = 'lulus' AND ipasn_butir(pr.jenis) IS NOT NULL
    GROUP BY ALL
),

pegawai_tahun AS (
    SELECT
        a.id_pegawai,
        a.tahun,
        a.kota,
        a.opd,
        a.jenis_asn,
        a.kategori_jabatan,
        p.pendidikan,
        a.jenis_asn = 'PNS' AND year(p.tmt_masuk) = a.tahun AS cpns
    FROM int_pegawai_tahun AS a
    INNER JOIN stg_pegawai AS p ON p.id_pegawai = a.id_pegawai
),

butir_dipenuhi AS (
    SELECT
        a.id_pegawai,
        a.tahun,
        b.butir
    FROM pegawai_tahun AS a
    INNER JOIN butir_tahun AS b
        ON
            b.id_pegawai = a.id_pegawai
            AND b.tahun <= a.tahun
            AND (ipasn_butir_tahun(b.butir) IS NULL OR b.tahun > a.tahun - ipasn_butir_tahun(b.butir))
    GROUP BY a.id_pegawai, a.tahun, b.butir
    HAVING sum(b.jp) >= ipasn_butir_jp(b.butir)
),

kompetensi AS (
    SELECT
        d.id_pegawai,
        d.tahun,
        sum(ipasn_kompetensi(ipasn_kelompok(a.kategori_jabatan), d.butir)) AS poin,
        list(d.butir ORDER BY d.butir) FILTER (WHERE ipasn_kompetensi(ipasn_kelompok(a.kategori_jabatan), d.butir) > 0)
            AS butir
    FROM butir_dipenuhi AS d
    INNER JOIN pegawai_tahun AS a ON a.id_pegawai = d.id_pegawai AND a.tahun = d.tahun
    GROUP BY d.id_pegawai, d.tahun
),

disiplin AS (
    SELECT
        a.id_pegawai,
        a.tahun,
        min(ipasn_disiplin(h.tingkat)) AS poin
    FROM pegawai_tahun AS a
    INNER JOIN stg_hukuman_disiplin AS h
        ON
            h.id_pegawai = a.id_pegawai
            AND h.tahun_tmt <= a.tahun
            AND coalesce(h.tahun_selesai, h.tahun_tmt + ipasn_hukuman_tanpa_akhir() - 1) >= a.tahun
    GROUP BY a.id_pegawai, a.tahun
),

poin AS (
    SELECT
        a.* EXCLUDE (pendidikan),
        ipasn_kualifikasi(a.pendidikan) AS poin_kualifikasi,
        coalesce(k.poin, 0)::DOUBLE AS poin_kompetensi,
        coalesce(k.butir, []::VARCHAR[]) AS butir_kompetensi,
        ipasn_kinerja(n.predikat) AS poin_kinerja,
        coalesce(d.poin, ipasn_disiplin(NULL::VARCHAR)) AS poin_disiplin
    FROM pegawai_tahun AS a
    LEFT JOIN kompetensi AS k ON k.id_pegawai = a.id_pegawai AND k.tahun = a.tahun
    LEFT JOIN stg_penilaian_kinerja AS n ON n.id_pegawai = a.id_pegawai AND n.tahun = a.tahun
    LEFT JOIN disiplin AS d ON d.id_pegawai = a.id_pegawai AND d.tahun = a.tahun
)

SELECT
    * EXCLUDE (cpns),
    poin_kualifikasi + poin_kompetensi + poin_kinerja + poin_disiplin AS nilai_ip_asn,
    cpns
FROM poin
