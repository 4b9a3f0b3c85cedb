"""The committed workbooks: reproducible, drift-free, and shaped as lkjip_xl.schema says.

openpyxl only reads (keep_vba=True); it never saves a workbook here.
"""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

import openpyxl
import pytest

from lkjip_xl import schema
from lkjip_xl.workbook import EXAMPLE_PATH, TEMPLATE_PATH, layout, outputs
from lkjip_xl.workbook.data import load_rows
from lkjip_xl.workbook.sheets import CONF_ROWS

ROOT = Path(__file__).resolve().parents[1]
PATHS = [TEMPLATE_PATH, EXAMPLE_PATH]
IMPORT_BUILDER = re.compile(r"^\s*(from|import)\s+(lkjip_xl|\.+)\.?workbook\b", re.M)


@pytest.fixture(scope="module")
def built():
    return outputs()


@pytest.fixture(scope="module", params=PATHS, ids=lambda p: p.name)
def book(request):
    return openpyxl.load_workbook(request.param, keep_vba=True)


def test_committed_files_equal_a_fresh_build(built):
    """THE drift test: rebuild with `python scripts/build_template.py` when this fails."""
    for path, data in built.items():
        assert path.exists(), f"{path} missing: run scripts/build_template.py"
        assert path.read_bytes() == data, f"{path.name} drifted: run scripts/build_template.py"


def test_build_is_deterministic(built):
    again = outputs()
    assert again == built
    for data in built.values():
        import io

        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            assert {info.date_time for info in zf.infolist()} == {(1980, 1, 1, 0, 0, 0)}
            core = zf.read("docProps/core.xml").decode()
            assert "2024-01-01T00:00:00Z" in core


def test_sheets_in_schema_order_plus_daftar_hitung_and_conf(book):
    names = [s.name for s in schema.SHEETS]
    assert book.sheetnames == [*names, "Daftar", "Hitung", "xlwings.conf"]
    assert book["Daftar"].sheet_state == "hidden" and book["Hitung"].sheet_state == "hidden"


def test_one_array_formula_per_result_column_on_hitung(book):
    """The UDFs run once per result column; the calculated columns show their row of it."""
    ws = book["Hitung"]
    first, last = layout.FIRST_DATA_ROW + 1, layout.FIRST_DATA_ROW + layout.MAX_DATA_ROWS
    for name in layout.HITUNG_BLOCKS:
        letter = openpyxl.utils.get_column_letter(layout.hitung_col(name) + 1)
        cell = ws[f"{letter}{first}"].value
        assert isinstance(cell, openpyxl.worksheet.formula.ArrayFormula), name
        assert cell.ref == f"{letter}{first}:{letter}{last}", name
    assert ws.protection.sheet


def test_every_schema_table_with_exact_headers(book):
    for sheet in schema.SHEETS:
        ws = book[sheet.name]
        assert set(ws.tables) == {t.name for t in sheet.tables}, sheet.name
        for table in sheet.tables:
            ref = ws.tables[table.name].ref
            first = ref.split(":")[0]
            row = int(re.sub(r"[A-Z]", "", first))
            assert row == layout.HEADER_ROW + 1
            headers = [c.value for c in ws[ref][0]]
            assert headers == list(table.column_names), table.name
            place = layout.PLACEMENTS[table.name]
            assert ws.cell(row, place.first_col + 1).value == table.column_names[0]


def test_example_holds_every_yaml_row():
    book = openpyxl.load_workbook(EXAMPLE_PATH, keep_vba=True)
    rows = load_rows()
    for table in schema.INPUT_TABLES:
        ws = book[table.sheet]
        ref = ws.tables[table.name].ref
        cells = ws[ref]
        data = [[c.value for c in r] for r in cells[1:]]
        expected = rows[table.name] or [{}]
        assert len(data) == len(expected), table.name
        for got, want in zip(data, expected, strict=True):
            for col, value in zip(table.column_names, got, strict=True):
                if col not in table.input_column_names:
                    continue
                w = want.get(col)
                assert (value if value is not None else None) == (w if w not in ("",) else None), (
                    table.name,
                    col,
                )


def test_template_has_no_opd_data():
    book = openpyxl.load_workbook(TEMPLATE_PATH, keep_vba=True)
    ident = book["Identitas"]
    rows = ident[ident.tables["tblIdentitas"].ref][1:]
    values = {r[0].value: r[1].value for r in rows}
    assert list(values) == [k for k, _ in schema.IDENTITAS_KEYS]
    assert values["Nama Instansi"] is None and values["Skala Predikat"] == "tabel_3_1"
    keterangan = {r[0].value: r[2].value for r in rows}
    assert all(keterangan[k] for k, _ in schema.IDENTITAS_KEYS), "every key explained"


def _calculated(book, table: schema.Table) -> dict[str, str]:
    ws = book[table.sheet]
    tbl = ws.tables[table.name]
    return {
        c.name: c.calculatedColumnFormula.attr_text
        for c in tbl.tableColumns
        if c.calculatedColumnFormula is not None
    }


def test_results_are_calculated_columns_of_the_input_tables(book):
    """Excel fills a calculated column into every row a user adds: results grow with data."""
    for table in schema.RESULT_TABLES:
        formulas = _calculated(book, table)
        assert set(formulas) == {c.name for c in table.formula_columns}, table.name
        ws = book[table.sheet]
        place = layout.PLACEMENTS[table.name]
        first = layout.FIRST_DATA_ROW + 1
        for name, text in formulas.items():
            cell = ws[f"{place.letter(name)}{first}"].value
            assert cell == "=" + text, (table.name, name)  # the first row IS the column formula
            assert "[#" not in text and "tbl" not in text  # plain A1 references only
    target = _calculated(book, schema.TARGET)
    assert target["Capaian"] == 'IF($A4="","",INDEX(Hitung!$A$4:$A$2003,ROW()-ROW($A$3)))'
    capaian = book["Hitung"]["A4"].value.text  # the CAPAIAN array gets Batas Atas and Skala
    assert capaian.startswith("=CAPAIAN('Perjanjian Kinerja'!$C$4:$C$2003,")
    assert capaian.endswith(",'Perjanjian Kinerja'!$D$4:$D$2003)")
    assert "INDEX(Hitung!" in _calculated(book, schema.SASARAN)["Capaian Kinerja"]


def test_every_row_carries_the_column_formula_shifted_to_it():
    book = openpyxl.load_workbook(EXAMPLE_PATH, keep_vba=True)
    ws = book["Perjanjian Kinerja"]
    place = layout.PLACEMENTS["tblTarget"]
    rows = len(load_rows()["tblTarget"])
    last = layout.FIRST_DATA_ROW + rows
    assert ws.tables["tblTarget"].ref.endswith(f"{last}")
    assert ws[f"{place.letter('Capaian')}{last}"].value == (
        f'=IF($A{last}="","",INDEX(Hitung!$A$4:$A$2003,ROW()-ROW($A$3)))'
    )
    assert f",$N{last})*(ROW(" in ws[f"{place.letter('Baris Realisasi')}{last}"].value


def test_hasil_holds_parameters_and_ringkasan(book):
    ws = book["Hasil"]
    assert not ws.tables  # no fixed-size mirror any more
    text = " ".join(str(c.value) for row in ws.iter_rows() for c in row if c.value)
    for name in (
        "=TERBILANG(",
        "=RUPIAH(",
        "=REALISASI_ANGGARAN(",
        "=RATA_CAPAIAN(",
        "=EFISIENSI(",
    ):
        assert name in text


def test_helper_columns_are_hidden(book):
    for table, column in layout.HIDDEN_COLUMNS:
        index = layout.PLACEMENTS[table].col(column) + 1
        dims = book[schema.TABLES[table].sheet].column_dimensions.values()
        assert any(d.min <= index <= d.max and d.hidden for d in dims), (table, column)


@pytest.mark.parametrize("path", PATHS, ids=lambda p: p.name)
def test_calculation_properties(path):
    with zipfile.ZipFile(path) as zf:
        workbook_xml = zf.read("xl/workbook.xml").decode()
    calc = re.search(r"<calcPr[^>]*/>", workbook_xml).group(0)
    assert "fullCalcOnLoad" not in calc
    assert 'calcId="191029"' in calc  # not below Excel 2019/365: no recalculation on open


def test_formats_and_protection(book):
    hasil = book["Hasil"]
    assert hasil.protection.sheet and not hasil.protection.password
    assert book["Petunjuk"].protection.sheet
    for sheet in schema.SHEETS[1:-1]:
        assert not book[sheet.name].protection.sheet, sheet.name  # tables must be able to grow
        assert book[sheet.name].freeze_panes == "A4"
    target = book["Perjanjian Kinerja"]
    cap = target[f"{layout.PLACEMENTS['tblTarget'].letter('Capaian')}4"]
    assert cap.number_format == "0.00%" and cap.protection.locked
    ang = book["Anggaran"]["B4"]
    assert ang.number_format == '"Rp"#,##0' and not ang.protection.locked
    fills = {
        r.dxf.fill.bgColor.rgb[-6:]
        for cf in target.conditional_formatting
        for r in cf.rules
        if r.dxf and r.dxf.fill is not None
    }
    assert {"C00000", "00B050", "0070C0"} <= fills


def test_data_validations(book):
    ws = book["Renstra"]
    place = layout.PLACEMENTS["tblIndikator"]
    lists = {
        str(dv.sqref).split(":")[0]: dv
        for dv in ws.data_validations.dataValidation
        if dv.type == "list"
    }
    polaritas = lists[place.cell("Polaritas", 0, absolute=False)]
    assert "Daftar!" in polaritas.formula1 and polaritas.errorStyle in (None, "stop")
    satuan = lists[place.cell("Satuan", 0, absolute=False)]  # suggestions, not a stop list
    assert "Daftar!" in satuan.formula1 and satuan.errorStyle == "information"
    header_msgs = [dv.prompt for dv in ws.data_validations.dataValidation if dv.prompt]
    assert schema.INDIKATOR.column("Polaritas").help in header_msgs
    daftar = book["Daftar"]
    for col, (name, values) in enumerate(schema.CHOICES.items(), start=1):
        assert daftar.cell(1, col).value == name
        assert [daftar.cell(r, col).value for r in range(2, len(values) + 2)] == list(values)


def test_xlwings_conf_sheet(book):
    ws = book["xlwings.conf"]
    keys = {ws.cell(r, 1).value: ws.cell(r, 2).value for r in range(1, len(CONF_ROWS) + 1)}
    assert keys["UDF Modules"] == "lkjip_xl.udf.functions"
    assert keys["Show Console"] is False
    # a key present on the sheet wins over the user's xlwings.conf even when empty
    assert all(value not in (None, "") for value in keys.values()), keys
    assert not {k.upper() for k in keys} & {"INTERPRETER_WIN", "INTERPRETER_MAC", "CONDA PATH"}
    assert ws.cell(len(CONF_ROWS) + 1, 1).value is None  # A1.End(xlDown) stops here
    assert "pasang-excel" in ws.cell(len(CONF_ROWS) + 2, 4).value


@pytest.mark.parametrize("path", PATHS, ids=lambda p: p.name)
def test_button_bound_to_generate_report(path):
    with zipfile.ZipFile(path) as zf:
        names = zf.namelist()
        assert "xl/vbaProject.bin" in names
        vml = [n for n in names if n.startswith("xl/drawings/vmlDrawing")]
        assert len(vml) == 1
        text = zf.read(vml[0]).decode()
        assert "<x:FmlaMacro>[0]!GenerateReport</x:FmlaMacro>" in text
        assert "Buat Laporan Word" in text
        rels = zf.read("xl/worksheets/_rels/sheet1.xml.rels").decode()
        assert "vmlDrawing" in rels  # the button sits on Petunjuk (sheet1)
        ct = zf.read("[Content_Types].xml").decode()
        assert "application/vnd.ms-excel.sheet.macroEnabled.main+xml" in ct


def test_runtime_package_does_not_import_the_builder():
    for path in (ROOT / "lkjip_xl").rglob("*.py"):
        if "workbook" in path.relative_to(ROOT / "lkjip_xl").parts:
            continue
        text = path.read_text(encoding="utf-8")
        assert not IMPORT_BUILDER.search(text), path
