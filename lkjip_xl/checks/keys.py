"""Keys staff type that select what goes where: Identitas keys and choices, Narasi sections.

Checks (kode):
- ``identitas-ganda`` (kesalahan): an Identitas key typed twice ("Tahun Laporan" in two rows);
  the report would silently take one of them.
- ``gaya-rupiah-tidak-dikenal`` (kesalahan): Gaya Rupiah is not one of schema.GAYA_RUPIAH; the
  report could not print a single amount (periksa and laporan must agree).
- ``narasi-bagian-tidak-dikenal`` (peringatan): a Narasi "Bagian" that no part of the report
  prints: valid keys are schema.NARASI_SECTIONS plus the code keys of KODE_KEYS
  ("sasaran:<Kode Sasaran>", "indikator:<Kode Indikator>", "perbaikan:<kode>") of codes that
  exist. Its text would be dropped without a word; the closest valid key is suggested.
"""

from __future__ import annotations

import difflib

from lkjip_xl import schema
from lkjip_xl.checks.base import Baris, complete, err, rows, warn
from lkjip_xl.core.findings import Finding
from lkjip_xl.core.values import shown
from lkjip_xl.readers.tables import Workbook


def _norm(value: object) -> str:
    return " ".join(str(value).split()).casefold()


def check_identitas(book: Workbook) -> list[Finding]:
    findings: list[Finding] = []
    first: dict[str, Baris] = {}
    for baris in rows(book, schema.IDENTITAS):
        key = baris["Kunci"]
        if not isinstance(key, str) or not key.strip():
            continue
        norm = _norm(key)
        if norm in first:
            findings.append(
                err(
                    baris,
                    "Kunci",
                    f"Kunci Identitas {shown(key)} diisi dua kali (juga di "
                    f"{first[norm].ref('Kunci')}); laporan tidak bisa memilih nilai yang benar.",
                    "Hapus salah satu baris sehingga setiap kunci hanya ada sekali.",
                    "identitas-ganda",
                )
            )
        else:
            first[norm] = baris
    gaya = first.get(_norm("Gaya Rupiah"))
    value = gaya["Nilai"] if gaya is not None else None
    known = {_norm(g) for g in schema.GAYA_RUPIAH}
    if gaya is not None and isinstance(value, str) and value.strip() and _norm(value) not in known:
        choices = " atau ".join(f"'{g}'" for g in schema.GAYA_RUPIAH)
        findings.append(
            err(
                gaya,
                "Nilai",
                f"Gaya Rupiah {shown(value)} tidak dikenal; pilihannya {choices}.",
                f"Pilih {choices} (atau kosongkan untuk 'puebi').",
                "gaya-rupiah-tidak-dikenal",
            )
        )
    return findings


#: Narasi keys made of a prefix and a code, with the tables (and code column) the code comes
#: from; lkjip_xl/schema/keys.py documents them next to NARASI_SECTIONS (as comments, so they are
#: listed here; a new prefix must be added here too).
KODE_KEYS: dict[str, tuple[tuple[schema.Table, str], ...]] = {
    "sasaran": ((schema.SASARAN, "Kode Sasaran"),),
    "indikator": ((schema.INDIKATOR, "Kode Indikator"),),
    "perbaikan": ((schema.INDIKATOR, "Kode Indikator"), (schema.SASARAN, "Kode Sasaran")),
}


def valid_narasi_keys(book: Workbook) -> set[str]:
    keys = {key for key, _ in schema.NARASI_SECTIONS}
    for prefix, sources in KODE_KEYS.items():
        for table, column in sources:
            keys |= {f"{prefix}:{b[column]}" for b in rows(book, table) if b[column]}
    return keys


def check_narasi(book: Workbook) -> list[Finding]:
    findings: list[Finding] = []
    if complete(book, schema.SASARAN) is None or complete(book, schema.INDIKATOR) is None:
        return findings  # codes unknown: the layout check reports the broken table
    valid = valid_narasi_keys(book)
    reported: set[str] = set()
    for baris in rows(book, schema.NARASI):
        key = baris["Bagian"]
        if not isinstance(key, str) or key in valid or key in reported:
            continue
        reported.add(key)
        hint = difflib.get_close_matches(key, sorted(valid), n=1, cutoff=0.6)
        findings.append(
            warn(
                baris,
                "Bagian",
                f"Bagian narasi {shown(key)} tidak dikenal, sehingga teksnya tidak masuk "
                "laporan" + (f" (mungkin maksudnya '{hint[0]}'?)." if hint else "."),
                "Gunakan salah satu kunci Bagian dari templat (lihat sheet Petunjuk), atau "
                "'sasaran:<Kode Sasaran>', 'indikator:<Kode Indikator>', 'perbaikan:<kode>' "
                "dengan kode yang ada di Renstra.",
                "narasi-bagian-tidak-dikenal",
            )
        )
    return findings


def run(book: Workbook) -> list[Finding]:
    return check_identitas(book) + check_narasi(book)
