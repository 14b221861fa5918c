"""Texts of the national and province view: a topic or analysis page read without a focus city, many cities
compared (the distribution of the cities for the page's measures, and the provinces with their kota together)."""

TEXT = {
    "nat_pick": {
        "id": "Rincian per OPD, jabatan dan kegiatan ada untuk satu kota: pilih **Kota Anda**.",
        "en": "Breakdowns by agency, position and activity are for one city: choose **Your city**.",
    },
    "nat_breakdowns_wait": {
        "id": "Rincian per OPD, jabatan dan kegiatan tampil setelah Kota Anda dipilih (di atas atau di panel samping).",
        "en": "Breakdowns by agency, position and activity appear once Your city is chosen (above or in the side"
        " panel).",
    },
    "nat_province": {"id": "Sorot provinsi", "en": "Highlight a province"},
    "nat_province_none": {"id": "Tidak ada", "en": "None"},
    "nat_province_help": {
        "id": "Kota di provinsi ini digambar sebagai belah ketupat berwarna dengan namanya; garis putus-putus adalah"
        " nilai provinsi, semua kotanya digabung.",
        "en": "This province's cities are drawn as coloured diamonds with their names; the dashed line is the"
        " province's value, all its cities together.",
    },
    "nat_q": {
        "id": "{measure}: di mana posisi {n} kota pada {year}?",
        "en": "{measure}: where do the {n} cities stand in {year}?",
    },
    "nat_c": {
        "id": "Setiap titik satu kota. Garis tegak hitam: median; pita abu-abu: separuh kota di tengah (kuartil 1"
        " sampai kuartil 3).",
        "en": "Each dot is one city. Black vertical line: the median; grey band: the middle half of cities (first to"
        " third quartile).",
    },
    "nat_c_lower": {
        "id": " Untuk ukuran ini, nilai lebih rendah lebih baik.",
        "en": " For this measure, lower is better.",
    },
    "nat_sentence": {
        "id": "**{measure}** di {n} kota: median **{median}**, separuh kota di tengah antara {q1} dan {q3}."
        " Terbaik: {best}. Tertinggal: {lagging}.",
        "en": "**{measure}** across {n} cities: median **{median}**, the middle half of cities between {q1} and"
        " {q3}. Best: {best}. Lagging: {lagging}.",
    },
    "nat_named": {"id": "{kota} ({value})", "en": "{kota} ({value})"},
    "nat_rollup_sentence": {
        "id": "{provinsi}, {k} kotanya digabung: **{value}**, peringkat {rank} provinsi.",
        "en": "{provinsi}, its {k} cities together: **{value}**, rank {rank} provinces.",
    },
    "nat_median": {"id": "Median {value}", "en": "Median {value}"},
    "nat_q1": {"id": "Kuartil 1: {value}", "en": "1st quartile: {value}"},
    "nat_q3": {"id": "Kuartil 3: {value}", "en": "3rd quartile: {value}"},
    "nat_cities": {"id": "Kota", "en": "Cities"},
    "nat_cities_of": {"id": "Kota di {provinsi}", "en": "Cities in {provinsi}"},
    "nat_rollup": {"id": "{provinsi} digabung", "en": "{provinsi} together"},
    "nat_strip_text": {
        "id": "Diagram titik {n} kota untuk {measure}: median {median}, kuartil 1 {q1}, kuartil 3 {q3}. Terbaik:"
        " {best}. Tertinggal: {lagging}.",
        "en": "Dot plot of {n} cities for {measure}: median {median}, first quartile {q1}, third quartile {q3}."
        " Best: {best}. Lagging: {lagging}.",
    },
    "nat_strip_province": {
        "id": "Kota di {provinsi} ditandai belah ketupat; provinsi digabung: {value}.",
        "en": "Cities in {provinsi} are marked with diamonds; the province together: {value}.",
    },
    "nat_provinces_title": {
        "id": "Provinsi, kotanya digabung, {year}",
        "en": "Provinces, their cities together, {year}",
    },
    "nat_provinces_caption": {
        "id": "Nilai provinsi dihitung dari jumlah orang (dan rupiah) semua kotanya yang dibandingkan, bukan rata-rata"
        " persentase kota: kota besar berbobot lebih. Urut menurut {measure}; peringkat 1 = terbaik.",
        "en": "A province's value is computed from the people (and rupiah) of all its compared cities, not a mean"
        " of the cities' percentages: a large city weighs more. Sorted by {measure}; rank 1 = best.",
    },
    "nat_no_values": {
        "id": "tidak ada kota pembanding dengan nilai {measure} pada {year}.",
        "en": "no compared city has a value of {measure} in {year}.",
    },
    "nat_col_kota": {"id": "Kota dibandingkan", "en": "Cities compared"},
}
