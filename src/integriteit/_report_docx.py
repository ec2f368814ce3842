"""The annual report as a Word document (``integriteit report --format docx``), to paste into
the jaarverslag: the same headings, tables, captions, sources and notes as the HTML page, in
the same house style (boxed tables, a shaded header row repeated on each page, right-aligned
numbers, a bold total row), and each chart as a native table of bars that Word keeps
editable. Needs the extra ``docx`` (python-docx).
"""

from __future__ import annotations

import io
import zipfile
from typing import TYPE_CHECKING, Any, BinaryIO

from integriteit.errors import InputError, Problem
from integriteit.i18n import Lang, Text

if TYPE_CHECKING:
    from integriteit.report import _Chart, _Table

DOCX_EXTRA = Text(
    "om Word te schrijven is de extra 'docx' nodig: pip install 'integriteit[docx]'",
    "writing Word needs the extra 'docx': pip install 'integriteit[docx]'")

_NOTES = Text("Toelichting", "Notes")
_CHART = Text("Diagram: {title}, per categorie per jaar (een blokje per {unit}).",
              "Chart: {title}, by category and year (a block per {unit}).")
_CHART_HEAD = (Text("Categorie", "Category"), Text("Jaar", "Year"), Text("", ""),
               Text("Aantal", "Count"))
_BLUE = "154273"
_HEAD_FILL = "DCE3EC"
_TOTAL_FILL = "F3F6F9"
_BAR = "\u2588"
_BAR_WIDTH = 30
"""The most blocks a bar of the chart table has."""


def _library() -> Any:
    try:
        import docx
    except ImportError:
        raise InputError([Problem("--format", "", DOCX_EXTRA)]) from None
    return docx


def write_document(title: str, intro: str, tables: list[_Table], notes: list[str],
                   lang: Lang, out: BinaryIO, no_data: str) -> None:
    """The Word document: title, introduction, a section per table, the notes, a closing
    line; written to ``out``."""
    from integriteit import __version__
    from integriteit.report import MADE_WITH, _numeric_columns, _plain

    docx = _library()
    from docx.enum.table import WD_TABLE_ALIGNMENT
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Pt, RGBColor

    document = docx.Document()
    document.core_properties.title = title
    document.core_properties.language = "nl-NL" if lang == "nl" else "en-GB"
    normal = document.styles["Normal"]
    normal.font.name = "Arial"
    normal.font.size = Pt(10)
    _set_language(normal, "nl-NL" if lang == "nl" else "en-GB")
    for level in (1, 2):
        style = document.styles[f"Heading {level}"]
        style.font.name = "Arial"
        style.font.color.rgb = RGBColor.from_string(_BLUE)
    caption_style = document.styles["Caption"]
    caption_style.font.size = Pt(9)
    caption_style.font.bold = False
    caption_style.font.color.rgb = RGBColor(0x33, 0x33, 0x33)
    document.add_heading(title, level=1)
    document.add_paragraph(intro)
    for table in tables:
        document.add_heading(table.title, level=2)
        numeric = _numeric_columns(table, no_data)
        grid = document.add_table(rows=1 + len(table.rows), cols=len(table.header))
        grid.style = document.styles["Table Grid"]
        grid.alignment = WD_TABLE_ALIGNMENT.LEFT
        for i, head in enumerate(table.header):
            cell = grid.rows[0].cells[i]
            _text(cell, head, bold=True,
                  right=i > 0 and numeric[i], align=WD_ALIGN_PARAGRAPH)
            _shade(cell, _HEAD_FILL)
        _repeat_header(grid.rows[0])
        _widths(grid, 6.0 if len(table.header) > 2 else 10.0)
        for r, row in enumerate(table.rows, 1):
            total = _plain(row[0])[1]
            for i, raw in enumerate(row):
                text, bold = _plain(raw)
                cell = grid.rows[r].cells[i]
                _text(cell, text, bold=bold or total, italic=text == no_data,
                      right=i > 0 and numeric[i], align=WD_ALIGN_PARAGRAPH)
                if total:
                    _shade(cell, _TOTAL_FILL)
        caption = document.add_paragraph(table.caption, style="Caption")
        caption.paragraph_format.space_after = Pt(0)
        source = document.add_paragraph(table.source)
        source.runs[0].font.size = Pt(8.5)
        source.runs[0].font.color.rgb = RGBColor(0x5F, 0x6B, 0x7A)
        if table.chart is not None and table.chart.groups:
            _chart(document, table.chart, table.title, lang)
    if notes:
        document.add_heading(_NOTES.get(lang), level=2)
        for note in notes:
            document.add_paragraph(note, style="List Bullet")
    closing = document.add_paragraph(MADE_WITH.format(lang, version=__version__))
    closing.runs[0].font.size = Pt(8)
    closing.runs[0].font.color.rgb = RGBColor(0x5F, 0x6B, 0x7A)
    made = io.BytesIO()
    document.save(made)
    out.write(_reproducible(made.getvalue()))


def _reproducible(data: bytes) -> bytes:
    """The Word file ``data`` (a zip) with every member dated 1 January 1980, the earliest
    date a zip holds: the same report gives the same bytes, whenever it is made (the library
    dates each member with the moment it was written)."""
    with zipfile.ZipFile(io.BytesIO(data)) as source:
        made = io.BytesIO()
        with zipfile.ZipFile(made, "w") as target:
            for member in source.infolist():
                fixed = zipfile.ZipInfo(member.filename, date_time=(1980, 1, 1, 0, 0, 0))
                fixed.compress_type = member.compress_type
                fixed.external_attr = member.external_attr
                target.writestr(fixed, source.read(member))
    return made.getvalue()


def _chart(document: Any, chart: _Chart, title: str, lang: Lang) -> None:
    """The chart as a native table: per category and year a bar of blocks and the count."""
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Pt, RGBColor

    values = [v for _, counts in chart.groups for v in counts if isinstance(v, int)]
    top = max(values, default=0)
    unit = max(1, -(-top // _BAR_WIDTH))
    words = Text("{n} items", "{n} entries") if unit > 1 else Text("item", "entry")
    label = document.add_paragraph(_CHART.format(
        lang, title=title, unit=words.format(lang, n=unit)), style="Caption")
    label.paragraph_format.keep_with_next = True
    rows = [(name, year, value) for name, counts in chart.groups
            for year, value in zip(chart.years, counts, strict=True)]
    grid = document.add_table(rows=1 + len(rows), cols=4)
    grid.style = document.styles["Table Grid"]
    for i, head in enumerate(_CHART_HEAD):
        _text(grid.rows[0].cells[i], head.get(lang), bold=True, right=i == 3,
              align=WD_ALIGN_PARAGRAPH)
        _shade(grid.rows[0].cells[i], _HEAD_FILL)
    _repeat_header(grid.rows[0])
    _widths(grid, 6.0, (1.5, 7.0, 1.5))
    previous = None
    for r, (name, year, value) in enumerate(rows, 1):
        cells = grid.rows[r].cells
        _text(cells[0], name if name != previous else "", align=WD_ALIGN_PARAGRAPH)
        previous = name
        _text(cells[1], str(year), align=WD_ALIGN_PARAGRAPH)
        if isinstance(value, int):
            bar = _BAR * (-(-value // unit))
            _text(cells[2], bar, align=WD_ALIGN_PARAGRAPH)
            run = cells[2].paragraphs[0].runs[0] if cells[2].paragraphs[0].runs else None
            if run is not None:
                shade = (0x15, 0x42, 0x73) if year == chart.years[-1] else (0x7F, 0x9C, 0xC0)
                run.font.color.rgb = RGBColor(*shade)
                run.font.size = Pt(8)
        _text(cells[3], str(value), right=True, align=WD_ALIGN_PARAGRAPH)


def _widths(grid: Any, first: float, rest: tuple[float, ...] | None = None,
            total: float = 16.0) -> None:
    """Column widths in centimetres: the label column ``first`` wide, the others ``rest`` or
    sharing what is left of ``total`` (Word then wraps labels at words, not inside them)."""
    from docx.shared import Cm

    columns = len(grid.columns)
    others = rest or (max(1.6, (total - first) / max(1, columns - 1)),) * (columns - 1)
    grid.autofit = False
    for column, width in zip(grid.columns, (first, *others), strict=True):
        column.width = Cm(width)
    for row in grid.rows:
        for cell, width in zip(row.cells, (first, *others), strict=True):
            cell.width = Cm(width)


def _text(cell: Any, text: str, *, bold: bool = False, italic: bool = False,
          right: bool = False, align: Any) -> None:
    paragraph = cell.paragraphs[0]
    if text:
        run = paragraph.add_run(text)
        run.bold = bold or None
        run.italic = italic or None
    if right:
        paragraph.alignment = align.RIGHT


def _shade(cell: Any, fill: str) -> None:
    """A cell's background colour (python-docx has no call for it: the XML)."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    properties = cell._tc.get_or_add_tcPr()
    shading = OxmlElement("w:shd")
    shading.set(qn("w:val"), "clear")
    shading.set(qn("w:color"), "auto")
    shading.set(qn("w:fill"), fill)
    properties.append(shading)


def _repeat_header(row: Any) -> None:
    """The row repeats at the top of each page the table runs over."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    properties = row._tr.get_or_add_trPr()
    header = OxmlElement("w:tblHeader")
    header.set(qn("w:val"), "true")
    properties.append(header)


def _set_language(style: Any, tag: str) -> None:
    """The proofing language of a style (so Word checks the spelling in the right one)."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    properties = style.element.get_or_add_rPr()
    language = OxmlElement("w:lang")
    language.set(qn("w:val"), tag)
    properties.append(language)
