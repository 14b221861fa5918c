"""The offline HTML handout: one self-contained file (plotly.js inlined once) with the interactive charts,
their takeaways and sources, and the tables behind them."""

from __future__ import annotations

from html import escape

from analytics.meeting_files.content import Report, readable
from analytics.present import charts
from analytics.present.tables import display_table

STYLE = """
body{font-family:"DejaVu Sans",Arial,sans-serif;color:#111;max-width:1180px;margin:24px auto;padding:0 16px;
line-height:1.45}
h1{font-size:2rem;margin-bottom:.2em}h2{font-size:1.45rem;margin:2.2em 0 .3em}
.takeaway{font-size:1.2rem;font-weight:bold}.meta,.source,.caption{color:#333;font-size:.95rem}
.notice{border:2px solid #a50026;color:#a50026;font-weight:bold;padding:.6em 1em;margin:1em 0}
table{border-collapse:collapse;font-size:.9rem;margin:.6em 0}td,th{border:1px solid #999;padding:3px 8px}
td{text-align:right}td:first-child{text-align:left}details{margin:.4em 0 1em}
@media print{details{display:none}h2{break-before:page}}
"""


def html_bytes(report: Report) -> bytes:
    """Return the handout as UTF-8 HTML that works offline: every chart interactive (plotly.js is inlined
    once, in the first chart), each with its takeaway, caption, text alternative (what it shows in a sentence,
    which screen readers read with the chart), source and the table behind it; then the tables of text (the
    provinces and cities ranked, or the appendix)."""
    lang = report.lang
    parts = [
        f'<!DOCTYPE html><html lang="{lang}"><head><meta charset="utf-8">',
        f"<title>{escape(report.title)}</title><style>{STYLE}</style></head><body>",
    ]
    plotly_js = True
    for section in report.sections:
        if section.kind == "title":
            parts.append(f"<h1>{escape(section.title)}</h1>")
            parts += [f'<p class="meta">{escape(line)}</p>' for line in section.lines]
            if report.notice:
                parts.append(f'<p class="notice">{escape(report.notice)}</p>')
        elif section.kind == "findings":
            parts.append(f"<h2>{escape(section.title)}</h2><ul>")
            parts += [f"<li>{escape(line)}</li>" for line in section.lines]
            parts.append("</ul>")
        elif section.kind == "chart":
            parts.append(f'<section id="{section.key}"><h2>{escape(section.title)}</h2>')
            parts.append(f'<p class="takeaway">{escape(section.takeaway)}</p>')
            parts.append(
                section.figure.to_html(
                    full_html=False,
                    include_plotlyjs=plotly_js,
                    div_id=f"chart_{section.key}",
                    config={"displaylogo": False, "responsive": True},
                )
            )
            plotly_js = False
            parts.append(
                f'<p class="caption" id="alt_{section.key}">{escape(charts.describe(section.figure, lang))}</p>'
            )
            parts.append(f'<p class="caption">{escape(section.caption)}</p>')
            parts.append(f'<p class="source">{escape(section.source)}</p>')
            table = display_table(section.table, lang).to_html(index=False, border=0)
            parts.append(f"<details><summary>{escape(section.title)}</summary>{table}</details></section>")
        elif section.kind in ("table", "appendix"):
            parts.append(f'<section id="{section.key}"><h2>{escape(section.title)}</h2>')
            parts.append(readable(section, lang).to_html(index=False, border=0))
            parts.append(f'<p class="caption">{escape(section.caption)}</p>')
            parts.append(f'<p class="source">{escape(section.source)}</p></section>')
    parts.append("</body></html>")
    return "\n".join(parts).encode("utf-8")
