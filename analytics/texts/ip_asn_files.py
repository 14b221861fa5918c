"""Texts of the IP ASN section of the meeting files (issue 27, item 2; analytics.meeting_files.content): its title
with a focus city among many, its caption and the rows of a focus city's table. The column headings and the
sentence on where the focus city stands are the IP ASN page's (analytics/texts/ip_asn.py)."""

TEXT = {
    "if_title_many": {
        "id": "IP ASN {kota} di antara {n} kota, {year}",
        "en": "IP ASN of {kota} among {n} cities, {year}",
    },
    "if_caption": {
        "id": "Hitungan dari data yang dimuat, bukan angka resmi BKN; CPNS tidak dihitung. Gabungan tertimbang: menurut"
        " jumlah pegawai; rata-rata: rata-rata biasa angka PNS dan PPPK. Kategori: {bands}.",
        "en": "Computed from the loaded data, not BKN's official figure; CPNS left out. Combined weighted: by headcount;"
        " plain mean: of the PNS and PPPK figures. Category: {bands}.",
    },
    "if_band_from": {"id": "{band} ≥ {lower}", "en": "{band} ≥ {lower}"},
    "if_band_below": {"id": "{band} < {upper}", "en": "{band} < {upper}"},
    "if_people_note": {
        "id": "Filter OPD, jabatan dan jenis ASN tidak berlaku: BKN mengukur instansi utuh.",
        "en": "The OPD, position and ASN-type filters do not apply: BKN measures an agency whole.",
    },
    "if_col_jumlah": {"id": "PNS / PPPK diukur (orang)", "en": "PNS / PPPK measured (people)"},
    "if_rank_row": {"id": "Peringkat {kota}", "en": "Rank of {kota}"},
}
