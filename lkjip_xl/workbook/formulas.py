"""Calculated columns and the hidden Hitung sheet: every formula, and the value it computes.

Design (README, "Results and UDF calls"): results sit in calculated columns at the end of the
input tables, so Excel fills them into every row a user adds; the UDFs themselves run as one
array call per result column on the hidden Hitung sheet (multi-cell array formulas, which
Excel 2016/2019 evaluate without dynamic arrays), over layout.MAX_DATA_ROWS rows, and each
calculated cell shows its row of that array: ``INDEX(Hitung!$A$4:$A$2003,ROW()-ROW($A$3))``.
One full recalculation makes 15 UDF calls whatever the number of rows (8 arrays + the 7 of the
Ringkasan), where a UDF in every row made 3 per target row.

Per row of tblTarget (native formulas, no UDF):
- Kunci (hidden): Kode Indikator and Tahun trimmed and joined, as every lookup compares them;
- Baris Indikator / Baris Realisasi (hidden): position of the tblIndikator row with this Kode
  Indikator / of the tblRealisasi row with this key, 0 when there is none;
- Kode Sasaran, Polaritas, Skala: from that tblIndikator row;
- Realisasi: from that tblRealisasi row; when it is empty or absent and tblKomponen has rows
  for this key, the mean of their Nilai Komponen (what the report does);
- Capaian, Predikat, Kategori: this row of the CAPAIAN / PREDIKAT / KATEGORI arrays.
tblKomponen's Nilai Komponen, tblSasaran's Capaian Kinerja (RATA_CAPAIAN of the sasaran's
capaian in the Tahun Laporan) and tblAnggaranSasaran's Capaian Realisasi Anggaran and Efisiensi
come from arrays the same way; its Capaian Kinerja is looked up in tblSasaran.

Codes and years match as the report matches them: exactly (case counts), after trimming spaces
(non-breaking ones too), the last row winning a duplicate. Each looked-up table carries that
key in a hidden Kunci column, and SUMPRODUCT(MAX(EXACT(Kunci,key)*position)) finds the row
without array entry. Only plain A1 references.

Every cached value is computed here with the functions of lkjip_xl.udf.functions, on the very
ranges Excel hands them, so viewers that do not run Python show the numbers; `Computed.calls`
counts the UDF calls.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from xlsxwriter.utility import xl_rowcol_to_cell

from lkjip_xl.schema import KUNCI, Kind

from . import excel
from .layout import (
    FIRST_DATA_ROW,
    MAX_DATA_ROWS,
    PLACEMENTS,
    RESULT_KINDS,
    Placement,
    hitung_col,
    hitung_range,
    param_cell,
)

Rows = dict[str, list[dict[str, object]]]


@dataclass(frozen=True)
class FormulaCell:
    sheet: str
    row: int  # 0-based
    col: int
    formula: str  # starts with "="
    value: Any
    kind: Kind

    @property
    def address(self) -> str:
        return xl_rowcol_to_cell(self.row, self.col)


@dataclass(frozen=True)
class ArrayBlock:
    """One array formula on Hitung over MAX_DATA_ROWS rows, with every row's value."""

    name: str
    formula: str  # without "=" or braces
    values: list[Any]

    @property
    def col(self) -> int:
        return hitung_col(self.name)


@dataclass
class Computed:
    cells: list[FormulaCell] = field(default_factory=list)  # the calculated columns' cells
    column_formulas: dict[tuple[str, str], str] = field(default_factory=dict)  # first data row
    blocks: list[ArrayBlock] = field(default_factory=list)
    hasil: list[FormulaCell] = field(default_factory=list)
    labels: list[tuple[int, int, str]] = field(default_factory=list)  # Hasil (row, col, text)
    calls: excel.Calls = field(default_factory=excel.Calls)

    def block(self, name: str, formula: str, value: Any) -> list[Any]:
        values = [row[0] for row in value] if isinstance(value, list) else [value]
        self.blocks.append(ArrayBlock(name, formula, values))
        return values


# ---------------------------------------------------------------------------------------------
# Formula text


def _place(table: str) -> Placement:
    return PLACEMENTS[table]


def rng(table: str, column: str) -> str:
    return _place(table).column_range(column)


def _norm(expr: str) -> str:
    return f'TRIM(SUBSTITUTE({expr}&"",CHAR(160)," "))'


def _key(*exprs: str) -> str:
    """The key of a row, as the Kunci column holds it: trimmed parts joined by "|"."""
    return '&"|"&'.join(_norm(e) for e in exprs)


def _position(table: str, key: str) -> str:
    """Position of the last row of `table` whose Kunci equals `key` (excel.position), 0 if none."""
    kunci = rng(table, KUNCI)
    offset = f"(ROW({kunci})-ROW({_place(table).header_cell(KUNCI)}))"
    return f"SUMPRODUCT(MAX(EXACT({kunci},{key})*{offset}))"


def _index(table: str, column: str, pos: str) -> str:
    return f"INDEX({rng(table, column)},{pos})"


# ---------------------------------------------------------------------------------------------
# Tables


class Table:
    """One input table's typed cells (as Excel holds them) and its calculated cells."""

    def __init__(self, out: Computed, rows: Rows, name: str) -> None:
        self.out, self.name, self.place = out, name, _place(name)
        data = rows.get(name) or [{}]
        self.values: dict[str, list[Any]] = {
            c: [excel.cell(r.get(c)) for r in data] for c in self.place.table.input_column_names
        }
        self.size = len(data)

    def ref(self, column: str, r: int) -> str:
        return self.place.this_row(column, r)

    def column(self, name: str) -> list[Any]:
        """The column padded with empty cells to MAX_DATA_ROWS, as a fixed range reads it."""
        return self.values[name] + [None] * (MAX_DATA_ROWS - self.size)

    def own_row(self) -> str:
        """``ROW()-ROW($A$3)``: this row's position in the table, so its row of an array."""
        return f"ROW()-ROW(${self.place.letter(self.place.table.columns[0].name)}$3)"

    def fill(self, column: str, formula: Callable[[int], str], value: Callable[[int], Any]) -> None:
        """Write `column` for every row: formula(Excel row) and value(row index)."""
        col, kind = self.place.col(column), RESULT_KINDS[(self.name, column)]
        self.values[column] = []
        for i in range(self.size):
            r = FIRST_DATA_ROW + i + 1
            v = value(i)
            self.values[column].append(v)
            cell = FormulaCell(self.place.sheet, r - 1, col, "=" + formula(r), v, kind)
            self.out.cells.append(cell)
            if i == 0:
                self.out.column_formulas[(self.name, column)] = formula(r)

    def keyed(self, *columns: str) -> None:
        """Fill the hidden Kunci column from `columns` (blank when the first one is blank)."""
        first = columns[0]
        self.fill(
            KUNCI,
            lambda r: f'IF({self.ref(first, r)}="","",{_key(*(self.ref(c, r) for c in columns))})',
            lambda i: (
                ""
                if excel.empty(self.values[first][i])
                else "|".join(excel.norm(self.values[c][i]) for c in columns)
            ),
        )

    def show(self, column: str, block: list[Any], guard: str, name: str) -> None:
        """Fill `column` with this row of a Hitung array (empty where `guard` is empty)."""
        self.fill(
            column,
            lambda r: (
                f'IF({self.ref(guard, r)}="","",INDEX({hitung_range(name)},{self.own_row()}))'
            ),
            lambda i: "" if excel.empty(self.values[guard][i]) else block[i],
        )


def computed_cells(rows: Rows) -> Computed:
    """Every calculated cell, Hitung array and Hasil cell, with the values Excel computes."""
    from .hasil import parameters, ringkasan

    out = Computed()
    params = parameters(out, rows)
    komponen = _komponen(out, rows)
    target = _target(out, rows, params, komponen)
    sasaran = _sasaran(out, rows, params, target)
    _anggaran(out, rows, sasaran)
    ringkasan(out, rows, params, sasaran)
    out.blocks.sort(key=lambda b: b.col)
    return out


def _komponen(out: Computed, rows: Rows) -> Table:
    t = Table(out, rows, "tblKomponen")
    t.keyed("Kode Indikator", "Tahun")
    args = ("Realisasi Komponen", "Basis")
    nilai = out.block(
        "Nilai Komponen",
        f"NILAI_KOMPONEN({','.join(rng(t.name, c) for c in args)})",
        out.calls("NILAI_KOMPONEN", *(t.column(c) for c in args)),
    )
    t.show("Nilai Komponen", nilai, "Kode Indikator", "Nilai Komponen")
    return t


def _lookups(out: Computed, rows: Rows, t: Table) -> Table:
    """tblTarget's key, the two row positions and the columns copied from tblIndikator."""
    ind = Table(out, rows, "tblIndikator")
    ind.keyed("Kode Indikator")
    real = Table(out, rows, "tblRealisasi")
    real.keyed("Kode Indikator", "Tahun")
    t.keyed("Kode Indikator", "Tahun")
    kode, ref = t.values["Kode Indikator"], t.ref

    def guard(r: int, expr: str) -> str:
        return f'IF({ref("Kode Indikator", r)}="","",{expr})'

    t.fill(
        "Baris Indikator",
        lambda r: guard(r, _position(ind.name, _key(ref("Kode Indikator", r)))),
        lambda i: (
            ""
            if excel.empty(kode[i])
            else float(excel.position(ind.values[KUNCI], excel.norm(kode[i])))
        ),
    )
    t.fill(
        "Baris Realisasi",
        lambda r: guard(r, _position(real.name, ref(KUNCI, r))),
        lambda i: (
            ""
            if excel.empty(kode[i])
            else float(excel.position(real.values[KUNCI], t.values[KUNCI][i]))
        ),
    )
    for column in ("Kode Sasaran", "Polaritas", "Skala"):
        t.fill(
            column,
            lambda r, c=column: guard(
                r,
                f'IF({ref("Baris Indikator", r)}=0,"",'
                f'{_index(ind.name, c, ref("Baris Indikator", r))}&"")',
            ),
            lambda i, c=column: (
                ""
                if excel.empty(kode[i]) or not t.values["Baris Indikator"][i]
                else excel.text(excel.index(ind.values[c], int(t.values["Baris Indikator"][i])))
            ),
        )
    return real


def _target(out: Computed, rows: Rows, params: dict[str, Any], komponen: Table) -> Table:
    t = Table(out, rows, "tblTarget")
    real = _lookups(out, rows, t)
    kode, ref = t.values["Kode Indikator"], t.ref
    komposit = out.block(
        "Realisasi Komposit",
        f"RATA_CAPAIAN({hitung_range('Nilai Komponen')},{rng(komponen.name, KUNCI)},"
        f"{rng(t.name, KUNCI)})",
        out.calls(
            "RATA_CAPAIAN",
            _padded(out, "Nilai Komponen"),
            komponen.column(KUNCI),
            t.column(KUNCI),
        ),
    )

    def realisasi(r: int) -> str:
        pos = ref("Baris Realisasi", r)
        found = _index(real.name, "Realisasi", pos)
        kunci = rng(komponen.name, KUNCI)
        mean = f"INDEX({hitung_range('Realisasi Komposit')},{t.own_row()})"
        k = f'IF(SUMPRODUCT(EXACT({kunci},{ref(KUNCI, r)})*1)=0,"",{mean})'
        return f'IF({ref("Kode Indikator", r)}="","",IF({pos}=0,{k},IF({found}="",{k},{found})))'

    def realisasi_value(i: int) -> Any:
        if excel.empty(kode[i]):
            return ""
        pos = int(t.values["Baris Realisasi"][i])
        found = excel.index(real.values["Realisasi"], pos) if pos else None
        if not excel.empty(found):
            return found
        return komposit[i] if t.values[KUNCI][i] in komponen.values[KUNCI] else ""

    t.fill("Realisasi", realisasi, realisasi_value)
    args = ("Target", "Realisasi", "Polaritas", "Skala", "Batas Atas")
    capaian = out.block(
        "Capaian",
        f"CAPAIAN({','.join(rng(t.name, c) for c in args)})",
        out.calls("CAPAIAN", *(t.column(c) for c in args)),
    )
    t.show("Capaian", capaian, "Kode Indikator", "Capaian")
    for name, key in (("Predikat", "Skala Predikat"), ("Kategori", "Skala Kategori")):
        values = out.block(
            name,
            f"{name.upper()}({hitung_range('Capaian')},{param_cell(key)})",
            out.calls(name.upper(), capaian, params[key]),
        )
        t.show(name, values, "Kode Indikator", name)
    return t


def _padded(out: Computed, block: str) -> list[Any]:
    """A Hitung array's values, as a range over its MAX_DATA_ROWS cells hands them over."""
    values = next(b.values for b in out.blocks if b.name == block)
    return values + [None] * (MAX_DATA_ROWS - len(values))


def _sasaran(out: Computed, rows: Rows, params: dict[str, Any], target: Table) -> Table:
    t = Table(out, rows, "tblSasaran")
    t.keyed("Kode Sasaran")
    means = out.block(
        "Capaian Sasaran",
        f"RATA_CAPAIAN({hitung_range('Capaian')},{rng(target.name, 'Kode Sasaran')},"
        f"{rng(t.name, 'Kode Sasaran')},{rng(target.name, 'Tahun')},{param_cell('Tahun Laporan')})",
        out.calls(
            "RATA_CAPAIAN",
            _padded(out, "Capaian"),
            target.column("Kode Sasaran"),
            t.column("Kode Sasaran"),
            target.column("Tahun"),
            params["Tahun Laporan"],
        ),
    )
    t.show("Capaian Kinerja", means, "Kode Sasaran", "Capaian Sasaran")
    return t


def _anggaran(out: Computed, rows: Rows, sasaran: Table) -> Table:
    t = Table(out, rows, "tblAnggaranSasaran")
    kode, ref = t.values["Kode Sasaran"], t.ref

    def capaian(r: int) -> str:
        pos = _position(sasaran.name, _key(ref("Kode Sasaran", r)))
        found = _index(sasaran.name, "Capaian Kinerja", pos)
        return f'IF({ref("Kode Sasaran", r)}="","",IF({pos}=0,"",{found}))'

    def capaian_value(i: int) -> Any:
        if excel.empty(kode[i]):
            return ""
        pos = excel.position(sasaran.values[KUNCI], excel.norm(kode[i]))
        return excel.returned(excel.index(sasaran.values["Capaian Kinerja"], pos)) if pos else ""

    t.fill("Capaian Kinerja", capaian, capaian_value)
    persen = out.block(
        "Capaian Realisasi Anggaran",
        f"REALISASI_ANGGARAN({rng(t.name, 'Anggaran')},{rng(t.name, 'Realisasi')})",
        out.calls("REALISASI_ANGGARAN", t.column("Anggaran"), t.column("Realisasi")),
    )
    t.show("Capaian Realisasi Anggaran", persen, "Kode Sasaran", "Capaian Realisasi Anggaran")
    efisiensi = out.block(
        "Efisiensi",
        f"EFISIENSI({rng(t.name, 'Capaian Kinerja')},{hitung_range('Capaian Realisasi Anggaran')})",
        out.calls(
            "EFISIENSI",
            t.column("Capaian Kinerja"),
            _padded(out, "Capaian Realisasi Anggaran"),
        ),
    )
    t.show("Efisiensi", efisiensi, "Kode Sasaran", "Efisiensi")
    return t
