"""Indeks Profesionalitas ASN: per kota and year the index of PNS and PPPK, both ways of combining them (named),
the category in words, the four dimension means, where the focus city stands among many; per OPD of one city."""

import streamlit as st

from analytics import metrics, privacy, queries
from analytics.present import charts, reshape, standing
from analytics.present import formatting as fmt
from analytics.present.measures import IP_ASN_PNS
from analytics.queries.ip_asn import JP_TEKNIS
from analytics.texts import t
from domain import ip_asn
from ui import components, data, state

DEFINITION = "ip-asn"

ctx = components.start_page("ip_title", breakdowns=False)  # many cities, none the reader's: their spread
lang, f = ctx.lang, ctx.filters
year = f.tahun_akhir
st.caption(t("ip_intro", lang) + f" [{t('definition', lang)}](/definisi#{DEFINITION})")

kota_years = data.fetch(queries.ip_asn_kota, f)
if kota_years.empty:
    components.no_data(ctx, "pegawai")
    st.stop()
if ctx.needs_focus:  # how the cities spread, then one's own city to see its figures and agencies
    pick, choose = st.columns([3, 2], vertical_alignment="bottom")
    pick.markdown(t("nat_pick", lang))
    with choose:
        state.focus_picker(lang, list(f.kota))
    components.spread(ctx, kota_years, IP_ASN_PNS)
    st.stop()
styles = charts.city_styles(ctx.info.kota, ctx.many, ctx.fokus)
in_year = reshape.pick(kota_years, tahun=year)


def count(value: object) -> str:
    """Return a number of people as written, '<5' when hidden."""
    return fmt.shown(value, lambda v: fmt.number(v, lang))


def points(value: object) -> str:
    """Return IP ASN points with two decimals, '<5' when hidden."""
    return fmt.shown(value, lambda v: fmt.number(float(v), lang, 2))


# The tiles of one city: the focus city when many are compared, else the one chosen here.
kota = ctx.fokus if ctx.many else components.one_city(ctx, "ip_kota")
mine = reshape.pick(in_year, kota=kota)
if not mine.empty:
    row = mine.iloc[0]
    st.subheader(t("ip_tiles_title", lang, kota=kota, year=year))
    tiles = (
        (t("ip_tile_pns", lang, n=count(row["jumlah_pns"])), "ip_asn_pns", None),
        (t("ip_tile_pppk", lang, n=count(row["jumlah_pppk"])), "ip_asn_pppk", None),
        (t("ip_tile_tertimbang", lang), "ip_asn_tertimbang", t("ip_tile_help_tertimbang", lang)),
        (t("ip_tile_rerata", lang), "ip_asn_rerata", t("ip_tile_help_rerata", lang)),
    )
    for column, (label, figure, help_text) in zip(st.columns(4), tiles, strict=True):
        value, band = row[figure], row[f"kategori_{figure}"]
        shown = fmt.MISSING if fmt.is_missing(value) else points(value)
        kategori = band if isinstance(band, str) and not privacy.is_hidden(band) else None
        # the category in words under the figure, grey and without an arrow: never told by colour
        column.container(border=True).metric(
            label, shown, kategori, delta_color="off", delta_arrow="off", help=help_text
        )
    st.caption(t("ip_combinations", lang))

if ctx.many and ctx.fokus:
    where = metrics.standing(privacy.numbers(in_year), "ip_asn_pns", ctx.fokus)
    if where.value is not None and where.median is not None:
        st.markdown(
            t(
                "ip_standing",
                lang,
                kota=ctx.fokus,
                year=year,
                value=fmt.number(where.value, lang, 2),
                rank=standing.rank_text(where, lang),
                median=fmt.number(where.median, lang, 2),
                diff=fmt.points(where.value - where.median, lang, 2),
            )
        )

components.chart(
    t("ip_q_trend", lang),
    t("ip_c_trend", lang),
    components.figure(
        charts.trend,
        kota_years[["kota", "tahun", "jumlah_pns", "ip_asn_pns"]],
        "ip_asn_pns",
        styles,
        lang,
        t("ip_y_title", lang),
        y_range=(0, 100),
        target=ip_asn.KATEGORI[2][1],
        target_label=t("ip_sedang_line", lang),
    ),
    kota_years,
    lang,
    "ip_asn_tren",
    DEFINITION,
)

dimensions = data.fetch(queries.ip_asn_dimensi, ctx.breakdown())
if not dimensions.empty:
    named = dimensions.assign(dimensi=[t(f"ip_dim_{d}", lang) for d in dimensions["dimensi"]])
    components.chart(
        t("ip_q_dimensions", lang, year=year),
        t("ip_c_dimensions", lang),
        components.figure(
            charts.grouped_bars, named, "dimensi", "rata_poin", styles, lang, t("ip_y_points", lang), "%{y:,.1f}"
        ),
        dimensions,
        lang,
        "ip_asn_dimensi",
        DEFINITION,
    )

st.subheader(t("ip_table_title", lang, year=year))
components.table(in_year.drop(columns="tahun"), lang)
st.caption(t("ip_caveat", lang))

city = ctx.fokus if ctx.many else kota
jenis = st.radio(t("ip_jenis", lang), ("PNS", "PPPK"), horizontal=True, key="ip_jenis", bind="query-params")
by_opd = data.fetch(queries.ip_asn_opd, ctx.breakdown(), jenis)
opds = reshape.pick(by_opd, kota=city)
if opds.empty:
    components.nothing_to_show(lang, t("ip_no_opd", lang, jenis=jenis, kota=city, year=year))
else:
    # the category in words beside each OPD's name (the bars all have one colour)
    named = opds.assign(
        opd=[
            o if privacy.is_hidden(k) else f"{o} ({k})"
            for o, k in zip(opds["opd"], opds["kategori_ip_asn"], strict=True)
        ]
    )
    texts = [fmt.shown(v, lambda x: fmt.number(float(x), lang, 1)) for v in named["ip_asn"]]
    components.chart(
        t("ip_q_opd", lang, kota=city, year=year),
        t("ip_c_opd", lang, jenis=jenis),
        components.figure(charts.ranked_bars, named, "opd", "ip_asn", styles, texts, lang),
        opds,
        lang,
        "ip_asn_opd",
        DEFINITION,
    )

# From training to the index: what the PNS of the city miss of kompetensi, what closing it would add, its cost.


gaps = reshape.pick(data.fetch(queries.ip_asn_kurang_kota, ctx.breakdown()), kota=city)
if not gaps.empty:
    gap = gaps.iloc[0]
    st.subheader(t("ip_gap_title", lang))
    said = [
        t(
            "ip_gap_sentence",
            lang,
            kota=city,
            year=year,
            missing=count(gap["kurang_kompetensi"]),
            total=count(gap["jumlah_pns"]),
            jp=JP_TEKNIS,
            **{b: count(gap[f"kurang_{b}"]) for b in ("teknis", "kepemimpinan", "fungsional", "seminar")},
        )
    ]
    then = gap["ip_asn_pns_jika"]
    if not privacy.is_hidden(then) and not fmt.is_missing(then):
        said.append(
            t(
                "ip_gap_whatif",
                lang,
                rise=points(gap["kenaikan_kompetensi"]),
                now=points(gap["ip_asn_pns"]),
                then=points(then),
                kategori=ip_asn.kategori(float(then)),
            )
        )
    if not privacy.is_hidden(gap["biaya_teknis"]) and not fmt.is_missing(gap["biaya_teknis"]):
        said.append(
            t(
                "ip_gap_cost",
                lang,
                jp_total=count(gap["jp_teknis"]),
                biaya=fmt.rupiah(float(gap["biaya_teknis"]), lang),
                kota=city,
                year=year,
                per_jp=fmt.rupiah(float(gap["biaya_per_jp"]), lang, compact=False),
            )
        )
    st.markdown(" ".join(said))
    by_opd_gap = reshape.pick(data.fetch(queries.ip_asn_kurang_opd, ctx.breakdown()), kota=city)
    if not by_opd_gap.empty:
        texts = [points(v) for v in by_opd_gap["kenaikan_kompetensi"]]
        components.chart(
            t("ip_q_gap_opd", lang),
            t("ip_c_gap_opd", lang, kota=city, year=year),
            components.figure(charts.ranked_bars, by_opd_gap, "opd", "kenaikan_kompetensi", styles, texts, lang),
            by_opd_gap,
            lang,
            "ip_asn_kurang_opd",
            DEFINITION,
        )

# BKN's published figure beside the computed one, the difference per dimension and what commonly explains it.
st.subheader(t("ip_bkn_title", lang))
published = reshape.pick(data.fetch(queries.ip_asn_bkn, ctx.breakdown()), kota=city)
if published.empty:
    st.caption(t("ip_bkn_none", lang, kota=city))
else:
    st.caption(t("ip_bkn_intro", lang, kota=city))
    components.table(published.drop(columns="kota"), lang)
    st.markdown(t("ip_bkn_why", lang))
