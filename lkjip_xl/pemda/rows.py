"""Row helpers of the Pemda reader: locations, duplicate and unknown-code findings."""

from __future__ import annotations

from typing import Any

from lkjip_xl.core.findings import Finding, kesalahan, peringatan
from lkjip_xl.readers.to_model import Record, ref


def where(rec: Record, column: str) -> dict[str, str | None]:
    sheet, _, cell = ref(rec, column).rpartition("!")
    return {
        "sheet": sheet.strip("'") or rec["_table"].sheet,
        "cell": cell or None,
        "table": rec["_table"].name,
        "column": column,
    }


def error(findings: list[Finding], rec: Record, column: str, message: str, **kw: str) -> None:
    findings.append(kesalahan(message, **where(rec, column), **kw))


def warn(findings: list[Finding], rec: Record, column: str, message: str, **kw: str) -> None:
    findings.append(peringatan(message, **where(rec, column), **kw))


def duplicates(rows: list[Record], keys: tuple[str, ...], findings: list[Finding]) -> None:
    seen: dict[tuple[Any, ...], Record] = {}
    for r in rows:
        key = tuple(str(r[k]).strip().casefold() for k in keys)
        if key in seen:
            first = ref(seen[key], keys[0])
            error(
                findings,
                r,
                keys[0],
                f"{' + '.join(keys)} '{' / '.join(str(r[k]) for k in keys)}' tercatat dua kali "
                f"(juga di {first}).",
                kode="kode-ganda",
                saran="Hapus atau perbaiki salah satu baris.",
            )
        else:
            seen[key] = r


def unknown(findings: list[Finding], r: Record, column: str, target: str) -> None:
    error(
        findings,
        r,
        column,
        f"{column} '{r[column]}' tidak terdaftar di tabel {target}.",
        kode="kode-tidak-dikenal",
        saran=f"Samakan dengan kode di tabel {target}.",
    )
