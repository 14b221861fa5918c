"""Texts of the focus city and its peers: the sidebar choice, ranks, medians and the ranked table."""

TEXT = {
    "f_fokus": {"id": "Kota Anda", "en": "Your city"},
    "f_fokus_none": {"id": "Tidak ada (kota berdampingan)", "en": "None (cities side by side)"},
    "f_fokus_help": {
        "id": "Kota yang Anda wakili: halaman menunjukkan posisinya di antara kota pembanding, dan rincian OPD"
        " untuk kota ini saat kota pembanding banyak.",
        "en": "The city you represent: pages show where it stands among its peers, and agency breakdowns for"
        " this city when many cities are compared.",
    },
    "f_banding": {"id": "Dibandingkan dengan", "en": "Compared with"},
    "grp_semua": {"id": "Semua kota", "en": "All cities"},
    "grp_provinsi": {"id": "Kota di provinsi yang sama", "en": "Cities in the same province"},
    "grp_ukuran": {"id": "Kota dengan jumlah ASN serupa", "en": "Cities with a similar workforce"},
    "grp_pilihan": {"id": "Pilih sendiri", "en": "Pick them yourself"},
    "size_kecil": {"id": "di bawah 3.000 ASN", "en": "under 3,000 ASN"},
    "size_sedang": {"id": "3.000–7.499 ASN", "en": "3,000–7,499 ASN"},
    "size_besar": {"id": "7.500–14.999 ASN", "en": "7,500–14,999 ASN"},
    "size_sangat_besar": {"id": "15.000 ASN atau lebih", "en": "15,000 ASN or more"},
    "peers_compared": {"id": "{n} kota dibandingkan", "en": "{n} cities compared"},
}
