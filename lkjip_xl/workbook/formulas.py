"""Calculated columns and the Hasil sheet: every formula, and the value it computes at build time.

Results sit in calculated columns at the end of the input tables, so Excel fills them into every
row a user adds and they grow with the data (no fixed-size mirror). Per row of tblTarget:

- Baris Indikator / Baris Realisasi (hidden): position of the tblIndikator row with this Kode
  Indikator / of the tblRealisasi row with this Kode Indikator and Tahun, 0 when there is none;
- Kode Sasaran, Polaritas, Skala: from that tblIndikator row;
- Realisasi: from that tblRealisasi row; when it is empty or absent and tblKomponen has rows for
  this indicator and year, the mean of their Nilai Komponen (what the report does);
- Capaian = CAPAIAN(Target, Realisasi, Polaritas, Skala, Batas Atas);
- Predikat / Kategori: PREDIKAT / KATEGORI of a numeric Capaian, else Capaian's own text (N/A).

tblKomponen's Nilai Komponen = NILAI_KOMPONEN; tblSasaran's Capaian Kinerja = RATA_CAPAIAN of
tblTarget's Capaian for the sasaran in the Tahun Laporan; tblAnggaranSasaran: Capaian Kinerja
(from tblSasaran), Capaian Realisasi Anggaran = REALISASI_ANGGARAN, Efisiensi = EFISIENSI.

Codes and years match as the report matches them: exactly (case counts), after trimming spaces
(non-breaking ones too), the last row winning a duplicate. Each looked-up table carries that
trimmed key in a hidden Kunci column (computed once per row, not once per lookup), and
SUMPRODUCT(MAX(EXACT(Kunci, key)*position)) finds the row without array entry, so Excel
2016/2019 fill it like any calculated column. Only plain A1 references: a row refers to itself
as ``$C4`` and to other tables through fixed ranges (layout.MAX_DATA_ROWS rows).

Every cached value is computed here with the functions of lkjip_xl.udf.functions, so viewers
that do not run Python show the numbers. UDFs are called only where Excel calls them (Excel's
IF evaluates one branch), so `Computed.calls` is the UDF calls of one full recalculation.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from xlsxwriter.utility import xl_rowcol_to_cell

from lkjip_xl.schema import KUNCI, Kind

from . import excel
from .layout import (
    BLOCK_LABEL_COL,
    BLOCK_VALUE_COL,
    FIRST_DATA_ROW,
    MAX_DATA_ROWS,
    PLACEMENTS,
    RESULT_KINDS,
    Placement,
)

Rows = dict[str, list[dict[str, object]]]
HASIL = "Hasil"


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
class LabelCell:
    row: int
    col: int
    text: str


@dataclass
class Computed:
    cells: list[FormulaCell] = field(default_factory=list)  # the calculated columns' cells
    column_formulas: dict[tuple[str, str], str] = field(default_factory=dict)  # first data row
    hasil: list[FormulaCell] = field(default_factory=list)
    labels: list[LabelCell] = field(default_factory=list)
    calls: excel.Calls = field(default_factory=excel.Calls)


#: Parameter block on Hasil (label = Identitas key, default when empty).
PARAMETERS = (
    ("Tahun Laporan", ""),
    ("Skala Predikat", "tabel_3_1"),
    ("Skala Kategori", "tabel_3_2"),
    ("Gaya Rupiah", "puebi"),
)


def _param_cell(index: int) -> str:
    cell = xl_rowcol_to_cell(FIRST_DATA_ROW + index, BLOCK_VALUE_COL, row_abs=True, col_abs=True)
    return f"{HASIL}!{cell}"


TAHUN, SKALA_PREDIKAT, SKALA_KATEGORI, GAYA_RUPIAH = (_param_cell(i) for i in range(4))
RINGKASAN_FIRST = len(PARAMETERS) + 2  # data-row index of the Ringkasan's first line


# ---------------------------------------------------------------------------------------------
# Formula text


def _place(table: str) -> Placement:
    return PLACEMENTS[table]


def _rng(table: str, column: str) -> str:
    return _place(table).column_range(column)


def _norm(expr: str) -> str:
    return f'TRIM(SUBSTITUTE({expr}&"",CHAR(160)," "))'


def _key(*exprs: str) -> str:
    """The key of a row, as the Kunci column holds it: trimmed parts joined by "|"."""
    return '&"|"&'.join(_norm(e) for e in exprs)


def _position(table: str, key: str) -> str:
    """Position of the last row of `table` whose Kunci equals `key` (excel.position), 0 if none."""
    kunci = _rng(table, KUNCI)
    offset = f"(ROW({kunci})-ROW({_place(table).header_cell(KUNCI)}))"
    return f"SUMPRODUCT(MAX(EXACT({kunci},{key})*{offset}))"


def _index(table: str, column: str, pos: str) -> str:
    return f"INDEX({_rng(table, column)},{pos})"


# ---------------------------------------------------------------------------------------------
# Tables


class _Table:
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


def computed_cells(rows: Rows) -> Computed:
    """Every calculated cell and every Hasil cell, with the values Excel would compute."""
    out = Computed()
    params = _parameters(out, rows)
    komponen = _komponen(out, rows)
    target = _target(out, rows, params, komponen)
    sasaran = _sasaran(out, rows, params, target)
    anggaran = _anggaran(out, rows, sasaran)
    _ringkasan(out, rows, params, sasaran, anggaran)
    return out


def _parameters(out: Computed, rows: Rows) -> dict[str, Any]:
    ident = _Table(out, rows, "tblIdentitas")
    keys, values = ident.values["Kunci"], ident.values["Nilai"]
    params: dict[str, Any] = {}
    out.labels.append(LabelCell(FIRST_DATA_ROW - 1, BLOCK_LABEL_COL, "Parameter (dari Identitas)"))
    for i, (key, default) in enumerate(PARAMETERS):
        kunci = _rng("tblIdentitas", "Kunci")
        offset = f"(ROW({kunci})-ROW({ident.place.header_cell('Kunci')}))"
        pos = f'SUMPRODUCT(MAX((TRIM({kunci})="{key}")*{offset}))'
        found = _index("tblIdentitas", "Nilai", pos)
        formula = f'=IF({pos}=0,"{default}",IF({found}="","{default}",{found}))'
        p = 0
        for k, name in enumerate(keys, start=1):
            if excel.norm(name).casefold() == key.casefold():
                p = k
        value = excel.index(values, p)
        params[key] = default if excel.empty(value) else value
        kind = Kind.INT if key == "Tahun Laporan" else Kind.TEXT
        row = FIRST_DATA_ROW + i
        out.labels.append(LabelCell(row, BLOCK_LABEL_COL, key))
        out.hasil.append(FormulaCell(HASIL, row, BLOCK_VALUE_COL, formula, params[key], kind))
    return params


def _komponen(out: Computed, rows: Rows) -> _Table:
    t = _Table(out, rows, "tblKomponen")
    t.keyed("Kode Indikator", "Tahun")
    a = t.values["Kode Indikator"]
    t.fill(
        "Nilai Komponen",
        lambda r: (
            f'IF({t.ref("Kode Indikator", r)}="","",NILAI_KOMPONEN('
            f"{t.ref('Realisasi Komponen', r)},{t.ref('Basis', r)}))"
        ),
        lambda i: (
            ""
            if excel.empty(a[i])
            else out.calls(
                "NILAI_KOMPONEN", t.values["Realisasi Komponen"][i], t.values["Basis"][i]
            )
        ),
    )
    return t


def _target(out: Computed, rows: Rows, params: dict[str, Any], komponen: _Table) -> _Table:
    ind = _Table(out, rows, "tblIndikator")
    ind.keyed("Kode Indikator")
    real = _Table(out, rows, "tblRealisasi")
    real.keyed("Kode Indikator", "Tahun")
    t = _Table(out, rows, "tblTarget")
    kode = t.values["Kode Indikator"]
    ref = t.ref

    def key(i: int, *columns: str) -> str:
        return "|".join(excel.norm(t.values[c][i]) for c in columns)

    K = "Kode Indikator"

    def guard(r: int, expr: str) -> str:
        return f'IF({ref("Kode Indikator", r)}="","",{expr})'

    t.fill(
        "Baris Indikator",
        lambda r: guard(r, _position("tblIndikator", _key(ref("Kode Indikator", r)))),
        lambda i: (
            "" if excel.empty(kode[i]) else float(excel.position(ind.values[KUNCI], key(i, K)))
        ),
    )
    t.fill(
        "Baris Realisasi",
        lambda r: guard(r, _position("tblRealisasi", _key(ref(K, r), ref("Tahun", r)))),
        lambda i: (
            ""
            if excel.empty(kode[i])
            else float(excel.position(real.values[KUNCI], key(i, K, "Tahun")))
        ),
    )
    for column in ("Kode Sasaran", "Polaritas", "Skala"):
        t.fill(
            column,
            lambda r, c=column: guard(
                r,
                f'IF({ref("Baris Indikator", r)}=0,"",'
                f'{_index("tblIndikator", c, ref("Baris Indikator", r))}&"")',
            ),
            lambda i, c=column: (
                ""
                if excel.empty(kode[i]) or not t.values["Baris Indikator"][i]
                else excel.text(excel.index(ind.values[c], int(t.values["Baris Indikator"][i])))
            ),
        )

    def komposit(r: int) -> str:
        k = _key(ref("Kode Indikator", r), ref("Tahun", r))
        kunci = _rng("tblKomponen", KUNCI)
        mean = f"RATA_CAPAIAN({_rng('tblKomponen', 'Nilai Komponen')},{kunci},{k})"
        return f'IF(SUMPRODUCT(EXACT({kunci},{k})*1)=0,"",{mean})'

    def komposit_value(i: int) -> Any:
        k = key(i, "Kode Indikator", "Tahun")
        if k not in komponen.values[KUNCI]:
            return ""
        nilai, kunci = komponen.column("Nilai Komponen"), komponen.column(KUNCI)
        return out.calls("RATA_CAPAIAN", nilai, kunci, k)

    def realisasi(r: int) -> str:
        pos = ref("Baris Realisasi", r)
        found = _index("tblRealisasi", "Realisasi", pos)
        k = komposit(r)
        return guard(r, f'IF({pos}=0,{k},IF({found}="",{k},{found}))')

    def realisasi_value(i: int) -> Any:
        if excel.empty(kode[i]):
            return ""
        pos = int(t.values["Baris Realisasi"][i])
        found = excel.index(real.values["Realisasi"], pos) if pos else None
        return komposit_value(i) if excel.empty(found) else found

    t.fill("Realisasi", realisasi, realisasi_value)
    t.fill(
        "Capaian",
        lambda r: guard(
            r,
            f"CAPAIAN({ref('Target', r)},{ref('Realisasi', r)},{ref('Polaritas', r)},"
            f"{ref('Skala', r)},{ref('Batas Atas', r)})",
        ),
        lambda i: (
            ""
            if excel.empty(kode[i])
            else out.calls(
                "CAPAIAN",
                t.values["Target"][i],
                t.values["Realisasi"][i],
                t.values["Polaritas"][i],
                t.values["Skala"][i],
                t.values["Batas Atas"][i],
            )
        ),
    )
    for column, skala, key in (
        ("Predikat", SKALA_PREDIKAT, "Skala Predikat"),
        ("Kategori", SKALA_KATEGORI, "Skala Kategori"),
    ):
        name = column.upper()
        t.fill(
            column,
            lambda r, n=name, s=skala: (
                f"IF(ISNUMBER({ref('Capaian', r)}),"
                f"{n}({ref('Capaian', r)},{s}),{ref('Capaian', r)})"
            ),
            lambda i, n=name, k=key: (
                out.calls(n, t.values["Capaian"][i], params[k])
                if isinstance(t.values["Capaian"][i], float)
                else t.values["Capaian"][i]
            ),
        )
    return t


def _sasaran(out: Computed, rows: Rows, params: dict[str, Any], target: _Table) -> _Table:
    t = _Table(out, rows, "tblSasaran")
    t.keyed("Kode Sasaran")
    kode = t.values["Kode Sasaran"]
    t.fill(
        "Capaian Kinerja",
        lambda r: (
            f'IF({t.ref("Kode Sasaran", r)}="","",RATA_CAPAIAN('
            f"{_rng('tblTarget', 'Capaian')},{_rng('tblTarget', 'Kode Sasaran')},"
            f"{t.ref('Kode Sasaran', r)},{_rng('tblTarget', 'Tahun')},{TAHUN}))"
        ),
        lambda i: (
            ""
            if excel.empty(kode[i])
            else out.calls(
                "RATA_CAPAIAN",
                target.column("Capaian"),
                target.column("Kode Sasaran"),
                kode[i],
                target.column("Tahun"),
                params["Tahun Laporan"],
            )
        ),
    )
    return t


def _anggaran(out: Computed, rows: Rows, sasaran: _Table) -> _Table:
    t = _Table(out, rows, "tblAnggaranSasaran")
    kode, ref = t.values["Kode Sasaran"], t.ref

    def guard(r: int, expr: str) -> str:
        return f'IF({ref("Kode Sasaran", r)}="","",{expr})'

    def capaian(r: int) -> str:
        pos = _position("tblSasaran", _key(ref("Kode Sasaran", r)))
        return guard(r, f'IF({pos}=0,"",{_index("tblSasaran", "Capaian Kinerja", pos)})')

    def capaian_value(i: int) -> Any:
        if excel.empty(kode[i]):
            return ""
        pos = excel.position(sasaran.values[KUNCI], excel.norm(kode[i]))
        return excel.returned(excel.index(sasaran.values["Capaian Kinerja"], pos)) if pos else ""

    t.fill("Capaian Kinerja", capaian, capaian_value)
    t.fill(
        "Capaian Realisasi Anggaran",
        lambda r: guard(r, f"REALISASI_ANGGARAN({ref('Anggaran', r)},{ref('Realisasi', r)})"),
        lambda i: (
            ""
            if excel.empty(kode[i])
            else out.calls("REALISASI_ANGGARAN", t.values["Anggaran"][i], t.values["Realisasi"][i])
        ),
    )
    t.fill(
        "Efisiensi",
        lambda r: guard(
            r,
            f"EFISIENSI({ref('Capaian Kinerja', r)},{ref('Capaian Realisasi Anggaran', r)})",
        ),
        lambda i: (
            ""
            if excel.empty(kode[i])
            else out.calls(
                "EFISIENSI",
                t.values["Capaian Kinerja"][i],
                t.values["Capaian Realisasi Anggaran"][i],
            )
        ),
    )
    return t


def _ringkasan(
    out: Computed, rows: Rows, params: dict[str, Any], sasaran: _Table, anggaran: _Table
) -> None:
    """Totals (tblAnggaranSasaran, else tblBelanja, as the report), mean capaian, efisiensi."""
    belanja = _Table(Computed(), rows, "tblBelanja")
    base = FIRST_DATA_ROW + RINGKASAN_FIRST
    out.labels.append(LabelCell(base - 1, BLOCK_LABEL_COL, "Ringkasan Anggaran dan Kinerja"))

    def total(column: str) -> tuple[str, float]:
        own, other = _rng("tblAnggaranSasaran", column), _rng("tblBelanja", column)
        formula = f"=IF(COUNT({_rng('tblAnggaranSasaran', 'Anggaran')})>0,SUM({own}),SUM({other}))"
        numbers = [v for v in anggaran.values["Anggaran"] if isinstance(v, float)]
        source = anggaran if numbers else belanja
        return formula, float(sum(v for v in source.values[column] if isinstance(v, float)))

    def at(k: int) -> str:
        cell = xl_rowcol_to_cell(base + k, BLOCK_VALUE_COL, row_abs=True, col_abs=True)
        return cell

    (f_a, sum_a), (f_r, sum_r) = total("Anggaran"), total("Realisasi")
    ra = out.calls("REALISASI_ANGGARAN", sum_a, sum_r)
    mean = out.calls("RATA_CAPAIAN", sasaran.column("Capaian Kinerja"))
    lines = [
        ("Jumlah Anggaran", f_a, sum_a, Kind.RUPIAH),
        ("Jumlah Realisasi", f_r, sum_r, Kind.RUPIAH),
        ("Capaian Realisasi Anggaran", f"=REALISASI_ANGGARAN({at(0)},{at(1)})", ra, Kind.PERCENT),
        (
            "Rata-rata Capaian Kinerja",
            f"=RATA_CAPAIAN({_rng('tblSasaran', 'Capaian Kinerja')})",
            mean,
            Kind.PERCENT,
        ),
        ("Efisiensi", f"=EFISIENSI({at(3)},{at(2)})", None, Kind.PERCENT),
        ("Jumlah Anggaran (teks)", f"=RUPIAH({at(0)},{GAYA_RUPIAH})", None, Kind.TEXT),
        ("Jumlah Anggaran (terbilang)", f"=TERBILANG({at(0)},TRUE)", None, Kind.LONGTEXT),
        ("Jumlah Realisasi (teks)", f"=RUPIAH({at(1)},{GAYA_RUPIAH})", None, Kind.TEXT),
        ("Jumlah Realisasi (terbilang)", f"=TERBILANG({at(1)},TRUE)", None, Kind.LONGTEXT),
    ]
    later = {
        "Efisiensi": lambda: out.calls("EFISIENSI", mean, ra),
        "Jumlah Anggaran (teks)": lambda: out.calls("RUPIAH", sum_a, params["Gaya Rupiah"]),
        "Jumlah Anggaran (terbilang)": lambda: out.calls("TERBILANG", sum_a, True),
        "Jumlah Realisasi (teks)": lambda: out.calls("RUPIAH", sum_r, params["Gaya Rupiah"]),
        "Jumlah Realisasi (terbilang)": lambda: out.calls("TERBILANG", sum_r, True),
    }
    for k, (label, formula, value, kind) in enumerate(lines):
        value = later[label]() if label in later else value
        out.labels.append(LabelCell(base + k, BLOCK_LABEL_COL, label))
        out.hasil.append(FormulaCell(HASIL, base + k, BLOCK_VALUE_COL, formula, value, kind))
