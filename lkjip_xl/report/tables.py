"""Word tables written as OOXML text in one pass (fast for 2 000-row tables).

Every table gets: explicit single borders (no dependency on a table style the user's base may
lack), fixed column widths from content (tablelayout: no word broken inside a word), cell
padding, header rows repeated on each page (w:tblHeader), rows that do not split across pages
(w:cantSplit), keep-with-next on the rows that must stay together (tablelayout.plan), and
optional cell shading (predikat colours from the Band).
"""

from __future__ import annotations

from collections.abc import Sequence
from xml.sax.saxutils import escape

from docx.document import Document
from docx.oxml import parse_xml
from docx.table import Table

from lkjip_xl.report import tablelayout
from lkjip_xl.report.ooxml import shd_xml, xml_safe
from lkjip_xl.report.tablecell import Cell, CellLike, as_cell
from lkjip_xl.report.tablelayout import fit_widths

__all__ = [
    "Cell",
    "CellLike",
    "add_table",
    "as_cell",
    "fit_widths",
    "numbered_header",
    "table_xml",
]

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
DXA_PER_CM = 567
HEADER_FILL = "#D9D9D9"
TOTAL_FILL = "#F2F2F2"
TABLE_PT = 10
_ALIGN = {"left": "left", "center": "center", "right": "right", "justify": "both"}


def text_colour_for(fill: str) -> str | None:
    """White text on dark fills (Merah/Hijau/Biru), automatic on light ones."""
    hexa = fill.lstrip("#")
    r, g, b = (int(hexa[i : i + 2], 16) for i in (0, 2, 4))
    return "FFFFFF" if (0.299 * r + 0.587 * g + 0.114 * b) < 150 else None


def _run(text: str, bold: bool, italic: bool, colour: str | None, size: str) -> str:
    props = ("<w:b/>" if bold else "") + ("<w:i/>" if italic else "")
    if colour:
        props += f'<w:color w:val="{colour.lstrip("#").upper()}"/>'
    props += size
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


def _cell_xml(cell: Cell, width: int, style_id: str, header: bool, keep: bool, size: str) -> str:
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
    if keep:
        ppr += "<w:keepNext/>"
    ppr += f'<w:jc w:val="{_ALIGN.get(cell.align, "left")}"/>'
    text = "" if cell.vmerge == "continue" else xml_safe(cell.text)
    run = _run(text, cell.bold or header, cell.italic, colour, size) if text else ""
    return f"<w:tc><w:tcPr>{tcpr}</w:tcPr><w:p><w:pPr>{ppr}</w:pPr>{run}</w:p></w:tc>"


def _dxa(cm: float) -> int:
    return round(cm * DXA_PER_CM)


def table_xml(
    header: Sequence[Sequence[CellLike]],
    rows: Sequence[Sequence[CellLike]],
    widths_cm: Sequence[float],
    style_id: str,
    *,
    font_pt: float | None = None,
    page_cm: float | None = None,
    keep_with_next: bool = False,
    first_cm: float | None = None,
) -> str:
    """The w:tbl element as XML text. `font_pt` overrides the style's size (a table shrunk to
    fit); `page_cm` is the page body height, for keeping rows together (None: not known);
    `first_cm` the room on the table's first page when it starts a page."""
    head = [[as_cell(v) for v in row] for row in header]
    body = [[as_cell(v) for v in row] for row in rows]
    size_pt = font_pt or TABLE_PT
    layout = tablelayout.plan(head, body, widths_cm, size_pt, page_cm, keep_with_next, first_cm)
    widths = [_dxa(w) for w in widths_cm]
    total = sum(widths)
    size = (
        f'<w:sz w:val="{round(font_pt * 2)}"/><w:szCs w:val="{round(font_pt * 2)}"/>'
        if font_pt
        else ""
    )
    border = '<w:{0} w:val="single" w:sz="4" w:space="0" w:color="000000"/>'
    borders = "".join(
        border.format(side) for side in ("top", "left", "bottom", "right", "insideH", "insideV")
    )
    pad_x, pad_y = _dxa(tablelayout.PAD_X_CM), _dxa(tablelayout.PAD_Y_CM)
    out = [
        f'<w:tbl xmlns:w="{W_NS}"><w:tblPr><w:tblW w:w="{total}" w:type="dxa"/>'
        f'<w:jc w:val="center"/><w:tblBorders>{borders}</w:tblBorders>'
        f'<w:tblLayout w:type="fixed"/><w:tblCellMar><w:top w:w="{pad_y}" w:type="dxa"/>'
        f'<w:left w:w="{pad_x}" w:type="dxa"/><w:bottom w:w="{pad_y}" w:type="dxa"/>'
        f'<w:right w:w="{pad_x}" w:type="dxa"/></w:tblCellMar>'
        '<w:tblLook w:val="04A0" w:firstRow="1" w:lastRow="0" w:firstColumn="0"'
        ' w:lastColumn="0" w:noHBand="0" w:noVBand="1"/></w:tblPr><w:tblGrid>',
        "".join(f'<w:gridCol w:w="{w}"/>' for w in widths),
        "</w:tblGrid>",
    ]
    groups = [(True, head, [True] * len(head)), (False, layout.rows, layout.keep)]
    for is_header, group, keeps in groups:
        for row, keep in zip(group, keeps, strict=True):
            trpr = "<w:cantSplit/>" + ("<w:tblHeader/>" if is_header else "")
            cells, col = [], 0
            for cell in row:
                width = sum(widths[col : col + cell.span])
                cells.append(_cell_xml(cell, width, style_id, is_header, keep, size))
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
    **layout: object,
) -> Table:
    """Append a table at the end of the body; header rows repeat on every page. `layout`:
    the keyword arguments of table_xml (font_pt, page_cm, keep_with_next, first_cm)."""
    tbl = parse_xml(table_xml(header, rows, widths_cm, style_id, **layout))  # type: ignore[arg-type]
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
