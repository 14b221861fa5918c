"""The PDF report (A4 portrait) with fpdf2: the same sections as the deck, black text on white, so it
stays readable printed in black and white (the charts carry markers, dashes and patterns). A wide table of text
(the cities or provinces ranked) takes landscape pages, its heading row repeated on each."""

from __future__ import annotations

from io import BytesIO
from pathlib import Path

import pandas as pd
from fpdf import FPDF
from fpdf.enums import XPos, YPos

from analytics.meeting_files.content import Report, Section, appendix_text, column_need, numeric_column, readable
from analytics.present import charts
from analytics.texts import t

FONT_DIRS = (  # DejaVu covers ≥, – and ▶; Debian ships it with fontconfig (fonts-dejavu-core)
    Path("/usr/share/fonts/truetype/dejavu"),
    Path("/usr/share/fonts/dejavu"),
    Path("/usr/local/share/fonts"),
    Path("/Library/Fonts"),
)
LATIN1 = str.maketrans({"≥": ">=", "≤": "<=", "–": "-", "—": "-", "▶": ">", "▼": "v", "•": "-", "·": "-"})
PAGE_W, MARGIN = 210, 15
TEXT_W = PAGE_W - 2 * MARGIN
BOTTOM = 18  # mm kept free at the foot of a page (the running footer)
SHRINK = 0.85  # a chart may be drawn this much smaller to stay on the page it starts on
WIDE_TABLE = 6  # a table of text with more columns than this takes landscape pages
TABLE_FONT = 8  # points in a table of text


def _font() -> tuple[Path, Path] | None:
    """Return the regular and bold DejaVu Sans files, or None when they are not installed."""
    for folder in FONT_DIRS:
        regular, bold = folder / "DejaVuSans.ttf", folder / "DejaVuSans-Bold.ttf"
        if regular.exists() and bold.exists():
            return regular, bold
    return None


class _Pdf(FPDF):
    """A4 pages with a running footer: the report title, the synthetic tag and the page number."""

    def __init__(self, report: Report) -> None:
        super().__init__(orientation="P", unit="mm", format="A4")
        self.report = report
        fonts = _font()
        if fonts:
            self.add_font("Body", "", str(fonts[0]))
            self.add_font("Body", "B", str(fonts[1]))
            self.family, self.plain = "Body", False
        else:  # core font: Latin-1 only, so a few symbols are spelled out
            self.family, self.plain = "Helvetica", True
        self.set_margins(MARGIN, MARGIN, MARGIN)
        self.set_auto_page_break(True, margin=BOTTOM)
        self.set_text_color(0, 0, 0)
        self.set_title(report.title)

    def text_of(self, text: str) -> str:
        """Return `text` as the chosen font can write it."""
        return text.translate(LATIN1).encode("latin-1", "replace").decode("latin-1") if self.plain else text

    def footer(self) -> None:
        self.set_y(-13)
        self.set_font(self.family, "", 8)
        tag = f"{t('synthetic_short', self.report.lang)} · " if self.report.notice else ""
        self.cell(0, 5, self.text_of(f"{tag}{self.report.title} · {self.page_no()}"), align="R")

    def para(self, text: str, size: float, bold: bool = False, height: float | None = None, gap: float = 2) -> None:
        """Write a wrapped paragraph across the text width."""
        self.set_font(self.family, "B" if bold else "", size)
        self.multi_cell(
            self.epw, height or size * 0.5, self.text_of(text), align="L", new_x=XPos.LMARGIN, new_y=YPos.NEXT
        )
        self.ln(gap)

    def para_height(self, text: str, size: float, bold: bool = False, height: float | None = None) -> float:
        """Return how high (mm) `para` would write `text`, without writing it."""
        self.set_font(self.family, "B" if bold else "", size)
        lines = self.multi_cell(self.epw, height or size * 0.5, self.text_of(text), dry_run=True, output="LINES")
        return len(lines) * (height or size * 0.5)


def _chart(pdf: _Pdf, section: Section, picture: bytes, size: tuple[int, int], lang: str) -> None:
    """Write a chart on one page, a new one when it does not fit the rest of this one: its title and takeaway, the
    picture with the chart's text alternative as its alt text, the caption and the source."""
    height = TEXT_W * size[1] / size[0]
    words = pdf.para_height(section.title, 14, bold=True) + pdf.para_height(section.takeaway, 11, bold=True)
    notes = pdf.para_height(section.caption, 8.5, height=4) + pdf.para_height(section.source, 8.5, height=4)
    room = pdf.h - BOTTOM - pdf.get_y() - words - notes - 12  # 12: the gaps between the parts
    if room < SHRINK * height:
        pdf.add_page()
    else:
        height = min(height, room)  # a little smaller rather than alone on the next page
    width = height * size[0] / size[1]
    pdf.para(section.title, 14, bold=True)
    pdf.para(section.takeaway, 11, bold=True)
    pdf.image(
        BytesIO(picture),
        x=MARGIN + (TEXT_W - width) / 2,
        w=width,
        h=height,
        alt_text=charts.describe(section.figure, lang),
    )
    pdf.ln(1)
    pdf.set_text_color(40, 40, 40)
    pdf.para(section.caption, 8.5, height=4, gap=0.5)
    pdf.para(section.source, 8.5, height=4, gap=6)
    pdf.set_text_color(0, 0, 0)


def _appendix(pdf: _Pdf, section: Section, lang: str) -> None:
    pdf.add_page()
    pdf.para(section.title, 16, bold=True, gap=4)
    table = appendix_text(section.table, lang)
    pdf.set_font(pdf.family, "", 9.5)
    first = 55
    rest = (TEXT_W - first) / max(len(table.columns) - 1, 1)
    widths = [first, *[rest] * (len(table.columns) - 1)]
    _grid(pdf, section, table, widths, ["LEFT", *["RIGHT"] * (len(table.columns) - 1)], 6, TEXT_W)


def _grid(
    pdf: _Pdf,
    section: Section,
    table: pd.DataFrame,
    widths: list[float],
    align: list[str],
    line_height: float,
    width: float,
    **kw,
) -> None:
    """Write `table` (text) as a grid with its heading row, then the section's caption and source under it; `kw`
    goes to fpdf's table (repeat_headings)."""
    with pdf.table(col_widths=widths, text_align=align, line_height=line_height, width=width, **kw) as grid:
        grid.row([pdf.text_of(str(c)) for c in table.columns])
        for values in table.itertuples(index=False):
            grid.row([pdf.text_of(str(v)) for v in values])
    pdf.ln(4)
    pdf.para(section.caption, 9, height=4.5)
    pdf.para(section.source, 9, height=4.5)


def _widths(table: pd.DataFrame, total: float) -> list[float]:
    """Return column widths (mm) adding up to `total`, each after its longest cell (a heading by its longest word,
    as it wraps)."""
    need = [column_need(name, table[name]) for name in table.columns]
    return [total * n / sum(need) for n in need]


def _table(pdf: _Pdf, section: Section, lang: str) -> None:
    """Write a table of text (`content.readable`: the cities or provinces ranked) from a new page, landscape when
    it is wide, its heading row repeated on every page, with the caption and the source under it."""
    table = readable(section, lang)
    pdf.add_page(orientation="L" if len(table.columns) > WIDE_TABLE else "P")
    pdf.para(section.title, 16, bold=True, gap=4)
    pdf.set_font(pdf.family, "", TABLE_FONT)
    numeric = [numeric_column(table.iloc[:, c]) for c in range(table.shape[1])]
    align = ["RIGHT" if n else "LEFT" for n in numeric]
    _grid(pdf, section, table, _widths(table, pdf.epw), align, TABLE_FONT * 0.5, pdf.epw, repeat_headings=1)


def pdf_bytes(report: Report, pictures: dict[str, bytes], size: tuple[int, int]) -> bytes:
    """Return the report as PDF bytes (A4): a cover with the findings, the charts two to a page with their
    takeaway, caption and source, and the appendix table; `pictures` as for the deck."""
    pdf = _Pdf(report)
    pdf.add_page()
    for section in report.sections:
        if section.kind == "title":
            pdf.ln(10)
            pdf.para(section.title, 22, bold=True, height=10, gap=4)
            for line in section.lines:
                pdf.para(line, 12, height=6, gap=1)
            if report.notice:
                pdf.ln(3)
                pdf.set_line_width(0.6)
                pdf.set_font(pdf.family, "B", 11)
                pdf.multi_cell(
                    TEXT_W,
                    6,
                    pdf.text_of(report.notice),
                    border=1,
                    padding=3,
                    align="L",
                    new_x=XPos.LMARGIN,
                    new_y=YPos.NEXT,
                )
            pdf.ln(8)
        elif section.kind == "findings":
            tall = pdf.para_height(section.title, 16) + sum(
                pdf.para_height(f"• {x}", 11.5, height=6) + 2 for x in section.lines
            )
            if pdf.get_y() + tall > pdf.h - BOTTOM:  # findings that do not fit under the title start a page
                pdf.add_page()
            pdf.para(section.title, 16, bold=True, gap=3)
            for line in section.lines:
                pdf.para(f"• {line}", 11.5, height=6, gap=2)
            pdf.add_page()
        elif section.kind == "chart":
            _chart(pdf, section, pictures[section.key], size, report.lang)
        elif section.kind == "table" or (section.kind == "appendix" and section.text is not None):
            _table(pdf, section, report.lang)
        elif section.kind == "appendix":
            _appendix(pdf, section, report.lang)
    return bytes(pdf.output())
