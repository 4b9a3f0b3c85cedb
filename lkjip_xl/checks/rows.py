"""Data the report uses but staff cannot see, or that the file does not really hold.

Checks (kode), on the input tables of the layout:
- ``baris-tersembunyi`` (peringatan): rows with data that are hidden, by hand or by an active
  filter; the report uses them although the sheet does not show them.
- ``kolom-tersembunyi`` (peringatan): a hidden column of an input table.
- ``rumus-tanpa-nilai`` (peringatan): a formula cell whose result the file does not store
  (openpyxl and some scripts save formulas that way; Excel always stores one). The reader can
  only read it as empty; computed columns of the layout (Kind.FORMULA, recomputed by the
  toolkit) are not concerned.
"""

from __future__ import annotations

import re

from lkjip_xl import schema
from lkjip_xl.checks.workbook import listed
from lkjip_xl.core.findings import Finding, peringatan
from lkjip_xl.core.values import shown
from lkjip_xl.readers.tables import NOT_CACHED, Row, TableData, Workbook

_ROW_NUMBER = re.compile(r"^[A-Z]+")


def _input_tables(book: Workbook) -> list[tuple[schema.Table, TableData]]:
    return [(t, book.tables[t.name]) for t in schema.INPUT_TABLES if t.name in book.tables]


def _first_cell(table: TableData, row: Row) -> str | None:
    return next((row.cell(c) for c in table.columns if row.cell(c)), None)


def check_hidden_rows(book: Workbook) -> list[Finding]:
    findings: list[Finding] = []
    for _, table in _input_tables(book):
        hidden = [r for r in table.rows if r.hidden]
        if not hidden:
            continue
        numbers = [
            (_first_cell(table, r) or "").lstrip("ABCDEFGHIJKLMNOPQRSTUVWXYZ") for r in hidden
        ]
        how = (
            "tersaring oleh filter yang aktif atau disembunyikan"
            if table.filtered
            else ("disembunyikan")
        )
        findings.append(
            peringatan(
                f"Baris {listed(numbers, unit='baris')} tabel {table.name} {how}, tetapi "
                "datanya tetap dipakai laporan.",
                sheet=table.sheet,
                cell=_first_cell(table, hidden[0]),
                table=table.name,
                saran="Tampilkan semua baris (Excel: Data > Clear untuk filter; pilih baris di "
                "sekitarnya, klik kanan > Unhide) dan periksa isinya; hapus baris yang memang "
                "tidak boleh masuk laporan.",
                kode="baris-tersembunyi",
            )
        )
    return findings


def check_hidden_columns(book: Workbook) -> list[Finding]:
    return [
        peringatan(
            f"Kolom '{name}' tabel {table.name} disembunyikan, tetapi isinya dipakai laporan.",
            sheet=table.sheet,
            table=table.name,
            column=name,
            saran="Tampilkan kolom itu (pilih kolom di sekitarnya, klik kanan > Unhide) dan "
            "periksa isinya.",
            kode="kolom-tersembunyi",
        )
        for spec, table in _input_tables(book)
        for name in table.hidden_columns
        if name in spec.column_names
    ]


def check_uncached(book: Workbook) -> list[Finding]:
    findings: list[Finding] = []
    for spec, table in _input_tables(book):
        read = {c.name for c in spec.columns if c.kind is not schema.Kind.FORMULA}
        for row in table.rows:
            for column, stored in row.cached.items():
                if stored is not NOT_CACHED or column not in read:
                    continue
                findings.append(
                    peringatan(
                        f"Sel berisi rumus {shown(row.formulas.get(column, ''))} tetapi berkas "
                        "tidak menyimpan hasilnya (berkas disimpan oleh program selain Excel), "
                        "sehingga nilainya terbaca kosong.",
                        sheet=table.sheet,
                        cell=row.cell(column),
                        table=table.name,
                        column=column,
                        saran="Buka berkas di Excel lalu simpan ulang (hasil rumus ikut "
                        "tersimpan), atau ketik nilainya langsung.",
                        kode="rumus-tanpa-nilai",
                    )
                )
    return findings


def run(book: Workbook) -> list[Finding]:
    return check_hidden_rows(book) + check_hidden_columns(book) + check_uncached(book)
