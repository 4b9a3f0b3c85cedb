"""The Hasil sheet: parameters read from Identitas, and the Ringkasan the report's summary and
efisiensi table print (totals, realisasi anggaran, mean capaian, efisiensi, amounts in words).

Totals follow the report model: tblAnggaranSasaran when it holds any anggaran, else
tblBelanja; realisasi anggaran is total realisasi / total anggaran (not the mean of the row
percentages); the mean capaian is RATA_CAPAIAN of the sasaran, N/A left out.
"""

from __future__ import annotations

from typing import Any

from xlsxwriter.utility import xl_rowcol_to_cell

from lkjip_xl.schema import Kind

from . import excel
from .formulas import Computed, FormulaCell, Rows, Table, rng
from .layout import (
    BLOCK_LABEL_COL,
    BLOCK_VALUE_COL,
    FIRST_DATA_ROW,
    PARAMETERS,
    RINGKASAN_FIRST,
    param_cell,
)

HASIL = "Hasil"


def parameters(out: Computed, rows: Rows) -> dict[str, Any]:
    """The parameter block: each Identitas key's value (last row wins, as the report reads)."""
    ident = Table(Computed(), rows, "tblIdentitas")
    keys, values = ident.values["Kunci"], ident.values["Nilai"]
    kunci = rng(ident.name, "Kunci")
    offset = f"(ROW({kunci})-ROW({ident.place.header_cell('Kunci')}))"
    params: dict[str, Any] = {}
    out.labels.append((FIRST_DATA_ROW - 1, BLOCK_LABEL_COL, "Parameter (dari Identitas)"))
    for i, (key, default) in enumerate(PARAMETERS.items()):
        pos = f'SUMPRODUCT(MAX((TRIM({kunci})="{key}")*{offset}))'
        found = f"INDEX({rng(ident.name, 'Nilai')},{pos})"
        formula = f'=IF({pos}=0,"{default}",IF({found}="","{default}",{found}))'
        wanted = key.casefold()
        p = max((k for k, n in enumerate(keys, 1) if excel.norm(n).casefold() == wanted), default=0)
        value = excel.index(values, p)
        params[key] = default if excel.empty(value) else value
        kind = Kind.INT if key == "Tahun Laporan" else Kind.TEXT
        row = FIRST_DATA_ROW + i
        out.labels.append((row, BLOCK_LABEL_COL, key))
        out.hasil.append(FormulaCell(HASIL, row, BLOCK_VALUE_COL, formula, params[key], kind))
    return params


def ringkasan(out: Computed, rows: Rows, params: dict[str, Any], sasaran: Table) -> None:
    anggaran = Table(Computed(), rows, "tblAnggaranSasaran")
    belanja = Table(Computed(), rows, "tblBelanja")
    base = FIRST_DATA_ROW + RINGKASAN_FIRST
    out.labels.append((base - 1, BLOCK_LABEL_COL, "Ringkasan Anggaran dan Kinerja"))

    def total(column: str) -> tuple[str, float]:
        own, other = rng(anggaran.name, column), rng(belanja.name, column)
        formula = f"=IF(COUNT({rng(anggaran.name, 'Anggaran')})>0,SUM({own}),SUM({other}))"
        typed = any(isinstance(v, float) for v in anggaran.values["Anggaran"])
        source = anggaran if typed else belanja
        return formula, float(sum(v for v in source.values[column] if isinstance(v, float)))

    def at(k: int) -> str:
        return xl_rowcol_to_cell(base + k, BLOCK_VALUE_COL, row_abs=True, col_abs=True)

    (f_a, sum_a), (f_r, sum_r) = total("Anggaran"), total("Realisasi")
    gaya = param_cell("Gaya Rupiah")
    lines: list[tuple[str, str, Any, Kind]] = [
        ("Jumlah Anggaran", f_a, sum_a, Kind.RUPIAH),
        ("Jumlah Realisasi", f_r, sum_r, Kind.RUPIAH),
        (
            "Capaian Realisasi Anggaran",
            f"=REALISASI_ANGGARAN({at(0)},{at(1)})",
            lambda: out.calls("REALISASI_ANGGARAN", sum_a, sum_r),
            Kind.PERCENT,
        ),
        (
            "Rata-rata Capaian Kinerja",
            f"=RATA_CAPAIAN({rng(sasaran.name, 'Capaian Kinerja')})",
            lambda: out.calls("RATA_CAPAIAN", sasaran.column("Capaian Kinerja")),
            Kind.PERCENT,
        ),
        (
            "Efisiensi",
            f"=EFISIENSI({at(3)},{at(2)})",
            lambda: out.calls("EFISIENSI", values[3], values[2]),
            Kind.PERCENT,
        ),
        (
            "Jumlah Anggaran (teks)",
            f"=RUPIAH({at(0)},{gaya})",
            lambda: out.calls("RUPIAH", sum_a, params["Gaya Rupiah"]),
            Kind.TEXT,
        ),
        (
            "Jumlah Anggaran (terbilang)",
            f"=TERBILANG({at(0)},TRUE)",
            lambda: out.calls("TERBILANG", sum_a, True),
            Kind.LONGTEXT,
        ),
        (
            "Jumlah Realisasi (teks)",
            f"=RUPIAH({at(1)},{gaya})",
            lambda: out.calls("RUPIAH", sum_r, params["Gaya Rupiah"]),
            Kind.TEXT,
        ),
        (
            "Jumlah Realisasi (terbilang)",
            f"=TERBILANG({at(1)},TRUE)",
            lambda: out.calls("TERBILANG", sum_r, True),
            Kind.LONGTEXT,
        ),
    ]
    values: list[Any] = []
    for k, (label, formula, value, kind) in enumerate(lines):
        values.append(value() if callable(value) else value)
        out.labels.append((base + k, BLOCK_LABEL_COL, label))
        out.hasil.append(FormulaCell(HASIL, base + k, BLOCK_VALUE_COL, formula, values[-1], kind))
