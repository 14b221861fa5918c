-- Macros shared by marts and queries, so each official formula is written once.

-- IKM (PermenPANRB 14/2017) from the nine NRR: 25 x (sum of NRR) / 9, rounded to 2 decimals;
-- NULL unless all nine unsur have answers.
CREATE MACRO ikm_dari_nrr(jumlah_nrr, banyak_unsur) AS
    CASE WHEN banyak_unsur = 9 THEN round(25 * jumlah_nrr / 9, 2) END;

-- Mutu pelayanan from an IKM value: A 88.31-100, B 76.61-88.30, C 65.00-76.60, D 25.00-64.99.
CREATE MACRO mutu_ikm(ikm) AS
    CASE
        WHEN ikm >= 88.31 THEN 'A'
        WHEN ikm >= 76.61 THEN 'B'
        WHEN ikm >= 65.00 THEN 'C'
        WHEN ikm IS NOT NULL THEN 'D'
    END;
