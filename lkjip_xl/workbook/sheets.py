"""The sheets around the input tables: Petunjuk, Hasil, the hidden Daftar and Hitung, and
xlwings.conf; and the cell formats every sheet shares."""

from __future__ import annotations

from typing import Any

import xlsxwriter
from xlsxwriter.utility import xl_rowcol_to_cell

from lkjip_xl import schema
from lkjip_xl.schema import Kind

from . import layout, petunjuk, vba
from .formulas import Computed


class Formats:
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


def write_title(ws: Any, text: str, fmt: Formats) -> None:
    ws.write_string(layout.TITLE_ROW, 0, text, fmt.title)
    ws.set_row(layout.TITLE_ROW, 22)


def write_petunjuk(ws: Any, fmt: Formats) -> None:
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


def write_hasil(ws: Any, computed: Computed, fmt: Formats) -> None:
    sheet = next(s for s in schema.SHEETS if s.name == "Hasil")
    write_title(ws, sheet.title, fmt)
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


def write_hitung(ws: Any, computed: Computed, fmt: Formats) -> None:
    """One multi-cell array formula per result column, with every member's cached value."""
    write_title(ws, "Perhitungan (jangan diubah; hasilnya tampil di kolom abu-abu tabel)", fmt)
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


def write_daftar(ws: Any, fmt: Formats) -> None:
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


def write_conf(ws: Any, fmt: Formats) -> None:
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
