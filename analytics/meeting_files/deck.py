"""The PowerPoint deck (16:9): one slide per section of a Report, text large enough for a projector. Findings and
tables too long for one slide go on over the next ones (numbered in their titles), in smaller type down to a floor
that stays readable; a long takeaway takes smaller type and the chart under it shrinks to make room."""

from __future__ import annotations

import math
from io import BytesIO

from pptx import Presentation
from pptx.dml.color import RGBColor
from pptx.enum.text import PP_ALIGN
from pptx.util import Emu, Inches, Pt

from analytics.meeting_files.content import Report, Section, appendix_text, column_need, numeric_column, readable
from analytics.present import charts
from analytics.present import formatting as fmt
from analytics.texts import t

SLIDE_W, SLIDE_H = Emu(12192000), Emu(6858000)  # 13.333 x 7.5 in, PowerPoint's 16:9
MARGIN = Inches(0.5)
DARK = RGBColor(0x1A, 0x1A, 0x1A)
GREY = RGBColor(0x44, 0x44, 0x44)
ALERT = RGBColor(0xA5, 0x00, 0x26)
TITLE_ONLY = 5  # layout of the default template with just a title placeholder
CHAR_EM = 0.55  # the mean width of a character, in ems: how much a line holds (Calibri is narrower; DejaVu Sans,
# which LibreOffice puts in its place where Calibri is not installed, about this wide)
BOLD_EM = 0.6  # the same in bold
LINE = 1.2  # a line's height, in font sizes
WRAPPED = 0.9  # the share of a line that holds text once words wrap (a word that does not fit goes down whole)
INSET = Inches(0.2)  # a text box's inner margins, left and right (top and bottom: half of it)
BODY_TOP, BODY_BOTTOM = Inches(1.5), Inches(7.1)  # the findings' text box
TAKEAWAY_TOP, PICTURE_BOTTOM = Inches(1.25), Inches(6.85)  # a chart slide: its takeaway, then the picture
TAKEAWAY_SIZES = (22, 20, 18, 16)  # points, the largest a takeaway fits in at most TAKEAWAY_MAX high
TAKEAWAY_MAX = Inches(1.6)
SUBTITLE_SIZES = (24, 20, 18, 16)  # points of the title slide's lines (period, date of data, what it is about)
FINDING_SIZES = (24, 20, 18)  # points; findings that fit no slide at the last go on over more slides
TABLE_TOP, TABLE_BOTTOM = Inches(1.4), Inches(6.4)  # a table of text (ranked cities, provinces)
TABLE_SIZE = 12  # points in a table of text
ROW, HEADING_ROW = Inches(0.3), Inches(0.62)  # the heights of a table's rows (a heading wraps to two lines)


def _text(slide, left, top, width, height, lines, size: int, bold: bool = False, color=DARK, bullet: bool = False):
    """Add a text box with one paragraph per line, wrapped, in `size` points."""
    frame = slide.shapes.add_textbox(left, top, width, height).text_frame
    frame.word_wrap = True
    for i, line in enumerate(lines):
        paragraph = frame.paragraphs[0] if i == 0 else frame.add_paragraph()
        paragraph.text = ("• " if bullet else "") + line
        paragraph.font.size = Pt(size)
        paragraph.font.bold = bold
        paragraph.font.color.rgb = color
        paragraph.space_after = Pt(size * 0.6)
    return frame


def _height(lines: list[str], width: int, size: int, bold: bool = False) -> int:
    """Return about how high (EMU) `lines` stand as paragraphs of `size` points (`bold`) wrapped in `width` EMU,
    each followed by the gap `_text` leaves."""
    per_line = max(1, int(WRAPPED * (width - INSET) / Pt(size * (BOLD_EM if bold else CHAR_EM))))
    rows = sum(max(1, math.ceil(len(line) / per_line)) for line in lines)
    return int(Pt(size) * (LINE * rows + 0.6 * len(lines)) + INSET / 2)


def _pages(
    lines: list[str], width: int, height: int, sizes: tuple[int, ...], bold: bool = False
) -> tuple[int, list[list[str]]]:
    """Return the largest of `sizes` at which `lines` (`bold`) fit one box of `width` x `height` EMU, with them as
    one page; else the smallest size and the lines split over as many boxes as they need (a line is never cut)."""
    for size in sizes:
        if _height(lines, width, size, bold) <= height:
            return size, [lines]
    size, pages = sizes[-1], [[]]
    for line in lines:
        if pages[-1] and _height([*pages[-1], line], width, size, bold) > height:
            pages.append([])
        pages[-1].append(line)
    return size, pages


def _part(title: str, i: int, n: int, lang: str) -> str:
    """Return a slide's title, numbered ('Lampiran (2/7)') when its section spans `n` > 1 slides."""
    return title if n == 1 else t("nf_part", lang, title=title, i=i, n=n)


def _slide(prs, title: str, size: int, notice: str, lang: str):
    """Add a slide whose title placeholder spans the top, and the synthetic-data tag when it applies."""
    slide = prs.slides.add_slide(prs.slide_layouts[TITLE_ONLY])
    shape = slide.shapes.title
    shape.left, shape.top, shape.width, shape.height = MARGIN, Inches(0.25), SLIDE_W - 2 * MARGIN, Inches(1.0)
    shape.text = title
    paragraph = shape.text_frame.paragraphs[0]
    paragraph.font.size, paragraph.font.bold, paragraph.font.color.rgb = Pt(size), True, DARK
    paragraph.alignment = PP_ALIGN.LEFT
    shape.text_frame.word_wrap = True
    if notice:
        _text(
            slide,
            SLIDE_W - Inches(3.3),
            Inches(0.02),
            Inches(3.2),
            Inches(0.3),
            [t("synthetic_short", lang)],
            12,
            bold=True,
            color=ALERT,
        ).paragraphs[0].alignment = PP_ALIGN.RIGHT
    return slide


def _title_slide(prs, report: Report, section: Section) -> None:
    """Add the title slide: the title, its lines in the largest type they fit above the notice in (SUBTITLE_SIZES),
    and the synthetic-data notice in a red box."""
    slide = _slide(prs, section.title, 40, report.notice, report.lang)
    slide.shapes.title.top = Inches(1.4)
    slide.shapes.title.height = Inches(1.6)
    wide = SLIDE_W - 2 * MARGIN
    size, _ = _pages(list(section.lines), wide, Inches(2.0), SUBTITLE_SIZES)
    _text(slide, MARGIN, Inches(3.2), wide, Inches(2.0), section.lines, size)
    if report.notice:
        box = slide.shapes.add_textbox(MARGIN, Inches(5.3), SLIDE_W - 2 * MARGIN, Inches(1.3))
        box.line.color.rgb, box.line.width = ALERT, Pt(2)
        frame = box.text_frame
        frame.word_wrap = True
        frame.paragraphs[0].text = report.notice
        frame.paragraphs[0].font.size, frame.paragraphs[0].font.bold = Pt(20), True
        frame.paragraphs[0].font.color.rgb = ALERT


def _chart_slide(prs, report: Report, section: Section, picture: bytes, size: tuple[int, int]) -> None:
    """Add a chart's slide: its takeaway in the largest type it fits in (TAKEAWAY_SIZES), the picture in the rest
    of the slide with the chart's text alternative as its alt text, the source, and the caption as the notes."""
    wide = SLIDE_W - 2 * MARGIN
    heading, _ = _pages([section.title], wide, Inches(0.8), (26, 22), bold=True)  # one line above the takeaway
    slide = _slide(prs, section.title, heading, report.notice, report.lang)
    points, _ = _pages([section.takeaway], wide, TAKEAWAY_MAX, TAKEAWAY_SIZES, bold=True)
    tall = max(Inches(0.85), _height([section.takeaway], wide, points, bold=True))
    _text(slide, MARGIN, TAKEAWAY_TOP, wide, tall, [section.takeaway], points, bold=True)
    top = TAKEAWAY_TOP + tall + Inches(0.1)
    height = PICTURE_BOTTOM - top
    width = min(Emu(int(height * size[0] / size[1])), wide)
    height = Emu(int(width * size[1] / size[0]))
    shape = slide.shapes.add_picture(BytesIO(picture), int((SLIDE_W - width) / 2), top, width, height)
    shape._element.nvPicPr.cNvPr.set("descr", charts.describe(section.figure, report.lang))  # the alt text
    _text(slide, MARGIN, Inches(6.95), wide, Inches(0.4), [section.source], 12, color=GREY)
    slide.notes_slide.notes_text_frame.text = section.caption


def _findings_slides(prs, report: Report, section: Section) -> None:
    """Add the findings as bullets, in the largest type they fit one slide in (FINDING_SIZES), else over as many
    slides as they need."""
    wide = SLIDE_W - 2 * MARGIN
    size, pages = _pages(list(section.lines), wide - Pt(30), BODY_BOTTOM - BODY_TOP, FINDING_SIZES)
    for i, lines in enumerate(pages, start=1):
        slide = _slide(prs, _part(section.title, i, len(pages), report.lang), 32, report.notice, report.lang)
        _text(slide, MARGIN, BODY_TOP, wide, BODY_BOTTOM - BODY_TOP, lines, size, bullet=True)


def _widths(table, total: int) -> list[int]:
    """Return column widths (EMU) adding up to `total`, each after its longest cell (a heading by its longest
    word, as it wraps)."""
    need = [column_need(name, table[name]) for name in table.columns]
    return [int(total * n / sum(need)) for n in need]


def _table_slides(prs, report: Report, section: Section) -> None:
    """Add a table of text (`content.readable`: ranked cities or provinces) over as many slides as its rows need,
    the heading row on each, with the caption and source under it."""
    table = readable(section, report.lang)
    per_slide = max(1, int((TABLE_BOTTOM - TABLE_TOP - HEADING_ROW) / ROW))
    chunks = [table.iloc[i : i + per_slide] for i in range(0, max(len(table), 1), per_slide)]
    widths = _widths(table, SLIDE_W - 2 * MARGIN)
    for i, rows in enumerate(chunks, start=1):
        slide = _slide(prs, _part(section.title, i, len(chunks), report.lang), 28, report.notice, report.lang)
        shape = slide.shapes.add_table(
            len(rows) + 1, len(table.columns), MARGIN, TABLE_TOP, SLIDE_W - 2 * MARGIN, HEADING_ROW + ROW * len(rows)
        )
        grid = shape.table
        for c, width in enumerate(widths):
            grid.columns[c].width = width
        grid.rows[0].height = HEADING_ROW
        for c, name in enumerate(table.columns):
            grid.cell(0, c).text = str(name)
        for r, values in enumerate(rows.itertuples(index=False), start=1):
            grid.rows[r].height = ROW
            for c, value in enumerate(values):
                grid.cell(r, c).text = str(value)
        numeric = [numeric_column(table.iloc[:, c]) for c in range(table.shape[1])]
        for r in range(len(rows) + 1):
            for c in range(len(widths)):
                cell = grid.cell(r, c)
                cell.margin_top = cell.margin_bottom = Inches(0.02)
                paragraph = cell.text_frame.paragraphs[0]
                paragraph.font.size, paragraph.font.bold = Pt(TABLE_SIZE), r == 0
                paragraph.alignment = PP_ALIGN.RIGHT if numeric[c] else PP_ALIGN.LEFT
        # the notes under the table; when they need more room than is left below TABLE_BOTTOM, a short table lets
        # them start right under it (a row spare, for a wrapped cell)
        notes, bottom = [section.caption, section.source], TABLE_BOTTOM
        if _height(notes, SLIDE_W - 2 * MARGIN, 11) > SLIDE_H - TABLE_BOTTOM - Inches(0.15):
            bottom = min(TABLE_BOTTOM, TABLE_TOP + HEADING_ROW + ROW * (len(rows) + 1))
        _text(
            slide,
            MARGIN,
            bottom + Inches(0.1),
            SLIDE_W - 2 * MARGIN,
            SLIDE_H - bottom - Inches(0.15),
            notes,
            11,
            color=GREY,
        )


def _appendix_slide(prs, report: Report, section: Section) -> None:
    slide = _slide(prs, section.title, 30, report.notice, report.lang)
    table = appendix_text(section.table, report.lang)
    rows, cols = len(table) + 1, len(table.columns)
    first = Inches(3.6)
    shape = slide.shapes.add_table(rows, cols, MARGIN, Inches(1.4), SLIDE_W - 2 * MARGIN, Inches(0.48 * rows))
    grid = shape.table
    grid.columns[0].width = first
    for c in range(1, cols):
        grid.columns[c].width = int((SLIDE_W - 2 * MARGIN - first) / (cols - 1))
    for c, name in enumerate(table.columns):
        grid.cell(0, c).text = str(name)
    for r, values in enumerate(table.itertuples(index=False), start=1):
        for c, value in enumerate(values):
            grid.cell(r, c).text = str(value)
    for r in range(rows):
        for c in range(cols):
            paragraph = grid.cell(r, c).text_frame.paragraphs[0]
            paragraph.font.size, paragraph.font.bold = Pt(16), r == 0
            paragraph.alignment = PP_ALIGN.LEFT if c == 0 else PP_ALIGN.RIGHT
    _text(
        slide,
        MARGIN,
        Inches(6.55),
        SLIDE_W - 2 * MARGIN,
        Inches(0.8),
        [section.caption, section.source],
        12,
        color=GREY,
    )


def pptx_bytes(report: Report, pictures: dict[str, bytes], size: tuple[int, int]) -> bytes:
    """Return the deck as .pptx bytes: one slide per section of `report` (findings and tables that need more, over
    more slides); `pictures` holds the PNG of each chart section by key, rendered at `size` (width, height) in
    proportion."""
    prs = Presentation()
    prs.slide_width, prs.slide_height = SLIDE_W, SLIDE_H
    prs.core_properties.title = report.title
    prs.core_properties.language = fmt.LOCALES[report.lang].office_language
    for section in report.sections:
        if section.kind == "title":
            _title_slide(prs, report, section)
        elif section.kind == "findings":
            _findings_slides(prs, report, section)
        elif section.kind == "chart":
            _chart_slide(prs, report, section, pictures[section.key], size)
        elif section.kind == "table" or (section.kind == "appendix" and section.text is not None):
            _table_slides(prs, report, section)
        elif section.kind == "appendix":
            _appendix_slide(prs, report, section)
    out = BytesIO()
    prs.save(out)
    return out.getvalue()
