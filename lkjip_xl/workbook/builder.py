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

from . import formulas, layout, petunjuk, vba
from .data import Rows
from .formulas import Computed

FIXED_DATE = dt.datetime(2024, 1, 1, 0, 0, 0)
CALC_ID = 191029
TABLE_STYLE = "Table Style Medium 2"
INPUT_FILL = "#FFFFFF"

IDENTITAS_CHOICES = {
    "Skala Predikat": "skala_predikat",
    "Skala Kategori": "skala_predikat",
    "Gaya Rupiah": "gaya_rupiah",
}


class _Formats:
    def __init__(self, wb: xlsxwriter.Workbook) -> None:
        self.wb = wb
        self._cache: dict[tuple, Any] = {}
        self.title = wb.add_format({"bold": True, "font_size": 14, "font_color": "#1F3864"})
        self.table_title = wb.add_format({"bold": True, "font_size": 11, "font_color": "#1F3864"})
        self.heading = wb.add_format({"bold": True, "font_size": 12, "font_color": "#1F3864"})
        self.text = wb.add_format({"text_wrap": True, "valign": "top"})
        self.bullet = wb.add_format({"text_wrap": True, "valign": "top", "indent": 1})
        self.label = wb.add_format({"bold": True, "valign": "top"})
        self.note = wb.add_format(
            {"italic": True, "font_color": "#595959", "text_wrap": True, "valign": "top"}
        )
        self.helper_header = wb.add_format(
            {"italic": True, "bold": True, "font_color": "#7F7F7F", "text_wrap": True}
        )
        self.helper = wb.add_format({"font_color": "#7F7F7F", "locked": True})
        self.unlocked = wb.add_format({"locked": False})

    def cell(self, kind: Kind, *, formula: bool = False) -> Any:
        key = (kind, formula)
        if key not in self._cache:
            self._cache[key] = self.wb.add_format(layout.format_spec(kind, formula=formula))
        return self._cache[key]


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
    fmt = _Formats(wb)
    computed = formulas.computed_cells(rows)

    sheets = {}
    for sheet in schema.SHEETS:
        sheets[sheet.name] = wb.add_worksheet(sheet.name)
    daftar = wb.add_worksheet(layout.DAFTAR_SHEET)
    hitung = wb.add_worksheet(layout.HITUNG_SHEET)
    conf = wb.add_worksheet(layout.CONF_SHEET)

    _write_petunjuk(sheets["Petunjuk"], fmt)
    for sheet in schema.SHEETS:
        if sheet.tables:
            _write_input_sheet(sheets[sheet.name], sheet, rows, computed, fmt)
    _write_hasil(sheets["Hasil"], computed, fmt)
    _write_daftar(daftar, fmt)
    _write_hitung(hitung, computed, fmt)
    _write_conf(conf, fmt)
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


def _write_petunjuk(ws: Any, fmt: _Formats) -> None:
    ws.set_column(0, 0, 2)
    ws.set_column(1, 1, 100)
    ws.set_column(2, 2, 2)
    ws.set_column(3, 3, 26)
    ws.hide_gridlines(2)
    for row, (style, text) in enumerate(petunjuk.LINES):
        if style == "judul":
            ws.write_string(row, 1, text, fmt.title if row == 0 else fmt.heading)
            ws.set_row(row, 22 if row == 0 else 20)
        else:
            ws.write_string(
                row,
                1,
                ("\u2022 " if style == "butir" else "") + text,
                fmt.bullet if style == "butir" else fmt.text,
            )
            ws.set_row(row, 15 * max(1, -(-len(text) // 95)))
    ws.insert_button(
        xl_rowcol_to_cell(1, 3),
        {
            "macro": vba.MACRO_NAME,
            "caption": petunjuk.BUTTON_CAPTION,
            "width": 180,
            "height": 40,
        },
    )
    ws.print_area(0, 0, len(petunjuk.LINES) - 1, 3)
    ws.fit_to_pages(1, 0)
    ws.set_paper(9)
    ws.protect("", {"format_cells": True, "format_columns": True, "format_rows": True})


def _write_title(ws: Any, text: str, fmt: _Formats) -> None:
    ws.write_string(layout.TITLE_ROW, 0, text, fmt.title)
    ws.set_row(layout.TITLE_ROW, 22)


def _column_spec(table: schema.Table, c: schema.Column, computed: Computed, fmt: _Formats) -> dict:
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
    ws: Any, sheet: schema.Sheet, rows: Rows, computed: Computed, fmt: _Formats
) -> None:
    _write_title(ws, sheet.title, fmt)
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


def _predikat_colours(ws: Any, place: layout.Placement, fmt: _Formats) -> None:
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


def _write_hasil(ws: Any, computed: Computed, fmt: _Formats) -> None:
    sheet = next(s for s in schema.SHEETS if s.name == "Hasil")
    _write_title(ws, sheet.title, fmt)
    ws.set_column(layout.BLOCK_LABEL_COL, layout.BLOCK_LABEL_COL, 30)
    ws.set_column(layout.BLOCK_VALUE_COL, layout.BLOCK_VALUE_COL, 60)
    ws.write_string(
        layout.TABLE_TITLE_ROW,
        layout.BLOCK_LABEL_COL,
        "Capaian per indikator: tabel Target (sheet Perjanjian Kinerja); capaian sasaran: "
        "tabel Sasaran (Renstra); efisiensi: tabel Anggaran per Sasaran (Anggaran).",
        fmt.note,
    )
    for row, col, text in computed.labels:
        heading = row < layout.FIRST_DATA_ROW or text.startswith("Ringkasan")
        ws.write_string(row, col, text, fmt.table_title if heading else fmt.label)
    for cell in computed.hasil:
        ws.write_formula(
            cell.row, cell.col, cell.formula, fmt.cell(cell.kind, formula=True), cell.value
        )
    last = max(c.row for c in computed.hasil)
    ws.print_area(0, 0, last, layout.BLOCK_VALUE_COL)
    ws.set_paper(9)
    ws.fit_to_pages(1, 0)
    ws.protect("", {"format_cells": True, "format_columns": True, "format_rows": True})


def _write_hitung(ws: Any, computed: Computed, fmt: _Formats) -> None:
    """One multi-cell array formula per result column, with every member's cached value."""
    _write_title(ws, "Perhitungan (jangan diubah; hasilnya tampil di kolom abu-abu tabel)", fmt)
    first, last = layout.FIRST_DATA_ROW, layout.FIRST_DATA_ROW + layout.MAX_DATA_ROWS - 1
    for block in computed.blocks:
        _table, kind = layout.HITUNG_BLOCKS[block.name]
        cell_format = fmt.cell(kind, formula=True)
        ws.write_string(layout.HEADER_ROW, block.col, block.name, fmt.label)
        ws.set_column(block.col, block.col, 16)
        head, *rest = block.values
        ws.write_array_formula(
            first, block.col, last, block.col, "{=" + block.formula + "}", cell_format, head
        )
        for offset, value in enumerate(rest, start=1):  # over XlsxWriter's padding zeros
            if value is None or value == "":
                ws.write_blank(first + offset, block.col, None, cell_format)
            else:
                ws.write(first + offset, block.col, value, cell_format)
    ws.hide()
    ws.protect("")


def _write_daftar(ws: Any, fmt: _Formats) -> None:
    for col, (name, values) in enumerate(schema.CHOICES.items()):
        ws.write_string(0, col, name, fmt.label)
        for row, value in enumerate(values, start=1):
            ws.write_string(row, col, value)
        ws.set_column(col, col, max(14, max(len(v) for v in values) + 2))
    ws.hide()
    ws.protect("")


#: xlwings.conf rows (key, value), read from A1 down. No key without a value: in xlwings' VBA
#: a key on this sheet wins over %USERPROFILE%\.xlwings\xlwings.conf even when it is empty, so
#: an empty Interpreter_Win would hide the interpreter `lkjip-xl pasang-excel` writes there.
CONF_ROWS: tuple[tuple[str, Any], ...] = (
    ("UDF Modules", vba.UDF_MODULE),
    ("Debug UDFs", False),
    ("Use UDF Server", False),
    ("Show Console", False),
)

CONF_NOTES = {
    "UDF Modules": "Jangan diubah: modul Python berisi fungsi CAPAIAN, PREDIKAT, dst.",
    "Show Console": "TRUE untuk melihat jendela konsol Python saat mencari kesalahan.",
}

CONF_FOOTNOTE = (
    "Pengaturan xlwings untuk buku kerja ini (kolom A:B, mulai sel A1, jangan disisipi baris "
    'kosong). Nama sheet harus tetap "xlwings.conf". Lokasi Python tidak ditulis di sini: '
    "jalankan sekali per komputer 'lkjip-xl pasang-excel' dari lingkungan Python tempat "
    "lkjip-xl terpasang; perintah itu menulis Interpreter_Win ke "
    "%USERPROFILE%\\.xlwings\\xlwings.conf. Hanya bila perlu lokasi lain untuk buku kerja ini: "
    "tambahkan baris Interpreter_Win dengan lokasi lengkap pythonw.exe (jangan biarkan kosong)."
)


def _write_conf(ws: Any, fmt: _Formats) -> None:
    ws.set_column(0, 0, 18)
    ws.set_column(1, 1, 40)
    ws.set_column(2, 2, 3)
    ws.set_column(3, 3, 90)
    for row, (key, value) in enumerate(CONF_ROWS):
        ws.write_string(row, 0, key)
        if isinstance(value, bool):
            ws.write_boolean(row, 1, value)
        elif value:
            ws.write_string(row, 1, value)
        if key in CONF_NOTES:
            ws.write_string(row, 3, CONF_NOTES[key], fmt.note)
    ws.write_string(len(CONF_ROWS) + 1, 3, CONF_FOOTNOTE, fmt.note)
