"""Texts of data intake: the upload page, the admin gate and the data-quality page, Indonesian first."""

TEXT: dict[str, dict[str, str]] = {
    # Navigation
    "in_section": {"id": "Data", "en": "Data"},
    "in_page_unggah": {"id": "Unggah data", "en": "Upload data"},
    "in_page_kualitas": {"id": "Kualitas data", "en": "Data quality"},
    # Admin gate
    "in_gate_off": {
        "id": "Halaman ini hanya untuk admin, dan belum ada kredensial admin yang diatur di server ini. "
        "Untuk mengaktifkannya, isi `.streamlit/secrets.toml` di server (lihat "
        "`.streamlit/secrets.toml.example`): hash scrypt dari kata sandi admin, atau login OIDC "
        "(`[auth]`) bila instansi Anda punya penyedia identitas. Tanpa itu dasbor tetap bisa dilihat "
        "semua orang, tetapi data hanya bisa dimuat lewat perintah `python -m etl load`.",
        "en": "This page is for administrators only, and no admin credential is configured on this server. "
        "To enable it, fill in `.streamlit/secrets.toml` on the server (see `.streamlit/secrets.toml.example`): "
        "the scrypt hash of an admin password, or OIDC login (`[auth]`) where your organisation has an "
        "identity provider. Without it everyone can still view the dashboards, but data can only be loaded "
        "with `python -m etl load`.",
    },
    "in_password": {"id": "Kata sandi admin", "en": "Admin password"},
    "in_login": {"id": "Masuk", "en": "Sign in"},
    "in_login_oidc": {"id": "Masuk dengan akun instansi", "en": "Sign in with your organisation account"},
    "in_logout": {"id": "Keluar", "en": "Sign out"},
    "in_wrong_password": {"id": "Kata sandi salah.", "en": "Wrong password."},
    "in_not_admin": {
        "id": "Akun {email} tidak terdaftar sebagai admin di sini. Minta pengelola server memberinya peran admin "
        "di `[access]` (atau `admin.emails`) di secrets.toml.",
        "en": "The account {email} is not an administrator here. Ask the server's maintainer to give it the "
        "admin role in `[access]` (or `admin.emails`) in secrets.toml.",
    },
    "in_outside": {
        "id": "{file}: {n} baris berisi data {kota} (baris {lines}), padahal Anda hanya mengelola {mine}. "
        "Berkas ini tidak dimuat: kirim hanya baris kota Anda.",
        "en": "{file}: {n} rows hold {kota}'s data (lines {lines}), but you administer only {mine}. "
        "This file is not loaded: send only your city's rows.",
    },
    "in_outside_replaces": {
        "id": "{file} akan menggantikan berkas bernama sama di folder sumber, yang juga berisi {n} baris data "
        "{kota} (baris {lines}). Anda hanya mengelola {mine}: beri berkas Anda nama sendiri, misalnya dengan "
        "nama kota Anda di belakangnya.",
        "en": "{file} would replace the file of the same name in the source folder, which also holds {n} rows "
        "of {kota}'s data (lines {lines}). You administer only {mine}: give your file a name of its own, for "
        "example with your city's name at the end.",
    },
    "in_changes_outside": {
        "id": "Unggahan ini akan mengubah data kota yang tidak Anda kelola (Anda hanya mengelola {mine}), jadi "
        "tidak dapat dimuat. Baris tentang dua kota (misalnya pegawai Anda dalam kegiatan kota lain) hanya dapat "
        "diunggah oleh admin kedua kota. Yang akan berubah:",
        "en": "This upload would change the data of a city you do not administer (you administer only {mine}), "
        "so it cannot be loaded. Rows about two cities (for example your employee in another city's activity) "
        "can only be uploaded by an admin of both. What would change:",
    },
    "in_restore_deployment_only": {
        "id": "Memulihkan gudang data sebelumnya mengganti data semua pemerintah, jadi hanya admin semua kota "
        "yang dapat melakukannya.",
        "en": "Restoring an earlier warehouse replaces every government's data, so only admins of every city "
        "can do it.",
    },
    "in_wait": {
        "id": "Terlalu banyak percobaan yang salah. Coba lagi dalam {s} detik.",
        "en": "Too many wrong attempts. Try again in {s} seconds.",
    },
    "in_gate_old_hash": {
        "id": "Kata sandi admin di server ini masih disimpan sebagai hash SHA-256 lama, yang tidak lagi diterima. "
        "Buat hash scrypt baru (lihat `.streamlit/secrets.toml.example`) dan simpan sebagai "
        "`admin.password_scrypt`.",
        "en": "This server's admin password is still stored as the old SHA-256 hash, which is no longer "
        "accepted. Make a new scrypt hash (see `.streamlit/secrets.toml.example`) and store it as "
        "`admin.password_scrypt`.",
    },
    # Upload page
    "in_title": {"id": "Unggah data", "en": "Upload data"},
    "in_intro": {
        "id": "File yang diunggah disimpan di folder sumber **{folder}**, yang menjadi arsip resmi: file "
        "dengan nama yang sama menggantikan file lama, file lain ditambahkan di sampingnya. Gudang data "
        "selalu dibangun ulang dari seluruh isi folder itu, jadi file tahun depan cukup ditambahkan di "
        "samping file tahun ini. File yang tidak berubah sejak pemuatan terakhir tidak diperiksa ulang: "
        "barisnya yang sudah diperiksa dipakai lagi, dengan hasil yang sama.",
        "en": "Uploaded files are kept in the source folder **{folder}**, the system of record: a file with "
        "the same name replaces the old one, others are added beside it. The warehouse is always rebuilt "
        "from the whole folder, so next year's files are simply added beside this year's. Files unchanged "
        "since the last load are not checked again: their checked rows are reused, with the same result.",
    },
    "in_templates": {"id": "Templat isian", "en": "Fill-in templates"},
    "in_templates_caption": {
        "id": "Satu XLSX (dengan petunjuk tiap kolom dan daftar pilihan) dan satu CSV per jenis data. Nama file "
        "harus diawali nama jenis datanya, misalnya peserta_pontianak_2024.xlsx.",
        "en": "One XLSX (with a guide to every column and drop-down lists) and one CSV per dataset. A file name "
        "must start with its dataset's name, e.g. peserta_pontianak_2024.xlsx.",
    },
    "in_templates_download": {"id": "Unduh templat (ZIP)", "en": "Download templates (ZIP)"},
    "in_files": {"id": "File CSV atau XLSX", "en": "CSV or XLSX files"},
    "in_files_help": {
        "id": "Maksimal {mb} MB per file. Boleh beberapa file sekaligus.",
        "en": "At most {mb} MB per file. Several files at once are fine.",
    },
    "in_preview": {"id": "Pratinjau: belum ada yang disimpan", "en": "Preview: nothing has been saved yet"},
    "in_form_unit": {
        "id": "{file} adalah formulir survei kepuasan tanpa kolom kota dan unit layanan: isi keduanya agar dapat dimuat.",
        "en": "{file} is a satisfaction survey form without city and service-unit columns: fill in both to load it.",
    },
    "in_form_kota": {"id": "Kota", "en": "City"},
    "in_form_opd": {"id": "Unit layanan (OPD)", "en": "Service unit (agency)"},
    "in_unknown_file": {
        "id": "{file}: nama file tidak diawali nama jenis data mana pun ({datasets}), jadi tidak akan dibaca.",
        "en": "{file}: the file name does not start with any dataset's name ({datasets}), so it will not be read.",
    },
    "in_replaces": {
        "id": "Menggantikan file dengan nama sama di folder sumber: {files}.",
        "en": "Replaces the file of the same name in the source folder: {files}.",
    },
    "in_file_problem": {"id": "{file}: {message}", "en": "{file}: {message}"},
    "in_cannot_load": {
        "id": "File di atas tidak dapat dimuat sama sekali. Perbaiki lalu unggah lagi; gudang data tidak diubah.",
        "en": "The files above cannot be loaded at all. Fix them and upload again; the warehouse is unchanged.",
    },
    "in_per_dataset": {"id": "Per jenis data (seluruh folder sumber)", "en": "Per dataset (whole source folder)"},
    "in_rejects": {"id": "Baris yang ditolak, menurut masalah", "en": "Rejected rows, by problem"},
    "in_no_rejects": {"id": "Tidak ada baris yang ditolak.", "en": "No row is rejected."},
    "in_reject_group": {"id": "{dataset} · {column}: {rows} baris", "en": "{dataset} · {column}: {rows} rows"},
    "in_download_rejects": {
        "id": "Unduh baris yang ditolak (XLSX) untuk diperbaiki",
        "en": "Download the rejected rows (XLSX) to fix",
    },
    "in_rejects_caption": {
        "id": "Setiap baris berisi nama file, nomor baris, kolom dan alasannya di samping nilai aslinya "
        "(NIP disamarkan, nama dihapus). Perbaiki baris itu di file asli lalu unggah lagi file tersebut.",
        "en": "Each row has the file, the line, the column and the reason next to its original values (NIP "
        "masked, names removed). Fix the row in the original file and upload that file again.",
    },
    "in_skipped": {"id": "Baris yang dilewati (bukan data)", "en": "Rows skipped (not data)"},
    "in_confirm": {"id": "Muat ke gudang data", "en": "Load into the warehouse"},
    "in_loaded": {
        "id": "Dimuat: {loaded} baris masuk, {rejected} ditolak, {skipped} dilewati ({reused} dari {files} file "
        "tidak berubah, barisnya dipakai ulang tanpa diperiksa lagi). Dasbor kini memakai data baru; gudang data "
        "sebelumnya disimpan sebagai cadangan.",
        "en": "Loaded: {loaded} rows in, {rejected} rejected, {skipped} skipped ({reused} of {files} files unchanged, "
        "their rows reused without checking them again). The dashboards now use the new data; the previous "
        "warehouse is kept as a backup.",
    },
    "in_load_failed": {
        "id": "Pemuatan gagal, tidak ada yang diubah (folder sumber dan gudang data tetap seperti semula).",
        "en": "The load failed and nothing changed (source folder and warehouse are as they were).",
    },
    "in_backups": {"id": "Gudang data sebelumnya", "en": "Previous warehouses"},
    "in_backups_caption": {
        "id": "Disimpan {n} versi terakhir. Memulihkan mengganti gudang data sekarang (yang juga disimpan "
        "sebagai cadangan) dengan versi yang dipilih; folder sumber tidak berubah.",
        "en": "The last {n} versions are kept. Restoring replaces the current warehouse (which is kept as a "
        "backup too) with the chosen version; the source folder does not change.",
    },
    "in_no_backups": {"id": "Belum ada cadangan.", "en": "No backup yet."},
    "in_backup_choice": {"id": "Versi", "en": "Version"},
    "in_backup_label": {
        "id": "{run_id} · dimuat {when} · {rows} baris",
        "en": "{run_id} · loaded {when} · {rows} rows",
    },
    "in_restore": {"id": "Pulihkan versi ini", "en": "Restore this version"},
    "in_restored": {"id": "Dipulihkan: {run_id}.", "en": "Restored: {run_id}."},
    # Data-quality page
    "kq_title": {"id": "Kualitas data", "en": "Data quality"},
    "kq_intro": {
        "id": "Seberapa jauh perbandingan antar kota bisa dipercaya: kapan data dimuat, berapa baris yang "
        "ditolak dan mengapa, seberapa baru data tiap kota, dan tahun mana yang belum ada.",
        "en": "How far a comparison between cities can be trusted: when the data was loaded, how many rows "
        "were rejected and why, how recent each city's data is, and which years are missing.",
    },
    "kq_completeness": {"id": "Kelengkapan: tahun yang belum ada datanya", "en": "Completeness: years without data"},
    "kq_completeness_caption": {
        "id": "Tahun {first}–{last}. Sel kosong = lengkap; 'semua' = kota ini tidak punya data itu pada tahun mana "
        "pun dari rentang ini. Perbandingan antar kota pada data dan tahun yang kosong tidak dapat dipercaya.",
        "en": "Years {first}–{last}. Empty cell = complete; 'all' = the city has none of that data in any of these years. "
        "Comparisons between cities on missing data and years cannot be trusted.",
    },
    "kq_all_years": {"id": "semua", "en": "all"},
    "kq_all_complete": {
        "id": "Semua kota yang dipilih punya data untuk setiap jenis data dan tahun.",
        "en": "Every chosen city has data for every dataset and year.",
    },
    "kq_freshness": {"id": "Kesegaran: data terbaru per kota", "en": "Freshness: latest data per city"},
    "kq_freshness_caption": {
        "id": "Tahun terakhir yang ada datanya (dan tanggal terakhir bila data itu bertanggal).",
        "en": "The latest year with data (and the latest date where the data is dated).",
    },
    "kq_reconcile": {"id": "Jumlah pegawai: berkas dan gudang data", "en": "Headcount: the files and the warehouse"},
    "kq_reconcile_caption": {
        "id": "Per kota, jenis ASN dan kedudukan hukum seperti tertulis di berkas pegawai (ekspor Data ASN SIASN): "
        "baris di berkas, yang dimuat, yang ditolak, dan yang dihitung masih bekerja pada akhir {year} (yang "
        "masuk angka utama tahun itu). Cocokkan dengan dasbor SIASN sendiri. Kelompok di bawah 5 orang tertulis "
        '"<5".',
        "en": "Per city, ASN type and legal status (kedudukan hukum) as the employee files write them (SIASN's "
        "Data ASN export): rows in the files, loaded, rejected, and counted as still in service at the end of "
        "{year} (those in that year's headline figures). Match them with SIASN's own dashboard. Groups under 5 "
        'people read "<5".',
    },
    "kq_datasets": {"id": "Pemuatan terakhir per jenis data", "en": "Latest load per dataset"},
    "kq_datasets_caption": {
        "id": "Dibaca = dimuat + ditolak; baris yang dilewati (kosong, Jumlah/Total) dihitung terpisah.",
        "en": "Read = loaded + rejected; skipped rows (empty, Jumlah/Total) are counted separately.",
    },
    "kq_files": {"id": "Per file", "en": "Per file"},
    "kq_rejects": {"id": "Baris yang ditolak, menurut masalah", "en": "Rejected rows, by problem"},
    "kq_history": {"id": "Riwayat pemuatan", "en": "Load history"},
    "kq_outcome_ok": {"id": "dimuat", "en": "loaded"},
    "kq_outcome_restored": {"id": "dipulihkan", "en": "restored"},
    "kq_summary": {
        "id": "Pemuatan terakhir: {when}. {loaded} baris dimuat ({warned} di antaranya dengan peringatan), "
        "{rejected} ditolak, {skipped} dilewati.",
        "en": "Latest load: {when}. {loaded} rows loaded ({warned} of them with a warning), {rejected} rejected, "
        "{skipped} skipped.",
    },
    "kq_warnings": {
        "id": "Baris yang dimuat dengan peringatan, menurut masalah",
        "en": "Rows loaded with a warning, by problem",
    },
    "kq_warnings_caption": {
        "id": "Baris ini dapat dipakai tetapi meragukan: dimuat dengan nilai yang tercatat dan ikut dihitung. "
        "Periksa dan perbaiki di sumbernya bila perlu.",
        "en": "These rows are usable but doubtful: they are loaded with their recorded values and counted. "
        "Check them and correct the source if needed.",
    },
    "kq_no_warnings": {"id": "Tidak ada baris dengan peringatan.", "en": "No row has a warning."},
    "kq_not_loaded": {"id": "File yang tidak dimuat", "en": "Files not loaded"},
    "kq_not_loaded_caption": {
        "id": "File di folder sumber yang bukan milik jenis data mana pun, dengan alasannya. File yang tampak seperti "
        "data (CSV, Excel, JSON) dan tidak dimuat mengubah angka: ganti namanya atau perbaiki kolomnya, lalu muat lagi.",
        "en": "Files of the source folder that belong to no dataset, with why. A file that looks like data (CSV, "
        "Excel, JSON) and was not loaded changes the figures: rename it or fix its columns, then load again.",
    },
    "kq_all_loaded": {
        "id": "Semua file di folder sumber dimuat.",
        "en": "Every file of the source folder was loaded.",
    },
    # Column headings of the intake and quality tables
}
