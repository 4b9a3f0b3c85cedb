"""The Hasil sheet: formula cells overwritten by typed values, and typed numbers that are wrong.

The builder (lkjip_xl.workbook.formulas) fills every cell of tblHasil and tblEfisiensi with a
formula: tblHasil row i shows row i of tblTarget (``INDEX(<tblTarget range>, i)``), tblEfisiensi
row j shows row j of tblSasaran. The report never reads these cells (it recomputes everything
with the core rules), but staff read them and copy them into other documents, so:

- ``rumus-ditimpa`` (kesalahan): a cell of tblHasil/tblEfisiensi holds a typed value instead of
  its formula ("rumus ditimpa nilai ketikan"); the cell no longer follows the input tables.
- ``hasil-beda`` (kesalahan): that typed value differs from the recomputed one as displayed:
  percentages at 2 decimals of percent, half-up (71,42% typed vs 71,43% computed is a finding,
  0.7125 vs 0.712500001 is not), amounts to the Rupiah, labels case-insensitively.
- A typed "Jumlah"/"Total" row in tblEfisiensi (the reference's Tabel 3.8 Jumlah row) is
  compared with: the mean of the sasaran capaian (core.rules.rata_rata, N/A left out), the
  budget totals, the total realisasi anggaran (total realisasi / total anggaran, as 3.4.1 does:
  95,11%, NOT the mean of the row percentages) and their efisiensi (core.rules.efisiensi).

Which row a cell belongs to: the typed Kode/Tahun when they were typed, else the row number in
the Kode formula's INDEX(...), else the row's position.
"""

from __future__ import annotations

import re
from typing import Any

from lkjip_xl import schema
from lkjip_xl.checks.base import (
    TOTAL_LABEL,
    Baris,
    angka,
    complete,
    err,
    persen,
    same_number,
    same_percent,
)
from lkjip_xl.core import rules
from lkjip_xl.core.findings import Finding
from lkjip_xl.core.model import KinerjaTahun, Laporan, Sasaran
from lkjip_xl.core.values import is_blank
from lkjip_xl.readers.cells import CellReader
from lkjip_xl.readers.tables import Row, TableData, Workbook

_INDEX = re.compile(
    r"INDEX\(\s*(?:'[^']*'|[^!,()]*)!?\$?[A-Z]{1,3}\$?(\d+)\s*:\s*\$?[A-Z]{1,3}\$?"
    r"\d+\s*,\s*(\d+)\s*\)",
    re.IGNORECASE,
)
_PERCENT_COLUMNS = {"Capaian", "Capaian Kinerja", "Realisasi Anggaran", "Efisiensi"}
_AMOUNT_COLUMNS = {"Anggaran", "Realisasi"}  # of tblEfisiensi


def _typed(row: Row, column: str) -> bool:
    value = row.values.get(column)
    return column not in row.formulas and not is_blank(value)


def _source_row(row: Row, column: str, position: int, source: TableData | None) -> Row | None:
    """The input row a formula row shows: by the INDEX row number, else by position."""
    if source is None:
        return None
    match = _INDEX.search(row.formulas.get(column, ""))
    if match:
        excel_row = int(match.group(1)) + int(match.group(2)) - 1
        for src in source.rows:
            cell = src.cell(column) or next(iter(src.cells.values()), "")
            if re.sub(r"^[A-Z]+", "", cell or "") == str(excel_row):
                return src
        return None
    return source.rows[position] if position < len(source.rows) else None


def _typed_value(data: TableData, row: Row, column: str) -> Any:
    return CellReader(data, []).read(row, column, schema.Kind.VALUE)


def _overwritten(data: TableData, row: Row, column: str) -> Finding:
    value = row.values.get(column)
    return err(
        Baris(data, row, {}),
        column,
        f"Rumus ditimpa nilai ketikan: sel kolom '{column}' tabel {data.name} berisi "
        f"nilai {_show(value, column)} yang diketik, bukan rumus; sel ini tidak lagi "
        "mengikuti "
        "data masukan.",
        "Jangan mengetik di sheet Hasil: kembalikan rumusnya (salin dari baris lain atau "
        "buat ulang buku kerja dari templat) dan perbaiki data di tabel masukan.",
        "rumus-ditimpa",
    )


def _show(value: Any, column: str = "") -> str:
    numeric = isinstance(value, (int, float)) and not isinstance(value, bool)
    if numeric and column in _PERCENT_COLUMNS:
        return persen(value)
    if isinstance(value, float) and abs(value) <= 10:
        return f"{angka(value)} ({persen(value)})"
    return f"'{value}'" if isinstance(value, str) else angka(value)


def _differs(
    data: TableData, row: Row, column: str, typed: Any, computed: Any, what: str
) -> Finding:
    shown = persen(computed) if column in _PERCENT_COLUMNS else angka(computed)
    typed_shown = (
        persen(typed)
        if column in _PERCENT_COLUMNS and isinstance(typed, (int, float))
        else _show(typed)
    )
    return err(
        Baris(data, row, {}),
        column,
        f"{what}: nilai ketikan {typed_shown} berbeda dengan hasil hitung {shown}.",
        f"Gunakan nilai hasil hitung ({shown}); jangan mengetik angka capaian/jumlah sendiri.",
        "hasil-beda",
    )


def _agrees(column: str, typed: Any, computed: Any) -> bool:
    if column in _PERCENT_COLUMNS:
        return same_percent(typed, computed)
    if column in _AMOUNT_COLUMNS and not isinstance(typed, str):
        return same_number(typed, computed, 0)
    return same_number(typed, computed)


def _key(value: Any) -> Any:
    if isinstance(value, str):
        return " ".join(value.split()).casefold()
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return value


def check_hasil(book: Workbook, laporan: Laporan | None) -> list[Finding]:
    findings: list[Finding] = []
    data = complete(book, schema.HASIL)
    if data is None:
        return findings
    source = book.tables.get(schema.TARGET.name)
    kinerja = {}
    if laporan is not None:
        kinerja = {
            (_key(ind.kode), kin.tahun): kin
            for ind in laporan.indikator
            for kin in ind.kinerja.values()
        }
    for position, row in enumerate(data.rows):
        typed_cols = [c for c in schema.HASIL.column_names if _typed(row, c)]
        if not typed_cols:
            continue
        findings += [_overwritten(data, row, c) for c in typed_cols]
        if laporan is None:
            continue
        src = _source_row(row, "Kode Indikator", position, source)
        kode = (
            row.values.get("Kode Indikator")
            if _typed(row, "Kode Indikator")
            else (src.get("Kode Indikator") if src else None)
        )
        tahun = (
            row.values.get("Tahun") if _typed(row, "Tahun") else (src.get("Tahun") if src else None)
        )
        kin = kinerja.get((_key(kode), _key(tahun)))
        if kin is None:
            continue
        for column in typed_cols:
            computed = _hasil_value(kin, column, kode, tahun)
            if computed is _SKIP:
                continue
            typed = _typed_value(data, row, column)
            if not _agrees(column, typed, computed):
                findings.append(
                    _differs(data, row, column, typed, computed, f"{column} {kode} tahun {tahun}")
                )
    return findings


_SKIP = object()


def _hasil_value(kin: KinerjaTahun, column: str, kode: Any, tahun: Any) -> Any:
    if column == "Kode Indikator":
        return kode
    if column == "Tahun":
        return tahun
    if column == "Target":
        return kin.target if kin.target is not None else ""
    if column == "Realisasi":
        return kin.realisasi if kin.realisasi is not None else ""
    if column == "Capaian":
        return kin.capaian
    band = kin.predikat if column == "Predikat" else kin.kategori
    return band.label if band is not None else "N/A"


def check_efisiensi(book: Workbook, laporan: Laporan | None) -> list[Finding]:
    findings: list[Finding] = []
    data = complete(book, schema.EFISIENSI)
    if data is None:
        return findings
    source = book.tables.get(schema.SASARAN.name)
    sasaran = {_key(s.kode): s for s in laporan.sasaran} if laporan is not None else {}
    for position, row in enumerate(data.rows):
        typed_cols = [c for c in schema.EFISIENSI.column_names if _typed(row, c)]
        if not typed_cols:
            continue
        findings += [_overwritten(data, row, c) for c in typed_cols]
        if laporan is None:
            continue
        kode = row.values.get("Kode Sasaran")
        if _typed(row, "Kode Sasaran"):
            is_total = isinstance(kode, str) and bool(TOTAL_LABEL.match(kode))
        else:
            src = _source_row(row, "Kode Sasaran", position, source)
            kode, is_total = (src.get("Kode Sasaran") if src else None), False
        if is_total:
            expected = _jumlah(laporan)
            what = "Baris Jumlah efisiensi (Tabel 3.8)"
        else:
            sas = sasaran.get(_key(kode))
            if sas is None:
                continue
            expected = _sasaran_values(sas)
            what = f"Efisiensi sasaran {kode}"
        for column in typed_cols:
            if column not in expected:
                continue
            typed = _typed_value(data, row, column)
            if not _agrees(column, typed, expected[column]):
                findings.append(
                    _differs(data, row, column, typed, expected[column], f"{what}, kolom {column}")
                )
    return findings


def _sasaran_values(sas: Sasaran) -> dict[str, Any]:
    return {
        "Capaian Kinerja": sas.capaian,
        "Anggaran": sas.anggaran if sas.anggaran is not None else "",
        "Realisasi": sas.realisasi_anggaran if sas.realisasi_anggaran is not None else "",
        "Realisasi Anggaran": sas.persen_anggaran,
        "Efisiensi": sas.efisiensi,
    }


def _jumlah(laporan: Laporan) -> dict[str, Any]:
    ring = laporan.ringkasan
    mean = rules.rata_rata([s.capaian for s in laporan.sasaran])
    persen_anggaran = rules.realisasi_anggaran(ring.total_anggaran, ring.total_realisasi)
    return {
        "Capaian Kinerja": mean,
        "Anggaran": ring.total_anggaran if ring.total_anggaran is not None else "",
        "Realisasi": ring.total_realisasi if ring.total_realisasi is not None else "",
        "Realisasi Anggaran": persen_anggaran,
        "Efisiensi": rules.efisiensi(mean, persen_anggaran),
    }


def run(book: Workbook, laporan: Laporan | None) -> list[Finding]:
    return check_hasil(book, laporan) + check_efisiensi(book, laporan)
