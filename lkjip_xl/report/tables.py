"""Word tables written as OOXML text in one pass (fast for 2 000-row tables).

Every table gets: explicit single borders (no dependency on a table style the user's base may
lack), fixed column widths, header rows repeated on each page (w:tblHeader), rows that do not
split across pages (w:cantSplit), and optional cell shading (predikat colours from the Band).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from xml.sax.saxutils import escape

from docx.document import Document
from docx.oxml import parse_xml
from docx.table import Table

from lkjip_xl.report.ooxml import shd_xml, xml_safe

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
DXA_PER_CM = 567
HEADER_FILL = "#D9D9D9"
TOTAL_FILL = "#F2F2F2"
_ALIGN = {"left": "left", "center": "center", "right": "right", "justify": "both"}


@dataclass
class Cell:
    """One cell: text (\\n makes a new line), formatting, optional fill and merging."""

    text: object = ""
    bold: bool = False
    italic: bool = False
    align: str = "left"
    fill: str | None = None
    span: int = 1
    vmerge: str | None = None  # "restart" on the first cell, "continue" below it
    colour: str | None = None  # font colour; default: white on dark fills, else automatic


CellLike = Cell | str | int | float | None


def as_cell(value: CellLike) -> Cell:
    if isinstance(value, Cell):
        return value
    return Cell("" if value is None else value)


def text_colour_for(fill: str) -> str | None:
    """White text on dark fills (Merah/Hijau/Biru), automatic on light ones."""
    hexa = fill.lstrip("#")
    r, g, b = (int(hexa[i : i + 2], 16) for i in (0, 2, 4))
    return "FFFFFF" if (0.299 * r + 0.587 * g + 0.114 * b) < 150 else None


def _run(text: str, bold: bool, italic: bool, colour: str | None) -> str:
    props = ("<w:b/>" if bold else "") + ("<w:i/>" if italic else "")
    if colour:
        props += f'<w:color w:val="{colour.lstrip("#").upper()}"/>'
    rpr = f"<w:rPr>{props}</w:rPr>" if props else ""
    parts = []
    for i, line in enumerate(text.split("\n")):
        if i:
            parts.append("<w:br/>")
        for j, piece in enumerate(line.split("\t")):
            if j:
                parts.append("<w:tab/>")
            if piece:
                parts.append(f'<w:t xml:space="preserve">{escape(piece)}</w:t>')
    return f"<w:r>{rpr}{''.join(parts)}</w:r>"


def _cell_xml(cell: Cell, width: int, style_id: str, header: bool) -> str:
    tcpr = f'<w:tcW w:w="{width}" w:type="dxa"/>'
    if cell.span > 1:
        tcpr += f'<w:gridSpan w:val="{cell.span}"/>'
    if cell.vmerge == "restart":
        tcpr += '<w:vMerge w:val="restart"/>'
    elif cell.vmerge == "continue":
        tcpr += "<w:vMerge/>"
    fill = cell.fill or (HEADER_FILL if header else None)
    if fill:
        tcpr += shd_xml(fill)
    tcpr += '<w:vAlign w:val="center"/>'
    colour = cell.colour or (text_colour_for(fill) if fill else None)
    ppr = f'<w:pStyle w:val="{style_id}"/>'
    if header:
        ppr += "<w:keepNext/>"
    ppr += f'<w:jc w:val="{_ALIGN.get(cell.align, "left")}"/>'
    text = "" if cell.vmerge == "continue" else xml_safe(cell.text)
    run = _run(text, cell.bold or header, cell.italic, colour) if text else ""
    return f"<w:tc><w:tcPr>{tcpr}</w:tcPr><w:p><w:pPr>{ppr}</w:pPr>{run}</w:p></w:tc>"


def table_xml(
    header: Sequence[Sequence[CellLike]],
    rows: Sequence[Sequence[CellLike]],
    widths_cm: Sequence[float],
    style_id: str,
) -> str:
    widths = [round(w * DXA_PER_CM) for w in widths_cm]
    total = sum(widths)
    border = '<w:{0} w:val="single" w:sz="4" w:space="0" w:color="000000"/>'
    borders = "".join(
        border.format(side) for side in ("top", "left", "bottom", "right", "insideH", "insideV")
    )
    out = [
        f'<w:tbl xmlns:w="{W_NS}"><w:tblPr><w:tblW w:w="{total}" w:type="dxa"/>'
        f'<w:jc w:val="center"/><w:tblBorders>{borders}</w:tblBorders>'
        '<w:tblLayout w:type="fixed"/><w:tblCellMar><w:left w:w="57" w:type="dxa"/>'
        '<w:right w:w="57" w:type="dxa"/></w:tblCellMar>'
        '<w:tblLook w:val="04A0" w:firstRow="1" w:lastRow="0" w:firstColumn="0"'
        ' w:lastColumn="0" w:noHBand="0" w:noVBand="1"/></w:tblPr><w:tblGrid>',
        "".join(f'<w:gridCol w:w="{w}"/>' for w in widths),
        "</w:tblGrid>",
    ]
    for is_header, group in ((True, header), (False, rows)):
        for row in group:
            trpr = "<w:cantSplit/>" + ("<w:tblHeader/>" if is_header else "")
            cells, col = [], 0
            for value in row:
                cell = as_cell(value)
                width = sum(widths[col : col + cell.span])
                cells.append(_cell_xml(cell, width, style_id, is_header))
                col += cell.span
            out.append(f"<w:tr><w:trPr>{trpr}</w:trPr>{''.join(cells)}</w:tr>")
    out.append("</w:tbl>")
    return "".join(out)


def add_table(
    doc: Document,
    header: Sequence[Sequence[CellLike]],
    rows: Sequence[Sequence[CellLike]],
    widths_cm: Sequence[float],
    style_id: str,
) -> Table:
    """Append a table at the end of the body; header rows repeat on every page."""
    tbl = parse_xml(table_xml(header, rows, widths_cm, style_id))
    body = doc.element.body
    sect_pr = body.find(f"{{{W_NS}}}sectPr")
    if sect_pr is not None:
        sect_pr.addprevious(tbl)
    else:
        body.append(tbl)
    return Table(tbl, doc._body)


def numbered_header(count: int) -> list[Cell]:
    """The "(1) (2) (3)" column-number row under a header, as the reference prints it."""
    return [Cell(f"({i})", align="center") for i in range(1, count + 1)]
