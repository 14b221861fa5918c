"""The PowerPoint deck (16:9): one slide per section of a Report, text large enough for a projector."""

from __future__ import annotations

from io import BytesIO

from pptx import Presentation
from pptx.dml.color import RGBColor
from pptx.enum.text import PP_ALIGN
from pptx.util import Emu, Inches, Pt

from analytics.meeting_files.content import Report, Section, appendix_text
from analytics.present import formatting as fmt
from analytics.texts import t

SLIDE_W, SLIDE_H = Emu(12192000), Emu(6858000)  # 13.333 x 7.5 in, PowerPoint's 16:9
MARGIN = Inches(0.5)
DARK = RGBColor(0x1A, 0x1A, 0x1A)
GREY = RGBColor(0x44, 0x44, 0x44)
ALERT = RGBColor(0xA5, 0x00, 0x26)
TITLE_ONLY = 5  # layout of the default template with just a title placeholder


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
    slide = _slide(prs, section.title, 40, report.notice, report.lang)
    slide.shapes.title.top = Inches(1.4)
    slide.shapes.title.height = Inches(1.6)
    _text(slide, MARGIN, Inches(3.2), SLIDE_W - 2 * MARGIN, Inches(1.6), section.lines, 24)
    if report.notice:
        box = slide.shapes.add_textbox(MARGIN, Inches(5.3), SLIDE_W - 2 * MARGIN, Inches(1.3))
        box.line.color.rgb, box.line.width = ALERT, Pt(2)
        frame = box.text_frame
        frame.word_wrap = True
        frame.paragraphs[0].text = report.notice
        frame.paragraphs[0].font.size, frame.paragraphs[0].font.bold = Pt(20), True
        frame.paragraphs[0].font.color.rgb = ALERT


def _chart_slide(prs, report: Report, section: Section, picture: bytes, size: tuple[int, int]) -> None:
    slide = _slide(prs, section.title, 26, report.notice, report.lang)
    _text(slide, MARGIN, Inches(1.25), SLIDE_W - 2 * MARGIN, Inches(0.85), [section.takeaway], 22, bold=True)
    height = Inches(4.65)
    width = Emu(int(height * size[0] / size[1]))
    slide.shapes.add_picture(BytesIO(picture), int((SLIDE_W - width) / 2), Inches(2.2), width, height)
    _text(slide, MARGIN, Inches(6.95), SLIDE_W - 2 * MARGIN, Inches(0.4), [section.source], 12, color=GREY)
    slide.notes_slide.notes_text_frame.text = section.caption


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
    """Return the deck as .pptx bytes: one slide per section of `report`; `pictures` holds the PNG of each
    chart section by key, rendered at `size` (width, height) in proportion."""
    prs = Presentation()
    prs.slide_width, prs.slide_height = SLIDE_W, SLIDE_H
    prs.core_properties.title = report.title
    prs.core_properties.language = fmt.LOCALES[report.lang].office_language
    for section in report.sections:
        if section.kind == "title":
            _title_slide(prs, report, section)
        elif section.kind == "findings":
            slide = _slide(prs, section.title, 32, report.notice, report.lang)
            _text(slide, MARGIN, Inches(1.5), SLIDE_W - 2 * MARGIN, Inches(5.6), section.lines, 24, bullet=True)
        elif section.kind == "chart":
            _chart_slide(prs, report, section, pictures[section.key], size)
        elif section.kind == "appendix":
            _appendix_slide(prs, report, section)
    out = BytesIO()
    prs.save(out)
    return out.getvalue()
