"""Texts of the Indeks Profesionalitas ASN page (issue 27): its title, tiles, charts, tables and the columns of its
queries (analytics.queries.ip_asn)."""

TEXT = {
    "m_ip_asn_pns": {"id": "IP ASN PNS", "en": "IP ASN of PNS"},
    "ip_page": {"id": "Indeks Profesionalitas ASN", "en": "Civil Servant Professionalism Index"},
    "ip_title": {"id": "Indeks Profesionalitas ASN", "en": "Civil Servant Professionalism Index (IP ASN)"},
    "ip_intro": {
        "id": "IP ASN (PermenPANRB 38/2018, Peraturan BKN 8/2019) dihitung per ASN dari data yang dimuat: kualifikasi"
        " (maks. 25), kompetensi (40), kinerja (30) dan disiplin (5); angka kota adalah rata-ratanya, PNS dan PPPK"
        " terpisah, CPNS tidak dihitung. Ini hitungan dari data Anda, bukan angka resmi BKN. Filter OPD, jabatan dan"
        " jenis ASN tidak berlaku di halaman ini: BKN mengukur instansi secara utuh.",
        "en": "The IP ASN (PermenPANRB 38/2018, Peraturan BKN 8/2019) is computed per civil servant from the loaded"
        " data: qualification (at most 25), competence (40), performance (30) and discipline (5); a city's figure is"
        " their mean, PNS and PPPK apart, CPNS left out. It is computed from your data, not BKN's official figure."
        " The OPD, position and ASN-type filters do not apply on this page: BKN measures an agency as a whole.",
    },
    "ip_choose_city": {"id": "Kota yang ditampilkan", "en": "City shown"},
    "ip_tiles_title": {"id": "IP ASN {kota}, {year}", "en": "IP ASN of {kota}, {year}"},
    "ip_tile_pns": {"id": "PNS ({n} orang)", "en": "PNS ({n} people)"},
    "ip_tile_pppk": {"id": "PPPK ({n} orang)", "en": "PPPK ({n} people)"},
    "ip_tile_tertimbang": {"id": "Gabungan tertimbang", "en": "Combined, weighted"},
    "ip_tile_rerata": {"id": "Gabungan rata-rata", "en": "Combined, plain mean"},
    "ip_tile_help_tertimbang": {
        "id": "IP ASN seluruh ASN: angka PNS dan PPPK ditimbang jumlah pegawainya, seperti Kota Bima menggabungkannya.",
        "en": "The IP ASN of all ASN: the PNS and PPPK figures weighted by their headcounts, as Kota Bima combines"
        " them.",
    },
    "ip_tile_help_rerata": {
        "id": "IP ASN seluruh ASN: rata-rata biasa angka PNS dan angka PPPK, seperti Provinsi Sumatera Barat"
        " menggabungkannya.",
        "en": "The IP ASN of all ASN: the plain mean of the PNS and PPPK figures, as the Province of Sumatera Barat"
        " combines them.",
    },
    "ip_combinations": {
        "id": "Pemerintah daerah menggabungkan angka PNS dan PPPK dengan dua cara: ditimbang jumlah pegawai (Kota"
        " Bima) atau rata-rata biasa keduanya (Provinsi Sumatera Barat). Keduanya ditampilkan dengan namanya; sebutkan"
        " cara yang dipakai saat melaporkan.",
        "en": "Local governments combine the PNS and PPPK figures in two ways: weighted by headcount (Kota Bima) or"
        " the plain mean of the two (Province of Sumatera Barat). Both are shown with their names; say which one you"
        " use when you report it.",
    },
    "ip_standing": {
        "id": "IP ASN PNS {kota} {year}: {value}, peringkat {rank}; median kota pembanding {median} (selisih {diff}).",
        "en": "IP ASN of PNS, {kota} {year}: {value}, rank {rank}; median of the peer cities {median} (difference"
        " {diff}).",
    },
    "ip_q_trend": {
        "id": "Bagaimana IP ASN PNS berubah dari tahun ke tahun?",
        "en": "How has the IP ASN of PNS changed over the years?",
    },
    "ip_c_trend": {
        "id": "Rata-rata IP ASN PNS per kota (0-100). Garis putus-putus: batas bawah kategori Sedang (71).",
        "en": "Mean IP ASN of PNS per city (0-100). Dashed line: the lower bound of the Sedang (medium) category (71).",
    },
    "ip_sedang_line": {"id": "Sedang (71)", "en": "Sedang (71)"},
    "ip_y_title": {"id": "IP ASN", "en": "IP ASN"},
    "ip_y_points": {"id": "Poin", "en": "Points"},
    "ip_q_dimensions": {
        "id": "Dari dimensi mana nilai PNS {year} berasal?",
        "en": "Which dimensions make up the PNS figure of {year}?",
    },
    "ip_c_dimensions": {
        "id": "Rata-rata poin PNS per dimensi; nilai maksimum: kualifikasi 25, kompetensi 40, kinerja 30, disiplin 5."
        " Keempatnya dijumlahkan menjadi IP ASN PNS.",
        "en": "Mean points of PNS per dimension; the maxima: qualification 25, competence 40, performance 30,"
        " discipline 5. The four add up to the IP ASN of PNS.",
    },
    "ip_dim_kualifikasi": {"id": "Kualifikasi (25)", "en": "Qualification (25)"},
    "ip_dim_kompetensi": {"id": "Kompetensi (40)", "en": "Competence (40)"},
    "ip_dim_kinerja": {"id": "Kinerja (30)", "en": "Performance (30)"},
    "ip_dim_disiplin": {"id": "Disiplin (5)", "en": "Discipline (5)"},
    "ip_table_title": {"id": "IP ASN per kota, {year}", "en": "IP ASN per city, {year}"},
    "ip_q_opd": {
        "id": "Bagaimana IP ASN tiap OPD di {kota}, {year}?",
        "en": "How does the IP ASN compare across the OPDs of {kota}, {year}?",
    },
    "ip_c_opd": {
        "id": 'Rata-rata IP ASN {jenis} per OPD, kategorinya dalam kurung; OPD dengan kurang dari 5 orang tertulis "<5".'
        " Rincian empat dimensi ada di Lihat data.",
        "en": 'Mean IP ASN of {jenis} per OPD, its category in brackets; an OPD of fewer than 5 people reads "<5". The four'
        " dimensions are under See the data.",
    },
    "ip_jenis": {"id": "Jenis ASN", "en": "ASN type"},
    "ip_no_opd": {
        "id": "tidak ada {jenis} yang diukur di {kota} pada {year}.",
        "en": "no {jenis} were measured in {kota} in {year}.",
    },
    "ip_caveat": {
        "id": "Mengapa hitungan ini dapat lebih rendah daripada angka BKN: riwayat pelatihan sebelum tahun pertama"
        ' data tidak dimuat (pelatihan kepemimpinan dan fungsional dihitung "pernah"), dan BKN sejak 2023 menguji'
        " cara baru yang menilai kualifikasi terhadap syarat jabatan.",
        "en": "Why this computation can be lower than BKN's figure: training before the first year of the data is not"
        " loaded (leadership and functional training count when ever passed), and since 2023 BKN has piloted a new"
        " method that judges qualification against the post's requirement.",
    },
    # Column headings of analytics.queries.ip_asn (analytics.present.tables.header reads col_<column>).
    "col_jumlah_pppk": {"id": "Jumlah PPPK", "en": "PPPK"},
    "col_ip_asn_pns": {"id": "IP ASN PNS", "en": "IP ASN, PNS"},
    "col_ip_asn_pppk": {"id": "IP ASN PPPK", "en": "IP ASN, PPPK"},
    "col_ip_asn_tertimbang": {"id": "IP ASN gabungan (tertimbang)", "en": "IP ASN combined (weighted)"},
    "col_ip_asn_rerata": {"id": "IP ASN gabungan (rata-rata)", "en": "IP ASN combined (plain mean)"},
    "col_kategori_ip_asn_pns": {"id": "Kategori PNS", "en": "Category, PNS"},
    "col_kategori_ip_asn_pppk": {"id": "Kategori PPPK", "en": "Category, PPPK"},
    "col_kategori_ip_asn_tertimbang": {"id": "Kategori gabungan (tertimbang)", "en": "Category, combined (weighted)"},
    "col_kategori_ip_asn_rerata": {"id": "Kategori gabungan (rata-rata)", "en": "Category, combined (plain mean)"},
    "col_kualifikasi_pns": {"id": "Kualifikasi PNS", "en": "Qualification, PNS"},
    "col_kompetensi_pns": {"id": "Kompetensi PNS", "en": "Competence, PNS"},
    "col_kinerja_pns": {"id": "Kinerja PNS", "en": "Performance, PNS"},
    "col_disiplin_pns": {"id": "Disiplin PNS", "en": "Discipline, PNS"},
    "col_ip_asn": {"id": "IP ASN", "en": "IP ASN"},
    "col_kategori_ip_asn": {"id": "Kategori", "en": "Category"},
    "col_rata_poin": {"id": "Rata-rata poin", "en": "Mean points"},
    "col_maksimum": {"id": "Poin maksimum", "en": "Maximum points"},
    "col_dimensi": {"id": "Dimensi", "en": "Dimension"},
    "col_kualifikasi": {"id": "Kualifikasi", "en": "Qualification"},
    "col_kompetensi": {"id": "Kompetensi", "en": "Competence"},
    "col_kinerja": {"id": "Kinerja", "en": "Performance"},
    "col_disiplin": {"id": "Disiplin", "en": "Discipline"},
    # From training to the index (issue 27, item 3)
    "ip_gap_title": {"id": "Dari pelatihan ke indeks", "en": "From training to the index"},
    "ip_gap_sentence": {
        "id": "Di {kota} pada {year}, {missing} dari {total} PNS belum mendapat semua poin kompetensi jabatannya:"
        " {teknis} tanpa pelatihan teknis {jp} JP dalam tahun itu, {kepemimpinan} pejabat struktural tanpa pelatihan"
        " kepemimpinan, {fungsional} pejabat fungsional tanpa pelatihan fungsional, dan {seminar} tanpa seminar,"
        " workshop, kursus atau magang dalam dua tahun.",
        "en": "In {kota} in {year}, {missing} of {total} PNS lack some of their post's kompetensi points: {teknis}"
        " without {jp} JP of technical training that year, {kepemimpinan} structural officials without leadership"
        " training, {fungsional} functional officials without functional training, and {seminar} without a seminar,"
        " workshop, course or internship in two years.",
    },
    "ip_gap_whatif": {
        "id": "Jika mereka mendapat yang kurang, kompetensi PNS naik {rise} poin, dan IP ASN PNS dari {now} menjadi"
        " {then} ({kategori}).",
        "en": "If they got what they lack, the kompetensi of PNS would rise by {rise} points, and the IP ASN of PNS"
        " from {now} to {then} ({kategori}).",
    },
    "ip_gap_cost": {
        "id": "Pelatihan teknis saja: paling banyak {jp_total} JP, sekitar {biaya} dengan biaya per JP {kota} tahun"
        " {year} ({per_jp}); sebagian dari mereka sudah punya sebagian JP-nya. Biaya pelatihan kepemimpinan,"
        " fungsional dan seminar tidak diperkirakan: JP programnya tidak tercatat di sini.",
        "en": "Technical training alone: at most {jp_total} JP, about {biaya} at {kota}'s cost per JP in {year}"
        " ({per_jp}); some of them already have part of those JP. The cost of leadership, functional training and"
        " seminars is not estimated: their programmes' JP are not recorded here.",
    },
    "ip_q_gap_opd": {
        "id": "Di OPD mana menutup kekurangan kompetensi paling menaikkan IP ASN PNS?",
        "en": "In which OPDs would closing the kompetensi gaps raise the IP ASN of PNS most?",
    },
    "ip_c_gap_opd": {
        "id": "Kenaikan rata-rata poin kompetensi PNS per OPD jika setiap PNS mendapat yang kurang ({kota}, {year});"
        " jumlah orang per kekurangan ada di Lihat data.",
        "en": "The rise of the mean kompetensi points of PNS per OPD if every PNS got what they lack ({kota},"
        " {year}); the number of people per gap is under See the data.",
    },
    "col_kurang_kompetensi": {"id": "PNS kurang poin kompetensi", "en": "PNS lacking kompetensi points"},
    "col_kurang_kepemimpinan": {"id": "Tanpa pelatihan kepemimpinan", "en": "No leadership training"},
    "col_kurang_fungsional": {"id": "Tanpa pelatihan fungsional", "en": "No functional training"},
    "col_kurang_teknis": {"id": "Tanpa teknis 20 JP", "en": "No 20 JP technical"},
    "col_kurang_seminar": {"id": "Tanpa seminar (2 tahun)", "en": "No seminar (2 years)"},
    "col_kenaikan_kompetensi": {"id": "Kenaikan kompetensi (poin)", "en": "Kompetensi rise (points)"},
    "col_ip_asn_pns_jika": {"id": "IP ASN PNS jika terpenuhi", "en": "IP ASN of PNS if met"},
    "col_jp_teknis": {"id": "JP teknis dibutuhkan", "en": "Technical JP needed"},
    "col_biaya_teknis": {"id": "Biaya teknis (Rp)", "en": "Technical cost (Rp)"},
    # Reconciling with BKN's published figure (issue 27, item 4)
    "ip_bkn_title": {"id": "Dibandingkan dengan angka BKN", "en": "Against BKN's figure"},
    "ip_bkn_intro": {
        "id": "Angka IP ASN yang diumumkan BKN untuk {kota} (berkas ip_asn_bkn) di samping hitungan dari data Anda,"
        " dengan selisihnya (BKN dikurangi hitungan) per dimensi.",
        "en": "The IP ASN figures BKN published for {kota} (the ip_asn_bkn file) beside the computation from your"
        " data, with the difference (BKN's minus the computed) per dimension.",
    },
    "ip_bkn_none": {
        "id": "Belum ada angka BKN untuk {kota}. Muat berkas ip_asn_bkn (templatnya ada di halaman Unggah data) untuk"
        " membandingkannya.",
        "en": "There is no BKN figure for {kota} yet. Load an ip_asn_bkn file (its template is on the Upload data"
        " page) to compare it.",
    },
    "ip_bkn_why": {
        "id": "Yang biasanya menjelaskan selisih: **kualifikasi** — sejak 2023 BKN menilai pendidikan terhadap syarat"
        " jabatan (rata-rata 20-25), bukan tabel 2019 (S-1 = 15); **kompetensi** — riwayat pelatihan sebelum tahun"
        " pertama data dan isian MyASN yang tidak dimuat di sini; **kinerja** — SKP yang tidak terkirim ke BKN, dan"
        " padanan predikat 2022 ke skala lama yang belum resmi; **disiplin** — hukuman yang tidak dimuat; juga PNS"
        " dan PPPK yang digabung dengan cara lain, dan angka sementara (triwulan) yang masih berubah.",
        "en": "What commonly explains a difference: **qualification** — since 2023 BKN judges education against the"
        " post's requirement (means of 20-25), not the 2019 table (S-1 = 15); **competence** — training before the"
        " first year of the data and MyASN entries not loaded here; **performance** — SKP never sent to BKN, and the"
        " unofficial mapping of the 2022 predikat onto the old scale; **discipline** — sanctions not loaded; also PNS"
        " and PPPK combined another way, and provisional (quarterly) figures that still change.",
    },
    "col_cara_gabung": {"id": "Cara gabung", "en": "Combined as"},
    "col_jumlah_terkecil": {"id": "Kelompok terkecil (orang)", "en": "Smallest group (people)"},
    "col_sumber": {"id": "Sumber", "en": "Source"},
    "col_nilai_bkn": {"id": "IP ASN BKN", "en": "IP ASN, BKN"},
    "col_nilai_hitung": {"id": "IP ASN hitungan", "en": "IP ASN, computed"},
    "col_selisih_nilai": {"id": "Selisih IP ASN", "en": "IP ASN difference"},
    "col_kualifikasi_bkn": {"id": "Kualifikasi BKN", "en": "Qualification, BKN"},
    "col_kualifikasi_hitung": {"id": "Kualifikasi hitungan", "en": "Qualification, computed"},
    "col_selisih_kualifikasi": {"id": "Selisih kualifikasi", "en": "Qualification difference"},
    "col_kompetensi_bkn": {"id": "Kompetensi BKN", "en": "Competence, BKN"},
    "col_kompetensi_hitung": {"id": "Kompetensi hitungan", "en": "Competence, computed"},
    "col_selisih_kompetensi": {"id": "Selisih kompetensi", "en": "Competence difference"},
    "col_kinerja_bkn": {"id": "Kinerja BKN", "en": "Performance, BKN"},
    "col_kinerja_hitung": {"id": "Kinerja hitungan", "en": "Performance, computed"},
    "col_selisih_kinerja": {"id": "Selisih kinerja", "en": "Performance difference"},
    "col_disiplin_bkn": {"id": "Disiplin BKN", "en": "Discipline, BKN"},
    "col_disiplin_hitung": {"id": "Disiplin hitungan", "en": "Discipline, computed"},
    "col_selisih_disiplin": {"id": "Selisih disiplin", "en": "Discipline difference"},
}
