"""Texts of the frame (menu, sidebar, banners) and of the topic pages, Indonesian first."""

TEXT: dict[str, dict[str, str]] = {
    # Frame
    "app_title": {"id": "Pembinaan ASN Lintas Kota", "en": "Civil-servant development across cities"},
    "section_overview": {"id": "Gambaran umum", "en": "Overview"},
    "section_topics": {"id": "Topik", "en": "Topics"},
    "section_city": {"id": "Kota", "en": "City"},
    "page_ringkasan": {"id": "Ringkasan", "en": "Overview"},
    "page_partisipasi": {"id": "Partisipasi", "en": "Participation"},
    "page_anggaran": {"id": "Anggaran", "en": "Budget"},
    "page_kinerja": {"id": "Kinerja", "en": "Performance"},
    "page_umpan_balik": {"id": "Umpan balik", "en": "Feedback"},
    "page_profil": {"id": "Profil kota", "en": "City profile"},
    "filters": {"id": "Filter", "en": "Filters"},
    "yes": {"id": "ya", "en": "yes"},
    "no": {"id": "tidak", "en": "no"},
    "fmt_currency": {"id": "Rp", "en": "IDR"},
    "fmt_points": {"id": "poin", "en": "pts"},
    "f_kota": {"id": "Kota", "en": "Cities"},
    "f_tahun": {"id": "Tahun", "en": "Years"},
    "f_opd": {"id": "Perangkat daerah (OPD)", "en": "Agency (OPD)"},
    "f_jabatan": {"id": "Kategori jabatan", "en": "Position category"},
    "f_jenis_asn": {"id": "Jenis ASN", "en": "Civil-servant type"},
    "f_all": {"id": "Semua", "en": "All"},
    "language": {"id": "Bahasa", "en": "Language"},
    "synthetic_banner": {
        "id": "**Data sintetis untuk demonstrasi.** Angka di dasbor ini dibuat oleh program, bukan data "
        "pegawai sungguhan. Jangan dikutip sebagai kondisi kota.",
        "en": "**Synthetic demo data.** The numbers on this dashboard are generated, not real civil-servant "
        "records. Do not quote them as facts about the cities.",
    },
    "synthetic_short": {"id": "DATA SINTETIS", "en": "SYNTHETIC DATA"},
    "last_load": {"id": "Data dimuat: {when}", "en": "Data loaded: {when}"},
    "rows_rejected": {
        "id": "{n} baris sumber ditolak saat pemuatan.",
        "en": "{n} source rows were rejected at load.",
    },
    "warehouse_damaged": {
        "id": "Gudang data tidak dapat dibaca: berkasnya rusak. Admin dapat memulihkan salinan terakhir yang baik"
        " (halaman *Unggah data*, atau `python -m etl pulihkan`) atau memuat ulang semua data"
        " (`python -m etl load FOLDER --penuh`).",
        "en": "The warehouse cannot be read: its file is damaged. An admin can restore the last good copy (the"
        " *Upload data* page, or `python -m etl pulihkan`) or load all the data again"
        " (`python -m etl load FOLDER --penuh`).",
    },
    "warehouse_outdated": {
        "id": "Gudang data ini dibuat oleh versi aplikasi yang lebih lama, dan bentuknya sudah berubah. Admin perlu"
        " memuat ulang datanya: `python -m etl load FOLDER` (atau unggah lewat halaman *Unggah data*); untuk data"
        " contoh, hapus gudang data lalu jalankan `make run`.",
        "en": "This warehouse was made by an older version of the app, and its shape has changed. An admin needs to"
        " load the data again: `python -m etl load FOLDER` (or upload on the *Upload data* page); for the demo"
        " data, delete the warehouse and run `make run`.",
    },
    "no_warehouse": {
        "id": "Gudang data belum ada di `{path}`. Jalankan `make run` (membuat data contoh) atau "
        "`python -m etl load FOLDER`.",
        "en": "There is no warehouse at `{path}` yet. Run `make run` (builds demo data) or "
        "`python -m etl load FOLDER`.",
    },
    "no_kota": {
        "id": "Pilih setidaknya satu kota di panel kiri.",
        "en": "Choose at least one city in the left panel.",
    },
    "nothing_to_show": {
        "id": "Tidak ada data untuk ditampilkan: {why}",
        "en": "Nothing to show: {why}",
    },
    "why_filters": {
        "id": "tidak ada baris yang cocok dengan filter kota, tahun, OPD, jabatan dan jenis ASN yang dipilih.",
        "en": "no rows match the chosen cities, years, agency, position and type filters.",
    },
    "why_dataset": {
        "id": "data {dataset} belum dimuat untuk kota dan tahun ini.",
        "en": "no {dataset} data has been loaded for these cities and years.",
    },
    "see_data": {"id": "Lihat data", "en": "See the data"},
    "download_csv": {"id": "Unduh CSV", "en": "Download CSV"},
    "definition": {"id": "definisi", "en": "definition"},
    "people_filter_note": {
        "id": "Filter OPD, jabatan dan jenis ASN berlaku untuk angka pegawai; anggaran, biaya per JP dan IKM "
        "selalu untuk seluruh kota.",
        "en": "The agency, position and type filters apply to people figures; budget, cost per JP and IKM are "
        "always city-wide.",
    },
    "source": {"id": "Sumber: {what}", "en": "Source: {what}"},
    # Metrics
    "m_persen_20jp": {"id": "PNS mencapai 20 JP", "en": "PNS with 20 JP"},
    "m_jp_per_asn": {"id": "JP per ASN", "en": "JP per civil servant"},
    "m_realisasi": {"id": "Realisasi anggaran", "en": "Budget spent"},
    "m_persen_serapan": {"id": "Serapan anggaran", "en": "Budget absorption"},
    "m_biaya_per_jp": {"id": "Biaya per JP", "en": "Cost per JP"},
    "m_ikm": {"id": "IKM (mutu)", "en": "Satisfaction index (grade)"},
    "m_persen_sangat_baik": {"id": "Predikat Sangat Baik", "en": "Rated Sangat Baik"},
    "m_jumlah_asn": {"id": "Jumlah ASN", "en": "Civil servants"},
    "m_jumlah_pns": {"id": "Jumlah PNS", "en": "PNS"},
    "m_jumlah_peserta": {"id": "ASN yang mengikuti pengembangan", "en": "Civil servants trained"},
    "vs_prev": {"id": "dibanding {year}", "en": "vs {year}"},
    # Ringkasan
    "ringkasan_title": {"id": "Ringkasan {year}: kota berdampingan", "en": "Overview {year}: cities side by side"},
    "ringkasan_caption": {
        "id": "Tahun terakhir pada filter{arrows}. PNS wajib mendapat "
        "minimal 20 JP pengembangan kompetensi per tahun (PP 17/2020).",
        "en": "Latest year in the filter{arrows}. Every PNS must get at least "
        "20 JP of competency development a year (PP 17/2020).",
    },
    "ringkasan_arrows": {
        "id": "; panah pada kotak kota menunjukkan perubahan dibanding {prev}",
        "en": "; arrows on the city tiles show the change since {prev}",
    },
    "findings": {"id": "Temuan utama", "en": "Key findings"},
    "trends": {"id": "Tren", "en": "Trends"},
    "q_trend_20jp": {
        "id": "Apakah lebih banyak PNS mencapai 20 JP dari tahun ke tahun?",
        "en": "Are more PNS reaching 20 JP year after year?",
    },
    "c_trend_20jp": {
        "id": "Persentase PNS aktif yang memperoleh minimal 20 JP (jam pelajaran, 45 menit) dari kegiatan yang "
        "diluluskan pada tahun itu.",
        "en": "Share of active PNS who earned at least 20 JP (lesson hours of 45 minutes) from activities they "
        "passed that year.",
    },
    "q_trend_ikm": {
        "id": "Bagaimana kepuasan masyarakat (IKM) berkembang?",
        "en": "How is public satisfaction (IKM) developing?",
    },
    "c_trend_ikm": {
        "id": "Indeks Kepuasan Masyarakat, skala 25-100 (PermenPANRB 14/2017). Pita: A ≥ 88,31; B ≥ 76,61; "
        "C ≥ 65,00; D di bawahnya.",
        "en": "Public satisfaction index, 25-100 scale (PermenPANRB 14/2017). Bands: A ≥ 88.31; B ≥ 76.61; "
        "C ≥ 65.00; D below.",
    },
    "q_trend_serapan": {
        "id": "Berapa persen anggaran pengembangan yang terserap?",
        "en": "How much of the development budget was spent?",
    },
    "c_trend_serapan": {
        "id": "Realisasi dibagi pagu anggaran pengembangan kompetensi, semua kegiatan dan sumber dana.",
        "en": "Realised over planned competency-development budget, all activities and funds.",
    },
    "q_trend_biaya": {"id": "Berapa biaya satu JP?", "en": "What does one JP cost?"},
    "c_trend_biaya": {
        "id": "Biaya kegiatan yang diselenggarakan kota dibagi JP yang diperoleh peserta yang lulus.",
        "en": "Cost of the activities the city organised divided by the JP earned by participants who passed.",
    },
    # Findings
    "fd_20jp_range": {
        "id": "{low} memiliki persentase PNS mencapai 20 JP terendah, {low_value}, {gap} di bawah {high} "
        "({high_value}).",
        "en": "{low} has the lowest share of PNS reaching 20 JP, {low_value}, {gap} below {high} ({high_value}).",
    },
    "fd_20jp_change": {
        "id": "Perubahan terbesar dari {prev}: {kota} {change} ke {value}.",
        "en": "Largest change since {prev}: {kota} {change} to {value}.",
    },
    "fd_serapan_low": {
        "id": "Serapan anggaran terendah di {kota}: {value} dari pagu {pagu}.",
        "en": "Lowest budget absorption in {kota}: {value} of a {pagu} budget.",
    },
    "fd_biaya": {
        "id": "Biaya per JP di {high} ({high_value}) {ratio} kali biaya di {low} ({low_value}).",
        "en": "Cost per JP in {high} ({high_value}) is {ratio} times that in {low} ({low_value}).",
    },
    "fd_ikm": {
        "id": "IKM tertinggi di {high} ({high_value}, mutu {high_mutu}); terendah di {low} ({low_value}, "
        "mutu {low_mutu}).",
        "en": "Highest IKM in {high} ({high_value}, grade {high_mutu}); lowest in {low} ({low_value}, "
        "grade {low_mutu}).",
    },
    "fd_none": {
        "id": "Belum ada cukup data untuk menulis temuan pada pilihan ini.",
        "en": "There is not enough data to write findings for this selection.",
    },
    "up": {"id": "naik", "en": "rose"},
    "down": {"id": "turun", "en": "fell"},
    "points": {"id": "{value} poin", "en": "{value} points"},
    # Pages
    "page_definisi": {"id": "Definisi metrik", "en": "Metric definitions"},
    "latest_year_note": {"id": "Tahun {year}.", "en": "Year {year}."},
    "partisipasi_title": {"id": "Partisipasi pengembangan kompetensi", "en": "Participation in development"},
    "q_peserta": {
        "id": "Berapa ASN yang mengikuti pengembangan tiap tahun?",
        "en": "How many civil servants were trained each year?",
    },
    "c_peserta": {
        "id": "ASN aktif dengan minimal satu kegiatan berstatus lulus pada tahun itu.",
        "en": "Active civil servants who passed at least one activity that year.",
    },
    "q_jp_per_asn": {"id": "Berapa JP rata-rata per ASN?", "en": "How many JP per civil servant on average?"},
    "c_jp_per_asn": {
        "id": "Total JP yang diperoleh ASN aktif dibagi jumlah ASN aktif.",
        "en": "Total JP earned by active civil servants divided by their number.",
    },
    "q_jp_dist": {
        "id": "Berapa PNS yang masih di bawah 20 JP pada {year}?",
        "en": "How many PNS were still below 20 JP in {year}?",
    },
    "c_jp_dist": {
        "id": "Sebaran JP per PNS aktif; garis putus-putus = batas minimal 20 JP.",
        "en": "JP per active PNS; the dashed line is the 20 JP minimum.",
    },
    "jp_band": {"id": "Rentang JP", "en": "JP band"},
    "share_pns": {"id": "% PNS", "en": "% of PNS"},
    "q_compliance": {
        "id": "Siapa yang tertinggal dalam akses pengembangan pada {year}?",
        "en": "Who is left behind in access to development in {year}?",
    },
    "c_compliance": {
        "id": "Persentase PNS aktif mencapai 20 JP menurut {dimension}.",
        "en": "Share of active PNS reaching 20 JP by {dimension}.",
    },
    "c_compliance_asn": {
        "id": "Persentase ASN aktif (PNS dan PPPK) yang memperoleh minimal 20 JP. Kewajiban 20 JP hanya untuk PNS; PPPK maksimal 24 JP per tahun kontrak.",
        "en": "Share of active civil servants (PNS and PPPK) who earned at least 20 JP. The 20-JP duty applies to PNS only; PPPK get at most 24 JP per contract year.",
    },
    "breakdown": {"id": "Rincian menurut", "en": "Break down by"},
    "dim_opd": {"id": "OPD", "en": "agency"},
    "dim_kategori_jabatan": {"id": "kategori jabatan", "en": "position category"},
    "dim_golongan": {"id": "golongan", "en": "rank (golongan)"},
    "dim_jenis_kelamin": {"id": "jenis kelamin", "en": "gender"},
    "dim_jenis_asn": {"id": "jenis ASN", "en": "civil-servant type"},
    "dim_kelompok_usia": {"id": "kelompok usia", "en": "age band"},
    "q_mix": {"id": "Bagaimana campuran jenis kegiatan berubah?", "en": "How is the mix of activity types changing?"},
    "c_mix": {
        "id": "Bagian JP yang diperoleh peserta lulus menurut kelompok kegiatan, per kota penyelenggara.",
        "en": "Share of JP earned by passed participants by kind of activity, per organising city.",
    },
    "q_providers": {"id": "Siapa penyelenggara utama?", "en": "Who are the main providers?"},
    "c_providers": {
        "id": "Sepuluh penyelenggara dengan JP terbanyak pada tahun terpilih (JP x peserta lulus).",
        "en": "The ten providers delivering the most JP in the chosen years (JP x passed participants).",
    },
    "q_completion": {
        "id": "Berapa peserta yang lulus, tidak lulus atau tidak hadir?",
        "en": "How many participants passed, failed or did not show up?",
    },
    "c_completion": {
        "id": "Status peserta yang terdaftar pada kegiatan tiap tahun.",
        "en": "Status of enrolled participants per year.",
    },
    "lulus": {"id": "Lulus", "en": "Passed"},
    "tidak_lulus": {"id": "Tidak lulus", "en": "Failed"},
    "tidak_hadir": {"id": "Tidak hadir", "en": "No-show"},
    "anggaran_title": {"id": "Anggaran pengembangan kompetensi", "en": "Development budget"},
    "q_budget": {
        "id": "Berapa yang direncanakan (pagu) dan dibelanjakan (realisasi)?",
        "en": "How much was planned and spent?",
    },
    "c_budget": {
        "id": "Pagu dan realisasi anggaran pengembangan kompetensi, dengan persentase serapan di atas batang realisasi.",
        "en": "Planned and realised development budget, with absorption above the realised bar.",
    },
    "pagu": {"id": "Pagu", "en": "Planned"},
    "unit_miliar": {"id": "Rp miliar", "en": "IDR billion"},
    "realisasi": {"id": "Realisasi", "en": "Spent"},
    "q_budget_detail": {"id": "Ke mana anggaran {year} dialokasikan?", "en": "Where did the {year} budget go?"},
    "c_budget_detail": {
        "id": "Pagu dan realisasi menurut kegiatan dan sumber dana.",
        "en": "Planned and spent by activity and source of funds.",
    },
    "q_cost_kind": {
        "id": "Berapa biaya per JP dan per peserta menurut jenis kegiatan?",
        "en": "What does a JP and a participant cost by kind of activity?",
    },
    "c_cost_kind": {
        "id": "Biaya kegiatan dibagi JP yang diperoleh peserta lulus, pada tahun terpilih.",
        "en": "Activity cost divided by the JP earned by passed participants, chosen years.",
    },
    "q_apbd": {
        "id": "Berapa bagian APBD untuk pengembangan kompetensi?",
        "en": "What share of regional spending goes to development?",
    },
    "c_apbd": {
        "id": "Realisasi anggaran pengembangan dibagi belanja daerah. Garis putus-putus: 0,16% (anjuran Kemendagri untuk kota).",
        "en": "Development spending over regional spending. Dashed line: 0.16% (Kemendagri guidance for cities).",
    },
    "kinerja_title": {"id": "Kinerja ASN", "en": "Civil-servant performance"},
    "q_predikat": {
        "id": "Bagaimana sebaran predikat kinerja dari tahun ke tahun?",
        "en": "How are performance ratings distributed over the years?",
    },
    "c_predikat": {
        "id": "Predikat kinerja tahunan (PermenPANRB 6/2022), persentase pegawai yang dinilai.",
        "en": "Annual performance ratings (PermenPANRB 6/2022), share of staff rated.",
    },
    "q_predikat_opd": {
        "id": "OPD mana yang paling banyak pegawai di bawah ekspektasi pada {year}?",
        "en": "Which agencies have the most staff rated below expectations in {year}?",
    },
    "c_predikat_opd": {
        "id": "Sebaran predikat per OPD di {kota}, diurutkan menurut bagian di bawah Baik.",
        "en": "Ratings per agency in {kota}, sorted by the share below Baik.",
    },
    "q_special": {
        "id": "Berapa penghargaan, pasangan mentoring dan peserta coaching?",
        "en": "How many awards, mentoring pairs and coaching participants?",
    },
    "c_special": {
        "id": "Penghargaan menurut tahun; pasangan mentoring menurut tahun mulai dan kota mentee; peserta coaching yang lulus.",
        "en": "Awards by year; mentoring pairs by start year and mentee's city; passed coaching participants.",
    },
    "jumlah_penghargaan": {"id": "Penghargaan", "en": "Awards"},
    "pasangan_mentoring": {"id": "Pasangan mentoring", "en": "Mentoring pairs"},
    "peserta_coaching": {"id": "Peserta coaching", "en": "Coaching participants"},
    "umpan_balik_title": {"id": "Umpan balik peserta dan masyarakat", "en": "Participant and citizen feedback"},
    "q_reaction": {"id": "Bagaimana peserta menilai pelatihan?", "en": "How do participants rate the training?"},
    "c_reaction": {
        "id": "Rata-rata skor reaksi (1-5: materi, pengajar, penyelenggaraan, manfaat) menurut kelompok kegiatan.",
        "en": "Mean reaction score (1-5: content, trainer, organisation, usefulness) by kind of activity.",
    },
    "q_ikm_opd": {
        "id": "Unit layanan mana yang paling dan paling kurang memuaskan pada {year}?",
        "en": "Which service units satisfy citizens most and least in {year}?",
    },
    "q_ikm_penimbang": {
        "id": "IKM menurut penimbang yang dipakai laporan ({year})",
        "en": "IKM under the weights reports use ({year})",
    },
    "c_ikm_penimbang": {
        "id": "Jawaban yang sama memberi IKM berbeda menurut penimbang tiap unsur: 1/9 (rumus PermenPANRB 14/2017, "
        "tepat), 0,111 atau 0,11 (pembulatan yang tercetak di banyak laporan). Cocokkan dengan laporan Anda. "
        "Ubin dan mutu memakai penimbang {konvensi}.",
        "en": "The same answers give a different IKM depending on each element's weight: 1/9 (the PermenPANRB "
        "14/2017 formula, exact), 0.111 or 0.11 (roundings printed in many reports). Match it with your "
        "report. The tiles and grades use weight {konvensi}.",
    },
    "ikm_per_kota": {"id": "Per kota", "en": "Per city"},
    "ikm_per_opd": {"id": "Per unit layanan (OPD)", "en": "Per service unit (agency)"},
    "c_ikm_opd": {
        "id": "IKM per unit layanan (OPD) dengan mutu A-D.",
        "en": "IKM per service unit (agency) with its A-D grade.",
    },
    "q_unsur": {
        "id": "Unsur layanan mana yang paling lemah pada {year}?",
        "en": "Which service element is weakest in {year}?",
    },
    "c_unsur": {
        "id": "Nilai rata-rata tiap unsur (U1-U9) dikonversi ke skala 25-100; ▼ = unsur terendah di kota itu.",
        "en": "Mean of each element (U1-U9) converted to 25-100; ▼ = the city's weakest element.",
    },
    "weakest": {"id": "terendah", "en": "weakest"},
    # The nine unsur of PermenPANRB 14/2017 keep their Indonesian names in English too.
    "unsur_u1": {"id": "U1 Persyaratan", "en": "U1 Persyaratan"},
    "unsur_u2": {"id": "U2 Prosedur", "en": "U2 Prosedur"},
    "unsur_u3": {"id": "U3 Waktu", "en": "U3 Waktu"},
    "unsur_u4": {"id": "U4 Biaya/tarif", "en": "U4 Biaya/tarif"},
    "unsur_u5": {"id": "U5 Produk layanan", "en": "U5 Produk layanan"},
    "unsur_u6": {"id": "U6 Kompetensi pelaksana", "en": "U6 Kompetensi pelaksana"},
    "unsur_u7": {"id": "U7 Perilaku pelaksana", "en": "U7 Perilaku pelaksana"},
    "unsur_u8": {"id": "U8 Penanganan pengaduan", "en": "U8 Penanganan pengaduan"},
    "unsur_u9": {"id": "U9 Sarana prasarana", "en": "U9 Sarana prasarana"},
    "q_aspirasi": {"id": "Apa yang disampaikan masyarakat?", "en": "What are citizens saying?"},
    "c_aspirasi": {
        "id": "Aspirasi masyarakat menurut sentimen per tahun.",
        "en": "Citizen submissions by sentiment per year.",
    },
    "q_aspirasi_kategori": {"id": "Topik apa yang paling sering diangkat?", "en": "Which topics come up most?"},
    "c_aspirasi_kategori": {
        "id": "Jumlah aspirasi menurut kategori dan saluran pada tahun terpilih.",
        "en": "Submissions by category and channel in the chosen years.",
    },
    "profil_title": {"id": "Profil {kota}", "en": "{kota} profile"},
    "choose_city": {"id": "Pilih kota", "en": "Choose a city"},
    "q_profile": {
        "id": "Bagaimana {kota} dibanding rata-rata kota lain pada {year}?",
        "en": "How does {kota} compare with the other cities' average in {year}?",
    },
    "c_profile": {
        "id": "Rata-rata sederhana kota lain yang dipilih di filter.",
        "en": "Simple average of the other cities chosen in the filter.",
    },
    "metric": {"id": "Metrik", "en": "Metric"},
    "others_avg": {"id": "Rata-rata kota lain", "en": "Other cities' average"},
    "difference": {"id": "Selisih", "en": "Difference"},
    "q_opd_table": {"id": "OPD di {kota} pada {year}", "en": "Agencies of {kota} in {year}"},
    "c_opd_table": {
        "id": "Diurutkan menurut jumlah ASN. Persentase di bawah Baik = Butuh Perbaikan, Kurang, Sangat Kurang. "
        "Jumlah ASN = yang aktif pada 31 Desember; Dinilai = semua yang punya penilaian kinerja tahun itu, "
        "termasuk yang pensiun atau keluar sebelum akhir tahun, sehingga bisa sedikit melebihi Jumlah ASN.",
        "en": "Sorted by headcount. Below Baik = Butuh Perbaikan, Kurang, Sangat Kurang. Headcount = active on "
        "31 December; Rated = everyone with a performance appraisal for the year, including those who retired "
        "or left before the year ended, so it can be slightly above the headcount.",
    },
    "only_one_city": {
        "id": "Pilih minimal dua kota di filter untuk membandingkan.",
        "en": "Choose at least two cities in the filter to compare.",
    },
}
