"""Texts of the analysis pages (gap and equity, what-if, does development pay off), Indonesian first."""

TEXT: dict[str, dict[str, str]] = {
    # Navigation
    "an_section": {"id": "Analisis", "en": "Analysis"},
    "an_page_kesenjangan": {"id": "Kesenjangan 20 JP", "en": "The 20-JP gap"},
    "an_page_simulasi": {"id": "Simulasi anggaran", "en": "Budget what-if"},
    "an_page_dampak": {"id": "Dampak pada kinerja", "en": "Effect on performance"},
    "an_page_hasil": {"id": "Hasil belajar dan layanan", "en": "Learning and service"},
    # Shared
    "an_association": {
        "id": "**Ini asosiasi, bukan bukti sebab-akibat.** Angka di halaman ini membandingkan kelompok "
        "pegawai dalam data pengamatan: yang dilatih atau dibina bisa saja berbeda dari pembandingnya "
        "dalam hal lain (motivasi, atasan, tugas). Jumlah orang di balik setiap angka ditampilkan; "
        "rentang = interval kepercayaan 95%.",
        "en": "**These are associations, not proof of cause.** The numbers on this page compare groups of "
        "employees in observational data: those trained or coached may differ from their comparison group "
        "in other ways (motivation, supervisor, duties). The number of people behind each figure is shown; "
        "ranges are 95% confidence intervals.",
    },
    "an_points_n": {"id": "{value} (n = {n})", "en": "{value} (n = {n})"},
    "an_no_data": {
        "id": "belum ada data yang cukup untuk analisis ini pada pilihan kota dan tahun.",
        "en": "there is not enough data for this analysis in the chosen cities and years.",
    },
    "an_city_wide": {
        "id": "Angka seluruh PNS kota; filter OPD, jabatan dan jenis ASN tidak berlaku di sini.",
        "en": "City-wide figures for all PNS; the agency, position and type filters do not apply here.",
    },
    # Page: kesenjangan
    "an_kesenjangan_title": {"id": "Kesenjangan 20 JP dan pemerataan", "en": "The 20-JP gap and equity"},
    "an_q_gap_cost": {
        "id": "Berapa JP yang masih kurang pada {year}, dan berapa biaya menutupnya?",
        "en": "How many JP were still missing in {year}, and what would closing the gap cost?",
    },
    "an_c_gap_cost": {
        "id": "Kekurangan JP = jumlah (20 − JP) atas PNS aktif di bawah 20 JP; biaya = kekurangan × biaya per "
        "JP kota tahun itu.",
        "en": "Missing JP = sum of (20 − JP) over active PNS below 20 JP; cost = missing JP × the city's cost "
        "per JP that year.",
    },
    "an_gap_label": {"id": "{cost} untuk {jp} JP", "en": "{cost} for {jp} JP"},
    "an_q_floor": {
        "id": "Apakah belanja pengembangan mencapai 0,16% APBD pada {year}?",
        "en": "Did development spending reach 0.16% of APBD in {year}?",
    },
    "an_c_floor": {
        "id": "Selisih realisasi terhadap 0,16% belanja daerah (anjuran Kemendagri untuk kabupaten/kota). "
        "Negatif = di bawah anjuran.",
        "en": "Spending minus 0.16% of regional spending (Kemendagri guidance for regencies/cities). "
        "Negative = below the guidance.",
    },
    "an_floor_label": {"id": "{diff} ({share} APBD)", "en": "{diff} ({share} of APBD)"},
    "an_selisih_axis": {"id": "Selisih terhadap 0,16% APBD", "en": "Difference from 0.16% of APBD"},
    "an_q_gini": {
        "id": "Seberapa merata JP terbagi di antara PNS?",
        "en": "How evenly are JP shared among PNS?",
    },
    "an_c_gini": {
        "id": "Koefisien Gini JP di antara PNS aktif: 0 = semua memperoleh JP sama, mendekati 1 = JP "
        "terkumpul pada sedikit orang.",
        "en": "Gini coefficient of JP among active PNS: 0 = everyone earned the same, close to 1 = JP "
        "concentrated in a few people.",
    },
    "an_q_lorenz": {
        "id": "Berapa bagian JP yang diterima PNS dengan JP paling sedikit pada {year}?",
        "en": "What share of JP went to the PNS with the fewest JP in {year}?",
    },
    "an_c_lorenz": {
        "id": "Kurva Lorenz: PNS diurutkan dari JP terkecil; makin jauh kurva dari diagonal, makin timpang. "
        "Angka di legenda = Gini.",
        "en": "Lorenz curve: PNS ordered from fewest JP; the further the curve from the diagonal, the more "
        "unequal. Legend figures = Gini.",
    },
    "an_equality": {"id": "Merata sempurna", "en": "Perfect equality"},
    "an_q_opd_low": {
        "id": "OPD mana yang paling jauh di bawah 20 JP di {kota} pada {year}?",
        "en": "Which agencies of {kota} were furthest below 20 JP in {year}?",
    },
    "an_c_opd_low": {
        "id": "Sepuluh OPD dengan persentase PNS mencapai 20 JP terendah; label: persentase, perubahan sejak "
        "{start}, dan JP yang masih kurang.",
        "en": "The ten agencies with the lowest share of PNS reaching 20 JP; labels: share, change since "
        "{start}, and JP still missing.",
    },
    "an_opd_label": {"id": "{share} ({change}; kurang {jp} JP)", "en": "{share} ({change}; {jp} JP missing)"},
    "an_q_opd_trend": {
        "id": "Apakah OPD yang tertinggal mengejar?",
        "en": "Are the agencies that lag behind catching up?",
    },
    "an_c_opd_trend": {
        "id": "Persentase PNS mencapai 20 JP per tahun pada lima OPD terendah di {kota}; garis putus-putus = "
        "seluruh PNS kota pada {year}.",
        "en": "Share of PNS reaching 20 JP per year in the five lowest agencies of {kota}; dashed line = "
        "all the city's PNS in {year}.",
    },
    "an_city_average": {"id": "Seluruh kota", "en": "Whole city"},
    "an_q_groups": {
        "id": "Kelompok mana yang tertinggal pada {year}?",
        "en": "Which groups are left behind in {year}?",
    },
    "an_c_groups": {
        "id": "Persentase PNS aktif mencapai 20 JP menurut {dimension}.",
        "en": "Share of active PNS reaching 20 JP by {dimension}.",
    },
    # Page: simulasi
    "an_simulasi_title": {"id": "Simulasi anggaran dan campuran kegiatan", "en": "Budget and activity-mix what-if"},
    "an_sim_intro": {
        "id": "Ubah anggaran kegiatan dan campuran jenis kegiatan; setiap jenis dihitung dengan biaya per JP "
        "yang teramati di {kota} pada {year}.",
        "en": "Change the activity budget and the mix of activity types; each type is costed at the cost per "
        "JP observed in {kota} in {year}.",
    },
    "an_sim_budget": {"id": "Perubahan anggaran kegiatan (%)", "en": "Change of the activity budget (%)"},
    "an_sim_mix": {
        "id": "Campuran JP menurut jenis kegiatan (bobot, dinormalkan ke 100%)",
        "en": "Mix of JP by kind of activity (weights, normalised to 100%)",
    },
    "an_sim_order": {"id": "JP tambahan diberikan lebih dulu kepada", "en": "Extra JP go first to"},
    "an_order_terdekat": {
        "id": "PNS yang paling dekat ke 20 JP (paling banyak PNS tercapai)",
        "en": "PNS closest to 20 JP (most PNS reach it)",
    },
    "an_order_terjauh": {
        "id": "PNS yang paling jauh dari 20 JP (pemerataan dulu)",
        "en": "PNS furthest from 20 JP (equity first)",
    },
    "an_sim_assumptions": {
        "id": "**Asumsi.** (1) JP yang dapat dibeli = anggaran ÷ biaya per JP campuran (rata-rata biaya per "
        "JP tiap jenis, ditimbang campuran). (2) Seluruh JP tambahan diterima PNS yang masih di bawah 20 JP, "
        "satu orang sampai 20 JP lalu orang berikutnya, dalam urutan yang dipilih; ini batas atas, karena "
        "sebagian JP nyata juga diterima PPPK atau PNS yang sudah 20 JP. (3) Bila JP berkurang, jumlah PNS "
        "yang mencapai 20 JP turun dengan proporsi yang sama dengan JP. (4) Biaya per JP dianggap tetap "
        "berapa pun volumenya.",
        "en": "**Assumptions.** (1) JP bought = budget ÷ blended cost per JP (each kind's cost per JP, "
        "weighted by the mix). (2) All extra JP go to PNS still below 20 JP, one person up to 20 JP, then the "
        "next, in the chosen order; this is an upper bound, as some real JP also go to PPPK or PNS already "
        "at 20 JP. (3) When JP fall, the number of PNS reaching 20 JP falls in the same proportion as the "
        "JP. (4) The cost per JP is taken as constant at any volume.",
    },
    "an_today": {"id": "Saat ini", "en": "Today"},
    "an_scenario": {"id": "Skenario", "en": "Scenario"},
    "an_m_biaya": {"id": "Biaya kegiatan", "en": "Activity cost"},
    "an_m_jp": {"id": "JP diberikan", "en": "JP delivered"},
    "an_m_persen": {"id": "PNS mencapai 20 JP", "en": "PNS reaching 20 JP"},
    "an_m_biaya_jp": {"id": "Biaya per JP", "en": "Cost per JP"},
    "an_unbounded": {"id": "tidak dibatasi biaya", "en": "not bounded by cost"},
    "an_q_kinds": {
        "id": "Berapa biaya satu JP menurut jenis kegiatan di {kota} pada {year}?",
        "en": "What does one JP cost by kind of activity in {kota} in {year}?",
    },
    "an_kinds_missing": {
        "id": "Jenis tanpa JP teramati pada tahun itu tidak dapat dipilih: {kinds}.",
        "en": "Kinds without observed JP that year cannot be chosen: {kinds}.",
    },
    "an_q_curve": {
        "id": "Berapa PNS yang mencapai 20 JP bila anggaran berubah?",
        "en": "How many PNS reach 20 JP as the budget changes?",
    },
    "an_c_curve": {
        "id": "Proyeksi dengan campuran dan urutan yang dipilih, untuk perubahan anggaran −50% sampai +100%.",
        "en": "Projection with the chosen mix and order, for budget changes from −50% to +100%.",
    },
    "an_chosen": {"id": "pilihan", "en": "chosen"},
    "an_budget_axis": {"id": "Perubahan anggaran", "en": "Change of budget"},
    "an_close_gap": {
        "id": "Menutup seluruh kekurangan ({jp} JP) dengan campuran skenario ≈ {cost}.",
        "en": "Closing the whole gap ({jp} JP) with the scenario's mix ≈ {cost}.",
    },
    "an_share_today": {"id": "% JP saat ini", "en": "% of JP today"},
    "an_share_scenario": {"id": "% JP skenario", "en": "% of JP in scenario"},
    # Page: dampak (performance)
    "an_dampak_title": {
        "id": "Apakah pengembangan berdampak pada kinerja?",
        "en": "Does development pay off in performance?",
    },
    "an_q_did": {
        "id": "Apakah pegawai yang dilatih lebih sering naik predikat?",
        "en": "Do trained employees improve their rating more often?",
    },
    "an_c_did": {
        "id": "Selisih-dalam-selisih: persentase yang predikatnya naik dari tahun t−1 ke t+1 pada pegawai "
        "yang dilatih di tahun t, dikurangi persentase pada pembanding yang tidak dilatih (kota, kategori "
        "jabatan dan predikat awal sama). Titik = selisih dalam poin; garis = interval 95%.",
        "en": "Difference-in-differences: the share whose rating improved from year t−1 to t+1 among "
        "employees trained in year t, minus the share among comparable employees not trained (same city, "
        "position category and starting rating). Dot = difference in points; line = 95% interval.",
    },
    "an_did_threshold": {"id": "Dihitung dilatih bila memperoleh", "en": "Count as trained when earning"},
    "an_threshold_1": {"id": "minimal 1 JP", "en": "at least 1 JP"},
    "an_threshold_20": {"id": "minimal 20 JP", "en": "at least 20 JP"},
    "an_diff_axis": {"id": "Selisih (poin persentase)", "en": "Difference (percentage points)"},
    "an_did_label": {
        "id": "{diff}: {a} vs {b} (n = {n_a} / {n_b})",
        "en": "{diff}: {a} vs {b} (n = {n_a} / {n_b})",
    },
    "an_q_mentoring": {
        "id": "Apakah mentee lebih baik predikatnya tahun berikutnya?",
        "en": "Do mentees get better ratings the next year?",
    },
    "an_c_mentoring": {
        "id": "Mentee (pasangan mentoring dimulai di tahun t) dibanding non-mentee dengan kota, kategori "
        "jabatan dan predikat t−1 sama: persentase yang predikatnya naik pada t+1.",
        "en": "Mentees (pairing started in year t) against non-mentees with the same city, position category "
        "and rating at t−1: share whose rating improved at t+1.",
    },
    "an_q_followup": {
        "id": "Apa tindak lanjut bagi pegawai berpredikat Butuh Perbaikan atau lebih rendah?",
        "en": "What follows a rating of Butuh Perbaikan or worse?",
    },
    "an_c_followup": {
        "id": "Pegawai berpredikat Butuh Perbaikan, Kurang atau Sangat Kurang yang masih aktif tahun "
        "berikutnya, menurut apa yang mereka ikuti (lulus) tahun berikutnya.",
        "en": "Employees rated Butuh Perbaikan, Kurang or Sangat Kurang who were still active the next year, "
        "by what they passed the next year.",
    },
    "an_fu_coaching": {"id": "Coaching", "en": "Coaching"},
    "an_fu_pelatihan": {"id": "Pelatihan lain", "en": "Other training"},
    "an_fu_tidak_ada": {"id": "Tidak ada", "en": "None"},
    "an_q_followup_after": {
        "id": "Bagaimana predikat mereka setelahnya?",
        "en": "How were they rated afterwards?",
    },
    "an_c_followup_after": {
        "id": "Persentase yang berpredikat Baik atau Sangat Baik pada tahun berikutnya: yang mendapat coaching "
        "atau pelatihan dibanding yang tidak.",
        "en": "Share rated Baik or Sangat Baik the next year: those who got coaching or training against "
        "those who did not.",
    },
    "an_followed": {"id": "Dengan tindak lanjut", "en": "Followed up"},
    "an_not_followed": {"id": "Tanpa tindak lanjut", "en": "Not followed up"},
    "an_share_baik": {"id": "% Baik atau lebih", "en": "% Baik or better"},
    # Page: hasil belajar dan layanan
    "an_hasil_title": {"id": "Hasil belajar, reaksi dan layanan", "en": "Learning, reaction and service"},
    "an_q_learning": {
        "id": "Berapa kenaikan nilai pre-test ke post-test menurut jenis kegiatan?",
        "en": "How much did scores rise from pre-test to post-test by kind of activity?",
    },
    "an_c_learning": {
        "id": "Rata-rata (post − pre) pada skala 0-100, peserta dengan kedua nilai (Kirkpatrick level 2); "
        "garis = interval kepercayaan 95%.",
        "en": "Mean (post − pre) on the 0-100 scale, participants with both scores (Kirkpatrick level 2); "
        "line = 95% confidence interval.",
    },
    "an_gain_axis": {"id": "Kenaikan nilai (poin)", "en": "Score gain (points)"},
    "an_q_learning_provider": {
        "id": "Penyelenggara mana yang menghasilkan kenaikan terbesar?",
        "en": "Which providers show the largest gains?",
    },
    "an_c_learning_provider": {
        "id": "Sepuluh penyelenggara dengan peserta ber-pre/post terbanyak.",
        "en": "The ten providers with the most participants with pre/post scores.",
    },
    "an_q_reaction": {
        "id": "Bagaimana peserta menilai kegiatan, per kota dan jenis?",
        "en": "How do participants rate activities, by city and kind?",
    },
    "an_c_reaction": {
        "id": "Rata-rata empat skor reaksi (1-5) ditimbang jumlah respon (Kirkpatrick level 1).",
        "en": "Mean of the four reaction scores (1-5) weighted by responses (Kirkpatrick level 1).",
    },
    "an_q_reaction_provider": {
        "id": "Penyelenggara mana yang dinilai paling tinggi dan paling rendah?",
        "en": "Which providers are rated highest and lowest?",
    },
    "an_c_reaction_provider": {
        "id": "Penyelenggara dengan minimal 30 respon, dari skor reaksi tertinggi.",
        "en": "Providers with at least 30 responses, highest reaction score first.",
    },
    "an_q_ikm": {
        "id": "Apakah unit dengan JP per ASN lebih tinggi juga lebih memuaskan masyarakat pada {year}?",
        "en": "Do units with more JP per civil servant also satisfy citizens more in {year}?",
    },
    "an_c_ikm": {
        "id": "Satu titik per OPD yang disurvei; legenda = korelasi (r) per kota. Asosiasi, bukan sebab-akibat.",
        "en": "One point per surveyed agency; legend = correlation (r) per city. Association, not cause.",
    },
    "an_r": {"id": "{kota} (r = {r}, {n} OPD)", "en": "{kota} (r = {r}, {n} agencies)"},
    "an_q_readiness": {
        "id": "Berapa persen ASN tiap OPD sudah terlatih tanggap bencana pada {year}?",
        "en": "What share of each agency's civil servants had disaster-response training by {year}?",
    },
    "an_c_readiness": {
        "id": "ASN aktif yang pernah lulus kegiatan bertopik kebencanaan (topik atau nama program memuat "
        "'bencana', 'tanggap darurat' atau 'kesiapsiagaan') sampai tahun itu.",
        "en": "Active civil servants who have passed an activity on disasters (topic or programme name "
        "containing 'bencana', 'tanggap darurat' or 'kesiapsiagaan') up to that year.",
    },
    "an_readiness_total": {
        "id": "{kota}: {share} ASN terlatih ({n} dari {total}).",
        "en": "{kota}: {share} of civil servants trained ({n} of {total}).",
    },
}
