"""The streaming .xlsx reader on hand-written packages: formula text and stored result
(Row.cached), shared formulas, hidden rows and filters, Excel's _xHHHH_ escapes, dates, cells
next to a table, and the budget that stops an oversized file with one message."""

from __future__ import annotations

import datetime as dt
import zipfile
from pathlib import Path

import pytest

from lkjip_xl.core.findings import WorkbookError
from lkjip_xl.readers import xlsx_stream
from lkjip_xl.readers.tables import NOT_CACHED
from lkjip_xl.readers.xlsx_file import read_workbook

MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PKG = "http://schemas.openxmlformats.org/package/2006/relationships"


def _package(
    path: Path, rows: str, *, ref: str = "A1:C4", extra: str = "", table: str = "", sheet: str = ""
) -> Path:
    """One sheet "Data" with a table tblUji at `ref` (header row = first row of `rows`)."""
    table = table or (
        f'<table xmlns="{MAIN}" id="1" name="tblUji" displayName="tblUji" ref="{ref}">'
        f'<autoFilter ref="{ref}"/><tableColumns count="3"><tableColumn id="1" name="A"/>'
        '<tableColumn id="2" name="B"/><tableColumn id="3" name="C"/></tableColumns></table>'
    )
    parts = {
        "[Content_Types].xml": "<Types/>",
        "_rels/.rels": f'<Relationships xmlns="{PKG}"><Relationship Id="r1" '
        f'Type="{REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>',
        "xl/workbook.xml": f'<workbook xmlns="{MAIN}" xmlns:r="{REL}"><sheets>'
        '<sheet name="Data" sheetId="1" r:id="rId1"/></sheets></workbook>',
        "xl/_rels/workbook.xml.rels": f'<Relationships xmlns="{PKG}">'
        f'<Relationship Id="rId1" Type="{REL}/worksheet" Target="worksheets/sheet1.xml"/>'
        f'<Relationship Id="rId2" Type="{REL}/styles" Target="styles.xml"/></Relationships>',
        "xl/styles.xml": f'<styleSheet xmlns="{MAIN}"><cellXfs count="2"><xf numFmtId="0"/>'
        '<xf numFmtId="14"/></cellXfs></styleSheet>',
        "xl/worksheets/sheet1.xml": sheet
        or f'<worksheet xmlns="{MAIN}" xmlns:r="{REL}">{extra}'
        f'<sheetData>{rows}</sheetData><tableParts count="1"><tablePart r:id="rId1"/>'
        "</tableParts></worksheet>",
        "xl/worksheets/_rels/sheet1.xml.rels": f'<Relationships xmlns="{PKG}">'
        f'<Relationship Id="rId1" Type="{REL}/table" Target="../tables/table1.xml"/>'
        "</Relationships>",
        "xl/tables/table1.xml": table,
    }
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, text in parts.items():
            zf.writestr(name, text)
    return path


HEADER = (
    '<row r="1"><c r="A1" t="inlineStr"><is><t>A</t></is></c>'
    '<c r="B1" t="inlineStr"><is><t>B</t></is></c><c r="C1" t="inlineStr"><is><t>C</t></is></c>'
    "</row>"
)


def test_formula_text_and_stored_result(tmp_path: Path) -> None:
    rows = HEADER + (
        '<row r="2"><c r="A2"><v>1</v></c><c r="B2"><f>A2*2</f><v>2</v></c>'
        '<c r="C2"><f>A2*3</f></c></row>'  # no stored result (as openpyxl saves)
        '<row r="3"><c r="A3"><v>2</v></c><c r="B3" t="str"><f>""</f><v></v></c>'
        '<c r="C3" t="e"><f>1/0</f><v>#DIV/0!</v></c></row>'
    )
    book = read_workbook(_package(tmp_path / "a.xlsx", rows))
    first, second = book.tables["tblUji"].rows
    assert first.values == {"A": 1, "B": 2, "C": None}
    assert first.formulas == {"B": "=A2*2", "C": "=A2*3"}
    assert first.cached == {"B": 2, "C": NOT_CACHED}
    assert second.cached == {"B": "", "C": "#DIV/0!"}  # an empty text result is a result
    assert second.values["C"] == "#DIV/0!"


def test_shared_formulas_are_moved_to_each_cell(tmp_path: Path) -> None:
    rows = HEADER + "".join(
        f'<row r="{r}"><c r="A{r}"><v>{r}</v></c><c r="B{r}">'
        + (f'<f t="shared" ref="B2:B4" si="0">A{r}+1</f>' if r == 2 else '<f t="shared" si="0"/>')
        + f"<v>{r + 1}</v></c></row>"
        for r in (2, 3, 4)
    )
    book = read_workbook(_package(tmp_path / "a.xlsx", rows))
    assert [r.formulas["B"] for r in book.tables["tblUji"].rows] == ["=A2+1", "=A3+1", "=A4+1"]


def test_hidden_rows_filter_and_empty_rows(tmp_path: Path) -> None:
    rows = HEADER + (
        '<row r="2" hidden="1"><c r="A2"><v>1</v></c></row>'
        '<row r="3"><c r="A3" s="1"/></row>'  # formatted, empty: not a row of data
        '<row r="4"><c r="A4" s="1"><v>44926</v></c></row>'
    )
    table = (
        f'<table xmlns="{MAIN}" id="1" name="tblUji" displayName="tblUji" ref="A1:C4">'
        '<autoFilter ref="A1:C4"><filterColumn colId="0"><filters><filter val="1"/></filters>'
        '</filterColumn></autoFilter><tableColumns count="3"><tableColumn id="1" name="A"/>'
        '<tableColumn id="2" name="B"/><tableColumn id="3" name="C"/></tableColumns></table>'
    )
    cols = '<cols><col min="2" max="3" hidden="1"/></cols>'
    path = _package(tmp_path / "a.xlsx", rows, table=table, extra=cols)
    data = read_workbook(path).tables["tblUji"]
    assert data.filtered
    assert data.hidden_columns == ["B", "C"]
    assert [(r.cells["A"], r.hidden) for r in data.rows] == [("A2", True), ("A4", False)]
    assert data.rows[1].values["A"] == dt.datetime(2022, 12, 31)


def test_excel_escapes_and_surrogates(tmp_path: Path) -> None:
    rows = HEADER + (
        '<row r="2"><c r="A2" t="inlineStr"><is><t>a_x0007_b _x005F_x0041_</t></is></c>'
        '<c r="B2" t="inlineStr"><is><t>_xD83D__xDE00_</t></is></c>'
        '<c r="C2" t="inlineStr"><is><t>x_xD800_y</t></is></c></row>'
    )
    (row,) = read_workbook(_package(tmp_path / "a.xlsx", rows)).tables["tblUji"].rows
    assert row.values["A"] == "a\x07b _x0041_"
    assert row.values["B"] == "\U0001f600"  # a pair written as two escapes is one character
    assert row.values["C"] == "x\ud800y"  # a lone surrogate: the cell reader reports it


def test_cells_below_and_right_belong_to_the_table_they_touch(tmp_path: Path) -> None:
    rows = HEADER + (
        '<row r="2"><c r="A2"><v>1</v></c><c r="E2"><v>5</v></c></row>'
        '<row r="6"><c r="B6"><v>6</v></c></row>'
        '<row r="80"><c r="A80"><v>9</v></c></row>'  # beyond 50 rows: not the table's
    )
    data = read_workbook(_package(tmp_path / "a.xlsx", rows)).tables["tblUji"]
    assert data.outside == {"E2": 5, "B6": 6}
    assert data.outside_count == 2


def test_a_ref_to_the_end_of_the_sheet_costs_nothing(tmp_path: Path) -> None:
    rows = HEADER + '<row r="2"><c r="A2"><v>1</v></c></row>'
    path = _package(tmp_path / "a.xlsx", rows, ref="A1:XFD1048576")
    data = read_workbook(path).tables["tblUji"]
    assert data.columns == ["A", "B", "C"]
    assert len(data.rows) == 1 and len(data.rows[0].cells) == 3


def test_budget_stops_an_oversized_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    rows = HEADER + "".join(f'<row r="{r}"><c r="A{r}"><v>{r}</v></c></row>' for r in range(2, 60))
    path = _package(tmp_path / "a.xlsx", rows, ref="A1:C59")
    monkeypatch.setattr(xlsx_stream, "MAX_KEPT_CELLS", 20)
    with pytest.raises(WorkbookError) as info:
        read_workbook(path)
    assert info.value.findings[0].kode == "batas-ukuran"
    monkeypatch.setattr(xlsx_stream, "MAX_KEPT_CELLS", 10_000)
    monkeypatch.setattr(xlsx_stream, "MAX_PARSED_BYTES", 500)
    with pytest.raises(WorkbookError) as info:
        read_workbook(path)
    assert "terlalu besar" in info.value.findings[0].message


def test_doctype_anywhere_is_refused(tmp_path: Path) -> None:
    """A DOCTYPE after 9 KB of comment (beyond the container's 4 KB sniffer) still stops."""
    sheet = f"<!-- {' ' * 9000} --><!DOCTYPE x [<!ENTITY a 'b'>]><worksheet xmlns='{MAIN}'/>"
    with pytest.raises(WorkbookError) as info:
        read_workbook(_package(tmp_path / "a.xlsx", "", sheet=sheet))
    assert info.value.findings[0].kode == "xml-tidak-aman"
