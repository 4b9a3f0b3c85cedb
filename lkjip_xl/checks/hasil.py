"""Calculated columns: results typed over, errors a LibreOffice save leaves, tables too long.

Excel's results live in calculated columns at the end of four input tables (schema.FORMULA
columns, written by lkjip_xl.workbook.formulas): tblTarget (Realisasi, Capaian, Predikat,
Kategori, ...), tblSasaran (Capaian Kinerja), tblKomponen (Nilai Komponen) and
tblAnggaranSasaran (Capaian Kinerja, Capaian Realisasi Anggaran, Efisiensi). The report never
reads them (it recomputes everything), but staff read them and copy them into other documents:

- ``rumus-ditimpa`` (kesalahan): a cell of a calculated column holds a typed value instead of
  its formula; it no longer follows the data.
- ``hasil-beda`` (kesalahan): that typed value differs from the recomputation as displayed:
  percentages at 2 decimals of percent, half-up (71,42% typed vs 71,43% computed is a finding,
  0.7125 vs 0.712500001 is not), numbers at 2 decimals, labels case-insensitively.
- A typed "Jumlah"/"Total" row in tblAnggaranSasaran (a published efisiensi table's Jumlah
  row) is compared with the mean of the sasaran capaian (core.rules.rata_rata, N/A left out),
  the total realisasi anggaran (total realisasi / total anggaran: 95,11% in the example, NOT the
  mean of the row percentages) and their efisiensi.
- ``hasil-galat`` (catatan, once per workbook): calculated cells holding an error value
  (#VALUE!, #NAME?, Err:...). That is what a program that cannot run the Python functions
  leaves when it saves the file (LibreOffice; Excel with macros disabled); it is not the
  user's error, so it changes no exit code.
- ``hasil-terpotong`` (peringatan): a table with more rows than the formulas read
  (schema.FORMULA_ROWS); Excel's results stop there, the report does not.

Cached values: the reader gives formula cells their stored result in ``Row.cached`` (contract
4); sources without it (the open workbook through xlwings) hand the live value in ``Row.values``.
"""

from __future__ import annotations

from typing import Any

from lkjip_xl import schema
from lkjip_xl.checks.base import (
    TOTAL_LABEL,
    Baris,
    angka,
    complete,
    err,
    persen,
    rows,
    same_number,
    same_percent,
)
from lkjip_xl.core.findings import Finding, catatan, peringatan
from lkjip_xl.core.model import Laporan
from lkjip_xl.core.values import NA, is_blank
from lkjip_xl.readers.cells import EXCEL_ERRORS, CellReader
from lkjip_xl.readers.tables import Row, TableData, Workbook

_PERCENT_COLUMNS = {"Capaian", "Capaian Kinerja", "Capaian Realisasi Anggaran", "Efisiensi"}
_COMPARED = {  # calculated columns whose typed value is compared; the others are helpers
    "tblTarget": ("Realisasi", "Capaian", "Predikat", "Kategori"),
    "tblSasaran": ("Capaian Kinerja",),
    "tblKomponen": ("Nilai Komponen",),
    "tblAnggaranSasaran": ("Capaian Kinerja", "Capaian Realisasi Anggaran", "Efisiensi"),
}
#: Tables the formulas read through fixed ranges of schema.FORMULA_ROWS rows.
_READ_BY_FORMULAS = ("tblIdentitas", "tblIndikator", "tblTarget", "tblRealisasi",
                     "tblKomponen", "tblSasaran", "tblAnggaranSasaran", "tblBelanja")  # fmt: skip


def _typed(row: Row, column: str) -> bool:
    return column not in row.formulas and not is_blank(row.values.get(column))


def _cached(row: Row, column: str) -> Any:
    """The result the file stores for a formula cell (Row.cached, else the value read)."""
    cached = getattr(row, "cached", None)
    if isinstance(cached, dict) and column in cached:
        return cached[column]
    return row.values.get(column)


def _is_error(value: Any) -> bool:
    if not isinstance(value, str):
        return False
    text = value.strip()
    return text.upper() in EXCEL_ERRORS or text.startswith("Err:")


def _show(value: Any, column: str) -> str:
    numeric = isinstance(value, (int, float)) and not isinstance(value, bool)
    if numeric and column in _PERCENT_COLUMNS:
        return persen(value)
    return f"'{value}'" if isinstance(value, str) else angka(value)


def _agrees(column: str, typed: Any, computed: Any) -> bool:
    if column in _PERCENT_COLUMNS:
        return same_percent(typed, computed)
    return same_number(typed, computed)


def _overwritten(baris: Baris, column: str) -> Finding:
    value = baris.row.values.get(column)
    return err(
        baris,
        column,
        f"Rumus ditimpa nilai ketikan: sel kolom hasil '{column}' tabel {baris.data.name} "
        f"berisi nilai {_show(value, column)} yang diketik, bukan rumus; sel ini tidak lagi "
        "mengikuti data masukan.",
        "Kolom abu-abu dihitung otomatis: kembalikan rumusnya (salin dari sel di atas atau di "
        "bawahnya) dan perbaiki data di kolom masukan.",
        "rumus-ditimpa",
    )


def _differs(baris: Baris, column: str, computed: Any, what: str) -> Finding | None:
    typed = CellReader(baris.data, []).read(baris.row, column, schema.Kind.VALUE)
    if _agrees(column, typed, computed):
        return None
    shown = persen(computed) if column in _PERCENT_COLUMNS else _show(computed, "")
    return err(
        baris,
        column,
        f"{what}: nilai ketikan {_show(typed, column)} berbeda dengan hasil hitung {shown}.",
        f"Gunakan nilai hasil hitung ({shown}); jangan mengetik angka capaian/jumlah sendiri.",
        "hasil-beda",
    )


def _label(band: Any) -> str:
    return NA if band is None else band.label


def _key(value: Any) -> Any:
    if isinstance(value, str):
        return " ".join(value.split())
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return value


def _expected(laporan: Laporan) -> dict[str, dict[tuple, dict[str, Any]]]:
    """The recomputed value of every compared column, by table and row key."""
    target: dict[tuple, dict[str, Any]] = {}
    komponen: dict[tuple, dict[str, Any]] = {}
    for ind in laporan.indikator:
        for kin in ind.kinerja.values():
            target[(_key(ind.kode), kin.tahun)] = {
                "Realisasi": kin.realisasi if kin.realisasi is not None else "",
                "Capaian": kin.capaian,
                "Predikat": _label(kin.predikat),
                "Kategori": _label(kin.kategori),
            }
            for k in kin.komponen:
                komponen[(_key(ind.kode), kin.tahun, _key(k.nama))] = {"Nilai Komponen": k.nilai}
    sasaran = {(_key(s.kode),): {"Capaian Kinerja": s.capaian} for s in laporan.sasaran}
    anggaran = {
        (_key(s.kode),): {
            "Capaian Kinerja": s.capaian,
            "Capaian Realisasi Anggaran": s.persen_anggaran,
            "Efisiensi": s.efisiensi,
        }
        for s in laporan.sasaran
    }
    ring = laporan.ringkasan
    anggaran[("__jumlah__",)] = {
        "Capaian Kinerja": ring.capaian,
        "Capaian Realisasi Anggaran": ring.persen_anggaran,
        "Efisiensi": ring.efisiensi,
    }
    return {"tblTarget": target, "tblKomponen": komponen, "tblSasaran": sasaran,
            "tblAnggaranSasaran": anggaran}  # fmt: skip


def _row_key(table: str, baris: Baris) -> tuple:
    if table == "tblTarget":
        return (_key(baris["Kode Indikator"]), _key(baris["Tahun"]))
    if table == "tblKomponen":
        return (_key(baris["Kode Indikator"]), _key(baris["Tahun"]), _key(baris["Komponen"]))
    kode = baris["Kode Sasaran"]
    if table == "tblAnggaranSasaran" and isinstance(kode, str) and TOTAL_LABEL.match(kode):
        return ("__jumlah__",)
    return (_key(kode),)


def _what(table: str, key: tuple, column: str) -> str:
    if key == ("__jumlah__",):
        return f"Baris Jumlah efisiensi, kolom {column}"
    return f"{column} {' '.join(str(k) for k in key)}"


def check_typed(book: Workbook, laporan: Laporan | None) -> list[Finding]:
    findings: list[Finding] = []
    expected = _expected(laporan) if laporan is not None else {}
    for table in schema.RESULT_TABLES:
        if complete(book, table) is None:
            continue
        for baris in rows(book, table):
            present = [c.name for c in table.formula_columns if c.name in baris.data.columns]
            typed = [c for c in present if _typed(baris.row, c)]
            findings += [_overwritten(baris, c) for c in typed]
            key = _row_key(table.name, baris)
            values = expected.get(table.name, {}).get(key)
            if values is None:
                continue
            for column in typed:
                if column in values and column in _COMPARED[table.name]:
                    found = _differs(baris, column, values[column], _what(table.name, key, column))
                    if found is not None:
                        findings.append(found)
    return findings


def check_errors(book: Workbook) -> list[Finding]:
    """One catatan for every calculated cell holding an error value (see module docstring)."""
    cells: list[tuple[TableData, Row, str]] = []
    for table in schema.RESULT_TABLES:
        data = book.tables.get(table.name)
        if data is None:
            continue
        for row in data.rows:
            for column in table.formula_columns:
                if column.name in row.formulas and _is_error(_cached(row, column.name)):
                    cells.append((data, row, column.name))
    if not cells:
        return []
    data, row, column = cells[0]
    errors = sorted({str(_cached(r, c)).strip() for _d, r, c in cells})
    return [
        catatan(
            f"{len(cells)} sel kolom hasil (abu-abu) menyimpan galat {', '.join(errors)}, mis. "
            f"{data.ref_of(row, column)}. Buku kerja ini terakhir dihitung oleh program yang "
            "tidak menjalankan fungsi Python (LibreOffice, atau Excel dengan makro nonaktif). "
            "Ini bukan kesalahan isian: periksa dan laporan menghitung semuanya sendiri.",
            saran="Untuk melihat hasilnya di Excel: buka di Excel Windows dengan lkjip-xl "
            "terpasang (lkjip-xl pasang-excel), aktifkan makro, tekan Ctrl+Alt+F9.",
            kode="hasil-galat",
            sheet=data.sheet,
            cell=row.cell(column),
            table=data.name,
            column=column,
        )
    ]


def check_length(book: Workbook) -> list[Finding]:
    findings = []
    for name in _READ_BY_FORMULAS:
        table = schema.TABLES[name]
        data = complete(book, table)
        if data is None or len(data.rows) <= schema.FORMULA_ROWS:
            continue
        position = {id(row): i for i, row in enumerate(data.rows)}
        last = max((position[id(b.row)] for b in rows(book, table)), default=-1)
        if last < schema.FORMULA_ROWS:
            continue
        column = table.columns[0].name
        findings.append(
            peringatan(
                f"Tabel {name} berisi lebih dari {schema.FORMULA_ROWS:,} baris".replace(",", ".")
                + ": rumus Excel (kolom abu-abu dan sheet Hasil) hanya membaca sampai batas itu, "
                "jadi hasil di Excel tidak lengkap. Laporan tetap menghitung semua baris.",
                saran="Pisahkan data ke buku kerja lain, atau abaikan hasil di Excel untuk "
                "baris sesudah batas itu.",
                kode="hasil-terpotong",
                sheet=data.sheet,
                cell=data.rows[schema.FORMULA_ROWS].cell(column),
                table=name,
                column=column,
            )
        )
    return findings


def run(book: Workbook, laporan: Laporan | None) -> list[Finding]:
    return check_typed(book, laporan) + check_errors(book) + check_length(book)
