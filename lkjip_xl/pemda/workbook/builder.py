"""Writes the Pemda workbook (.xlsm) with XlsxWriter, from the Pemda layout as data.

Shares with the OPD workbook (lkjip_xl.workbook): the VBA project (the same xlwings standalone
module, UDF wrappers and the GenerateReport macro; lkjip_xl.macro recognises the Pemda workbook
and runs the Pemda path), the xlwings.conf rows, the cell formats and the OPD dropdown lists.
Deterministic like the OPD build: fixed document dates, in-memory zip, no randomness.
"""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Mapping
from typing import Any

import xlsxwriter
from xlsxwriter.utility import xl_col_to_name, xl_rowcol_to_cell

from lkjip_xl import schema
from lkjip_xl.pemda import schema as ps
from lkjip_xl.pemda.workbook import layout as pl
from lkjip_xl.pemda.workbook import petunjuk
from lkjip_xl.schema import Kind
from lkjip_xl.workbook import layout as opd_layout
from lkjip_xl.workbook import vba
from lkjip_xl.workbook.sheets import write_conf

Rows = dict[str, list[dict[str, object]]]
#: (table, data row index, calculated column) -> cached value shown until Excel recalculates.
Cached = Mapping[tuple[str, int, str], object]

FIXED_DATE = dt.datetime(2024, 1, 1, 0, 0, 0)
TABLE_STYLE = "Table Style Medium 2"
#: OPD dropdown lists the Pemda workbook uses, plus its own.
CHOICES: dict[str, tuple[str, ...]] = {
    **{k: schema.CHOICES[k] for k in ("polaritas", "skala_ordinal", "skala_predikat")},
    **{k: schema.CHOICES[k] for k in ("gaya_narasi", "gaya_rupiah")},
    **ps.CHOICES,
}
IDENTITAS_CHOICES = {
    "Skala Predikat": "skala_predikat",
    "Skala Kategori": "skala_predikat",
    "Gaya Rupiah": "gaya_rupiah",
}


def sheet_code_names() -> list[str]:
    return [f"Sheet{i}" for i in range(1, len(pl.SHEETS) + 4)]  # + Petunjuk, Daftar, conf


def build_bytes(
    rows: Rows,
    rekap: Mapping[str, list[list[object]]] | None = None,
    cached: Cached | None = None,
    vba_project: bytes | None = None,
) -> bytes:
    """The workbook with these input rows (and, for the example, the Rekap rows and the cached
    results of the calculated columns)."""
    if vba_project is None:
        vba_project = vba.build_vba_project(sheet_code_names())
    buf = io.BytesIO()
    wb = xlsxwriter.Workbook(
        buf,
        {"in_memory": True, "strings_to_formulas": False, "strings_to_urls": False,
         "strings_to_numbers": False},
    )  # fmt: skip
    wb.set_properties(
        {
            "title": "LKjIP Pemerintah Daerah",
            "subject": "Buku kerja konsolidasi LKjIP Pemda (SAKIP)",
            "author": "lkjip-xl",
            "comments": "Dibangun oleh scripts/build_pemda.py dari teks sumber.",
            "created": FIXED_DATE,
        }
    )
    wb.set_custom_property(*ps.DOC_PROPERTY)
    wb.add_vba_project(io.BytesIO(vba_project), is_stream=True)
    wb.set_vba_name("ThisWorkbook")
    fmt = _Formats(wb)
    petunjuk_ws = wb.add_worksheet("Petunjuk")
    sheets = {s.name: wb.add_worksheet(s.name) for s in pl.SHEETS}
    daftar = wb.add_worksheet(pl.DAFTAR_SHEET)
    conf = wb.add_worksheet(pl.CONF_SHEET)
    _petunjuk(petunjuk_ws, fmt)
    data: dict[str, list[list[object]]] = {}
    for sheet in ps.INPUT_SHEETS:
        for t in sheet.tables:
            data[t.name] = [[_cell(r.get(c)) for c in t.column_names] for r in rows.get(t.name, [])]
    rekap = rekap or {}
    for t in pl.REKAP.tables:
        data[t.name] = [list(r) for r in rekap.get(t.name, [])]
    for sheet in pl.SHEETS:
        _sheet(sheets[sheet.name], sheet, data, cached or {}, fmt)
    _daftar(daftar, fmt)
    _conf(conf, fmt)
    petunjuk_ws.activate()
    wb.close()
    return buf.getvalue()


def _cell(value: Any) -> Any:
    return value.isoformat() if isinstance(value, (dt.date, dt.datetime)) else value


class _Formats:
    def __init__(self, wb: xlsxwriter.Workbook) -> None:
        self.wb = wb
        self._cache: dict[tuple[Kind, bool], Any] = {}
        self.title = wb.add_format({"bold": True, "font_size": 14, "font_color": "#1F3864"})
        self.table_title = wb.add_format({"bold": True, "font_size": 11, "font_color": "#1F3864"})
        self.heading = wb.add_format({"bold": True, "font_size": 12, "font_color": "#1F3864"})
        self.text = wb.add_format({"text_wrap": True, "valign": "top"})
        self.bullet = wb.add_format({"text_wrap": True, "valign": "top", "indent": 1})
        self.label = wb.add_format({"bold": True})
        self.note = wb.add_format({"italic": True, "font_color": "#595959", "text_wrap": True})
        self.unlocked = wb.add_format({"locked": False})

    def cell(self, kind: Kind, *, formula: bool = False) -> Any:
        key = (kind, formula)
        if key not in self._cache:
            self._cache[key] = self.wb.add_format(opd_layout.format_spec(kind, formula=formula))
        return self._cache[key]


def _petunjuk(ws: Any, fmt: _Formats) -> None:
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
            bullet = style == "butir"
            ws.write_string(
                row, 1, ("• " if bullet else "") + text, fmt.bullet if bullet else fmt.text
            )
            ws.set_row(row, 15 * max(1, -(-len(text) // 95)))
    ws.insert_button(
        xl_rowcol_to_cell(1, 3),
        {"macro": vba.MACRO_NAME, "caption": petunjuk.BUTTON_CAPTION, "width": 180, "height": 40},
    )
    ws.print_area(0, 0, len(petunjuk.LINES) - 1, 3)
    ws.fit_to_pages(1, 0)
    ws.set_paper(9)
    ws.protect("", {"format_cells": True, "format_columns": True, "format_rows": True})


def _sheet(
    ws: Any, sheet: Any, data: dict[str, list[list[object]]], cached: Cached, fmt: _Formats
) -> None:
    ws.write_string(pl.TITLE_ROW, 0, sheet.title, fmt.title)
    ws.set_row(pl.TITLE_ROW, 22)
    last_row = pl.FIRST_DATA_ROW
    for table in sheet.tables:
        place = pl.PLACEMENTS[table.name]
        values = data.get(table.name) or [[None] * len(table.columns)]
        ws.write_string(pl.TABLE_TITLE_ROW, place.first_col, table.title, fmt.table_title)
        end = pl.FIRST_DATA_ROW + len(values) - 1
        columns = [{"header": c.name, "format": fmt.cell(c.kind)} for c in table.columns]
        columns += [
            {"header": c.name, "formula": c.formula, "format": fmt.cell(c.kind, formula=True)}
            for c in place.extra
        ]
        ws.add_table(
            pl.HEADER_ROW, place.first_col, end, place.last_col,
            {"name": table.name, "style": TABLE_STYLE, "data": values, "columns": columns},
        )  # fmt: skip
        for c in table.columns:
            col = place.col(c.name)
            ws.set_column(col, col, c.width, fmt.unlocked if sheet is not pl.REKAP else None)
            _validate(ws, table, c, col)
        for c in place.extra:
            col = place.col(c.name)
            ws.set_column(col, col, c.width)
            for i in range(len(values)):
                ws.write_formula(
                    pl.FIRST_DATA_ROW + i, col, _this_row(c.formula),
                    fmt.cell(c.kind, formula=True), cached.get((table.name, i, c.name), ""),
                )  # fmt: skip
        if place.first_col > 0:
            ws.set_column(place.first_col - 1, place.first_col - 1, pl.GAP_WIDTH)
        if table.name == ps.IDENTITAS.name:
            _identitas_validation(ws, data[table.name], place)
        last_row = max(last_row, end)
    last_col = max(pl.PLACEMENTS[t.name].last_col for t in sheet.tables)
    ws.freeze_panes(pl.FIRST_DATA_ROW, 0)
    ws.print_area(0, 0, last_row, last_col)
    ws.repeat_rows(pl.HEADER_ROW)
    ws.set_landscape()
    ws.set_paper(9)
    ws.fit_to_pages(1, 0)


def _this_row(formula: str) -> str:
    """What XlsxWriter writes for a table column formula: "[@[X]]" -> "[[#This Row],[X]]"."""
    return formula.replace("[@[", "[[#This Row],[")


def _list(column: str, place: pl.Placement) -> str:
    letter = xl_col_to_name(place.col(column))
    first, last = pl.FIRST_DATA_ROW + 1, pl.FIRST_DATA_ROW + pl.MAX_LIST_ROWS
    return f"={opd_layout.quote_sheet(place.table.sheet)}!${letter}${first}:${letter}${last}"


def _daftar_range(name: str) -> str:
    col = list(CHOICES).index(name)
    letter = xl_col_to_name(col)
    return f"={pl.DAFTAR_SHEET}!${letter}$2:${letter}${len(CHOICES[name]) + 1}"


def _validate(ws: Any, table: schema.Table, column: schema.Column, col: int) -> None:
    first, last = pl.FIRST_DATA_ROW, pl.FIRST_DATA_ROW + pl.MAX_LIST_ROWS - 1
    source = None
    if column.kind is Kind.CHOICE and column.choices:
        source = _daftar_range(column.choices)
    elif (table.name, column.name) in pl.CODE_LISTS:
        target, target_column = pl.CODE_LISTS[(table.name, column.name)]
        source = _list(target_column, pl.PLACEMENTS[target])
    if source is not None:
        ws.data_validation(first, col, last, col, {
            "validate": "list", "source": source, "error_type": "warning",
            "error_title": "Pilihan tidak dikenal",
            "error_message": "Nilai ini tidak ada di daftar; periksa kembali."})  # fmt: skip
    elif column.kind is Kind.INT:
        ws.data_validation(first, col, last, col, {
            "validate": "integer", "criteria": ">=", "value": 0,
            "error_title": "Bilangan bulat",
            "error_message": "Isi dengan bilangan bulat, misalnya 2022."})  # fmt: skip
    if column.help:
        ws.data_validation(pl.HEADER_ROW, col, pl.HEADER_ROW, col, {
            "validate": "any", "input_title": column.name[:32],
            "input_message": column.help[:255]})  # fmt: skip


def _identitas_validation(ws: Any, values: list[list[object]], place: pl.Placement) -> None:
    col = place.col("Nilai")
    for i, row in enumerate(values):
        r = pl.FIRST_DATA_ROW + i
        choice = IDENTITAS_CHOICES.get(str(row[0]))
        if choice:
            ws.data_validation(r, col, r, col, {"validate": "list",
                                                "source": _daftar_range(choice)})  # fmt: skip
        elif str(row[0]).startswith(("Tahun", "Awal Periode", "Akhir Periode")):
            ws.data_validation(r, col, r, col, {
                "validate": "integer", "criteria": "between", "minimum": 2000, "maximum": 2100,
                "error_title": "Tahun", "error_message": "Isi tahun dengan 4 angka."})  # fmt: skip


def _daftar(ws: Any, fmt: _Formats) -> None:
    for col, (name, values) in enumerate(CHOICES.items()):
        ws.write_string(0, col, name, fmt.label)
        for row, value in enumerate(values, start=1):
            ws.write_string(row, col, value)
        ws.set_column(col, col, max(14, max(len(v) for v in values) + 2))
    ws.hide()
    ws.protect("")


def _conf(ws: Any, fmt: _Formats) -> None:
    """xlwings.conf exactly as the OPD workbook's (same interpreter, same UDF module)."""
    write_conf(ws, fmt)  # type: ignore[arg-type]  # write_conf needs only fmt.note
