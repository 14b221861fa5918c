"""The SAKIP capaian table in the LKjIP layout (PermenPANRB 53/2014): for the page, as a chart with the band
edges, and as an XLSX workbook (one sheet per kota) for the page's download button and `python -m analytics
export --isi lkjip`.

Everything here reads a released frame of analytics.queries.sakip.capaian (through ui.data.fetch or
release.Reader): its '<5' cells stay '<5'. Nothing here imports Streamlit or runs a query.
"""

from __future__ import annotations

import textwrap
from io import BytesIO

import pandas as pd
import plotly.graph_objects as go
from openpyxl import Workbook
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter

from analytics import privacy
from analytics.meeting_files import cities_slug
from analytics.present import formatting as fmt
from analytics.present.charts.hidden import hidden_flags, rows_for_chart
from analytics.present.charts.style import FONT_SIZE, PREDIKAT_COLORS, apply_layout
from analytics.present.charts.text_alternative import note, note_hidden
from analytics.texts import t
from domain import sakip

# The LKjIP table's columns, in its order: (column of the query, text key of its heading). Target and realisasi
# carry the year in their heading, realisasi_lalu the year before.
COLUMNS: tuple[tuple[str, str], ...] = (
    ("urutan", "sk_col_no"),
    ("indikator", "sk_col_indikator"),
    ("satuan", "sk_col_satuan"),
    ("arah", "sk_col_arah"),
    ("target", "sk_col_target"),
    ("realisasi", "sk_col_realisasi"),
    ("capaian", "sk_col_capaian"),
    ("kategori", "sk_col_kategori"),
    ("realisasi_lalu", "sk_col_realisasi_lalu"),
    ("target_renstra", "sk_col_target_renstra"),
    ("sumber_realisasi", "sk_col_sumber"),
)
NUMBERS = ("target", "realisasi", "capaian", "realisasi_lalu", "target_renstra")
FILLED, EMPTY = "●", "○"  # the band's icon: as many filled circles as bands it is above the worst, and one
XLSX_MIME = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
HEADER_ROW = 6  # rows 1-5: title, period, notice, scale, formula


def band_colors(n: int) -> list[str]:
    """Return a colour per band of an `n`-band scale, best first: the predikat's sequential green-to-red (dark =
    better), so a five-level scale has exactly those five; the band is also written as text and an icon."""
    palette = list(PREDIKAT_COLORS.values())
    if n <= 1:
        return palette[:1]
    return [palette[round(i * (len(palette) - 1) / (n - 1))] for i in range(n)]


def icon(tingkat: int, n: int) -> str:
    """Return the icon of band `tingkat` (1 the best) of `n`: '●●●●●' for the best of five, '●○○○○' the worst."""
    filled = n - tingkat + 1
    return FILLED * filled + EMPTY * (n - filled)


def scale_text(skala: tuple[tuple[str, float], ...], lang: str) -> str:
    """Return a scale in words: 'Sangat Baik ≥ 91%, Baik ≥ 76%, ..., Sangat Kurang di bawahnya'."""
    parts = [
        t("sk_band_from", lang, name=name, bound=fmt.percent(lower, lang, 0 if float(lower).is_integer() else 1))
        if lower != float("-inf")
        else t("sk_band_rest", lang, name=name)
        for name, lower in skala
    ]
    return ", ".join(parts)


def of(capaian: pd.DataFrame, kota: str, tahun: int) -> pd.DataFrame:
    """Return the rows of one kota and year of a released capaian frame, in the file's order (urutan)."""
    picked = capaian[(capaian["kota"] == kota) & (capaian["tahun"] == tahun)]
    return picked.sort_values("urutan").reset_index(drop=True)


def _band_cell(kategori: object, tingkat: object, n: int) -> str:
    """Return the band as icon and text ('●●●●○ Baik'), '<5' when hidden, '' without a capaian."""
    if privacy.is_hidden(kategori) or privacy.is_hidden(tingkat):
        return privacy.marker()
    if kategori is None or fmt.is_missing(kategori) or pd.isna(tingkat):
        return ""
    return f"{icon(int(tingkat), n)} {kategori}"


def _words(column: str, value: object, lang: str) -> object:
    """Return a label column's value in words of `lang` (arah, sumber_realisasi), other values unchanged."""
    if column == "arah" and isinstance(value, str):
        return t(f"sk_arah_{value}", lang)
    if column == "sumber_realisasi":
        return t(f"sk_sumber_{value}", lang) if isinstance(value, str) else t("sk_sumber_kosong", lang)
    return value


def headings(tahun: int, lang: str) -> list[str]:
    """Return the LKjIP table's headings in `lang` for the reporting year `tahun`."""
    years = {"target": tahun, "realisasi": tahun, "realisasi_lalu": tahun - 1}
    return [t(key, lang, tahun=years.get(column, tahun)) for column, key in COLUMNS]


def table(rows: pd.DataFrame, tahun: int, n_bands: int, lang: str, for_screen: bool = True) -> pd.DataFrame:
    """Return one kota-year's rows (`of`) as the LKjIP table: COLUMNS with headings in `lang`, the band as icon
    and text, the direction and the source in words; numbers written in `lang` (two decimals, capaian with its
    '%') when `for_screen`, else left as numbers for a workbook. '<5' stays '<5'."""
    out = {}
    for (column, _), heading in zip(COLUMNS, headings(tahun, lang), strict=True):
        if column == "kategori":
            values = [_band_cell(k, g, n_bands) for k, g in zip(rows["kategori"], rows["tingkat"], strict=True)]
        elif column in NUMBERS and for_screen:
            values = [_number(v, lang, column == "capaian") for v in rows[column]]
        else:
            values = [_words(column, v, lang) for v in rows[column]]
        out[heading] = values
    return pd.DataFrame(out)


def _number(value: object, lang: str, percent: bool = False) -> str:
    """Return a number of the table for the screen: two decimals ('101,65%' for a capaian), '<5' or '–'."""
    if privacy.is_hidden(value):
        return privacy.marker()
    if value is None or fmt.is_missing(value) or pd.isna(value):
        return fmt.MISSING
    written = fmt.number(float(value), lang, 0 if float(value).is_integer() and not percent else 2)
    return written + "%" if percent else written


def _wrapped(name: str, width: int = 28) -> str:
    """Return an indicator's name broken into lines of about `width` characters for a label on a chart."""
    return "<br>".join(textwrap.wrap(name, width)) or name


ROW_PX = 96  # the height of one indicator in the chart: its name and capaian above a bar
BAR_WIDTH = 0.32  # of a row, so the two lines of text above the bar fit in the rest


def capaian_chart(rows: pd.DataFrame, skala: tuple[tuple[str, float], ...], lang: str) -> go.Figure:
    """Return horizontal bars of one kota-year's capaian (`of`), one per indicator in the table's order, coloured
    by band; above each bar the indicator's name and its capaian and band in words (meaning not by colour alone,
    and the whole width for the bars on a phone); a solid line at the target (100%) and a dashed line at the lower
    bound of each band. A capaian hidden as '<5' has no bar and reads '<5'; an indicator without realisasi has no
    bar and reads '–'."""
    values, hidden = rows_for_chart(rows)
    secret = hidden["capaian"] | hidden["kategori"]
    colors = band_colors(len(skala))
    names = [name for name, _ in skala]
    texts, marks = [], []
    for value, kategori, h in zip(values["capaian"], rows["kategori"], secret, strict=True):
        if h:
            texts.append(privacy.marker())
            marks.append(colors[-1])
        elif pd.isna(value):
            texts.append(fmt.MISSING)
            marks.append(colors[-1])
        else:
            texts.append(f"{fmt.percent(float(value), lang, 2)} · {kategori}")
            marks.append(colors[names.index(kategori)])
    drawn = values["capaian"].where(~secret)
    indicators = [str(n) for n in rows["indikator"]]
    fig = go.Figure(
        go.Bar(
            x=drawn,
            y=indicators,
            orientation="h",
            width=BAR_WIDTH,
            marker={"color": marks, "line": {"color": "#333333", "width": 1}},
            text=texts,  # written above the bar with the name (annotations); kept here for the text alternative
            textposition="none",
            customdata=hidden_flags(secret),
            hovertemplate="%{y}: %{text}<extra></extra>",
        )
    )
    for name, text in zip(indicators, texts, strict=True):
        fig.add_annotation(
            x=0,
            xref="paper",
            y=name,
            yshift=ROW_PX * BAR_WIDTH / 2 + 2,
            xanchor="left",
            yanchor="bottom",
            align="left",
            showarrow=False,
            text=f"{_wrapped(name, 38)}<br><b>{text}</b>",
            font={"size": FONT_SIZE - 2, "color": "#222222"},
            bgcolor="rgba(255, 255, 255, 0.85)",  # readable over the band lines
        )
    for edge in sakip.batas_skala(skala):
        fig.add_vline(x=edge, line_dash="dash", line_color="#555555", line_width=1)
    fig.add_vline(x=100, line_color="#222222", line_width=2)
    shown = drawn.dropna()
    low = min([0.0, *shown.tolist()])
    high = max([110.0, *shown.tolist()])
    fig.update_xaxes(title=t("sk_axis", lang), range=[low, high * 1.05], ticksuffix="%")
    fig.update_yaxes(autorange="reversed", showticklabels=False, title=None)
    note_hidden(fig, int(secret.sum()))
    note(fig, "bars", decimals=2, suffix="%")
    fig = apply_layout(fig, lang, height=110 + ROW_PX * len(rows))
    fig.update_layout(margin={"l": 10, "r": 20, "t": 20})
    return fig


def _cell(value: object) -> object:
    """Return a value openpyxl can store: None for missing, plain Python numbers, text as it is ('<5')."""
    if value is None or (not isinstance(value, str) and pd.isna(value)):
        return None
    return value.item() if hasattr(value, "item") else value


def _sheet(
    book: Workbook,
    rows: pd.DataFrame,
    kota: str,
    tahun: int,
    skala: tuple[tuple[str, float], ...],
    lang: str,
    notice: str,
) -> None:
    """Add the LKjIP sheet of one kota-year to `book`: title, period, notice, scale and formula, then the table
    with numbers as numbers (two decimals) from row HEADER_ROW."""
    sheet = book.create_sheet(kota[:31])
    sheet["A1"] = t("sk_xlsx_title", lang, kota=kota, tahun=tahun)
    sheet["A1"].font = Font(bold=True, size=14)
    sheet["A2"] = notice
    sheet["A2"].font = Font(bold=True, color="A50026")
    sheet["A3"] = t("sk_xlsx_scale", lang, skala=scale_text(skala, lang))
    sheet["A4"] = t("sk_xlsx_formula", lang)
    if rows.empty:
        sheet.cell(HEADER_ROW, 1, t("sk_xlsx_none", lang))
        return
    shown = table(rows, tahun, len(skala), lang, for_screen=False)
    for c, heading in enumerate(shown.columns, start=1):
        cell = sheet.cell(HEADER_ROW, c, heading)
        cell.font = Font(bold=True)
        cell.alignment = Alignment(wrap_text=True, vertical="top")
        column = COLUMNS[c - 1][0]
        sheet.column_dimensions[get_column_letter(c)].width = {"urutan": 5, "indikator": 48}.get(column, 16)
        for r, value in enumerate(shown[heading], start=HEADER_ROW + 1):
            cell = sheet.cell(r, c, _cell(value))
            if column in NUMBERS and not isinstance(cell.value, str):
                cell.number_format = '0.00"%"' if column == "capaian" else "#,##0.00"
            if column == "indikator":
                cell.alignment = Alignment(wrap_text=True, vertical="top")
    sheet.freeze_panes = sheet.cell(HEADER_ROW + 1, 3)


def xlsx_bytes(
    capaian: pd.DataFrame,
    kota: tuple[str, ...] | list[str],
    tahun: int,
    skala: tuple[tuple[str, float], ...],
    lang: str,
    notice: str = "",
) -> bytes:
    """Return the LKjIP workbook of `tahun`: one sheet per kota (in the order given) with the table of `of`, the
    scale the bands are on and the formula; `notice` (the synthetic-data notice, or '') under each title."""
    book = Workbook()
    book.remove(book.active)
    for name in kota:
        _sheet(book, of(capaian, name, tahun), name, tahun, skala, lang, notice)
    out = BytesIO()
    book.save(out)
    return out.getvalue()


def file_name(kota: tuple[str, ...] | list[str], tahun: int) -> str:
    """Return the workbook's name: 'lkjip_pontianak_2025.xlsx', several kota joined by '_'."""
    return f"lkjip_{cities_slug(kota)}_{tahun}.xlsx"


def summary(rows: pd.DataFrame, kota: str, tahun: int, lang: str) -> list[str]:
    """Return sentences on one kota-year's rows (`of`): how many indicators reached their target (a shown capaian
    of 100% or more) of those with a shown capaian, which did not, and which have no realisasi yet. A capaian
    hidden as '<5' is counted in neither."""
    values = privacy.numbers(rows)
    shown = values[values["capaian"].notna()]
    said = []
    if not shown.empty:
        met = int((shown["capaian"] >= 100).sum())
        said.append(t("sk_summary", lang, kota=kota, tahun=tahun, met=met, total=len(shown)))
        missed = shown.loc[shown["capaian"] < 100, "indikator"].tolist()
        if missed:
            said.append(t("sk_missed", lang, names="; ".join(missed)))
    empty = [i for i, r in zip(rows["indikator"], rows["realisasi"], strict=True) if r is None or pd.isna(r)]
    if empty:
        said.append(t("sk_no_realisasi", lang, names="; ".join(empty)))
    return said
