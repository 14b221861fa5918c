"""Texts of the map of the kota compared (analytics.present.charts.map, on Ringkasan)."""

from __future__ import annotations

TEXT: dict[str, dict[str, str]] = {
    "map_title": {"id": "Peta {n} kota: {measure}, {year}", "en": "Map of {n} cities: {measure}, {year}"},
    "map_caption": {
        "id": "Setiap titik adalah satu kota. Warna dan ukuran titik menunjukkan nilai yang sama: makin gelap dan makin besar, makin baik. Lingkaran kosong abu-abu: tanpa nilai. Setiap nilai juga tertulis di tabel peringkat di bawah peta.",
        "en": "Each dot is one city. Its colour and its size show the same value: the darker and larger, the better. Empty grey circles: no value. Every value is also written in the ranking table below the map.",
    },
    "map_scale": {"id": "{measure} (gelap = lebih baik)", "en": "{measure} (dark = better)"},
    "map_no_value": {"id": "Tanpa nilai (<5 atau tidak ada data)", "en": "No value (<5 or no data)"},
    "map_with_value": {"id": "Kota dengan nilai", "en": "Cities with a value"},
    "map_yours": {"id": "Kota Anda", "en": "Your city"},
    "map_summary": {
        "id": "Peta Indonesia dengan {n} kota pembanding, diwarnai menurut {measure} (makin gelap makin baik).",
        "en": "Map of Indonesia with {n} compared cities, coloured by {measure} (darker is better).",
    },
    "map_focus": {"id": "Kota Anda, {kota}: {value}.", "en": "Your city, {kota}: {value}."},
    "map_focus_none": {"id": "Kota Anda, {kota}: tanpa nilai.", "en": "Your city, {kota}: no value."},
    "map_missing": {
        "id": '{n} kota tanpa nilai digambar sebagai lingkaran kosong abu-abu ("<5" atau tidak ada data).',
        "en": '{n} cities without a value are drawn as empty grey circles ("<5" or no data).',
    },
    "map_unplaced": {
        "id": "{n} kota tidak ada di peta karena letaknya belum tercatat: {names}.",
        "en": "{n} cities are not on the map because their location is not recorded: {names}.",
    },
    "map_sources": {
        "id": "Garis pantai: Natural Earth (domain publik). Letak kota: GeoNames (CC BY 4.0).",
        "en": "Coastlines: Natural Earth (public domain). City locations: GeoNames (CC BY 4.0).",
    },
}
