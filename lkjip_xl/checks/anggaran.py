"""Budget tables: realisasi above pagu, typed total rows, totals that do not add up.

Checks (kode):
- ``realisasi-melebihi-pagu`` (peringatan, per row of tblAnggaranSasaran and tblBelanja):
  realisasi above anggaran.
- ``baris-jumlah-diketik`` (kesalahan): a row labelled "Jumlah"/"Total" typed into an input
  table (tblProgram, tblAnggaranSasaran, tblBelanja, tblPendapatan, tblAset, tblSDM). The report
  computes every total itself, so such a row is counted twice. Its value is still compared
  (``total-program-beda`` / ``jumlah-beda``) so a published total that does not add up is named.
- ``anggaran-negatif`` (kesalahan): a negative amount in a budget table (the realisasi
  percentage of that row is N/A).
- ``jumlah-beda`` (peringatan): a typed total row that differs from the sum of the other rows.
- ``total-anggaran-beda`` (peringatan): the anggaran or realisasi total of tblAnggaranSasaran
  (reference Tabel 3.8) differs from that of tblBelanja (3.4.1); both print "the" budget total.
- ``total-program-beda`` (peringatan): the programme total of the Perjanjian Kinerja (tblProgram,
  reference Tabel 2.2) against the total anggaran (tblAnggaranSasaran, else tblBelanja).
  Decision: the PK is signed on the budget at the start of the year while 3.4.1/Tabel 3.8 report
  the DPA after changes (APBD Perubahan), and a PK may list only the programmes behind its IKU,
  so a programme total BELOW the total anggaran is legitimate and not reported. Reported are:
  a programme total ABOVE the total anggaran (programmes cannot spend more than the budget), and
  a total typed into tblProgram as a "TOTAL" row (a published Tabel 2.2 total, as in the
  reference: 65.417.689.586) that differs from the total anggaran (68.269.806.788) - a reader
  of such a report sees two different "total" budgets without an explanation.
"""

from __future__ import annotations

import math
from typing import Any

from lkjip_xl import schema
from lkjip_xl.checks.base import Baris, err, is_total_row, rows, warn
from lkjip_xl.core.findings import Finding, peringatan
from lkjip_xl.core.numbers import format_angka
from lkjip_xl.core.values import InvalidValue
from lkjip_xl.readers.tables import Workbook

#: Input tables with amounts: (table, label columns, amount columns).
_AMOUNT_TABLES: tuple[tuple[schema.Table, tuple[str, ...], tuple[str, ...]], ...] = (
    (schema.PROGRAM, ("Kode Program", "Program"), ("Anggaran",)),
    (schema.ANGGARAN_SASARAN, ("Kode Sasaran",), ("Anggaran", "Realisasi")),
    (schema.BELANJA, ("Jenis Belanja",), ("Anggaran", "Realisasi")),
    (schema.PENDAPATAN, ("Uraian",), ("Target", "Realisasi")),
    (schema.ASET, ("Jenis Aset",), ("Nilai Aset",)),
    (schema.SDM, ("Uraian",), ("Jumlah",)),
)


def rp(value: Any) -> str:
    try:
        return format_angka(value, 0)
    except (InvalidValue, ArithmeticError):
        return str(value)


def _num(value: Any) -> float | None:
    if isinstance(value, (int, float)) and not isinstance(value, bool) and math.isfinite(value):
        return float(value)
    return None


def split_totals(
    book: Workbook, table: schema.Table, labels: tuple[str, ...]
) -> tuple[list[Baris], list[Baris]]:
    """(data rows, typed total rows) of a table."""
    data, totals = [], []
    for baris in rows(book, table):
        (totals if is_total_row(baris, labels) else data).append(baris)
    return data, totals


def _sum(lines: list[Baris], column: str) -> float | None:
    values = [_num(b[column]) for b in lines]
    present = [v for v in values if v is not None]
    return math.fsum(present) if present else None


def check_pagu(book: Workbook) -> list[Finding]:
    findings = []
    for table, labels in (
        (schema.ANGGARAN_SASARAN, ("Kode Sasaran",)),
        (schema.BELANJA, ("Jenis Belanja",)),
    ):
        data, _ = split_totals(book, table, labels)
        for baris in data:
            a, r = _num(baris["Anggaran"]), _num(baris["Realisasi"])
            if a is not None and r is not None and r > a:
                findings.append(
                    warn(
                        baris,
                        "Realisasi",
                        f"Realisasi {baris[labels[0]]} ({rp(r)}) melebihi anggaran/pagu ({rp(a)}).",
                        "Periksa angka realisasi dan anggaran (pagu setelah perubahan).",
                        "realisasi-melebihi-pagu",
                    )
                )
    return findings


def check_negative(book: Workbook) -> list[Finding]:
    findings = []
    for table, _labels, amounts in _AMOUNT_TABLES:
        for baris in rows(book, table):
            for column in amounts:
                value = _num(baris[column])
                if value is not None and value < 0:
                    findings.append(
                        err(
                            baris,
                            column,
                            f"Nilai {column} negatif ({rp(value)}).",
                            "Ketik nilai positif; pengembalian/koreksi dicatat sebagai pengurang "
                            "realisasi, bukan anggaran negatif.",
                            "anggaran-negatif",
                        )
                    )
    return findings


def check_typed_totals(book: Workbook) -> list[Finding]:
    findings = []
    for table, labels, amounts in _AMOUNT_TABLES:
        data, totals = split_totals(book, table, labels)
        for baris in totals:
            label = next(str(baris[c]) for c in labels if isinstance(baris[c], str))
            findings.append(
                err(
                    baris,
                    labels[0],
                    f"Baris '{label.strip()}' di tabel {table.name} adalah jumlah yang diketik; "
                    "laporan menghitung jumlah sendiri sehingga baris ini akan terhitung dua kali.",
                    "Hapus baris jumlah ini; total dicetak otomatis di laporan.",
                    "baris-jumlah-diketik",
                )
            )
            if table is schema.SDM:
                continue  # the SDM groups are summed per group, see checks.sdm
            for column in amounts:
                typed, total = _num(baris[column]), _sum(data, column)
                if typed is not None and total is not None and round(typed) != round(total):
                    findings.append(
                        warn(
                            baris,
                            column,
                            f"Jumlah {column} yang diketik ({rp(typed)}) tidak sama dengan jumlah "
                            f"baris-baris di atasnya ({rp(total)}).",
                            "Hapus baris jumlah yang diketik.",
                            "jumlah-beda",
                        )
                    )
    return findings


def total_anggaran(book: Workbook) -> tuple[float | None, float | None, str]:
    """Total anggaran and realisasi as the report prints them, and where they come from."""
    for table, labels in (
        (schema.ANGGARAN_SASARAN, ("Kode Sasaran",)),
        (schema.BELANJA, ("Jenis Belanja",)),
    ):
        data, _ = split_totals(book, table, labels)
        total = _sum(data, "Anggaran")
        if total is not None:
            return total, _sum(data, "Realisasi"), table.name
    return None, None, ""


def check_totals(book: Workbook) -> list[Finding]:
    findings: list[Finding] = []
    sas, _ = split_totals(book, schema.ANGGARAN_SASARAN, ("Kode Sasaran",))
    bel, _ = split_totals(book, schema.BELANJA, ("Jenis Belanja",))
    if sas and bel:
        for column in ("Anggaran", "Realisasi"):
            a, b = _sum(sas, column), _sum(bel, column)
            if a is not None and b is not None and round(a) != round(b):
                findings.append(
                    peringatan(
                        f"Total {column.lower()} per sasaran (tabel tblAnggaranSasaran, "
                        f"Tabel 3.8) = "
                        f"{rp(a)} tidak sama dengan total {column.lower()} per jenis belanja "
                        f"(tabel "
                        f"tblBelanja, 3.4.1) = {rp(b)}; selisih {rp(abs(a - b))}.",
                        saran="Kedua tabel harus berjumlah sama: periksa baris yang terlewat atau "
                        "angka yang salah ketik.",
                        kode="total-anggaran-beda",
                        **sas[0].where(column),
                    )
                )
    total, _, source = total_anggaran(book)
    programs, typed = split_totals(book, schema.PROGRAM, ("Kode Program", "Program"))
    program_total = _sum(programs, "Anggaran")
    if total is None or program_total is None:
        return findings
    for baris in typed:
        value = _num(baris["Anggaran"])
        if value is not None and round(value) != round(total):
            findings.append(
                warn(
                    baris,
                    "Anggaran",
                    f"Total anggaran program yang diketik (Tabel 2.2) = {rp(value)} berbeda dengan "
                    f"total anggaran {rp(total)} (tabel {source}, Tabel 3.8/3.4.1); laporan akan "
                    "memuat dua angka 'total anggaran' yang berbeda tanpa penjelasan.",
                    "Hapus baris total; bila anggaran Perjanjian Kinerja memang berbeda dari DPA "
                    "(mis. karena APBD Perubahan), jelaskan di narasi perjanjian_kinerja.",
                    "total-program-beda",
                )
            )
    if not typed and round(program_total) > round(total):
        findings.append(
            warn(
                programs[0],
                "Anggaran",
                f"Jumlah anggaran program Perjanjian Kinerja (tabel tblProgram, Tabel 2.2) = "
                f"{rp(program_total)} melebihi total anggaran {rp(total)} (tabel {source}).",
                "Periksa anggaran program: program tidak dapat melebihi total anggaran.",
                "total-program-beda",
            )
        )
    return findings


def run(book: Workbook) -> list[Finding]:
    return check_pagu(book) + check_negative(book) + check_typed_totals(book) + check_totals(book)
