"""Where every table of the Pemda workbook sits, and its calculated columns (build-time only).

Same grid as the OPD workbook: row 1 the sheet title, row 2 the table titles, row 3 the
headers, data from row 4; tables on one sheet stand side by side with one empty column between
them, so each grows downwards without pushing another.

Calculated columns of tblKinerjaIKU (Excel Tables fill them into every new row): the realisasi
used (the typed one, else the one the button wrote on the Rekap sheet from the OPD workbooks),
CAPAIAN and PREDIKAT, the same UDFs as the OPD workbook. Structured references keep working
whatever the number of rows.
"""

from __future__ import annotations

from dataclasses import dataclass

from lkjip_xl.pemda import rekap_sheet
from lkjip_xl.pemda import schema as ps
from lkjip_xl.schema import Kind, Sheet, Table

TITLE_ROW, TABLE_TITLE_ROW, HEADER_ROW, FIRST_DATA_ROW = 0, 1, 2, 3
MAX_LIST_ROWS = 500  # rows of a code column a dropdown list looks at
GAP_WIDTH = 3
DAFTAR_SHEET = "Daftar"
CONF_SHEET = "xlwings.conf"

REKAP_IKU = rekap_sheet.REKAP_IKU
REKAP = Sheet(
    rekap_sheet.SHEET,
    "Rekap: Angka Gabungan dan Asalnya (diperbarui tombol Buat LKjIP Pemda)",
    rekap_sheet.TABLES,
)
SHEETS: tuple[Sheet, ...] = (*ps.INPUT_SHEETS, REKAP)


@dataclass(frozen=True)
class Calculated:
    name: str
    kind: Kind
    formula: str  # structured references; "[@[Col]]" is this row
    width: float = 12


_K, _IKU = ps.KINERJA.name, ps.IKU.name
_LOOKUP = f"MATCH({_K}[@[Kode IKU]],{_IKU}[Kode IKU],0)"
CALCULATED: dict[str, tuple[Calculated, ...]] = {
    _K: (
        Calculated(
            "Realisasi Dipakai",
            Kind.VALUE,
            f'=IF({_K}[@[Realisasi]]<>"",{_K}[@[Realisasi]],IFERROR(INDEX('
            f'{REKAP_IKU.name}[Realisasi],MATCH({_K}[@[Kode IKU]]&"|"&{_K}[@[Tahun]],'
            f'{REKAP_IKU.name}[Kunci],0)),"N/A"))',
        ),
        Calculated(
            "Capaian",
            Kind.PERCENT,
            f"=CAPAIAN({_K}[@[Target]],{_K}[@[Realisasi Dipakai]],"
            f"INDEX({_IKU}[Polaritas],{_LOOKUP}),T(INDEX({_IKU}[Skala],{_LOOKUP})),"
            f"{_K}[@[Batas Atas]])",
            width=11,
        ),
        Calculated(
            "Predikat",
            Kind.TEXT,
            f"=PREDIKAT({_K}[@[Capaian]],INDEX({ps.IDENTITAS.name}[Nilai],"
            f'MATCH("Skala Predikat",{ps.IDENTITAS.name}[Kunci],0)))',
            width=16,
        ),
    )
}

#: Code columns whose dropdown lists the codes of another table of this workbook.
CODE_LISTS: dict[tuple[str, str], tuple[str, str]] = {
    (ps.SASARAN.name, "Kode Tujuan"): (ps.TUJUAN.name, "Kode Tujuan"),
    (ps.IKU.name, "Kode Sasaran RPJMD"): (ps.SASARAN.name, "Kode Sasaran RPJMD"),
    (ps.KINERJA.name, "Kode IKU"): (ps.IKU.name, "Kode IKU"),
    (ps.KASKADE_IKU.name, "Kode IKU"): (ps.IKU.name, "Kode IKU"),
    (ps.KASKADE_IKU.name, "Kode OPD"): (ps.OPD.name, "Kode OPD"),
    (ps.KASKADE_SASARAN.name, "Kode OPD"): (ps.OPD.name, "Kode OPD"),
    (ps.KASKADE_SASARAN.name, "Kode Sasaran RPJMD"): (ps.SASARAN.name, "Kode Sasaran RPJMD"),
}


@dataclass(frozen=True)
class Placement:
    table: Table
    first_col: int
    extra: tuple[Calculated, ...] = ()

    @property
    def width(self) -> int:
        return len(self.table.columns) + len(self.extra)

    @property
    def last_col(self) -> int:
        return self.first_col + self.width - 1

    def col(self, column: str) -> int:
        names = [*self.table.column_names, *(c.name for c in self.extra)]
        return self.first_col + names.index(column)


def placements() -> dict[str, Placement]:
    result: dict[str, Placement] = {}
    for sheet in SHEETS:
        col = 0
        for table in sheet.tables:
            place = Placement(table, col, CALCULATED.get(table.name, ()))
            result[table.name] = place
            col += place.width + 1
    return result


PLACEMENTS = placements()
