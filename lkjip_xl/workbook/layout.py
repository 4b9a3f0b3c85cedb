"""Where every table sits, and the cell formats, derived from lkjip_xl.schema.

Layout (all sheets): row 1 the sheet title, row 2 the table titles, row 3 the table headers,
data from row 4. Tables on one sheet stand side by side with one empty column between them, so
every table can grow downwards without pushing another one, and a single frozen pane keeps all
headers in view.

Formulas are plain A1 references (the ``formulas`` package and LibreOffice do not evaluate
structured references): a calculated column refers to its own row (``$C4``), and a lookup into
another table reads that table's column through a fixed range of MAX_DATA_ROWS rows from row 4,
so a table may grow to that many rows before Excel's results stop following it (periksa says
when one does). The Hasil sheet holds the parameters read from Identitas and the Ringkasan.
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
MAX_DATA_ROWS = schema.FORMULA_ROWS  # rows of each input table that cross-table formulas read
GAP_WIDTH = 3

DAFTAR_SHEET = "Daftar"
HITUNG_SHEET = "Hitung"  # hidden: the array calls whose results the calculated columns show
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

    def letter(self, column: str) -> str:
        return xl_col_to_name(self.col(column))

    def column_range(self, column: str, rows: int = MAX_DATA_ROWS, *, sheet: bool = True) -> str:
        """``'Sheet'!$C$4:$C$2003``: the fixed range formulas use for a column."""
        letter = self.letter(column)
        first, last = FIRST_DATA_ROW + 1, FIRST_DATA_ROW + rows
        ref = f"${letter}${first}:${letter}${last}"
        return f"{quote_sheet(self.sheet)}!{ref}" if sheet else ref

    def header_cell(self, column: str) -> str:
        """``'Sheet'!$C$3``: the header cell, so ROW(range)-ROW(header) is the row's position."""
        return f"{quote_sheet(self.sheet)}!${self.letter(column)}${HEADER_ROW + 1}"

    def this_row(self, column: str, excel_row: int) -> str:
        """``$C7``: this column in the same row (column fixed, row relative)."""
        return f"${self.letter(column)}{excel_row}"


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

# Hasil sheet: a parameter block (values read from Identitas) and the Ringkasan below it.
BLOCK_LABEL_COL = 0
BLOCK_VALUE_COL = 1
#: Parameter block on Hasil: Identitas key, default when empty.
PARAMETERS: dict[str, str] = {
    "Tahun Laporan": "",
    "Skala Predikat": "tabel_3_1",
    "Skala Kategori": "tabel_3_2",
    "Gaya Rupiah": "puebi",
}
RINGKASAN_FIRST = len(PARAMETERS) + 2  # data-row index of the Ringkasan's first line


def param_cell(key: str) -> str:
    """``Hasil!$B$4``: the cell holding an Identitas parameter."""
    row = FIRST_DATA_ROW + list(PARAMETERS).index(key)
    return "Hasil!" + xl_rowcol_to_cell(row, BLOCK_VALUE_COL, row_abs=True, col_abs=True)


#: Columns of the hidden Hitung sheet: one array formula each over MAX_DATA_ROWS rows, row i
#: beside row i of the table it computes for (all tables start on the same sheet row).
#: name -> (table whose rows it follows, number format).
HITUNG_BLOCKS: dict[str, tuple[str, Kind]] = {
    "Capaian": ("tblTarget", Kind.PERCENT),
    "Predikat": ("tblTarget", Kind.TEXT),
    "Kategori": ("tblTarget", Kind.TEXT),
    "Realisasi Komposit": ("tblTarget", Kind.NUMBER),
    "Nilai Komponen": ("tblKomponen", Kind.NUMBER),
    "Capaian Sasaran": ("tblSasaran", Kind.PERCENT),
    "Capaian Realisasi Anggaran": ("tblAnggaranSasaran", Kind.PERCENT),
    "Efisiensi": ("tblAnggaranSasaran", Kind.PERCENT),
}


def hitung_col(block: str) -> int:
    return list(HITUNG_BLOCKS).index(block)


def hitung_range(block: str) -> str:
    """``Hitung!$A$4:$A$2003``: a block's cells."""
    letter = xl_col_to_name(hitung_col(block))
    first, last = FIRST_DATA_ROW + 1, FIRST_DATA_ROW + MAX_DATA_ROWS
    return f"{HITUNG_SHEET}!${letter}${first}:${letter}${last}"


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


#: Formats of the calculated columns (their schema kind is FORMULA).
RESULT_KINDS: dict[tuple[str, str], Kind] = {
    ("tblTarget", "Realisasi"): Kind.VALUE,
    ("tblTarget", "Capaian"): Kind.PERCENT,
    ("tblTarget", "Predikat"): Kind.TEXT,
    ("tblTarget", "Kategori"): Kind.TEXT,
    ("tblTarget", "Kode Sasaran"): Kind.CODE,
    ("tblTarget", "Polaritas"): Kind.TEXT,
    ("tblTarget", "Skala"): Kind.TEXT,
    ("tblTarget", "Baris Indikator"): Kind.INT,
    ("tblTarget", "Baris Realisasi"): Kind.INT,
    ("tblSasaran", "Capaian Kinerja"): Kind.PERCENT,
    ("tblKomponen", "Nilai Komponen"): Kind.NUMBER,
    ("tblAnggaranSasaran", "Capaian Kinerja"): Kind.PERCENT,
    ("tblAnggaranSasaran", "Capaian Realisasi Anggaran"): Kind.PERCENT,
    ("tblAnggaranSasaran", "Efisiensi"): Kind.PERCENT,
}
#: Helper columns the builder hides: row positions and the lookup keys.
KEYED_TABLES = ("tblSasaran", "tblIndikator", "tblRealisasi", "tblKomponen", "tblTarget")
RESULT_KINDS |= {(table, schema.KUNCI): Kind.CODE for table in KEYED_TABLES}
HIDDEN_COLUMNS = {("tblTarget", "Baris Indikator"), ("tblTarget", "Baris Realisasi")} | {
    (table, schema.KUNCI) for table in KEYED_TABLES
}


def daftar_ranges() -> dict[str, str]:
    """CHOICES list name -> absolute range on the hidden Daftar sheet (values from row 2)."""
    result = {}
    for col, (name, values) in enumerate(schema.CHOICES.items()):
        letter = xl_col_to_name(col)
        result[name] = f"{DAFTAR_SHEET}!${letter}$2:${letter}${len(values) + 1}"
    return result
