"""Texts of the meeting files (deck, report, handout, workbook), the export panel and presentation mode."""

from __future__ import annotations

TEXT: dict[str, dict[str, str]] = {
    # Title slide / cover
    "x_title_many": {
        "id": "Pembinaan ASN: {kota} di antara {n} kota",
        "en": "Civil-servant development: {kota} among {n} cities",
    },
    "x_median_of": {"id": "Median {n} kota", "en": "Median of {n} cities"},
    "x_title": {
        "id": "Pembinaan ASN: {kota}",
        "en": "Civil-servant development: {kota}",
    },
    "x_period": {"id": "Periode {start}–{end}", "en": "Period {start}–{end}"},
    "x_data_date": {"id": "Data per {when}", "en": "Data as of {when}"},
    "x_people_filter": {
        "id": "Filter pegawai: {what}.",
        "en": "People filter: {what}.",
    },
    "x_synthetic": {
        "id": "DATA SINTETIS untuk demonstrasi: angka dibuat oleh program, bukan data pegawai sungguhan. "
        "Jangan dikutip sebagai kondisi kota.",
        "en": "SYNTHETIC DEMO DATA: the numbers are generated, not real civil-servant records. "
        "Do not quote them as facts about the cities.",
    },
    "x_contents": {"id": "Isi", "en": "Contents"},
    "x_appendix": {"id": "Lampiran: angka {year}", "en": "Appendix: the {year} figures"},
    "x_appendix_note": {
        "id": "Angka di balik setiap grafik ada di buku kerja XLSX (satu lembar per grafik).",
        "en": "The numbers behind every chart are in the XLSX workbook (one sheet per chart).",
    },
    "x_info_sheet": {"id": "Keterangan", "en": "About"},
    # Sources (datasets of the input contract, then the warehouse table)
    "x_source": {
        "id": "Sumber: {datasets}; gudang data ASN, dimuat {when}.",
        "en": "Source: {datasets}; ASN warehouse, loaded {when}.",
    },
    "x_source_synthetic": {"id": " Data sintetis.", "en": " Synthetic data."},
    # Charts of the deck
    "x_q_compliance_opd": {
        "id": "OPD mana yang paling tertinggal dalam 20 JP pada {year}?",
        "en": "Which agencies lag furthest behind on 20 JP in {year}?",
    },
    "x_c_compliance_opd": {
        "id": "Persentase PNS aktif mencapai 20 JP; {n} OPD dengan rata-rata terendah (semua OPD ada di data).",
        "en": "Share of active PNS reaching 20 JP; the {n} agencies with the lowest average (all agencies are "
        "in the data).",
    },
    # Takeaways: one line, written from the numbers
    "tk_rank": {
        "id": "{year}: tertinggi {high} ({high_value}), terendah {low} ({low_value}).",
        "en": "{year}: highest {high} ({high_value}), lowest {low} ({low_value}).",
    },
    "tk_single": {
        "id": "{year}: {kota} {value}.",
        "en": "{year}: {kota} {value}.",
    },
    "tk_single_change": {
        "id": "{year}: {kota} {value} ({change} dibanding {prev}).",
        "en": "{year}: {kota} {value} ({change} since {prev}).",
    },
    "tk_below20": {
        "id": "{year}: PNS di bawah 20 JP terbanyak di {high} ({high_value}), paling sedikit di {low} ({low_value}).",
        "en": "{year}: most PNS below 20 JP in {high} ({high_value}), fewest in {low} ({low_value}).",
    },
    "tk_below20_one": {
        "id": "{year}: {value} PNS {kota} masih di bawah 20 JP.",
        "en": "{year}: {value} of PNS in {kota} are still below 20 JP.",
    },
    "tk_opd_low": {
        "id": "Terendah: {opd} di {kota}, {value} PNS mencapai 20 JP.",
        "en": "Lowest: {opd} in {kota}, {value} of PNS reach 20 JP.",
    },
    "tk_predikat": {
        "id": "{year}: bagian di bawah Baik tertinggi di {high} ({high_value}), terendah di {low} ({low_value}).",
        "en": "{year}: the share below Baik is highest in {high} ({high_value}), lowest in {low} ({low_value}).",
    },
    "tk_predikat_one": {
        "id": "{year}: {value} pegawai {kota} dinilai di bawah Baik.",
        "en": "{year}: {value} of staff in {kota} rated below Baik.",
    },
    "tk_none": {"id": "Belum ada data untuk pilihan ini.", "en": "No data for this selection yet."},
    # Export panel
    "x_panel": {"id": "Bawa ke rapat", "en": "Take to the meeting"},
    "x_panel_caption": {
        "id": "Berkas dari ringkasan dengan filter dan bahasa yang dipilih; dibuat saat tombol diklik.",
        "en": "Files of the overview with the chosen filters and language; built when you click.",
    },
    "x_pptx": {"id": "Slide PowerPoint (PPTX)", "en": "PowerPoint deck (PPTX)"},
    "x_pdf": {"id": "Laporan PDF (A4)", "en": "PDF report (A4)"},
    "x_html": {"id": "Handout HTML (offline)", "en": "HTML handout (offline)"},
    "x_xlsx": {"id": "Data Excel (XLSX)", "en": "Data workbook (XLSX)"},
    "x_csv": {"id": "Data CSV (ZIP)", "en": "Data as CSV (ZIP)"},
    "x_png": {"id": "Gambar grafik PNG (ZIP)", "en": "Chart images PNG (ZIP)"},
    "x_no_chromium": {
        "id": "Chromium tidak terpasang di server ini, jadi slide, PDF dan gambar PNG belum bisa dibuat; CSV, "
        "XLSX dan HTML tetap tersedia.",
        "en": "Chromium is not installed on this server, so the deck, PDF and PNG images cannot be made; CSV, "
        "XLSX and HTML are still available.",
    },
    "x_highlighted": {"id": "Disorot: **{kota}**", "en": "Highlighted: **{kota}**"},
    # Presentation mode
    "page_presentasi": {"id": "Mode presentasi", "en": "Presentation mode"},
    "x_prev": {"id": "Sebelumnya", "en": "Previous"},
    "x_next": {"id": "Berikutnya", "en": "Next"},
    "x_slide_of": {"id": "{n} / {total}", "en": "{n} / {total}"},
    "x_finding_n": {"id": "Temuan {n} dari {total}", "en": "Finding {n} of {total}"},
    "x_back": {"id": "Kembali ke ringkasan", "en": "Back to the overview"},
}
