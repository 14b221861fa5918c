"""Texts of the chart text alternatives (analytics.present.charts.describe): one short summary under every chart, in
words a screen reader can read out."""

from __future__ import annotations

TEXT: dict[str, dict[str, str]] = {
    "ch_summary": {"id": "Ringkasan grafik: {text}", "en": "Chart summary: {text}"},
    "ch_for": {"id": " untuk {names}", "en": " for {names}"},
    "ch_lines": {"id": "Grafik garis{names}.", "en": "Line chart{names}."},
    "ch_bars": {"id": "Grafik batang{names}.", "en": "Bar chart{names}."},
    "ch_heatmap": {"id": "Tabel berwarna{names}.", "en": "Coloured table{names}."},
    "ch_points": {"id": "Grafik titik{names}.", "en": "Scatter chart{names}."},
    "ch_curves": {"id": "Kurva{names}.", "en": "Curves{names}."},
    "ch_intervals": {
        "id": "Selisih dengan selang kepercayaan 95%{names}.",
        "en": "Differences with 95% confidence intervals{names}.",
    },
    "ch_stacked": {
        "id": "Batang bertumpuk 100% dengan bagian {parts}.",
        "en": "100% stacked bars with the parts {parts}.",
    },
    "ch_range": {"id": "Tertinggi: {high}. Terendah: {low}.", "en": "Highest: {high}. Lowest: {low}."},
    "ch_one": {"id": "Nilai: {value}.", "en": "Value: {value}."},
    "ch_largest": {
        "id": "Bagian terbesar: {part} (di {n} dari {total} batang).",
        "en": "Largest part: {part} (in {n} of {total} bars).",
    },
    "ch_nothing": {"id": "Tidak ada nilai yang digambar.", "en": "No value is drawn."},
    "ch_hidden": {
        "id": '{n} nilai tentang kurang dari {k} orang tidak digambar (ditulis "<{k}" atau dibiarkan kosong).',
        "en": '{n} values about fewer than {k} people are not drawn (marked "<{k}" or left out).',
    },
    "ch_and": {"id": "dan", "en": "and"},
    "ch_other_cities": {"id": "Kota pembanding lain ({n})", "en": "Other compared cities ({n})"},
    "ch_quartiles": {"id": "Separuh kota di tengah (kuartil 1–3)", "en": "Middle half of cities (quartiles 1–3)"},
    "ch_peer_median": {"id": "Median kota pembanding", "en": "Median of compared cities"},
    "ch_context": {
        "id": "{n} kota pembanding lain digambar abu-abu sebagai latar.",
        "en": "{n} other compared cities are drawn in grey as background.",
    },
    "ch_more": {"id": "{n} lainnya", "en": "{n} more"},
}
