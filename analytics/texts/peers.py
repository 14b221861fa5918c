"""Texts of the focus city and its peers: the sidebar choice, ranks, medians and the ranked table."""

TEXT = {
    "f_fokus": {"id": "Kota Anda", "en": "Your city"},
    "f_fokus_none": {"id": "Tidak ada (kota berdampingan)", "en": "None (cities side by side)"},
    "f_fokus_pick": {"id": "Pilih kota", "en": "Choose a city"},
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
    "st_rank": {"id": "{rank} dari {n}", "en": "{rank} of {n}"},
    "st_rank_head": {"id": "Peringkat", "en": "Rank"},
    "st_median": {"id": "Median kota pembanding", "en": "Median of compared cities"},
    "st_middle": {"id": "Separuh kota di tengah", "en": "Middle half of cities"},
    "st_best": {"id": "Terbaik", "en": "Best"},
    "st_lagging": {"id": "Tertinggal", "en": "Lagging"},
    "st_sentence": {
        "id": "{measure}: {kota} {value}, peringkat {rank}; median kota pembanding {median} (selisih {diff}).",
        "en": "{measure}: {kota} {value}, rank {rank}; median of compared cities {median} (difference {diff}).",
    },
    "st_tile_help": {
        "id": "Angka kecil di bawah nilai adalah selisih dengan median kota pembanding ({median}).",
        "en": "The small figure under the value is the difference from the median of compared cities ({median}).",
    },
    "st_focus_title": {"id": "{kota} di antara {n} kota", "en": "{kota} among {n} cities"},
    "st_focus_caption": {
        "id": "Peringkat 1 = terbaik (untuk biaya per JP: termurah). Angka kecil: selisih dengan median kota"
        " pembanding; hijau berarti lebih baik dari median.",
        "en": "Rank 1 = best (for cost per JP: the cheapest). Small figure: difference from the median of the"
        " compared cities; green means better than the median.",
    },
    "st_ranked_title": {"id": "Peringkat {n} kota, {year}", "en": "Ranking of {n} cities, {year}"},
    "st_sort": {"id": "Urutkan menurut", "en": "Sort by"},
    "st_search": {"id": "Cari kota atau provinsi", "en": "Search a city or province"},
    "st_search_hint": {"id": "misalnya Kalimantan", "en": "e.g. Kalimantan"},
    "st_ranked_caption": {
        "id": "Kota dengan nilai sama berbagi peringkat. Nilai yang hilang (–) tidak diberi peringkat.",
        "en": "Cities with the same value share a rank. A missing value (–) has no rank.",
    },
    "st_vs_median": {"id": "vs median", "en": "vs median"},
    "ringkasan_title_many": {
        "id": "Ringkasan {year}: {n} kota dibandingkan",
        "en": "Overview {year}: {n} cities compared",
    },
    "st_yours": {"id": "{kota} (kota Anda)", "en": "{kota} (your city)"},
    "st_pick_focus": {
        "id": "Dengan {n} kota dibandingkan, halaman ini merinci satu kota. Pilih **Kota Anda** di bawah ini (atau"
        " di panel samping).",
        "en": "With {n} cities compared, this page details one city. Choose **Your city** below (or in the side"
        " panel).",
    },
    "st_breakdown_note": {
        "id": "Rincian di halaman ini untuk {kota}; garis tren membandingkannya dengan {n} kota.",
        "en": "Breakdowns on this page are for {kota}; trend lines compare it with {n} cities.",
    },
    "st_profile_caption": {
        "id": "Nilai kota ini, peringkatnya di antara {n} kota, median dan separuh kota di tengah, serta kota"
        " terbaik dan tertinggal. Peringkat 1 = terbaik (untuk biaya per JP: termurah).",
        "en": "This city's value, its rank among {n} cities, the median and middle half of cities, and the best"
        " and lagging cities. Rank 1 = best (for cost per JP: the cheapest).",
    },
    "q_profile_many": {
        "id": "Di mana posisi {kota} di antara {n} kota pada {year}?",
        "en": "Where does {kota} stand among {n} cities in {year}?",
    },
    "x_many_file": {
        "id": "Tanpa Kota Anda, berkas memuat sebaran {n} kota dan peringkat provinsi (dengan provinsi yang disorot"
        " bila ada). Pilih **Kota Anda** di atas untuk berkas tentang kota Anda di antara mereka.",
        "en": "Without your city, the files show how the {n} cities spread and the provinces ranked (with the"
        " highlighted province, if any). Choose **Your city** above for a file about your city among them.",
    },
}
