"""Texts of the meeting files for the nation or a province: many cities compared and none of them the reader's
(analytics.meeting_files.content.overview without a focus city). The sentences on how the cities spread and on a
province's kota together are the pages' own (analytics/texts/national.py); these are the files' frame around them."""

TEXT = {
    "nf_title": {
        "id": "Pembinaan ASN: {n} kota",
        "en": "Civil-servant development: {n} cities",
    },
    "nf_title_province": {
        "id": "Pembinaan ASN: {provinsi} di antara {n} kota",
        "en": "Civil-servant development: {provinsi} among {n} cities",
    },
    "nf_about": {
        "id": "Sebaran {n} kota pada {k} ukuran utama tahun {year}: median, separuh kota di tengah, terbaik dan"
        " tertinggal; provinsi dengan kotanya digabung.",
        "en": "How {n} cities spread on {k} headline measures in {year}: the median, the middle half, the best and"
        " the lagging; the provinces with their cities together.",
    },
    "nf_province_cities": {
        "id": "Kota di {provinsi} yang dibandingkan ({k}): {names}.",
        "en": "Cities of {provinsi} compared ({k}): {names}.",
    },
    "nf_province_table": {
        "id": "Kota di {provinsi}: peringkat di antara {n} kota, {year}",
        "en": "Cities of {provinsi}: their rank among {n} cities, {year}",
    },
    "nf_province_table_note": {
        "id": "Peringkat menurut {measure} di antara semua kota yang dibandingkan; 1 = terbaik.",
        "en": "Ranked on {measure} among every compared city; 1 = best.",
    },
    "nf_appendix": {
        "id": "Lampiran: {n} kota menurut peringkat, {year}",
        "en": "Appendix: the {n} cities ranked, {year}",
    },
    "nf_appendix_note": {
        "id": "Urut menurut {measure}; peringkat 1 = terbaik, kota tanpa nilai di akhir tanpa peringkat."
        " '<5': angka tentang kurang dari 5 orang disembunyikan.",
        "en": "Sorted by {measure}; rank 1 = best, a city without a value last, without a rank. '<5': a number about"
        " fewer than 5 people is hidden.",
    },
    "nf_part": {"id": "{title} ({i}/{n})", "en": "{title} ({i}/{n})"},
}
