-- people_filter: the condition every people query shares (not a model; query_sql puts it where a
-- query writes {people_filter}). Rows of the chosen kota, and of the chosen OPD, kategori jabatan and
-- jenis ASN when any are chosen (an empty list means all).
list_contains($kota, kota)
    AND (len($opd) = 0 OR list_contains($opd, opd))
    AND (len($kategori_jabatan) = 0 OR list_contains($kategori_jabatan, kategori_jabatan))
    AND (len($jenis_asn) = 0 OR list_contains($jenis_asn, jenis_asn))
