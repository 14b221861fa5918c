"""Texts of scoped access (access.grants, ui.auth) and the audit log page, Indonesian first."""

TEXT: dict[str, dict[str, str]] = {
    "sc_no_access_title": {"id": "Akun Anda belum punya akses", "en": "Your account has no access yet"},
    "sc_no_access_body": {
        "id": "Anda masuk sebagai **{email}**, tetapi dasbor ini belum memberi akun itu akses ke data kota mana "
        "pun. Untuk mendapat akses, hubungi {contact}, dan sebutkan kota serta peran yang Anda perlukan.",
        "en": "You are signed in as **{email}**, but this dashboard has not given that account access to any "
        "city's data. To get access, contact {contact} and say which city and role you need.",
    },
    "sc_contact_default": {"id": "pengelola dasbor ini", "en": "the administrator of this dashboard"},
    "sc_outside": {
        "id": "{kota} di luar wilayah Anda: untuk kota itu hanya ukuran utama yang dibagikan antarpemerintah "
        "(kartu skor kota per tahun, tanpa filter OPD, jabatan atau jenis ASN) yang ditampilkan.",
        "en": "{kota} lies outside your scope: for it only the headline measures governments share (the "
        "city-year scorecard, without OPD, jabatan or jenis ASN filters) are shown.",
    },
    "sc_role_needed": {
        "id": "Halaman ini untuk peran {role} ke atas. Minta pengelola dasbor menambahkan peran itu untuk akun Anda.",
        "en": "This page is for the {role} role and above. Ask the dashboard's administrator to give your "
        "account that role.",
    },
    "sc_role_viewer": {"id": "pembaca", "en": "viewer"},
    "sc_role_analyst": {"id": "analis", "en": "analyst"},
    "sc_role_admin": {"id": "admin", "en": "admin"},
    "sc_load_wide": {
        "id": "Riwayat pemuatan, berkas sumber dan baris yang ditolak mencakup data semua pemerintah di dasbor "
        "ini, jadi hanya ditampilkan kepada akun yang berwenang atas semua kota.",
        "en": "The load history, source files and rejected rows cover every government's data on this "
        "dashboard, so they are shown only to accounts with every city in scope.",
    },
    "sc_password_closed": {
        "id": "Masuk dengan kata sandi admin ditutup sementara: catatan percobaan yang gagal ({file}, di samping "
        "jejak audit) tidak dapat dibaca atau ditulis, jadi tidak ada kata sandi yang diperiksa. Minta pengelola "
        "server memeriksa berkas itu; menghapusnya menghapus hitungan kegagalan.",
        "en": "Signing in with the admin password is closed for now: the record of failed attempts ({file}, beside "
        "the audit trail) cannot be read or written, so no password is checked. Ask the server's maintainer to "
        "look at that file; deleting it clears the count of failures.",
    },
    # Audit log page
    "au_page": {"id": "Jejak audit", "en": "Audit trail"},
    "au_title": {"id": "Jejak audit", "en": "Audit trail"},
    "au_intro": {
        "id": "Setiap masuk, percobaan yang ditolak, unggahan, pemulihan dan ekspor: siapa, kapan (UTC), dengan "
        "cakupan apa, dan berkas mana. Catatan ini disimpan di luar gudang data ({path}), jadi tetap ada "
        "setelah pemuatan dan pemulihan.",
        "en": "Every sign-in, refused attempt, upload, restore and export: who, when (UTC), with which scope, "
        "and which files. The log is kept outside the warehouse ({path}), so it survives loads and restores.",
    },
    "au_empty": {"id": "Belum ada kejadian yang tercatat.", "en": "Nothing has been recorded yet."},
    "au_download": {"id": "Unduh jejak audit (CSV)", "en": "Download the audit trail (CSV)"},
}
