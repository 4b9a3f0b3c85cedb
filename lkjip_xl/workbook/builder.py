"""Writes the macro-enabled workbook with XlsxWriter.

Deterministic: XlsxWriter's in-memory mode stamps every zip entry 1980-01-01, the document
properties carry a fixed created date, and the VBA project bytes do not depend on time.

Protection: Excel cannot add rows to a Table on a protected sheet, so the input sheets stay
unprotected (their input cells are nevertheless formatted unlocked and formula cells locked,
so protecting a sheet later keeps only the inputs editable). Petunjuk, Daftar and Hasil are
protected without a password.

Calculation: no fullCalcOnLoad, and calcId 191029 (the calculation engine of Excel 2019 and
365; Excel 2016 has a lower one): Excel recalculates every formula on open only when a file's
calcId is below its own engine's, so the cached values computed at build time stay visible until
an input changes, instead of UDF cells showing #NAME? before macros are enabled.
"""

from __future__ import annotations

import datetime as dt
import io
from pathlib import Path
from typing import Any

import xlsxwriter
from xlsxwriter.utility import xl_rowcol_to_cell

from lkjip_xl import schema
from lkjip_xl.schema import Kind

from . import formulas, layout, vba
from .data import Rows
from .formulas import Computed
from .sheets import (
    Formats,
    write_conf,
    write_daftar,
    write_hasil,
    write_hitung,
    write_petunjuk,
    write_title,
)

FIXED_DATE = dt.datetime(2024, 1, 1, 0, 0, 0)
CALC_ID = 191029
TABLE_STYLE = "Table Style Medium 2"

IDENTITAS_CHOICES = {
    "Skala Predikat": "skala_predikat",
    "Skala Kategori": "skala_predikat",
    "Gaya Rupiah": "gaya_rupiah",
}


def _cell_value(value: Any) -> Any:
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    return value


def build_workbook(rows: Rows, dest: Path | io.BytesIO, vba_project: bytes) -> None:
    """Write the workbook with these input rows to ``dest``."""
    wb = xlsxwriter.Workbook(
        dest,
        {
            "in_memory": True,
            "strings_to_formulas": False,
            "strings_to_urls": False,
            "strings_to_numbers": False,
        },
    )
    wb.set_properties(
        {
            "title": "LKjIP - Laporan Kinerja Instansi Pemerintah",
            "subject": "Buku kerja pengisian LKjIP (SAKIP)",
            "author": "lkjip-xl",
            "company": "",
            "comments": "Dibangun oleh scripts/build_template.py dari teks sumber.",
            "created": FIXED_DATE,
        }
    )
    wb.set_custom_property("lkjip_xl_layout", "1")
    wb.add_vba_project(io.BytesIO(vba_project), is_stream=True)
    wb.set_vba_name("ThisWorkbook")
    wb.set_calc_mode("auto", calc_id=CALC_ID)
    wb.calc_on_load = False
    fmt = Formats(wb)
    computed = formulas.computed_cells(rows)

    sheets = {}
    for sheet in schema.SHEETS:
        sheets[sheet.name] = wb.add_worksheet(sheet.name)
    daftar = wb.add_worksheet(layout.DAFTAR_SHEET)
    hitung = wb.add_worksheet(layout.HITUNG_SHEET)
    conf = wb.add_worksheet(layout.CONF_SHEET)

    write_petunjuk(sheets["Petunjuk"], fmt)
    for sheet in schema.SHEETS:
        if sheet.tables:
            _write_input_sheet(sheets[sheet.name], sheet, rows, computed, fmt)
    write_hasil(sheets["Hasil"], computed, fmt)
    write_daftar(daftar, fmt)
    write_hitung(hitung, computed, fmt)
    write_conf(conf, fmt)
    sheets["Petunjuk"].activate()
    wb.close()


def sheet_code_names() -> list[str]:
    """Code names XlsxWriter gives the sheets (Sheet1..SheetN in order) when VBA is present."""
    count = len(schema.SHEETS) + 3  # + Daftar + Hitung + xlwings.conf
    return [f"Sheet{i}" for i in range(1, count + 1)]


def build_bytes(rows: Rows, vba_project: bytes | None = None) -> bytes:
    if vba_project is None:
        vba_project = vba.build_vba_project(sheet_code_names())
    buf = io.BytesIO()
    build_workbook(rows, buf, vba_project)
    return buf.getvalue()


# ---------------------------------------------------------------------------------------------


def _column_spec(table: schema.Table, c: schema.Column, computed: Computed, fmt: Formats) -> dict:
    if c.kind is not Kind.FORMULA:
        return {"header": c.name, "format": fmt.cell(c.kind)}
    kind = layout.RESULT_KINDS[(table.name, c.name)]
    return {
        "header": c.name,
        "format": fmt.cell(kind, formula=True),
        # written as the table's calculatedColumnFormula: what Excel fills into added rows
        "formula": computed.column_formulas[(table.name, c.name)],
    }


def _write_input_sheet(
    ws: Any, sheet: schema.Sheet, rows: Rows, computed: Computed, fmt: Formats
) -> None:
    write_title(ws, sheet.title, fmt)
    ranges = layout.daftar_ranges()
    last_row = layout.FIRST_DATA_ROW
    last_col = 0
    for table in sheet.tables:
        place = layout.PLACEMENTS[table.name]
        data = rows.get(table.name) or [{}]
        ws.write_string(layout.TABLE_TITLE_ROW, place.first_col, table.title, fmt.table_title)
        inputs = table.input_column_names  # calculated cells are written below
        matrix = [
            [_cell_value(r.get(c.name)) if c.name in inputs else None for c in table.columns]
            for r in data
        ]
        end = layout.FIRST_DATA_ROW + len(data) - 1
        ws.add_table(
            layout.HEADER_ROW,
            place.first_col,
            end,
            place.last_col,
            {
                "name": table.name,
                "style": TABLE_STYLE,
                "data": matrix,
                "columns": [_column_spec(table, c, computed, fmt) for c in table.columns],
            },
        )
        for cell in computed.cells:
            if cell.sheet == sheet.name and place.first_col <= cell.col <= place.last_col:
                ws.write_formula(
                    cell.row, cell.col, cell.formula, fmt.cell(cell.kind, formula=True), cell.value
                )
        for c in table.columns:
            col = place.col(c.name)
            hidden = (table.name, c.name) in layout.HIDDEN_COLUMNS
            ws.set_column(col, col, c.width, fmt.unlocked, {"hidden": hidden})
            _validate(ws, c, col, ranges)
            if c.help:
                ws.data_validation(
                    layout.HEADER_ROW,
                    col,
                    layout.HEADER_ROW,
                    col,
                    {
                        "validate": "any",
                        "input_title": c.name[:32],
                        "input_message": c.help[:255],
                    },
                )
        if place.first_col > 0:
            ws.set_column(place.first_col - 1, place.first_col - 1, layout.GAP_WIDTH)
        if table.name == "tblIdentitas":
            _identitas_validation(ws, data, place, ranges)
        if table.name == "tblTarget":
            _predikat_colours(ws, place, fmt)
        last_row = max(last_row, end)
        last_col = max(last_col, place.last_col)
    ws.freeze_panes(layout.FIRST_DATA_ROW, 0)
    ws.print_area(0, 0, last_row, last_col)
    ws.repeat_rows(layout.HEADER_ROW)
    ws.set_landscape()
    ws.set_paper(9)
    ws.fit_to_pages(1, 0)


def _validate(ws: Any, column: schema.Column, col: int, ranges: dict[str, str]) -> None:
    first = layout.FIRST_DATA_ROW
    last = first + layout.MAX_DATA_ROWS - 1
    if column.kind is Kind.CHOICE and column.choices:
        ws.data_validation(
            first,
            col,
            last,
            col,
            {
                "validate": "list",
                "source": "=" + ranges[column.choices],
                "error_title": "Pilihan tidak dikenal",
                "error_message": f"Pilih salah satu nilai dari daftar ({column.choices}).",
            },
        )
    elif column.choices:  # suggestions: the dropdown helps, any other text is accepted
        ws.data_validation(
            first,
            col,
            last,
            col,
            {
                "validate": "list",
                "source": "=" + ranges[column.choices],
                "error_type": "information",
                "error_title": f"{column.name} di luar daftar",
                "error_message": "Nilai ini tidak ada di daftar saran. Tekan OK untuk tetap "
                "memakainya (akan ditulis di laporan persis seperti diketik).",
            },
        )
    elif column.kind is Kind.INT:
        ws.data_validation(
            first,
            col,
            last,
            col,
            {
                "validate": "integer",
                "criteria": ">=",
                "value": 0,
                "error_title": "Bilangan bulat",
                "error_message": "Isi dengan bilangan bulat, misalnya 2022.",
            },
        )


def _identitas_validation(
    ws: Any, data: list[dict], place: layout.Placement, ranges: dict[str, str]
) -> None:
    col = place.col("Nilai")
    for i, row in enumerate(data):
        choice = IDENTITAS_CHOICES.get(str(row.get("Kunci")))
        r = layout.FIRST_DATA_ROW + i
        if choice:
            ws.data_validation(
                r,
                col,
                r,
                col,
                {
                    "validate": "list",
                    "source": "=" + ranges[choice],
                    "error_title": "Pilihan tidak dikenal",
                    "error_message": f"Pilih salah satu nilai dari daftar ({choice}).",
                },
            )
        elif row.get("Kunci") == "Tahun Laporan":
            ws.data_validation(
                r,
                col,
                r,
                col,
                {
                    "validate": "integer",
                    "criteria": "between",
                    "minimum": 2000,
                    "maximum": 2100,
                    "error_title": "Tahun",
                    "error_message": "Isi tahun laporan dengan 4 angka, misalnya 2022.",
                },
            )


def _predikat_colours(ws: Any, place: layout.Placement, fmt: Formats) -> None:
    """Reference Tabel 3.1 colours on Capaian and Predikat, keyed on the predikat text."""
    first = layout.FIRST_DATA_ROW
    last = first + layout.MAX_DATA_ROWS - 1
    pred = xl_rowcol_to_cell(first, place.col("Predikat"), col_abs=True)
    for label, colour in layout.PREDIKAT_COLOURS.items():
        ws.conditional_format(
            first,
            place.col("Capaian"),
            last,
            place.col("Predikat"),
            {
                "type": "formula",
                "criteria": f'={pred}="{label}"',
                "format": fmt.wb.add_format({"bg_color": colour, "font_color": "#FFFFFF"}),
            },
        )
