"""Where every table sits, and the cell formats, derived from lkjip_xl.schema.

Layout (all sheets): row 1 the sheet title, row 2 the table titles, row 3 the table headers,
data from row 4. Tables on one sheet stand side by side with one empty column between them, so
every table can grow downwards without pushing another one, and a single frozen pane keeps all
headers in view. Formulas on the Hasil sheet read the input tables through fixed A1 ranges of
MAX_DATA_ROWS rows starting at row 4 (plain references: the ``formulas`` package and
LibreOffice handle structured references poorly); a table may grow to that many rows.
"""

from __future__ import annotations

from dataclasses import dataclass

from xlsxwriter.utility import xl_col_to_name, xl_rowcol_to_cell

from lkjip_xl import schema
from lkjip_xl.schema import Kind, Table

TITLE_ROW = 0
TABLE_TITLE_ROW = 1
HEADER_ROW = 2
FIRST_DATA_ROW = 3  # 0-based: Excel row 4
MAX_DATA_ROWS = 500  # rows of each input table the Hasil formulas look at
HASIL_ROWS = 40  # formula rows of tblHasil (one per indikator x tahun)
EFISIENSI_ROWS = 10  # formula rows of tblEfisiensi (one per sasaran)
GAP_WIDTH = 3

DAFTAR_SHEET = "Daftar"
CONF_SHEET = "xlwings.conf"

RUPIAH_FORMAT = '"Rp"#,##0'
PERCENT_FORMAT = "0.00%"
NUMBER_FORMAT = "General"
INT_FORMAT = "0"

#: Reference Tabel 3.1 colours: predikat -> fill (white text).
PREDIKAT_COLOURS = {
    "Tidak Tercapai": "#C00000",
    "Tercapai": "#00B050",
    "Melebihi Target": "#0070C0",
}


def quote_sheet(name: str) -> str:
    return f"'{name}'" if not name.replace("_", "").isalnum() else name


@dataclass(frozen=True)
class Placement:
    table: Table
    first_col: int

    @property
    def sheet(self) -> str:
        return self.table.sheet

    @property
    def last_col(self) -> int:
        return self.first_col + len(self.table.columns) - 1

    def col(self, column: str) -> int:
        return self.first_col + self.table.column_names.index(column)

    def cell(self, column: str, index: int, *, absolute: bool = True) -> str:
        """A1 address of data row ``index`` (0-based) of ``column``, on this sheet."""
        return xl_rowcol_to_cell(
            FIRST_DATA_ROW + index, self.col(column), row_abs=absolute, col_abs=absolute
        )

    def column_range(self, column: str, rows: int = MAX_DATA_ROWS, *, sheet: bool = True) -> str:
        """``'Sheet'!$C$4:$C$503``: the fixed range formulas use for a column."""
        letter = xl_col_to_name(self.col(column))
        first, last = FIRST_DATA_ROW + 1, FIRST_DATA_ROW + rows
        ref = f"${letter}${first}:${letter}${last}"
        return f"{quote_sheet(self.sheet)}!{ref}" if sheet else ref


def placements() -> dict[str, Placement]:
    """Every schema table's placement, by table name."""
    result: dict[str, Placement] = {}
    for sheet in schema.SHEETS:
        col = 0
        for table in sheet.tables:
            result[table.name] = Placement(table, col)
            col += len(table.columns) + 1
    return result


PLACEMENTS = placements()

# Hasil sheet extras, right of tblEfisiensi: a parameter/summary block and helper columns.
_EFF = PLACEMENTS["tblEfisiensi"]
BLOCK_LABEL_COL = _EFF.last_col + 2
BLOCK_VALUE_COL = BLOCK_LABEL_COL + 1
HELPER_FIRST_COL = BLOCK_VALUE_COL + 2
HELPER_COLUMNS = ("Kode Sasaran", "Polaritas", "Skala")
#: One helper column per tblEfisiensi row: that sasaran's report-year capaian values.
SASARAN_HELPER_FIRST_COL = HELPER_FIRST_COL + len(HELPER_COLUMNS)
HELPER_LAST_COL = SASARAN_HELPER_FIRST_COL + EFISIENSI_ROWS - 1


def format_spec(kind: Kind, *, formula: bool = False) -> dict[str, object]:
    """XlsxWriter format properties for a data cell of ``kind``."""
    spec: dict[str, object] = {"valign": "top", "locked": formula}
    if kind is Kind.RUPIAH:
        spec["num_format"] = RUPIAH_FORMAT
    elif kind is Kind.PERCENT:
        spec["num_format"] = PERCENT_FORMAT
    elif kind is Kind.INT:
        spec["num_format"] = INT_FORMAT
    elif kind in (Kind.NUMBER, Kind.VALUE):
        spec["num_format"] = NUMBER_FORMAT
    if kind is Kind.LONGTEXT:
        spec["text_wrap"] = True
    if formula:
        spec["bg_color"] = "#F2F2F2"
    return spec


#: Formats of the formula tables' columns (their schema kind is FORMULA).
HASIL_KINDS: dict[tuple[str, str], Kind] = {
    ("tblHasil", "Kode Indikator"): Kind.CODE,
    ("tblHasil", "Tahun"): Kind.INT,
    ("tblHasil", "Target"): Kind.VALUE,
    ("tblHasil", "Realisasi"): Kind.VALUE,
    ("tblHasil", "Capaian"): Kind.PERCENT,
    ("tblHasil", "Predikat"): Kind.TEXT,
    ("tblHasil", "Kategori"): Kind.TEXT,
    ("tblEfisiensi", "Kode Sasaran"): Kind.CODE,
    ("tblEfisiensi", "Capaian Kinerja"): Kind.PERCENT,
    ("tblEfisiensi", "Anggaran"): Kind.RUPIAH,
    ("tblEfisiensi", "Realisasi"): Kind.RUPIAH,
    ("tblEfisiensi", "Realisasi Anggaran"): Kind.PERCENT,
    ("tblEfisiensi", "Efisiensi"): Kind.PERCENT,
}


def daftar_ranges() -> dict[str, str]:
    """CHOICES list name -> absolute range on the hidden Daftar sheet (values from row 2)."""
    result = {}
    for col, (name, values) in enumerate(schema.CHOICES.items()):
        letter = xl_col_to_name(col)
        result[name] = f"{DAFTAR_SHEET}!${letter}$2:${letter}${len(values) + 1}"
    return result
