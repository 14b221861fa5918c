-- kota_baris: the kota each loaded source row is about, so an upload can be checked against the kota its
-- sender administers. Rows without a kota column belong to the city of their employee (peserta, penilaian,
-- penghargaan, hukuman_disiplin, both people of a mentoring pair) or of their activity (umpan_balik_pelatihan).
-- Every dataset of the contract is here (tests/test_scoped_write.py checks it).
-- A rejected row that names a known kota counts too (a duplicate key settled for another file today could be taken up
-- by a later load). Grain: one row per source file, line and kota (a mentoring pair across two cities gives two).
-- Parameter: $files, the file labels to check (a workbook's sheets: 'name.xlsx [sheet]').
SELECT DISTINCT file, line, kota
FROM (
    SELECT _file AS file, _line AS line, kota FROM raw_kota
    UNION ALL SELECT _file, _line, kota FROM raw_apbd
    UNION ALL SELECT _file, _line, kota FROM raw_pegawai
    UNION ALL SELECT _file, _line, kota FROM raw_program
    UNION ALL SELECT _file, _line, kota FROM raw_anggaran
    UNION ALL SELECT _file, _line, kota FROM raw_survei_kepuasan
    UNION ALL SELECT _file, _line, kota FROM raw_aspirasi
    UNION ALL SELECT _file, _line, kota FROM raw_ip_asn_bkn
    UNION ALL SELECT _file, _line, kota FROM raw_target_kinerja
    UNION ALL SELECT x._file, x._line, p.kota FROM raw_peserta AS x JOIN raw_pegawai AS p USING (id_pegawai)
    UNION ALL SELECT x._file, x._line, p.kota FROM raw_penilaian_kinerja AS x JOIN raw_pegawai AS p USING (id_pegawai)
    UNION ALL SELECT x._file, x._line, p.kota FROM raw_penghargaan AS x JOIN raw_pegawai AS p USING (id_pegawai)
    UNION ALL SELECT x._file, x._line, p.kota FROM raw_hukuman_disiplin AS x JOIN raw_pegawai AS p USING (id_pegawai)
    UNION ALL
    SELECT x._file, x._line, p.kota
    FROM raw_mentoring AS x JOIN raw_pegawai AS p ON p.id_pegawai IN (x.id_mentor, x.id_mentee)
    UNION ALL
    SELECT x._file, x._line, p.kota FROM raw_umpan_balik_pelatihan AS x JOIN raw_program AS p USING (kode_program)
    UNION ALL
    SELECT r.file, r.line, k.kota
    FROM etl_rejects AS r JOIN raw_kota AS k ON lower(trim(r.raw_values ->> 'kota')) = lower(k.kota)
)
WHERE list_contains($files, file)
ORDER BY file, line, kota
