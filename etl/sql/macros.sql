-- Macros shared by marts and queries, so each official formula is written once. The constants they use
-- (jp_minimum(), apbd_floor(), ikm_unsur(), ikm_skala(), mutu_batas(m), penimbang(nama), ikm_konvensi()) are
-- made from the domain package just before this file runs (etl.warehouse.domain_macros).

-- IKM (PermenPANRB 14/2017) from the nine NRR under a convention (penimbang(nama): NULL for the exact 1/9,
-- else the rounded weight a report prints): 25 x (sum of NRR) x weight, rounded to 2 decimals;
-- NULL unless all nine unsur have answers.
CREATE MACRO ikm_penimbang(jumlah_nrr, banyak_unsur, nama) AS
    CASE WHEN banyak_unsur = ikm_unsur() THEN round(
        CASE WHEN penimbang(nama) IS NULL THEN ikm_skala() * jumlah_nrr / ikm_unsur()
            ELSE ikm_skala() * jumlah_nrr * penimbang(nama) END, 2) END;

-- The IKM the dashboard shows (tiles, mutu): under the deployment's convention, ikm_konvensi()
-- ($ASN_IKM_PENIMBANG when the warehouse was built; the exact 1/9 by default).
CREATE MACRO ikm_dari_nrr(jumlah_nrr, banyak_unsur) AS ikm_penimbang(jumlah_nrr, banyak_unsur, ikm_konvensi());

-- Mutu pelayanan from an IKM value: A 88.31-100, B 76.61-88.30, C 65.00-76.60, D 25.00-64.99.
CREATE MACRO mutu_ikm(ikm) AS
    CASE
        WHEN ikm >= mutu_batas('A') THEN 'A'
        WHEN ikm >= mutu_batas('B') THEN 'B'
        WHEN ikm >= mutu_batas('C') THEN 'C'
        WHEN ikm IS NOT NULL THEN 'D'
    END;

-- The headline ratios of the scorecard (docs/metrics.md), each written once for the marts and the queries:
-- NULL where the denominator is 0 or missing. A share is 0-100.
CREATE MACRO persen_20jp(memenuhi, pns) AS 100.0 * memenuhi / nullif(pns, 0);
CREATE MACRO jp_per_asn(jp, asn) AS jp / nullif(asn, 0);
CREATE MACRO persen_serapan(terserap, dianggarkan) AS 100.0 * terserap / nullif(dianggarkan, 0);
CREATE MACRO biaya_per_jp(biaya_dicatat, jp_lulus_berbiaya) AS biaya_dicatat / nullif(jp_lulus_berbiaya, 0);
CREATE MACRO persen_sangat_baik(sangat_baik, dinilai) AS 100.0 * sangat_baik / nullif(dinilai, 0);
