"""Unggah data (admins only): templates, drop files, preview what would load and what is rejected,
download the rejects to fix, confirm the load, and restore a previous warehouse."""

import hashlib

import streamlit as st

import domain
import settings
from access import audit
from analytics.present import formatting as fmt
from analytics.present import tables
from analytics.queries import quality
from analytics.texts import t
from etl import backup, intake, scoped_write, skm_form
from etl.contract import DATASETS
from etl.templates import templates_zip
from ui import auth, data, state

lang = state.chosen_language()  # no page context here: the page can run before any warehouse
st.title(t("in_title", lang))
admin = auth.gate(lang, data.provinsi())
if admin is None:
    st.stop()
who = admin.email or auth.PASSWORD_ADMIN  # for the audit log

if message := st.session_state.pop("_done_message", None):
    st.success(message, icon=":material/check_circle:")
source = settings.source_dir()
st.markdown(t("in_intro", lang, folder=source))

st.subheader(t("in_templates", lang))
st.caption(t("in_templates_caption", lang))
st.download_button(
    t("in_templates_download", lang),
    data=templates_zip,
    file_name="templat_pembinaan_asn.zip",
    mime="application/zip",
    on_click="ignore",
    icon=":material/download:",
)

files = st.file_uploader(
    t("in_files", lang),
    type=list(intake.UPLOAD_TYPES),
    accept_multiple_files=True,
    max_upload_size=intake.MAX_UPLOAD_MB,
    help=t("in_files_help", lang, mb=intake.MAX_UPLOAD_MB),
    key=f"unggah_files_{st.session_state.get('_uploads_done', 0)}",  # a new key empties the uploader
)
uploads = [(f.name, f.getvalue()) for f in files or []]


def previewed(files: list[tuple[str, bytes]]) -> intake.Preview:
    """Return the preview of these files, validated once per set of files."""
    digest = hashlib.sha256(b"".join(n.encode() + c for n, c in files)).hexdigest()
    if st.session_state.get("_preview_key") != digest:
        with st.spinner():
            st.session_state["_preview"] = intake.preview(files, source, admin.admin_kota, data.current_path())
        st.session_state["_preview_key"] = digest
        if st.session_state["_preview"].outside or st.session_state["_preview"].changes:
            audit.record("ditolak", who, admin.describe(), [n for n, _ in files], "baris kota lain")
    return st.session_state["_preview"]


if uploads:
    preview = previewed(uploads)
    chosen = []
    for form in preview.needs_unit:  # a survey form without kota and unit columns: choose them
        st.info(t("in_form_unit", lang, file=form))
        kota = st.text_input(t("in_form_kota", lang), key=f"unggah_kota_{form}")
        opd = st.text_input(t("in_form_opd", lang), key=f"unggah_opd_{form}")
        if kota.strip() and opd.strip():
            chosen.append(skm_form.unit_file(form, kota.strip(), opd.strip()))
    if chosen:
        uploads += chosen
        preview = previewed(uploads)
    report = preview.report

    st.header(t("in_preview", lang))
    for name, dataset in preview.uploads.items():
        if dataset is None:
            st.warning(t("in_unknown_file", lang, file=name, datasets=", ".join(DATASETS)))
    if preview.replaced:
        st.info(t("in_replaces", lang, files=", ".join(preview.replaced)))
    for e in report.errors:
        st.error(t("in_file_problem", lang, file=e["file"], message=e["message"]))
    for o in preview.outside:
        lines = intake.lines_text(o.lines)
        key = "in_outside_replaces" if o.replaces else "in_outside"
        st.error(t(key, lang, file=o.file, kota=o.kota, lines=lines, n=len(o.lines), mine=admin.administers()))
    if preview.changes:
        st.error(t("in_changes_outside", lang, mine=admin.administers()))
        st.markdown("\n".join(f"- {s}" for s in scoped_write.sentences(preview.changes)))
    if report.errors:
        st.caption(t("in_cannot_load", lang))
    else:
        st.subheader(t("in_per_dataset", lang))
        st.dataframe(tables.for_screen(preview.datasets(), lang, domain.DEFAULT_ZONE), hide_index=True)
        st.subheader(t("in_rejects", lang))
        groups = quality.reject_groups_of(report.rejects)
        if groups.empty:
            st.markdown(t("in_no_rejects", lang))
        else:
            for g in groups.itertuples():
                with st.expander(
                    t("in_reject_group", lang, dataset=g.dataset, column=g.column_name or "-", rows=g.rows)
                ):
                    st.markdown(g.problem)
                    st.markdown("\n".join(f"- {e}" for e in g.examples))
            st.download_button(
                t("in_download_rejects", lang),
                data=preview.rejects_xlsx,
                file_name="baris_ditolak.xlsx",
                mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                on_click="ignore",
                icon=":material/download:",
            )
            st.caption(t("in_rejects_caption", lang))
        warned = quality.reject_groups_of(report.warnings)
        if not warned.empty:
            st.subheader(t("kq_warnings", lang))
            st.caption(t("kq_warnings_caption", lang))
            st.dataframe(tables.for_screen(warned, lang, domain.DEFAULT_ZONE), hide_index=True)
        skipped = preview.skipped()
        if not skipped.empty:
            st.subheader(t("in_skipped", lang))
            st.dataframe(tables.for_screen(skipped, lang, domain.DEFAULT_ZONE), hide_index=True)
    if st.button(t("in_confirm", lang), type="primary", disabled=not preview.can_load, key="unggah_confirm"):
        with st.spinner():
            done = intake.commit(uploads, source, data.current_path(), backup.KEEP, admin.admin_kota, f"unggahan {who}")
        if done.errors:
            st.error(t("in_load_failed", lang))
        else:
            audit.record("unggah", who, admin.describe(), [n for n, _ in uploads], f"run {done.run_id}")
            st.session_state["_uploads_done"] = st.session_state.get("_uploads_done", 0) + 1
            totals = {k: fmt.number(v, lang) for k, v in done.totals().items()}
            st.session_state["_done_message"] = t(
                "in_loaded",
                lang,
                loaded=totals["rows_loaded"],
                rejected=totals["rows_rejected"],
                skipped=totals["rows_skipped"],
                reused=totals["reused"],
                files=totals["files"],
            )
            st.rerun()  # the sidebar and every page read the new warehouse

if not admin.deployment_admin:  # restoring replaces every government's data: admins of every city only
    st.caption(t("in_restore_deployment_only", lang))
    st.stop()
st.header(t("in_backups", lang))
st.caption(t("in_backups_caption", lang, n=backup.KEEP))
kept = backup.list_backups(data.current_path())
if not kept:
    st.markdown(t("in_no_backups", lang))
else:
    labels = {
        b["run_id"]: t(
            "in_backup_label",
            lang,
            run_id=b["run_id"],
            when=fmt.local_time(b["finished_at_utc"], domain.DEFAULT_ZONE),  # deployment-wide: WIB
            rows=b["rows_loaded"] if b["rows_loaded"] is not None else "-",
        )
        for b in kept
    }
    chosen = st.selectbox(t("in_backup_choice", lang), list(labels), format_func=labels.get, key="unggah_backup")
    if st.button(t("in_restore", lang), key="unggah_restore"):
        path = next(b["path"] for b in kept if b["run_id"] == chosen)
        backup.restore(data.current_path(), path, keep=backup.KEEP)
        audit.record("pulihkan", who, admin.describe(), [path.name], f"run {chosen}")
        st.session_state["_done_message"] = t("in_restored", lang, run_id=chosen)
        st.rerun()
