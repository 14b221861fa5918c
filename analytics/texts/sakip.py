"""Texts of the SAKIP capaian page, its chart and its LKjIP workbook (issue 27, item 5)."""

TEXT = {
    "sk_page": {"id": "Capaian kinerja (SAKIP)", "en": "Performance achievement (SAKIP)"},
    "sk_title": {"id": "Capaian kinerja (SAKIP)", "en": "Performance achievement (SAKIP)"},
    "sk_intro": {
        "id": "Target indikator kinerja kota, realisasinya dan capaiannya seperti tabel LKjIP (Perpres 29/2014)."
        " Realisasi indikator yang dikenal dihitung dari data; indikator lain diisi pemerintah daerah di berkas"
        " target_kinerja.",
        "en": "The city's performance indicator targets, their realisation and achievement, as in the LKjIP table"
        " (Perpres 29/2014). The realisation of the indicators the product knows is computed from the data; other"
        " indicators are filled in by the local government in the target_kinerja file.",
    },
    "sk_year": {"id": "Tahun laporan", "en": "Reporting year"},
    "sk_no_targets": {
        "id": "belum ada target kinerja {kota} untuk {tahun}. Muat berkas target_kinerja (templatnya ada di halaman"
        " Unggah data).",
        "en": "there are no performance targets of {kota} for {tahun} yet. Load a target_kinerja file (its template"
        " is on the Upload data page).",
    },
    "sk_summary": {
        "id": "{kota} {tahun}: {met} dari {total} indikator mencapai target (capaian 100% atau lebih).",
        "en": "{kota} {tahun}: {met} of {total} indicators reached their target (achievement of 100% or more).",
    },
    "sk_missed": {
        "id": "Belum mencapai target: {names}.",
        "en": "Below target: {names}.",
    },
    "sk_no_realisasi": {
        "id": "Belum ada realisasi: {names}.",
        "en": "No realisation yet: {names}.",
    },
    "sk_table_title": {
        "id": "Tabel capaian kinerja {kota} tahun {tahun}",
        "en": "Performance achievement table of {kota}, {tahun}",
    },
    "sk_table_caption": {
        "id": "Susunan tabel LKjIP. Arah ↑ naik: makin tinggi makin baik, capaian = realisasi ÷ target × 100;"
        " ↓ turun: makin rendah makin baik, capaian = (2 × target − realisasi) ÷ target × 100. Kategori menurut"
        " skala {skala}.",
        "en": "LKjIP table layout. Direction ↑ up: higher is better, achievement = realisation ÷ target × 100;"
        " ↓ down: lower is better, achievement = (2 × target − realisation) ÷ target × 100. Categories on the"
        " scale {skala}.",
    },
    "sk_chart_title": {
        "id": "Seberapa dekat setiap indikator {kota} dengan targetnya pada {tahun}?",
        "en": "How close did each of {kota}'s indicators come to its target in {tahun}?",
    },
    "sk_chart_caption": {
        "id": "Capaian per indikator, dengan kategorinya ditulis di atas setiap batang. Garis tegas: target (100%);"
        " garis putus-putus: batas bawah kategori ({skala}).",
        "en": "Achievement per indicator, its category written above every bar. Solid line: the target (100%);"
        " dashed lines: the lower bound of each category ({skala}).",
    },
    "sk_axis": {"id": "Capaian (%)", "en": "Achievement (%)"},
    "sk_target_line": {"id": "Target", "en": "Target"},
    "sk_download": {"id": "Unduh tabel LKjIP (XLSX)", "en": "Download the LKjIP table (XLSX)"},
    "sk_people_note": {
        "id": "Realisasi dihitung untuk seluruh kota: filter OPD, jabatan dan jenis ASN tidak berlaku di halaman ini.",
        "en": "Realisations are city-wide: the agency, position and ASN type filters do not apply on this page.",
    },
    # LKjIP table columns (the page and the workbook)
    "sk_col_no": {"id": "No", "en": "No"},
    "sk_col_indikator": {"id": "Indikator kinerja", "en": "Performance indicator"},
    "sk_col_satuan": {"id": "Satuan", "en": "Unit"},
    "sk_col_target": {"id": "Target {tahun}", "en": "Target {tahun}"},
    "sk_col_realisasi": {"id": "Realisasi {tahun}", "en": "Realisation {tahun}"},
    "sk_col_capaian": {"id": "Capaian", "en": "Achievement"},
    "sk_col_kategori": {"id": "Kategori", "en": "Category"},
    "sk_col_realisasi_lalu": {"id": "Realisasi {tahun}", "en": "Realisation {tahun}"},
    "sk_col_target_renstra": {"id": "Target akhir Renstra", "en": "Renstra end target"},
    "sk_col_arah": {"id": "Arah", "en": "Direction"},
    "sk_col_sumber": {"id": "Sumber realisasi", "en": "Source of the realisation"},
    "sk_arah_naik": {"id": "↑ naik", "en": "↑ up"},
    "sk_arah_turun": {"id": "↓ turun", "en": "↓ down"},
    "sk_sumber_dihitung": {"id": "dihitung dari data", "en": "computed from the data"},
    "sk_sumber_diisi": {"id": "diisi pemerintah daerah", "en": "entered by the local government"},
    "sk_sumber_kosong": {"id": "belum ada", "en": "none yet"},
    # the LKjIP workbook
    "sk_xlsx_title": {
        "id": "Capaian Kinerja {kota} Tahun {tahun}",
        "en": "Performance Achievement of {kota}, {tahun}",
    },
    "sk_xlsx_scale": {"id": "Skala kategori capaian: {skala}.", "en": "Achievement categories: {skala}."},
    "sk_xlsx_formula": {
        "id": "Capaian = realisasi ÷ target × 100 (arah naik); (2 × target − realisasi) ÷ target × 100 (arah turun).",
        "en": "Achievement = realisation ÷ target × 100 (direction up); (2 × target − realisation) ÷ target × 100"
        " (direction down).",
    },
    "sk_xlsx_none": {
        "id": "Belum ada target kinerja untuk kota dan tahun ini.",
        "en": "No performance targets for this city and year yet.",
    },
    "sk_band_from": {"id": "{name} ≥ {bound}", "en": "{name} ≥ {bound}"},
    "sk_band_rest": {"id": "{name} di bawahnya", "en": "{name} below"},
}
